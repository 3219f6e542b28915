use dataverse_model::{choice, dataverse_entity, Guid};

choice! {
    #[choice(name = "account_accountcategorycode")]
    pub enum Category { PreferredCustomer = 1, Standard = 2 }
}

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(default = 1, true_label = "Yes", false_label = "No")]
    pub name: Option<String>,
    #[dataverse(default = true)]
    pub accountcategorycode: Option<Category>,
    #[dataverse(default = 3)]
    pub customertypecode: Option<Category>,
    #[dataverse(default = -1)]
    pub industrycode: Option<Category>,
    #[dataverse(default = 2)]
    pub accountclassificationcode: Option<Category>,
}

fn main() {}
