//! Writing a method's arguments into a request body.

use std::borrow::Cow;

use serde::Serialize;

/// Receives a method's arguments, by wire name, from generated code.
///
/// [`FormArgs`] writes `application/x-www-form-urlencoded`; [`JsonArgs`] writes a JSON
/// object. Lists the spec marks as comma-separated are joined with `,` in both.
pub trait ArgWriter {
    /// A text argument.
    fn text(&mut self, name: &str, value: &str);

    /// A list argument sent as one comma-joined text value (`a,b,c`).
    fn comma_list<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>;

    /// A boolean argument, sent as `true` or `false`.
    fn boolean(&mut self, name: &str, value: bool);

    /// An integer argument.
    fn integer(&mut self, name: &str, value: i64);

    /// A floating-point argument.
    fn number(&mut self, name: &str, value: f64);

    /// A JSON-encoded argument (`blocks`, `attachments`, `metadata`): a JSON string in a
    /// form body, a nested value in a JSON body.
    ///
    /// # Errors
    ///
    /// When `value` fails to serialize.
    fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), serde_json::Error>;

    /// Writes `value` as the argument `name` the way its type is sent (nothing for an
    /// unset option).
    ///
    /// # Errors
    ///
    /// When a JSON-encoded value fails to serialize.
    fn put<V: ArgValue + ?Sized>(&mut self, name: &str, value: &V) -> Result<(), serde_json::Error> {
        value.write_arg(name, self)
    }
}

/// What writing arguments answers: it fails only when a JSON-encoded value does not
/// serialize.
pub type ArgResult = Result<(), serde_json::Error>;

/// A value a generated request sends as one argument: `write_args` hands each field
/// to [`ArgWriter::put`], which asks the value how it is written.
pub trait ArgValue {
    /// Writes the value as the argument `name`, or nothing for an unset option.
    ///
    /// # Errors
    ///
    /// When a JSON-encoded value fails to serialize.
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error>;
}

/// One item of a list argument, sent comma-joined (`scopes=a,b`): text, an ID, an
/// enum value, a number or a boolean.
pub trait ArgText {
    /// The item as Slack expects it.
    fn arg_text(&self) -> Cow<'_, str>;
}

impl ArgValue for String {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.text(name, self);
        Ok(())
    }
}

impl ArgText for String {
    fn arg_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl ArgValue for bool {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.boolean(name, *self);
        Ok(())
    }
}

impl ArgValue for i64 {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.integer(name, *self);
        Ok(())
    }
}

impl ArgValue for f64 {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.number(name, *self);
        Ok(())
    }
}

macro_rules! to_string_items {
    ($($ty:ty),*) => {
        $(impl ArgText for $ty {
            fn arg_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        })*
    };
}

to_string_items!(bool, i64, f64);

impl ArgValue for serde_json::Value {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.json(name, self)
    }
}

impl<T: ArgValue> ArgValue for Option<T> {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        match self {
            Some(value) => value.write_arg(name, args),
            None => Ok(()),
        }
    }
}

impl<T: ArgText> ArgValue for Vec<T> {
    fn write_arg<W: ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.comma_list(name, self.iter().map(ArgText::arg_text));
        Ok(())
    }
}

fn join_commas<I>(values: I) -> String
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut joined = String::new();
    for (index, value) in values.into_iter().enumerate() {
        if index > 0 {
            joined.push(',');
        }
        joined.push_str(value.as_ref());
    }
    joined
}

/// Writes arguments as an `application/x-www-form-urlencoded` body or query string.
pub struct FormArgs {
    serializer: form_urlencoded::Serializer<'static, String>,
}

impl FormArgs {
    /// An empty form.
    pub fn new() -> Self {
        Self::with_buffer(String::new())
    }

    /// A form that appends to `buffer` (which may hold a query string prefix).
    pub fn with_buffer(buffer: String) -> Self {
        let start = buffer.len();
        Self { serializer: form_urlencoded::Serializer::for_suffix(buffer, start) }
    }

