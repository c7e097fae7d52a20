//! The seed method, `apps.permissions.users.request`, against the facts of its Slack doc
//! page (copied here, so that tests never read outside the project).

#![cfg(feature = "apps")] // The method is in the `apps` family.
#![allow(deprecated)] // The method is deprecated; these tests check exactly that.

use typed_slack::runtime::{Code, ContentType, FormArgs, HttpMethod, Lifecycle, Method, RateTier};
use typed_slack::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError, AppsPermissionsUsersRequestWarning};
use typed_slack::{CommonError, CommonWarning};

type Request = AppsPermissionsUsersRequest;
type Error = AppsPermissionsUsersRequestError;
type Warning = AppsPermissionsUsersRequestWarning;

/// The codes of the page's Errors table, in its order.
const PAGE_ERRORS: [&str; 22] = [
    "invalid_trigger",
    "trigger_exchanged",
    "invalid_scope",
    "invalid_user",
    "not_authed",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "no_permission",
    "org_login_required",
    "ekm_access_denied",
    "missing_scope",
    "is_bot",
    "invalid_arguments",
    "invalid_arg_name",
    "invalid_charset",
    "invalid_form_data",
    "invalid_post_type",
    "missing_post_type",
    "team_added_to_org",
    "request_timeout",
    "fatal_error",
];

#[test]
fn facts_match_the_page() {
    assert_eq!(Request::NAME, "apps.permissions.users.request");
    assert_eq!(Request::HTTP_METHOD, HttpMethod::Get);
    assert_eq!(Request::CONTENT_TYPES, [ContentType::FormUrlEncoded]);
    // The page says the method does not accept application/json.
    assert!(!ContentType::includes_json(Request::CONTENT_TYPES));
    assert_eq!(Request::RATE_TIER, RateTier::Tier2);
    assert_eq!(Request::SCOPES.bot, None, "the page's Works with table is empty");
    assert_eq!(Request::SCOPES.user, None);
    #[cfg(feature = "catalog")]
    {
        use typed_slack::runtime::Catalogued;
        let arguments: Vec<(&str, bool)> = Request::ARGUMENTS.iter().map(|a| (a.name, a.required)).collect();
        assert_eq!(arguments, [("scopes", true), ("trigger_id", true), ("user", true)], "the token is not an argument");
    }
    assert!(
        matches!(Request::LIFECYCLE, Lifecycle::Deprecated { note } if note.contains("developer preview has ended"))
    );
}

#[test]
fn arguments_are_typed_and_scopes_are_comma_joined() {
    let request = Request::new(["reactions:write", "chat:write"], "12345.98765.abcd2358fdea", "U0DJ9S1Q8");
    assert_eq!(request.user.as_str(), "U0DJ9S1Q8");
    assert_eq!(request.trigger_id.as_str(), "12345.98765.abcd2358fdea");
    let mut form = FormArgs::new();
    request.write_args(&mut form).unwrap();
    assert_eq!(
        form.finish(),
        "scopes=reactions%3Awrite%2Cchat%3Awrite&trigger_id=12345.98765.abcd2358fdea&user=U0DJ9S1Q8"
    );
}

#[test]
fn every_error_on_the_page_is_a_documented_variant() {
    for code in PAGE_ERRORS {
        let error = Error::from_code(code);
        assert!(error.is_documented(), "`{code}` decoded into {error:?}");
        assert_eq!(error.code(), code);
    }
    assert_eq!(Error::from_code("invalid_trigger"), Error::InvalidTrigger);
    assert_eq!(Error::from_code("trigger_exchanged"), Error::TriggerExchanged);
    // The page's codes that every method can answer decode as common ones, typed too.
    assert_eq!(Error::from_code("not_authed"), Error::Common(CommonError::NotAuthed));
    assert_eq!(Error::from_code("not_authed").common(), Some(CommonError::NotAuthed));
}

#[test]
fn every_documented_code_round_trips() {
    for code in Error::all_documented().map(|documented| documented.code) {
        let error: Error = code.parse().unwrap();
        assert!(!matches!(error, Error::Unknown(_)), "`{code}`");
        assert_eq!(error.code(), code);
        assert!(error.to_string().starts_with(&format!("{code}: ")));
    }
    let warnings: Vec<&str> = Warning::all_documented().map(|documented| documented.code).collect();
    assert_eq!(warnings, ["missing_charset", "superfluous_charset"]);
    for code in warnings {
        assert_eq!(Warning::from_code(code).code(), code);
    }
    assert_eq!(Warning::from_code("missing_charset"), Warning::Common(CommonWarning::MissingCharset));
}

#[test]
fn an_undocumented_code_is_kept() {
    // The page's own failure example answers a code its Errors table does not list.
    let error = Error::from_code("invalid_trigger_id");
    let Error::Unknown(unknown) = &error else { panic!("{error:?} should be Unknown") };
    assert_eq!(unknown.as_str(), "invalid_trigger_id");
    assert_eq!(error.code(), "invalid_trigger_id");
    assert_eq!(error.to_string(), "invalid_trigger_id");
    assert_eq!(error.description(), None);
    let warning = Warning::from_code("brand_new_warning");
    assert_eq!(warning.code(), "brand_new_warning");
}

#[test]
fn errors_are_std_errors() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    assert_error(&Error::InvalidScope);
    assert_eq!(Error::InvalidScope.to_string(), "invalid_scope: Scopes are invalid.");
}
