//! The `[features]` table of the generated crate's `Cargo.toml`: one feature per method
//! family (the first word of the method name: `chat`, `conversations`, `admin`, ...),
//! `full` for all of them, and a small default set.
//!
//! The rest of the manifest (dependencies, metadata) is written by hand; `cargo xtask
//! regen` replaces only the text between the two marker lines.

use crate::naming::OBJECTS_FEATURE;
use std::collections::BTreeMap;

use crate::ir;
pub use crate::naming::CATALOG_FEATURE;

/// The line that opens the generated section of the manifest.
pub const BEGIN_MARKER: &str = "# @generated features: begin. `cargo xtask regen` writes this section; do not edit.";
/// The line that closes it.
pub const END_MARKER: &str = "# @generated features: end.";

/// The families built by default: what a newcomer's first bot needs (post and react to
/// messages, look up channels and users, check its token). Everything else is one
/// feature away, or all of it with `full`.
pub const DEFAULT_FAMILIES: &[&str] = &["auth", "chat", "conversations", "reactions", "users"];

/// The method count of each family, by feature name.
pub fn families(api: &ir::Api) -> BTreeMap<&str, usize> {
    let mut families = BTreeMap::new();
    for method in &api.methods {
        *families.entry(method.feature.as_str()).or_insert(0) += 1;
    }
    families
}

/// The generated section, marker lines included, ending with a newline.
pub fn features_section(api: &ir::Api) -> String {
    let families = families(api);
    let quoted = |names: &mut dyn Iterator<Item = &str>| names.map(|name| format!("\"{name}\"")).collect::<Vec<_>>();
    let defaults = quoted(
        &mut std::iter::once("reqwest").chain(DEFAULT_FAMILIES.iter().copied().filter(|f| families.contains_key(f))),
    );
    let all = quoted(&mut families.keys().copied());
    let mut section = format!("{BEGIN_MARKER}\n[features]\n");
    section.push_str(&format!("default = [{}]\n", defaults.join(", ")));
    section.push_str("# The default transport: reqwest over rustls. Without it, give the client your own.\n");
    section.push_str("reqwest = [\"typed-slack-runtime/reqwest\"]\n");
    section.push_str("# `runtime::limits::RedisStore`: rate limits shared by processes through Redis.\n");
    section.push_str("redis = [\"typed-slack-runtime/redis\"]\n");
    section.push_str("# `catalog()` and each method's arguments and sample answer, which the fake Slack\n");
    section.push_str("# (typed-slack-fake) serves methods by: enable it in your dev-dependencies.\n");
    section.push_str(&format!("{CATALOG_FEATURE} = []\n"));
    section.push_str("# Every shared object (`objects`), without any method: for code that only reads\n");
    section.push_str("# Slack's objects. Each object is also compiled in with the families that answer it.\n");
    section.push_str(&format!("{OBJECTS_FEATURE} = []\n"));
    section.push_str("# Every method family.\n");
    section.push_str(&format!("full = [{}]\n", all.join(", ")));
    for (family, count) in &families {
        section.push_str(&format!("# {count} method{}.\n{family} = []\n", if *count == 1 { "" } else { "s" }));
    }
    section.push_str(END_MARKER);
    section.push('\n');
    section
}

/// `manifest` with its generated section replaced by `section`, or `None` when the
/// markers are missing.
pub fn splice(manifest: &str, section: &str) -> Option<String> {
    let begin = manifest.find(BEGIN_MARKER)?;
    let end_marker = manifest[begin..].find(END_MARKER)? + begin;
    let end = manifest[end_marker..].find('\n').map_or(manifest.len(), |newline| end_marker + newline + 1);
    Some(format!("{}{section}{}", &manifest[..begin], &manifest[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_the_marked_section() {
        let manifest = format!("[package]\nname = \"x\"\n\n{BEGIN_MARKER}\nold = []\n{END_MARKER}\n\n[lints]\n");
        let section = format!("{BEGIN_MARKER}\nnew = []\n{END_MARKER}\n");
        assert_eq!(
            splice(&manifest, &section).as_deref(),
            Some(format!("[package]\nname = \"x\"\n\n{section}\n[lints]\n").as_str())
        );
        assert_eq!(splice("[package]\n", &section), None);
    }
}
