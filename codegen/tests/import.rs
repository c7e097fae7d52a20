//! The importers (`cargo xtask import`): small fixtures under `fixtures/import/` (Slack
//! reference files chosen for their shapes, and the seed's saved doc page) imported
//! into a scratch spec folder beside the project's shared sets.
//!
//! The written specs, the report of what could not be mapped and a rendered drift
//! report are pinned under `expected/import/`; refresh them with `UPDATE_EXPECT=1 cargo test -p
//! typed-slack-codegen --test import` and review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use expect_test::expect_file;
use typed_slack_codegen::import::drift::{ArgumentType, Change, CodeKind, LifecycleState, compute};
use typed_slack_codegen::import::merge::differing_paths;
use typed_slack_codegen::import::{Drift, DriftReport, MethodDrift, Options, Report, Status, import};
use typed_slack_codegen::spec::model::{
    ArgumentSpec, CodeSpec, LifecycleStatus, ListStyle, MethodSpec, ObjectSpec, RateTier, TokenScopes, TokenType,
    ValueType,
};

/// The Slack reference files among the fixtures, relative to the package root (where
/// `cargo test` runs tests), so that reports name them the same on every machine.
const REFERENCE_DIR: &str = "tests/fixtures/import/slack-api/methods";
/// The seed method's saved doc page.
const SEED_PAGE: &str = "tests/fixtures/import/pages/apps.permissions.users.request.md";
/// The seed method.
const SEED: &str = "apps.permissions.users.request";

/// A scratch spec folder: an empty `methods/` beside a copy of the project's shared sets.
struct Scratch {
    _dir: tempfile::TempDir,
    spec: PathBuf,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let spec = dir.path().join("spec");
        fs::create_dir_all(spec.join("methods")).expect("a methods folder");
        fs::create_dir_all(spec.join("shared")).expect("a shared folder");
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/shared");
        for entry in fs::read_dir(&shared).expect("the project's shared sets") {
            let path = entry.expect("a shared set").path();
            fs::copy(&path, spec.join("shared").join(path.file_name().expect("a file name"))).expect("a copy");
        }
        Self { _dir: dir, spec }
    }

    fn methods(&self) -> PathBuf {
        self.spec.join("methods")
    }

    fn import(&self, inputs: &[&str], force: bool) -> Report {
        self.run(inputs, force, false)
    }

    /// Imports as `cargo xtask import --check` does: writing nothing.
    fn check(&self, inputs: &[&str], force: bool) -> Report {
        self.run(inputs, force, true)
    }

    fn run(&self, inputs: &[&str], force: bool, check: bool) -> Report {
        let inputs: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
        import(&inputs, &Options { out_dir: self.methods(), force, check, samples: None, openapi: None })
            .expect("the import runs")
    }

    fn spec_file(&self, method: &str) -> PathBuf {
        self.methods().join(format!("{method}.yaml"))
    }

    fn read(&self, method: &str) -> String {
        fs::read_to_string(self.spec_file(method)).expect("the spec file is written")
    }

    /// Every spec file written, by file name, sorted.
    fn written(&self) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = fs::read_dir(self.methods())
            .expect("the methods folder")
            .map(|entry| {
                let path = entry.expect("a spec file").path();
                let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
                (name, fs::read_to_string(&path).expect("a readable spec file"))
            })
            .collect();
        files.sort();
        files
    }
}

fn statuses(report: &Report) -> Vec<&Status> {
    report.files.iter().map(|file| &file.status).collect()
}

fn committed_seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../spec/methods/{SEED}.yaml"));
    fs::read_to_string(path).expect("the committed seed spec")
}

fn load(text: &str) -> MethodSpec {
    serde_yaml::from_str(text).expect("a method spec")
}

#[test]
fn slack_reference_files_import_as_the_snapshots_show() {
    let scratch = Scratch::new();
    let report = scratch.import(&[REFERENCE_DIR], false);
    assert!(report.succeeded(), "{report}");
    assert!(statuses(&report).iter().all(|status| **status == Status::Written), "{report}");
    let written = scratch.written();
    assert_eq!(written.len(), 8);
    for (name, text) in &written {
        expect_file![format!("expected/import/{name}")].assert_eq(text);
    }
    let by_key: Vec<String> = report.unmapped_by_key().iter().map(|(key, count)| format!("{key}: {count}")).collect();
    let unmapped = format!("{}\n\nby key:\n{}\n", report.unmapped_lines().join("\n"), by_key.join("\n"));
    expect_file!["expected/import/unmapped.txt"].assert_eq(&unmapped);
}

