//! `cargo xtask import`: makes method specs from Slack's documentation (a thin face
//! over `typed_slack_codegen::import`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use typed_slack_codegen::import::{Options, Status, import};

use crate::regen::SPEC_DIR;

/// The folder method specs go in by default, under the workspace root.
const METHODS_DIR: &str = "methods";

/// `cargo xtask import --help`.
pub const USAGE: &str = "\
usage: cargo xtask import <file-or-folder>... [--force] [--out DIR]

Makes method specs from Slack's machine-readable reference (a method's *.json file,
or a folder of them) or from saved doc pages (*.md), into spec/methods, lists what
the spec format has no place for, and regenerates generated/. Importing again keeps
the hand edits recorded in `import.hand_edited` and refuses to overwrite others.

options:
  --force     overwrite specs edited by hand without a record in
              `import.hand_edited` (recorded edits are always kept)
  --out DIR   write the specs into DIR instead, and do not regenerate
  -h, --help  print this help
";

/// Runs the command given its arguments (those after `import`).
pub fn command(args: &[&str]) -> ExitCode {
    match parse(args) {
        Some(request) => crate::in_workspace(|root| run(root, &request)),
        None => crate::usage_error(None, USAGE),
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The files and folders to import.
    pub inputs: Vec<PathBuf>,
    /// Where the specs go, when not `spec/methods`.
    pub out_dir: Option<PathBuf>,
    /// Whether to overwrite unrecorded hand edits.
    pub force: bool,
}

/// Reads the arguments after `import`; `None` when they are not a valid request.
pub fn parse(args: &[&str]) -> Option<Request> {
    let mut request = Request { inputs: Vec::new(), out_dir: None, force: false };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--force" => request.force = true,
            "--out" => request.out_dir = Some(PathBuf::from(args.next()?)),
            flag if flag.starts_with("--") => return None,
            path => request.inputs.push(PathBuf::from(path)),
        }
    }
    (!request.inputs.is_empty()).then_some(request)
}

/// Runs the import and reports to the terminal.
pub fn run(root: &Path, request: &Request) -> ExitCode {
    let out_dir = request.out_dir.clone().unwrap_or_else(|| root.join(SPEC_DIR).join(METHODS_DIR));
    let report = match import(&request.inputs, &Options { out_dir, force: request.force }) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let unmapped = report.unmapped_lines();
    if !unmapped.is_empty() {
        println!("not mapped ({} value(s); each has no place in the spec format):", unmapped.len());
        for line in &unmapped {
            println!("  {line}");
        }
        let by_key: Vec<String> =
            report.unmapped_by_key().iter().map(|(key, count)| format!("{key} {count}")).collect();
        println!("not mapped, by key: {}", by_key.join(", "));
    }
    for file in &report.files {
        match file.status {
            Status::Written | Status::Unchanged => println!("{file}"),
            Status::Refused { .. } | Status::Failed { .. } => eprintln!("{file}"),
        }
    }
    let counts = report.counts();
    println!("{counts}");
    if !report.succeeded() {
        return ExitCode::FAILURE;
    }
    match request.out_dir {
        // Into the project's own spec: generate the new methods too, so that adding one
        // is one command.
        None if counts.written > 0 => {
            println!("regenerating generated/ from the new specs");
            crate::regen::run(root, crate::regen::Mode::Write)
        }
        Some(_) if counts.written > 0 => {
            println!("the specs are outside spec/: copy them there, then run `cargo xtask regen`");
            ExitCode::SUCCESS
        }
        _ => ExitCode::SUCCESS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inputs_force_and_out() {
        let request = parse(&["a.json", "--force", "dir", "--out", "/tmp/x"]).unwrap();
        assert_eq!(request.inputs, [PathBuf::from("a.json"), PathBuf::from("dir")]);
        assert_eq!(request.out_dir, Some(PathBuf::from("/tmp/x")));
        assert!(request.force);
    }

    #[test]
    fn rejects_no_inputs_unknown_flags_and_a_missing_folder() {
        assert_eq!(parse(&[]), None);
        assert_eq!(parse(&["a.json", "--frce"]), None);
        assert_eq!(parse(&["a.json", "--out"]), None);
    }
}
