//! Methods for the unit tests, written by hand in the shape the generator gives them.

use std::fmt;

use serde::Deserialize;
use typed_slack_runtime::{
    ArgWriter, Argument, Catalogued, Code, CommonError, CommonOnly, CommonWarning, ContentType, Documented, HttpMethod,
    Lifecycle, Method, MethodInfo, MethodResponse, RateTier, Scopes, UnknownCode,
};

/// `test.post`: accepts JSON, bot and user tokens, requires `channel` and `text`.
pub(crate) fn post() -> MethodInfo {
    MethodInfo::of::<Post>()
}

/// `test.userOnly`: user tokens only, documents `is_bot`, Tier 1.
pub(crate) fn user_only() -> MethodInfo {
    MethodInfo::of::<UserOnly>()
}

pub(crate) struct Post;

impl Method for Post {
    const NAME: &'static str = "test.post";
    const HTTP_METHOD: HttpMethod = HttpMethod::Post;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded, ContentType::Json];
    const RATE_TIER: RateTier = RateTier::Tier3;
    const SCOPES: Scopes = Scopes { bot: Some(&["chat:write"]), user: Some(&["chat:write"]) };
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    type Response = Empty;
    type Error = Errors<false>;
    type Warning = CommonOnly<CommonWarning>;

    fn write_args<W: ArgWriter>(&self, _args: &mut W) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl Catalogued for Post {
    const ARGUMENTS: &'static [Argument] =
        &[Argument::required("channel"), Argument::required("text"), Argument::optional("blocks")];
    const SAMPLE_RESPONSE: &'static str = r#"{"ok":true,"channel":"C0000000000","ts":"0000000000.000000"}"#;
}

pub(crate) struct UserOnly;

impl Method for UserOnly {
    const NAME: &'static str = "test.userOnly";
    const HTTP_METHOD: HttpMethod = HttpMethod::Get;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded];
    const RATE_TIER: RateTier = RateTier::Tier1;
    const SCOPES: Scopes = Scopes { bot: None, user: Some(&["users:read"]) };
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    type Response = Empty;
    type Error = Errors<true>;
    type Warning = CommonOnly<CommonWarning>;

    fn write_args<W: ArgWriter>(&self, _args: &mut W) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl Catalogued for UserOnly {
    const ARGUMENTS: &'static [Argument] = &[];
    const SAMPLE_RESPONSE: &'static str = r#"{"ok":true}"#;
}

#[derive(Debug, Deserialize, serde::Serialize)]
pub(crate) struct Empty {}

impl MethodResponse for Empty {
    type Warning = CommonOnly<CommonWarning>;

    fn warnings(&self) -> &[Self::Warning] {
        &[]
    }

    fn set_warnings(&mut self, _warnings: Vec<Self::Warning>) {}
}

/// Codes kept as they come, none of them common; `IS_BOT` documents `is_bot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Errors<const IS_BOT: bool>(UnknownCode);

impl<const IS_BOT: bool> Code for Errors<IS_BOT> {
    type Common = CommonError;

    const DOCUMENTED: &'static [Documented] =
        if IS_BOT { &[Documented::new("is_bot", "This method cannot be called by a bot user.")] } else { &[] };

    const ANSWERS_COMMON: bool = false;

    fn from_code(code: &str) -> Self {
        Self(UnknownCode::new(code))
    }

    fn code(&self) -> &str {
        self.0.as_str()
    }
}

impl<const IS_BOT: bool> fmt::Display for Errors<IS_BOT> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
