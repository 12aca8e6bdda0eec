//! Choosing from a list: one item, or any number. dialoguer's own lists measure their lines in
//! bytes, so a Chinese line looked too long and a redraw cleared lines above the question; and
//! they mark the row the cursor is on only by colour. These fit every row to the terminal and
//! mark it with `❯` in a column of its own.

use anyhow::Result;
use dialoguer::console::{Key, measure_text_width, truncate_str};

use super::screen::{Screen, stopped};

impl Screen {
    /// One of `items`, `❯` marking the one Enter takes; reported afterwards as `shown[choice]`.
    pub fn choose(
        &self,
        prompt: &str,
        items: &[String],
        default: usize,
        shown: &[&str],
    ) -> Result<usize> {
        let choice = self.menu(prompt, None, items, default, None, 0)?;
        self.answered(prompt, shown[choice])?;
        Ok(choice)
    }

    /// A multi-select: `❯` marks the row that Space toggles, `✔` and `⬚` the rows picked and
    /// not, so a terminal without colour shows them all. When `refuse_empty` is given, Enter with
    /// nothing picked says it and asks again. Reported afterwards as the `names` picked.
    pub fn pick(
        &self,
        prompt: &str,
        items: &[String],
        names: &[&str],
        defaults: &[bool],
        refuse_empty: Option<&str>,
    ) -> Result<Vec<usize>> {
        let mut checked = defaults.to_vec();
        checked.resize(items.len(), false);
        let hint = self.words.get("pick.hint");
        let mut above = 0;
        let mut active = 0;
        loop {
            active = self.menu(prompt, Some(hint), items, active, Some(&mut checked), above)?;
            let picked: Vec<usize> = (0..items.len()).filter(|&i| checked[i]).collect();
            match refuse_empty {
                Some(refusal) if picked.is_empty() => above = self.warn(refusal)?,
                _ => {
                    let chosen: Vec<&str> = picked.iter().map(|&i| names[i]).collect();
                    self.answered_list(prompt, &chosen, self.words.get("list.separator"))?;
                    return Ok(picked);
                }
            }
        }
    }

    /// The rows of a choice under `prompt` (and `hint`), each fitted to a line, scrolled when
    /// the terminal is short, until Enter; then they are cleared, with the `above` lines over
    /// them, and the row Enter was pressed on is returned. With `checked`, Space toggles rows.
    fn menu(
        &self,
        prompt: &str,
        hint: Option<&str>,
        items: &[String],
        mut active: usize,
        mut checked: Option<&mut [bool]>,
        above: usize,
    ) -> Result<usize> {
        self.term.hide_cursor()?;
        self.term.write_line(&format!(
            "{} {}",
            self.theme.prompt_prefix,
            self.theme
                .prompt_style
                .apply_to(truncate_str(prompt, self.width() - 2, "…"))
        ))?;
        let hint = match hint {
            Some(hint) => self.note(hint)?,
            None => 0,
        };
        let shown = items.len().min(self.rows().saturating_sub(hint + 2).max(3));
        let mut top: usize = 0;
        loop {
            top = top.min(active).max((active + 1).saturating_sub(shown));
            for (i, item) in items.iter().enumerate().skip(top).take(shown) {
                let mark = checked.as_deref().map(|c| c[i]);
                self.term.write_line(&self.row(item, mark, i == active))?;
            }
            match self.term.read_key().map_err(stopped)? {
                Key::ArrowDown | Key::Tab | Key::Char('j') => active = (active + 1) % items.len(),
                Key::ArrowUp | Key::BackTab | Key::Char('k') => {
                    active = (active + items.len() - 1) % items.len();
                }
                Key::Home | Key::PageUp => active = 0,
                Key::End | Key::PageDown => active = items.len() - 1,
                Key::Char(' ') => {
                    if let Some(c) = checked.as_deref_mut() {
                        c[active] = !c[active];
                    }
                }
                Key::Char('a') => {
                    if let Some(c) = checked.as_deref_mut() {
                        let all = c.iter().all(|c| *c);
                        c.fill(!all);
                    }
                }
                Key::Enter => break,
                _ => {}
            }
            self.term.clear_last_lines(shown)?;
        }
        self.term.clear_last_lines(above + 1 + hint + shown)?;
        self.term.show_cursor()?;
        Ok(active)
    }

    /// A row of a choice: the `❯` column, then `✔` or `⬚` when rows are picked, then the text.
    fn row(&self, item: &str, checked: Option<bool>, active: bool) -> String {
        let t = &self.theme;
        let mut row = format!(
            "{} ",
            if active {
                &t.active_item_prefix
            } else {
                &t.inactive_item_prefix
            }
        );
        if let Some(checked) = checked {
            let mark = if checked {
                &t.checked_item_prefix
            } else {
                &t.unchecked_item_prefix
            };
            row.push_str(&format!("{mark} "));
        }
        let room = self.width().saturating_sub(measure_text_width(&row));
        let text = truncate_str(item, room, "…");
        format!(
            "{row}{}",
            if active {
                t.active_item_style.apply_to(text)
            } else {
                t.inactive_item_style.apply_to(text)
            }
        )
    }
}
