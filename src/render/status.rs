//! `mlteam status` as text for a terminal: one screen, in the project's language, with bars
//! drawn in colour on a terminal and in plain ASCII when the output goes to a file or a pipe.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dialoguer::console::measure_text_width;
use jiff::civil::Date;

use crate::view::status::{Item, Person, Status};
use crate::words::Words;

/// How to draw: on a terminal (block characters, colour) or plainly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub terminal: bool,
}

const BAR: usize = 20;

fn paint(text: &str, color: AnsiColor, look: Look) -> String {
    if !look.terminal {
        return text.to_string();
    }
    let style = Style::new().fg_color(Some(color.into()));
    format!("{style}{text}{style:#}")
}

fn bold(text: &str, look: Look) -> String {
    if !look.terminal {
        return text.to_string();
    }
    let style = Style::new().bold();
    format!("{style}{text}{style:#}")
}

/// `text` padded with spaces to `width` columns (CJK characters take two).
fn pad(text: &str, width: usize) -> String {
    let gap = width.saturating_sub(measure_text_width(text));
    format!("{text}{}", " ".repeat(gap))
}

fn bar(done: usize, total: usize, look: Look) -> String {
    let filled = (done * BAR).checked_div(total).unwrap_or(0).min(BAR);
    let (on, off) = if look.terminal {
        ("█", "░")
    } else {
        ("#", "-")
    };
    let drawn = format!("{}{}", on.repeat(filled), off.repeat(BAR - filled));
    format!("[{}]", paint(&drawn, AnsiColor::Green, look))
}

