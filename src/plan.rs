//! A plan of file changes: what each page would do to the project (create, update regions,
//! leave alone), printed as a summary and, for `--dry-run`, as unified diffs.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use similar::TextDiff;

use crate::ui::Ui;

fn console_width(text: &str) -> usize {
    dialoguer::console::measure_text_width(text)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A new file.
    Create,
    /// The whole file is generated and replaced (the manifest under `init --force`).
    Replace,
    /// Region bodies change; the rest of the file stays byte for byte.
    Update {
        regions: Vec<String>,
    },
    Unchanged,
    /// Left as it is, for the reason given.
    Skip {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Relative to the project root, with `/`.
    pub path: String,
    pub action: Action,
    /// The file's text now, when it exists.
    pub old: Option<String>,
    /// What the file will hold, for the actions that write.
    pub new: Option<String>,
}

impl Change {
    pub fn writes(&self) -> bool {
        matches!(
            self.action,
            Action::Create | Action::Replace | Action::Update { .. }
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub changes: Vec<Change>,
}

impl Plan {
    pub fn push(
        &mut self,
        path: impl Into<String>,
        action: Action,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.changes.push(Change {
            path: path.into(),
            action,
            old,
            new,
        });
    }

    pub fn writes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.writes())
    }

    pub fn count(&self, pred: impl Fn(&Action) -> bool) -> usize {
        self.changes.iter().filter(|c| pred(&c.action)).count()
    }

    /// One line per file: what happens to it.
    pub fn print_summary(&self, out: &mut dyn Write, ui: &Ui, dry_run: bool) -> io::Result<()> {
        let width = self.changes.iter().map(|c| c.path.len()).max().unwrap_or(0);
        let word =
            |done: &str, planned: &str| ui.get(if dry_run { planned } else { done }).to_string();
        let labels: Vec<_> = self
            .changes
            .iter()
            .map(|change| match &change.action {
                Action::Create => (
                    word("plan.created", "plan.would_create"),
                    AnsiColor::Green,
                    String::new(),
                ),
                Action::Replace => (
                    word("plan.replaced", "plan.would_replace"),
                    AnsiColor::Yellow,
                    String::new(),
                ),
                Action::Update { regions } => (
                    word("plan.updated", "plan.would_update"),
                    AnsiColor::Yellow,
                    ui.fill("plan.regions", &[("names", &regions.join(", "))]),
                ),
                Action::Unchanged => (
                    ui.get("plan.unchanged").to_string(),
                    AnsiColor::BrightBlack,
                    String::new(),
                ),
                Action::Skip { reason } => (
                    ui.get("plan.skipped").to_string(),
                    AnsiColor::Cyan,
                    reason.clone(),
                ),
            })
            .collect();
        let label_width = labels
            .iter()
            .map(|(w, _, _)| console_width(w))
            .max()
            .unwrap_or(0);
        for (change, (word, color, detail)) in self.changes.iter().zip(labels) {
            let style = Style::new().fg_color(Some(color.into()));
            let pad = label_width - console_width(&word);
            let word = format!("{:pad$}{style}{word}{style:#}", "");
            if detail.is_empty() {
                writeln!(out, "{word}  {}", change.path)?;
            } else {
                writeln!(out, "{word}  {:width$}  ({detail})", change.path)?;
            }
        }
        Ok(())
    }

    /// A unified diff of every change that writes.
    pub fn print_diffs(&self, out: &mut dyn Write) -> io::Result<()> {
        let (add, del, head) = (
            Style::new().fg_color(Some(AnsiColor::Green.into())),
            Style::new().fg_color(Some(AnsiColor::Red.into())),
            Style::new().bold(),
        );
        for change in self.writes() {
            let old = change.old.as_deref().unwrap_or("");
            let new = change.new.as_deref().unwrap_or("");
            let from = if change.old.is_some() {
                format!("a/{}", change.path)
            } else {
                "/dev/null".into()
            };
            let diff = TextDiff::from_lines(old, new);
            let text = diff
                .unified_diff()
                .context_radius(3)
                .header(&from, &format!("b/{}", change.path))
                .to_string();
            for line in text.lines() {
                let style = match line.as_bytes().first() {
                    Some(b'+') if !line.starts_with("+++") => add,
                    Some(b'-') if !line.starts_with("---") => del,
                    _ if line.starts_with("@@")
                        || line.starts_with("+++")
                        || line.starts_with("---") =>
                    {
                        head
                    }
                    _ => Style::new(),
                };
                writeln!(out, "{style}{line}{style:#}")?;
            }
        }
        Ok(())
    }
}
