//! Rendering: the data of the view turned into pages in memory. Templates are the embedded set,
//! then the project's own files of the same name under `.mlteam/templates/` (SPEC §9), in strict
//! handlebars; exports (JSON, CSV, HTML) and the last pass each file type gets live here too.
//! Nothing here touches the disk for writing.

pub mod escape;
pub mod export;
pub mod helpers;
pub mod html;
pub mod ics;
pub mod manifest;
pub mod markdown;
pub mod pages;
pub mod stub;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;
use handlebars::{Handlebars, RenderError, RenderErrorReason, Template, TemplateError};

use crate::assets;
use crate::diag::{Diagnostic, Invalid};
use crate::model::text::Lang;

/// The data a template renders with. Built once per command and changed in place between pages:
/// handing handlebars a fresh value per page would copy the whole team's data each time.
pub type Data = handlebars::Context;

/// Where a project keeps its own versions of the templates.
pub use crate::view::paths::TEMPLATE_OVERRIDES as OVERRIDE_DIR;

pub struct Renderer {
    hb: Handlebars<'static>,
    /// Template name → where its text came from (for error messages) and the text.
    sources: BTreeMap<String, (String, String)>,
    lang: Option<Lang>,
}

impl Renderer {
    /// The built-in templates of `lang` (all languages when `None`), replaced by the project's
    /// own where `project` has them.
    pub fn new(project: Option<&Path>, lang: Option<Lang>) -> Result<Renderer> {
        let wanted = |name: &str| lang.is_none_or(|l| name.starts_with(&format!("{l}/")));
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        helpers::register(&mut hb);
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
                let text = fs_err::read_to_string(&file)?;
                sources.insert(name, (crate::diag::shown(&file), text));
            }
        }
        // Compiling is most of the start-up cost and grows with a template's length: split it
        // over two threads, the halves about equally long.
        let mut entries: Vec<(&String, &(String, String))> = sources.iter().collect();
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
        let compile = |part: &[(&String, &(String, String))]| {
            part.iter()
                .map(|(name, (_, text))| Template::compile_with_name(text, (*name).clone()))
                .collect::<Vec<_>>()
        };
        let compiled = std::thread::scope(|s| {
            let other = s.spawn(|| compile(&second));
            let mut compiled = compile(&first);
            compiled.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            compiled
        });
        for ((name, (origin, text)), template) in first.iter().chain(&second).zip(compiled) {
            match template {
                Ok(template) => hb.register_template(name, template),
                Err(e) => return Err(Invalid(vec![template_diagnostic(origin, text, &e)]).into()),
            }
        }
        Ok(Renderer { hb, sources, lang })
    }

    /// The language whose templates this renderer holds (`None`: all).
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The names of the templates, with where each comes from.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sources
            .iter()
            .map(|(name, (origin, _))| (name.as_str(), origin.as_str()))
    }

    /// Renders a template; an error names the template's file, line and column.
    pub fn render(&self, name: &str, data: &Data) -> Result<String> {
        self.hb.render_with_context(name, data).map_err(|e| {
            let template = e.template_name.clone().unwrap_or_else(|| name.to_string());
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
            Invalid(vec![d.help(
                "`mlteam templates context` prints the data a template receives",
            )])
            .into()
        })
    }
}

fn reason(e: &RenderError) -> String {
    match e.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => {
            format!("`{path}` is not in the data (templates render in strict mode)")
        }
        other => other.to_string(),
    }
}

fn template_diagnostic(origin: &str, text: &str, e: &TemplateError) -> Diagnostic {
    let mut d = Diagnostic::new(origin, format!("template error: {}", e.reason()));
    if let Some((line, column)) = e.pos() {
        d = d.at_line(line);
        d.column = Some(column);
        d.source_line = text.lines().nth(line - 1).map(str::to_owned);
    }
    d
}

/// `.hbs` files under `dir`, named by their path without the extension.
fn override_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in fs_err::read_dir(&next)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "hbs") {
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
        let error = Renderer::new(Some(dir.path()), None)
            .err()
            .unwrap()
            .to_string();
        assert!(
            error.contains(".mlteam/templates/en/raci.md.hbs:"),
            "{error}"
        );
    }
}
