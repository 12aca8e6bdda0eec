//! The interactive questions of `init` (SPEC §3). Each is skipped when its flag answers it, and
//! each answer goes through the same validation as the flag.

use std::path::Path;

use anyhow::Result;
use dialoguer::console::Term;
use dialoguer::console::truncate_str;
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};
use jiff::civil::Date;

use crate::cli::InitArgs;
use crate::diag::Interrupted;
use crate::input::answers::{self, Answers};
use crate::input::values;
use crate::model::catalog::Catalog;
use crate::model::recurrence::Rule;
use crate::model::team;
use crate::model::team::Member;
use crate::model::text::Lang;
use crate::words::{self, Words};

/// Asks what the flags leave open; `Interrupted` on Ctrl-C or "no" at the confirmation.
pub fn ask(
    catalog: &Catalog,
    args: &InitArgs,
    lang_flag: Option<Lang>,
    dir: &Path,
    today: Date,
) -> Result<Answers> {
    let term = Term::stdout();
    let theme = ColorfulTheme::default();
    let mut ui = Words::new(lang_flag.unwrap_or_else(words::guess_lang));
    // Flags are checked first, so a typo in one is reported before any question is asked.
    let flags = Answers::from_flags(catalog, args, lang_flag, dir, today)?;

    let name = match &args.name {
        Some(_) => flags.name.clone(),
        None => answer(
            Input::<String>::with_theme(&theme)
                .with_prompt(ui.get("name.prompt"))
                .default(flags.name.clone())
                .validate_with(|s: &String| {
                    if s.trim().is_empty() {
                        Err(ui.get("name.empty").to_string())
                    } else {
                        match values::name_problem("the project name", s) {
                            Some(_) => Err(ui.get("name.not_one_line").to_string()),
                            None => Ok(()),
                        }
                    }
                })
                .interact_text_on(&term),
        )?
        .trim()
        .to_string(),
    };
    let description = match &args.description {
        Some(_) => flags.description.clone(),
        None => answer(
            Input::<String>::with_theme(&theme)
                .with_prompt(ui.get("description.prompt"))
                .allow_empty(true)
                .validate_with(
                    |s: &String| match values::name_problem("the description", s) {
                        Some(_) => Err(ui.get("description.not_one_line").to_string()),
                        None => Ok(()),
                    },
                )
                .interact_text_on(&term),
        )?
        .trim()
        .to_string(),
    };
    let lang = match lang_flag {
        Some(lang) => lang,
        None => {
            let items: Vec<String> = Lang::ALL
                .iter()
                .map(|l| format!("{} ({l})", l.native_name()))
                .collect();
            let default = Lang::ALL
                .iter()
                .position(|l| *l == words::guess_lang())
                .unwrap_or(0);
            let choice = answer(
                Select::with_theme(&theme)
                    .with_prompt(ui.get("lang.prompt"))
                    .items(&items)
                    .default(default)
                    .interact_on(&term),
            )?;
            Lang::ALL[choice]
        }
    };
    ui = Words::new(lang);

    let kind = match &args.kind {
        Some(_) => flags.kind.clone(),
        None => {
            let items: Vec<String> = catalog
                .kinds
                .iter()
                .map(|k| format!("{} — {}", k.name.get(lang), k.summary.get(lang)))
                .collect();
            let width = usize::from(term.size().1).saturating_sub(4).max(20);
            let items: Vec<String> = items
                .iter()
                .map(|i| truncate_str(i, width, "…").into_owned())
                .collect();
            let default = catalog
                .kinds
                .iter()
                .position(|k| k.id == answers::DEFAULT_KIND)
                .unwrap_or(0);
            let choice = answer(
                Select::with_theme(&theme)
                    .with_prompt(ui.get("kind.prompt"))
                    .items(&items)
                    .default(default)
                    .interact_on(&term),
            )?;
            catalog.kinds[choice].id.clone()
        }
    };
    let roles = match &args.roles {
        Some(_) => flags.roles.clone(),
        None => ask_roles(catalog, &ui, &theme, &term, lang, &kind)?,
    };
    let members = if args.members.is_empty() {
        ask_members(catalog, &ui, &theme, &term, lang, &roles)?
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
            let chosen = pick(
                &theme,
                &term,
                ui.get("meetings.prompt"),
                &items,
                &names,
                &defaults,
            )?;
            chosen
                .into_iter()
                .map(|i| catalog.meetings[i].id.clone())
                .collect()
        }
    };
    let start = match &args.start {
        Some(_) => flags.start,
        None => {
            let text = answer(
                Input::<String>::with_theme(&theme)
                    .with_prompt(ui.get("start.prompt"))
                    .default(flags.start.to_string())
                    .validate_with(|s: &String| answers::parse_date(s).map(|_| ()))
                    .interact_text_on(&term),
            )?;
            answers::parse_date(&text).map_err(anyhow::Error::msg)?
        }
    };
    let timezone = match &args.timezone {
        Some(_) => flags.timezone.clone(),
        None => {
            let text = answer(
                Input::<String>::with_theme(&theme)
                    .with_prompt(ui.get("timezone.prompt"))
                    .default(flags.timezone.clone())
                    .validate_with(|s: &String| answers::parse_timezone(s).map(|_| ()))
                    .interact_text_on(&term),
            )?;
            answers::parse_timezone(&text).map_err(anyhow::Error::msg)?
        }
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
    print_summary(catalog, &ui, &term, &answers, dir)?;
    let go = answer(
        Confirm::with_theme(&theme)
            .with_prompt(ui.get("confirm.prompt"))
            .default(true)
            .interact_on(&term),
    )?;
    if !go {
        return Err(Interrupted("cancelled").into());
    }
    Ok(answers)
}

