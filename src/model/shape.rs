//! What serde says about the shape of a value (`unknown field`, `invalid type`, `missing
//! field`…), said in our words with a "did you mean" where one is close. The parsers' own
//! messages about syntax (`string values must be quoted`) are theirs: kept as they wrote them.

use crate::model::ids;
use crate::msg;
use crate::words::Msg;

/// A message of serde's in our words, and the help that goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub message: Msg,
    pub help: Option<Msg>,
    /// Whether serde said it: else it is the parser's own, about syntax.
    pub shape: bool,
    /// The key it is about, when it is about a key that should not be there.
    pub key: Option<String>,
}

/// `message` as serde (or the parser beneath it) wrote it, said in our words where we know it.
pub fn say(message: &str) -> Said {
    let message = message.trim();
    let said = |message: Msg, help: Option<Msg>| Said {
        message,
        help,
        shape: true,
        key: None,
    };
    for kind in ["field", "variant"] {
        let Some(rest) = message.strip_prefix(&format!("unknown {kind} `")) else {
            continue;
        };
        let Some((given, expected)) = rest.split_once('`') else {
            continue;
        };
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = match ids::closest(given, known.iter().copied()) {
            Some(best) => msg!("ids.did_you_mean_help", id = best),
            None if known.is_empty() => msg!("shape.remove_it"),
            None => {
                let ids: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                msg!("shape.one_of", ids = ids)
            }
        };
        if kind == "field" {
            return Said {
                key: Some(given.to_string()),
                ..said(msg!("shape.unknown_key", key = given), Some(help))
            };
        }
        return said(msg!("shape.unknown_value", value = given), Some(help));
    }
    if let Some(field) = quoted_after(message, "missing field `") {
        return said(msg!("shape.missing_key", key = field), None);
    }
    if let Some(field) = quoted_after(message, "duplicate field `") {
        return said(msg!("shape.duplicate_key", key = field), None);
    }
    for (prefix, invalid_value) in [("invalid type: ", false), ("invalid value: ", true)] {
        let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        else {
            continue;
        };
        // A date in quotes is a string to TOML.
        let quoted_date = expected == "a TOML datetime" && found.starts_with("string ");
        let (found, expected) = (found_value(found), expected_type(expected));
        let message = if invalid_value {
            msg!("shape.invalid_value", found = found, expected = expected)
        } else {
            msg!("shape.invalid_type", found = found, expected = expected)
        };
        return said(message, quoted_date.then(|| msg!("shape.date_help")));
    }
    Said {
        message: Msg::verbatim(message),
        help: None,
        shape: false,
        key: None,
    }
}

fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.strip_suffix('`')
}

/// What serde found (its `Unexpected`): `string "x"`, ``integer `5` ``, `sequence`…
fn found_value(text: &str) -> Msg {
    let valued = |prefix: &str| text.strip_prefix(prefix).map(str::to_string);
    if let Some(value) = valued("string ") {
        msg!("shape.found_string", value = value)
    } else if let Some(value) = valued("integer ") {
        msg!("shape.found_integer", value = value)
    } else if let Some(value) = valued("floating point ") {
        msg!("shape.found_float", value = value)
    } else if let Some(value) = valued("boolean ") {
        msg!("shape.found_boolean", value = value)
    } else {
        match text {
            "sequence" => msg!("shape.found_array"),
            "map" => msg!("shape.found_table"),
            _ => Msg::verbatim(text),
        }
    }
}

/// What serde expected: `a string`, `u32`, `a sequence`, `struct Project`…
fn expected_type(text: &str) -> Msg {
    match text {
        "a string" | "a borrowed string" | "a character" => msg!("shape.type_string"),
        "a boolean" => msg!("shape.type_boolean"),
        "u8" | "u16" | "u32" | "u64" | "usize" => msg!("shape.type_whole"),
        "i8" | "i16" | "i32" | "i64" | "isize" => msg!("shape.type_integer"),
        "f32" | "f64" => msg!("shape.type_number"),
        "a sequence" => msg!("shape.type_array"),
        "a map" => msg!("shape.type_table"),
        "a TOML datetime" => msg!("shape.type_date"),
        "a string, or a table with `en` and `zh` strings" => msg!("shape.type_text"),
        "a section title, or a table with `title` and `hint`" => msg!("shape.type_section"),
        "one of `R`, `A`, `C`, `I`, `A/R`" => msg!("shape.type_letter"),
        _ if text.starts_with("struct ") => msg!("shape.type_table"),
        _ => Msg::verbatim(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Lang;
    use crate::words::Words;

    fn both(message: &str) -> (String, String) {
        let said = say(message);
        let mut en = said.message.to_string();
        let mut zh = Words::new(Lang::Zh).say(&said.message);
        if let Some(help) = &said.help {
            en += &format!(" / {help}");
            zh += &format!(" / {}", Words::new(Lang::Zh).say(help));
        }
        (en, zh)
    }

    #[test]
    fn serde_is_said_in_our_words() {
        assert_eq!(
            both("unknown field `timezon`, expected one of `name`, `timezone`"),
            (
                "unknown key `timezon` / did you mean `timezone`?".into(),
                "未知的键`timezon` / 是不是想写`timezone`？".into()
            )
        );
        assert_eq!(
            both("unknown variant `fr`, expected `en` or `zh`"),
            (
                "unknown value `fr` / use one of: `en`, `zh`".into(),
                "未知的取值`fr` / 可取的值：`en`、`zh`".into()
            )
        );
        assert_eq!(
            both("invalid type: string \"2026-11-27\", expected a TOML datetime"),
            (
                "expected a date, found the string \"2026-11-27\" / write dates without quotes, like `start = 2026-11-27`".into(),
                "应为日期，实为字符串\"2026-11-27\" / 日期不要加引号，如`start = 2026-11-27`".into()
            )
        );
        assert_eq!(
            both("invalid value: integer `-1`, expected u32").1,
            "应为非负整数，实为整数`-1`"
        );
        assert_eq!(both("missing field `name`").0, "missing key `name`");
        let syntax = say("string values must be quoted, expected literal string");
        assert!(!syntax.shape);
        assert_eq!(
            syntax.message.to_string(),
            "string values must be quoted, expected literal string"
        );
    }
}
