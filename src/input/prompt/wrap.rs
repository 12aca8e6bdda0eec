//! Text fitted to the terminal's width by display columns (a Chinese character takes two),
//! broken where a reader expects: at spaces, between Chinese characters but not before closing
//! punctuation, between the items of a list.

use dialoguer::console::measure_text_width;

/// The columns `c` takes on a terminal.
pub(super) fn char_width(c: char) -> usize {
    let mut buf = [0; 4];
    measure_text_width(c.encode_utf8(&mut buf))
}

/// `text` in lines of at most `first` columns (the first line) and `rest` (the others), broken
/// at spaces or beside a wide character (Chinese has no spaces), and inside a word only when it
/// is longer than a line. A newline in `text` always breaks; a no-break space (`GLUE`) never
/// does, and is written as a space.
pub(super) fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest }.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0;
        let mut space = false;
        for token in tokens(paragraph) {
            if token.trim().is_empty() {
                space = !line.is_empty();
                continue;
            }
            let w = measure_text_width(token);
            let gap = usize::from(space);
            space = false;
            if width + gap + w <= limit(&lines) {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(token);
                width += gap + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            // A word longer than a line is cut where the line ends.
            for c in token.chars() {
                let cw = char_width(c);
                if width + cw > limit(&lines) && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    width = 0;
                }
                line.push(c);
                width += cw;
            }
        }
        lines.push(line);
    }
    lines.iter().map(|l| l.replace(GLUE, " ")).collect()
}

/// Between the words of a name that a line should not break.
pub(super) const GLUE: char = '\u{a0}';

/// Words, single spaces and single wide characters; closing punctuation stays with what it
/// closes and opening punctuation with what it opens, so that no line starts with `）` or `，`
/// nor ends with `（`, as Chinese typesetting wants.
fn tokens(text: &str) -> Vec<&str> {
    const CLOSING: &str = "，。、；：！？）》」』”’";
    const OPENING: &str = "（《「『“‘";
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c != GLUE && c.is_whitespace() || char_width(c) > 1 {
            if let Some(start) = word.take() {
                raw.push((start, i));
            }
            raw.push((i, i + c.len_utf8()));
        } else if word.is_none() {
            word = Some(i);
        }
    }
    if let Some(start) = word {
        raw.push((start, text.len()));
    }
    let blank = |(s, e): (usize, usize)| text[s..e].trim().is_empty();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for token in raw {
        if let Some(last) = out
            .last_mut()
            .filter(|last| !blank(**last) && !blank(token))
        {
            let closes = text[token.0..token.1].chars().all(|c| CLOSING.contains(c));
            let opened = text[..last.1]
                .chars()
                .next_back()
                .is_some_and(|c| OPENING.contains(c));
            if closes || opened {
                last.1 = token.1;
                continue;
            }
        }
        out.push(token);
    }
    out.into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// `items` joined by `separator` in lines of at most `first` and `rest` columns, broken
/// between items; an item longer than a line is wrapped on its own.
pub(super) fn wrap_items(
    items: &[&str],
    separator: &str,
    first: usize,
    rest: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}{}", separator.trim_end())
        } else {
            (*item).to_string()
        };
        let gap = if line.is_empty() || separator.ends_with(' ') {
            usize::from(!line.is_empty())
        } else {
            0
        };
        if measure_text_width(&line) + gap + measure_text_width(&piece) <= limit(&lines) {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(&piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = wrap(&piece, limit(&lines), rest);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    lines.push(line);
    lines.iter().map(|l| l.replace(GLUE, " ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(lines: &[String]) -> Vec<usize> {
        lines.iter().map(|l| measure_text_width(l)).collect()
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_beside_chinese() {
        assert_eq!(
            wrap("one two three four", 9, 9),
            ["one two", "three", "four"]
        );
        let zh = wrap("每行填写一位成员，格式为：姓名 <邮箱>", 12, 12);
        assert!(widths(&zh).iter().all(|w| *w <= 12), "{zh:?}");
        assert_eq!(
            zh.concat().replace(' ', ""),
            "每行填写一位成员，格式为：姓名<邮箱>"
        );
        assert_eq!(wrap("abcdefghij", 4, 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10, 10), ["a", "b"]);
        assert_eq!(wrap("a Data\u{a0}analyst", 8, 14), ["a", "Data analyst"]);
        // No line starts with closing punctuation nor ends with opening punctuation.
        assert_eq!(tokens("可不填）。"), ["可", "不", "填）。"]);
        assert_eq!(tokens("如（例子）"), ["如", "（例", "子）"]);
        assert_eq!(tokens("用IANA名称"), ["用", "IANA", "名", "称"]);
        assert_eq!(tokens("Ada (ML), Bo"), ["Ada", " ", "(ML),", " ", "Bo"]);
    }

    #[test]
    fn lists_break_between_items() {
        assert_eq!(
            wrap_items(
                &["Product manager", "ML engineer", "Data engineer"],
                ", ",
                20,
                30
            ),
            ["Product manager,", "ML engineer, Data engineer"]
        );
        let zh = wrap_items(&["产品经理", "机器学习工程师", "数据工程师"], "、", 20, 20);
        assert_eq!(zh, ["产品经理、", "机器学习工程师、", "数据工程师"]);
        assert_eq!(
            wrap_items(&["Data\u{a0}analyst"], ", ", 20, 20),
            ["Data analyst"]
        );
    }
}
