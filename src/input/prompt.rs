//! The interactive questions of `init` (SPEC §3). Each is skipped when its flag answers it, and
//! each answer goes through the same validation as the flag.

mod line;
mod menu;
mod screen;
mod summary;
mod wrap;

use std::path::Path;

use anyhow::Result;
use dialoguer::console::{Alignment, measure_text_width, pad_str};
use jiff::civil::Date;

use self::screen::Screen;
use crate::cli::InitArgs;
use crate::diag::Interrupted;
use crate::input::answers::{self, Answers};
use crate::input::values;
use crate::model::catalog::Catalog;
use crate::model::recurrence::Rule;
use crate::model::team;
use crate::model::team::Member;
use crate::words::Lang;
use crate::words::{self, Words};

/// What `init` would do with the files of a project: how many it would write, and how many
/// already there it would leave as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Files {
    pub write: usize,
    pub keep: usize,
}

/// Asks what the flags leave open; `Interrupted` on Ctrl-C or "no" at the confirmation. `files`
/// says what init would write for a set of answers, for the summary before the confirmation.
pub fn ask(
    catalog: &Catalog,
    args: &InitArgs,
    lang_flag: Option<Lang>,
    dir: &Path,
    today: Date,
    files: &dyn Fn(&Answers) -> Result<Files>,
) -> Result<Answers> {
    let mut screen = Screen::new(lang_flag.unwrap_or_else(words::guess_lang));
    // Flags are checked first, so a typo in one is reported before any question is asked.
    let flags = Answers::from_flags(catalog, args, lang_flag, dir, today)?;

    let name = match &args.name {
        Some(_) => flags.name.clone(),
        None => {
            let empty = screen.words.get("name.empty");
            let screen_words_not_one_line = screen.words.get("name.not_one_line");
            screen.text(
                screen.words.get("name.prompt"),
                Some(&flags.name),
                |s| match s.trim() {
                    "" => Err(empty.to_string()),
                    name if values::name_problem(values::Name::Project, name).is_some() => {
                        Err(screen_words_not_one_line.to_string())
                    }
                    name => Ok(name.to_string()),
                },
            )?
        }
    };
    let description = match &args.description {
        Some(_) => flags.description.clone(),
        None => {
            let not_one_line = screen.words.get("description.not_one_line");
            screen.text(screen.words.get("description.prompt"), None, |s| {
                match values::name_problem(values::Name::Description, s) {
                    Some(_) => Err(not_one_line.to_string()),
                    None => Ok(s.trim().to_string()),
                }
            })?
        }
    };
    let lang = match lang_flag {
        Some(lang) => lang,
        None => {
            let items: Vec<String> = Lang::ALL
                .iter()
                .map(|l| format!("{} ({l})", l.native_name()))
                .collect();
            let shown: Vec<&str> = items.iter().map(String::as_str).collect();
            let default = Lang::ALL
                .iter()
                .position(|l| *l == words::guess_lang())
                .unwrap_or(0);
            let prompt = screen.words.get("lang.prompt");
            Lang::ALL[screen.choose(prompt, &items, default, &shown)?]
        }
    };
    screen.words = Words::new(lang);
    // What is said from here on, a stop or a "no" included, is said in the answer's language.
    words::set_run(lang);

    let kind = match &args.kind {
        Some(_) => flags.kind.clone(),
        None => {
            let items: Vec<String> = catalog
                .kinds
                .iter()
                .map(|k| format!("{} — {}", k.name.get(lang), k.summary.get(lang)))
                .collect();
            let names: Vec<&str> = catalog.kinds.iter().map(|k| k.name.get(lang)).collect();
            let default = catalog
                .kinds
                .iter()
                .position(|k| k.id == answers::DEFAULT_KIND)
                .unwrap_or(0);
            let prompt = screen.words.get("kind.prompt");
            let choice = screen.choose(prompt, &items, default, &names)?;
            catalog.kinds[choice].id.clone()
        }
    };
    let roles = match &args.roles {
        Some(_) => flags.roles.clone(),
        None => ask_roles(catalog, &screen, lang, &kind)?,
    };
    let members = if args.members.is_empty() {
        ask_members(catalog, &screen, lang, &roles)?
    } else {
        flags.members.clone()
    };
    let meetings = match &args.meetings {
        Some(_) => flags.meetings.clone(),
        None => {
            let preselected = team::default_meetings(catalog, &kind, &roles);
            let items: Vec<String> = catalog
                .meetings
                .iter()
                .map(|m| {
                    let cadence = Rule::parse(&m.rrule)
                        .map(|r| r.describe(lang))
                        .unwrap_or_default();
                    format!("{} — {cadence}", m.name.get(lang))
                })
                .collect();
            let defaults: Vec<bool> = catalog
                .meetings
                .iter()
                .map(|m| preselected.contains(&m.id))
                .collect();
            let names: Vec<&str> = catalog.meetings.iter().map(|m| m.name.get(lang)).collect();
            let prompt = screen.words.get("meetings.prompt");
            screen
                .pick(prompt, &items, &names, &defaults, None)?
                .into_iter()
                .map(|i| catalog.meetings[i].id.clone())
                .collect()
        }
    };
    let start = match &args.start {
        Some(_) => flags.start,
        None => screen.text(
            screen.words.get("start.prompt"),
            Some(&flags.start.to_string()),
            |s| answers::parse_date(s).map_err(|p| screen.words.say(&p)),
        )?,
    };
    let timezone = match &args.timezone {
        Some(_) => flags.timezone.clone(),
        None => screen.text(
            screen.words.get("timezone.prompt"),
            Some(&flags.timezone),
            |s| answers::parse_timezone(s).map_err(|p| screen.words.say(&p)),
        )?,
    };

    let answers = Answers {
        name,
        description,
        lang,
        kind,
        roles,
        members,
        meetings,
        start,
        timezone,
    };
    summary::print(catalog, &screen, &answers, dir, files(&answers)?)?;
    if !screen.confirm(screen.words.get("confirm.prompt"), true)? {
        return Err(Interrupted::Cancelled.into());
    }
    Ok(answers)
}

