//! A line of text typed after a question. It stays on the question's line whatever its length
//! (a long one scrolls sideways, marked `…`), and it counts columns, not characters, so Chinese
//! text is edited where it shows. dialoguer's own input wraps (leaving the half-typed question on
//! screen) and moves by characters (a Backspace over a Chinese character leaves half of it).

use std::io;

use dialoguer::console::{Key, Term, measure_text_width};

use super::wrap::char_width;

/// Reads a line after `head`, starting from `initial`, until Enter; the line is blank afterwards
/// and the cursor at its start. `width` is the columns the line may take.
pub(super) fn edit(term: &Term, head: &str, initial: &str, width: usize) -> io::Result<String> {
    let room = width.saturating_sub(measure_text_width(head)).max(8);
    let mut text: Vec<char> = initial.chars().collect();
    let mut at = text.len();
    term.show_cursor()?;
    loop {
        draw(term, head, &text, at, room)?;
        let key = term.read_key().inspect_err(|e| {
            // Ctrl-C: what is said next starts a line of its own.
            if e.kind() == io::ErrorKind::Interrupted {
                let _ = term.write_line("");
            }
        })?;
        match key {
            Key::Enter => {
                term.clear_line()?;
                return Ok(text.into_iter().collect());
            }
            Key::Char(c) if !c.is_control() => {
                text.insert(at, c);
                at += 1;
            }
            Key::Backspace if at > 0 => {
                at -= 1;
                text.remove(at);
            }
            Key::Del if at < text.len() => {
                text.remove(at);
            }
            Key::ArrowLeft if at > 0 => at -= 1,
            Key::ArrowRight if at < text.len() => at += 1,
            Key::Home => at = 0,
            Key::End => at = text.len(),
            // Ctrl-U and Ctrl-K: forget the text before or after the cursor, as in a shell.
            Key::Char('\u{15}') => {
                text.drain(..at);
                at = 0;
            }
            Key::Char('\u{b}') => text.truncate(at),
            // Ctrl-W: the word before the cursor.
            Key::Char('\u{17}') => {
                let mut from = at;
                while from > 0 && text[from - 1] == ' ' {
                    from -= 1;
                }
                while from > 0 && text[from - 1] != ' ' {
                    from -= 1;
                }
                text.drain(from..at);
                at = from;
            }
            _ => {}
        }
    }
}

fn columns(text: &[char]) -> usize {
    text.iter().copied().map(char_width).sum()
}

/// The question and the part of the text that fits `room` columns with the cursor in view.
fn draw(term: &Term, head: &str, text: &[char], at: usize, room: usize) -> io::Result<()> {
    let (from, to) = window(text, at, room);
    let before = if from > 0 { "…" } else { "" };
    let after = if to < text.len() { "…" } else { "" };
    let shown: String = text[from..to].iter().collect();
    term.clear_line()?;
    term.write_str(&format!("{head}{before}{shown}{after}"))?;
    term.move_cursor_left(columns(&text[at..to]) + usize::from(!after.is_empty()))?;
    term.flush()
}

/// The characters `from..to` shown: everything when it fits; else a stretch ending just after
/// the cursor, with room for the `…` that marks each cut side.
fn window(text: &[char], at: usize, room: usize) -> (usize, usize) {
    if columns(text) < room {
        return (0, text.len());
    }
    let mut from = 0;
    // The cursor needs a column of its own past the last character before it.
    while from < at && usize::from(from > 0) + columns(&text[from..at]) + 2 > room {
        from += 1;
    }
    let lead = usize::from(from > 0);
    let mut to = at;
    while to < text.len() {
        let cut = usize::from(to + 1 < text.len());
        if lead + columns(&text[from..=to]) + cut + 1 > room {
            break;
        }
        to += 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_short_text_is_shown_whole() {
        assert_eq!(window(&chars("Ada"), 3, 20), (0, 3));
        assert_eq!(window(&chars("李雷"), 1, 20), (0, 2));
    }

    #[test]
    fn a_long_text_scrolls_to_keep_the_cursor_in_view() {
        let text = chars("abcdefghijklmnopqrstuvwxyz");
        let (from, to) = window(&text, 26, 10);
        assert_eq!(to, 26);
        assert!(1 + columns(&text[from..to]) < 10, "{from}..{to}");
        let (from, to) = window(&text, 0, 10);
        assert_eq!(from, 0);
        assert!(columns(&text[from..to]) + 1 < 10, "{from}..{to}");
        let zh = chars("每行填写一位成员格式为姓名");
        let (from, to) = window(&zh, zh.len(), 10);
        assert!(1 + columns(&zh[from..to]) < 10, "{from}..{to}");
    }
}
