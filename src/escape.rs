//! Escaping a value for the format it lands in, and reading it back. Each template registry
//! escapes every `{{value}}` with the function of its format (Markdown, HTML, or one line of a
//! plain-text format such as TOML, iCalendar or CODEOWNERS); the format helpers (`toml`, `ics`,
//! …) quote for theirs. The input side uses the inverses (a Markdown cell or a CSV cell read back
//! by `raci import`) and the line rule (a name must stay on its line), so this sits below both.

/// Characters that end a line somewhere: a value written on one line must not hold them.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// One line of plain text: line breaks and other control characters become spaces, so a value
/// can never start a line of its own (a TOML key, an iCalendar property, a CODEOWNERS rule).
pub fn line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || is_line_break(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Markdown text (CommonMark and GitHub-flavoured), on one line. Backslash-escaped: the
/// punctuation that could start emphasis, code, a link or image, an HTML tag or entity, a
/// heading, a quote, a table cell or math; a `-`, `+`, `=` or `1.` that would start a list, a
/// rule or a heading; the `:` of `mlteam:` (a region marker) and of `://`, every `@` and the `.`
/// of `www.` (links GitHub would make). Each escape renders as the character itself;
/// punctuation ordinary text is full of (`.`, `,`, `:`, `;`, `'`, `(`, `)`, `/`, `-` inside a
/// word) is left alone.
pub fn markdown(text: &str) -> String {
    let text = line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if start => {
                out.push('\\');
                out.push(c);
            }
            // `mlteam:` could start a region marker, `x://` an autolink.
            ':' if text[..at].ends_with("mlteam") || text[at..].starts_with("://") => {
                out.push_str("\\:");
            }
            // `a@b.c` would become a mail link on GitHub.
            '@' => out.push_str("\\@"),
            // So would `www.example.com`.
            '.' if text[..at].ends_with("www")
                && !text[..at - 3]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric) =>
            {
                out.push_str("\\.");
            }
            c if c.is_ascii_digit() && start => {
                // `1.` or `1)` and a space (or nothing) at the start would open an ordered list;
                // `7.5` would not.
                let digits: String = std::iter::once(c)
                    .chain(std::iter::from_fn(|| {
                        chars.next_if(|(_, d)| d.is_ascii_digit()).map(|(_, d)| d)
                    }))
                    .collect();
                out.push_str(&digits);
                if let Some((at, mark @ ('.' | ')'))) = chars.peek().copied()
                    && text[at + 1..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
                {
                    chars.next();
                    out.push('\\');
                    out.push(mark);
                }
            }
            c => out.push(c),
        }
        start = start && c.is_whitespace();
    }
    out
}

/// The text of a Markdown-escaped value as a reader sees it: each backslash before ASCII
/// punctuation dropped (CommonMark §2.4).
pub fn markdown_unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// HTML text or attribute value.
/// A name inside a Mermaid gantt chart (a task, a section): on one line, without the characters
/// Mermaid reads as syntax there (`:` ends a task's name, `;` a statement, `#` and `%` start
/// entities and comments, `<` `>` HTML).
pub fn gantt(text: &str) -> String {
    let clean: String = line(text)
        .chars()
        .map(|c| match c {
            ':' | ';' | '#' | '%' | '<' | '>' | '`' => ' ',
            c => c,
        })
        .collect();
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn html(text: &str) -> String {
    handlebars::html_escape(text)
}

/// A TOML string on one line: the shortest form `toml_edit` writes (a basic string, or a literal
/// one for text full of quotes and backslashes), else a basic string with every control
/// character escaped.
pub fn toml(text: &str) -> String {
    let written = toml_edit::Value::from(text).to_string();
    if !written.contains(['\n', '\r']) && !written.starts_with("'''") {
        return written;
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_line_break(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The first characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV
/// injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell a spreadsheet will show as text: one that would start a formula (after any
/// quotes already in front) gets a `'` in front. [`csv_cell_back`] undoes exactly this.
pub fn csv_cell(text: &str) -> String {
    if text.trim_start_matches('\'').starts_with(FORMULA_START) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The cell [`csv_cell`] was given.
pub fn csv_cell_back(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests;
