//! The text rules of RFC 5545 for a rendered calendar: TEXT and parameter values escaped, content
//! lines folded at 75 octets (never inside a UTF-8 character), CRLF after every line.

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 §3.2): quoted when it holds `;`, `:` or `,`; it cannot hold `"`.
pub fn param_value(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([';', ':', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// The rendered template as content lines: blank lines dropped, each line folded at 75 octets
/// (never inside a UTF-8 character), CRLF after every line.
pub fn finish(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 20);
    for line in rendered
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
    {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "数据".repeat(40));
        let out = finish(&format!("BEGIN:VEVENT\n\n{line}\nEND:VEVENT\n"));
        assert!(out.starts_with("BEGIN:VEVENT\r\nDESCRIPTION:"));
        for physical in out.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{physical:?} is {} octets",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&line));
        assert!(out.ends_with("END:VEVENT\r\n"));
    }

    #[test]
    fn quotes_parameters_that_need_it() {
        assert_eq!(param_value("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(param_value("Lovelace, Ada \"AL\""), "\"Lovelace, Ada AL\"");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a, b; c\\d\nnext"), "a\\, b\\; c\\\\d\\nnext");
    }
}
