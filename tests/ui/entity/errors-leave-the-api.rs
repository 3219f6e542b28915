use dataverse_model::{dataverse_entity, Entity, Guid, Operation};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid", primay_name = "name")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Option<String>,
}

// no follow-on errors: the struct and its generated API still exist
fn use_it(account: &Account) -> String {
    let _ = account.validate(Operation::Create);
    let _ = <Account as Entity>::METADATA;
    Account::select()
}

fn main() {
    let _ = use_it(&Account { accountid: None, name: None });
}
