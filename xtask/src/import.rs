//! `cargo xtask import`: makes method specs from Slack's documentation (a thin face
//! over `typed_slack_codegen::import`), and reports what that changes in the spec files
//! already there; `--check` writes nothing and fails when anything would change.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use typed_slack_codegen::import::{Options, Report, Status, import};

use crate::regen::SPEC_DIR;

/// The folder method specs go in by default, under the workspace root.
const METHODS_DIR: &str = "methods";

/// `cargo xtask import --help`.
pub const USAGE: &str = "\
usage: cargo xtask import <file-or-folder>... [--samples DIR [--openapi FILE]] [--check] [--force] [--out DIR]

Makes method specs from Slack's machine-readable reference (a method's *.json file,
or a folder of them) or from saved doc pages (*.md), into spec/methods, lists what
the spec format has no place for, and regenerates generated/. Importing again keeps
the hand edits recorded in `import.hand_edited` and refuses to overwrite others.
It reports the drift: each method that is new, and what changed in each spec file
it imports over (arguments, required flags, errors, warnings, scopes, rate tier,
lifecycle, other paths); unchanged methods are counted.

options:
  --check     write nothing; print the drift and fail if importing would change
              any spec file (a new one included)
  --force     overwrite specs edited by hand without a record in
              `import.hand_edited` (recorded edits are always kept)
  --out DIR   write the specs into DIR instead, and do not regenerate
  --samples DIR
              also infer the fields of the shared objects (spec/objects) and of
              each method's response from Slack's recorded answers in DIR (one
              <method>.json each), and report where they disagree
  --openapi FILE
              with --samples: merge the object schemas of Slack's OpenAPI
              description (fields no recording holds, IDs where a recording has
              text) and report where it disagrees with the recordings
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
    /// Whether to only check: write nothing, fail when importing would change a file.
    pub check: bool,
    /// The folder of recorded answers to infer objects and response fields from.
    pub samples: Option<PathBuf>,
    /// Slack's OpenAPI description, whose object schemas are merged in.
    pub openapi: Option<PathBuf>,
}

/// Reads the arguments after `import`; `None` when they are not a valid request.
pub fn parse(args: &[&str]) -> Option<Request> {
    let mut request =
        Request { inputs: Vec::new(), out_dir: None, force: false, check: false, samples: None, openapi: None };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--force" => request.force = true,
            "--check" => request.check = true,
            "--out" => request.out_dir = Some(PathBuf::from(args.next()?)),
            "--samples" => request.samples = Some(PathBuf::from(args.next()?)),
            "--openapi" => request.openapi = Some(PathBuf::from(args.next()?)),
            flag if flag.starts_with("--") => return None,
            path => request.inputs.push(PathBuf::from(path)),
        }
    }
    // The schemas are merged into the objects the recordings describe: alone, they do
    // nothing.
    let openapi_alone = request.openapi.is_some() && request.samples.is_none();
    (!request.inputs.is_empty() && !openapi_alone).then_some(request)
}

