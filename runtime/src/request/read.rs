//! Reading a response into the typed result, or an error that keeps what the service said.

use std::time::Duration;

use http::{HeaderMap, Response, StatusCode};
use serde::de::DeserializeOwned;

use super::error::ResponseError;
use crate::{Entity, Guid, Page, ServiceError};

/// What a successful response can be read as: a row `E` (retrieve, or create/update with
/// `return=representation`), a [`Page<E>`] (retrieve-multiple, next page), the id of a
/// created row as a [`Guid`] (from `OData-EntityId`), [`CreatedIds`] (`CreateMultiple`), or
/// `()` (update, delete, associate: no content).
pub trait FromResponse: Sized {
    /// Reads a response whose status is a success (2xx).
    fn from_success(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self, ResponseError>;
}

/// Reads `response` as `T`, or as the error the service reported: 404, 412 (the row changed
/// since its etag was read), 429 (with `Retry-After`), another status with the service's
/// error body, a status without one, or a body of the wrong shape.
///
/// ```
/// use dataverse_model::request::{read_response, ResponseError};
/// use dataverse_model::Guid;
///
/// let created = http::Response::builder()
///     .status(204)
///     .header("OData-EntityId", "https://contoso.crm.dynamics.com/api/data/v9.2/accounts(7d577253-3ef0-4a0a-bb7f-8335c2596e70)")
///     .body(Vec::new())
///     .unwrap();
/// let id: Guid = read_response(&created).unwrap();
/// assert_eq!(id.to_string(), "7d577253-3ef0-4a0a-bb7f-8335c2596e70");
///
/// let throttled = http::Response::builder()
///     .status(429)
///     .header("Retry-After", "30")
///     .body(br#"{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit of 6000 over time window of 300 seconds."}}"#.to_vec())
///     .unwrap();
/// match read_response::<()>(&throttled) {
///     Err(ResponseError::TooManyRequests { retry_after, error }) => {
///         assert_eq!(retry_after, Some(std::time::Duration::from_secs(30)));
///         assert_eq!(error.unwrap().code(), "0x80072322");
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
pub fn read_response<T: FromResponse>(
    response: &Response<impl AsRef<[u8]>>,
) -> Result<T, ResponseError> {
    read_parts(
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

/// [`read_response`] on a response's parts.
pub fn read_parts<T: FromResponse>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, ResponseError> {
    if status.is_success() {
        return T::from_success(status, headers, body);
    }
    let error = ServiceError::from_body(body);
    Err(match status {
        StatusCode::NOT_FOUND => ResponseError::NotFound { error },
        StatusCode::PRECONDITION_FAILED => ResponseError::PreconditionFailed { error },
        StatusCode::TOO_MANY_REQUESTS => ResponseError::TooManyRequests {
            retry_after: retry_after(headers),
            error,
        },
        _ => match error {
            Some(error) if status.is_client_error() || status.is_server_error() => {
                ResponseError::Service { status, error }
            }
            _ => ResponseError::UnexpectedStatus {
                status,
                body: text_excerpt(body),
            },
        },
    })
}

/// `Retry-After` as a number of seconds (the form the service sends).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    let seconds: f64 = text.trim().parse().ok()?;
    Duration::try_from_secs_f64(seconds).ok()
}

fn text_excerpt(body: &[u8]) -> String {
    const LIMIT: usize = 2000;
    let mut text = String::from_utf8_lossy(&body[..body.len().min(LIMIT)]).into_owned();
    if body.len() > LIMIT {
        text.push('…');
    }
    text
}

fn json<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T, ResponseError> {
    if body.is_empty() {
        return Err(ResponseError::Body {
            status,
            message: "the body is empty; ask for the row with `Prefer: return=representation`"
                .to_owned(),
        });
    }
    serde_json::from_slice(body).map_err(|error| ResponseError::Body {
        status,
        message: error.to_string(),
    })
}

impl<E: Entity + DeserializeOwned> FromResponse for E {
    fn from_success(status: StatusCode, _: &HeaderMap, body: &[u8]) -> Result<Self, ResponseError> {
        json(status, body)
    }
}

impl<E: Entity + DeserializeOwned> FromResponse for Page<E> {
    fn from_success(status: StatusCode, _: &HeaderMap, body: &[u8]) -> Result<Self, ResponseError> {
        json(status, body)
    }
}

/// No content expected: any success.
impl FromResponse for () {
    fn from_success(_: StatusCode, _: &HeaderMap, _: &[u8]) -> Result<Self, ResponseError> {
        Ok(())
    }
}

/// The id of the created (or upserted) row, from `OData-EntityId`.
impl FromResponse for Guid {
    fn from_success(
        status: StatusCode,
        headers: &HeaderMap,
        _: &[u8],
    ) -> Result<Self, ResponseError> {
        let missing = || ResponseError::Body {
            status,
            message: "the `OData-EntityId` header is missing".to_owned(),
        };
        let value = headers.get("OData-EntityId").ok_or_else(missing)?;
        let text = value.to_str().map_err(|_| ResponseError::Body {
            status,
            message: "the `OData-EntityId` header is not text".to_owned(),
        })?;
        entity_id(text).ok_or_else(|| ResponseError::Body {
            status,
            message: format!(
                "`OData-EntityId: {text}` is not the URL of a row (`<service root><entity set>(<id>)`)"
            ),
        })
    }
}

/// The id in `<url>/<entity set>(<id>)`: a URL (absolute or a path), its last segment an
/// entity set name followed by a Guid in parentheses.
pub(crate) fn entity_id(url: &str) -> Option<Guid> {
    let uri: http::Uri = url.parse().ok()?;
    if uri.query().is_some() || uri.scheme().is_some() != uri.authority().is_some() {
        return None;
    }
    let segment = uri.path().rsplit('/').next()?;
    let (set, rest) = segment.split_once('(')?;
    let id = rest.strip_suffix(')')?;
    let set_is_name =
        !set.is_empty() && set.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !set_is_name || id.len() != 36 {
        return None;
    }
    Guid::try_parse(id).ok()
}

/// The ids `CreateMultiple` answers with (`{"Ids": [...]}`), in the order of the rows sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CreatedIds {
    /// The new rows' ids.
    #[serde(rename = "Ids")]
    pub ids: Vec<Guid>,
}

impl FromResponse for CreatedIds {
    fn from_success(status: StatusCode, _: &HeaderMap, body: &[u8]) -> Result<Self, ResponseError> {
        json(status, body)
    }
}
