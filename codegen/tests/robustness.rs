//! No spec file, however broken, makes the generator panic or emit invalid Rust: it
//! either reports located problems or generates files that parse.
//!
//! Property tests mutate valid specs and throw arbitrary text at the loader; every
//! case that once went wrong is kept in `corpus/` and replayed here.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use typed_slack_codegen::spec::{SourceFile, SourceKind};

const SHARED: &str =
    "name: common\ndescription: Shared codes.\nerrors:\n  - code: not_authed\n    description: No token.\n";

/// The valid specs the mutations start from.
fn seeds() -> Vec<String> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    [
        "argument_types/methods/test.types.yaml",
        "keyword_arguments/methods/test.keywords.yaml",
        "markdown_descriptions/methods/test.markdown.yaml",
    ]
    .iter()
    .map(|path| fs::read_to_string(fixtures.join(path)).expect("the fixture is readable"))
    .collect()
}

/// Lines that are likely to hit an edge: keywords, collisions, bad values, YAML syntax.
const TRICKY_LINES: &[&str] = &[
    "  - name: type",
    "  - name: self",
    "  - name: new",
    "  - name: clone",
    "  - name: 2fa",
    "  - name: user-id",
    "  - name: ''",
    "  - code: Unknown",
    "  - code: unknown",
    "  - code: invalid-arg",
    "  - code: invalid_arg",
    "  - code: '---'",
    "  - code: 2fa_required",
    "    type: json",
    "    type: token",
    "    list: array",
    "    list: comma_separated",
    "    required: true",
    "    description: ''",
    "    description: \"```\\nfn main() {}\"",
    "    description: \"    indented\\n\\tcode <b> [x] `a\"",
    "    example: 12",
    "rate_tier: tier9",
    "http_method: PUT",
    "include: [nothing, common, common]",
    "lifecycle: {status: deprecated}",
    "lifecycle: {status: deprecated, note: \"\\\"quoted\\\" \\\\ note\"}",
    "summary: ''",
    "method: Type.self",
    "method: a",
    "response: {fields: [{name: warnings, type: string, description: w}]}",
    "response: {examples: [{description: d, body: '{\"a\": \"```\"}'}]}",
    "errors: []",
    "arguments: {}",
    ":",
    "- ",
    "[",
    "{",
    "&anchor",
    "*anchor",
    "!tag x",
    "\t",
    "",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Replace(usize, usize),
    Insert(usize, usize),
    Swap(usize, usize),
    Indent(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<usize>();
    let tricky = 0..TRICKY_LINES.len();
    prop_oneof![
        index.prop_map(Mutation::Delete),
        index.prop_map(Mutation::Duplicate),
        (index, tricky.clone()).prop_map(|(at, line)| Mutation::Replace(at, line)),
        (index, tricky).prop_map(|(at, line)| Mutation::Insert(at, line)),
        (index, index).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (index, 0..6usize).prop_map(|(at, by)| Mutation::Indent(at, by)),
        index.prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return String::new();
    }
    let at = |index: usize| index % lines.len();
    match *mutation {
        Mutation::Delete(index) => {
            lines.remove(at(index));
        }
        Mutation::Duplicate(index) => {
            let line = lines[at(index)].clone();
            lines.insert(at(index), line);
        }
        Mutation::Replace(index, tricky) => {
            let index = at(index);
            lines[index] = TRICKY_LINES[tricky].to_owned();
        }
        Mutation::Insert(index, tricky) => lines.insert(at(index), TRICKY_LINES[tricky].to_owned()),
        Mutation::Swap(a, b) => {
            let (a, b) = (at(a), at(b));
            lines.swap(a, b);
        }
        Mutation::Indent(index, by) => {
            let index = at(index);
            lines[index] = format!("{}{}", " ".repeat(by), lines[index].trim_start());
        }
        Mutation::Truncate(index) => {
            let cut = index % (text.len() + 1);
            let cut = (0..=cut).rev().find(|&cut| text.is_char_boundary(cut)).unwrap_or(0);
            return text[..cut].to_owned();
        }
    }
    lines.join("\n")
}

/// Runs the generator on one method file (named `test.case.yaml`) beside a shared set,
/// and checks the outcome: located problems, or files that parse as Rust.
fn check_outcome(method_text: &str) -> Result<(), TestCaseError> {
    let sources = vec![
        SourceFile { kind: SourceKind::Method, path: "spec/methods/test.case.yaml".into(), text: method_text.into() },
        SourceFile { kind: SourceKind::Shared, path: "spec/shared/common.yaml".into(), text: SHARED.into() },
    ];
    match typed_slack_codegen::generate(&sources, "spec") {
        Ok(generation) => {
            for file in generation.files.into_iter().chain([generation.runtime_file]) {
                if !file.path.ends_with(".rs") {
                    continue;
                }
                let body = file.contents.split_once('\n').map_or("", |(_, body)| body);
                prop_assert!(syn::parse_file(body).is_ok(), "{} does not parse:\n{}", file.path, file.contents);
            }
        }
        Err(typed_slack_codegen::Error::Spec(diagnostics)) => {
            prop_assert!(!diagnostics.problems().is_empty());
            for problem in diagnostics.problems() {
                prop_assert!(problem.file.starts_with("spec/"), "{problem}");
                prop_assert!(problem.location.line >= 1 && problem.location.column >= 1, "{problem}");
                let lines = method_text.lines().count().max(SHARED.lines().count()) + 1;
                prop_assert!(problem.location.line <= lines, "{problem} is past the end of the file");
                prop_assert!(!problem.message.is_empty());
            }
        }
        Err(other) => prop_assert!(false, "unexpected failure: {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_specs_never_panic(seed in 0..3usize, mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut text = seeds()[seed].clone();
        for mutation in &mutations {
            text = apply(&text, mutation);
        }
        check_outcome(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,200}") {
        check_outcome(&text)?;
    }

    #[test]
    fn arbitrary_yaml_shaped_text_never_panics(text in "([a-z_:\\-\\[\\]{} \n'\"#&*!|>]{0,8}\n?){0,30}") {
        check_outcome(&text)?;
    }
}

/// Every case in `corpus/` (found by the properties above or written by hand) keeps
/// behaving.
#[test]
fn corpus_cases_are_handled() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut cases = 0;
    for entry in fs::read_dir(corpus).expect("the corpus folder exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|extension| extension == "yaml") {
            let text = fs::read_to_string(&path).expect("readable case");
            check_outcome(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            cases += 1;
        }
    }
    assert!(cases > 0, "the corpus is empty");
}
