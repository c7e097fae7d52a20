//! Project automation, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).

mod import;
#[cfg(feature = "mock")]
mod mock;
mod regen;
mod workspace;

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  regen            regenerate generated/ from spec/
  regen --check    change nothing; fail if generated/ is not what spec/ generates
  import <file-or-folder>... [--force] [--out DIR]
                   make method specs from Slack's JSON reference files (*.json) or
                   saved doc pages (*.md), into spec/methods (or DIR); --force
                   overwrites specs edited by hand without a record in
                   `import.hand_edited` (recorded edits are always kept)
  mock [--port N] [--token TOKEN]... [--features FAMILY,...] [--rate-limits]
                   serve a fake Slack on 127.0.0.1 (every method, or those of the
                   families given) until Ctrl-C; it accepts the tokens given, else
                   xoxb-0000000000-fake-slack-bot-token and
                   xoxp-0000000000-fake-slack-user-token; --rate-limits answers 429
                   past each method's rate tier
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["regen"] => in_workspace(|root| regen::run(root, regen::Mode::Write)),
        ["regen", "--check"] => in_workspace(|root| regen::run(root, regen::Mode::Check)),
        ["import", rest @ ..] => match import::parse(rest) {
            Some(request) => in_workspace(|root| import::run(root, &request)),
            None => {
                eprint!("{USAGE}");
                ExitCode::from(2)
            }
        },
        #[cfg(feature = "mock")]
        ["mock", rest @ ..] => match mock::parse(rest) {
            Ok(options) => mock::run(&options),
            Err(problem) => {
                eprintln!("{problem}");
                eprint!("{USAGE}");
                ExitCode::from(2)
            }
        },
        // Built without the fake Slack (the default, so that regen never waits for the
        // generated crate to compile): build it in and run again.
        #[cfg(not(feature = "mock"))]
        ["mock", rest @ ..] => relaunch_with_mock(rest),
        ["help" | "--help" | "-h"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs `cargo xtask mock ARGS` again with the `mock` feature, which compiles the
/// generated crate.
#[cfg(not(feature = "mock"))]
fn relaunch_with_mock(args: &[&str]) -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["run", "--quiet", "--package", "xtask", "--features", "mock", "--", "mock"])
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

/// Runs `command` on the workspace found at run time, or says why there is none.
fn in_workspace(command: impl FnOnce(&Path) -> ExitCode) -> ExitCode {
    match workspace::root() {
        Ok(root) => command(&root),
        Err(problem) => {
            eprintln!("error: {problem}");
            ExitCode::FAILURE
        }
    }
}
