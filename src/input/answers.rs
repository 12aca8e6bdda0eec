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
use crate::msg;
use crate::words::Lang;
use crate::words::Msg;

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
pub fn parse_kind(catalog: &Catalog, text: &str) -> Result<String, Msg> {
    let text = text.trim();
    match catalog.unknown_kind(text) {
        None => Ok(text.to_string()),
        Some(message) => {
            let choices = msg!("shape.one_of", ids = ids::coded(catalog.kind_ids()));
            Err(msg!("answer.kind", message = message, choices = choices))
        }
    }
}

/// `id,id,...` or `all`; unknown ids are named with a suggestion. The result keeps catalog order.
pub fn parse_roles(catalog: &Catalog, text: &str) -> Result<Vec<String>, Msg> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(catalog.role_ids().map(String::from).collect());
    }
    let given: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if given.is_empty() {
        return Err(msg!("answer.no_roles"));
    }
    let unknown: Vec<Msg> = given
        .iter()
        .filter_map(|id| catalog.unknown_role(id))
        .collect();
    if !unknown.is_empty() {
        return Err(Msg::all(unknown));
    }
    Ok(catalog
        .role_ids()
        .filter(|id| given.contains(id))
        .map(String::from)
        .collect())
}

/// `id,id,...`, `none`, or empty for none.
pub fn parse_meetings(catalog: &Catalog, text: &str) -> Result<Vec<String>, Msg> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let given: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let unknown: Vec<Msg> = given
        .iter()
        .filter_map(|id| catalog.unknown_meeting(id))
        .collect();
    if !unknown.is_empty() {
        return Err(Msg::all(unknown));
    }
    Ok(catalog
        .meeting_ids()
        .filter(|id| given.contains(id))
        .map(String::from)
        .collect())
}

/// `Name <email> @github`: the name, then optionally an email in angle brackets and a GitHub handle,
/// each checked as the manifest checks it.
pub fn parse_person(text: &str) -> Result<Member, Msg> {
    if values::name_problem(values::Name::Person, text).is_some() {
        let shown = text.escape_debug().to_string();
        return Err(msg!("answer.not_one_line", text = shown));
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
        return Err(msg!("answer.no_name", text = text));
    }
    if name.contains(['<', '>', '=']) {
        return Err(msg!("answer.bad_name", text = text));
    }
    if let Some(email) = email.as_deref().filter(|e| !values::is_plain_email(e)) {
        return Err(msg!("answer.email", email = email));
    }
    if let Some(handle) = github.as_deref().filter(|h| !values::is_github_handle(h)) {
        return Err(msg!("answer.github", handle = handle));
    }
    Ok(Member {
        name,
        email,
        github,
        roles: Vec::new(),
    })
}

/// `Name <email> @github=role,role`.
pub fn parse_member(catalog: &Catalog, text: &str) -> Result<Member, Msg> {
    let (person, roles) = text
        .rsplit_once('=')
        .ok_or_else(|| msg!("answer.no_roles_named", text = text))?;
    let mut member = parse_person(person)?;
    member.roles = parse_roles(catalog, roles)
        .map_err(|e| msg!("answer.member", name = &member.name, message = e))?;
    Ok(member)
}

pub fn parse_date(text: &str) -> Result<Date, Msg> {
    let text = text.trim();
    let valid_shape = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(date) if valid_shape && !manifest::START_RANGE.contains(&date.year()) => Err(msg!(
            "answer.date_range",
            text = text,
            from = *manifest::START_RANGE.start(),
            to = *manifest::START_RANGE.end(),
        )),
        Ok(date) if valid_shape => Ok(date),
        _ => Err(msg!("answer.date", text = text)),
    }
}

/// An IANA timezone, by the manifest's rule; a near name is suggested.
pub fn parse_timezone(text: &str) -> Result<String, Msg> {
    let text = text.trim();
    if manifest::check_timezone(text).is_ok() {
        return Ok(text.to_string());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    Err(match ids::closest(text, names.iter().map(String::as_str)) {
        Some(near) => msg!("answer.timezone_near", text = text, near = near),
        None => msg!("answer.timezone", text = text),
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
        let mut check = |flag: &str, result: Result<(), Msg>| {
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
                Err(msg!("manifest.empty_name"))
            } else {
                values::name_problem(values::Name::Project, &name).map_or(Ok(()), Err)
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
            values::name_problem(values::Name::Description, &description).map_or(Ok(()), Err),
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
                            Err(msg!(
                                "answer.same_person",
                                first = &first.name,
                                second = &member.name
                            )),
                        );
                    }
                    let outside: Vec<String> = member
                        .roles
                        .iter()
                        .filter(|r| !roles.contains(r))
                        .cloned()
                        .collect();
                    if !outside.is_empty() && !roles.is_empty() {
                        let count = outside.len();
                        check(
                            "--member",
                            Err(msg!(
                                "answer.outside",
                                name = &member.name,
                                roles = outside,
                                count = count
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
            parse_roles(&c, "ml-enginer").unwrap_err().to_string(),
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
                .to_string()
                .contains("names no roles")
        );
        assert!(
            parse_member(&c, "<a@b.c>=ml-engineer")
                .unwrap_err()
                .to_string()
                .contains("has no name")
        );
    }

    #[test]
    fn problems_are_said_in_either_language() {
        let zh = crate::words::Words::new(Lang::Zh);
        let date = parse_date("2026/12/01").unwrap_err();
        assert_eq!(
            date.to_string(),
            "`2026/12/01` is not a date like 2026-11-27 (YYYY-MM-DD)"
        );
        assert_eq!(
            zh.say(&date),
            "“2026/12/01”不是有效的日期，请按YYYY-MM-DD格式填写，如2026-11-27"
        );
        let zone = parse_timezone("Europe/Berln").unwrap_err();
        assert_eq!(
            zone.to_string(),
            "unknown timezone `Europe/Berln`; did you mean `Europe/Berlin`?"
        );
        assert_eq!(
            zh.say(&zone),
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
