//! Slack's limits on what an app sends, as the spec writes them (`limits` in
//! `spec/objects/`). Each case breaks one limit by one, in a value decoded from JSON as
//! an app writes it, and checks the violation `validate()` reports; a limit added to the
//! spec without a case here fails `every_limit_of_the_spec_has_a_case`.

#![cfg(feature = "objects")]

use serde_json::{Value, json};
use typed_slack::objects::{
    Block, BlockElement, ConfirmationDialog, ContextElement, ConversationFilter, OptionGroup, OptionObject, View,
};
use typed_slack::runtime::Validate;

/// What the limited field holds.
#[derive(Clone, Copy)]
enum Holds {
    /// Text.
    Text,
    /// A text object, whose text is limited.
    TextObject,
    /// A list of items like this one.
    List(&'static str),
    /// A list of text objects, the text of each limited.
    EachTextObject,
}

use Holds::{EachTextObject, List, Text, TextObject};

/// A limit, as the spec writes it.
#[derive(Clone, Copy)]
enum Limit {
    MinLength(usize),
    MaxLength(usize),
    MinItems(usize),
    MaxItems(usize),
}

/// One limit of the spec: the type, the kind (for a union), the field's path within it
/// (`positive_button.text`: the `text` of the object `positive_button`), what it holds,
/// and the limit.
struct Case {
    ty: &'static str,
    kind: Option<&'static str>,
    path: &'static str,
    holds: Holds,
    limit: Limit,
}

const fn case(ty: &'static str, kind: Option<&'static str>, path: &'static str, holds: Holds, limit: Limit) -> Case {
    Case { ty, kind, path, holds, limit }
}

const CASES: &[Case] = &[
    case("Block", Some("actions"), "elements", List(r#"{"type": "a_future_kind"}"#), Limit::MaxItems(25)),
    case("Block", Some("actions"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("alert"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("card"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("card"), "title", TextObject, Limit::MaxLength(150)),
    case("Block", Some("card"), "subtitle", TextObject, Limit::MaxLength(150)),
    case("Block", Some("card"), "body", TextObject, Limit::MaxLength(200)),
    case("Block", Some("carousel"), "elements", List(r#"{"type": "card"}"#), Limit::MinItems(1)),
    case("Block", Some("carousel"), "elements", List(r#"{"type": "card"}"#), Limit::MaxItems(10)),
    case("Block", Some("carousel"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("container"), "title", TextObject, Limit::MaxLength(150)),
    case("Block", Some("container"), "subtitle", TextObject, Limit::MaxLength(150)),
    case("Block", Some("container"), "child_blocks", List(r#"{"type": "divider"}"#), Limit::MaxItems(10)),
    case("Block", Some("container"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("context"), "elements", List(r#"{"type": "a_future_kind"}"#), Limit::MaxItems(10)),
    case("Block", Some("context"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("context_actions"), "elements", List(r#"{"type": "a_future_kind"}"#), Limit::MaxItems(5)),
    case("Block", Some("context_actions"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("data_table"), "rows", List("[]"), Limit::MinItems(2)),
    case("Block", Some("data_table"), "rows", List("[]"), Limit::MaxItems(101)),
    case("Block", Some("data_table"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("data_visualization"), "title", Text, Limit::MaxLength(50)),
    case("Block", Some("data_visualization"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("divider"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("file"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("header"), "text", TextObject, Limit::MaxLength(150)),
    case("Block", Some("header"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("image"), "alt_text", Text, Limit::MaxLength(2000)),
    case("Block", Some("image"), "image_url", Text, Limit::MaxLength(3000)),
    case("Block", Some("image"), "title", TextObject, Limit::MaxLength(2000)),
    case("Block", Some("image"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("input"), "label", TextObject, Limit::MaxLength(2000)),
    case("Block", Some("input"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("input"), "hint", TextObject, Limit::MaxLength(2000)),
    case("Block", Some("markdown"), "text", Text, Limit::MaxLength(12000)),
    case("Block", Some("markdown"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("plan"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("rich_text"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("section"), "text", TextObject, Limit::MinLength(1)),
    case("Block", Some("section"), "text", TextObject, Limit::MaxLength(3000)),
    case("Block", Some("section"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("section"), "fields", List("{}"), Limit::MaxItems(10)),
    case("Block", Some("section"), "fields", EachTextObject, Limit::MaxLength(2000)),
    case("Block", Some("table"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("table"), "rows", List("[]"), Limit::MaxItems(100)),
    case("Block", Some("table"), "column_settings", List("{}"), Limit::MaxItems(20)),
    case("Block", Some("task_card"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("video"), "author_name", Text, Limit::MaxLength(50)),
    case("Block", Some("video"), "block_id", Text, Limit::MaxLength(255)),
    case("Block", Some("video"), "description", TextObject, Limit::MaxLength(200)),
    case("Block", Some("video"), "title", TextObject, Limit::MaxLength(200)),
    case("Block", Some("data_visualization"), "chart.segments", List("{}"), Limit::MinItems(1)),
    case("Block", Some("data_visualization"), "chart.segments", List("{}"), Limit::MaxItems(6)),
    case("Block", Some("data_visualization"), "chart.series", List("{}"), Limit::MinItems(1)),
    case("Block", Some("data_visualization"), "chart.series", List("{}"), Limit::MaxItems(6)),
    case("BlockElement", Some("button"), "text", TextObject, Limit::MaxLength(75)),
    case("BlockElement", Some("button"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("button"), "url", Text, Limit::MaxLength(3000)),
    case("BlockElement", Some("button"), "value", Text, Limit::MaxLength(2000)),
    case("BlockElement", Some("button"), "accessibility_label", Text, Limit::MaxLength(75)),
    case("BlockElement", Some("channels_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("channels_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("checkboxes"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("checkboxes"), "options", List("{}"), Limit::MaxItems(10)),
    case("BlockElement", Some("conversations_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("conversations_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("datepicker"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("datepicker"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("datetimepicker"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("email_text_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("email_text_input"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("external_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("external_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("feedback_buttons"), "positive_button.text", TextObject, Limit::MaxLength(75)),
    case("BlockElement", Some("feedback_buttons"), "positive_button.value", Text, Limit::MaxLength(2000)),
    case("BlockElement", Some("feedback_buttons"), "positive_button.accessibility_label", Text, Limit::MaxLength(75)),
    case("BlockElement", Some("feedback_buttons"), "negative_button.text", TextObject, Limit::MaxLength(75)),
    case("BlockElement", Some("feedback_buttons"), "negative_button.value", Text, Limit::MaxLength(2000)),
    case("BlockElement", Some("feedback_buttons"), "negative_button.accessibility_label", Text, Limit::MaxLength(75)),
    case("BlockElement", Some("feedback_buttons"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("file_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("icon_button"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("icon_button"), "value", Text, Limit::MaxLength(2000)),
    case("BlockElement", Some("icon_button"), "accessibility_label", Text, Limit::MaxLength(75)),
    case("BlockElement", Some("image"), "image_url", Text, Limit::MaxLength(3000)),
    case("BlockElement", Some("multi_channels_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("multi_channels_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("multi_conversations_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("multi_conversations_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("multi_external_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("multi_external_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("multi_static_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("multi_static_select"), "options", List("{}"), Limit::MaxItems(100)),
    case("BlockElement", Some("multi_static_select"), "option_groups", List("{}"), Limit::MaxItems(100)),
    case("BlockElement", Some("multi_static_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("multi_users_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("multi_users_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("number_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("number_input"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("overflow"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("overflow"), "options", List("{}"), Limit::MaxItems(5)),
    case("BlockElement", Some("plain_text_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("plain_text_input"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("radio_buttons"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("radio_buttons"), "options", List("{}"), Limit::MaxItems(10)),
    case("BlockElement", Some("rich_text_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("rich_text_input"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("static_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("static_select"), "options", List("{}"), Limit::MaxItems(100)),
    case("BlockElement", Some("static_select"), "option_groups", List("{}"), Limit::MaxItems(100)),
    case("BlockElement", Some("static_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("timepicker"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("timepicker"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("url_text_input"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("url_text_input"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("users_select"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("users_select"), "placeholder", TextObject, Limit::MaxLength(150)),
    case("BlockElement", Some("workflow_button"), "text", TextObject, Limit::MaxLength(75)),
    case("BlockElement", Some("workflow_button"), "action_id", Text, Limit::MaxLength(255)),
    case("BlockElement", Some("workflow_button"), "accessibility_label", Text, Limit::MaxLength(75)),
    case("ContextElement", Some("image"), "image_url", Text, Limit::MaxLength(3000)),
    case("ContextElement", Some("plain_text"), "text", Text, Limit::MinLength(1)),
    case("ContextElement", Some("plain_text"), "text", Text, Limit::MaxLength(3000)),
    case("ContextElement", Some("mrkdwn"), "text", Text, Limit::MinLength(1)),
    case("ContextElement", Some("mrkdwn"), "text", Text, Limit::MaxLength(3000)),
    case("ConfirmationDialog", None, "title", TextObject, Limit::MaxLength(100)),
    case("ConfirmationDialog", None, "text", TextObject, Limit::MaxLength(300)),
    case("ConfirmationDialog", None, "confirm", TextObject, Limit::MaxLength(30)),
    case("ConfirmationDialog", None, "deny", TextObject, Limit::MaxLength(30)),
    case("ConversationFilter", None, "include", List(r#""public""#), Limit::MinItems(1)),
    case("OptionGroup", None, "label", TextObject, Limit::MaxLength(75)),
    case("OptionGroup", None, "options", List("{}"), Limit::MaxItems(100)),
    case("OptionObject", None, "text", TextObject, Limit::MaxLength(75)),
    case("OptionObject", None, "value", Text, Limit::MaxLength(150)),
    case("OptionObject", None, "description", TextObject, Limit::MaxLength(75)),
    case("OptionObject", None, "url", Text, Limit::MaxLength(3000)),
    case("View", Some("modal"), "title", TextObject, Limit::MaxLength(24)),
    case("View", Some("modal"), "blocks", List(r#"{"type": "divider"}"#), Limit::MaxItems(100)),
    case("View", Some("modal"), "close", TextObject, Limit::MaxLength(24)),
    case("View", Some("modal"), "submit", TextObject, Limit::MaxLength(24)),
    case("View", Some("modal"), "private_metadata", Text, Limit::MaxLength(3000)),
    case("View", Some("modal"), "callback_id", Text, Limit::MaxLength(255)),
    case("View", Some("modal"), "external_id", Text, Limit::MaxLength(255)),
    case("View", Some("home"), "blocks", List(r#"{"type": "divider"}"#), Limit::MaxItems(100)),
    case("View", Some("home"), "private_metadata", Text, Limit::MaxLength(3000)),
    case("View", Some("home"), "callback_id", Text, Limit::MaxLength(255)),
];

impl Case {
    /// A value that breaks the limit by one, and the violation `validate()` reports.
    fn broken(&self) -> (Value, String) {
        let (count, bound) = match self.limit {
            Limit::MinLength(min) | Limit::MinItems(min) => (min - 1, format!("at least {min}")),
            Limit::MaxLength(max) | Limit::MaxItems(max) => (max + 1, format!("at most {max}")),
        };
        let unit = if matches!(self.holds, List(_)) { "items" } else { "characters" };
        let shown =
            if matches!(self.holds, EachTextObject) { format!("{}[0]", self.path) } else { self.path.to_owned() };
        (self.value(count), format!("{shown}: {count} {unit}, {bound}"))
    }

    /// A value that meets the limit exactly.
    fn met(&self) -> Value {
        match self.limit {
            Limit::MinLength(bound) | Limit::MaxLength(bound) | Limit::MinItems(bound) | Limit::MaxItems(bound) => {
                self.value(bound)
            }
        }
    }

    /// A value whose limited field is `count` characters or items long.
    fn value(&self, count: usize) -> Value {
        let text_object = json!({"type": "plain_text", "text": "x".repeat(count)});
        let value = match self.holds {
            Text => json!("x".repeat(count)),
            TextObject => text_object,
            EachTextObject => json!([text_object]),
            List(item) => {
                let item: Value = serde_json::from_str(item).unwrap_or_else(|error| panic!("{error}"));
                Value::Array(vec![item; count])
            }
        };
        let mut object = match self.path.split_once('.') {
            Some((outer, field)) => json!({ outer: { field: value } }),
            None => json!({ self.path: value }),
        };
        if let Some(kind) = self.kind {
            object["type"] = json!(kind);
            // The lists a kind requires a number of, when the case is not about them.
            for (with_kind, field, required) in REQUIRED_LISTS {
                if *with_kind == kind && *field != self.path {
                    object[*field] = serde_json::from_str(required).unwrap_or_else(|error| panic!("{error}"));
                }
            }
        }
        object
    }
}

/// The lists some kinds require at least one or two items of, so that a case about
/// another field meets them: by kind, then field.
const REQUIRED_LISTS: &[(&str, &str, &str)] =
    &[("carousel", "elements", r#"[{"type": "card"}]"#), ("data_table", "rows", "[[], []]")];

/// The violations of `json` decoded as the type named `ty`.
fn violations(ty: &str, json: Value) -> Vec<String> {
    fn check<T: Validate + serde::de::DeserializeOwned>(json: Value) -> Vec<String> {
        let value: T = serde_json::from_value(json).unwrap_or_else(|error| panic!("{error}"));
        match value.validate() {
            Ok(()) => Vec::new(),
            Err(violations) => violations.as_slice().iter().map(ToString::to_string).collect(),
        }
    }
    match ty {
        "Block" => check::<Block>(json),
        "BlockElement" => check::<BlockElement>(json),
        "ConfirmationDialog" => check::<ConfirmationDialog>(json),
        "ContextElement" => check::<ContextElement>(json),
        "ConversationFilter" => check::<ConversationFilter>(json),
        "OptionGroup" => check::<OptionGroup>(json),
        "OptionObject" => check::<OptionObject>(json),
        "View" => check::<View>(json),
        other => panic!("no type {other}"),
    }
}

#[test]
fn each_limit_broken_by_one_is_reported_with_its_path() {
    let wrong: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            let (json, expected) = case.broken();
            let found = violations(case.ty, json.clone());
            (found != [expected.as_str()]).then(|| format!("{json}: expected {expected:?}, found {found:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{} of {} cases:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}

#[test]
fn each_limit_met_exactly_passes() {
    let wrong: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            let json = case.met();
            let found = violations(case.ty, json.clone());
            (!found.is_empty()).then(|| format!("{json}: found {found:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{} of {} cases:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}

#[test]
fn every_limit_of_the_spec_has_a_case() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/objects");
    let mut limits = 0;
    for entry in std::fs::read_dir(&folder).unwrap_or_else(|error| panic!("{}: {error}", folder.display())) {
        let path = entry.unwrap_or_else(|error| panic!("{error}")).path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        limits += text
            .lines()
            .filter(|line| {
                let line = line.trim_start();
                ["min_length:", "max_length:", "min_items:", "max_items:"].iter().any(|key| line.starts_with(key))
            })
            .count();
    }
    assert_eq!(CASES.len(), limits, "one case per limit written in spec/objects/");
}

#[test]
fn the_options_of_a_menu_s_groups_are_checked_too() {
    let menu = json!({"type": "static_select", "action_id": "pick", "option_groups": [
        {"label": {"type": "plain_text", "text": "Group"}, "options": [{"value": "v".repeat(151)}]}
    ]});
    assert_eq!(violations("BlockElement", menu), ["option_groups[0].options[0].value: 151 characters, at most 150"]);
}

#[test]
fn a_message_with_several_broken_limits_reports_them_all_in_order() {
    let blocks: Vec<Block> = serde_json::from_value(json!([
        {"type": "section", "text": {"type": "mrkdwn", "text": ""}},
        {"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": "Approve"}, "action_id": "a".repeat(256)},
            {"type": "overflow", "options": vec![json!({"value": "v"}); 6]}
        ]},
        {"type": "a_block_slack_adds_later", "text": "x".repeat(5000)}
    ]))
    .unwrap_or_else(|error| panic!("{error}"));
    let error = blocks.validate().unwrap_err();
    assert_eq!(
        error.to_string(),
        "Slack would refuse this, for 3 reasons: [0].text: 0 characters, at least 1; \
         [1].elements[0].action_id: 256 characters, at most 255; [1].elements[1].options: 6 items, at most 5"
    );
}

/// The client checks the limits of a call's arguments before it sends anything: a
/// message of 51 blocks, one with a bad button, never leaves.
#[cfg(all(feature = "chat", feature = "views"))]
mod when_sending {
    use typed_slack::objects::{
        ActionsBlock, Attachment, ButtonElement, DividerBlock, HeaderBlock, ModalView, TextObject,
    };
    use typed_slack::runtime::{RequestError, RetryPolicy, validate};
    use typed_slack::{CallError, ChatPostMessage, Client, Token, ViewsPush};

    /// A client of a server nobody listens on: a call that reached it would fail to
    /// connect, not with the limits.
    fn client() -> Client {
        let token = Token::new("xoxb-limits-test").unwrap_or_else(|error| panic!("{error}"));
        Client::builder(token).base_url("http://127.0.0.1:9/api/").build().unwrap_or_else(|error| panic!("{error}"))
    }

    #[tokio::test]
    async fn a_message_over_slacks_limits_is_refused_before_it_is_sent() {
        let request = ChatPostMessage::new("C0123456789").blocks(vec![DividerBlock::new(); 51]);
        assert_eq!(
            validate::request(&request).unwrap_err().to_string(),
            "Slack would refuse this: blocks: 51 items, at most 50"
        );
        match client().call(request).await {
            Err(CallError::Request(RequestError::Limits(violations))) => {
                assert_eq!(violations.as_slice().len(), 1);
            }
            other => panic!("expected the limits, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_client_told_not_to_check_sends_the_call_as_it_is() {
        let token = Token::new("xoxb-limits-test").unwrap_or_else(|error| panic!("{error}"));
        let client = Client::builder(token)
            .base_url("http://127.0.0.1:9/api/")
            .retry_policy(RetryPolicy::never())
            .check_limits(false)
            .build()
            .unwrap_or_else(|error| panic!("{error}"));
        let request = ChatPostMessage::new("C0123456789").blocks(vec![DividerBlock::new(); 51]);
        match client.call(request).await {
            Err(CallError::Transport(_)) => {}
            other => panic!("expected the call to be sent, and nobody to answer, got {other:?}"),
        }
    }

    #[test]
    fn the_blocks_of_a_message_and_its_attachments_are_checked_in_the_arguments() {
        let button = ButtonElement::new(TextObject::plain("x".repeat(76)));
        // 101 attachments, the first with a header over 150 characters.
        let header = HeaderBlock::new(TextObject::plain("x".repeat(151)));
        let mut attachments = vec![Attachment::new().text("a").blocks([header])];
        attachments.extend(vec![Attachment::new().text("a"); 100]);
        let request =
            ChatPostMessage::new("C0123456789").blocks([ActionsBlock::new([button])]).attachments(attachments);
        assert_eq!(
            validate::request(&request).unwrap_err().to_string(),
            "Slack would refuse this, for 3 reasons: attachments: 101 items, at most 100; \
             attachments[0].blocks[0].text: 151 characters, at most 150; \
             blocks[0].elements[0].text: 76 characters, at most 75"
        );
        assert!(validate::request(&ChatPostMessage::new("C0123456789").text("hello")).is_ok());
    }

    #[test]
    fn a_view_is_checked_before_it_is_pushed() {
        let view = ModalView::new("A title longer than 24 characters", [DividerBlock::new()]);
        let request = ViewsPush::new(view);
        assert_eq!(
            validate::request(&request).unwrap_err().to_string(),
            "Slack would refuse this: view.title: 33 characters, at most 24"
        );
    }
}