/// One multi-select per group of the catalog, the core team pre-selected; asked again while
/// nothing is chosen.
fn ask_roles(
    catalog: &Catalog,
    ui: &Words,
    theme: &ColorfulTheme,
    term: &Term,
    lang: Lang,
    kind: &str,
) -> Result<Vec<String>> {
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
            let width = roles
                .iter()
                .map(|r| r.name.get(lang).chars().count())
                .max()
                .unwrap_or(0);
            let items: Vec<String> = roles
                .iter()
                .map(|r| {
                    let name = r.name.get(lang);
                    let pad = width - name.chars().count();
                    format!("{name}{:pad$}  {}", "", r.summary.get(lang))
                })
                .collect();
            let defaults: Vec<bool> = roles.iter().map(|r| core.contains(&r.id)).collect();
            let prompt = ui.fill("roles.prompt", &[("group", group.name.get(lang))]);
            let names: Vec<&str> = roles.iter().map(|r| r.name.get(lang)).collect();
            let picked = pick(theme, term, &prompt, &items, &names, &defaults)?;
            chosen.extend(picked.into_iter().map(|i| roles[i].id.clone()));
        }
        if !chosen.is_empty() {
            return Ok(catalog
                .role_ids()
                .filter(|id| chosen.iter().any(|c| c == id))
                .map(String::from)
                .collect());
        }
        term.write_line(ui.get("roles.none"))?;
    }
}

fn ask_members(
    catalog: &Catalog,
    ui: &Words,
    theme: &ColorfulTheme,
    term: &Term,
    lang: Lang,
    roles: &[String],
) -> Result<Vec<Member>> {
    let mut members: Vec<Member> = Vec::new();
    if !answer(
        Confirm::with_theme(theme)
            .with_prompt(ui.get("people.ask"))
            .default(false)
            .interact_on(term),
    )? {
        return Ok(members);
    }
    loop {
        let text = answer(
            Input::<String>::with_theme(theme)
                .with_prompt(ui.get("people.person"))
                .allow_empty(true)
                .validate_with(|s: &String| {
                    if s.trim().is_empty() {
                        return Ok(());
                    }
                    let person = answers::parse_person(s)?;
                    match members
                        .iter()
                        .find(|m| m.name.eq_ignore_ascii_case(&person.name))
                    {
                        Some(m) => Err(ui.fill("people.twice", &[("name", &m.name)])),
                        None => Ok(()),
                    }
                })
                .interact_text_on(term),
        )?;
        if text.trim().is_empty() {
            return Ok(members);
        }
        let mut member = answers::parse_person(&text).map_err(anyhow::Error::msg)?;
        let items: Vec<&str> = roles
            .iter()
            .map(|r| catalog.role(r).map_or(r.as_str(), |r| r.name.get(lang)))
            .collect();
        let prompt = ui.fill("people.roles", &[("name", &member.name)]);
        let labels: Vec<String> = items.iter().map(|s| (*s).to_string()).collect();
        // A person on the team holds at least one role: ask again until they do.
        let picked = loop {
            let picked = pick(
                theme,
                term,
                &prompt,
                &labels,
                &items,
                &vec![false; items.len()],
            )?;
            if !picked.is_empty() {
                break picked;
            }
            term.write_line(&ui.fill("people.no_roles", &[("name", &member.name)]))?;
        };
        member.roles = picked.into_iter().map(|i| roles[i].clone()).collect();
        members.push(member);
    }
}