/// What the importer writes is what `cargo xtask regen` reads: the whole scratch spec
/// folder loads and validates.
#[test]
fn imported_specs_load_and_validate_with_the_projects_own_checks() {
    let scratch = Scratch::new();
    let report = scratch.import(&[REFERENCE_DIR, SEED_PAGE], false);
    assert!(report.succeeded(), "{report}");
    let sources = typed_slack_codegen::spec::read_sources(&scratch.spec, "spec").unwrap();
    let api = typed_slack_codegen::check(&sources, "spec").unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(api.methods.len(), 9);
    for (_, text) in scratch.written() {
        assert_eq!(text.lines().next(), Some(typed_slack_codegen::schema::method_modeline().as_str()));
        assert!(text.contains("\nimport:\n  source: "), "each file records its source:\n{text}");
    }
}

#[test]
fn importing_twice_gives_the_same_bytes() {
    let scratch = Scratch::new();
    let first_report = scratch.import(&[REFERENCE_DIR, SEED_PAGE], false);
    assert!(first_report.succeeded(), "{first_report}");
    let first = scratch.written();
    let again = scratch.import(&[REFERENCE_DIR, SEED_PAGE], false);
    assert!(statuses(&again).iter().all(|status| **status == Status::Unchanged), "{again}");
    assert_eq!(scratch.written(), first);
    let forced = scratch.import(&[REFERENCE_DIR, SEED_PAGE], true);
    assert!(statuses(&forced).iter().all(|status| **status == Status::Unchanged), "{forced}");
    assert_eq!(scratch.written(), first);
}

/// The committed seed spec is what importing its saved page gives, except at the paths
/// its `import.hand_edited` records (and that record itself).
#[test]
fn the_seed_page_reproduces_the_committed_seed_spec_but_for_its_recorded_hand_edits() {
    let scratch = Scratch::new();
    let report = scratch.import(&[SEED_PAGE], false);
    assert_eq!(statuses(&report), [&Status::Written], "{report}");
    assert_eq!(report.unmapped_lines(), Vec::<String>::new());
    let imported = scratch.read(SEED);
    expect_file![format!("expected/import/{SEED}.yaml")].assert_eq(&imported);

    let committed = load(&committed_seed());
    let import = committed.import.as_ref().expect("the seed spec records its import");
    assert_eq!(import.source, format!("{SEED}.md"));
    let mut expected: Vec<String> = import.hand_edited.iter().map(|edit| edit.path.clone()).collect();
    expected.push("import.hand_edited".to_owned());
    let mut differing = differing_paths(&load(&imported), &committed).unwrap();
    differing.sort();
    expected.sort();
    assert_eq!(differing, expected);
    assert!(import.hand_edited.iter().all(|edit| !edit.reason.trim().is_empty()), "each hand edit says why");
}

#[test]
fn importing_the_seed_page_over_the_committed_seed_spec_leaves_it_alone() {
    let scratch = Scratch::new();
    fs::write(scratch.spec_file(SEED), committed_seed()).unwrap();
    for force in [false, true] {
        let report = scratch.import(&[SEED_PAGE], force);
        assert_eq!(statuses(&report), [&Status::Unchanged], "{report}");
        assert_eq!(scratch.read(SEED), committed_seed());
    }
    // Its recorded hand edits are kept, so they are not drift either.
    let check = scratch.check(&[SEED_PAGE], false);
    assert!(check.up_to_date(), "{check}");
    assert_eq!(check.drift().to_string(), "drift: 0 new, 0 changed, 1 unchanged");
}

#[test]
fn an_unrecorded_hand_edit_is_refused_and_force_overwrites_it() {
    let scratch = Scratch::new();
    let method = "users.setPresence";
    let input = format!("{REFERENCE_DIR}/{method}.json");
    scratch.import(&[&input], false);
    let imported = scratch.read(method);
    let edited = imported.replace("rate_tier: tier2", "rate_tier: tier3").replace("type: string", "type: boolean");
    assert_ne!(edited, imported);
    fs::write(scratch.spec_file(method), &edited).unwrap();

    let report = scratch.import(&[&input], false);
    assert!(!report.succeeded());
    let Status::Refused { differing } = &report.files[0].status else { panic!("not refused: {report}") };
    assert_eq!(differing, &["rate_tier", "arguments.1.type"]);
    let line = report.files[0].to_string();
    assert!(line.contains(&format!("{method}.yaml")) && line.contains("rate_tier, arguments.1.type"), "{line}");
    assert_eq!(scratch.read(method), edited, "a refused file is left alone");

    let forced = scratch.import(&[&input], true);
    assert_eq!(statuses(&forced), [&Status::Written], "{forced}");
    assert_eq!(scratch.read(method), imported);
}

