//! `cargo xtask mock`: the fake Slack of `typed-slack-fake`, serving every method of the
//! spec on 127.0.0.1 until Ctrl-C, for apps in any language to point at.
//!
//! Serving needs the generated crate with every family, long to compile, so it is behind
//! the `mock` feature ([`serve`]). Built without it, as `cargo xtask` is, xtask answers
//! `--help` and refuses bad arguments itself, then runs again with the feature.

#[cfg(feature = "mock")]
mod serve;

#[cfg(not(feature = "mock"))]
use std::path::Path;
use std::process::ExitCode;

/// `cargo xtask mock --help`.
pub const USAGE: &str = "\
usage: cargo xtask mock [--port N] [--token TOKEN]... [--features FAMILY,...] [--rate-limits]

Serves a fake Slack (typed-slack-fake) on 127.0.0.1 with every method of spec/, until
Ctrl-C, and prints its base URL and the tokens it accepts. Its first run compiles the
generated crate with every family.

options:
  --port N               listen on port N (default: a free one)
  --token TOKEN          accept TOKEN; repeat for more (default:
                         xoxb-0000000000-fake-slack-bot-token and
                         xoxp-0000000000-fake-slack-user-token)
  --features FAMILY,...  serve only the methods of these families (apps, chat, ...)
  --rate-limits          answer 429 past each method's rate tier, per token
  -h, --help             print this help
";

/// Runs the command: serves, or builds serving in and runs again.
pub fn command(args: &[&str]) -> ExitCode {
    match parse(args) {
        #[cfg(feature = "mock")]
        Ok(options) => serve::run(&options),
        // Built without serving (the default, so that regen never waits for the
        // generated crate to compile): build it in and run again.
        #[cfg(not(feature = "mock"))]
        Ok(_) => crate::in_workspace(|root| relaunch_with_mock(root, args)),
        Err(problem) => crate::usage_error(Some(&problem), USAGE),
    }
}

/// What `cargo xtask mock` was asked for.
#[derive(Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(feature = "mock"), allow(dead_code, reason = "read when serving, with the `mock` feature"))]
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

/// Runs `cargo xtask mock ARGS` again in the same checkout with the `mock` feature; cargo
/// shows its progress while it compiles the generated crate.
#[cfg(not(feature = "mock"))]
fn relaunch_with_mock(root: &Path, args: &[&str]) -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .arg("run")
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .args(["--package", "xtask", "--features", "mock", "--", "mock"])
        .args(args)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => ExitCode::from(u8::try_from(status.code().unwrap_or(1)).unwrap_or(1)),
        Err(error) => {
            eprintln!("error: cannot run cargo to build the fake Slack: {error}");
            ExitCode::FAILURE
        }
    }
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
}
