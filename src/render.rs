//! Templates: the embedded set, then the project's own files of the same name under
//! `.mlteam/templates/`; strict handlebars without HTML escaping, plus the few helpers the
//! formats need (TOML, YAML, iCalendar and Markdown-table quoting, relative links).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;
use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason, Renderable, StringOutput, Template, TemplateError, handlebars_helper,
};
use serde_json::Value;

use crate::assets;
use crate::diag::{Diagnostic, Invalid};
use crate::ics;
use crate::text::Lang;

/// The data a template renders with. Built once per command and changed in place between pages:
/// handing handlebars a fresh value per page would copy the whole team's data each time.
pub type Data = handlebars::Context;

/// Where a project keeps its own versions of the templates.
pub const OVERRIDE_DIR: &str = ".mlteam/templates";

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
        hb.register_helper("toml", Box::new(toml_literal));
        hb.register_helper("yaml", Box::new(yaml_literal));
        hb.register_helper("cell", Box::new(table_cell));
        hb.register_helper("inc", Box::new(inc));
        hb.register_helper("ics", Box::new(ics_text));
        hb.register_helper("ics-text", Box::new(ics_block));
        hb.register_helper("ics-param", Box::new(ics_param));
        hb.register_helper("rel", Box::new(relative_link));
        hb.register_helper("html", Box::new(html_text));
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

handlebars_helper!(toml_literal: |v: Json| match v {
    Value::String(s) => toml_edit::Value::from(s.as_str()).to_string(),
    other => other.to_string(),
});

handlebars_helper!(yaml_literal: |v: Json| match v {
    // A JSON string is a valid YAML double-quoted scalar.
    Value::String(_) => v.to_string(),
    Value::Null => String::new(),
    other => other.to_string(),
});

handlebars_helper!(table_cell: |s: str| s.replace('|', "\\|").replace(['\n', '\r'], " "));

handlebars_helper!(inc: |n: u64| n + 1);

handlebars_helper!(html_text: |s: str| handlebars::html_escape(s));

handlebars_helper!(ics_text: |s: str| ics::escape_text(s));

handlebars_helper!(ics_param: |s: str| ics::param_value(s));

/// `{{#ics-text}}…{{/ics-text}}`: renders the block, then escapes it as one iCalendar TEXT value.
fn ics_block<'reg, 'rc>(
    h: &Helper<'rc>,
    r: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    rc: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let mut inner = StringOutput::new();
    if let Some(template) = h.template() {
        template.render(r, ctx, rc, &mut inner)?;
    }
    let text = inner.into_string()?;
    out.write(&ics::escape_text(text.trim()))?;
    Ok(())
}

/// `{{rel "deliverables/prd.md"}}`: a path under `docs/`, relative to the page being rendered.
fn relative_link<'reg, 'rc>(
    h: &Helper<'rc>,
    _: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    _: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let target = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
        RenderErrorReason::ParamTypeMismatchForName("rel", "0".into(), "string".into())
    })?;
    let page = ctx
        .data()
        .pointer("/page/path")
        .and_then(Value::as_str)
        .unwrap_or("docs/index.md");
    out.write(&relative(page, &format!("docs/{target}")))?;
    Ok(())
}

/// The path from the directory of `from` to `to`, both relative to the project root.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from
        .split('/')
        .collect::<Vec<_>>()
        .split_last()
        .map_or(Vec::new(), |(_, d)| d.to_vec());
    let to: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative("docs/team/raci.md", "docs/team/roles/pm.md"),
            "roles/pm.md"
        );
        assert_eq!(
            relative("docs/team/roles/pm.md", "docs/deliverables/prd.md"),
            "../../deliverables/prd.md"
        );
        assert_eq!(
            relative("docs/checklist.md", "docs/deliverables/prd.md"),
            "deliverables/prd.md"
        );
        assert_eq!(
            relative("README.md", "docs/checklist.md"),
            "docs/checklist.md"
        );
    }

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

    #[test]
    fn helpers_quote_for_their_formats() {
        let mut hb = Handlebars::new();
        hb.register_escape_fn(handlebars::no_escape);
        hb.register_helper("toml", Box::new(toml_literal));
        hb.register_helper("yaml", Box::new(yaml_literal));
        hb.register_helper("cell", Box::new(table_cell));
        let data = serde_json::json!({"s": "a \"b\" | c\\d"});
        let out = hb
            .render_template("{{toml s}}\n{{yaml s}}\n{{cell s}}", &data)
            .unwrap();
        assert_eq!(
            out,
            "'a \"b\" | c\\d'\n\"a \\\"b\\\" | c\\\\d\"\na \"b\" \\| c\\d"
        );
    }
}
