//! What checking Slack's limits before sending costs, beside what sending costs anyway.
//!
//! `cargo bench -p typed-slack --bench limits`. A message of 50 blocks (sections with a
//! button beside them, actions blocks with buttons and a menu of 20 options) and a
//! modal of 100 blocks (inputs, sections with fields) are checked as the client checks
//! them (`validate::request`: the JSON arguments read as typed blocks, then every
//! limit), against encoding the same request as the form body the client sends, in the
//! same run. divan's allocation profiler counts the allocations of each.

use divan::{AllocProfiler, black_box};
use serde_json::{Value, json};
use typed_slack::runtime::{FormArgs, Method, validate};
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

fn encode<M: Method>(request: &M) -> String {
    let mut form = FormArgs::new();
    request.write_args(&mut form).expect("arguments encode");
    form.finish()
}

mod message_of_50_blocks {
    use super::*;

    #[divan::bench]
    fn check_limits(bencher: divan::Bencher<'_, '_>) {
        let request = ChatPostMessage::new("C0123ABCDEF").blocks(message_blocks());
        assert!(validate::request(&request).is_ok());
        bencher.bench(|| validate::request(black_box(&request)));
    }

    #[divan::bench]
    fn encode_form(bencher: divan::Bencher<'_, '_>) {
        let request = ChatPostMessage::new("C0123ABCDEF").blocks(message_blocks());
        bencher.bench(|| encode(black_box(&request)));
    }
}

mod modal_of_100_blocks {
    use super::*;

    #[divan::bench]
    fn check_limits(bencher: divan::Bencher<'_, '_>) {
        let request = ViewsOpen::new(modal());
        assert!(validate::request(&request).is_ok());
        bencher.bench(|| validate::request(black_box(&request)));
    }

    #[divan::bench]
    fn encode_form(bencher: divan::Bencher<'_, '_>) {
        let request = ViewsOpen::new(modal());
        bencher.bench(|| encode(black_box(&request)));
    }
}
