mod service_error;
pub use service_error::ServiceError;
