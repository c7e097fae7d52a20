//! `typed-slack-fake`: serves the fake Slack until Ctrl-C. See [`typed_slack_fake_server`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    typed_slack_fake_server::run(&typed_slack_fake_server::Options::parse())
}
