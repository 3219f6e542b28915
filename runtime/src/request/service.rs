//! `Service`: the root every request path is relative to, and the read requests.

use http::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use http::{Method, Request, Uri};

use super::error::RequestError;
use super::key::AlternateKey;
use crate::query::{Prefer, Query};
use crate::{Entity, Guid};

/// The default service root: Web API version 9.2, relative to the organization's URL.
pub const DEFAULT_ROOT: &str = "/api/data/v9.2/";

/// The Web API service root that requests are built against: `/api/data/v9.2/` (the
/// default; the client adds scheme and host) or a full URL such as
/// `https://contoso.crm.dynamics.com/api/data/v9.2/`.
///
/// Every method returns an `http::Request<Vec<u8>>` with the standard headers
/// (`OData-Version: 4.0`, `OData-MaxVersion: 4.0`, `Accept: application/json`, and
/// `Content-Type: application/json; charset=utf-8` on a body); authentication is the
/// client's. Read the response with [`read_response`](super::read_response).
///
/// ```
/// use dataverse_model::{dataverse_entity, Field, Guid};
/// use dataverse_model::query::Query;
/// use dataverse_model::request::Service;
///
/// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// pub struct Account {
///     pub accountid: Option<Guid>,
///     pub name: Field<String>,
/// }
///
/// let service = Service::default();
/// let query = Query::<Account>::new().filter(Account::COLUMNS.name.eq("Contoso")).max_page_size(10);
/// let request = service.retrieve_multiple(&query).unwrap();
/// assert_eq!(request.method(), "GET");
/// assert_eq!(
///     request.uri(),
///     "/api/data/v9.2/accounts?$select=accountid,name&$filter=name%20eq%20'Contoso'"
/// );
/// assert_eq!(request.headers()["Prefer"], "odata.maxpagesize=10");
/// assert_eq!(request.headers()["OData-Version"], "4.0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    root: String,
    /// `scheme://authority` in lowercase, when the root is a full URL.
    origin: Option<String>,
    /// The root's path, ending with `/`.
    path: String,
}

impl Default for Service {
    fn default() -> Self {
        Self {
            root: DEFAULT_ROOT.to_owned(),
            origin: None,
            path: DEFAULT_ROOT.to_owned(),
        }
    }
}

impl Service {
    /// A service at `root`: a path (`/api/data/v9.2/`) or a full URL
    /// (`https://contoso.crm.dynamics.com/api/data/v9.2/`); a missing final `/` is added.
    pub fn new(root: &str) -> Result<Self, RequestError> {
        let mut root = root.to_owned();
        if !root.ends_with('/') {
            root.push('/');
        }
        let uri: Uri = root.parse().map_err(|_| {
            RequestError::new(format!(
                "service root `{root}` is not a URL; write a path such as `/api/data/v9.2/` or a URL such as `https://contoso.crm.dynamics.com/api/data/v9.2/`"
            ))
        })?;
        let origin = match (uri.scheme_str(), uri.authority()) {
            (Some(scheme), Some(authority))
                if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
            {
                Some(format!("{scheme}://{authority}").to_ascii_lowercase())
            }
            (None, None) if root.starts_with('/') => None,
            _ => {
                return Err(RequestError::new(format!(
                    "service root `{root}` must be a path starting with `/` or an `http(s)://` URL"
                )));
            }
        };
        if uri.query().is_some() {
            return Err(RequestError::new(format!(
                "service root `{root}` has a query; give the root alone, such as `/api/data/v9.2/`"
            )));
        }
        let path = uri.path().to_owned();
        Ok(Self { root, origin, path })
    }

    /// The root, ending with `/`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// `<root><entity set>`.
    pub(crate) fn collection_url<E: Entity>(&self) -> String {
        format!("{}{}", self.root, E::METADATA.entity_set)
    }

    /// `<root><entity set>(<id>)`.
    pub(crate) fn row_url<E: Entity>(&self, id: Guid) -> String {
        format!(
            "{}{}({})",
            self.root,
            E::METADATA.entity_set,
            id.hyphenated()
        )
    }