/// The whole project on one screen.
pub fn overview(status: &Status, ui: &Words, look: Look, overload: usize) -> String {
    let mut out = String::new();
    let now = match &status.current {
        Some(c) => ui.fill(
            "overview.now",
            &[
                ("today", &status.today),
                ("week", &c.week.to_string()),
                ("weeks", &c.weeks.to_string()),
                ("phase", &c.name),
            ],
        ),
        None => ui.fill("overview.now_outside", &[("today", &status.today)]),
    };
    let header = ui.fill(
        "overview.header",
        &[
            ("project", &bold(&status.project, look)),
            ("kind", &status.kind_name),
            ("now", &now),
        ],
    );
    let _ = writeln!(out, "{header}");
    let _ = writeln!(
        out,
        "{}",
        ui.fill(
            "overview.done",
            &[
                ("done", &status.done.to_string()),
                ("total", &status.total.to_string())
            ]
        )
    );

    let _ = writeln!(out, "\n{}", bold(ui.get("overview.phases"), look));
    let name_width = status
        .phases
        .iter()
        .map(|p| measure_text_width(&p.name))
        .max()
        .unwrap_or(0);
    for p in &status.phases {
        let count = match p.total {
            0 => "–".to_string(),
            total => format!("{}/{total}", p.done),
        };
        let mut line = format!(
            "  {}  {} – {}  {}  {count}",
            pad(&p.name, name_width),
            p.start,
            p.end,
            bar(p.done, p.total, look),
        );
        if p.overdue > 0 {
            let late = ui.count("overview.phase_overdue", p.overdue, &[]);
            let _ = write!(line, "  {}", paint(&late, AnsiColor::Red, look));
        }
        if let Some(gate) = &p.gate {
            let _ = write!(line, "  → {gate}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }

    let lists = [
        ("overview.overdue", &status.overdue, AnsiColor::Red),
        ("overview.due_soon", &status.due_soon, AnsiColor::Yellow),
    ];
    for (key, items, color) in lists {
        let heading = ui.fill(
            key,
            &[
                ("count", &items.len().to_string()),
                ("days", &status.soon_days.to_string()),
            ],
        );
        let _ = writeln!(out, "\n{}", bold(&heading, look));
        if items.is_empty() {
            let _ = writeln!(out, "  {}", ui.get("overview.nothing"));
        }
        items_table(&mut out, items, ui, look, color);
    }

    let _ = writeln!(out, "\n{}", bold(ui.get("overview.people"), look));
    if status.people.is_empty() {
        let _ = writeln!(out, "  {}", ui.get("overview.nobody"));
    }
    let name_width = status
        .people
        .iter()
        .map(|p| measure_text_width(&p.name))
        .max()
        .unwrap_or(0);
    for person in &status.people {
        let mut line = format!(
            "  {}  {}",
            pad(&person.name, name_width),
            ui.fill(
                "overview.person_load",
                &[
                    ("open", &person.open.len().to_string()),
                    ("a", &person.accountable.to_string()),
                    ("r", &person.responsible.to_string()),
                ],
            )
        );
        if person.accountable > overload {
            let _ = write!(
                line,
                " {}",
                paint(ui.get("overview.overloaded"), AnsiColor::Red, look)
            );
        }
        if let Some(next) = person.next_meetings.first() {
            let _ = write!(
                line,
                "{}{}",
                ui.get("list.sentences"),
                ui.fill(
                    "overview.next_meeting",
                    &[
                        ("name", &next.name),
                        ("date", &next.date),
                        ("time", &next.time)
                    ],
                )
            );
        }
        let _ = writeln!(out, "{line}");
    }
    if !status.single_holders.is_empty() {
        let separator = ui.get("list.separator");
        let roles: Vec<String> = status
            .single_holders
            .iter()
            .map(|s| aside(ui, &s.role_name, &s.person))
            .collect();
        let _ = writeln!(
            out,
            "\n{}",
            ui.fill(
                "overview.single_holders",
                &[("roles", &roles.join(separator))]
            )
        );
    }
    out
}

/// One person's week: what they owe, when they meet, what they carry.
pub fn week(status: &Status, person: &Person, ui: &Words, look: Look, today: Date) -> String {
    let mut out = String::new();
    let separator = ui.get("list.separator");
    let until = today
        .checked_add(jiff::Span::new().days(6))
        .unwrap_or(today);
    let week = ui.fill(
        "overview.week",
        &[("from", &today.to_string()), ("to", &until.to_string())],
    );
    let header = ui.fill(
        "overview.header",
        &[
            ("project", &bold(&person.name, look)),
            ("kind", &person.role_names.join(separator)),
            ("now", &week),
        ],
    );
    let _ = writeln!(out, "{header}");
    let _ = writeln!(
        out,
        "{}",
        ui.fill(
            "overview.letters",
            &[
                ("a", &person.accountable.to_string()),
                ("r", &person.responsible.to_string())
            ]
        )
    );
    let heading = ui.fill(
        "overview.open",
        &[("count", &person.open.len().to_string())],
    );
    let _ = writeln!(out, "\n{}", bold(&heading, look));
    if person.open.is_empty() {
        let _ = writeln!(out, "  {}", ui.get("overview.nothing"));
    }
    items_table(&mut out, &person.open, ui, look, AnsiColor::Yellow);

    let _ = writeln!(
        out,
        "\n{}",
        bold(ui.get("overview.meetings_this_week"), look)
    );
    let _ = status;
    for meeting in &person.this_week {
        let _ = writeln!(
            out,
            "  {}  {}–{}  {}",
            meeting.date, meeting.time, meeting.end, meeting.name
        );
    }
    if person.this_week.is_empty() {
        let _ = writeln!(out, "  {}", ui.get("overview.nothing"));
    }
    out
}

/// "Product manager (Bo)", as the language writes a word about a value.
fn aside(ui: &Words, text: &str, about: &str) -> String {
    ui.fill("summary.aside", &[("text", text), ("aside", about)])
}

fn items_table(out: &mut String, items: &[Item], ui: &Words, look: Look, color: AnsiColor) {
    let title_width = items
        .iter()
        .map(|i| measure_text_width(&i.title))
        .max()
        .unwrap_or(0);
    for item in items {
        let when = match item.days {
            d if d < 0 => ui.count("overview.days_late", (-d) as usize, &[]),
            0 => ui.get("overview.today").to_string(),
            d => ui.count("overview.days_left", d as usize, &[]),
        };
        let owner = if item.people.is_empty() {
            item.owner_name.clone()
        } else {
            aside(
                ui,
                &item.owner_name,
                &item.people.join(ui.get("list.separator")),
            )
        };
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {}",
            item.due,
            pad(&item.title, title_width),
            paint(&pad(&when, 14), color, look),
            pad(&item.status_text, 8),
            owner
        );
    }
}
