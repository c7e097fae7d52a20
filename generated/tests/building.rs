//! Building what an app sends, without writing JSON: an approval message and a modal,
//! built with the generated builders, give the JSON of Slack's examples, pass
//! `validate()`, and are accepted by the fake Slack; the click on the message's button
//! comes back as a typed payload. Also Slack's rules beyond lengths: which kinds a block
//! accepts, and values that must be unique.

#![cfg(all(feature = "chat", feature = "views", feature = "objects", feature = "catalog"))]

use serde_json::{Value, json};
use typed_slack::objects::{
    ActionsBlock, Block, ButtonElement, ButtonElementStyle, DividerBlock, ElementState, InputBlock, Interaction,
    ModalView, OptionObject, PlainTextInputElement, SectionBlock, StaticSelectElement, TextObject, View,
};
use typed_slack::runtime::{Token, Validate};
use typed_slack::{ChatPostMessage, ConversationsHistory, ViewsOpen};
use typed_slack_fake::FakeSlack;

const TOKEN: &str = "xoxb-1234-5678-building";

/// Slack's approval message (the Block Kit Builder's "Approval" template), with an
/// `action_id` on each button.
fn approval_json() -> Value {
    json!([
        {"type": "section", "text": {"type": "mrkdwn",
            "text": "You have a new request:\n*<https://example.com/fred|Fred Enriquez - New device request>*"}},
        {"type": "section", "fields": [
            {"type": "mrkdwn", "text": "*Type:*\nComputer (laptop)"},
            {"type": "mrkdwn", "text": "*When:*\nSubmitted Aug 10"}
        ]},
        {"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "emoji": true, "text": "Approve"},
             "style": "primary", "value": "request_42", "action_id": "approve"},
            {"type": "button", "text": {"type": "plain_text", "emoji": true, "text": "Deny"},
             "style": "danger", "value": "request_42", "action_id": "deny"}
        ]}
    ])
}

/// The same message, built.
fn approval() -> Vec<Block> {
    let button = |text: &str, style, action_id: &str| {
        ButtonElement::new(TextObject::plain(text).emoji(true)).style(style).value("request_42").action_id(action_id)
    };
    vec![
        SectionBlock::new()
            .text(TextObject::mrkdwn(
                "You have a new request:\n*<https://example.com/fred|Fred Enriquez - New device request>*",
            ))
            .into(),
        SectionBlock::new()
            .fields([TextObject::mrkdwn("*Type:*\nComputer (laptop)"), TextObject::mrkdwn("*When:*\nSubmitted Aug 10")])
            .into(),
        ActionsBlock::new([
            button("Approve", ButtonElementStyle::Primary, "approve"),
            button("Deny", ButtonElementStyle::Danger, "deny"),
        ])
        .into(),
    ]
}

/// A modal with a greeting, a button, a menu and a text input.
fn modal() -> ModalView {
    ModalView::new(
        "Request a device",
        [
            Block::from(
                SectionBlock::new()
                    .block_id("greeting")
                    .text(TextObject::mrkdwn("*Welcome!* Tell us what you need."))
                    .accessory(ButtonElement::new("Help").action_id("help")),
            ),
            InputBlock::new(
                "Device",
                StaticSelectElement::new()
                    .action_id("device")
                    .options([("Laptop", "laptop"), ("Phone", "phone")].map(OptionObject::from)),
            )
            .block_id("device")
            .into(),
            InputBlock::new("Why?", PlainTextInputElement::new().action_id("reason").multiline(true))
                .block_id("reason")
                .into(),
        ],
    )
    .callback_id("device_request")
    .submit("Send")
}

fn modal_json() -> Value {
    json!({
        "type": "modal",
        "title": {"type": "plain_text", "text": "Request a device"},
        "blocks": [
            {"type": "section", "block_id": "greeting",
             "text": {"type": "mrkdwn", "text": "*Welcome!* Tell us what you need."},
             "accessory": {"type": "button", "text": {"type": "plain_text", "text": "Help"}, "action_id": "help"}},
            {"type": "input", "block_id": "device", "label": {"type": "plain_text", "text": "Device"},
             "element": {"type": "static_select", "action_id": "device", "options": [
                 {"text": {"type": "plain_text", "text": "Laptop"}, "value": "laptop"},
                 {"text": {"type": "plain_text", "text": "Phone"}, "value": "phone"}
             ]}},
            {"type": "input", "block_id": "reason", "label": {"type": "plain_text", "text": "Why?"},
             "element": {"type": "plain_text_input", "action_id": "reason", "multiline": true}}
        ],
        "callback_id": "device_request",
        "submit": {"type": "plain_text", "text": "Send"}
    })
}

async fn fake_slack() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).token(TOKEN).start().await.expect("a fake Slack")
}

fn token() -> Token {
    Token::new(TOKEN).expect("a well-formed token")
}

#[test]
fn the_builders_give_the_json_of_slacks_examples_and_validate() {
    assert_eq!(serde_json::to_value(approval()).unwrap(), approval_json());
    // A kind serializes with its tag as the union it is one of.
    assert_eq!(serde_json::to_value(View::from(modal())).unwrap(), modal_json());
    assert_eq!(approval().validate(), Ok(()));
    assert_eq!(modal().validate(), Ok(()));
    // The JSON decodes into what the builders build.
    assert_eq!(serde_json::from_value::<Vec<Block>>(approval_json()).unwrap(), approval());
}

