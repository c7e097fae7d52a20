//! How long the generator takes over the whole spec, and how that grows with it.
//!
//! `cargo bench -p typed-slack-codegen --bench generate`. The spec is read once, outside
//! the measurement; `copies` repeats every method under new names (`chat.postMessage`,
//! `chat.postMessageCopy2`, ...) so that 2 and 4 give a spec twice and four times as big.

use std::path::Path;

use divan::Bencher;
use typed_slack_codegen::spec::{SourceFile, SourceKind, read_sources};

fn main() {
    divan::main();
}

/// The project's spec, with every method repeated `copies` times.
fn spec(copies: usize) -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let sources = read_sources(&root, "spec").expect("the spec is readable");
    let mut all = sources.clone();
    for copy in 2..=copies {
        for source in sources.iter().filter(|source| source.kind == SourceKind::Method) {
            let name = source.stem();
            let renamed = format!("{name}Copy{copy}");
            let text = source.text.replace(&format!("method: {name}\n"), &format!("method: {renamed}\n")).replace(
                &format!("url: https://slack.com/api/{name}\n"),
                &format!("url: https://slack.com/api/{renamed}\n"),
            );
            all.push(SourceFile { kind: source.kind, path: format!("spec/methods/{renamed}.yaml"), text });
        }
    }
    all
}

/// Spec text in, formatted files out: everything `cargo xtask regen` does but read and
/// write the files.
#[divan::bench(args = [1, 2, 4], sample_count = 10)]
fn generate(bencher: Bencher<'_, '_>, copies: usize) {
    let sources = spec(copies);
    let methods = sources.iter().filter(|source| source.kind == SourceKind::Method).count();
    bencher
        .counter(divan::counter::ItemsCount::new(methods))
        .bench(|| typed_slack_codegen::generate(divan::black_box(&sources), "spec").expect("the spec generates"));
}

/// The stages up to the IR (load, validate, name, render docs), without emitting.
#[divan::bench(sample_count = 10)]
fn check_only(bencher: Bencher<'_, '_>) {
    let sources = spec(1);
    bencher.bench(|| typed_slack_codegen::check(divan::black_box(&sources), "spec").expect("the spec is valid"));
}
