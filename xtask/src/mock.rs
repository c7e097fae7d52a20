//! `cargo xtask mock`: runs the `typed-slack-fake` command (`fake-server/`) built from
//! this checkout, for apps in any language to point at. Its arguments go to the
//! command as they are, `--help` included: the command is the one place its options
//! are written.

use std::path::Path;
use std::process::ExitCode;

/// `cargo xtask help mock`.
pub const USAGE: &str = "\
usage: cargo xtask mock [OPTIONS]

Builds and runs the typed-slack-fake command from this checkout (fake-server/), which
serves a fake Slack on 127.0.0.1 with every method of spec/, until Ctrl-C. Its first
run compiles the generated crate with every family. The options are the command's:
`cargo xtask mock --help` lists them (--port, --seed, --rate-limits, --token, ...).
";

/// Runs the command with `args`.
pub fn command(args: &[&str]) -> ExitCode {
    crate::in_workspace(|root| run_fake(root, args))
}

/// Runs `typed-slack-fake ARGS` in the same checkout; cargo shows its progress while it
/// compiles.
fn run_fake(root: &Path, args: &[&str]) -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .arg("run")
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .args(["--package", "typed-slack-fake-server", "--bin", "typed-slack-fake", "--"])
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
