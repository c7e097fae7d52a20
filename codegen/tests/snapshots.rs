//! Snapshot tests: each fixture spec under `fixtures/` is one edge case; its output (the
//! generated method module, or the diagnostics) is pinned under `expected/`.
//!
//! After an intended change, refresh the snapshots with `UPDATE_EXPECT=1 cargo test -p
//! slack-api-codegen --test snapshots` and review the diff. The `.rs` snapshots are also
//! compiled and exercised by `tests/compile_expected.rs`.

use std::path::Path;

use expect_test::{ExpectFile, expect_file};

/// Generates the fixture `name` and returns its method module, or its diagnostics.
fn generate_fixture(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let sources = slack_api_codegen::spec::read_sources(&dir, "spec").expect("the fixture is readable");
    match slack_api_codegen::generate(&sources, "spec") {
        Ok(files) => {
            let modules: Vec<_> = files.into_iter().filter(|file| file.path.starts_with("src/methods/")).collect();
            assert_eq!(modules.len(), 1, "each fixture specifies one method");
            modules.into_iter().next().map(|file| file.contents).unwrap_or_default()
        }
        Err(error) => format!("{error}\n"),
    }
}

fn check(name: &str, expected: ExpectFile) {
    let first = generate_fixture(name);
    assert_eq!(first, generate_fixture(name), "output must be the same from run to run");
    expected.assert_eq(&first);
}

#[test]
fn keyword_arguments_are_renamed_and_keep_their_wire_names() {
    check("keyword_arguments", expect_file!["expected/keyword_arguments.rs"]);
}

#[test]
fn codes_that_collide_after_case_conversion_are_reported_with_both_places() {
    check("colliding_codes", expect_file!["expected/colliding_codes.txt"]);
}

#[test]
fn markdown_descriptions_are_escaped_for_rustdoc() {
    check("markdown_descriptions", expect_file!["expected/markdown_descriptions.rs"]);
}

#[test]
fn a_method_without_errors_still_gets_its_enums() {
    check("no_errors", expect_file!["expected/no_errors.rs"]);
}

#[test]
fn every_argument_type_and_included_codes() {
    check("argument_types", expect_file!["expected/argument_types.rs"]);
}

#[test]
fn every_problem_in_every_file_is_reported_with_its_place() {
    check("invalid_specs", expect_file!["expected/invalid_specs.txt"]);
}
