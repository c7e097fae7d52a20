//! Slack's recorded answers decode into their methods' response types and serialize
//! back to the same JSON: the decoder loses nothing Slack sends, however far an answer
//! strays from the spec.
//!
//! The answers are in `tests/data/samples` (see `tests/data/README.md`), copied there by
//! hand so that the tests read nothing outside the crate. Besides the round trip of
//! every answer, the tests print how much of the answers the types model, and
//! try the decoder on answers that break the spec on purpose.
//!
//! To see the coverage table:
//! `cargo test -p typed-slack --features full,catalog --test corpus -- --nocapture`

#![cfg(all(feature = "full", feature = "catalog"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use typed_slack::objects::{Block, View};
use typed_slack::runtime::MethodInfo;
use typed_slack::runtime::coverage::Coverage;
use typed_slack::{ConversationsHistoryResponse, UsersInfoResponse};

/// Where the import script writes the recorded answers, one `<method>.json` each.
fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join("samples")
}

/// One recorded answer.
#[derive(Debug)]
struct Sample {
    /// The method that answered it: `chat.postMessage`.
    method: String,
    /// The JSON body, a success.
    body: String,
}

/// Every recorded answer, by method name, so that failures come in a stable order.
fn samples() -> Vec<Sample> {
    let dir = samples_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e} (run tests/data/import-samples.sh)", dir.display()));
    let mut samples: Vec<Sample> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("listing {}: {e}", dir.display())).path())
        .filter_map(|path| {
            let method = path.file_name()?.to_str()?.strip_suffix(".json")?.to_owned();
            let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            Some(Sample { method, body })
        })
        .collect();
    samples.sort_by(|a, b| a.method.cmp(&b.method));
    samples
}

/// The recorded answer of `method`.
fn sample(method: &str) -> String {
    let path = samples_dir().join(format!("{method}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `text` as JSON, which every recorded answer is.
fn parse(text: &str, what: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{what} is not JSON: {e}"))
}

/// `value` as JSON text, cut short enough for a line of a failure report.
fn excerpt(value: &Value) -> String {
    const MAX: usize = 80;
    let text = value.to_string();
    if text.chars().count() <= MAX { text } else { format!("{}…", text.chars().take(MAX).collect::<String>()) }
}

/// The first place where `actual` differs from `expected` (objects in key order), as a
/// JSON path and what is there: `None` when they are equal. A whole answer is too big
/// to print; the path says which field to look at.
fn first_difference(expected: &Value, actual: &Value) -> Option<String> {
    difference_at("$", expected, actual)
}

/// [`first_difference`] of the values at `path`.
fn difference_at(path: &str, expected: &Value, actual: &Value) -> Option<String> {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            let keys: BTreeSet<&String> = expected.keys().chain(actual.keys()).collect();
            keys.into_iter().find_map(|key| {
                let path = format!("{path}.{key}");
                match (expected.get(key), actual.get(key)) {
                    (Some(expected), Some(actual)) => difference_at(&path, expected, actual),
                    (Some(expected), None) => Some(format!("{path}: {} is lost", excerpt(expected))),
                    (None, Some(actual)) => Some(format!("{path}: {} is added", excerpt(actual))),
                    (None, None) => None,
                }
            })
        }
        (Value::Array(expected), Value::Array(actual)) => expected
            .iter()
            .zip(actual)
            .enumerate()
            .find_map(|(index, (expected, actual))| difference_at(&format!("{path}[{index}]"), expected, actual))
            .or_else(|| {
                (expected.len() != actual.len())
                    .then(|| format!("{path}: {} items become {}", expected.len(), actual.len()))
            }),
        _ if expected == actual => None,
        _ => Some(format!("{path}: {} becomes {}", excerpt(expected), excerpt(actual))),
    }
}

/// Why `sample` does not come back unchanged through its method's response type, if it
/// does not.
fn reencode_failure(catalog: &[MethodInfo], sample: &Sample) -> Option<String> {
    let method = &sample.method;
    let Some(info) = catalog.iter().find(|info| info.name == method) else {
        return Some(format!("{method}: not in the catalog"));
    };
    let expected = parse(&sample.body, method);
    match (info.reencode)(&sample.body) {
        Err(error) => Some(format!("{method}: does not decode: {error}")),
        Ok(actual) if actual == expected => None,
        Ok(actual) => {
            let difference = first_difference(&expected, &actual).unwrap_or_else(|| "differs".to_owned());
            Some(format!("{method}: {difference}"))
        }
    }
}

/// Every answer Slack was seen to give, each field of it at once: if one decodes into
/// its response type and serializes back to the same JSON (key order aside), no field
/// of any of them is lost or changed. All failures are listed, not just the first.
#[test]
fn every_recorded_answer_decodes_and_reencodes_to_the_same_json() {
    let catalog = typed_slack::catalog();
    let samples = samples();
    assert!(!samples.is_empty(), "no samples in {}: run tests/data/import-samples.sh", samples_dir().display());
    let failures: Vec<String> = samples.iter().filter_map(|sample| reencode_failure(&catalog, sample)).collect();
    println!("{} recorded answers, {} not unchanged", samples.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} recorded answers do not come back unchanged:\n{}",
        failures.len(),
        samples.len(),
        failures.join("\n")
    );
}

