//! The codes every method can answer are one type for all methods: code written for
//! any method recognises them without comparing strings, against the fake Slack.

#![cfg(all(feature = "chat", feature = "conversations", feature = "users", feature = "catalog"))]

use typed_slack::runtime::{CallError, Code, CommonCode, Method};
use typed_slack::{
    ChatPostMessage, ChatPostMessageError, CommonError, ConversationsListError, Token, UsersInfo, UsersInfoError,
};
use typed_slack_fake::FakeSlack;

/// An app's handler for any method: the workspace is gone for good when its token was
/// revoked or its account deactivated.
fn forget_this_workspace<M: Method>(error: &CallError<M>) -> bool {
    matches!(error.common_code(), Some(CommonError::TokenRevoked | CommonError::AccountInactive))
}

#[tokio::test]
async fn one_handler_recognises_common_codes_of_any_method() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack");
    let client = slack.client(Token::new(FakeSlack::BOT_TOKEN).unwrap()).build().unwrap();

    slack.on::<ChatPostMessage>().fail(CommonError::TokenRevoked);
    let posted = client.call(ChatPostMessage::new("C0123").text("hi")).await.unwrap_err();
    assert!(forget_this_workspace(&posted));
    assert_eq!(posted.code(), Some(&ChatPostMessageError::Common(CommonError::TokenRevoked)));

    slack.on::<UsersInfo>().fail(CommonError::AccountInactive);
    let looked_up = client.call(UsersInfo::new("U0123")).await.unwrap_err();
    assert!(forget_this_workspace(&looked_up));
    assert_eq!(looked_up.code().map(Code::code), Some("account_inactive"));

    // A method's own code is its own variant, and not a common one.
    slack.on::<ChatPostMessage>().fail(ChatPostMessageError::NotInChannel);
    let refused = client.call(ChatPostMessage::new("C0123").text("hi")).await.unwrap_err();
    assert!(!forget_this_workspace(&refused));
    assert_eq!(refused.common_code(), None);

    // An undocumented code is kept, and is not common either.
    slack.on::<UsersInfo>().fail_with_code("brand_new_code");
    let unknown = client.call(UsersInfo::new("U0123")).await.unwrap_err();
    assert!(matches!(unknown.code(), Some(UsersInfoError::Unknown(code)) if code.as_str() == "brand_new_code"));
    assert!(!forget_this_workspace(&unknown));
}

#[test]
fn common_codes_parse_display_and_describe_as_the_method_documents_them() {
    let parsed: ChatPostMessageError = "missing_scope".parse().unwrap();
    assert_eq!(parsed, ChatPostMessageError::Common(CommonError::MissingScope));
    assert_eq!(parsed.code(), "missing_scope");
    assert!(parsed.to_string().starts_with("missing_scope: "));
    // conversations.list words `missing_scope` its own way; the code is still common.
    let reworded = ConversationsListError::from_code("missing_scope");
    assert_eq!(reworded, ConversationsListError::Common(CommonError::MissingScope));
    assert_eq!(
        reworded.description(),
        Some("The calling token is not granted the necessary scopes to complete this operation.")
    );
    assert_ne!(reworded.description(), Some(CommonError::MissingScope.description()), "the common wording");
    // Every code the method can answer is documented once, common ones included.
    let all: Vec<&str> = ChatPostMessageError::all_documented().map(|documented| documented.code).collect();
    assert!(all.contains(&"not_in_channel") && all.contains(&"token_revoked"));
    let listed: Vec<&str> = ConversationsListError::all_documented().map(|documented| documented.code).collect();
    assert_eq!(listed.iter().filter(|code| **code == "missing_scope").count(), 1, "{listed:?}");
}
