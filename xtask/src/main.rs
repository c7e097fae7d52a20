//! Project automation, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//! Each command's module has its usage text, which `cargo xtask <command> --help` prints.

mod import;
mod mock;
mod regen;
mod workspace;

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [arguments]

commands:
  regen [--check]   regenerate generated/ from spec/, or check that it is current
  import <file-or-folder>...
                    make method specs from Slack's reference files or saved doc pages
  mock              serve a fake Slack on 127.0.0.1, for apps in any language
  help [<command>]  print this help, or a command's

`cargo xtask <command> --help` prints what a command does and its options.
";

/// A command: its name, its usage text, what runs it given the arguments after its
/// name, and whether it hands `--help` on to the program it runs.
struct Command {
    name: &'static str,
    usage: &'static str,
    run: fn(&[&str]) -> ExitCode,
    forwards_help: bool,
}

const COMMANDS: [Command; 3] = [
    Command { name: "regen", usage: regen::USAGE, run: regen::command, forwards_help: false },
    Command { name: "import", usage: import::USAGE, run: import::command, forwards_help: false },
    Command { name: "mock", usage: mock::USAGE, run: mock::command, forwards_help: true },
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let Some((&name, rest)) = args.split_first() else {
        return usage_error(None, USAGE);
    };
    if is_help(name) || name == "help" {
        return match rest {
            [] => help(USAGE),
            [name] => match find(name) {
                Some(command) => help(command.usage),
                None => usage_error(Some(&format!("unknown command {name:?}")), USAGE),
            },
            _ => usage_error(None, USAGE),
        };
    }
    match find(name) {
        Some(command) if !command.forwards_help && rest.iter().copied().any(is_help) => help(command.usage),
        Some(command) => (command.run)(rest),
        None => usage_error(Some(&format!("unknown command {name:?}")), USAGE),
    }
}

fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|command| command.name == name)
}

fn is_help(arg: &str) -> bool {
    matches!(arg, "--help" | "-h")
}

/// Prints `usage` as asked for.
fn help(usage: &str) -> ExitCode {
    print!("{usage}");
    ExitCode::SUCCESS
}

/// Refuses a command line: says what is wrong, if known, and how to ask.
fn usage_error(problem: Option<&str>, usage: &str) -> ExitCode {
    if let Some(problem) = problem {
        eprintln!("error: {problem}");
    }
    eprint!("{usage}");
    ExitCode::from(2)
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
