//! `cargo xtask mock`: the fake Slack of `typed-slack-fake`, serving every method of the
//! spec on 127.0.0.1 until Ctrl-C, for apps in any language to point at.

use std::collections::BTreeSet;
use std::process::ExitCode;

use typed_slack::runtime::MethodInfo;
use typed_slack_fake::{FakeSlack, RateLimits, TokenKind};

/// What `cargo xtask mock` was asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The port of 127.0.0.1 to listen on; 0 for a free one.
    port: u16,
    /// The tokens to accept; none: the fake's default ones.
    tokens: Vec<String>,
    /// The method families to serve (`chat`, `apps`); none: all of them.
    families: Vec<String>,
    /// Whether to answer 429 to calls over a method's rate tier.
    rate_limits: bool,
}

/// Reads the arguments after `mock`.
///
/// # Errors
///
/// A message naming the argument that is not understood.
pub fn parse(args: &[&str]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        let mut value = || args.next().copied().ok_or_else(|| format!("{arg} needs a value"));
        match arg {
            "--port" => {
                let port = value()?;
                options.port = port.parse().map_err(|_| format!("--port {port}: not a port number"))?;
            }
            "--token" => options.tokens.push(value()?.to_owned()),
            "--features" => {
                let families = value()?.split(',').map(str::trim).filter(|family| !family.is_empty());
                options.families.extend(families.map(str::to_owned));
            }
            "--rate-limits" => options.rate_limits = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

/// Serves until Ctrl-C.
pub fn run(options: &Options) -> ExitCode {
    let methods = match methods(typed_slack::catalog(), &options.families) {
        Ok(methods) => methods,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt().with_max_level(tracing::Level::INFO).with_target(false).init();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options, methods))
}

async fn serve(options: &Options, methods: Vec<MethodInfo>) -> ExitCode {
    let count = methods.len();
    let mut builder = FakeSlack::builder().methods(methods).port(options.port);
    for token in &options.tokens {
        builder = builder.token(token);
    }
    if options.rate_limits {
        builder = builder.rate_limits(RateLimits::by_tier());
    }
    let slack = match builder.start().await {
        Ok(slack) => slack,
        Err(error) => {
            eprintln!("cannot listen on 127.0.0.1:{}: {error}", options.port);
            return ExitCode::FAILURE;
        }
    };
    let plural = if count == 1 { "" } else { "s" };
    println!("fake Slack serving {count} method{plural} at {}", slack.base_url());
    println!("accepted tokens (send one as `Authorization: Bearer TOKEN`):");
    for (token, kind) in accepted_tokens(&options.tokens) {
        println!("  {token} ({kind} token)");
    }
    if options.rate_limits {
        println!("rate limits: each method's tier, per token");
    }
    println!("each request is logged below; Ctrl-C stops it");
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("cannot wait for Ctrl-C: {error}");
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

/// The methods of `families` (the Cargo features of `typed-slack`: a method's family is
/// the first part of its name), or all of them when none is given.
///
/// # Errors
///
/// When a family has no method, naming the families there are.
fn methods(catalog: Vec<MethodInfo>, families: &[String]) -> Result<Vec<MethodInfo>, String> {
    let family = |info: &MethodInfo| info.name.split('.').next().unwrap_or_default().to_owned();
    let known: BTreeSet<String> = catalog.iter().map(family).collect();
    if let Some(unknown) = families.iter().find(|name| !known.contains(*name)) {
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        return Err(format!("no method family {unknown:?}; the families are: {}", known.join(", ")));
    }
    Ok(catalog.into_iter().filter(|info| families.is_empty() || families.contains(&family(info))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_option() {
        let options =
            parse(&["--port", "8080", "--token", "xoxb-1", "--token", "xoxp-2", "--features", "apps, chat"]).unwrap();
        assert_eq!(options.port, 8080);
        assert_eq!(options.tokens, ["xoxb-1", "xoxp-2"]);
        assert_eq!(options.families, ["apps", "chat"]);
        assert!(!options.rate_limits);
        assert!(parse(&["--rate-limits"]).unwrap().rate_limits);
        assert_eq!(parse(&[]).unwrap(), Options::default());
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert_eq!(parse(&["--port"]).unwrap_err(), "--port needs a value");
        assert_eq!(parse(&["--port", "http"]).unwrap_err(), "--port http: not a port number");
        assert_eq!(parse(&["--verbose"]).unwrap_err(), "unknown argument \"--verbose\"");
    }

    #[test]
    fn serves_all_families_or_those_given() {
        let all = typed_slack::catalog();
        assert_eq!(methods(all.clone(), &[]).unwrap().len(), all.len());
        let apps = methods(all.clone(), &["apps".to_owned()]).unwrap();
        assert!(apps.iter().all(|info| info.name.starts_with("apps.")) && !apps.is_empty());
        let error = methods(all, &["nope".to_owned()]).unwrap_err();
        assert!(error.starts_with("no method family \"nope\"; the families are: "), "{error}");
        assert!(error.contains("apps"), "{error}");
    }

    #[test]
    fn lists_the_default_tokens_when_given_none() {
        assert!(crate::USAGE.contains(FakeSlack::BOT_TOKEN) && crate::USAGE.contains(FakeSlack::USER_TOKEN));
        assert_eq!(accepted_tokens(&[]).len(), 2);
        assert_eq!(accepted_tokens(&["xoxb-mine".to_owned()]), [("xoxb-mine", TokenKind::Bot)]);
    }
}
