//! Rendering: the data of the view turned into pages in memory. Templates are the embedded set,
//! then the project's own files under `.mlteam/templates/` (SPEC §9), in strict handlebars, each
//! escaping its values for the format it writes; exports (JSON, CSV, HTML) and the last pass each
//! file type gets live here too. Nothing here touches the disk for writing.
//!
//! A page `P` in language `L` (`en/raci.md`) renders with the first template of: the project's
//! `L/P`, the project's `pages/P`, the built-in `L/P`, the built-in `pages/P`. Pages built alike
//! in every language share one template under `pages/`, whose words come from the language's
//! word file through the `t` helper.

pub(crate) mod export;
pub(crate) mod helpers;
pub(crate) mod html;
pub(crate) mod ics;
pub(crate) mod manifest;
pub(crate) mod markdown;
pub mod pages;
pub(crate) mod status;
pub(crate) mod status_page;
pub(crate) mod stub;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use anyhow::Result;
use handlebars::{
    Handlebars, RenderError, RenderErrorReason, Template, TemplateError, TemplateErrorReason,
};

use crate::assets;
use crate::diag::{Diagnostic, Invalid, Said};
use crate::escape;
use crate::msg;
use crate::words::{Lang, Msg};
use crate::write::read;

/// The data a template renders with. Built once per command and changed in place between pages:
/// handing handlebars a fresh value per page would copy the whole team's data each time.
pub type Data = handlebars::Context;

/// Where a project keeps its own versions of the templates.
pub use crate::view::paths::TEMPLATE_OVERRIDES as OVERRIDE_DIR;

/// The folder of the templates every language shares, built-in and in a project.
pub const SHARED: &str = "pages";

/// What a template writes, which decides how its values are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `*.md`: every value is Markdown-escaped and kept on one line.
    Markdown,
    /// `*.html`: every value is HTML-escaped.
    Html,
    /// Anything else (TOML, iCalendar, CODEOWNERS): every value is kept on one line; the format
    /// helpers (`toml`, `ics`, `ics-text`, `ics-param`) quote for their formats.
    Plain,
}

impl Format {
    /// The format of a template or page, by its name.
    pub fn of(name: &str) -> Format {
        if name.ends_with(".md") {
            Format::Markdown
        } else if name.ends_with(".html") {
            Format::Html
        } else {
            Format::Plain
        }
    }

    const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Plain];

    fn index(self) -> usize {
        self as usize
    }

    fn escape(self) -> fn(&str) -> String {
        match self {
            Format::Markdown => escape::markdown,
            Format::Html => escape::html,
            Format::Plain => escape::line,
        }
    }
}

pub struct Renderer {
    /// One registry per [`Format`]: handlebars escapes per registry. Templates are compiled
    /// into them as they are needed ([`Renderer::prepare`]).
    registries: RefCell<Vec<Handlebars<'static>>>,
    /// Template name → where its text came from (for error messages) and the text. Built-in
    /// templates are named by their path under `templates/` without `.hbs`, a project's by its
    /// path under the project (`.mlteam/templates/en/raci.md`).
    sources: BTreeMap<String, (String, String)>,
    lang: Option<Lang>,
}

impl Renderer {
    /// The built-in templates of `lang` (all languages when `None`) and the shared ones, with
    /// the project's own where `project` has them; none compiled yet.
    pub fn new(project: Option<&Path>, lang: Option<Lang>) -> Result<Renderer> {
        let wanted = |name: &str| {
            name.starts_with(&format!("{SHARED}/"))
                || lang.is_none_or(|l| name.starts_with(&format!("{l}/")))
        };
        let registries: Vec<Handlebars<'static>> = Format::ALL
            .iter()
            .map(|format| {
                let mut hb = Handlebars::new();
                hb.set_strict_mode(true);
                hb.register_escape_fn(format.escape());
                helpers::register(&mut hb);
                hb
            })
            .collect();
        let mut sources = BTreeMap::new();
        for (path, text) in assets::files() {
            if let Some(name) = path.strip_suffix(".hbs").filter(|n| wanted(n)) {
                sources.insert(
                    name.to_string(),
                    (format!("templates/{path}"), text.to_string()),
                );
            }
        }
        if let Some(dir) = project.map(|p| p.join(OVERRIDE_DIR)).filter(|d| d.is_dir()) {
            for (name, file) in override_files(&dir)?.into_iter().filter(|(n, _)| wanted(n)) {
                let shown = crate::diag::shown(&file);
                let opened =
                    std::fs::File::open(&file).said(|| msg!("file.cannot_read", path = &shown))?;
                let text = read::capped(opened, read::FILE_LIMIT, &shown, read::What::Template)?;
                sources.insert(format!("{OVERRIDE_DIR}/{name}"), (shown, text));
            }
        }
        Ok(Renderer {
            registries: RefCell::new(registries),
            sources,
            lang,
        })
    }