/// How much of one method's recorded answer its response type models.
#[derive(Debug)]
struct Row {
    /// The method.
    method: String,
    /// The leaves of the decoded answer, typed or kept as raw JSON.
    leaves: Coverage,
    /// The leaves of the recorded JSON.
    recorded: u64,
    /// The leaves of its Block Kit values.
    block_kit: Coverage,
}

/// The leaves of a JSON value: null, booleans, numbers and strings; empty arrays and
/// objects have none. Counted apart from the runtime's counter, to check it.
fn json_leaves(value: &Value) -> u64 {
    match value {
        Value::Array(items) => items.iter().map(json_leaves).sum(),
        Value::Object(fields) => fields.values().map(json_leaves).sum(),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => 1,
    }
}

impl Row {
    /// The leaves beside Block Kit's.
    fn rest(&self) -> Coverage {
        // Block Kit's leaves were counted by decoding its values again: an answer that
        // keeps one whole as JSON has fewer typed leaves than that count.
        rest(self.leaves, self.block_kit)
    }
}

/// The leaves of `all` beside those of `block_kit`. Block Kit's are counted by decoding
/// its values again, so an answer that keeps one whole as JSON has fewer typed leaves
/// there than that count: the differences saturate.
fn rest(all: Coverage, block_kit: Coverage) -> Coverage {
    Coverage { typed: all.typed.saturating_sub(block_kit.typed), kept: all.kept.saturating_sub(block_kit.kept) }
}

/// The keys under which answers hold Block Kit: lists of blocks, and views.
const BLOCK_LISTS: &[&str] = &["blocks", "title_blocks", "description_blocks", "rich_text"];

/// The leaves of the Block Kit values in `value` (its lists of blocks and its views),
/// typed or kept, each decoded as the spec's Block Kit.
///
/// The recordings merge every kind of block into one (an `actions` block with a
/// section's `text`, an image's `image_url`, ...), so a block there has fields Slack
/// never sends with its kind. Block Kit is written from Slack's reference, not from
/// the recordings, and keeps those fields as JSON: its share is printed apart, not
/// held to [`MIN_TYPED_SHARE`] (`tests/block_kit.rs` checks it against Slack's examples).
fn block_kit_leaves(value: &Value) -> Coverage {
    fn count<T: DeserializeOwned + Serialize>(value: &Value) -> Coverage {
        let decoded: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}"));
        typed_slack::runtime::coverage::count(&decoded)
    }
    let mut leaves = Coverage::default();
    match value {
        Value::Object(fields) => {
            for (key, value) in fields {
                leaves += match value {
                    Value::Array(_) if BLOCK_LISTS.contains(&key.as_str()) => count::<Vec<Block>>(value),
                    Value::Object(_) if key == "view" => count::<View>(value),
                    _ => block_kit_leaves(value),
                };
            }
        }
        Value::Array(items) => {
            for item in items {
                leaves += block_kit_leaves(item);
            }
        }
        _ => {}
    }
    leaves
}

