//! Compiles the snapshot outputs of `tests/snapshots.rs` and checks that they behave:
//! a snapshot that is not valid, warning-free Rust fails this test target.

#![deny(warnings)]
// The snapshots are library code compiled into a test binary: what no test uses is
// not dead in the real crate.
#![allow(dead_code)]

#[path = "expected/argument_types.rs"]
#[rustfmt::skip] // Snapshots are formatted by the generator, not by rustfmt.
mod argument_types;
#[path = "expected/corpus_generated.rs"]
#[rustfmt::skip] // Snapshots are formatted by the generator, not by rustfmt.
mod corpus_generated;
#[path = "expected/keyword_arguments.rs"]
#[rustfmt::skip] // Snapshots are formatted by the generator, not by rustfmt.
mod keyword_arguments;
#[path = "expected/markdown_descriptions.rs"]
#[rustfmt::skip] // Snapshots are formatted by the generator, not by rustfmt.
mod markdown_descriptions;
#[path = "expected/no_errors.rs"]
#[rustfmt::skip] // Snapshots are formatted by the generator, not by rustfmt.
mod no_errors;

#[cfg(feature = "catalog")]
use typed_slack_runtime::Catalogued;
use typed_slack_runtime::{
    Code, CommonError, CommonWarning, ContentType, FormArgs, JsonArgs, Method, MethodResponse, Paginated, RateTier,
};

fn form<M: Method>(request: &M) -> String {
    let mut args = FormArgs::new();
    request.write_args(&mut args).expect("arguments encode");
    args.finish()
}

fn json<M: Method>(request: &M) -> serde_json::Value {
    let mut args = JsonArgs::new();
    request.write_args(&mut args).expect("arguments encode");
    serde_json::from_slice(&args.finish()).expect("the body is JSON")
}