    /// The encoded form.
    pub fn finish(mut self) -> String {
        self.serializer.finish()
    }
}

impl std::fmt::Debug for FormArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormArgs").finish_non_exhaustive()
    }
}

impl Default for FormArgs {
    fn default() -> Self {
        Self::new()
    }
}

impl ArgWriter for FormArgs {
    fn text(&mut self, name: &str, value: &str) {
        self.serializer.append_pair(name, value);
    }

    fn comma_list<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.serializer.append_pair(name, &join_commas(values));
    }

    fn boolean(&mut self, name: &str, value: bool) {
        self.serializer.append_pair(name, if value { "true" } else { "false" });
    }

    fn integer(&mut self, name: &str, value: i64) {
        self.serializer.append_pair(name, &value.to_string());
    }

    fn number(&mut self, name: &str, value: f64) {
        self.serializer.append_pair(name, &value.to_string());
    }

    fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), serde_json::Error> {
        let encoded = serde_json::to_string(value)?;
        self.serializer.append_pair(name, &encoded);
        Ok(())
    }
}

/// Writes arguments as a JSON object, for methods that accept `application/json`.
#[derive(Debug)]
pub struct JsonArgs {
    body: Vec<u8>,
}

impl JsonArgs {
    /// An empty object.
    pub fn new() -> Self {
        Self { body: vec![b'{'] }
    }

    /// The encoded object.
    pub fn finish(mut self) -> Vec<u8> {
        self.body.push(b'}');
        self.body
    }

    fn key(&mut self, name: &str) {
        if self.body.len() > 1 {
            self.body.push(b',');
        }
        self.write(name);
        self.body.push(b':');
    }

    fn write<T: Serialize + ?Sized>(&mut self, value: &T) {
        // Strings, booleans and numbers always serialize.
        let _ = serde_json::to_writer(&mut self.body, value);
    }
}

impl Default for JsonArgs {
    fn default() -> Self {
        Self::new()
    }
}

impl ArgWriter for JsonArgs {
    fn text(&mut self, name: &str, value: &str) {
        self.key(name);
        self.write(value);
    }

    fn comma_list<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.key(name);
        self.write(&join_commas(values));
    }

    fn boolean(&mut self, name: &str, value: bool) {
        self.key(name);
        self.write(&value);
    }

    fn integer(&mut self, name: &str, value: i64) {
        self.key(name);
        self.write(&value);
    }

    fn number(&mut self, name: &str, value: f64) {
        self.key(name);
        self.write(&value);
    }

    fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), serde_json::Error> {
        let rollback = self.body.len();
        self.key(name);
        serde_json::to_writer(&mut self.body, value).inspect_err(|_| self.body.truncate(rollback))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encodes_lists_comma_joined_and_escapes() {
        let mut form = FormArgs::new();
        form.comma_list("scopes", ["a", "b"]);
        form.text("text", "x y&z");
        form.boolean("as_user", true);
        form.integer("limit", -20);
        form.json("blocks", &serde_json::json!([{"type": "divider"}])).unwrap();
        assert_eq!(
            form.finish(),
            "scopes=a%2Cb&text=x+y%26z&as_user=true&limit=-20&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D"
        );
    }

    #[test]
    fn json_nests_json_arguments_and_joins_lists() {
        let mut json = JsonArgs::new();
        json.comma_list("scopes", ["a", "b"]);
        json.text("text", "say \"hi\"");
        json.number("ratio", 0.5);
        json.json("blocks", &serde_json::json!([{"type": "divider"}])).unwrap();
        let body = String::from_utf8(json.finish()).unwrap();
        assert_eq!(body, r#"{"scopes":"a,b","text":"say \"hi\"","ratio":0.5,"blocks":[{"type":"divider"}]}"#);
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(parsed["blocks"][0]["type"], "divider");
    }

    #[test]
    fn empty_forms_and_objects() {
        assert_eq!(FormArgs::new().finish(), "");
        assert_eq!(JsonArgs::new().finish(), b"{}");
    }
}
