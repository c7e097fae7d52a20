//! Methods shaped like the generated ones, one for each token rule of the spec.

use std::fmt;

use serde::Deserialize;
use typed_slack_runtime::{
    ArgWriter, Argument, Catalogued, Code, CommonError, CommonOnly, CommonWarning, ContentType, Documented, HttpMethod,
    Lifecycle, Method, MethodResponse, RateTier, Scopes, UnknownCode,
};

macro_rules! method {
    ($(#[$doc:meta])* $type:ident = $name:literal {
        accepts_json: $json:expr, tier: $tier:ident, bot: $bot:expr, user: $user:expr,
        errors: $errors:ty, arguments: [$($argument:literal: $required:literal),*], sample: $sample:literal $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default)]
        pub struct $type;

        impl Method for $type {
            const NAME: &'static str = $name;
            const HTTP_METHOD: HttpMethod = HttpMethod::Post;
            const CONTENT_TYPES: &'static [ContentType] =
                if $json { &[ContentType::FormUrlEncoded, ContentType::Json] } else { &[ContentType::FormUrlEncoded] };
            const RATE_TIER: RateTier = RateTier::$tier;
            const SCOPES: Scopes = Scopes { bot: $bot, user: $user };
            const LIFECYCLE: Lifecycle = Lifecycle::Stable;
            const AUTHENTICATED: bool = true;
            type Response = Answer;
            type Error = $errors;
            type Warning = CommonOnly<CommonWarning>;

            /// A placeholder for each required argument.
            #[allow(unused_variables)] // Some methods have none.
            fn write_args<W: ArgWriter>(&self, args: &mut W) -> Result<(), serde_json::Error> {
                $(if $required {
                    args.text($argument, "x");
                })*
                Ok(())
            }
        }

        impl Catalogued for $type {
            const ARGUMENTS: &'static [Argument] = &[$(Argument { name: $argument, required: $required, default: None }),*];
            const SAMPLE_RESPONSE: &'static str = $sample;
        }
    };
}

method! {
    /// Bot tokens only; special rate limits.
    BotOnly = "test.botOnly" {
        accepts_json: false, tier: Special, bot: Some(&["chat:write"]), user: None,
        errors: Codes<false>, arguments: [], sample: r#"{"ok":true}"#,
    }
}

method! {
    /// User tokens only, and documents `is_bot`; Tier 1.
    UserOnly = "test.userOnly" {
        accepts_json: false, tier: Tier1, bot: None, user: Some(&["users:read"]),
        errors: Codes<true>, arguments: [], sample: r#"{"ok":true}"#,
    }
}

method! {
    /// User tokens only, without documenting `is_bot`.
    UserOnlyQuiet = "test.userOnlyQuiet" {
        accepts_json: false, tier: Tier4, bot: None, user: Some(&["users:read"]),
        errors: Codes<false>, arguments: [], sample: r#"{"ok":true}"#,
    }
}

method! {
    /// Accepts JSON; requires `channel` and `text`; Tier 3.
    Post = "test.post" {
        accepts_json: true, tier: Tier3, bot: Some(&["chat:write"]), user: Some(&["chat:write"]),
        errors: Codes<false>, arguments: ["channel": true, "text": true, "blocks": false],
        sample: r#"{"ok":true,"channel":"C0000000000","ts":"0000000000.000000"}"#,
    }
}

method! {
    /// Form only; requires `user`; Tier 2.
    Lookup = "test.lookup" {
        accepts_json: false, tier: Tier2, bot: None, user: None,
        errors: Codes<false>, arguments: ["user": true],
        sample: r#"{"ok":true}"#,
    }
}

method! {
    /// Has a `token` argument of its own, like `oauth.v2.exchange`.
    Exchange = "test.exchange" {
        accepts_json: false, tier: Tier3, bot: None, user: None,
        errors: Codes<false>, arguments: ["client_id": true, "token": true],
        sample: r#"{"ok":true}"#,
    }
}

/// Any answer; its fields are not read.
#[derive(Debug, Deserialize, serde::Serialize)]
pub struct Answer {
    #[serde(skip)]
    warnings: Vec<CommonOnly<CommonWarning>>,
}

impl MethodResponse for Answer {
    type Warning = CommonOnly<CommonWarning>;

    fn warnings(&self) -> &[CommonOnly<CommonWarning>] {
        &self.warnings
    }

    fn set_warnings(&mut self, warnings: Vec<CommonOnly<CommonWarning>>) {
        self.warnings = warnings;
    }
}

/// Codes kept as they come, none of them common; `IS_BOT` documents `is_bot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes<const IS_BOT: bool>(UnknownCode);

impl<const IS_BOT: bool> Code for Codes<IS_BOT> {
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

impl<const IS_BOT: bool> fmt::Display for Codes<IS_BOT> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