#[test]
fn recorded_hand_edits_are_kept() {
    let scratch = Scratch::new();
    let method = "users.setPresence";
    let input = format!("{REFERENCE_DIR}/{method}.json");
    scratch.import(&[&input], false);
    let imported = scratch.read(method);
    let summary = "Sets the presence of the calling user.";
    let edited = imported.replace("summary: Manually sets user presence.", &format!("summary: {summary}")).replace(
        "import:\n  source: slack-api/methods/users.setPresence.json\n",
        "import:\n  source: slack-api/methods/users.setPresence.json\n  hand_edited:\n  \
         - path: summary\n    reason: Says whose presence.\n  - path: arguments.1.values\n    reason: Reworded.\n",
    );
    let edited = edited.replace("  values:\n  - auto\n  - away\n", "  values:\n  - auto\n");
    assert_ne!(edited, imported);
    fs::write(scratch.spec_file(method), &edited).unwrap();

    for force in [false, true] {
        let report = scratch.import(&[&input], force);
        assert!(report.succeeded(), "{report}");
        let spec = load(&scratch.read(method));
        assert_eq!(spec.summary, summary);
        assert_eq!(spec.arguments[1].values, ["auto"]);
        assert_eq!(spec.import.expect("the import record").hand_edited.len(), 2);
    }
}

#[test]
fn inputs_that_are_not_methods_fail_alone() {
    let scratch = Scratch::new();
    let bad = scratch.spec.join("not-json.json");
    fs::write(&bad, "{ not json").unwrap();
    let named_badly = scratch.spec.join("nomethod.json");
    fs::write(&named_badly, "{}").unwrap();
    let good = format!("{REFERENCE_DIR}/users.setPresence.json");
    let inputs = [bad.to_str().unwrap(), named_badly.to_str().unwrap(), &good];
    let report = scratch.import(&inputs, false);
    let failed = report.files.iter().filter(|file| matches!(file.status, Status::Failed { .. })).count();
    assert_eq!(failed, 2, "{report}");
    assert_eq!(report.counts().written, 1);
    assert!(!report.succeeded());
}

// Drift: what importing again changes in a spec file.

/// A small spec each drift test changes one thing of.
const DRIFT_BASE: &str = "\
method: chat.example
url: https://slack.com/api/chat.example
http_method: POST
content_types: [application/x-www-form-urlencoded]
rate_tier: tier2
works_with:
  - token_type: bot
    scopes: [chat:write]
summary: Does an example.
include: [common]
arguments:
  - name: token
    type: token
    required: true
    description: The token.
  - name: channel
    type: channel_id
    required: true
    description: The channel.
  - name: users
    type: string
    description: The users.
errors:
  - code: channel_not_found
    description: No such channel.
warnings:
  - code: superfluous_thing
    description: A thing was not needed.
";

fn base() -> MethodSpec {
    load(DRIFT_BASE)
}

/// The drift from the base spec to the base spec changed by `change`.
fn drift_after(change: impl FnOnce(&mut MethodSpec)) -> Vec<Change> {
    let mut changed = base();
    change(&mut changed);
    compute(&base(), &changed)
}

fn argument(name: &str, ty: ValueType) -> ArgumentSpec {
    ArgumentSpec::new(name, ty, format!("The {name}."))
}

fn code(code: &str) -> CodeSpec {
    CodeSpec { code: code.to_owned(), description: format!("About {code}.") }
}

fn scalar(ty: ValueType) -> ArgumentType {
    ArgumentType { ty, list: None }
}

#[test]
fn drift_of_a_spec_against_itself_is_empty() {
    assert_eq!(compute(&base(), &base()), []);
}

