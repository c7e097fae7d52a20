//! Loading spec files: the serde model, reading, and positions for reports.

mod deserialize;
mod load;
mod locate;
pub mod model;

pub use load::{
    EXTENSION, Loaded, METHODS_DIR, OBJECTS_DIR, SHARED_DIR, SourceFile, SourceKind, Spec, parse, read_sources,
};
pub use locate::Locator;

/// The shared set every method includes: its codes are generated once, into the
/// runtime, and its limits apply to every call.
pub const COMMON_SET: &str = "common";