    /// Compiles the templates that render `pages` (`en/raci.md`, …), those not compiled yet.
    /// Compiling is most of the start-up cost, and grows faster than a template's length: a
    /// command compiles only what it renders (`init` never the HTML pages), over two threads,
    /// the halves about equally long. A template not prepared compiles when first rendered.
    pub fn prepare<'p>(&self, pages: impl IntoIterator<Item = &'p str>) -> Result<()> {
        let names: BTreeSet<&str> = pages
            .into_iter()
            .filter_map(|page| self.resolve(page))
            .collect();
        self.compile(names)
    }

    /// Compiles every template, the project's unused ones too: a broken one is said now.
    pub fn check_all(&self) -> Result<()> {
        self.compile(self.sources.keys().map(String::as_str).collect())
    }

    fn compile(&self, names: BTreeSet<&str>) -> Result<()> {
        let mut entries: Vec<(&str, &(String, String))> = {
            let registries = self.registries.borrow();
            names
                .into_iter()
                .filter(|name| !registries[Format::of(name).index()].has_template(name))
                .filter_map(|name| self.sources.get(name).map(|source| (name, source)))
                .collect()
        };
        if entries.is_empty() {
            // Every page renders through here: nothing to compile must cost nothing, not a thread.
            return Ok(());
        }
        entries.sort_by_key(|(_, (_, text))| std::cmp::Reverse(text.len()));
        let (mut first, mut second, mut balance) = (Vec::new(), Vec::new(), 0isize);
        for entry in entries {
            let len = entry.1.1.len() as isize;
            if balance <= 0 {
                balance += len;
                first.push(entry);
            } else {
                balance -= len;
                second.push(entry);
            }
        }
        let compile = |part: &[(&str, &(String, String))]| {
            part.iter()
                .map(|(name, (_, text))| Template::compile_with_name(text, name.to_string()))
                .collect::<Vec<_>>()
        };
        let compiled = std::thread::scope(|s| {
            if second.is_empty() {
                return compile(&first);
            }
            let other = s.spawn(|| compile(&second));
            let mut compiled = compile(&first);
            compiled.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            compiled
        });
        let mut registries = self.registries.borrow_mut();
        for ((name, (origin, text)), template) in first.iter().chain(&second).zip(compiled) {
            match template {
                Ok(template) => {
                    registries[Format::of(name).index()].register_template(name, template);
                }
                Err(e) => return Err(Invalid(vec![template_diagnostic(origin, text, &e)]).into()),
            }
        }
        Ok(())
    }

    /// The language whose templates this renderer holds (`None`: all).
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The template that renders page `name` (`en/raci.md`), in the order of the module's doc.
    fn resolve(&self, name: &str) -> Option<&str> {
        let candidates = match name.split_once('/') {
            Some((_, page)) => vec![
                format!("{OVERRIDE_DIR}/{name}"),
                format!("{OVERRIDE_DIR}/{SHARED}/{page}"),
                name.to_string(),
                format!("{SHARED}/{page}"),
            ],
            None => vec![format!("{OVERRIDE_DIR}/{name}"), name.to_string()],
        };
        candidates
            .into_iter()
            .find_map(|candidate| self.sources.get_key_value(&candidate))
            .map(|(name, _)| name.as_str())
    }

    /// Where the template that renders page `name` comes from: a file under `templates/` (built
    /// in) or the project's own.
    pub fn origin(&self, name: &str) -> Option<&str> {
        self.resolve(name)
            .and_then(|t| self.sources.get(t))
            .map(|(origin, _)| origin.as_str())
    }

    /// Every page this renderer can render (`en/raci.md`, …), with where its template comes
    /// from.
    pub fn pages(&self) -> Vec<(String, &str)> {
        let langs: Vec<Lang> = self.lang.map_or(Lang::ALL.to_vec(), |l| vec![l]);
        let pages: BTreeSet<&str> = self
            .sources
            .keys()
            .filter(|name| !name.starts_with(OVERRIDE_DIR))
            .filter_map(|name| name.split_once('/').map(|(_, page)| page))
            .collect();
        langs
            .iter()
            .flat_map(|lang| pages.iter().map(move |page| format!("{lang}/{page}")))
            .filter_map(|name| self.origin(&name).map(|origin| (name, origin)))
            .collect()
    }

    /// The project's templates that render no page: misnamed, or always shadowed by another.
    pub fn unused(&self) -> Vec<&str> {
        let used: BTreeSet<&str> = self.pages().into_iter().map(|(_, o)| o).collect();
        self.sources
            .iter()
            .filter(|(name, (origin, _))| {
                name.starts_with(OVERRIDE_DIR) && !used.contains(origin.as_str())
            })
            .map(|(_, (origin, _))| origin.as_str())
            .collect()
    }

    /// Renders page `name` (`en/raci.md`) with the template that resolves for it; an error names
    /// the template's file, line and column.
    pub fn render(&self, name: &str, data: &Data) -> Result<String> {
        let Some(template) = self.resolve(name) else {
            return Err(Invalid(vec![Diagnostic::new(
                format!("templates/{name}.hbs"),
                msg!("template.none"),
            )])
            .into());
        };
        self.compile(BTreeSet::from([template]))?;
        let registries = self.registries.borrow();
        let registry = &registries[Format::of(template).index()];
        registry.render_with_context(template, data).map_err(|e| {
            let template = e
                .template_name
                .clone()
                .unwrap_or_else(|| template.to_string());
            let (origin, text) = self
                .sources
                .get(&template)
                .cloned()
                .unwrap_or((template.clone(), String::new()));
            let mut d = Diagnostic::new(origin, reason(&e));
            if let Some(line) = e.line_no {
                d = d.at_line(line);
                d.column = e.column_no;
                d.source_line = text.lines().nth(line - 1).map(str::to_owned);
            }
            Invalid(vec![d.help(msg!("template.context_help"))]).into()
        })
    }
}

