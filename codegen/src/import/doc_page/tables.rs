//! The Arguments, Errors and Warnings tables of a page.

use super::blocks::plain_text;
use crate::import::report::Findings;
use crate::import::text::{NOT_DOCUMENTED, unescape_underscores};
use crate::rules::{is_argument_name, is_code};
use crate::spec::model::{ArgumentSpec, CodeSpec, ListStyle, ValueType};

/// The argument every method takes for its token.
const TOKEN_ARGUMENT: &str = "token";

/// The columns of an Arguments table, by index.
#[derive(Debug, Default)]
struct Columns {
    name: Option<usize>,
    example: Option<usize>,
    required: Option<usize>,
    description: Option<usize>,
    ty: Option<usize>,
    default: Option<usize>,
}

/// The arguments of an Arguments table, in its order.
pub fn arguments(
    header: &[String],
    rows: &[Vec<String>],
    at: &str,
    max_name_length: usize,
    findings: &mut Findings,
) -> Vec<ArgumentSpec> {
    let mut columns = Columns::default();
    for (index, title) in header.iter().enumerate() {
        let title = plain_text(title);
        let column = match title.to_ascii_lowercase().as_str() {
            "argument" | "name" => &mut columns.name,
            "example" => &mut columns.example,
            "required" => &mut columns.required,
            "description" => &mut columns.description,
            "type" => &mut columns.ty,
            "default" => &mut columns.default,
            _ => {
                findings.push(at, &title, "a column the spec format has no place for");
                continue;
            }
        };
        *column = Some(index);
    }
    let mut arguments: Vec<ArgumentSpec> = Vec::new();
    for row in rows {
        let cell = |column: Option<usize>| column.and_then(|index| row.get(index)).map_or("", String::as_str);
        let name = plain_text(cell(columns.name));
        let row_at = format!("{at}.{name}");
        if !is_argument_name(&name, max_name_length) || arguments.iter().any(|argument| argument.name == name) {
            findings.push_at(&row_at, "name", "not an argument name the spec accepts, or a repeated one; skipped");
            continue;
        }
        let description = unescape_underscores(cell(columns.description).trim());
        let description = if description.is_empty() {
            findings.push(&row_at, "Description", format!("missing; described as \"{NOT_DOCUMENTED}\""));
            NOT_DOCUMENTED.to_owned()
        } else {
            description
        };
        let ty = value_type(&name, &plain_text(cell(columns.ty)), &row_at, findings);
        let list = (ty != ValueType::Token && is_comma_separated(&description)).then_some(ListStyle::CommaSeparated);
        let required = match plain_text(cell(columns.required)).to_ascii_lowercase().as_str() {
            "required" | "yes" => true,
            "optional" | "no" | "" => false,
            other => {
                findings.push(&row_at, "Required", format!("`{other}` is neither Required nor Optional; optional"));
                false
            }
        };
        arguments.push(ArgumentSpec {
            list,
            required,
            example: optional_text(cell(columns.example)),
            default: optional_text(cell(columns.default)),
            ..ArgumentSpec::new(name, ty, description)
        });
    }
    arguments
}

/// The text of a cell, `None` when it shows nothing (`&nbsp;`).
fn optional_text(cell: &str) -> Option<String> {
    Some(plain_text(cell)).filter(|text| !text.is_empty())
}

/// The type of an argument: the token by its name, the page's own type where it gives
/// one, else what the name says (`user` is a user ID), else a string.
fn value_type(name: &str, page_type: &str, at: &str, findings: &mut Findings) -> ValueType {
    if name == TOKEN_ARGUMENT {
        return ValueType::Token;
    }
    match page_type.to_ascii_lowercase().as_str() {
        "" => {}
        "string" => return ValueType::String,
        "boolean" | "bool" => return ValueType::Boolean,
        "integer" | "int" => return ValueType::Integer,
        "number" | "float" => return ValueType::Number,
        other => {
            findings.push(at, "Type", format!("`{other}` has no place in the spec format; the type follows the name"))
        }
    }
    match name {
        "user" => ValueType::UserId,
        "channel" => ValueType::ChannelId,
        "trigger_id" => ValueType::TriggerId,
        "team_id" => ValueType::TeamId,
        "cursor" => ValueType::Cursor,
        "ts" => ValueType::Timestamp,
        _ if name.ends_with("_ts") => ValueType::Timestamp,
        _ => ValueType::String,
    }
}

/// Whether a description says the argument is a comma-separated list.
fn is_comma_separated(description: &str) -> bool {
    let description = description.to_ascii_lowercase();
    description.contains("comma separated list") || description.contains("comma-separated list")
}

/// The codes of an Errors or Warnings table, in its order.
pub fn codes(rows: &[Vec<String>], at: &str, findings: &mut Findings) -> Vec<CodeSpec> {
    let mut codes: Vec<CodeSpec> = Vec::new();
    for row in rows {
        let code = plain_text(row.first().map_or("", String::as_str));
        let code_at = format!("{at}.{code}");
        if !is_code(&code) || codes.iter().any(|known| known.code == code) {
            findings.push_at(&code_at, "code", "not a code the spec accepts, or a repeated one; skipped");
            continue;
        }
        let description = unescape_underscores(row.get(1).map_or("", String::as_str).trim());
        let description = if description.is_empty() {
            findings.push(&code_at, "Description", format!("missing; described as \"{NOT_DOCUMENTED}\""));
            NOT_DOCUMENTED.to_owned()
        } else {
            description
        };
        codes.push(CodeSpec { code, description });
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    #[test]
    fn types_follow_the_page_then_the_name() {
        let header = cells(&["Argument", "Example", "Required", "Description"]);
        let rows = [
            cells(&["`token`", "`xoxb-1`", "Required", "Authentication token."]),
            cells(&["`user`", "&nbsp;", "Optional", "The user\\_id."]),
            cells(&["`thread_ts`", "`123.456`", "Optional", "A ts."]),
            cells(&["`users`", "&nbsp;", "Optional", "A comma separated list of user IDs."]),
        ];
        let mut findings = Findings::default();
        let arguments = arguments(&header, &rows, "Arguments", 64, &mut findings);
        let types: Vec<ValueType> = arguments.iter().map(|argument| argument.ty).collect();
        assert_eq!(types, [ValueType::Token, ValueType::UserId, ValueType::Timestamp, ValueType::String]);
        assert_eq!(arguments[0].example.as_deref(), Some("xoxb-1"));
        assert_eq!(arguments[1].example, None);
        assert_eq!(arguments[1].description, "The user_id.");
        assert_eq!(arguments[3].list, Some(ListStyle::CommaSeparated));
        assert!(findings.into_vec().is_empty());
    }
}
