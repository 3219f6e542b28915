//! Every attribute keyword the macros accept, in one place.

// `#[choice(...)]`
pub const CHOICE: &str = "choice";
pub const NAME: &str = "name";
pub const GLOBAL: &str = "global";
pub const EXTENDS: &str = "extends";
pub const OPTION_PREFIX: &str = "option_prefix";
pub const FALLBACK: &str = "fallback";
pub const BASE_VARIANT: &str = "base";
pub const STATUS_OF: &str = "status_of";
pub const LABEL: &str = "label";
pub const OVERRIDES: &str = "overrides";
pub const STATE: &str = "state";

// `#[lookup(...)]` and `#[target(...)]`
pub const LOOKUP: &str = "lookup";
pub const COLUMN: &str = "column";
pub const TABLE: &str = "table";
pub const NAVIGATION: &str = "navigation";
pub const TARGET: &str = "target";
pub const ENTITY_SET: &str = "entity_set";
pub const RELATIONSHIP: &str = "relationship";
pub const REFERENCED_ATTRIBUTE: &str = "referenced_attribute";
pub const CASCADE: &str = "cascade";
pub const SYSTEM: &str = "system";

// `#[dataverse_entity(...)]` and `#[dataverse(...)]`
pub const DATAVERSE: &str = "dataverse";
pub const LOGICAL_NAME: &str = "logical_name";
pub const PRIMARY_ID: &str = "primary_id";
pub const PRIMARY_NAME: &str = "primary_name";
pub const PUBLISHER_PREFIX: &str = "publisher_prefix";
pub const CRATE: &str = "crate";
pub const REQUIRED: &str = "required";
pub const REQUIRED_LEVEL: &str = "required_level";
pub const DEFAULT: &str = "default";
pub const TRUE_LABEL: &str = "true_label";
pub const FALSE_LABEL: &str = "false_label";
pub const READ_ONLY: &str = "read_only";
pub const MAX_LENGTH: &str = "max_length";
pub const MIN: &str = "min";
pub const MAX: &str = "max";
pub const PRECISION: &str = "precision";
pub const MONEY: &str = "money";
pub const FORMATTED_VALUES: &str = "formatted_values";
pub const ETAG: &str = "etag";
pub const REFERENCED_ENTITY: &str = "referenced_entity";

// `required_level = ...`: the levels of Dataverse's `RequiredLevel`
pub const REQUIRED_LEVELS: &[&str] = &[
    "None",
    "Recommended",
    "ApplicationRequired",
    "SystemRequired",
];

// `cascade(...)`: presets and actions
pub const PARENTAL: &str = "parental";
pub const REFERENTIAL: &str = "referential";
pub const RESTRICT: &str = "restrict";
pub const NO_CASCADE: &str = "no_cascade";
pub const ARCHIVE: &str = "archive";
pub const ASSIGN: &str = "assign";
pub const DELETE: &str = "delete";
pub const MERGE: &str = "merge";
pub const REPARENT: &str = "reparent";
pub const ROLLUP_VIEW: &str = "rollup_view";
pub const SHARE: &str = "share";
pub const UNSHARE: &str = "unshare";
