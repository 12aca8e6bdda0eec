//! The helpers templates call: `t` (a word of the page's language), quoting for the format a
//! value lands in (TOML, YAML, iCalendar, Markdown table cells, HTML), and links relative to the
//! page being rendered.
//!
//! A helper that quotes for a format writes its result as it is (handlebars would otherwise
//! escape it a second time for the template's format); `t` writes the word as it is and escapes
//! each value it fills in for the template's format.

use std::collections::BTreeMap;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, PathAndJson, RenderContext,
    RenderError, RenderErrorReason, Renderable, ScopedJson, StringOutput, handlebars_helper,
};
use serde_json::Value;

use super::ics;
use crate::escape;
use crate::words::Lang;
use crate::words::{self, Words};

/// Registers every helper on a registry.
pub fn register(hb: &mut Handlebars<'static>) {
    hb.register_helper("t", Box::new(Translate));
    hb.register_helper("toml", Box::new(Quote("toml", toml_literal)));
    hb.register_helper("yaml", Box::new(Quote("yaml", yaml_literal)));
    hb.register_helper(
        "cell",
        Box::new(Quote("cell", |v| escape::markdown(&text(v)))),
    );
    hb.register_helper("html", Box::new(Quote("html", |v| escape::html(&text(v)))));
    hb.register_helper(
        "ics",
        Box::new(Quote("ics", |v| ics::escape_text(&text(v)))),
    );
    hb.register_helper(
        "ics-param",
        Box::new(Quote("ics-param", |v| ics::param_value(&text(v)))),
    );
    hb.register_helper("ics-text", Box::new(ics_block));
    hb.register_helper(
        "gantt",
        Box::new(Quote("gantt", |v| escape::gantt(&text(v)))),
    );
    hb.register_helper("rel", Box::new(RelativeLink));
    hb.register_helper("inc", Box::new(inc));
}

handlebars_helper!(inc: |n: u64| n + 1);

/// A value as text: a string as it is, `null` as nothing, anything else as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn toml_literal(value: &Value) -> String {
    match value {
        Value::String(s) => escape::toml(s),
        other => other.to_string(),
    }
}

fn yaml_literal(value: &Value) -> String {
    match value {
        // A JSON string is a valid YAML double-quoted scalar, on one line.
        Value::String(_) => value.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The first parameter of a helper, or the error strict mode gives for a missing value.
fn param<'a, 'rc>(h: &'a Helper<'rc>, name: &'static str) -> Result<&'a Value, RenderError> {
    let p = h.param(0).ok_or_else(|| {
        RenderErrorReason::ParamNotFoundForName(name, "its first parameter".into())
    })?;
    missing(p)?;
    Ok(p.value())
}

fn missing(p: &PathAndJson<'_>) -> Result<(), RenderError> {
    if p.is_value_missing() {
        return Err(RenderErrorReason::MissingVariable(p.relative_path().cloned()).into());
    }
    Ok(())
}

/// `{{toml value}}` and its kind: the value quoted for one format, written as it is.
struct Quote(&'static str, fn(&Value) -> String);

impl HelperDef for Quote {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(Value::String((self.1)(param(
            h, self.0,
        )?))))
    }

    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        out.write(&(self.1)(param(h, self.0)?))?;
        Ok(())
    }
}

/// `{{t "meeting.when" cadence=meeting.cadence …}}`: the word of the page's language (`lang` of
/// the data) from its word file, each `{name}` filled with the value given as `name=`, escaped
/// for the template's format. A word that is not there, or a `{name}` not given, is an error.
struct Translate;

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let key = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
            RenderErrorReason::ParamTypeMismatchForName("t", "0".into(), "a word's key".into())
        })?;
        let lang = ctx
            .data()
            .get("lang")
            .and_then(|l| serde_json::from_value::<Lang>(l.clone()).ok())
            .ok_or_else(|| RenderErrorReason::Other(said(&crate::msg!("template.t_lang"))))?;
        let word = Words::new(lang).try_get(key).ok_or_else(|| {
            let message = crate::msg!("template.no_word", key = key, file = Words::file(lang));
            RenderErrorReason::Other(said(&message))
        })?;
        let escape = r.get_escape_fn();
        let mut values = BTreeMap::new();
        for (name, value) in h.hash() {
            missing(value)?;
            values.insert(*name, escape(&text(value.value())));
        }
        if let Some(name) = words::placeholders(word)
            .into_iter()
            .find(|n| !values.contains_key(n))
        {
            let message = crate::msg!(
                "template.needs_value",
                key = key,
                file = Words::file(lang),
                name = name
            );
            return Err(RenderErrorReason::Other(said(&message)).into());
        }
        out.write(&words::fill(word, |n| values.get(n).map(String::as_str)))?;
        Ok(())
    }
}

/// A helper's error, in the run's words (handlebars carries it as text).
fn said(message: &crate::words::Msg) -> String {
    words::of_run().say(message)
}

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
/// Paths are made of ids, so they need no escaping; as a value (`(rel …)` given to `t`) it is
/// escaped like any other.
struct RelativeLink;

impl RelativeLink {
    fn link(h: &Helper<'_>, ctx: &Context) -> Result<String, RenderError> {
        let target = param(h, "rel")?.as_str().ok_or_else(|| {
            RenderErrorReason::ParamTypeMismatchForName("rel", "0".into(), "string".into())
        })?;
        let page = ctx
            .data()
            .pointer("/page/path")
            .and_then(Value::as_str)
            .unwrap_or("docs/index.md");
        Ok(relative(page, &format!("docs/{target}")))
    }
}

impl HelperDef for RelativeLink {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(Value::String(Self::link(h, ctx)?)))
    }

    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        out.write(&Self::link(h, ctx)?)?;
        Ok(())
    }
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
mod tests;
