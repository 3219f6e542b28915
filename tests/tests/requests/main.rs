//! Requests and responses: service errors, request building, response reading, `$batch`,
//! bulk messages. One test binary; a file per idea.

mod batch;
mod build;
mod bulk;
mod clearing;
mod responses;
mod service_error;

use dataverse_model::query::{Many, Navigation, One, Query};
use dataverse_model::request::{
    AlternateKey, Batch, BatchError, ChangeSet, CreatedIds, IfMatch, ResponseError, Service,
    read_batch, read_batch_body, read_response,
};
use dataverse_model::{Field, Guid, Page, dataverse_entity, lookup};
use proptest::prelude::*;

lookup! {
    #[lookup(column = "primarycontactid", table = "account")]
    pub enum PrimaryContact {
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug)]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Field<String>,
    pub accountnumber: Field<String>,
    pub primarycontactid: Field<PrimaryContact>,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid"
)]
pub struct Contact {
    pub contactid: Option<Guid>,
    pub fullname: Field<String>,
}

const PRIMARY_CONTACT: Navigation<Account, Contact, One> = Navigation::new("primarycontactid");
const CONTACTS: Navigation<Account, Contact, Many> = Navigation::new("contact_customer_accounts");

const ID: &str = "7d577253-3ef0-4a0a-bb7f-8335c2596e70";
const CONTACT_ID: &str = "0928bcb4-bb27-ed11-9db1-002248274ada";

fn id() -> Guid {
    Guid::parse_str(ID).unwrap()
}

fn account(name: &str) -> Account {
    Account {
        accountid: None,
        name: Field::Value(name.to_owned()),
        accountnumber: Field::Unset,
        primarycontactid: Field::Unset,
        etag: None,
    }
}

fn header<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> Option<&'a str> {
    request.headers().get(name).map(|v| v.to_str().unwrap())
}

fn body(request: &http::Request<Vec<u8>>) -> &str {
    std::str::from_utf8(request.body()).unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}
