//! Every command answers `--help` and `-h` with its usage on stdout, and refuses
//! arguments it does not know with exit code 2 and its usage on stderr. Run outside any
//! workspace: neither needs one. `mock` hands its arguments, `--help` included, to the
//! `typed-slack-fake` command, which checks them (`fake-server/`); `help mock` needs no
//! build.

use std::process::Output;

/// Runs xtask in an empty folder, outside any checkout.
fn xtask(args: &[&str]) -> Output {
    let nowhere = tempfile::tempdir().expect("a temporary folder");
    std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env_remove("CARGO_MANIFEST_DIR")
        .current_dir(nowhere.path())
        .output()
        .expect("xtask runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `args` succeed, print a usage starting with `first_line` on stdout and nothing on
/// stderr (where cargo would say it is compiling).
fn assert_help(args: &[&str], first_line: &str) {
    let output = xtask(args);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    assert_eq!(stdout.lines().next(), Some(first_line), "{args:?}:\n{stdout}");
    assert_eq!(stderr, "", "{args:?}");
}

/// `args` exit with 2, saying `problem` (when there is one) then the usage starting with
/// `first_line` on stderr, and print nothing on stdout.
fn assert_refused(args: &[&str], problem: Option<&str>, first_line: &str) {
    let output = xtask(args);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    let mut lines = stderr.lines();
    if let Some(problem) = problem {
        assert_eq!(lines.next(), Some(problem), "{args:?}:\n{stderr}");
    }
    assert_eq!(lines.next(), Some(first_line), "{args:?}:\n{stderr}");
    assert_eq!(text(&output.stdout), "", "{args:?}");
}

const XTASK: &str = "usage: cargo xtask <command> [arguments]";
const REGEN: &str = "usage: cargo xtask regen [--check]";
const IMPORT: &str =
    "usage: cargo xtask import <file-or-folder>... [--samples DIR [--openapi FILE]] [--check] [--force] [--out DIR]";
const MOCK: &str = "usage: cargo xtask mock [OPTIONS]";

#[test]
fn xtask_lists_its_commands() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        assert_help(args, XTASK);
    }
    let stdout = text(&xtask(&["help"]).stdout);
    for command in ["regen", "import", "mock"] {
        assert!(stdout.contains(&format!("\n  {command} ")), "{command}:\n{stdout}");
    }
}

#[test]
fn each_command_prints_its_own_usage() {
    for (command, usage) in [("regen", REGEN), ("import", IMPORT)] {
        assert_help(&[command, "--help"], usage);
        assert_help(&[command, "-h"], usage);
        assert_help(&["help", command], usage);
    }
    assert_help(&["help", "mock"], MOCK);
    // Among other arguments too.
    assert_help(&["regen", "--check", "--help"], REGEN);
    assert_help(&["import", "a.json", "--force", "-h"], IMPORT);
}

#[test]
fn unknown_commands_and_arguments_exit_2_with_the_usage_on_stderr() {
    assert_refused(&[], None, XTASK);
    assert_refused(&["nope"], Some("error: unknown command \"nope\""), XTASK);
    assert_refused(&["help", "nope"], Some("error: unknown command \"nope\""), XTASK);
    assert_refused(&["regen", "--chek"], Some("error: unknown argument \"--chek\""), REGEN);
    assert_refused(&["regen", "spec"], Some("error: unknown argument \"spec\""), REGEN);
    assert_refused(&["import"], None, IMPORT);
    assert_refused(&["import", "a.json", "--frce"], None, IMPORT);
}
