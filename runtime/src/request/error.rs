//! What can go wrong building a request or reading a response.

use std::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::ServiceError;

/// A request could not be built: a service root, link or header value that is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    message: String,
}

impl RequestError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RequestError {}

/// A response that is not the expected result, with what the service said.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponseError {
    /// 404: the row (or the resource) does not exist.
    NotFound {
        /// The service's error body, when it sent one.
        error: Option<ServiceError>,
    },
    /// 412: the row changed since its etag was read (`If-Match` did not match), or
    /// `If-Match: *` found no row to update.
    PreconditionFailed {
        /// The service's error body, when it sent one.
        error: Option<ServiceError>,
    },
    /// 429: a service protection limit was reached; wait `retry_after` before sending again
    /// (see "Service protection limits" in the `request` module's documentation).
    TooManyRequests {
        /// The `Retry-After` header, when it holds a number of seconds.
        retry_after: Option<Duration>,
        /// The service's error body, when it sent one.
        error: Option<ServiceError>,
    },
    /// Another error status with the service's error body.
    Service {
        /// The status.
        status: StatusCode,
        /// What the service said.
        error: ServiceError,
    },
    /// A status this function does not expect, without a service error body (a gateway's
    /// HTML page, a redirect, ...).
    UnexpectedStatus {
        /// The status.
        status: StatusCode,
        /// The body as text (invalid UTF-8 replaced), at most 2,000 bytes of it.
        body: String,
    },
    /// A success status whose body or headers do not have the expected shape.
    Body {
        /// The status.
        status: StatusCode,
        /// What was wrong (lowercase, no trailing period).
        message: String,
    },
}

impl ResponseError {
    /// The service's error, whatever the status.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self {
            Self::NotFound { error }
            | Self::PreconditionFailed { error }
            | Self::TooManyRequests { error, .. } => error.as_ref(),
            Self::Service { error, .. } => Some(error),
            Self::UnexpectedStatus { .. } | Self::Body { .. } => None,
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = |f: &mut fmt::Formatter<'_>, error: &Option<ServiceError>| match error {
            Some(error) => write!(f, " ({error})"),
            None => Ok(()),
        };
        match self {
            Self::NotFound { error } => {
                f.write_str("the row does not exist (404)")?;
                said(f, error)
            }
            Self::PreconditionFailed { error } => {
                f.write_str(
                    "the row changed since it was read, or does not exist (412); read it again and retry",
                )?;
                said(f, error)
            }
            Self::TooManyRequests { retry_after, error } => {
                f.write_str("a service protection limit was reached (429)")?;
                if let Some(wait) = retry_after {
                    write!(f, "; retry after {} s", wait.as_secs_f64())?;
                }
                said(f, error)
            }
            Self::Service { status, error } => write!(f, "{error} ({status})"),
            Self::UnexpectedStatus { status, body } => {
                write!(f, "unexpected status {status}")?;
                if !body.is_empty() {
                    write!(f, ": {body}")?;
                }
                Ok(())
            }
            Self::Body { status, message } => {
                write!(
                    f,
                    "the response ({status}) is not what was expected: {message}"
                )
            }
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.service_error()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}
