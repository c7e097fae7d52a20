//! Which checkout xtask acts on, found when it runs rather than when it is compiled:
//! with a shared `CARGO_TARGET_DIR`, clones of the project run the same `xtask`
//! binary, and each must act on its own checkout, not on the one that built it.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// The workspace root. `cargo run` (and so `cargo xtask`) sets `CARGO_MANIFEST_DIR` to
/// the `xtask/` folder of the checkout it runs in, whose parent is the root; without it
/// (the binary run directly), the nearest folder at or above the current one whose
/// `Cargo.toml` has a `[workspace]` table.
///
/// # Errors
///
/// A message saying where it looked, when that folder is not a workspace.
pub fn root() -> Result<PathBuf, String> {
    let current = std::env::current_dir().map_err(|error| format!("cannot read the current folder: {error}"))?;
    find(std::env::var_os("CARGO_MANIFEST_DIR"), &current)
}

/// [`root`], given `CARGO_MANIFEST_DIR` and the current folder.
fn find(manifest_dir: Option<OsString>, current: &Path) -> Result<PathBuf, String> {
    match manifest_dir.filter(|dir| !dir.is_empty()) {
        Some(dir) => {
            let dir = current.join(dir);
            let root = dir.parent().unwrap_or(&dir);
            if is_workspace(root) {
                Ok(root.to_path_buf())
            } else {
                Err(format!(
                    "CARGO_MANIFEST_DIR is {}, but {} has no [workspace] table: \
                     run xtask with `cargo xtask` inside a checkout",
                    dir.display(),
                    root.join("Cargo.toml").display()
                ))
            }
        }
        None => current.ancestors().find(|dir| is_workspace(dir)).map(Path::to_path_buf).ok_or_else(|| {
            format!(
                "no Cargo.toml with a [workspace] table in {} or any folder above it: \
                 run xtask with `cargo xtask` inside a checkout",
                current.display()
            )
        }),
    }
}

/// Whether `dir/Cargo.toml` exists and declares a workspace.
fn is_workspace(dir: &Path) -> bool {
    fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
        manifest.lines().any(|line| {
            let table = line.split('#').next().unwrap_or_default().trim();
            table == "[workspace]" || table.starts_with("[workspace.")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `root/Cargo.toml` declaring a workspace, and `root/xtask/` and `root/spec/methods/`.
    fn workspace() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("Cargo.toml"), "[workspace] # the checkout\nmembers = [\"xtask\"]\n").unwrap();
        fs::create_dir_all(root.path().join("xtask")).unwrap();
        fs::create_dir_all(root.path().join("spec/methods")).unwrap();
        root
    }

    #[test]
    fn the_parent_of_cargo_manifest_dir_wins_over_the_current_folder() {
        let (checkout, elsewhere) = (workspace(), workspace());
        let found = find(Some(checkout.path().join("xtask").into()), elsewhere.path()).unwrap();
        assert_eq!(found, checkout.path());
    }

    #[test]
    fn without_cargo_manifest_dir_the_nearest_workspace_above_is_found() {
        let checkout = workspace();
        let found = find(None, &checkout.path().join("spec/methods")).unwrap();
        assert_eq!(found, checkout.path());
        // A member's manifest is not a workspace.
        fs::write(checkout.path().join("spec/Cargo.toml"), "[package]\nname = \"spec\"\n").unwrap();
        assert_eq!(find(Some("".into()), &checkout.path().join("spec/methods")).unwrap(), checkout.path());
    }

    #[test]
    fn a_folder_that_is_not_a_workspace_is_refused_by_name() {
        let empty = tempfile::tempdir().unwrap();
        let error = find(Some(empty.path().join("xtask").into()), Path::new("/")).unwrap_err();
        assert!(error.contains(&empty.path().join("Cargo.toml").display().to_string()), "{error}");
        assert!(error.contains("has no [workspace] table"), "{error}");

        if empty.path().ancestors().any(is_workspace) {
            return; // the temporary folder is inside a workspace: nothing to refuse
        }
        let error = find(None, empty.path()).unwrap_err();
        assert!(error.starts_with(&format!("no Cargo.toml with a [workspace] table in {}", empty.path().display())));
    }
}
