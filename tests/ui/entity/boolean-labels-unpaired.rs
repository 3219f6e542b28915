use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(true_label = "Allow")]
    pub donotemail: Option<bool>,
    #[dataverse(true_label(1033 = "Yes", 1033 = "Oui"), false_label())]
    pub donotfax: Option<bool>,
    #[dataverse(true_label = "Yes", false_label = No)]
    pub donotphone: Option<bool>,
}

fn main() {}
