//! Helpers for the integration tests that declare `mod support;`.

pub mod leaves;
