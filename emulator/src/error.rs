//! Errors answered as the service shapes them: `{"error": {"code": "0x…", "message": "…"}}`.
//!
//! Codes and statuses follow the documentation where it gives them: "Troubleshoot Dataverse
//! Web API client errors" (`0x8006088a` resource not found, `0x0` unknown property) and
//! "Perform conditional operations using the Web API" (`0x80060882` version mismatch,
//! `0x80040217` row does not exist, `0x80040237` duplicate).
//!
//! Documentation:
//! <https://learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse/web-api-client-errors>

use http::StatusCode;

/// An error the emulator answers with, as the service would: the HTTP status and the
/// service's error (the runtime's [`ServiceError`](dataverse_model::ServiceError), so a client
/// reads it back with the same type it reads the real service's errors with).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse {
    /// The HTTP status.
    pub status: StatusCode,
    /// The error body: code (e.g. `0x80040217`) and message.
    pub error: dataverse_model::ServiceError,
}

/// Code of a row that does not exist.
pub(crate) const DOES_NOT_EXIST: &str = "0x80040217";
/// Code of an etag that does not match the row's version.
pub(crate) const VERSION_MISMATCH: &str = "0x80060882";
/// Code of a row that already exists.
pub(crate) const DUPLICATE: &str = "0x80040237";
/// Code of a request the OData layer cannot read (payload, URL, query options).
pub(crate) const BAD_REQUEST: &str = "0x80060888";
/// Code of a segment no resource answers to.
pub(crate) const NO_RESOURCE: &str = "0x8006088a";
/// Code of a value the platform's validation refuses (length, range, option).
pub(crate) const VALIDATION: &str = "0x80044331";
/// Code of a delete refused by a Restrict relationship.
pub(crate) const RESTRICTED: &str = "0x80040227";
/// Code of a write to a lookup's `_<col>_value` property.
pub(crate) const LOOKUP_VALUE_WRITE: &str = "0x80048d19";

impl ErrorResponse {
    /// An error with `status`, `code` and `message`.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            error: dataverse_model::ServiceError::new(code, message),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, BAD_REQUEST, message)
    }

    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, VALIDATION, message)
    }

    /// What the service says for a segment it does not know (documented wording).
    pub(crate) fn no_segment(segment: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            NO_RESOURCE,
            format!("Resource not found for the segment '{segment}'."),
        )
    }

    /// What the service says for a row that does not exist.
    pub(crate) fn not_found(logical_name: &str, id: uuid::Uuid) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            DOES_NOT_EXIST,
            format!("{logical_name} With Id = {id} Does Not Exist"),
        )
    }

    /// What the service says for `$select` or `$orderby` naming an unknown property
    /// (documented wording, code `0x0`).
    pub(crate) fn no_property(property: &str, logical_name: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "0x0",
            format!(
                "Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{logical_name}'."
            ),
        )
    }

    /// A feature of the service the emulator does not reproduce.
    pub(crate) fn not_emulated(what: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::NOT_IMPLEMENTED,
            "0x0",
            format!("not emulated: {what}; see the emulator's README for what is"),
        )
    }

    /// The error body, as the service writes it.
    pub fn body(&self) -> Vec<u8> {
        self.error.to_body()
    }
}

impl std::fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.error)
    }
}

impl std::error::Error for ErrorResponse {}
