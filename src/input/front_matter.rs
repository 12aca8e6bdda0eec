//! A stub's YAML front matter (SPEC §8): read from its text with each value at its line (what
//! cannot be read is reported, never guessed), and the few values mlteam keeps true edited in
//! place, every other byte left as it was.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;
use serde_yaml_ng::Value;

use crate::model::progress::{FrontMatter, Status, Stub, Unreadable};
use crate::model::shape;
use crate::msg;
use crate::words::Msg;
use crate::write::region;

/// The generated region right under the front matter; its begin marker records what mlteam
/// assigned (`owner=…`, `contributors=…`).
pub const HEADER: &str = "header";

/// Front matter beyond this size is not read: a stub's is a dozen short lines, and a YAML parser
/// fed megabytes of nested brackets can run for minutes.
pub const MAX_BYTES: usize = 64 * 1024;
/// Deeper nesting than this is not read either, for the same reason.
const MAX_DEPTH: usize = 32;

/// What a stub's text (`None`: no file) says about where its deliverable stands.
pub fn stub(text: Option<&str>) -> Stub {
    match text {
        None => Stub::Missing,
        Some(text) => match read(text) {
            Ok(mut fm) => {
                fm.assigned = assigned(text);
                Stub::Read(fm)
            }
            Err(problem) => Stub::Unreadable(problem),
        },
    }
}

/// The values recorded on the header region's begin marker.
fn assigned(text: &str) -> BTreeMap<String, String> {
    region::parse(text)
        .ok()
        .and_then(|regions| regions.into_iter().find(|r| r.name == HEADER))
        .map(|r| r.attrs.into_iter().collect())
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct Raw {
    deliverable: Option<String>,
    owner: Option<String>,
    contributors: Option<Value>,
    phase: Option<String>,
    status: Option<Value>,
    due: Option<Value>,
    approved_by: Option<Value>,
    approved_on: Option<Value>,
}

/// The YAML between the opening `---` line and the closing one, and the byte offset where it
/// starts in `text`.
fn yaml_of(text: &str) -> Result<(usize, &str), Unreadable> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let open = if rest.starts_with("---\n") {
        4
    } else if rest.starts_with("---\r\n") {
        5
    } else {
        return Err(Unreadable {
            line: 1,
            message: msg!("front_matter.none"),
        });
    };
    let body = &rest[open..];
    let end = body
        .match_indices("\n---")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            body[i + 3..].starts_with('\n')
                || body[i + 3..].starts_with("\r\n")
                || body.len() == i + 3
        })
        .or_else(|| body.starts_with("---").then_some(0))
        .ok_or_else(|| Unreadable {
            line: 1,
            message: msg!("front_matter.not_closed"),
        })?;
    Ok((start + open, &body[..end]))
}