/// One line of the coverage table.
fn coverage_line(method: &str, leaves: Coverage) -> String {
    let share = 100.0 * leaves.typed_share();
    format!("{method:<44} {:>9} {:>9} {share:>8.1}%", leaves.typed, leaves.kept)
}

/// The answers the table shows one by one: the ones apps call most.
const SHOWN: &[&str] = &[
    "chat.postMessage",
    "conversations.history",
    "conversations.replies",
    "conversations.list",
    "users.info",
    "users.list",
    "files.info",
];

/// The share of the whole corpus's leaf values that typed fields hold, which the spec
/// must not fall below: BENCHMARKS.md quotes it.
const MIN_TYPED_SHARE: f64 = 0.95;

/// How much of the recorded answers the types model, against the values they keep as
/// raw JSON, over the whole corpus: printed (the answers apps call most, the least
/// modelled ones, the total), with the total checked against [`MIN_TYPED_SHARE`] and
/// every leaf of the recorded JSON checked to be counted once, typed or kept.
///
/// The table shows with
/// `cargo test -p typed-slack --features full,catalog --test corpus -- --nocapture`.
#[test]
fn coverage_of_the_corpus_is_printed_and_every_leaf_counted_once() {
    let catalog = typed_slack::catalog();
    let mut rows: Vec<Row> = samples()
        .into_iter()
        .filter_map(|sample| {
            let info = catalog.iter().find(|info| info.name == sample.method)?;
            let leaves = (info.coverage)(&sample.body).unwrap_or_else(|e| panic!("{e}"));
            let json = parse(&sample.body, &sample.method);
            let (recorded, block_kit) = (json_leaves(&json), block_kit_leaves(&json));
            Some(Row { method: sample.method, leaves, recorded, block_kit })
        })
        .collect();
    let mut total = Coverage::default();
    let mut block_kit = Coverage::default();
    for row in &rows {
        total += row.leaves;
        block_kit += row.block_kit;
    }
    println!("{:<44} {:>9} {:>9} {:>9}", "method", "typed", "kept", "typed %");
    for method in SHOWN {
        let row = rows.iter().find(|row| row.method == *method).unwrap_or_else(|| panic!("no sample of {method}"));
        println!("{}", coverage_line(method, row.leaves));
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.rest().kept));
    println!("the most kept as JSON, beside Block Kit:");
    for row in rows.iter().take(8) {
        println!("{}", coverage_line(&row.method, row.rest()));
    }
    println!("{}", coverage_line(&format!("all {} answers", rows.len()), total));
    println!("{}", coverage_line("  of which Block Kit (merged kinds)", block_kit));
    let rest = rest(total, block_kit);
    println!("{}", coverage_line("  the rest", rest));

    let miscounted: Vec<String> = rows
        .iter()
        .filter(|row| row.leaves.total() != row.recorded)
        .map(|row| format!("{}: {} leaves decoded, {} recorded", row.method, row.leaves.total(), row.recorded))
        .collect();
    assert!(miscounted.is_empty(), "leaves lost or added:\n{}", miscounted.join("\n"));
    assert!(
        rest.typed_share() >= MIN_TYPED_SHARE,
        "typed fields hold {:.1}% of the corpus's leaves beside Block Kit, under {:.0}%",
        100.0 * rest.typed_share(),
        100.0 * MIN_TYPED_SHARE
    );
}

/// `body` decoded into `T` and serialized back, checked to be the same JSON: the
/// decoded value, for further checks.
fn round_trip<T: DeserializeOwned + Serialize>(body: &str) -> T {
    let expected = parse(body, "the input");
    let decoded: T =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{} does not decode: {e}", excerpt(&expected)));
    let actual = serde_json::to_value(&decoded).unwrap_or_else(|e| panic!("serializing the decoded value: {e}"));
    if actual != expected {
        let difference = first_difference(&expected, &actual).unwrap_or_else(|| "differs".to_owned());
        panic!("the decoded value does not come back unchanged: {difference}");
    }
    decoded
}

