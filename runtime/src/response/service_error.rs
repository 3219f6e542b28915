//! The error body the Web API sends with a 4xx or 5xx status.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

/// An error the Dataverse Web API reported, read from its body
/// `{"error": {"code": "0x80040217", "message": "...", ...}}`.
///
/// Everything the service said is kept: the `code` (a hexadecimal Dataverse error code such as
/// `0x80040217`, or empty for errors raised before Dataverse handles the request), the
/// `message` verbatim, and every other member of the `error` object by name in
/// [`annotations`](Self::annotations): the `@Microsoft.PowerApps.CDS.*` annotations
/// (`ErrorDetails.OperationStatus`, `ErrorDetails.SubErrorCode`, `HelpLink`, `TraceText`,
/// `InnerError.Message`) and, in older responses, `innererror`.
///
/// ```
/// use dataverse_model::ServiceError;
///
/// let body = br#"{"error": {"code": "0x80040217", "message": "account With Id = 1 Does Not Exist",
///     "@Microsoft.PowerApps.CDS.HelpLink": "http://go.microsoft.com/fwlink/?LinkID=398563"}}"#;
/// let error = ServiceError::from_body(body).unwrap();
/// assert_eq!(error.code(), "0x80040217");
/// assert_eq!(error.message(), "account With Id = 1 Does Not Exist");
/// assert_eq!(
///     error.annotation_str("@Microsoft.PowerApps.CDS.HelpLink"),
///     Some("http://go.microsoft.com/fwlink/?LinkID=398563")
/// );
/// assert_eq!(
///     error.to_string(),
///     "the service answered with error `0x80040217`: account With Id = 1 Does Not Exist"
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceError {
    code: String,
    message: String,
    annotations: BTreeMap<String, Value>,
}

impl ServiceError {
    /// The help link annotation's name.
    pub const HELP_LINK: &'static str = "@Microsoft.PowerApps.CDS.HelpLink";
    /// The trace text annotation's name (plug-in traces).
    pub const TRACE_TEXT: &'static str = "@Microsoft.PowerApps.CDS.TraceText";
    /// The inner error message annotation's name.
    pub const INNER_ERROR_MESSAGE: &'static str = "@Microsoft.PowerApps.CDS.InnerError.Message";
    /// The operation status annotation's name (set by plug-ins throwing
    /// `InvalidPluginExecutionException` with a status).
    pub const OPERATION_STATUS: &'static str =
        "@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus";
    /// The sub-error code annotation's name.
    pub const SUB_ERROR_CODE: &'static str = "@Microsoft.PowerApps.CDS.ErrorDetails.SubErrorCode";

    /// Builds an error from its parts (for emulators and tests).
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            annotations: BTreeMap::new(),
        }
    }

    /// Adds (or replaces) a member of the `error` object, e.g. [`Self::HELP_LINK`].
    pub fn with_annotation(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.annotations.insert(name.into(), value.into());
        self
    }

    /// Reads a service error body; `None` when the body is not JSON of the shape
    /// `{"error": {"message": "...", ...}}` (a missing or `null` `code` reads as empty).
    pub fn from_body(body: &[u8]) -> Option<Self> {
        let Ok(Value::Object(mut outer)) = serde_json::from_slice::<Value>(body) else {
            return None;
        };
        let Some(Value::Object(mut error)) = outer.remove("error") else {
            return None;
        };
        let message = match error.remove("message")? {
            Value::String(message) => message,
            _ => return None,
        };
        let code = match error.remove("code") {
            Some(Value::String(code)) => code,
            None | Some(Value::Null) => String::new(),
            Some(_) => return None,
        };
        Some(Self {
            code,
            message,
            annotations: error.into_iter().collect(),
        })
    }

    /// Writes the body the service sends for this error.
    pub fn to_body(&self) -> Vec<u8> {
        let mut error = serde_json::Map::new();
        error.insert("code".into(), Value::String(self.code.clone()));
        error.insert("message".into(), Value::String(self.message.clone()));
        for (name, value) in &self.annotations {
            error.insert(name.clone(), value.clone());
        }
        let mut outer = serde_json::Map::new();
        outer.insert("error".into(), Value::Object(error));
        Value::Object(outer).to_string().into_bytes()
    }

    /// The Dataverse error code, e.g. `0x80040217` (may be empty).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The service's message, verbatim.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Every other member of the `error` object, by name (annotations such as
    /// [`Self::TRACE_TEXT`], and `innererror` in older responses).
    pub fn annotations(&self) -> &BTreeMap<String, Value> {
        &self.annotations
    }

    /// One member of the `error` object, when it is a string.
    pub fn annotation_str(&self, name: &str) -> Option<&str> {
        self.annotations.get(name).and_then(Value::as_str)
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.code.is_empty() {
            write!(f, "the service answered with an error: {}", self.message)
        } else {
            write!(
                f,
                "the service answered with error `{}`: {}",
                self.code, self.message
            )
        }
    }
}

impl std::error::Error for ServiceError {}
