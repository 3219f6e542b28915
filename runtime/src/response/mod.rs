//! What the service sends back: collection pages.

mod page;

pub use page::Page;