#[test]
fn drift_names_an_added_argument_with_its_type() {
    let changes = drift_after(|spec| spec.arguments.insert(1, argument("thread_ts", ValueType::Timestamp)));
    let added =
        Change::ArgumentAdded { name: "thread_ts".to_owned(), ty: scalar(ValueType::Timestamp), required: false };
    // By name: the insertion shifts the others, which are not changes.
    assert_eq!(changes, [added]);
}

#[test]
fn drift_names_a_removed_argument() {
    let changes = drift_after(|spec| drop(spec.arguments.remove(1)));
    assert_eq!(changes, [Change::ArgumentRemoved { name: "channel".to_owned(), ty: scalar(ValueType::ChannelId) }]);
}

#[test]
fn drift_names_a_retyped_argument_by_type_and_list_style() {
    let changes = drift_after(|spec| {
        spec.arguments[2].ty = ValueType::UserId;
        spec.arguments[2].list = Some(ListStyle::CommaSeparated);
    });
    let to = ArgumentType { ty: ValueType::UserId, list: Some(ListStyle::CommaSeparated) };
    assert_eq!(changes, [Change::ArgumentRetyped { name: "users".to_owned(), from: scalar(ValueType::String), to }]);
    let listed = drift_after(|spec| spec.arguments[2].list = Some(ListStyle::CommaSeparated));
    assert!(matches!(&listed[..], [Change::ArgumentRetyped { .. }]), "{listed:?}");
}

#[test]
fn drift_names_a_flipped_required_flag() {
    let changes = drift_after(|spec| {
        spec.arguments[1].required = false;
        spec.arguments[2].required = true;
    });
    assert_eq!(
        changes,
        [
            Change::RequiredChanged { name: "channel".to_owned(), required: false },
            Change::RequiredChanged { name: "users".to_owned(), required: true },
        ]
    );
}

#[test]
fn drift_names_added_and_removed_errors() {
    let changes = drift_after(|spec| spec.errors = vec![code("not_in_channel")]);
    assert_eq!(
        changes,
        [
            Change::CodeAdded { kind: CodeKind::Error, code: "not_in_channel".to_owned() },
            Change::CodeRemoved { kind: CodeKind::Error, code: "channel_not_found".to_owned() },
        ]
    );
}

#[test]
fn drift_names_added_and_removed_warnings() {
    let changes = drift_after(|spec| spec.warnings = vec![code("missing_thing")]);
    assert_eq!(
        changes,
        [
            Change::CodeAdded { kind: CodeKind::Warning, code: "missing_thing".to_owned() },
            Change::CodeRemoved { kind: CodeKind::Warning, code: "superfluous_thing".to_owned() },
        ]
    );
}

#[test]
fn drift_names_scopes_per_token_type() {
    let changes = drift_after(|spec| {
        spec.works_with[0].scopes = vec!["chat:write.public".to_owned()];
        spec.works_with.push(TokenScopes { token_type: TokenType::User, scopes: vec!["chat:write".to_owned()] });
    });
    assert_eq!(
        changes,
        [
            Change::TokenTypeAdded { token_type: TokenType::User },
            Change::ScopeAdded { token_type: TokenType::Bot, scope: "chat:write.public".to_owned() },
            Change::ScopeAdded { token_type: TokenType::User, scope: "chat:write".to_owned() },
            Change::ScopeRemoved { token_type: TokenType::Bot, scope: "chat:write".to_owned() },
        ]
    );
    let removed = drift_after(|spec| spec.works_with.clear());
    assert_eq!(
        removed,
        [
            Change::TokenTypeRemoved { token_type: TokenType::Bot },
            Change::ScopeRemoved { token_type: TokenType::Bot, scope: "chat:write".to_owned() },
        ]
    );
}

#[test]
fn drift_names_a_changed_rate_tier() {
    let changes = drift_after(|spec| spec.rate_tier = RateTier::Special);
    assert_eq!(changes, [Change::RateTierChanged { from: RateTier::Tier2, to: RateTier::Special }]);
}