/// One multi-select per group of the catalog, the core team pre-selected; asked again while
/// nothing is chosen.
fn ask_roles(catalog: &Catalog, screen: &Screen, lang: Lang, kind: &str) -> Result<Vec<String>> {
    let core = answers::core_roles(catalog, kind);
    loop {
        let mut chosen = Vec::new();
        for group in &catalog.groups {
            let roles: Vec<_> = catalog
                .roles
                .iter()
                .filter(|r| r.group == group.id)
                .collect();
            if roles.is_empty() {
                continue;
            }
            // Columns line up on screen: names are padded by the columns they take, which a
            // Chinese character counts twice.
            let width = roles
                .iter()
                .map(|r| measure_text_width(r.name.get(lang)))
                .max()
                .unwrap_or(0);
            let items: Vec<String> = roles
                .iter()
                .map(|r| {
                    let name = pad_str(r.name.get(lang), width, Alignment::Left, None);
                    format!("{name}  {}", r.summary.get(lang))
                })
                .collect();
            let defaults: Vec<bool> = roles.iter().map(|r| core.contains(&r.id)).collect();
            let prompt = screen
                .words
                .fill("roles.prompt", &[("group", group.name.get(lang))]);
            let names: Vec<&str> = roles.iter().map(|r| r.name.get(lang)).collect();
            let picked = screen.pick(&prompt, &items, &names, &defaults, None)?;
            chosen.extend(picked.into_iter().map(|i| roles[i].id.clone()));
        }
        if !chosen.is_empty() {
            return Ok(catalog
                .role_ids()
                .filter(|id| chosen.iter().any(|c| c == id))
                .map(String::from)
                .collect());
        }
        screen.warn(screen.words.get("roles.none"))?;
    }
}

/// People, one a line, each with the roles they hold; an empty line ends the list. A person is
/// named once and holds at least one role.
fn ask_members(
    catalog: &Catalog,
    screen: &Screen,
    lang: Lang,
    roles: &[String],
) -> Result<Vec<Member>> {
    let ui = &screen.words;
    let mut members: Vec<Member> = Vec::new();
    if !screen.confirm(ui.get("people.ask"), false)? {
        return Ok(members);
    }
    screen.note(ui.get("people.hint"))?;
    let names: Vec<&str> = roles
        .iter()
        .map(|r| catalog.role(r).map_or(r.as_str(), |r| r.name.get(lang)))
        .collect();
    let items: Vec<String> = names.iter().map(|s| (*s).to_string()).collect();
    loop {
        let person = screen.text(ui.get("people.person"), None, |s| {
            if s.trim().is_empty() {
                return Ok(None);
            }
            let person = answers::parse_person(s).map_err(|p| ui.say(&p))?;
            match members
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(&person.name))
            {
                Some(m) => Err(ui.fill("people.twice", &[("name", &m.name)])),
                None => Ok(Some(person)),
            }
        })?;
        let Some(mut member) = person else {
            return Ok(members);
        };
        let prompt = ui.fill("people.roles", &[("name", &member.name)]);
        let refusal = ui.fill("people.no_roles", &[("name", &member.name)]);
        let none = vec![false; items.len()];
        let picked = screen.pick(&prompt, &items, &names, &none, Some(&refusal))?;
        member.roles = picked.into_iter().map(|i| roles[i].clone()).collect();
        members.push(member);
    }
}
