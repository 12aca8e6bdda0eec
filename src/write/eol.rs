//! Line endings are each file's own (SPEC §5): a file checked out with CRLF (git's autocrlf on
//! Windows) gets CRLF in what mlteam writes into it, an LF file gets LF, and no file is left
//! with both.

/// How a file ends its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eol {
    Lf,
    Crlf,
}

/// The line ending most of a text's lines use; `None` for a text without any.
pub fn of(text: &str) -> Option<Eol> {
    let crlf = text.matches("\r\n").count();
    let lf = text.matches('\n').count() - crlf;
    match (crlf, lf) {
        (0, 0) => None,
        (crlf, lf) if crlf > lf => Some(Eol::Crlf),
        _ => Some(Eol::Lf),
    }
}

/// `text` with every line ending written as `eol`.
pub fn convert(text: &str, eol: Eol) -> String {
    let lf = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    match eol {
        Eol::Lf => lf,
        Eol::Crlf => lf.replace('\n', "\r\n"),
    }
}

/// `new` written with the line endings of `old`, the text it replaces (as it is when `old` has
/// no line at all).
pub fn like(old: &str, new: String) -> String {
    match of(old) {
        Some(eol) if of(&new).is_some_and(|e| e != eol) || new.contains('\r') => convert(&new, eol),
        _ => new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_text_decides() {
        assert_eq!(of("a\r\nb\r\n"), Some(Eol::Crlf));
        assert_eq!(of("a\nb\r\n c\n"), Some(Eol::Lf));
        assert_eq!(of("no newline"), None);
        assert_eq!(like("x\r\n", "a\nb\n".into()), "a\r\nb\r\n");
        assert_eq!(like("x\n", "a\r\nb\n".into()), "a\nb\n");
        assert_eq!(like("x", "a\nb\n".into()), "a\nb\n");
        assert_eq!(like("x\r\ny\r\n", "a\r\nb\n".into()), "a\r\nb\r\n");
    }
}
