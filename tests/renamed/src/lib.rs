//! Uses `dataverse-model` only as `dvm`: generated code must reach the runtime through the
//! path the wrapper macros pass in, never through `::dataverse_model`.