pub fn read(text: &str) -> Result<FrontMatter, Unreadable> {
    let (_, yaml) = yaml_of(text)?;
    if yaml.len() > MAX_BYTES {
        return Err(Unreadable {
            line: 1,
            message: msg!("front_matter.too_large", size = MAX_BYTES / 1024),
        });
    }
    let file_line = |yaml_line: usize| yaml_line + 1;
    if let Some(line) = too_deep(yaml) {
        return Err(Unreadable {
            line: file_line(line + 1),
            message: msg!("front_matter.too_deep", depth = MAX_DEPTH),
        });
    }
    let raw: Raw = if yaml.trim().is_empty() {
        Raw {
            deliverable: None,
            owner: None,
            contributors: None,
            phase: None,
            status: None,
            due: None,
            approved_by: None,
            approved_on: None,
        }
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| Unreadable {
            line: e.location().map_or(1, |l| file_line(l.line())),
            message: msg!(
                "front_matter.not_yaml",
                detail = yaml_detail(&e.to_string())
            ),
        })?
    };
    // Top-level keys and their lines in the file (the `---` line is line 1).
    let lines: BTreeMap<String, usize> = yaml
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let key = l.split_once(':')?.0;
            let plain = !key.is_empty() && !key.starts_with([' ', '\t', '#', '-']);
            plain.then(|| (key.trim().to_string(), file_line(i + 1)))
        })
        .collect();
    let line_with = |key: &str| lines.get(key).copied().unwrap_or(1);
    let status = match raw.status {
        None | Some(Value::Null) => {
            return Err(Unreadable {
                line: 1,
                message: msg!("front_matter.no_status"),
            });
        }
        Some(Value::String(s)) => Status::WRITTEN
            .into_iter()
            .find(|st| st.as_str() == s.trim()),
        Some(_) => None,
    }
    .ok_or_else(|| Unreadable {
        line: line_with("status"),
        message: msg!("front_matter.bad_status"),
    })?;
    let date = |key: &str, value: Option<Value>| -> Result<Option<Date>, Unreadable> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => s.trim().parse::<Date>().map(Some).map_err(|_| Unreadable {
                line: line_with(key),
                message: msg!("front_matter.not_a_date", key = key, value = &s),
            }),
            Some(_) => Err(Unreadable {
                line: line_with(key),
                message: msg!("front_matter.must_be_date", key = key),
            }),
        }
    };
    let due = date("due", raw.due)?;
    let approved_on = date("approved_on", raw.approved_on)?;
    let approved_by = match raw.approved_by {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            return Err(Unreadable {
                line: line_with("approved_by"),
                message: msg!("front_matter.approved_by"),
            });
        }
    };
    let contributors = match raw.contributors {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        ),
        Some(Value::Sequence(items)) => Some(
            items
                .iter()
                .map(|v| v.as_str().map(|s| s.trim().to_string()))
                .collect::<Option<Vec<String>>>()
                .ok_or_else(|| Unreadable {
                    line: line_with("contributors"),
                    message: msg!("front_matter.contributors"),
                })?,
        ),
        Some(_) => {
            return Err(Unreadable {
                line: line_with("contributors"),
                message: msg!("front_matter.contributors"),
            });
        }
    };
    Ok(FrontMatter {
        deliverable: raw.deliverable,
        owner: raw.owner,
        contributors,
        phase: raw.phase,
        status,
        due,
        approved_by,
        approved_on,
        assigned: BTreeMap::new(),
        lines,
    })
}

/// The 0-based line of the YAML where brackets nest deeper than `MAX_DEPTH`, if they do.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (line, text) in yaml.lines().enumerate() {
        for c in text.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(line);
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                (None, '#') => break,
                _ => {}
            }
        }
    }
    None
}

/// `text` with the top-level `key` of its front matter set to `value` (written as given), the
/// line's ending kept; the key is added before the closing `---` when it is missing. `None` when
/// the text has no front matter to edit.
pub fn set(text: &str, key: &str, value: &str) -> Option<String> {
    let (start, yaml) = yaml_of(text).ok()?;
    let mut out = String::with_capacity(text.len() + value.len());
    out.push_str(&text[..start]);
    let mut found = false;
    for line in yaml.split_inclusive('\n') {
        let is_key = line.split_once(':').is_some_and(|(k, _)| k == key);
        if is_key && !found {
            found = true;
            let ending = if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            let value = if value.is_empty() {
                String::new()
            } else {
                format!(" {value}")
            };
            out.push_str(&format!("{key}:{value}{ending}"));
        } else {
            out.push_str(line);
        }
    }
    if !found {
        let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
        out.push_str(&format!("{key}: {value}{ending}"));
    }
    out.push_str(&text[start + yaml.len()..]);
    Some(out)
}

/// The existing stub `old` with the values mlteam keeps true (`owner`, `contributors`) brought in
/// line with the freshly rendered `fresh`, where they are still what mlteam assigned; `None` when
/// nothing changes. A value a person set is theirs and stays.
pub fn keep_true(old: &str, fresh: &str) -> Option<String> {
    let (Stub::Read(was), Stub::Read(now)) = (stub(Some(old)), stub(Some(fresh))) else {
        return None;
    };
    let mut text = old.to_string();
    if was.owner_by_hand().is_none() && was.owner != now.owner {
        text = set(&text, "owner", now.owner.as_deref().unwrap_or_default())?;
    }
    if was.contributors_by_hand().is_none() && was.contributors != now.contributors {
        text = set(
            &text,
            "contributors",
            &list(&now.contributors.unwrap_or_default()),
        )?;
    }
    (text != old).then_some(text)
}