/// The answer of type `T` that says only `ok`, as `T` writes it back: `ok` and every
/// field the spec requires, at its default. The edge cases change one field of it, so
/// they hold whatever the required fields are.
fn minimal<T: DeserializeOwned + Serialize>() -> Map<String, Value> {
    let decoded: T =
        serde_json::from_str(r#"{"ok":true}"#).unwrap_or_else(|e| panic!("`ok` alone does not decode: {e}"));
    match serde_json::to_value(&decoded) {
        Ok(Value::Object(fields)) => fields,
        other => panic!("a response serializes to an object, not {other:?}"),
    }
}

/// `minimal::<T>()` with `key` set to `value`, as JSON text.
fn minimal_with<T: DeserializeOwned + Serialize>(key: &str, value: Value) -> String {
    let mut fields = minimal::<T>();
    fields.insert(key.to_owned(), value);
    Value::Object(fields).to_string()
}

/// A string where the spec documents a list: kept as it came, under its key.
#[test]
fn a_field_of_the_wrong_type_is_kept_as_it_came() {
    let body = minimal_with::<ConversationsHistoryResponse>("messages", json!("oops"));
    let decoded: ConversationsHistoryResponse = round_trip(&body);
    assert_eq!(decoded.unknown.get("messages"), Some(&json!("oops")));
}

/// `null` where the spec documents an object: kept, and written back, as `null`.
#[test]
fn null_where_an_object_is_expected_is_kept() {
    let body = minimal_with::<UsersInfoResponse>("user", Value::Null);
    let decoded: UsersInfoResponse = round_trip(&body);
    assert_eq!(decoded.unknown.get("user"), Some(&Value::Null));
}

/// A field the spec does not know, inside an object it does.
#[test]
fn an_unknown_field_inside_an_object_comes_back() {
    round_trip::<UsersInfoResponse>(r#"{"ok":true,"user":{"id":"U1","brand_new":{"x":1}}}"#);
}

/// Arrays and objects nested `depth` deep around a number.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!(1), |inner, level| if level % 2 == 0 { json!([inner]) } else { json!({ "a": inner }) })
}

/// An unknown field nested 100 deep (the answer 101 deep, below serde_json's recursion
/// limit of 128): kept whole, without overflowing the stack.
#[test]
fn a_deeply_nested_unknown_field_is_kept_whole() {
    let deep = nested(100);
    let body = minimal_with::<UsersInfoResponse>("brand_new", deep.clone());
    let decoded: UsersInfoResponse = round_trip(&body);
    assert_eq!(decoded.unknown.get("brand_new"), Some(&deep));
}

/// A history of over 5 MB, the recorded message many times over: it decodes, keeps
/// every message, and comes back unchanged.
#[test]
fn a_five_megabyte_answer_decodes_and_comes_back_unchanged() {
    const SIZE: usize = 5_000_000;
    let recorded = parse(&sample("conversations.history"), "conversations.history");
    let message = recorded["messages"][0].clone();
    assert!(message.is_object(), "the recorded conversations.history has a message");
    let count = SIZE / message.to_string().len() + 1;
    let body = minimal_with::<ConversationsHistoryResponse>("messages", Value::Array(vec![message; count]));
    assert!(body.len() > SIZE, "the answer has {} bytes", body.len());

    let decoded: ConversationsHistoryResponse = round_trip(&body);
    let written = serde_json::to_value(&decoded).unwrap_or_else(|e| panic!("serializing the decoded value: {e}"));
    assert_eq!(written["messages"].as_array().map(Vec::len), Some(count), "every message is there");
}

#[test]
fn union_tags_are_sorted_for_the_binary_search_that_finds_them() {
    use typed_slack::runtime::de::Union;
    for tags in [typed_slack::objects::Block::TAGS, typed_slack::objects::BlockElement::TAGS] {
        assert!(tags.windows(2).all(|pair| pair[0] < pair[1]), "{tags:?}");
    }
    let divider: typed_slack::objects::Block =
        serde_json::from_value(json!({"type": "divider", "block_id": "b"})).unwrap_or_else(|error| panic!("{error}"));
    assert!(matches!(divider, typed_slack::objects::Block::Divider(_)), "{divider:?}");
}
