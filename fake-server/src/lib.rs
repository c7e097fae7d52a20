//! The `typed-slack-fake` command: the fake Slack of `typed-slack-fake`, serving every
//! method of the spec on 127.0.0.1 until Ctrl-C, for apps in any language to point at.
//!
//! ```text
//! $ typed-slack-fake --port 3000 --seed workspace.json
//! fake Slack serving 323 methods at http://127.0.0.1:3000/api/
//! ```
//!
//! The first line of its output is always that one, so that a test script can read the
//! URL from it (with `--port 0`, the port is a free one). The control API is under
//! `http://127.0.0.1:PORT/_fake/` (see the README).

mod methods;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use typed_slack::runtime::MethodInfo;
use typed_slack_fake::behaviours::OAuthAccess;
use typed_slack_fake::{FakeSlack, RateLimits, Seed, TokenKind};

/// Serves a fake Slack Web API on 127.0.0.1 with every method of the spec, a stateful
/// workspace and a control API under /_fake/, until Ctrl-C.
#[derive(Debug, Clone, Default, PartialEq, Eq, Parser)]
#[command(name = "typed-slack-fake", version)]
pub struct Options {
    /// Listen on this port of 127.0.0.1 (0: a free one, printed on the first line).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub port: u16,

    /// Start with the workspace in this JSON file (a seed) instead of the example one.
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,

    /// Answer HTTP 429 with Retry-After past each method's rate tier, per token.
    #[arg(long)]
    pub rate_limits: bool,

    /// Accept this token (xoxb-… a bot's, else a user's); repeat for more. Default:
    /// xoxb-0000000000-fake-slack-bot-token and xoxp-0000000000-fake-slack-user-token.
    #[arg(long = "token", value_name = "TOKEN")]
    pub tokens: Vec<String>,

    /// Turn on token rotation: oauth.v2.access issues tokens (xoxe.xoxb-…) that expire
    /// after this many seconds, with refresh tokens (Slack's live 43200 s).
    #[arg(long, value_name = "SECONDS")]
    pub token_rotation: Option<u64>,

    /// Serve only the methods of these families (apps, chat, conversations…).
    #[arg(long, value_name = "FAMILY,...", value_delimiter = ',', visible_alias = "features")]
    pub families: Vec<String>,
}

/// Serves until Ctrl-C, as `options` say.
pub fn run(options: &Options) -> ExitCode {
    let methods = match methods::of_families(typed_slack::catalog(), &options.families) {
        Ok(methods) => methods,
        Err(problem) => return refuse(&problem),
    };
    let seed = match &options.seed {
        None => Seed::default(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|error| error.to_string())
            .and_then(|json| Seed::from_json(&json).map_err(|error| error.to_string()))
        {
            Ok(seed) => seed,
            Err(problem) => return refuse(&format!("{}: {problem}", path.display())),
        },
    };
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options, methods, seed))
}

fn refuse(problem: &str) -> ExitCode {
    eprintln!("error: {problem}");
    ExitCode::from(2)
}

async fn serve(options: &Options, methods: Vec<MethodInfo>, seed: Seed) -> ExitCode {
    let count = methods.len();
    let mut builder = FakeSlack::builder().methods(methods).port(options.port).seed(seed);
    for token in &options.tokens {
        builder = builder.token(token);
    }
    if options.rate_limits {
        builder = builder.rate_limits(RateLimits::by_tier());
    }
    if let Some(seconds) = options.token_rotation {
        builder = builder.behaviour(OAuthAccess::new().rotation(Duration::from_secs(seconds)));
    }
    let slack = match builder.start().await {
        Ok(slack) => slack,
        Err(error) => {
            eprintln!("error: cannot listen on 127.0.0.1:{}: {error}", options.port);
            return ExitCode::FAILURE;
        }
    };
    let plural = if count == 1 { "" } else { "s" };
    let mut banner = format!("fake Slack serving {count} method{plural} at {}\n", slack.base_url());
    banner.push_str("accepted tokens (send one as `Authorization: Bearer TOKEN`):\n");
    for (token, kind) in accepted_tokens(&options.tokens) {
        banner.push_str(&format!("  {token} ({kind} token)\n"));
    }
    if options.rate_limits {
        banner.push_str("rate limits: each method's tier, per token\n");
    }
    if let Some(seconds) = options.token_rotation {
        banner.push_str(&format!("token rotation: oauth.v2.access tokens expire after {seconds} s\n"));
    }
    banner
        .push_str(&format!("control API: http://{}/_fake/ (script, reset, seed, state, requests)\n", slack.address()));
    banner.push_str("each request is logged on stderr; Ctrl-C stops it\n");
    let mut stdout = std::io::stdout().lock();
    // A script reads the first line as soon as it is written.
    if stdout.write_all(banner.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {error}");
    }
    slack.shutdown().await;
    ExitCode::SUCCESS
}

/// The tokens given, or the fake's defaults, with their kinds.
fn accepted_tokens(tokens: &[String]) -> Vec<(&str, TokenKind)> {
    if tokens.is_empty() {
        vec![(FakeSlack::BOT_TOKEN, TokenKind::Bot), (FakeSlack::USER_TOKEN, TokenKind::User)]
    } else {
        tokens.iter().map(|token| (token.as_str(), TokenKind::infer(token))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_option() {
        let options = Options::try_parse_from([
            "typed-slack-fake",
            "--port",
            "8080",
            "--token",
            "xoxb-1",
            "--token",
            "xoxp-2",
            "--families",
            "apps,chat",
            "--seed",
            "seed.json",
            "--rate-limits",
            "--token-rotation",
            "60",
        ])
        .unwrap();
        assert_eq!(options.port, 8080);
        assert_eq!(options.tokens, ["xoxb-1", "xoxp-2"]);
        assert_eq!(options.families, ["apps", "chat"]);
        assert_eq!(options.seed, Some(PathBuf::from("seed.json")));
        assert!(options.rate_limits);
        assert_eq!(options.token_rotation, Some(60));
        assert_eq!(Options::try_parse_from(["typed-slack-fake"]).unwrap(), Options::default());
        assert_eq!(Options::try_parse_from(["x", "--features", "chat"]).unwrap().families, ["chat"]);
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert!(Options::try_parse_from(["x", "--port"]).is_err());
        assert!(Options::try_parse_from(["x", "--port", "http"]).is_err());
        assert!(Options::try_parse_from(["x", "--verbose"]).is_err());
    }

    #[test]
    fn lists_the_default_tokens_when_given_none() {
        assert_eq!(accepted_tokens(&[]).len(), 2);
        assert_eq!(accepted_tokens(&["xoxb-mine".to_owned()]), [("xoxb-mine", TokenKind::Bot)]);
    }
}
