//! What no value of a team may hold, whatever format it lands in: names on one line without
//! control characters, role codes short and alphanumeric, plain e-mail addresses, GitHub handles,
//! ids a Windows checkout can hold as file names. Flags, the prompt and `mlteam.toml` are checked
//! by these same rules, each problem said at its flag or its line. Everything else a value may
//! hold (Markdown punctuation, HTML, marker-like text) is escaped where it is written.

use toml::Value;

use super::manifest::{Manifest, Seg, Source};
use crate::diag::Diagnostic;
use crate::escape::is_line_break;
use crate::msg;
use crate::words::Msg;

/// Names Windows keeps for devices: a file called so (whatever its extension) cannot be checked
/// out there, and ids become file names.
const WINDOWS_DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];

/// Which name a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    Project,
    Description,
    Person,
    /// A custom entry's `name`.
    Entry,
    /// A custom deliverable's `title`.
    Title,
}

impl Name {
    fn said(self) -> Msg {
        match self {
            Name::Project => msg!("values.project_name"),
            Name::Description => msg!("values.description"),
            Name::Person => msg!("values.person"),
            Name::Entry => msg!("values.entry_name"),
            Name::Title => msg!("values.title"),
        }
    }
}

/// What is wrong with `text` as a name (of a project, a person, a role…): `what` says which.
pub fn name_problem(what: Name, text: &str) -> Option<Msg> {
    if text.chars().any(is_line_break) {
        Some(msg!("values.line_break", what = what.said()))
    } else {
        text.chars().find(|c| c.is_control()).map(|c| {
            let code = format!("U+{:04X}", u32::from(c));
            msg!("values.control", what = what.said(), code = code)
        })
    }
}

/// A role code: 1 to 8 ASCII letters and digits, as matrix columns show it.
pub fn code_problem(code: &str) -> Option<Msg> {
    let ok = (1..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    (!ok).then(|| msg!("values.code", code = shown(code)))
}

/// An id Windows cannot check out as a file name (`con`, `aux`, `com1`, … in any case).
pub fn is_windows_device(id: &str) -> bool {
    let id = id.to_ascii_lowercase();
    WINDOWS_DEVICES.contains(&id.as_str())
        || ["com", "lpt"].iter().any(|prefix| {
            id.strip_prefix(prefix)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        })
}

/// A plain address, `local@example.com`: what Markdown links as it stands and a calendar puts
/// after `mailto:`. Letters, digits and `.` `_` `%` `+` `'` `-` before the `@`; a domain of at
/// least two labels of letters, digits and inner hyphens after it.
pub fn is_plain_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+'-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    local_ok && domain_ok
}

