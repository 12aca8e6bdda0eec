//! The answers `init` needs (SPEC §3): each one taken from its flag, from the prompt, or from its
//! default, and checked by the same validation whichever way it came.

use std::fmt;
use std::path::Path;

use jiff::civil::Date;

use crate::cli::InitArgs;
use crate::diag::{Diagnostic, Invalid};
use crate::input::{manifest, values};
use crate::model::catalog::Catalog;
use crate::model::ids;
use crate::model::team;
use crate::model::team::Member;
use crate::model::text::Lang;
use crate::words::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub name: String,
    pub description: String,
    pub lang: Lang,
    pub kind: String,
    pub roles: Vec<String>,
    pub members: Vec<Member>,
    pub meetings: Vec<String>,
    pub start: Date,
    pub timezone: String,
}

/// The kind a project is when nobody says.
pub const DEFAULT_KIND: &str = "product";

/// A project kind of the catalog.
pub fn parse_kind(catalog: &Catalog, text: &str) -> Result<String, String> {
    let text = text.trim();
    match catalog.unknown_kind(text) {
        None => Ok(text.to_string()),
        Some(message) => {
            let kinds = catalog.kind_ids().collect::<Vec<_>>().join(", ");
            Err(format!("{message} (use one of: {kinds})"))
        }
    }
}

/// `id,id,...` or `all`; unknown ids are named with a suggestion. The result keeps catalog order.
pub fn parse_roles(catalog: &Catalog, text: &str) -> Result<Vec<String>, String> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(catalog.role_ids().map(String::from).collect());
    }
    let given: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if given.is_empty() {
        return Err(
            "no roles given; name at least one (`mlteam roles list` shows them) or `all`".into(),
        );
    }
    let unknown: Vec<String> = given
        .iter()
        .filter_map(|id| catalog.unknown_role(id))
        .collect();
    if !unknown.is_empty() {
        return Err(unknown.join("; "));
    }
    Ok(catalog
        .role_ids()
        .filter(|id| given.contains(id))
        .map(String::from)
        .collect())
}

/// `id,id,...`, `none`, or empty for none.
pub fn parse_meetings(catalog: &Catalog, text: &str) -> Result<Vec<String>, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let given: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let unknown: Vec<String> = given
        .iter()
        .filter(|id| catalog.meeting(id).is_none())
        .map(|id| {
            format!(
                "unknown meeting `{id}`{}",
                ids::suggestion(id, catalog.meeting_ids())
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown.join("; "));
    }
    Ok(catalog
        .meeting_ids()
        .filter(|id| given.contains(id))
        .map(String::from)
        .collect())
}

/// What is wrong with an answer: a key of the words (`templates/<lang>/ui.toml`) and the values
/// it names. The prompt says it in the session's language; a flag's error says it in English
/// (`Display`), so both are checked by the same rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(key: &'static str, args: &[(&'static str, &str)]) -> Problem {
        Problem {
            key,
            args: args.iter().map(|(k, v)| (*k, (*v).to_string())).collect(),
        }
    }

    /// The problem in the words of `words`' language.
    pub fn say(&self, words: &Words) -> String {
        // What a person typed goes in last, so a `{name}` in it is never taken for a slot.
        let mut args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        args.sort_by_key(|(k, _)| *k == "text");
        words.fill(self.key, &args)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&Words::new(Lang::En)))
    }
}

impl From<Problem> for String {
    fn from(problem: Problem) -> String {
        problem.to_string()
    }
}

/// `Name <email> @github`: the name, then optionally an email in angle brackets and a GitHub handle,
/// each checked as the manifest checks it.
pub fn parse_person(text: &str) -> Result<Member, Problem> {
    if values::name_problem("the name", text).is_some() {
        let shown = text.escape_debug().to_string();
        return Err(Problem::new("answer.not_one_line", &[("text", &shown)]));
    }
    let mut rest = text.trim().to_string();
    let mut email = None;
    if let (Some(open), Some(close)) = (rest.find('<'), rest.find('>')) {
        if open < close {
            email = Some(rest[open + 1..close].trim().to_string());
            rest.replace_range(open..=close, " ");
        }
    }
    let mut github = None;
    let mut words = Vec::new();
    for word in rest.split_whitespace() {
        match word.strip_prefix('@') {
            Some(handle) if !handle.is_empty() => github = Some(handle.to_string()),
            _ => words.push(word),
        }
    }
    let name = words.join(" ");
    let text = text.trim();
    if name.is_empty() {
        return Err(Problem::new("answer.no_name", &[("text", text)]));
    }
    if name.contains(['<', '>', '=']) {
        return Err(Problem::new("answer.bad_name", &[("text", text)]));
    }
    if let Some(email) = email.as_deref().filter(|e| !values::is_plain_email(e)) {
        return Err(Problem::new("answer.email", &[("email", email)]));
    }
    if let Some(handle) = github.as_deref().filter(|h| !values::is_github_handle(h)) {
        return Err(Problem::new("answer.github", &[("handle", handle)]));
    }
    Ok(Member {
        name,
        email,
        github,
        roles: Vec::new(),
    })
}

