//! Snapshot tests: each fixture spec under `fixtures/` is one edge case; its output (the
//! generated method module, or the diagnostics) is pinned under `expected/`.
//!
//! After an intended change, refresh the snapshots with `UPDATE_EXPECT=1 cargo test -p
//! typed-slack-codegen --test snapshots` and review the diff. The `.rs` snapshots are also
//! compiled and exercised by `tests/compile_expected.rs`.

use std::path::Path;

use expect_test::{ExpectFile, expect_file};
use typed_slack_codegen::spec::{SourceFile, SourceKind};

/// Generates the fixture `name` and returns its method module, or its diagnostics.
fn generate_fixture(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let sources = typed_slack_codegen::spec::read_sources(&dir, "spec").expect("the fixture is readable");
    match typed_slack_codegen::generate(&sources, "spec") {
        Ok(generation) => {
            let modules: Vec<_> =
                generation.files.into_iter().filter(|file| file.path.starts_with("src/methods/")).collect();
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

/// The tables of the fixtures' common codes, which the generated modules include from
/// `../common_error.md` and `../common_warning.md` (beside `expected/`, as beside
/// `methods/` in the crate).
#[test]
fn the_common_codes_table_is_written_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/argument_types");
    let sources = typed_slack_codegen::spec::read_sources(&dir, "spec").expect("the fixture is readable");
    let generation = typed_slack_codegen::generate(&sources, "spec").expect("the fixture generates");
    let table = |path: &str| {
        let file = generation.files.iter().find(|file| file.path == path).expect("a table of codes");
        file.contents.clone()
    };
    expect_file!["common_error.md"].assert_eq(&table("src/common_error.md"));
    expect_file!["common_warning.md"].assert_eq(&table("src/common_warning.md"));
    let runtime = &generation.runtime_file;
    assert_eq!(runtime.path, "src/common.rs");
    expect_file!["expected/runtime_common.rs"].assert_eq(&runtime.contents);
}

/// The shared objects of the fixture `shared_objects` (the `objects` module, then one file
/// per object) and the method module that refers to them, one after the other.
#[test]
fn shared_objects_are_generated_once_and_boxed_where_they_recur() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shared_objects");
    let sources = typed_slack_codegen::spec::read_sources(&dir, "spec").expect("the fixture is readable");
    let generation = typed_slack_codegen::generate(&sources, "spec").unwrap_or_else(|error| panic!("{error}"));
    let files: Vec<String> = generation
        .files
        .into_iter()
        .filter(|file| file.path.starts_with("src/objects/") || file.path.starts_with("src/methods/"))
        .map(|file| format!("// ==> {}\n{}", file.path, file.contents))
        .collect();
    expect_file!["expected/shared_objects.rs.txt"].assert_eq(&files.join("\n"));
}

#[test]
fn every_problem_in_every_file_is_reported_with_its_place() {
    check("invalid_specs", expect_file!["expected/invalid_specs.txt"]);
}

/// The outcome of every corpus case (`tests/corpus/`, replayed by `tests/robustness.rs`):
/// its diagnostics, or the module it generates. The generated modules are compiled by
/// `tests/compile_expected.rs`.
#[test]
fn corpus_outcomes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let shared = std::fs::read_to_string(root.join("fixtures/argument_types/shared/common.yaml")).unwrap();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "yaml"))
        .collect();
    cases.sort();
    let mut outcomes = String::new();
    let mut modules = String::from("// Modules generated from the corpus cases that are valid specs.\n");
    for path in cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let sources = vec![
            SourceFile {
                kind: SourceKind::Method,
                path: "spec/methods/test.case.yaml".into(),
                text: std::fs::read_to_string(&path).unwrap(),
            },
            SourceFile { kind: SourceKind::Shared, path: "spec/shared/common.yaml".into(), text: shared.clone() },
        ];
        outcomes.push_str(&format!("== {name}\n"));
        match typed_slack_codegen::generate(&sources, "spec") {
            Ok(generation) => {
                outcomes.push_str("generates\n");
                for file in generation.files.iter().filter(|file| file.path.starts_with("src/methods/")) {
                    modules.push_str(&format!("\npub mod {name} {{\n{}}}\n", file.contents));
                }
            }
            Err(error) => outcomes.push_str(&format!("{error}\n")),
        }
    }
    expect_file!["expected/corpus_outcomes.txt"].assert_eq(&outcomes);
    expect_file!["expected/corpus_generated.rs"].assert_eq(&modules);
}
