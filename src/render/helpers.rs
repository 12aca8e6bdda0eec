//! The helpers templates call: quoting for the format a value lands in (TOML, YAML, iCalendar,
//! Markdown table cells, HTML) and links relative to the page being rendered.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
    Renderable, StringOutput, handlebars_helper,
};
use serde_json::Value;

use super::ics;

/// Registers every helper on a registry.
pub fn register(hb: &mut Handlebars<'static>) {
    hb.register_helper("toml", Box::new(toml_literal));
    hb.register_helper("yaml", Box::new(yaml_literal));
    hb.register_helper("cell", Box::new(table_cell));
    hb.register_helper("inc", Box::new(inc));
    hb.register_helper("ics", Box::new(ics_text));
    hb.register_helper("ics-text", Box::new(ics_block));
    hb.register_helper("ics-param", Box::new(ics_param));
    hb.register_helper("rel", Box::new(relative_link));
    hb.register_helper("html", Box::new(html_text));
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
    fn helpers_quote_for_their_formats() {
        let mut hb = Handlebars::new();
        hb.register_escape_fn(handlebars::no_escape);
        register(&mut hb);
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