/// `Name <email> @github=role,role`.
pub fn parse_member(catalog: &Catalog, text: &str) -> Result<Member, String> {
    let (person, roles) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("`{text}` names no roles; write it like \"Ada Lovelace <ada@example.com>=ml-engineer,data-scientist\""))?;
    let mut member = parse_person(person)?;
    member.roles = parse_roles(catalog, roles).map_err(|e| format!("{}: {e}", member.name))?;
    Ok(member)
}

pub fn parse_date(text: &str) -> Result<Date, Problem> {
    let text = text.trim();
    let valid_shape = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(date) if valid_shape && !manifest::START_RANGE.contains(&date.year()) => {
            Err(Problem::new(
                "answer.date_range",
                &[
                    ("text", text),
                    ("from", &manifest::START_RANGE.start().to_string()),
                    ("to", &manifest::START_RANGE.end().to_string()),
                ],
            ))
        }
        Ok(date) if valid_shape => Ok(date),
        _ => Err(Problem::new("answer.date", &[("text", text)])),
    }
}

/// An IANA timezone, by the manifest's rule; a near name is suggested.
pub fn parse_timezone(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    if manifest::check_timezone(text).is_ok() {
        return Ok(text.to_string());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    Err(match ids::closest(text, names.iter().map(String::as_str)) {
        Some(near) => Problem::new("answer.timezone_near", &[("text", text), ("near", near)]),
        None => Problem::new("answer.timezone", &[("text", text)]),
    })
}

/// The project name a folder suggests.
pub fn default_name(dir: &Path) -> String {
    let absolute = dir
        .canonicalize()
        .ok()
        .or_else(|| std::env::current_dir().ok().map(|d| d.join(dir)));
    absolute
        .as_deref()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && n != "." && n != "..")
        .unwrap_or_else(|| "project".into())
}

/// The system's IANA timezone, or UTC when it has none we know.
pub fn system_timezone() -> String {
    jiff::tz::TimeZone::try_system()
        .ok()
        .and_then(|tz| tz.iana_name().map(String::from))
        .filter(|name| manifest::check_timezone(name).is_ok())
        .unwrap_or_else(|| "UTC".into())
}

/// The default team of a project of `kind`.
pub fn core_roles(catalog: &Catalog, kind: &str) -> Vec<String> {
    catalog
        .roles
        .iter()
        .filter(|r| r.core.iter().any(|k| k == kind))
        .map(|r| r.id.clone())
        .collect()
}

