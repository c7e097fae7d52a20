//! Block Kit as Slack's reference documents it (`spec/objects/`, written from the
//! reference): the documented example of every kind decodes as that kind, with every
//! field modeled, and serializes back to the same JSON. The examples are in
//! `data/block_kit/` (see `data/README.md`).

#![cfg(feature = "objects")]

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use typed_slack::objects::{
    Block, BlockAction, BlockElement, ConfirmationDialog, ContextElement, ConversationFilter, DispatchActionConfig,
    ElementState, Interaction, OptionGroup, OptionObject, RichTextElement, RichTextInline, RichTextStyle, SlackFile,
    SlashCommand, TextObject, View, Workflow,
};
use typed_slack::runtime::coverage;
use typed_slack::runtime::de::Union;

/// The examples' folder.
fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/block_kit")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// What is wrong with `json` decoded as a `T`: what it does not give back, and the
/// leaves it keeps as raw JSON (fields the type does not model). `raw` allows that many
/// kept leaves, for fields the spec keeps as JSON on purpose (a table's rows).
fn problems_of<T: DeserializeOwned + Serialize>(json: &Value, raw: u64) -> (T, Vec<String>) {
    let mut problems = Vec::new();
    let value: T = serde_json::from_value(json.clone()).unwrap_or_else(|error| panic!("{error}"));
    let back = serde_json::to_value(&value).unwrap_or_else(|error| panic!("{error}"));
    if &back != json {
        problems.push(format!("serializes to {back}"));
    }
    let kept = coverage::count(&value).kept;
    if kept > raw {
        problems.push(format!("{kept} leaves are not modeled"));
    }
    (value, problems)
}

/// The examples of the kinds of the union `T`, in `folder`: one per kind the spec
/// knows, each named after its tag, each decoding as that kind.
fn check_union<T: Union + DeserializeOwned + Serialize>(folder: &str, raw: &[(&str, u64)]) -> Vec<String> {
    let mut problems = Vec::new();
    let dir = data().join(folder);
    for tag in T::TAGS {
        let path = dir.join(format!("{tag}.json"));
        if !path.exists() {
            problems.push(format!("{folder}: no example of `{tag}`"));
            continue;
        }
        let allowed = raw.iter().find(|(kind, _)| kind == tag).map_or(0, |(_, leaves)| *leaves);
        let (value, found) = problems_of::<T>(&read(&path), allowed);
        let kind = value.kind().map(|kind| T::TAGS[kind]);
        if kind != Some(*tag) {
            problems.push(format!("{folder}/{tag}.json decodes as {kind:?}"));
        }
        problems.extend(found.into_iter().map(|problem| format!("{folder}/{tag}.json: {problem}")));
    }
    problems
}

fn check_record<T: DeserializeOwned + Serialize>(file: &str) -> Vec<String> {
    let (_, found) = problems_of::<T>(&read(&data().join(file)), 0);
    found.into_iter().map(|problem| format!("{file}: {problem}")).collect()
}

#[test]
fn every_documented_kind_decodes_as_itself_every_field_modeled_and_serializes_back() {
    let mut problems = Vec::new();
    // A table's rows are lists of cells, which the spec keeps as JSON.
    problems.extend(check_union::<Block>("block", &[("table", 64), ("data_table", 64)]));
    problems.extend(check_union::<BlockElement>("block_element", &[]));
    problems.extend(check_union::<ContextElement>("context_element", &[]));
    problems.extend(check_union::<RichTextElement>("rich_text_element", &[]));
    problems.extend(check_union::<RichTextInline>("rich_text_inline", &[]));
    problems.extend(check_union::<View>("view", &[]));
    problems.extend(check_union::<ElementState>("element_state", &[]));
    problems.extend(check_union::<Interaction>("interaction", &[]));
    problems.extend(check_record::<BlockAction>("block_action.json"));
    problems.extend(check_record::<ConfirmationDialog>("confirmation_dialog.json"));
    problems.extend(check_record::<ConversationFilter>("conversation_filter.json"));
    problems.extend(check_record::<DispatchActionConfig>("dispatch_action_config.json"));
    problems.extend(check_record::<OptionGroup>("option_group.json"));
    problems.extend(check_record::<OptionObject>("option_object.json"));
    problems.extend(check_record::<RichTextStyle>("rich_text_style.json"));
    problems.extend(check_record::<SlackFile>("slack_file.json"));
    problems.extend(check_record::<SlashCommand>("slash_command.json"));
    problems.extend(check_record::<TextObject>("text_object.json"));
    problems.extend(check_record::<Workflow>("workflow.json"));
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// The interactivity payloads Slack's Java SDK recorded (`data/interactivity/`): each
/// decodes as the kind its `type` names and serializes back to the same JSON. They are
/// merged supersets with placeholder values, so only the kind is checked, not how much
/// is modeled.
#[test]
fn every_recorded_interactivity_payload_decodes_as_its_kind_and_serializes_back() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interactivity");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|error| panic!("{error}")).path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 9, "the recorded payloads");
    let mut problems = Vec::new();
    for path in &files {
        let json = read(path);
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        if name == "SlashCommandPayload.json" {
            // A slash command comes as a form, of one kind.
            let (_, found) = problems_of::<SlashCommand>(&json, u64::MAX);
            problems.extend(found.into_iter().map(|problem| format!("{name}: {problem}")));
            continue;
        }
        let (value, found) = problems_of::<Interaction>(&json, u64::MAX);
        problems.extend(found.into_iter().map(|problem| format!("{name}: {problem}")));
        let kind = value.kind().map(|kind| Interaction::TAGS[kind]);
        if kind.is_none() || kind != json["type"].as_str() {
            problems.push(format!("{name}: a {:?} payload decodes as {kind:?}", json["type"]));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