#[test]
fn keywords_are_renamed_in_rust_and_kept_on_the_wire() {
    use keyword_arguments::{TestKeywords, TestKeywordsError, TestKeywordsResponse};
    let request = TestKeywords::new("kind", "me").new_(true).crate_(3);
    assert_eq!(request.type_, "kind");
    assert_eq!(form(&request), "type=kind&self=me&new=true&crate=3");

    let response: TestKeywordsResponse =
        serde_json::from_str(r#"{"ok": true, "type": "t", "warnings": ["w"]}"#).unwrap();
    assert_eq!(response.type_, "t");
    assert_eq!(response.warnings_, Some(vec!["w".to_owned()]));
    assert!(response.warnings().is_empty(), "decoded warnings are set by the runtime, not by serde");

    assert_eq!(TestKeywordsError::from_code("self"), TestKeywordsError::Self_);
    assert_eq!(TestKeywordsError::from_code("unknown"), TestKeywordsError::Unknown_);
    assert_eq!(TestKeywordsError::Unknown_.code(), "unknown");
    let other = TestKeywordsError::from_code("unknown_code");
    assert!(matches!(other, TestKeywordsError::Unknown(_)));
    assert_eq!(other.code(), "unknown_code");
}

#[test]
fn every_argument_type_encodes_as_slack_expects() {
    use argument_types::{
        TestTypes, TestTypesError, TestTypesResponse, TestTypesSort, TestTypesTypes, TestTypesWarning,
    };
    let request = TestTypes::new("C1", ["U1", "U2"], TestTypesSort::Score)
        .as_user(false)
        .limit(20)
        .ratio(0.5)
        .blocks(serde_json::json!([{"type": "divider"}]))
        .ts("1524523204.000192")
        .cursor("dXNlcjpVMDYxTkZUVDI=")
        .ids([1, 2])
        .types([TestTypesTypes::PublicChannel, TestTypesTypes::Im]);
    assert_eq!(
        form(&request),
        "channel=C1&users=U1%2CU2&as_user=false&limit=20&ratio=0.5&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D\
         &ts=1524523204.000192&cursor=dXNlcjpVMDYxTkZUVDI%3D&ids=1%2C2&types=public_channel%2Cim&sort=score"
    );
    assert_eq!(json(&request)["blocks"][0]["type"], "divider");
    assert_eq!(json(&request)["users"], "U1,U2");
    assert_eq!(
        form(&TestTypes::new("C1", ["U1"], TestTypesSort::Timestamp)),
        "channel=C1&users=U1&sort=timestamp",
        "unset optional arguments are not sent"
    );

    assert_eq!(TestTypes::NAME, "test.types");
    assert!(ContentType::includes_json(TestTypes::CONTENT_TYPES));
    assert_eq!(TestTypes::RATE_TIER, RateTier::Tier1);
    assert_eq!(TestTypes::SCOPES.bot, Some(&["chat:write", "channels:read"][..]));
    assert_eq!(TestTypes::SCOPES.user, None, "user tokens are not documented for the method");
    #[cfg(feature = "catalog")]
    {
        assert_eq!(TestTypes::ARGUMENTS.len(), 11, "every argument but the token");
        assert!(TestTypes::ARGUMENTS.iter().any(|argument| argument.name == "sort" && argument.required));
        // The sample answer decodes into the response type.
        let sample: TestTypesResponse = serde_json::from_str(TestTypes::SAMPLE_RESPONSE).unwrap();
        assert_eq!(sample.channel.as_str(), "C0000000000");
    }

    let response: TestTypesResponse = serde_json::from_str(
        r#"{"ok": true, "channel": "C1", "members": ["U1"], "extra": 1, "message": {"text": "hi"},
            "purpose": {"value": "talk", "history": [{"ts": "1.2"}]},
            "response_metadata": {"next_cursor": "bmV4dA=="}}"#,
    )
    .unwrap();
    assert_eq!(response.channel.as_str(), "C1");
    assert_eq!(response.members.as_ref().map(Vec::len), Some(1));
    assert_eq!(response.message.as_ref().unwrap()["text"], "hi");
    assert_eq!(response.purpose.value, "talk");
    assert_eq!(response.purpose.creator, None);
    assert_eq!(response.purpose.history.as_ref().unwrap()[0].ts.as_str(), "1.2");
    assert_eq!(response.unknown.get("extra"), Some(&serde_json::json!(1)), "an unknown field is kept");
    // A required field that is missing takes its default rather than failing the answer.
    let lacking: TestTypesResponse = serde_json::from_str(r#"{"ok": true}"#).unwrap();
    assert_eq!(lacking.channel.as_str(), "");
    // A value of another type is kept under its key, and the answer still decodes.
    let odd: TestTypesResponse = serde_json::from_str(r#"{"ok": true, "channel": 5, "members": "U1"}"#).unwrap();
    assert_eq!((odd.unknown.get("channel"), odd.members.is_none()), (Some(&serde_json::json!(5)), true));
    assert_eq!(
        serde_json::to_value(&odd).unwrap(),
        serde_json::json!({"ok": true, "channel": 5, "members": "U1"}),
        "serializing gives back what came, and adds no missing required field"
    );

    let mut next = request.clone();
    next.set_cursor(TestTypes::next_cursor(&response).unwrap().clone());
    assert_eq!(next.cursor.as_ref().map(|cursor| cursor.as_str()), Some("bmV4dA=="));

    let documented: Vec<&str> = TestTypesError::DOCUMENTED.iter().map(|documented| documented.code).collect();
    assert_eq!(documented, ["channel_not_found", "invalid_auth"], "own codes, then common ones described anew");
    let invalid_auth = TestTypesError::from_code("invalid_auth");
    assert_eq!(invalid_auth, TestTypesError::Common(CommonError::InvalidAuth), "a common code decodes as common");
    assert_eq!(
        invalid_auth.description(),
        Some("The method's own description."),
        "a method's own description wins over its include's"
    );
    assert_eq!(invalid_auth.common(), Some(CommonError::InvalidAuth));
    assert_eq!(TestTypesError::ChannelNotFound.common(), None);
    assert_eq!(TestTypesError::from(CommonError::NotAuthed).code(), "not_authed");
    assert_eq!(TestTypesWarning::from_code("missing_charset"), TestTypesWarning::Common(CommonWarning::MissingCharset));
}

#[test]
fn a_method_without_errors_keeps_every_code_it_is_sent() {
    use no_errors::{TestQuiet, TestQuietError};
    assert_eq!(form(&TestQuiet::new()), "");
    assert!(TestQuietError::DOCUMENTED.is_empty());
    let error: TestQuietError = "anything".parse().unwrap();
    assert_eq!(error.code(), "anything");
    assert_eq!(error.to_string(), "anything");
    assert!(!error.is_documented());
}

#[test]
fn descriptions_reach_display_as_written_in_the_spec() {
    use markdown_descriptions::TestMarkdownError;
    assert_eq!(TestMarkdownError::TooLong.to_string(), "too_long: Longer than 4,000 | characters [limit].");
}
