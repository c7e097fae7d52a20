//! Serving: what needs the generated crate, built with the `mock` feature.

use std::collections::BTreeSet;
use std::process::ExitCode;

use typed_slack::runtime::MethodInfo;
use typed_slack_fake::{FakeSlack, RateLimits, TokenKind};

use super::Options;

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
        assert!(
            crate::mock::USAGE.contains(FakeSlack::BOT_TOKEN) && crate::mock::USAGE.contains(FakeSlack::USER_TOKEN)
        );
        assert_eq!(accepted_tokens(&[]).len(), 2);
        assert_eq!(accepted_tokens(&["xoxb-mine".to_owned()]), [("xoxb-mine", TokenKind::Bot)]);
    }
}