/// Runs the import and reports to the terminal.
pub fn run(root: &Path, request: &Request) -> ExitCode {
    let out_dir = request.out_dir.clone().unwrap_or_else(|| root.join(SPEC_DIR).join(METHODS_DIR));
    let options = Options {
        out_dir,
        force: request.force,
        check: request.check,
        samples: request.samples.clone(),
        openapi: request.openapi.clone(),
    };
    let report = match import(&request.inputs, &options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    print_unmapped(&report, request.check);
    if !report.conflicts.is_empty() {
        println!("the recorded answers disagree in {} place(s); those fields are JSON:", report.conflicts.len());
        for conflict in &report.conflicts {
            println!("  {conflict}");
        }
    }
    for file in &report.files {
        if matches!(file.status, Status::Refused { .. } | Status::Failed { .. }) {
            eprintln!("{file}");
        }
    }
    println!("{}", report.drift());
    let counts = report.counts();
    println!("{counts}");
    let into_spec = request.out_dir.is_none();
    if request.check {
        return match check_verdict(&report, into_spec) {
            Ok(verdict) => {
                println!("{verdict}");
                ExitCode::SUCCESS
            }
            Err(verdict) => {
                eprintln!("{verdict}");
                ExitCode::FAILURE
            }
        };
    }
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

/// Prints what the inputs hold that the spec has no place for: each value, then the
/// count by key. `--check` prints only the counts, so that the drift stands out.
fn print_unmapped(report: &Report, check: bool) {
    let unmapped = report.unmapped_lines();
    if unmapped.is_empty() {
        return;
    }
    if !check {
        println!("not mapped ({} value(s); each has no place in the spec format):", unmapped.len());
        for line in &unmapped {
            println!("  {line}");
        }
    }
    let by_key: Vec<String> = report.unmapped_by_key().iter().map(|(key, count)| format!("{key} {count}")).collect();
    println!("not mapped, by key: {}", by_key.join(", "));
}

/// What `--check` concludes: `Ok` when importing would change no file, else `Err`
/// saying what it would do (`into_spec`: into `spec/methods`, where writing a spec also
/// regenerates `generated/`).
fn check_verdict(report: &Report, into_spec: bool) -> Result<String, String> {
    if report.up_to_date() {
        return Ok("check: importing again changes nothing".to_owned());
    }
    let counts = report.counts();
    let mut would = Vec::new();
    if counts.would_write > 0 {
        let regen = if into_spec { " and regenerate generated/" } else { "" };
        would.push(format!("write {}{regen}", counts.would_write));
    }
    if counts.refused > 0 {
        would.push(format!("refuse {} edited by hand without a record", counts.refused));
    }
    if counts.failed > 0 {
        would.push(format!("fail on {} input(s)", counts.failed));
    }
    Err(format!(
        "error: {} spec file(s) are not what importing gives, and nothing was written: importing would {}",
        counts.would_write + counts.refused,
        would.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use typed_slack_codegen::import::FileOutcome;

    use super::*;

    #[test]
    fn reads_inputs_force_and_out() {
        let request = parse(&["a.json", "--force", "dir", "--out", "/tmp/x"]).unwrap();
        assert_eq!(request.inputs, [PathBuf::from("a.json"), PathBuf::from("dir")]);
        assert_eq!(request.out_dir, Some(PathBuf::from("/tmp/x")));
        assert!(request.force);
        assert!(!request.check);
    }

    #[test]
    fn reads_the_folder_of_recorded_answers() {
        let request = parse(&["dir", "--samples", "answers"]).unwrap();
        assert_eq!(request.samples, Some(PathBuf::from("answers")));
        assert_eq!(request.inputs, [PathBuf::from("dir")]);
        assert_eq!(parse(&["dir", "--samples"]), None, "--samples takes a folder");
        let request = parse(&["dir", "--samples", "answers", "--openapi", "openapi.json"]).unwrap();
        assert_eq!(request.openapi, Some(PathBuf::from("openapi.json")));
        assert_eq!(parse(&["dir", "--openapi"]), None, "--openapi takes a file");
        assert_eq!(parse(&["dir", "--openapi", "openapi.json"]), None, "--openapi needs --samples");
    }

    #[test]
    fn reads_check() {
        let request = parse(&["--check", "dir"]).unwrap();
        assert_eq!(request.inputs, [PathBuf::from("dir")]);
        assert!(request.check && !request.force);
        assert_eq!(parse(&["--check"]), None);
    }

    fn outcome(status: Status) -> FileOutcome {
        FileOutcome { input: "x.json".to_owned(), target: None, status, unmapped: Vec::new(), drift: None }
    }

    #[test]
    fn check_passes_only_when_nothing_would_change() {
        let unchanged =
            Report { files: vec![outcome(Status::Unchanged), outcome(Status::Unchanged)], conflicts: Vec::new() };
        assert!(check_verdict(&unchanged, true).is_ok());
        let stale =
            Report { files: vec![outcome(Status::Unchanged), outcome(Status::WouldWrite)], conflicts: Vec::new() };
        let verdict = check_verdict(&stale, true).unwrap_err();
        assert!(
            verdict.contains("1 spec file(s)") && verdict.contains("write 1 and regenerate generated/"),
            "{verdict}"
        );
        assert!(!check_verdict(&stale, false).unwrap_err().contains("regenerate"));
        let refused = Report {
            files: vec![outcome(Status::Refused { differing: vec!["summary".to_owned()] })],
            conflicts: Vec::new(),
        };
        assert!(check_verdict(&refused, true).unwrap_err().contains("refuse 1 edited by hand"));
        let failed =
            Report { files: vec![outcome(Status::Failed { reason: "bad".to_owned() })], conflicts: Vec::new() };
        assert!(check_verdict(&failed, true).unwrap_err().contains("fail on 1 input(s)"));
    }

    #[test]
    fn rejects_no_inputs_unknown_flags_and_a_missing_folder() {
        assert_eq!(parse(&[]), None);
        assert_eq!(parse(&["a.json", "--frce"]), None);
        assert_eq!(parse(&["a.json", "--out"]), None);
    }
}