#[tokio::test]
async fn a_built_message_and_modal_are_sent_as_json_and_accepted_by_the_fake() {
    let slack = fake_slack().await;
    let client = slack.client(token()).build().unwrap();

    let posted =
        client.call(ChatPostMessage::new("C0000000001").text("A new request").blocks(approval())).await.unwrap();
    let opened = client.call(ViewsOpen::new(modal()).trigger_id("12345.98765.abcd2358fdea")).await.unwrap();

    let [message] = slack.requests_to::<ChatPostMessage>().try_into().unwrap();
    let blocks = message.arguments().text("blocks").unwrap();
    assert_eq!(serde_json::from_str::<Value>(blocks).unwrap(), approval_json());
    let [open] = slack.requests_to::<ViewsOpen>().try_into().unwrap();
    let view = open.arguments().text("view").unwrap();
    assert_eq!(serde_json::from_str::<Value>(view).unwrap(), modal_json());
    // The fake answers the view it was sent, typed.
    assert!(opened.view.is_some());
    // The message is kept, and its blocks come back from the channel's history typed.
    let history = client.call(ConversationsHistory::new("C0000000001")).await.unwrap();
    let latest = &history.messages[0];
    assert_eq!((latest.ts.as_ref(), latest.blocks.as_ref()), (Some(&posted.ts), Some(&approval())));
}

#[test]
fn a_button_click_comes_back_typed_with_the_view_state() {
    let click = json!({
        "type": "block_actions",
        "user": {"id": "U0123456789", "username": "fred", "team_id": "T0123456789"},
        "api_app_id": "A0123456789",
        "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": "C0123456789"},
        "trigger_id": "12345.98765.abcd2358fdea",
        "team": {"id": "T0123456789", "domain": "example"},
        "channel": {"id": "C0123456789", "name": "requests"},
        "message": {"type": "message", "ts": "1700000000.000100", "text": "A new request", "blocks": approval_json()},
        "state": {"values": {"device": {"device": {"type": "static_select",
            "selected_option": {"text": {"type": "plain_text", "text": "Laptop"}, "value": "laptop"}}}}},
        "actions": [{"type": "button", "action_id": "approve", "block_id": "b1", "value": "request_42",
                     "text": {"type": "plain_text", "text": "Approve", "emoji": true}, "style": "primary",
                     "action_ts": "1700000001.000200"}]
    });
    let Interaction::BlockActions(payload) = serde_json::from_value(click.clone()).unwrap() else {
        panic!("a block_actions payload")
    };
    let action = &payload.actions.as_ref().unwrap()[0];
    assert_eq!((action.action_id.as_deref(), action.value.as_deref()), (Some("approve"), Some("request_42")));
    let blocks = payload.message.as_ref().and_then(|message| message.blocks.as_ref()).unwrap();
    assert!(matches!(&blocks[2], Block::Actions(actions) if actions.elements.len() == 2));
    let state = payload.state.as_ref().and_then(|state| state.values.as_ref()).unwrap();
    let Some(ElementState::StaticSelect(menu)) = state.get("device").and_then(|block| block.get("device")) else {
        panic!("the menu's state")
    };
    assert_eq!(menu.selected_option.as_ref().map(|option| option.value.as_str()), Some("laptop"));
    // And it is kept whole.
    assert_eq!(serde_json::to_value(Interaction::from(payload.as_ref().clone())).unwrap(), click);
}

#[test]
fn a_kind_a_block_does_not_accept_and_repeated_ids_are_reported_before_sending() {
    let blocks: Vec<Block> = vec![
        // A section's accessory cannot be a text input.
        SectionBlock::new().text("Hi").accessory(PlainTextInputElement::new()).block_id("a").into(),
        // Two buttons of one block with one action_id; the same one in another block is fine.
        ActionsBlock::new([ButtonElement::new("One").action_id("go"), ButtonElement::new("Two").action_id("go")])
            .block_id("b")
            .into(),
        ActionsBlock::new([ButtonElement::new("Three").action_id("go")]).block_id("a").into(),
        DividerBlock::new().into(),
    ];
    let found: Vec<String> = blocks.validate().unwrap_err().as_slice().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "[0].accessory: a `plain_text_input` is not accepted here, only button, checkboxes, datepicker, image, \
             multi_static_select, multi_external_select, multi_users_select, multi_conversations_select, \
             multi_channels_select, overflow, radio_buttons, static_select, external_select, users_select, \
             conversations_select, channels_select, timepicker, workflow_button",
            "[1].elements[1].action_id: `go` is already used at [1].elements[0].action_id, and must be unique within block",
            "[2].block_id: `a` is already used at [0].block_id, and must be unique within the whole value",
        ]
    );
}

#[test]
fn each_kind_of_block_is_its_own_scope_and_lists_are_checked_item_by_item() {
    // Checked as their own type, two sections may each have a button `go`.
    let sections = vec![SectionBlock::new().text("One").accessory(ButtonElement::new("Go").action_id("go")); 2];
    assert_eq!(sections.validate(), Ok(()));
    // An actions block takes buttons and menus, not a text input.
    let actions = ActionsBlock::new([
        typed_slack::objects::BlockElement::from(ButtonElement::new("Go")),
        PlainTextInputElement::new().into(),
    ]);
    let error = actions.validate().unwrap_err();
    assert_eq!(error.as_slice().len(), 1);
    assert!(
        error.to_string().starts_with(
            "Slack would refuse this: elements[1]: a `plain_text_input` is not accepted here, only button, "
        ),
        "{error}"
    );
}
