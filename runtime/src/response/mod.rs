//! What the service sends back: collection pages, change-tracking pages and service errors.

mod delta;
mod page;
mod service_error;

pub use delta::{DeltaPage, DeltaRow};
pub use page::Page;
pub use service_error::ServiceError;
