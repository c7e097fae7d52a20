//! Loading spec files: the serde model, reading, and positions for reports.

mod deserialize;
mod load;
mod locate;
pub mod model;

pub use load::{EXTENSION, Loaded, METHODS_DIR, SHARED_DIR, SourceFile, SourceKind, Spec, parse, read_sources};
pub use locate::Locator;
