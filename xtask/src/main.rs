//! Project automation, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).

mod import;
mod regen;

use std::path::PathBuf;
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
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["regen"] => regen::run(&workspace_root(), regen::Mode::Write),
        ["regen", "--check"] => regen::run(&workspace_root(), regen::Mode::Check),
        ["import", rest @ ..] => match import::parse(rest) {
            Some(request) => import::run(&workspace_root(), &request),
            None => {
                eprint!("{USAGE}");
                ExitCode::from(2)
            }
        },
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

/// The workspace root: xtask lives in its `xtask/` folder.
fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().map(PathBuf::from).unwrap_or(manifest_dir)
}
