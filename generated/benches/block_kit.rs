//! What building Block Kit with the typed builders costs beside `serde_json::json!`, and
//! what checking Slack's limits before sending costs beside encoding the request.
//!
//! `cargo bench -p typed-slack --features chat,views --bench block_kit`. A message of 50
//! blocks (sections with a button beside them, actions blocks with buttons and a menu of
//! 20 options) and a modal of 100 blocks (inputs, sections with fields) are built and
//! serialized to JSON text both ways, in the same run (the two give the same JSON); then
//! checked as the client checks them (`validate::request`), beside encoding the same
//! request as the form body the client sends. divan's allocation profiler counts the
//! allocations of each.

use divan::{AllocProfiler, black_box};
use serde_json::{Value, json};
use typed_slack::objects::{
    ActionsBlock, Block, ButtonElement, ButtonElementStyle, ConfirmationDialog, InputBlock, ModalView, OptionObject,
    PlainTextInputElement, SectionBlock, StaticSelectElement, TextObject, View,
};
use typed_slack::runtime::{FormArgs, Method, Validate, validate};
use typed_slack::{ChatPostMessage, ViewsOpen};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

fn text(text: &str) -> Value {
    json!({"type": "plain_text", "text": text, "emoji": true})
}

/// 50 blocks as an approval bot posts them: a section with a button, then its actions.
fn message_blocks() -> Value {
    let options: Vec<Value> =
        (0..20).map(|i| json!({"text": text(&format!("Option {i}")), "value": format!("v{i}")})).collect();
    let blocks: Vec<Value> = (0..25)
        .flat_map(|i| {
            [
                json!({"type": "section", "block_id": format!("request-{i}"),
                    "text": {"type": "mrkdwn", "text": format!("*Request {i}*: a new laptop for <@U0123ABCD>, approved by the team lead.")},
                    "accessory": {"type": "button", "action_id": format!("details-{i}"), "text": text("Details"), "value": format!("{i}")}}),
                json!({"type": "actions", "block_id": format!("decide-{i}"), "elements": [
                    {"type": "button", "action_id": "approve", "style": "primary", "text": text("Approve"), "value": format!("{i}"),
                        "confirm": {"title": text("Sure?"), "text": text("This orders the laptop."), "confirm": text("Yes"), "deny": text("No")}},
                    {"type": "button", "action_id": "deny", "style": "danger", "text": text("Deny"), "value": format!("{i}")},
                    {"type": "static_select", "action_id": "assign", "placeholder": text("Assign to"), "options": options}
                ]}),
            ]
        })
        .collect();
    Value::Array(blocks)
}

/// A modal of 100 blocks: inputs and sections with fields.
fn modal() -> Value {
    let blocks: Vec<Value> = (0..50)
        .flat_map(|i| {
            [
                json!({"type": "input", "block_id": format!("field-{i}"), "label": text(&format!("Field {i}")),
                    "element": {"type": "plain_text_input", "action_id": "value", "placeholder": text("Type here")}}),
                json!({"type": "section", "fields": [
                    {"type": "mrkdwn", "text": "*Owner*\n<@U0123ABCD>"}, {"type": "mrkdwn", "text": "*Due*\nFriday"}
                ]}),
            ]
        })
        .collect();
    json!({"type": "modal", "callback_id": "form", "title": text("A long form"), "submit": text("Send"),
        "close": text("Cancel"), "private_metadata": "{\"step\":1}", "blocks": blocks})
}

fn plain(text: &str) -> TextObject {
    TextObject::plain(text).emoji(true)
}

