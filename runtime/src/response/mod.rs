//! What the service sends back: collection pages and service errors.

mod page;
mod service_error;

pub use page::Page;
pub use service_error::ServiceError;