    /// True when `link` is a URL of this service (same scheme and host when the root has
    /// them, and a path under the root's path).
    pub fn is_service_url(&self, link: &str) -> bool {
        let Ok(uri) = link.parse::<Uri>() else {
            return false;
        };
        let origin_matches = match (&self.origin, uri.scheme_str(), uri.authority()) {
            (Some(origin), Some(scheme), Some(authority)) => {
                *origin == format!("{scheme}://{authority}").to_ascii_lowercase()
            }
            // a link without scheme and host is relative to the service's own host
            (_, None, None) => true,
            (None, Some(_), Some(_)) => true,
            _ => false,
        };
        origin_matches && uri.path().starts_with(&self.path)
    }

    /// `GET <set>(<id>)?$select=<the struct's columns>`: one row by its id.
    pub fn retrieve<E: Entity>(&self, id: Guid) -> Result<Request<Vec<u8>>, RequestError> {
        self.retrieve_with(id, &Query::<E>::new())
    }

    /// `GET <set>(<id>)` with the `$select`, `$expand` and `Prefer` of `query` (its filter,
    /// order, count and top do not apply to one row and are left out).
    pub fn retrieve_with<E: Entity, P>(
        &self,
        id: Guid,
        query: &Query<E, P>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!(
            "{}?{}",
            self.row_url::<E>(id),
            crate::query::encode_options(&query.options_for(true))
        );
        get(&url, query.prefer())
    }

    /// `GET <set>(<key>=<value>,...)?$select=...`: one row by an alternate key.
    pub fn retrieve_by_key<E: Entity>(
        &self,
        key: &AlternateKey<E>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!(
            "{}{}?{}",
            self.root,
            key.path(),
            crate::query::encode_options(&Query::<E>::new().options_for(true))
        );
        get(&url, &Prefer::default())
    }

    /// `GET <set>?<query>` with the query's `Prefer` header: the first page of rows.
    pub fn retrieve_multiple<E: Entity, P>(
        &self,
        query: &Query<E, P>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!("{}?{}", self.collection_url::<E>(), query.encoded());
        get(&url, query.prefer())
    }

    /// `GET <@odata.nextLink>`: the next page, the link used verbatim and the query's
    /// `Prefer` header repeated (page size and annotations apply to every page, as the
    /// service documentation advises). A link that is not a URL of this service is an error.
    pub fn next_page<E: Entity, P>(
        &self,
        query: &Query<E, P>,
        next_link: &str,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        if !self.is_service_url(next_link) {
            return Err(RequestError::new(format!(
                "next link `{next_link}` is not a URL of the service at `{}`; pass the `@odata.nextLink` of a page this service returned",
                self.root
            )));
        }
        get(next_link, query.prefer())
    }
}

/// A request with the standard headers.
pub(crate) fn request(
    method: Method,
    url: &str,
    has_body: bool,
) -> Result<http::request::Builder, RequestError> {
    let uri: Uri = url
        .parse()
        .map_err(|error| RequestError::new(format!("`{url}` is not a valid URL: {error}")))?;
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header("OData-Version", "4.0")
        .header("OData-MaxVersion", "4.0")
        .header(ACCEPT, "application/json");
    if has_body {
        builder = builder.header(CONTENT_TYPE, "application/json; charset=utf-8");
    }
    Ok(builder)
}

/// Finishes a request, turning `http`'s error into ours.
pub(crate) fn finish(
    builder: http::request::Builder,
    body: Vec<u8>,
) -> Result<Request<Vec<u8>>, RequestError> {
    builder
        .body(body)
        .map_err(|error| RequestError::new(format!("the request is not valid: {error}")))
}

/// Adds `Prefer` when something is preferred.
pub(crate) fn with_prefer(
    builder: http::request::Builder,
    prefer: &Prefer,
) -> Result<http::request::Builder, RequestError> {
    match prefer.header_value() {
        None => Ok(builder),
        Some(value) => {
            let value = HeaderValue::from_str(&value).map_err(|_| {
                RequestError::new(format!(
                    "`Prefer: {value}` is not a valid header value; annotation patterns are ASCII without control characters"
                ))
            })?;
            Ok(builder.header("Prefer", value))
        }
    }
}

fn get(url: &str, prefer: &Prefer) -> Result<Request<Vec<u8>>, RequestError> {
    let builder = with_prefer(request(Method::GET, url, false)?, prefer)?;
    finish(builder, Vec::new())
}
