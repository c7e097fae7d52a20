//! Every method compiled in is in the catalog, with facts that agree with its types.

use slack_api::runtime::MethodInfo;

#[test]
fn the_catalog_is_sorted_and_complete_for_the_enabled_features() {
    let catalog = slack_api::catalog();
    let names: Vec<&str> = catalog.iter().map(|info| info.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(names, sorted, "sorted by name, each once");
    #[cfg(feature = "apps")]
    assert!(names.contains(&"apps.permissions.users.request"));
}

/// Every sample answer is JSON with `"ok": true`; what each decodes into is checked
/// per method by the fake server's tests.
#[test]
fn every_sample_response_is_a_json_success() {
    for info in slack_api::catalog() {
        let body: serde_json::Value =
            serde_json::from_str(info.sample_response).unwrap_or_else(|error| panic!("{}: {error}", info.name));
        assert_eq!(body["ok"], true, "{}", info.name);
        let _: &MethodInfo = &info;
    }
}
