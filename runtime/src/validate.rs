//! Slack's limits on what an app sends (the length of a block's text, the number of
//! elements in an actions block, ...), checked before anything is sent.
//!
//! The generated objects that Slack limits implement [`Validate`]; the limits
//! themselves are written once, in the spec, with the page of Slack's reference that
//! documents them. [`Validate::validate`] reports every broken limit at once, each
//! with the path to the field that breaks it (`blocks[3].elements[0].text`).

use std::fmt;

use crate::Method;
use crate::de::Union;

/// The limits of Slack's that the arguments of `request` break, all of them, as the
/// client checks them before sending.
///
/// # Errors
///
/// The broken limits.
pub fn request<M: Method>(request: &M) -> Result<(), Violations> {
    run(|check| request.check_limits(check))
}

/// The limits `checks` notes as broken.
fn run(checks: impl FnOnce(&mut Check<'_>)) -> Result<(), Violations> {
    let mut found = Vec::new();
    checks(&mut Check { path: Vec::new(), found: &mut found, scopes: vec![Scope::new(SURFACE)] });
    if found.is_empty() { Ok(()) } else { Err(Violations(found)) }
}

/// A value of which Slack limits some fields.
pub trait Validate {
    /// Notes into `check` each limit the value breaks.
    fn check(&self, check: &mut Check<'_>);

    /// Every limit the value breaks, or `Ok` when it breaks none.
    ///
    /// # Errors
    ///
    /// The broken limits, all of them, in the order of the fields.
    fn validate(&self) -> Result<(), Violations> {
        run(|check| self.check(check))
    }
}

impl<T: Validate> Validate for [T] {
    fn check(&self, check: &mut Check<'_>) {
        for (index, item) in self.iter().enumerate() {
            check.path.push(Step::Index(index));
            item.check(check);
            check.path.pop();
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn check(&self, check: &mut Check<'_>) {
        self.as_slice().check(check);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn check(&self, check: &mut Check<'_>) {
        if let Some(value) = self {
            value.check(check);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn check(&self, check: &mut Check<'_>) {
        self.as_ref().check(check);
    }
}

/// Where a value is, and the limits broken so far.
#[derive(Debug)]
pub struct Check<'a> {
    path: Vec<Step>,
    found: &'a mut Vec<Violation>,
    /// The scopes values are unique within, outermost (the surface) first.
    scopes: Vec<Scope>,
}

/// The scope of a whole check: the message, modal or Home tab checked.
const SURFACE: &str = "surface";

/// Values seen within one scope, where some must be unique: by field, each value with
/// the path it was first seen at.
#[derive(Debug)]
struct Scope {
    name: &'static str,
    seen: Vec<(&'static str, String, String)>,
}

impl Scope {
    fn new(name: &'static str) -> Self {
        Self { name, seen: Vec::new() }
    }
}

/// One step of a path: a field, or an item of a list.
#[derive(Debug, Clone, Copy)]
enum Step {
    Field(&'static str),
    Index(usize),
}

impl Check<'_> {
    /// Checks the number of characters of the text of `field`, when it is there.
    pub fn length(&mut self, field: &'static str, text: Option<&str>, min: Option<usize>, max: Option<usize>) {
        self.length_at(field, None, text, min, max);
    }

    /// [`Check::length`] for each item of the list `field`: the text of each.
    pub fn each_length<'t>(
        &mut self,
        field: &'static str,
        texts: impl IntoIterator<Item = Option<&'t str>>,
        min: Option<usize>,
        max: Option<usize>,
    ) {
        for (index, text) in texts.into_iter().enumerate() {
            self.length_at(field, Some(index), text, min, max);
        }
    }

    /// [`Check::length`] of `field`, or of its item `index`.
    fn length_at(
        &mut self,
        field: &'static str,
        index: Option<usize>,
        text: Option<&str>,
        min: Option<usize>,
        max: Option<usize>,
    ) {
        let Some(text) = text else { return };
        let found = text.chars().count();
        if let Some(max) = max.filter(|max| found > *max) {
            self.note(field, index, Problem::TooLong { max, found });
        }
        if let Some(min) = min.filter(|min| found < *min) {
            self.note(field, index, Problem::TooShort { min, found });
        }
    }

    /// Checks the number of items of the list `field`, when it is there.
    pub fn items(&mut self, field: &'static str, count: Option<usize>, min: Option<usize>, max: Option<usize>) {
        let Some(found) = count else { return };
        if let Some(max) = max.filter(|max| found > *max) {
            self.note(field, None, Problem::TooManyItems { max, found });
        }
        if let Some(min) = min.filter(|min| found < *min) {
            self.note(field, None, Problem::TooFewItems { min, found });
        }
    }

    /// Checks the limits of the value of `field`.
    pub fn nested<T: Validate + ?Sized>(&mut self, field: &'static str, value: &T) {
        self.path.push(Step::Field(field));
        value.check(self);
        self.path.pop();
    }

    /// Checks that the kind of the value of `field` (one of `T::TAGS`, by index) is one
    /// of those Slack accepts there. A kind the spec does not know is left for Slack to
    /// judge.
    pub fn accepts<T: Union>(&mut self, field: &'static str, value: Option<&T>, accepted: &[&'static str]) {
        if let Some(value) = value {
            self.accepts_at(field, None, value, accepted);
        }
    }

    /// [`Check::accepts`] for each item of the list `field`.
    pub fn accepts_each<T: Union>(&mut self, field: &'static str, items: Option<&[T]>, accepted: &[&'static str]) {
        for (index, item) in items.into_iter().flatten().enumerate() {
            self.accepts_at(field, Some(index), item, accepted);
        }
    }

    /// [`Check::accepts`] of `field`, or of its item `index`.
    fn accepts_at<T: Union>(
        &mut self,
        field: &'static str,
        index: Option<usize>,
        value: &T,
        accepted: &[&'static str],
    ) {
        let tag = value.kind().and_then(|kind| T::TAGS.get(kind).copied());
        if let Some(tag) = tag.filter(|tag| !accepted.contains(tag)) {
            self.note(field, index, Problem::NotAccepted { kind: tag, accepted: accepted.to_vec() });
        }
    }

    /// Checks that the value of `field` is not that of the same field elsewhere within
    /// the innermost enclosing `scope` (a block, or the surface: the whole value
    /// checked).
    pub fn unique(&mut self, field: &'static str, value: Option<&str>, scope: &'static str) {
        let Some(value) = value else { return };
        let here = self.path_to(field, None);
        // Outside any such scope (a lone element checked), the whole value is the scope.
        let within = self.scopes.iter_mut().rev().find(|open| open.name == scope || open.name == SURFACE);
        let Some(within) = within else { return };
        let first =
            within.seen.iter().find(|(seen, text, _)| *seen == field && text == value).map(|seen| seen.2.clone());
        let name = within.name;
        match first {
            Some(first) => self.note(field, None, Problem::Duplicate { value: value.to_owned(), first, within: name }),
            None => within.seen.push((field, value.to_owned(), here)),
        }
    }

    /// Runs `checks` within a new `scope` (a block), which values that must be unique
    /// within it are compared in.
    pub fn scope(&mut self, scope: &'static str, checks: impl FnOnce(&mut Self)) {
        self.scopes.push(Scope::new(scope));
        checks(self);
        self.scopes.pop();
    }

    /// Notes `problem` of `field` of the current value, or of its item `index`.
    fn note(&mut self, field: &'static str, index: Option<usize>, problem: Problem) {
        let path = self.path_to(field, index);
        self.found.push(Violation { path, problem });
    }

    /// The path of `field` of the current value, or of its item `index`.
    fn path_to(&self, field: &'static str, index: Option<usize>) -> String {
        let mut path = String::new();
        let last = [Step::Field(field)].into_iter().chain(index.map(Step::Index));
        for step in self.path.iter().copied().chain(last) {
            match step {
                Step::Field(name) if path.is_empty() => path.push_str(name),
                Step::Field(name) => {
                    path.push('.');
                    path.push_str(name);
                }
                Step::Index(index) => path.push_str(&format!("[{index}]")),
            }
        }
        path
    }
}

/// One limit a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Violation {
    /// Where: the fields and list indices that lead to the field, from the value checked
    /// (`elements[0].text`, or `[2].text` in a list of blocks).
    pub path: String,
    /// Which limit, and by how much.
    pub problem: Problem,
}

/// A limit broken.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Longer text than Slack accepts.
    TooLong {
        /// The most characters Slack accepts.
        max: usize,
        /// The characters there are.
        found: usize,
    },
    /// Shorter text than Slack accepts.
    TooShort {
        /// The fewest characters Slack accepts.
        min: usize,
        /// The characters there are.
        found: usize,
    },
    /// More items than Slack accepts.
    TooManyItems {
        /// The most items Slack accepts.
        max: usize,
        /// The items there are.
        found: usize,
    },
    /// Fewer items than Slack accepts.
    TooFewItems {
        /// The fewest items Slack accepts.
        min: usize,
        /// The items there are.
        found: usize,
    },
    /// A kind of block or element Slack does not accept there (a `datepicker` as a
    /// context block's element).
    NotAccepted {
        /// The kind there is, by its tag.
        kind: &'static str,
        /// The kinds Slack accepts there.
        accepted: Vec<&'static str>,
    },
    /// A value that must be unique within a block or a surface, given again.
    Duplicate {
        /// The value.
        value: String,
        /// Where it was first given.
        first: String,
        /// What it must be unique within: `block` or `surface` (the whole value
        /// checked).
        within: &'static str,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "the value" } else { &self.path };
        match &self.problem {
            Problem::TooLong { max, found } => write!(f, "{path}: {found} characters, at most {max}"),
            Problem::TooShort { min, found } => write!(f, "{path}: {found} characters, at least {min}"),
            Problem::TooManyItems { max, found } => write!(f, "{path}: {found} items, at most {max}"),
            Problem::TooFewItems { min, found } => write!(f, "{path}: {found} items, at least {min}"),
            Problem::NotAccepted { kind, accepted } => {
                write!(f, "{path}: a `{kind}` is not accepted here, only {}", accepted.join(", "))
            }
            Problem::Duplicate { value, first, within } => {
                let within = if *within == SURFACE { "the whole value" } else { within };
                write!(f, "{path}: `{value}` is already used at {first}, and must be unique within {within}")
            }
        }
    }
}

/// Every limit a value breaks, in the order of its fields: never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// The broken limits.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [one] => write!(f, "Slack would refuse this: {one}"),
            all => {
                write!(f, "Slack would refuse this, for {} reasons: ", all.len())?;
                for (index, violation) in all.iter().enumerate() {
                    if index > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{violation}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Violations {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value as the generator writes one: a text of 1 to 5 characters, at most 2
    /// items, each checked.
    #[derive(Default)]
    struct Sample {
        text: Option<String>,
        items: Option<Vec<Sample>>,
    }

    impl Validate for Sample {
        fn check(&self, check: &mut Check<'_>) {
            check.length("text", self.text.as_deref(), Some(1), Some(5));
            check.items("items", self.items.as_ref().map(Vec::len), None, Some(2));
            check.nested("items", &self.items);
        }
    }

    fn text(text: &str) -> Sample {
        Sample { text: Some(text.to_owned()), items: None }
    }

    #[test]
    fn a_value_within_its_limits_passes_and_absent_fields_are_not_checked() {
        assert_eq!(text("héllo").validate(), Ok(()), "five characters, six bytes");
        assert_eq!(Sample::default().validate(), Ok(()));
    }

    #[test]
    fn every_broken_limit_is_reported_with_its_path() {
        let sample = Sample { text: Some(String::new()), items: Some(vec![text("ok"), text("toolong"), text("")]) };
        let error = sample.validate().unwrap_err();
        assert_eq!(
            error.as_slice().iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "text: 0 characters, at least 1",
                "items: 3 items, at most 2",
                "items[1].text: 7 characters, at most 5",
                "items[2].text: 0 characters, at least 1",
            ]
        );
        assert!(error.to_string().starts_with("Slack would refuse this, for 4 reasons: text: 0 characters"));
    }

    #[test]
    fn a_list_of_values_reports_indices_from_its_root() {
        let error = vec![text("ok"), text("toolong")].validate().unwrap_err();
        assert_eq!(error.to_string(), "Slack would refuse this: [1].text: 7 characters, at most 5");
    }

    /// A block as the generator writes one: a scope of its own, with an `id` unique in
    /// the surface, elements whose `action` is unique in the block, and labels of at
    /// most 3 characters each.
    struct Group {
        id: &'static str,
        actions: Vec<&'static str>,
        labels: Vec<&'static str>,
    }

    impl Validate for Group {
        fn check(&self, check: &mut Check<'_>) {
            check.scope("block", |check| {
                check.unique("id", Some(self.id), SURFACE);
                check.each_length("labels", self.labels.iter().map(|label| Some(*label)), None, Some(3));
                for (index, action) in self.actions.iter().enumerate() {
                    check.path.push(Step::Field("actions"));
                    check.path.push(Step::Index(index));
                    check.unique("action", Some(action), "block");
                    check.path.pop();
                    check.path.pop();
                }
            });
        }
    }

    fn group(id: &'static str, actions: &[&'static str]) -> Group {
        Group { id, actions: actions.to_vec(), labels: Vec::new() }
    }

    #[test]
    fn a_value_unique_in_a_block_may_repeat_in_another_one_unique_in_the_surface_may_not() {
        let groups = vec![group("a", &["go", "stop"]), group("b", &["go"]), group("a", &["stop", "stop"])];
        let found: Vec<String> = groups.validate().unwrap_err().as_slice().iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "[2].id: `a` is already used at [0].id, and must be unique within the whole value",
                "[2].actions[1].action: `stop` is already used at [2].actions[0].action, and must be unique within block",
            ]
        );
        assert_eq!(vec![group("a", &["go"]), group("b", &["go"])].validate(), Ok(()));
    }

    #[test]
    fn outside_its_scope_a_value_is_unique_in_the_whole_value_and_says_so() {
        struct Action(&'static str);
        impl Validate for Action {
            fn check(&self, check: &mut Check<'_>) {
                check.unique("action", Some(self.0), "block");
            }
        }
        let error = vec![Action("go"), Action("go")].validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "Slack would refuse this: [1].action: `go` is already used at [0].action, and must be unique within the \
             whole value"
        );
    }

    #[test]
    fn each_item_of_a_list_is_measured_with_its_index() {
        let labels = Group { id: "a", actions: Vec::new(), labels: vec!["abc", "abcd", "ab"] };
        assert_eq!(
            labels.validate().unwrap_err().to_string(),
            "Slack would refuse this: labels[1]: 4 characters, at most 3"
        );
    }
}
