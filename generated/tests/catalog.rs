//! Every method compiled in is in the catalog, with facts that agree with its types.

#![cfg(feature = "catalog")]

use typed_slack::runtime::MethodInfo;

#[test]
fn the_catalog_is_sorted_and_complete_for_the_enabled_features() {
    let catalog = typed_slack::catalog();
    let names: Vec<&str> = catalog.iter().map(|info| info.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(names, sorted, "sorted by name, each once");
    #[cfg(feature = "apps")]
    assert!(names.contains(&"apps.permissions.users.request"));
}

/// Every sample answer (what the fake Slack answers by default) is a JSON success that
/// decodes into its method's response type: the spec's response fields and the
/// generated types agree.
#[test]
fn every_sample_response_decodes_into_its_response_type() {
    let catalog: Vec<MethodInfo> = typed_slack::catalog();
    for info in &catalog {
        let body: serde_json::Value =
            serde_json::from_str(info.sample_response).unwrap_or_else(|error| panic!("{}: {error}", info.name));
        assert_eq!(body["ok"], true, "{}", info.name);
        (info.check_response)(info.sample_response).unwrap_or_else(|error| panic!("{error}"));
    }
    // A body without a required field still decodes (the field takes its default), and
    // one that is no object does not, naming the method.
    #[cfg(feature = "chat")]
    {
        let post_message = catalog.iter().find(|info| info.name == "chat.postMessage").unwrap();
        (post_message.check_response)(r#"{"ok": true}"#).unwrap_or_else(|error| panic!("{error}"));
        let error = (post_message.check_response)("[]").unwrap_err();
        assert!(error.contains("chat.postMessage") && error.contains("expected"), "{error}");
    }
}

#[test]
#[cfg(all(feature = "oauth", feature = "chat"))]
fn methods_called_with_credentials_instead_of_a_token_are_marked() {
    let catalog = typed_slack::catalog();
    assert!(!catalog.iter().find(|info| info.name == "oauth.v2.access").unwrap().authenticated);
    assert!(catalog.iter().find(|info| info.name == "chat.postMessage").unwrap().authenticated);
}

/// Every answer the spec shows (each success example of a method's page) and every
/// answer the fake Slack sends by default decodes into its method's response type and
/// serializes back to the same JSON: nothing is lost, nothing is added.
#[test]
fn every_example_and_default_answer_decodes_losslessly() {
    let mut failures = Vec::new();
    let mut examples = 0;
    let mut documented = 0;
    for info in typed_slack::catalog() {
        documented += info.success_examples.len();
        for body in info.success_examples.iter().chain([&info.sample_response]) {
            examples += 1;
            let sent: serde_json::Value =
                serde_json::from_str(body).unwrap_or_else(|error| panic!("{}: {error}", info.name));
            match (info.reencode)(body) {
                Ok(back) if back == sent => {}
                Ok(back) => failures.push(format!("{}: {sent} came back as {back}", info.name)),
                Err(error) => failures.push(error),
            }
        }
    }
    assert!(failures.is_empty(), "{} of {examples} answers:\n{}", failures.len(), failures.join("\n"));
    #[cfg(feature = "full")]
    assert!(documented >= 299, "the spec's 299 success examples are all there: {documented}");
}