#[test]
fn drift_names_a_changed_lifecycle_status_and_note() {
    let note = "Use chat.other instead.";
    let changes = drift_after(|spec| {
        spec.lifecycle.status = LifecycleStatus::Deprecated;
        spec.lifecycle.note = Some(note.to_owned());
    });
    let stable = LifecycleState { status: LifecycleStatus::Stable, note: None };
    let deprecated = LifecycleState { status: LifecycleStatus::Deprecated, note: Some(note.to_owned()) };
    assert_eq!(changes, [Change::LifecycleChanged { from: stable, to: deprecated.clone() }]);

    let mut old = base();
    old.lifecycle.status = LifecycleStatus::Deprecated;
    old.lifecycle.note = Some("Retired.".to_owned());
    let mut new = old.clone();
    new.lifecycle.note = Some(note.to_owned());
    let from = LifecycleState { status: LifecycleStatus::Deprecated, note: Some("Retired.".to_owned()) };
    assert_eq!(compute(&old, &new), [Change::LifecycleChanged { from, to: deprecated }]);
}

#[test]
fn drift_names_other_changes_by_path() {
    let changes = drift_after(|spec| {
        spec.summary = "Does another example.".to_owned();
        spec.arguments[1].description = "Where.".to_owned();
        spec.errors[0].description = "Gone.".to_owned();
        spec.response.examples.push(typed_slack_codegen::spec::model::ExampleSpec {
            description: "Success".to_owned(),
            body: "{\"ok\": true}".to_owned(),
        });
    });
    let paths: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        paths,
        [
            "changed: arguments.channel.description",
            "changed: errors.channel_not_found.description",
            "changed: response",
            "changed: summary"
        ]
    );
    let reordered = drift_after(|spec| spec.arguments.swap(1, 2));
    assert_eq!(reordered, [Change::Other { path: "arguments (order)".to_owned() }]);
}

#[test]
fn the_drift_report_renders_sorted_and_counted() {
    let mut new = base();
    new.arguments.push(ArgumentSpec { required: true, ..argument("thread_ts", ValueType::Timestamp) });
    new.arguments.remove(2);
    new.arguments[1].ty = ValueType::String;
    new.arguments[1].required = false;
    new.errors.push(code("not_in_channel"));
    new.warnings.clear();
    new.works_with.push(TokenScopes { token_type: TokenType::User, scopes: vec!["chat:write".to_owned()] });
    new.rate_tier = RateTier::Tier3;
    new.lifecycle.status = LifecycleStatus::Deprecated;
    new.lifecycle.note = Some("Use chat.other.".to_owned());
    new.summary = "Does another example.".to_owned();
    let changed = MethodDrift { method: "chat.example".to_owned(), drift: Drift::Changed(compute(&base(), &new)) };
    let added = MethodDrift { method: "admin.added".to_owned(), drift: Drift::New };
    let replaced = MethodDrift { method: "users.broken".to_owned(), drift: Drift::Replaced };
    // Given in any order, listed by method name.
    let report = DriftReport::new(vec![replaced, changed, added], 7);
    assert_eq!((report.new_count(), report.changed_count(), report.unchanged), (1, 2, 7));
    expect_file!["expected/import/drift.txt"].assert_eq(&format!("{report}\n"));
    assert_eq!(DriftReport::new(Vec::new(), 3).to_string(), "drift: 0 new, 0 changed, 3 unchanged");
}

#[test]
fn a_check_on_an_unchanged_tree_reports_no_drift_and_writes_nothing() {
    let scratch = Scratch::new();
    let report = scratch.import(&[REFERENCE_DIR, SEED_PAGE], false);
    assert_eq!(report.drift().new_count(), 9, "a first import reports every method as new");
    let before = scratch.written();
    let check = scratch.check(&[REFERENCE_DIR, SEED_PAGE], false);
    assert!(check.up_to_date(), "{check}");
    assert!(check.drift().is_empty());
    assert_eq!(check.drift().to_string(), "drift: 0 new, 0 changed, 9 unchanged");
    assert_eq!(scratch.written(), before);
}