/// A list of role ids as mlteam writes it in front matter: `[a, b]`.
pub fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn first_sentence(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// What the YAML parser says, without its position (the line is given apart): a value of the
/// wrong shape (`owner: invalid type: …`) in our words, a syntax error in the parser's.
fn yaml_detail(message: &str) -> Msg {
    let message = first_sentence(message);
    let said = shape::say(message);
    if said.shape {
        return said.message;
    }
    if let Some((key, rest)) = message.split_once(": ") {
        let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let said = shape::say(rest);
        if plain && said.shape {
            return msg!("diag.about", what = key, message = said.message);
        }
    }
    Msg::verbatim(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_and_due() {
        let fm =
            read("---\ndeliverable: prd\nstatus: review\ndue: 2026-12-31\n---\n# PRD\n").unwrap();
        assert_eq!(fm.status, Status::Review);
        assert_eq!(fm.due, Some(jiff::civil::date(2026, 12, 31)));
        assert_eq!(fm.deliverable.as_deref(), Some("prd"));
        let fm = read("---\nstatus: \"done\"\ndue:\n---\n").unwrap();
        assert_eq!((fm.status, fm.due), (Status::Done, None));
    }

    #[test]
    fn reads_sign_off_and_what_mlteam_assigned() {
        let text = "---\nowner: ml-engineer\ncontributors: [data-scientist]\nstatus: done\napproved_by: Bo\napproved_on: 2026-12-02\n---\n\n<!-- mlteam:begin header digest=0 owner=data-scientist contributors=ml-engineer -->\n<!-- mlteam:end header -->\n";
        let Stub::Read(fm) = stub(Some(text)) else {
            panic!("readable")
        };
        assert_eq!(fm.approved_by.as_deref(), Some("Bo"));
        assert_eq!(fm.approved_on, Some(jiff::civil::date(2026, 12, 2)));
        assert_eq!(fm.owner_by_hand(), Some("ml-engineer"));
        assert_eq!(
            fm.contributors_by_hand(),
            Some(&["data-scientist".to_string()][..])
        );
        let auto = text
            .replace("owner: ml-engineer", "owner: data-scientist")
            .replace("[data-scientist]", "[ml-engineer]");
        let Stub::Read(fm) = stub(Some(&auto)) else {
            panic!("readable")
        };
        assert_eq!(
            (fm.owner_by_hand(), fm.contributors_by_hand()),
            (None, None)
        );
        let e = read(&text.replace("2026-12-02", "2 Dec")).unwrap_err();
        assert_eq!(
            (e.line, e.message.to_string().as_str()),
            (6, "`approved_on` is `2 Dec`, not a date like 2026-12-31")
        );
    }

    #[test]
    fn deep_or_huge_front_matter_is_refused_at_once() {
        let deep = format!("---\nstatus: todo\nx: {}\n---\n", "[".repeat(1_000));
        let e = read(&deep).unwrap_err();
        assert_eq!(
            (e.line, e.message.to_string().as_str()),
            (3, "the front matter nests more than 32 levels deep")
        );
        let huge = format!("---\nstatus: todo\nx: \"{}\"\n---\n", "a".repeat(70_000));
        assert!(
            read(&huge)
                .unwrap_err()
                .message
                .to_string()
                .contains("larger than 64 KiB")
        );
        let quoted = "---\nstatus: todo\nx: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n---\n";
        assert!(read(quoted).is_ok());
    }

    #[test]
    fn one_value_is_set_and_every_other_byte_kept() {
        let text = "---\r\ntitle: \"PRD\"\r\nowner: product-manager # ours\r\nstatus: todo\r\n---\r\nbody\r\n";
        assert_eq!(
            set(text, "owner", "ai-product-manager").unwrap(),
            text.replace("owner: product-manager # ours", "owner: ai-product-manager")
        );
        assert_eq!(
            set(text, "contributors", "[a, b]").unwrap(),
            text.replace(
                "status: todo\r\n",
                "status: todo\r\ncontributors: [a, b]\r\n"
            )
        );
        assert_eq!(set("no front matter", "owner", "x"), None);
    }

    #[test]
    fn reports_what_it_cannot_read_with_a_line() {
        let bad = |text: &str| read(text).unwrap_err();
        assert_eq!(bad("# no front matter\n").line, 1);
        assert!(
            bad("---\nstatus: todo\n")
                .message
                .to_string()
                .contains("closing")
        );
        let e = bad("---\ntitle: x\nstatus: finished\n---\n");
        assert_eq!(
            (e.line, e.message.to_string().as_str()),
            (3, "`status` must be one of todo, draft, review, done")
        );
        let e = bad("---\nstatus: todo\ndue: soon\n---\n");
        assert_eq!(e.line, 3);
        let e = bad("---\nstatus: todo\n  owner: [x\n---\n");
        assert!(
            e.message
                .to_string()
                .starts_with("the front matter is not valid YAML"),
            "{e:?}"
        );
        assert!(
            bad("---\ntitle: x\n---\n")
                .message
                .to_string()
                .contains("no `status`")
        );
    }
}
