//! The answers `init` needs (SPEC §3): each one taken from its flag, from the prompt, or from its
//! default, and checked by the same validation whichever way it came.

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

/// `Name <email> @github`: the name, then optionally an email in angle brackets and a GitHub handle.
pub fn parse_person(text: &str) -> Result<Member, String> {
    if let Some(problem) = values::name_problem("the name", text) {
        return Err(format!("{}: {problem}", values::shown(text)));
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
    if name.is_empty() {
        return Err(format!(
            "`{text}` has no name; write it like \"Ada Lovelace <ada@example.com> @ada\""
        ));
    }
    if name.contains(['<', '>', '=']) {
        return Err(format!(
            "cannot read the name in `{text}`; write it like \"Ada Lovelace <ada@example.com> @ada\""
        ));
    }
    if let Some(email) = email.as_deref().filter(|e| !values::is_plain_email(e)) {
        return Err(format!(
            "{} is not a plain email address (like ada@example.com)",
            values::shown(email)
        ));
    }
    if let Some(handle) = github.as_deref().filter(|h| !values::is_github_handle(h)) {
        return Err(format!(
            "{} is not a GitHub user name (letters, digits and inner hyphens, like @ada-l)",
            values::shown(&format!("@{handle}"))
        ));
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

pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let valid_shape = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(date) if valid_shape && !manifest::START_RANGE.contains(&date.year()) => Err(format!(
            "`{text}` is outside the years {} to {}",
            manifest::START_RANGE.start(),
            manifest::START_RANGE.end()
        )),
        Ok(date) if valid_shape => Ok(date),
        _ => Err(format!(
            "`{text}` is not a date like 2026-11-27 (YYYY-MM-DD)"
        )),
    }
}

pub fn parse_timezone(text: &str) -> Result<String, String> {
    let text = text.trim();
    manifest::check_timezone(text).map(|()| text.to_string())
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
                check("--start", Err(e));
                today
            }
        };
        let timezone = match args.timezone.as_deref().map(parse_timezone) {
            None => system_timezone(),
            Some(Ok(tz)) => tz,
            Some(Err(e)) => {
                check("--timezone", Err(e));
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