/// A GitHub user name: letters, digits and single inner hyphens, at most 39.
pub fn is_github_handle(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 39
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A value as a message shows it: in backticks, with control characters and line breaks
/// written as escapes so that they cannot move the terminal's cursor.
pub fn shown(text: &str) -> String {
    if text.chars().any(|c| c.is_control() || is_line_break(c)) {
        format!("`{}`", text.escape_debug())
    } else {
        format!("`{text}`")
    }
}

/// The problems of [`name_problem`], [`code_problem`] and [`is_windows_device`] in a manifest,
/// each at the line of the value (the `en` or `zh` of a text given in both languages).
pub fn check(manifest: &Manifest, source: &Source) -> Vec<Diagnostic> {
    use Seg::{Index, Key};
    let mut out = Vec::new();
    let mut say = |path: &[Seg], message: Msg| out.push(source.diagnostic(path, message));
    if let Some(problem) = name_problem(Name::Project, &manifest.project.name) {
        say(&[Key("project"), Key("name")], problem);
    }
    if let Some(problem) = name_problem(Name::Description, &manifest.project.description) {
        say(&[Key("project"), Key("description")], problem);
    }
    for (i, member) in manifest.members.iter().enumerate() {
        if let Some(problem) = name_problem(Name::Person, &member.name) {
            say(&[Key("member"), Index(i), Key("name")], problem);
        }
    }
    let custom = &manifest.custom;
    let sections = [
        ("role", "name", &custom.role),
        ("activity", "name", &custom.activity),
        ("deliverable", "title", &custom.deliverable),
        ("meeting", "name", &custom.meeting),
    ];
    let custom = |section: &str, message: Msg| {
        let what = format!("[[custom.{section}]]");
        msg!("diag.about", what = what, message = message)
    };
    for (section, name_key, tables) in sections {
        for (i, table) in tables.iter().enumerate() {
            let at = |key| [Key("custom"), Key(section), Index(i), Key(key)];
            if let Some(id) = table.get("id").and_then(Value::as_str) {
                if is_windows_device(id) {
                    say(
                        &at("id"),
                        custom(section, msg!("values.windows_device", id = id)),
                    );
                }
            }
            let names: Vec<(Option<&str>, &str)> = match table.get(name_key) {
                Some(Value::String(s)) => vec![(None, s.as_str())],
                Some(Value::Table(languages)) => languages
                    .iter()
                    .filter_map(|(lang, v)| v.as_str().map(|s| (Some(lang.as_str()), s)))
                    .collect(),
                _ => Vec::new(),
            };
            for (lang, name) in names {
                let what = if name_key == "title" {
                    Name::Title
                } else {
                    Name::Entry
                };
                if let Some(problem) = name_problem(what, name) {
                    let path = at(name_key);
                    let message = custom(section, problem);
                    match lang {
                        Some(lang) => {
                            say(&[path[0], path[1], path[2], path[3], Key(lang)], message)
                        }
                        None => say(&path, message),
                    }
                }
            }
            if section == "role" {
                if let Some(code) = table.get("code") {
                    let problem = match code.as_str() {
                        Some(code) => code_problem(code),
                        None => Some(msg!("values.code_not_string")),
                    };
                    if let Some(problem) = problem {
                        say(&at("code"), custom("role", problem));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_line_of_plain_text() {
        let said = |text: &str| name_problem(Name::Person, text).map(|m| m.to_string());
        assert_eq!(said("Ada Lovelace"), None);
        assert_eq!(said("李雷 <!-- mlteam:begin x -->"), None);
        for bad in ["x\n[[member]]", "a\rb", "a\u{2028}b", "a\u{85}b"] {
            assert_eq!(
                said(bad).as_deref(),
                Some("the name holds a line break; it must be one line"),
                "{bad:?}"
            );
        }
        assert_eq!(
            said("bell\u{7}").as_deref(),
            Some("the name holds the control character U+0007; it must be plain text")
        );
    }

    #[test]
    fn codes_are_short_and_alphanumeric() {
        for ok in ["PM", "MLE", "DevOps", "AIPM", "X1"] {
            assert_eq!(code_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "<img src=x onerror=alert(1)>",
            "A|B",
            "TOOLONGCODE",
            "数据",
        ] {
            assert!(code_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn windows_device_names() {
        for bad in [
            "con", "PRN", "Aux", "nul", "com1", "COM9", "lpt1", "lpt9", "com0",
        ] {
            assert!(is_windows_device(bad), "{bad}");
        }
        for ok in [
            "console",
            "con-1",
            "com10",
            "lpt",
            "auxiliary",
            "ml-engineer",
        ] {
            assert!(!is_windows_device(ok), "{ok}");
        }
    }

    #[test]
    fn plain_email_addresses() {
        for ok in [
            "ada@example.com",
            "a.b+tag@mail.example.org",
            "o'brien@x-y.io",
        ] {
            assert!(is_plain_email(ok), "{ok}");
        }
        for bad in [
            "ada",
            "ada@localhost",
            "a@b@c.d",
            "a b@c.d",
            "x\ny@z.com",
            "a|b@c.d",
            "<a@b.c>",
            "a@-b.c",
            "a@b..c",
            ".a@b.c",
            "a@b.c\u{0}",
            "a`b@c.d",
        ] {
            assert!(!is_plain_email(bad), "{bad:?}");
        }
    }

    #[test]
    fn values_in_messages_cannot_move_the_cursor() {
        assert_eq!(shown("ada"), "`ada`");
        assert_eq!(shown("a\u{1b}[2Jb\n"), "`a\\u{1b}[2Jb\\n`");
    }
}