/// [`message_blocks`], built.
fn typed_message_blocks() -> Vec<Block> {
    let options: Vec<OptionObject> =
        (0..20).map(|i| OptionObject::new(plain(&format!("Option {i}")), format!("v{i}"))).collect();
    (0..25)
        .flat_map(|i| {
            let confirm =
                ConfirmationDialog::new(plain("Sure?"), plain("This orders the laptop."), plain("Yes"), plain("No"));
            [
                SectionBlock::new()
                    .block_id(format!("request-{i}"))
                    .text(TextObject::mrkdwn(format!(
                        "*Request {i}*: a new laptop for <@U0123ABCD>, approved by the team lead."
                    )))
                    .accessory(
                        ButtonElement::new(plain("Details")).action_id(format!("details-{i}")).value(format!("{i}")),
                    )
                    .into(),
                ActionsBlock::new([
                    Into::<typed_slack::objects::BlockElement>::into(
                        ButtonElement::new(plain("Approve"))
                            .action_id("approve")
                            .style(ButtonElementStyle::Primary)
                            .value(format!("{i}"))
                            .confirm(confirm),
                    ),
                    ButtonElement::new(plain("Deny"))
                        .action_id("deny")
                        .style(ButtonElementStyle::Danger)
                        .value(format!("{i}"))
                        .into(),
                    StaticSelectElement::new()
                        .action_id("assign")
                        .placeholder(plain("Assign to"))
                        .options(options.clone())
                        .into(),
                ])
                .block_id(format!("decide-{i}"))
                .into(),
            ]
        })
        .collect()
}

/// [`modal`], built.
fn typed_modal() -> View {
    let blocks = (0..50).flat_map(|i| {
        [
            Block::from(
                InputBlock::new(
                    plain(&format!("Field {i}")),
                    PlainTextInputElement::new().action_id("value").placeholder(plain("Type here")),
                )
                .block_id(format!("field-{i}")),
            ),
            SectionBlock::new()
                .fields([TextObject::mrkdwn("*Owner*\n<@U0123ABCD>"), TextObject::mrkdwn("*Due*\nFriday")])
                .into(),
        ]
    });
    ModalView::new(plain("A long form"), blocks)
        .callback_id("form")
        .submit(plain("Send"))
        .close(plain("Cancel"))
        .private_metadata("{\"step\":1}")
        .into()
}

fn encode<M: Method>(request: &M) -> String {
    let mut form = FormArgs::new();
    request.write_args(&mut form).expect("arguments encode");
    form.finish()
}

fn to_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("Block Kit serializes")
}

mod message_of_50_blocks {
    use super::*;

    /// Built with `json!` and serialized: the baseline.
    #[divan::bench]
    fn build_json() -> String {
        to_text(&message_blocks())
    }

    /// Built with the builders and serialized.
    #[divan::bench]
    fn build_typed(bencher: divan::Bencher<'_, '_>) {
        assert_eq!(serde_json::to_value(typed_message_blocks()).ok(), Some(message_blocks()), "the same message");
        bencher.bench(|| to_text(&typed_message_blocks()));
    }

    #[divan::bench]
    fn check_limits(bencher: divan::Bencher<'_, '_>) {
        let request = ChatPostMessage::new("C0123ABCDEF").blocks(typed_message_blocks());
        assert!(validate::request(&request).is_ok());
        bencher.bench(|| validate::request(black_box(&request)));
    }

    #[divan::bench]
    fn encode_form(bencher: divan::Bencher<'_, '_>) {
        let request = ChatPostMessage::new("C0123ABCDEF").blocks(typed_message_blocks());
        bencher.bench(|| encode(black_box(&request)));
    }
}

mod modal_of_100_blocks {
    use super::*;

    /// Built with `json!` and serialized: the baseline.
    #[divan::bench]
    fn build_json() -> String {
        to_text(&modal())
    }

    /// Built with the builders, validated and serialized: what an app does per
    /// interaction.
    #[divan::bench]
    fn build_validate_typed(bencher: divan::Bencher<'_, '_>) {
        assert_eq!(serde_json::to_value(typed_modal()).ok(), Some(modal()), "the same modal");
        bencher.bench(|| {
            let view = typed_modal();
            assert!(view.validate().is_ok());
            to_text(&view)
        });
    }

    #[divan::bench]
    fn check_limits(bencher: divan::Bencher<'_, '_>) {
        let request = ViewsOpen::new(typed_modal());
        assert!(validate::request(&request).is_ok());
        bencher.bench(|| validate::request(black_box(&request)));
    }

    #[divan::bench]
    fn encode_form(bencher: divan::Bencher<'_, '_>) {
        let request = ViewsOpen::new(typed_modal());
        bencher.bench(|| encode(black_box(&request)));
    }
}
