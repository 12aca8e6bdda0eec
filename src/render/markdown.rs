//! Tidy rendered Markdown the way markdownlint wants it, whatever a template's whitespace: no
//! trailing spaces, no runs of blank lines, one newline at the end. Fenced code is left alone.

pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    let mut blank_run = 0;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            out.push_str(line);
            out.push('\n');
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if blank_run > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank_run = 0;
        if trimmed.starts_with("```") {
            fence = Some("```");
        } else if trimmed.starts_with("~~~") {
            fence = Some("~~~");
        }
        if line.starts_with('|') && line.ends_with('|') {
            compact_table_row(line, &mut out);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// `| a |  | b |` → `| a | | b |`: one space inside each pipe, as markdownlint's compact style wants,
/// however the template spaced the cells (an empty value leaves two spaces).
fn compact_table_row(line: &str, out: &mut String) {
    let inner = &line[1..line.len() - 1];
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = inner.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(&inner[start..i]);
            start = i + 1;
        }
    }
    cells.push(&inner[start..]);
    out.push('|');
    for cell in cells {
        let cell = cell.trim();
        if cell.is_empty() {
            out.push_str(" |");
        } else {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn collapses_blank_runs_and_trailing_space() {
        assert_eq!(tidy("\n\n# A  \n\n\n\ntext\t\n\n"), "# A\n\ntext\n");
    }

    #[test]
    fn table_rows_get_one_space_inside_each_pipe() {
        assert_eq!(
            tidy("| a |  |b| c \\| d |\n| --- | :-: |  |\n"),
            "| a | | b | c \\| d |\n| --- | :-: | |\n"
        );
    }

    #[test]
    fn leaves_fenced_code_alone() {
        let text = "```toml\na = 1  \n\n\nb = 2\n```\n\n\nafter\n";
        assert_eq!(tidy(text), "```toml\na = 1  \n\n\nb = 2\n```\n\nafter\n");
    }
}