#[test]
fn a_check_on_a_changed_tree_reports_the_drift_and_writes_nothing() {
    let scratch = Scratch::new();
    scratch.import(&[REFERENCE_DIR], false);
    // A committed spec that says something else than the reference (as when Slack's
    // reference changed since), and a method not imported yet.
    let method = "users.setPresence";
    let stale = scratch
        .read(method)
        .replace("rate_tier: tier2", "rate_tier: tier3")
        .replace("- code: invalid_presence", "- code: old_code");
    // Its summary is a recorded hand edit: kept, so not drift.
    let source = format!("import:\n  source: slack-api/methods/{method}.json\n");
    let stale = stale
        .replace("summary: Manually", "summary: By hand,")
        .replace(&source, &format!("{source}  hand_edited:\n  - path: summary\n    reason: Kept.\n"));
    fs::write(scratch.spec_file(method), &stale).unwrap();
    fs::remove_file(scratch.spec_file("rtm.connect")).unwrap();
    let before = scratch.written();

    let expected_drift = "new rtm.connect\n\
         changed users.setPresence:\n  \
         error added: `invalid_presence`\n  \
         error removed: `old_code`\n  \
         rate tier changed: tier3 -> tier2\n\
         drift: 1 new, 1 changed, 6 unchanged";
    // Without --force the changed file would be refused (importing cannot tell Slack's
    // changes from unrecorded hand edits); either way the drift is the same.
    let check = scratch.check(&[REFERENCE_DIR], false);
    assert!(!check.up_to_date());
    assert_eq!(check.counts().to_string(), "would write 1, unchanged 6, refused 1", "{check}");
    assert_eq!(check.drift().to_string(), expected_drift);
    let forced = scratch.check(&[REFERENCE_DIR], true);
    assert!(!forced.up_to_date());
    assert_eq!(forced.counts().to_string(), "would write 2, unchanged 6, refused 0", "{forced}");
    assert_eq!(forced.drift().to_string(), expected_drift);
    assert_eq!(forced.counts().written, 0);
    assert_eq!(scratch.written(), before, "a check writes nothing");

    // Importing for real writes what the check reported, after which a check passes.
    let report = scratch.import(&[REFERENCE_DIR], true);
    assert_eq!(report.counts().written, 2, "{report}");
    assert!(scratch.check(&[REFERENCE_DIR], false).up_to_date());
    assert_eq!(load(&scratch.read(method)).summary, "By hand, sets user presence.");
}

/// A scratch spec folder with the object `reaction` and a folder of recorded answers
/// that hold it; answers the import of the objects, and the object file's path.
fn scratch_with_an_object() -> (Scratch, PathBuf, PathBuf) {
    let scratch = Scratch::new();
    let objects = scratch.spec.join("objects");
    fs::create_dir_all(&objects).expect("an objects folder");
    let object = objects.join("reaction.yaml");
    fs::write(&object, "object: reaction\ndescription: An emoji reaction.\nkeys: [reactions]\n")
        .expect("an object file");
    let samples = scratch.spec.join("recorded");
    fs::create_dir_all(&samples).expect("a folder of answers");
    let answer = r#"{"ok": true, "reactions": [{"name": "thumbsup", "count": 2}]}"#;
    fs::write(samples.join("reactions.get.json"), answer).expect("a recorded answer");
    (scratch, object, samples)
}

fn import_objects(scratch: &Scratch, samples: &Path, force: bool) -> Report {
    let options =
        Options { out_dir: scratch.methods(), force, check: false, samples: Some(samples.to_owned()), openapi: None };
    import(&[], &options).expect("the import runs")
}

#[test]
fn an_object_keeps_its_recorded_hand_edits_and_an_unrecorded_one_is_refused() {
    let (scratch, object, samples) = scratch_with_an_object();
    import_objects(&scratch, &samples, false);
    let imported = fs::read_to_string(&object).unwrap();
    assert!(imported.contains("- name: count\n  type: integer\n"), "{imported}");

    let unrecorded = imported.replace("- name: count\n  type: integer\n", "- name: count\n  type: number\n");
    fs::write(&object, &unrecorded).unwrap();
    let report = import_objects(&scratch, &samples, false);
    let Status::Refused { differing } = &report.files[0].status else { panic!("not refused: {report}") };
    assert_eq!(differing, &["fields.0.type"]);
    assert_eq!(fs::read_to_string(&object).unwrap(), unrecorded, "a refused file is left alone");

    let recorded = format!(
        "{unrecorded}import:\n  source: recorded\n  hand_edited:\n  - path: fields.0.type\n    reason: Counts can be large.\n"
    );
    fs::write(&object, &recorded).unwrap();
    for force in [false, true] {
        let report = import_objects(&scratch, &samples, force);
        assert!(report.succeeded(), "{report}");
        let spec: ObjectSpec = serde_yaml::from_str(&fs::read_to_string(&object).unwrap()).unwrap();
        assert_eq!((spec.fields[0].name.as_str(), spec.fields[0].ty), ("count", ValueType::Number));
        assert_eq!(spec.import.expect("the import record").hand_edited.len(), 1);
    }
}
