//! Project automation, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).

mod regen;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  regen            regenerate generated/ from spec/
  regen --check    change nothing; fail if generated/ is not what spec/ generates
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["regen"] => regen::run(&workspace_root(), regen::Mode::Write),
        ["regen", "--check"] => regen::run(&workspace_root(), regen::Mode::Check),
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