impl Answers {
    /// Every answer from its flag or its default; every bad flag is reported at once.
    pub fn from_flags(
        catalog: &Catalog,
        args: &InitArgs,
        lang: Option<Lang>,
        dir: &Path,
        today: Date,
    ) -> Result<Answers, Invalid> {
        let mut problems = Vec::new();
        let mut check = |flag: &str, result: Result<(), String>| {
            if let Err(message) = result {
                problems.push(Diagnostic::new(flag, message));
            }
        };
        let name = args
            .name
            .clone()
            .unwrap_or_else(|| default_name(dir))
            .trim()
            .to_string();
        check(
            "--name",
            if name.is_empty() {
                Err("the project name is empty".into())
            } else {
                values::name_problem("the project name", &name).map_or(Ok(()), Err)
            },
        );
        let description = args
            .description
            .clone()
            .unwrap_or_default()
            .trim()
            .to_string();
        check(
            "--description",
            values::name_problem("the description", &description).map_or(Ok(()), Err),
        );
        let kind = match args.kind.as_deref().map(|k| parse_kind(catalog, k)) {
            None => DEFAULT_KIND.to_string(),
            Some(Ok(kind)) => kind,
            Some(Err(e)) => {
                check("--kind", Err(e));
                DEFAULT_KIND.to_string()
            }
        };
        let roles = match args.roles.as_deref().map(|r| parse_roles(catalog, r)) {
            None => core_roles(catalog, &kind),
            Some(Ok(roles)) => roles,
            Some(Err(e)) => {
                check("--roles", Err(e));
                Vec::new()
            }
        };
        let mut members: Vec<Member> = Vec::new();
        for spec in &args.members {
            match parse_member(catalog, spec) {
                Ok(member) => {
                    if let Some(first) = members
                        .iter()
                        .find(|m| m.name.to_lowercase() == member.name.to_lowercase())
                    {
                        check(
                            "--member",
                            Err(format!(
                                "`{}` and `{}` are the same person; give each person one --member with all their roles",
                                first.name, member.name
                            )),
                        );
                    }
                    let outside: Vec<&str> = member
                        .roles
                        .iter()
                        .filter(|r| !roles.contains(r))
                        .map(String::as_str)
                        .collect();
                    if !outside.is_empty() && !roles.is_empty() {
                        check(
                            "--member",
                            Err(format!(
                                "{} holds {}, not on the team; add {} to --roles",
                                member.name,
                                outside.join(", "),
                                if outside.len() == 1 { "it" } else { "them" }
                            )),
                        );
                    }
                    members.push(member);
                }
                Err(e) => check("--member", Err(e)),
            }
        }
        let meetings = match args.meetings.as_deref().map(|m| parse_meetings(catalog, m)) {
            None => team::default_meetings(catalog, &kind, &roles),
            Some(Ok(meetings)) => meetings,
            Some(Err(e)) => {
                check("--meetings", Err(e));
                Vec::new()
            }
        };
        let start = match args.start.as_deref().map(parse_date) {
            None => today,
            Some(Ok(date)) => date,
            Some(Err(e)) => {
                check("--start", Err(e.into()));
                today
            }
        };
        let timezone = match args.timezone.as_deref().map(parse_timezone) {
            None => system_timezone(),
            Some(Ok(tz)) => tz,
            Some(Err(e)) => {
                check("--timezone", Err(e.into()));
                String::new()
            }
        };
        if !problems.is_empty() {
            return Err(Invalid(problems));
        }
        Ok(Answers {
            name,
            description,
            lang: lang.unwrap_or_default(),
            kind,
            roles,
            members,
            meetings,
            start,
            timezone,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    #[test]
    fn roles_keep_catalog_order_and_suggest_fixes() {
        let c = catalog();
        assert_eq!(
            parse_roles(&c, "ml-engineer, product-manager").unwrap(),
            ["product-manager", "ml-engineer"]
        );
        assert_eq!(parse_roles(&c, "all").unwrap().len(), 14);
        assert_eq!(
            parse_roles(&c, "ml-enginer").unwrap_err(),
            "unknown role `ml-enginer`; did you mean `ml-engineer`?"
        );
        assert!(parse_roles(&c, " , ").is_err());
    }

    #[test]
    fn members_are_read_from_one_line() {
        let c = catalog();
        let m = parse_member(
            &c,
            "Ada Lovelace <ada@example.com> @ada=ml-engineer,data-scientist",
        )
        .unwrap();
        assert_eq!(m.name, "Ada Lovelace");
        assert_eq!(m.email.as_deref(), Some("ada@example.com"));
        assert_eq!(m.github.as_deref(), Some("ada"));
        assert_eq!(m.roles, ["data-scientist", "ml-engineer"]);
        let m = parse_member(&c, "李雷=project-manager").unwrap();
        assert_eq!((m.name.as_str(), m.email, m.github), ("李雷", None, None));
        assert!(
            parse_member(&c, "Ada")
                .unwrap_err()
                .contains("names no roles")
        );
        assert!(
            parse_member(&c, "<a@b.c>=ml-engineer")
                .unwrap_err()
                .contains("has no name")
        );
    }

    #[test]
    fn problems_are_said_in_english_for_flags_and_in_the_session_language_at_the_prompt() {
        let zh = Words::new(Lang::Zh);
        let date = parse_date("2026/12/01").unwrap_err();
        assert_eq!(
            date.to_string(),
            "`2026/12/01` is not a date like 2026-11-27 (YYYY-MM-DD)"
        );
        assert_eq!(
            date.say(&zh),
            "“2026/12/01”不是有效的日期，请按YYYY-MM-DD格式填写，如2026-11-27"
        );
        let zone = parse_timezone("Europe/Berln").unwrap_err();
        assert_eq!(
            zone.to_string(),
            "unknown timezone `Europe/Berln`; did you mean `Europe/Berlin`?"
        );
        assert_eq!(
            zone.say(&zh),
            "无法识别时区“Europe/Berln”，是不是想填“Europe/Berlin”？"
        );
    }

    #[test]
    fn a_person_is_checked_as_the_manifest_checks_members() {
        assert!(parse_person("Ada Lovelace <ada@example.com> @ada-l").is_ok());
        assert_eq!(
            parse_person("Ada <ada-at-example>")
                .unwrap_err()
                .to_string(),
            "`ada-at-example` is not a plain email address (like ada@example.com)"
        );
        assert_eq!(
            parse_person("Ada @-ada").unwrap_err().to_string(),
            "`@-ada` is not a GitHub user name (letters, digits and single hyphens, at most 39)"
        );
    }

    #[test]
    fn dates_must_be_iso() {
        assert_eq!(
            parse_date("2026-02-28").unwrap(),
            jiff::civil::date(2026, 2, 28)
        );
        for bad in [
            "2026-02-30",
            "26-02-28",
            "2026/02/28",
            "tomorrow",
            "2026-2-28",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