fn print_summary(
    catalog: &Catalog,
    ui: &Words,
    term: &Term,
    a: &Answers,
    dir: &Path,
) -> Result<()> {
    let lang = a.lang;
    let role_name = |id: &String| {
        catalog
            .role(id)
            .map_or(id.clone(), |r| r.name.get(lang).to_string())
    };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            ui.get("summary.nothing").to_string()
        } else {
            items.join(", ")
        }
    };
    let project = if a.description.is_empty() {
        a.name.clone()
    } else {
        format!("{} — {}", a.name, a.description)
    };
    let people = a
        .members
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                m.name,
                m.roles.iter().map(role_name).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let meetings = a
        .meetings
        .iter()
        .map(|id| {
            catalog
                .meeting(id)
                .map_or(id.clone(), |m| m.name.get(lang).to_string())
        })
        .collect();
    let rows = [
        (ui.get("summary.project"), project),
        (ui.get("summary.lang"), lang.native_name().to_string()),
        (
            ui.get("summary.kind"),
            catalog
                .kind(&a.kind)
                .map_or(a.kind.clone(), |k| k.name.get(lang).to_string()),
        ),
        (
            ui.get("summary.roles"),
            format!(
                "{} ({})",
                list(a.roles.iter().map(role_name).collect()),
                a.roles.len()
            ),
        ),
        (ui.get("summary.people"), list(people)),
        (ui.get("summary.meetings"), list(meetings)),
        (
            ui.get("summary.start"),
            format!("{} ({})", a.start, a.timezone),
        ),
        (ui.get("summary.dir"), dir.display().to_string()),
    ];
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    term.write_line("")?;
    for (key, value) in rows {
        let pad = width - key.chars().count();
        term.write_line(&format!("  {key}{:pad$}  {value}", ""))?;
    }
    term.write_line("")?;
    Ok(())
}

/// A multi-select whose lines fit the terminal (a wrapped line breaks the redraw), reported
/// afterwards by short names only.
fn pick(
    theme: &ColorfulTheme,
    term: &Term,
    prompt: &str,
    items: &[String],
    names: &[&str],
    defaults: &[bool],
) -> Result<Vec<usize>> {
    let width = usize::from(term.size().1).saturating_sub(6).max(20);
    let fitted: Vec<String> = items
        .iter()
        .map(|i| truncate_str(i, width, "…").into_owned())
        .collect();
    let picked = answer(
        MultiSelect::with_theme(theme)
            .with_prompt(prompt)
            .items(&fitted)
            .defaults(defaults)
            .report(false)
            .interact_on(term),
    )?;
    let chosen: Vec<&str> = picked.iter().map(|&i| names[i]).collect();
    let mut line = String::new();
    theme.format_multi_select_prompt_selection(&mut line, prompt, &chosen)?;
    term.write_line(&line)?;
    Ok(picked)
}

/// A prompt's result; Ctrl-C (which the terminal library reports as an interrupted read) becomes
/// exit 130 with the cursor shown again.
fn answer<T>(result: dialoguer::Result<T>) -> Result<T> {
    result.map_err(|dialoguer::Error::IO(e)| {
        if e.kind() == std::io::ErrorKind::Interrupted {
            let _ = crate::write::signal::console_show_cursor();
            Interrupted("interrupted").into()
        } else {
            anyhow::Error::new(e).context("the terminal failed")
        }
    })
}
