//! The terminal the questions are asked on: one look for every question, lines that always fit
//! the terminal's width (a line that wraps breaks the redraw of the line under it), answers
//! reported without the hints shown while asking, and the session's language in every word.

use std::fmt;
use std::io;

use anyhow::Result;
use dialoguer::Confirm;
use dialoguer::console::{self, Term, measure_text_width, truncate_str};
use dialoguer::theme::{ColorfulTheme, Theme};

use super::line;
use super::wrap::{wrap, wrap_items};
use crate::diag::Interrupted;
use crate::words::Lang;
use crate::words::Words;

pub(super) struct Screen {
    pub term: Term,
    pub theme: ColorfulTheme,
    pub words: Words,
}

impl Screen {
    pub fn new(lang: Lang) -> Screen {
        // `--color` and NO_COLOR decide; the prompts write to stdout while the theme's styles
        // ask about stderr, so both follow the same choice.
        let colour = match anstream::ColorChoice::global() {
            anstream::ColorChoice::Never => false,
            anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi => true,
            anstream::ColorChoice::Auto => console::colors_enabled(),
        };
        console::set_colors_enabled(colour);
        console::set_colors_enabled_stderr(colour);
        Screen {
            term: Term::stdout(),
            theme: ColorfulTheme::default(),
            words: Words::new(lang),
        }
    }

    /// The columns a line may take: one less than the terminal has, so that no terminal wraps.
    pub fn width(&self) -> usize {
        usize::from(self.term.size().1).saturating_sub(1).max(20)
    }

    pub fn rows(&self) -> usize {
        usize::from(self.term.size().0).max(6)
    }

    /// `text` cut to `columns` at most, `…` marking the cut: so that a long question, or a
    /// long default shown in one, leaves room for its answer.
    pub fn fit<'t>(&self, text: &'t str, columns: usize) -> std::borrow::Cow<'t, str> {
        truncate_str(text, columns, "…")
    }

    /// Lines of plain text, indented by two columns and wrapped to fit.
    pub fn note(&self, text: &str) -> Result<usize> {
        let width = self.width().saturating_sub(2);
        let lines = wrap(text, width, width);
        for line in &lines {
            self.term
                .write_line(&format!("  {}", self.theme.hint_style.apply_to(line)))?;
        }
        Ok(lines.len())
    }

    /// A line as it is, for the summary (whose rows are fitted by the caller).
    pub fn line(&self, text: &str) -> Result<()> {
        Ok(self.term.write_line(text)?)
    }

    /// What is wrong with an answer, marked as an error and wrapped; the number of lines written.
    pub fn warn(&self, text: &str) -> Result<usize> {
        let mark = self.theme.error_prefix.to_string();
        let indent = measure_text_width(&mark) + 1;
        let room = self.width().saturating_sub(indent);
        let lines = wrap(text, room, room);
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 {
                format!("{mark} ")
            } else {
                " ".repeat(indent)
            };
            self.term
                .write_line(&format!("{lead}{}", self.theme.error_style.apply_to(line)))?;
        }
        Ok(lines.len())
    }

    /// The answered question: the question without its hints, then the answer, wrapped under
    /// itself when it is long.
    pub fn answered(&self, prompt: &str, answer: &str) -> Result<()> {
        self.answered_list(prompt, &[answer], "")
    }

    /// The answered question with the items chosen, broken between items where it must wrap.
    pub fn answered_list(&self, prompt: &str, items: &[&str], separator: &str) -> Result<()> {
        let t = &self.theme;
        let head = format!(
            "{} {} {} ",
            t.success_prefix,
            t.prompt_style
                .apply_to(self.fit(prompt, self.width().saturating_sub(24))),
            t.success_suffix
        );
        let indent = 4;
        let first = self.width().saturating_sub(measure_text_width(&head));
        let rest = self.width() - indent;
        let items: Vec<&str> = if items.is_empty() {
            vec![self.words.get("summary.nothing")]
        } else {
            items.to_vec()
        };
        for (i, line) in wrap_items(&items, separator, first, rest)
            .iter()
            .enumerate()
        {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(indent)
            };
            self.term
                .write_line(&format!("{lead}{}", t.values_style.apply_to(line)))?;
        }
        Ok(())
    }

    /// A line of text: typed on one line (it scrolls sideways rather than wrap), checked by
    /// `check`; after a refusal the question comes back holding what was typed, to be corrected.
    /// An empty answer is `default` when there is one.
    pub fn text<T>(
        &self,
        prompt: &str,
        default: Option<&str>,
        mut check: impl FnMut(&str) -> Result<T, String>,
    ) -> Result<T> {
        let mut head = String::new();
        let shown = default.map(|d| self.fit(d, self.width() / 4));
        self.theme
            .format_input_prompt(
                &mut head,
                &self.fit(prompt, self.width() / 2),
                shown.as_deref(),
            )
            .map_err(io::Error::other)?;
        let mut typed = String::new();
        let mut warned = 0;
        loop {
            typed = line::edit(&self.term, &head, &typed, self.width()).map_err(stopped)?;
            let value = match default {
                Some(default) if typed.trim().is_empty() => default,
                _ => typed.as_str(),
            };
            // The question's line is blank now; the lines of the last refusal sit above it.
            self.term.clear_last_lines(warned)?;
            match check(value) {
                Ok(answer) => {
                    self.answered(prompt, value.trim())?;
                    return Ok(answer);
                }
                Err(problem) => warned = self.warn(&problem)?,
            }
        }
    }

    /// Yes or no, in the session's words; `y`, `n` and Enter (the default) answer it.
    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        let theme = YesNo {
            base: &self.theme,
            yes: self.words.get("confirm.yes"),
            no: self.words.get("confirm.no"),
        };
        Confirm::with_theme(&theme)
            .with_prompt(prompt)
            .default(default)
            .interact_on(&self.term)
            .map_err(dialogue)
    }
}

/// The colourful theme, saying yes and no in the session's language.
struct YesNo<'a> {
    base: &'a ColorfulTheme,
    yes: &'a str,
    no: &'a str,
}

impl Theme for YesNo<'_> {
    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        let t = self.base;
        write!(
            f,
            "{} {} {} {}",
            t.prompt_prefix,
            t.prompt_style.apply_to(prompt),
            t.hint_style.apply_to("(y/n)"),
            t.prompt_suffix
        )?;
        match default {
            Some(yes) => write!(
                f,
                " {}",
                t.defaults_style
                    .apply_to(if yes { self.yes } else { self.no })
            ),
            None => Ok(()),
        }
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        let t = self.base;
        write!(
            f,
            "{} {} {}",
            t.success_prefix,
            t.prompt_style.apply_to(prompt),
            t.success_suffix
        )?;
        match selection {
            Some(yes) => write!(
                f,
                " {}",
                t.values_style
                    .apply_to(if yes { self.yes } else { self.no })
            ),
            None => Ok(()),
        }
    }
}

/// A terminal error; Ctrl-C (which the terminal library reports as an interrupted read) becomes
/// exit 130 with the cursor shown again.
pub(super) fn stopped(error: io::Error) -> anyhow::Error {
    if error.kind() == io::ErrorKind::Interrupted {
        let _ = crate::write::signal::console_show_cursor();
        Interrupted::Signal.into()
    } else {
        crate::diag::Failed {
            msg: crate::msg!("prompt.terminal_failed"),
            help: None,
            cause: Some(error.into()),
        }
        .into()
    }
}

fn dialogue(error: dialoguer::Error) -> anyhow::Error {
    let dialoguer::Error::IO(e) = error;
    stopped(e)
}
