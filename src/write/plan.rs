//! A plan of file changes: what each page would do to the project (create, update regions,
//! leave alone), printed as a summary and, for `--dry-run`, as unified diffs.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use similar::TextDiff;

use crate::diag::Diagnostic;
use crate::msg;
use crate::words::Words;
use crate::write::region;

/// A region edited by hand, said where it is and how to keep or drop the edit.
pub fn edited_region(path: &str, region: &str, line: usize) -> Diagnostic {
    let help = if region == "raci-matrix" {
        msg!("plan.edited_matrix_help")
    } else {
        msg!("plan.edited_region_help")
    };
    Diagnostic::new(path, msg!("plan.edited_region", region = region))
        .at_line(line)
        .help(help)
}

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
    /// Kept although the team no longer calls for it (a stub whose owner left, say).
    Orphaned {
        reason: String,
    },
}

/// What to do with a page whose file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// `init`: leave it exactly as it is.
    Keep,
    /// `sync`, `raci`, `checklist`: bring its generated parts up to date; `force` overwrites
    /// parts edited by hand.
    Refresh { force: bool },
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

    /// What writing `new` to `path` does, given the file's current text: created, updated in its
    /// generated parts, unchanged, or left alone (with why). Parts edited by hand come back as
    /// diagnostics and are left as they are, unless `force`. `kept_true` is the current text with
    /// the values outside regions that mlteam keeps true brought up to date (a stub's owner).
    pub fn add_page(
        &mut self,
        path: &str,
        old: Option<String>,
        new: String,
        existing: Existing,
        kept_true: Option<String>,
        ui: &Words,
    ) -> Vec<Diagnostic> {
        let Some(old) = old else {
            self.push(path, Action::Create, None, Some(new));
            return Vec::new();
        };
        // Each file keeps its own line endings: a CRLF checkout is not out of date.
        let new = crate::write::eol::like(&old, new);
        if old == new {
            self.push(path, Action::Unchanged, Some(old), None);
            return Vec::new();
        }
        let Existing::Refresh { force } = existing else {
            self.keep(path, old, ui.get("plan.exists"));
            return Vec::new();
        };
        if path.ends_with(".ics") {
            return self.add_whole_file(path, old, new, force, ui);
        }
        let base = kept_true.unwrap_or_else(|| old.clone());
        match region::splice(&base, &new, force) {
            Err((_, e)) => {
                let reason = ui.fill(
                    "plan.markers_broken",
                    &[
                        ("line", &e.line.to_string()),
                        ("message", &ui.say(&e.message)),
                    ],
                );
                self.keep(path, old, reason);
                Vec::new()
            }
            Ok(splice) => {
                let conflicts: Vec<Diagnostic> = if force {
                    Vec::new()
                } else {
                    splice
                        .edited
                        .iter()
                        .map(|(region, line)| edited_region(path, region, *line))
                        .collect()
                };
                let region = |name: &String| ui.fill("plan.region", &[("name", name)]);
                let mut regions: Vec<String> = splice.updated.iter().map(region).collect();
                if base != old {
                    regions.insert(0, ui.get("plan.front_matter").to_string());
                }
                if !regions.is_empty() {
                    let action = Action::Update { regions };
                    self.push(path, action, Some(old), Some(splice.text));
                } else if !splice.missing.is_empty() {
                    let reason = ui.fill(
                        "plan.markers_removed",
                        &[(
                            "names",
                            &splice
                                .missing
                                .iter()
                                .map(region)
                                .collect::<Vec<_>>()
                                .join(ui.get("list.separator")),
                        )],
                    );
                    self.keep(path, old, reason);
                } else if conflicts.is_empty() {
                    self.push(path, Action::Unchanged, Some(old), None);
                } else {
                    self.keep(path, old, ui.get("plan.edited"));
                }
                conflicts
            }
        }
    }

    /// Leaves an existing file as it is, saying why.
    fn keep(&mut self, path: &str, old: String, reason: impl Into<String>) {
        self.push(
            path,
            Action::Skip {
                reason: reason.into(),
            },
            Some(old),
            None,
        );
    }

    /// A file generated whole (the calendar): replaced when mlteam's seal shows nobody edited it.
    fn add_whole_file(
        &mut self,
        path: &str,
        old: String,
        new: String,
        force: bool,
        ui: &Words,
    ) -> Vec<Diagnostic> {
        match crate::write::seal::seal_state(&old) {
            crate::write::seal::Seal::Intact => {
                self.push(path, Action::Replace, Some(old), Some(new));
                Vec::new()
            }
            _ if force => {
                self.push(path, Action::Replace, Some(old), Some(new));
                Vec::new()
            }
            crate::write::seal::Seal::Edited => {
                self.keep(path, old, ui.get("plan.edited"));
                vec![
                    Diagnostic::new(path, msg!("plan.edited_file"))
                        .help(msg!("plan.edited_file_help")),
                ]
            }
            crate::write::seal::Seal::Missing => {
                let reason = ui.fill("plan.markers_removed", &[("names", "X-MLTEAM-DIGEST")]);
                self.keep(path, old, reason);
                Vec::new()
            }
        }
    }

    pub fn writes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.writes())
    }

    pub fn count(&self, pred: impl Fn(&Action) -> bool) -> usize {
        self.changes.iter().filter(|c| pred(&c.action)).count()
    }

    /// One line per file that changes or is left alone for a reason (with `verbose`, per file
    /// that does not change too); a line saying so when nothing changes.
    pub fn print_summary(
        &self,
        out: &mut dyn Write,
        ui: &Words,
        dry_run: bool,
        verbose: bool,
    ) -> io::Result<()> {
        let shown: Vec<&Change> = self
            .changes
            .iter()
            .filter(|c| verbose || c.action != Action::Unchanged)
            .collect();
        if shown.is_empty() {
            let nothing = ui.count("plan.nothing", self.changes.len(), &[]);
            return writeln!(out, "{nothing}");
        }
        let width = shown.iter().map(|c| c.path.len()).max().unwrap_or(0);
        let word =
            |done: &str, planned: &str| ui.get(if dry_run { planned } else { done }).to_string();
        let labels: Vec<_> = shown
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
                    if regions.is_empty() {
                        String::new()
                    } else {
                        let names = regions.join(ui.get("list.separator"));
                        ui.fill("plan.regions", &[("names", &names)])
                    },
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
                Action::Orphaned { reason } => (
                    ui.get("plan.orphaned").to_string(),
                    AnsiColor::Magenta,
                    reason.clone(),
                ),
            })
            .collect();
        let label_width = labels
            .iter()
            .map(|(w, _, _)| console_width(w))
            .max()
            .unwrap_or(0);
        for (change, (word, color, detail)) in shown.iter().zip(labels) {
            let style = Style::new().fg_color(Some(color.into()));
            let pad = label_width - console_width(&word);
            let word = format!("{:pad$}{style}{word}{style:#}", "");
            if detail.is_empty() {
                writeln!(out, "{word}  {}", change.path)?;
            } else {
                let detail = ui.fill("plan.detail", &[("detail", &detail)]);
                writeln!(out, "{word}  {:width$}  {detail}", change.path)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Lang;
    use crate::write::region::seal as sealed;

    const PAGE: &str =
        "# Team\n\nmine\n\n<!-- mlteam:begin team -->\nAda\n<!-- mlteam:end team -->\n";

    fn ui() -> Words {
        Words::new(Lang::En)
    }

    fn refresh(force: bool) -> Existing {
        Existing::Refresh { force }
    }

    /// What one page does to a plan: its action and how many conflicts it reports.
    fn add(old: Option<&str>, new: &str, existing: Existing) -> (Action, Option<String>, usize) {
        let mut plan = Plan::default();
        let conflicts = plan.add_page(
            "docs/team/README.md",
            old.map(String::from),
            new.to_string(),
            existing,
            None,
            &ui(),
        );
        let change = plan.changes.pop().unwrap();
        assert!(plan.changes.is_empty(), "one change per page");
        (change.action, change.new, conflicts.len())
    }

    fn skip(reason: &str) -> Action {
        Action::Skip {
            reason: reason.into(),
        }
    }

    #[test]
    fn a_page_is_created_left_alone_or_unchanged() {
        let page = sealed(PAGE).unwrap();
        assert_eq!(
            add(None, &page, refresh(false)),
            (Action::Create, Some(page.clone()), 0)
        );
        assert_eq!(
            add(Some(&page), &page, refresh(false)),
            (Action::Unchanged, None, 0)
        );
        let crlf = page.replace('\n', "\r\n");
        assert_eq!(
            add(Some(&crlf), &page, refresh(false)).0,
            Action::Unchanged,
            "a CRLF checkout is not out of date"
        );
        let other = sealed(&PAGE.replace("Ada", "Bo")).unwrap();
        assert_eq!(
            add(Some(&page), &other, Existing::Keep),
            (skip("already exists; left as it is"), None, 0)
        );
    }

    #[test]
    fn regions_are_updated_and_hand_edits_are_conflicts() {
        let page = sealed(PAGE).unwrap();
        let fresh = sealed(&PAGE.replace("Ada", "Bo")).unwrap();
        let updated = Action::Update {
            regions: vec!["team".into()],
        };
        assert_eq!(
            add(Some(&page), &fresh, refresh(false)),
            (updated.clone(), Some(fresh.clone()), 0)
        );
        let edited = page.replace("Ada\n", "Ada, my note\n");
        assert_eq!(
            add(Some(&edited), &fresh, refresh(false)),
            (skip("edited by hand; left as it is"), None, 1)
        );
        assert_eq!(
            add(Some(&edited), &fresh, refresh(true)),
            (updated, Some(fresh.clone()), 0),
            "--force overwrites it"
        );
        // An edited region that would not change anyway is still said, and kept.
        let edited_same = fresh.replace("Bo\n", "Bo, my note\n");
        let mut plan = Plan::default();
        let conflicts = plan.add_page(
            "docs/team/README.md",
            Some(edited_same),
            fresh.replace("# Team", "# Our team"),
            refresh(false),
            None,
            &ui(),
        );
        assert_eq!(
            conflicts,
            [edited_region("docs/team/README.md", "team", 5)],
            "the conflict is at the region's line"
        );
    }

    #[test]
    fn the_matrix_suggests_an_import_and_other_regions_moving_text() {
        let help = |region: &str| edited_region("f.md", region, 1).help.unwrap();
        assert_eq!(help("raci-matrix"), msg!("plan.edited_matrix_help"));
        assert_eq!(help("team"), msg!("plan.edited_region_help"));
    }

    #[test]
    fn a_front_matter_kept_true_is_an_update_of_its_own() {
        let page = sealed(PAGE).unwrap();
        let kept = format!("---\nowner: ml-engineer\n---\n{page}");
        let old = format!("---\nowner: data-scientist\n---\n{page}");
        let mut plan = Plan::default();
        plan.add_page(
            "docs/deliverables/prd.md",
            Some(old),
            format!("---\nowner: x\n---\n{page}"),
            refresh(false),
            Some(kept.clone()),
            &ui(),
        );
        let change = plan.changes.pop().unwrap();
        assert_eq!(
            (change.action, change.new),
            (
                Action::Update {
                    regions: vec!["front matter".into()]
                },
                Some(kept)
            )
        );
    }

    #[test]
    fn removed_or_broken_markers_leave_the_file_alone() {
        let fresh = sealed(PAGE).unwrap();
        assert_eq!(
            add(Some("# Team\n\nmine\n"), &fresh, refresh(true)),
            (skip("markers of team removed; left as it is"), None, 0)
        );
        let broken = "<!-- mlteam:begin team -->\nAda\n";
        let (action, new, conflicts) = add(Some(broken), &fresh, refresh(true));
        assert!(
            matches!(&action, Action::Skip { reason } if reason.starts_with("mlteam markers broken at line 1 (")),
            "{action:?}"
        );
        assert_eq!((new, conflicts), (None, 0));
    }

    #[test]
    fn a_calendar_is_replaced_only_while_its_seal_holds() {
        let calendar = |summary: &str| {
            crate::write::seal::seal(&format!(
                "BEGIN:VCALENDAR\r\nPRODID:x\r\nSUMMARY:{summary}\r\nEND:VCALENDAR\r\n"
            ))
        };
        let (old, new) = (calendar("Stand-up"), calendar("Daily stand-up"));
        let whole = |old: &str, force: bool| {
            let mut plan = Plan::default();
            let conflicts = plan.add_page(
                "docs/meetings/calendar.ics",
                Some(old.to_string()),
                new.clone(),
                refresh(force),
                None,
                &ui(),
            );
            (plan.changes.pop().unwrap().action, conflicts.len())
        };
        assert_eq!(whole(&old, false), (Action::Replace, 0));
        let edited = old.replace("Stand-up", "Stand-up at the café");
        assert_eq!(
            whole(&edited, false),
            (skip("edited by hand; left as it is"), 1)
        );
        assert_eq!(whole(&edited, true), (Action::Replace, 0));
        let unsealed = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        assert_eq!(
            whole(unsealed, false),
            (skip("markers of X-MLTEAM-DIGEST removed; left as it is"), 0)
        );
        assert_eq!(whole(unsealed, true), (Action::Replace, 0));
    }

    fn sample() -> Plan {
        let mut plan = Plan::default();
        plan.push("docs/a.md", Action::Create, None, Some("a\n".into()));
        plan.push("docs/b.md", Action::Unchanged, Some("b\n".into()), None);
        let regions = vec!["team".to_string(), "legend".to_string()];
        plan.push(
            "docs/team/raci.md",
            Action::Update { regions },
            Some("x\ny\n".into()),
            Some("x\nz\n".into()),
        );
        plan.push(
            "docs/c.md",
            skip("edited by hand; left as it is"),
            Some("c".into()),
            None,
        );
        plan
    }

    fn summary(plan: &Plan, lang: Lang, dry_run: bool, verbose: bool) -> String {
        let mut out = Vec::new();
        plan.print_summary(&mut out, &Words::new(lang), dry_run, verbose)
            .unwrap();
        anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
    }

    #[test]
    fn the_summary_lines_up_what_changed() {
        let plan = sample();
        assert_eq!(
            summary(&plan, Lang::En, false, false),
            "created  docs/a.md\n\
             updated  docs/team/raci.md  (team, legend)\n\
             skipped  docs/c.md          (edited by hand; left as it is)\n"
        );
        assert_eq!(
            summary(&plan, Lang::En, true, true),
            "would create  docs/a.md\n   \
             unchanged  docs/b.md\n\
             would update  docs/team/raci.md  (team, legend)\n     \
             skipped  docs/c.md          (edited by hand; left as it is)\n"
        );
        let mut calm = Plan::default();
        calm.push("docs/b.md", Action::Unchanged, None, None);
        calm.push("docs/d.md", Action::Unchanged, None, None);
        assert_eq!(
            summary(&calm, Lang::En, false, false),
            "Nothing to change: all 2 files are up to date.\n"
        );
        assert_eq!(
            (
                plan.count(|a| matches!(a, Action::Create)),
                plan.count(|_| true),
                plan.writes().map(|c| c.path.as_str()).collect::<Vec<_>>()
            ),
            (1, 4, vec!["docs/a.md", "docs/team/raci.md"])
        );
    }

    #[test]
    fn labels_line_up_by_display_width() {
        let mut plan = sample();
        plan.push("docs/e.md", Action::Replace, None, Some("e".into()));
        let text = summary(&plan, Lang::Zh, false, true);
        let widths: Vec<usize> = text
            .lines()
            .map(|l| console_width(&l[..l.find("docs/").unwrap()]))
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{text}");
    }

    /// Added lines green, removed ones red, headers bold, context plain (stripped where colour
    /// is off).
    #[test]
    fn diffs_are_coloured_by_what_each_line_is() {
        let mut out = Vec::new();
        sample().print_diffs(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let colour = |line: &str| -> &str {
            if line.starts_with("\x1b[32m") {
                "green"
            } else if line.starts_with("\x1b[31m") {
                "red"
            } else if line.starts_with("\x1b[1m") {
                "bold"
            } else {
                "plain"
            }
        };
        let seen: Vec<(String, &str)> = text
            .lines()
            .map(|l| (anstream::adapter::strip_str(l).to_string(), colour(l)))
            .collect();
        let expected = [
            ("--- /dev/null", "bold"),
            ("+++ b/docs/a.md", "bold"),
            ("@@ -0,0 +1 @@", "bold"),
            ("+a", "green"),
            ("--- a/docs/team/raci.md", "bold"),
            ("+++ b/docs/team/raci.md", "bold"),
            ("@@ -1,2 +1,2 @@", "bold"),
            (" x", "plain"),
            ("-y", "red"),
            ("+z", "green"),
        ];
        assert_eq!(seen, expected.map(|(l, c)| (l.to_string(), c)).to_vec());
    }

    #[test]
    fn diffs_show_what_each_write_changes() {
        let mut out = Vec::new();
        sample().print_diffs(&mut out).unwrap();
        let text = anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string();
        assert_eq!(
            text,
            "--- /dev/null\n+++ b/docs/a.md\n@@ -0,0 +1 @@\n+a\n\
             --- a/docs/team/raci.md\n+++ b/docs/team/raci.md\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n"
        );
    }
}