/// Why a template did not render: a missing value in our words, the rest in handlebars'.
fn reason(e: &RenderError) -> Msg {
    match e.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => msg!("template.missing", path = path),
        other => msg!(
            "template.render_error",
            reason = Msg::verbatim(other.to_string())
        ),
    }
}

fn template_diagnostic(origin: &str, text: &str, e: &TemplateError) -> Diagnostic {
    let past_the_end = e.pos().is_some_and(|(line, _)| line > text.lines().count());
    // The parser's own words list the grammar rules it expected there, which help nobody: the
    // place and what to look for do.
    let message = if past_the_end {
        msg!("template.unclosed")
    } else if matches!(e.reason(), TemplateErrorReason::InvalidSyntax(_)) {
        msg!("template.broken_syntax")
    } else {
        msg!(
            "template.syntax",
            reason = Msg::verbatim(e.reason().to_string())
        )
    };
    let mut d = Diagnostic::new(origin, message).help(msg!("template.syntax_help"));
    if let Some((line, column)) = e.pos().filter(|_| !past_the_end) {
        d = d.at_line(line);
        d.column = Some(column);
        d.source_line = text.lines().nth(line - 1).map(str::to_owned);
    }
    d
}

/// `.hbs` files under `dir`, named by their path without the extension. Links are followed, but
/// one back to a folder it sits in (a loop) is refused rather than walked forever, and a `.hbs`
/// that is not a file (a FIFO, a device) is refused rather than opened.
fn override_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    // Each folder to walk, with the folders it is in: where each really is, and its name.
    let cannot_read = |path: &Path| {
        let shown = crate::diag::shown(path);
        move || msg!("file.cannot_read", path = shown)
    };
    let real = dir.canonicalize().said(cannot_read(dir))?;
    let mut stack = vec![(dir.to_path_buf(), vec![(real, dir.to_path_buf())])];
    while let Some((next, within)) = stack.pop() {
        for entry in std::fs::read_dir(&next).said(cannot_read(&next))? {
            let path = entry.said(cannot_read(&next))?.path();
            let shown = crate::diag::shown(&path);
            let hbs = path.extension().is_some_and(|e| e == "hbs");
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                // A link to nothing (or a chain of links that loops): no template there.
                Err(_) if !hbs => continue,
                Err(e) => return Err(e).said(cannot_read(&path)),
            };
            if meta.is_dir() {
                let real = path.canonicalize().said(cannot_read(&path))?;
                if let Some((_, outer)) = within.iter().find(|(w, _)| *w == real) {
                    let message = msg!("template.loop", folder = crate::diag::shown(outer));
                    return Err(Invalid(vec![
                        Diagnostic::new(&shown, message).help(msg!("template.loop_help")),
                    ])
                    .into());
                }
                let mut within = within.clone();
                within.push((real, path.clone()));
                stack.push((path, within));
            } else if hbs {
                if let Some(kind) = read::not_a_file(meta.file_type()) {
                    return Err(read::NotAFile { path: shown, kind }.into());
                }
                let relative = path.strip_prefix(dir).unwrap_or(&path).with_extension("");
                let name: Vec<String> = relative
                    .components()
                    .filter_map(|c| match c {
                        Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                        _ => None,
                    })
                    .collect();
                out.push((name.join("/"), path));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_mode_names_the_template_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let custom = dir.path().join(OVERRIDE_DIR).join("en");
        fs_err::create_dir_all(&custom).unwrap();
        fs_err::write(
            custom.join("role.md.hbs"),
            "# {{role.name}}\n\n{{role.nmae}}\n",
        )
        .unwrap();
        let renderer = Renderer::new(Some(dir.path()), Some(Lang::En)).unwrap();
        let data = Data::from(serde_json::json!({"role": {"name": "PM"}}));
        let error = renderer
            .render("en/role.md", &data)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(".mlteam/templates/en/role.md.hbs:3:"),
            "{error}"
        );
        assert!(error.contains("`role.nmae` is not in the data"), "{error}");
    }

    #[test]
    fn a_broken_override_is_reported_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let custom = dir.path().join(OVERRIDE_DIR).join("en");
        fs_err::create_dir_all(&custom).unwrap();
        fs_err::write(custom.join("raci.md.hbs"), "ok\n{{#each x}}\n").unwrap();
        let renderer = Renderer::new(Some(dir.path()), None).unwrap();
        let error = renderer.check_all().unwrap_err().to_string();
        assert!(
            error.contains(".mlteam/templates/en/raci.md.hbs:"),
            "{error}"
        );
    }
}
