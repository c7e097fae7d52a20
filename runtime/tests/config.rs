//! Building a client and getting a token: what is accepted, and the errors for what is not.

mod support;

use support::token;
use typed_slack_runtime::{BaseUrlError, BuildError, Client, Token, TokenError};

#[test]
fn plain_http_is_refused_except_to_loopback_addresses() {
    let error = Client::builder(token()).base_url("http://slack.com/api/").build().unwrap_err();
    assert!(
        matches!(&error, BuildError::BaseUrl(BaseUrlError::PlainHttpNotLoopback { host, .. }) if host == "slack.com")
    );
    let message = error.to_string();
    assert!(message.contains("unencrypted") && message.contains("use https"), "{message}");

    for url in [
        "http://127.0.0.1:8080/api/",
        "http://localhost:8080/api/",
        "http://[::1]:8080/api/",
        "https://slack-gov.com/api/",
    ] {
        Client::builder(token()).base_url(url).build().unwrap();
    }
}

#[test]
fn a_missing_environment_variable_is_named() {
    let error = Token::from_env("SLACK_API_RUNTIME_TEST_TOKEN_THAT_IS_NEVER_SET").unwrap_err();
    assert_eq!(error, TokenError::Missing { var: "SLACK_API_RUNTIME_TEST_TOKEN_THAT_IS_NEVER_SET".to_owned() });
    assert!(error.to_string().contains("SLACK_API_RUNTIME_TEST_TOKEN_THAT_IS_NEVER_SET"));
}

#[test]
fn tokens_that_cannot_be_sent_are_refused() {
    assert_eq!(Token::new("").unwrap_err(), TokenError::Empty);
    assert_eq!(Token::new("xoxb-1\n2").unwrap_err(), TokenError::Malformed);
    assert!(!TokenError::Malformed.to_string().contains("xoxb"));
}
