//! Typed queries: column handles, `$filter` conditions and the options of a
//! retrieve-multiple request.
//!
//! Every `#[dataverse_entity]` table has a `const COLUMNS` of typed [`Column`] handles. A
//! condition compares a column only with a value of its own type (a choice with its enum, a
//! lookup with a [`Guid`](crate::Guid), a date with a date); text functions exist only on text
//! columns, `ContainValues` only on multi-select columns, the date query functions only on
//! dates. Conditions may reach through a single-valued navigation
//! ([`Navigation::column`]) and over a collection-valued one ([`Navigation::any`],
//! [`Navigation::all`]). Values are written as OData literals (text quoted with `'` doubled, Guids bare,
//! dates in ISO 8601, choices as numbers) and the query string is percent-encoded, so no value
//! can break out of its literal.
//!
//! ```
//! use dataverse_model::{choice, dataverse_entity, Field, Guid};
//! use dataverse_model::query::Query;
//!
//! choice! {
//!     #[choice(name = "msdyn_sessionstate")]
//!     pub enum SessionState { Active = 1, Closed = 2 }
//! }
//!
//! #[dataverse_entity(logical_name = "msdyn_ocsession", entity_set = "msdyn_ocsessions",
//!                    primary_id = "activityid")]
//! pub struct Session {
//!     pub activityid: Option<Guid>,
//!     pub subject: Field<String>,
//!     pub msdyn_state: Option<SessionState>,
//!     pub createdon: Option<time::OffsetDateTime>,
//! }
//!
//! let c = Session::COLUMNS;
//! let query = Query::<Session>::new()
//!     .filter(c.msdyn_state.eq(SessionState::Active).and(c.createdon.last_x_days(7)))
//!     .order_by(c.createdon.desc())
//!     .max_page_size(50);
//! assert_eq!(
//!     query.to_string(),
//!     "$select=activityid,subject,msdyn_state,createdon\
//!      &$filter=msdyn_state eq 1 and Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)\
//!      &$orderby=createdon desc"
//! );
//! assert_eq!(query.prefer().header_value().as_deref(), Some("odata.maxpagesize=50"));
//! ```

mod builder;
mod column;
mod expand;
mod filter;
mod functions;
mod literal;
mod select;

pub use builder::{Paged, Prefer, Query, Top, Unpaged};
pub(crate) use builder::{encode_options, encode_path_into};
pub use column::{Column, Direct, Ordered, Related};
pub use expand::{Each, Expand, Lambda, Many, Navigation, One};
pub use filter::{Filter, OrderBy};
pub use functions::DateColumn;
pub use literal::Operand;
pub(crate) use literal::write_literal;
