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

fn registry(escape: fn(&str) -> String) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape);
    register(&mut hb);
    hb
}

#[test]
fn helpers_quote_for_their_formats_once() {
    let data = serde_json::json!({"s": "a \"b\" | c\\d"});
    let plain = registry(escape::line)
        .render_template("{{toml s}}\n{{yaml s}}", &data)
        .unwrap();
    assert_eq!(plain, "'a \"b\" | c\\d'\n\"a \\\"b\\\" | c\\\\d\"");
    // In a Markdown template, `cell` is what every value gets anyway: escaped once, not twice.
    let markdown = registry(escape::markdown)
        .render_template("{{cell s}} {{s}}", &data)
        .unwrap();
    assert_eq!(markdown, "a \"b\" \\| c\\\\d a \"b\" \\| c\\\\d");
    let html = registry(escape::html)
        .render_template("{{html s}} {{s}}", &serde_json::json!({"s": "<b>&"}))
        .unwrap();
    assert_eq!(html, "&lt;b&gt;&amp; &lt;b&gt;&amp;");
}

#[test]
fn t_fills_a_word_with_escaped_values() {
    let data =
        serde_json::json!({"lang": "en", "name": "A|B <x>", "page": {"path": "docs/team/raci.md"}});
    let hb = registry(escape::markdown);
    assert_eq!(
        hb.render_template("{{t \"page.raci.title\" project=name}}", &data)
            .unwrap(),
        "RACI matrix: A\\|B \\<x\\>"
    );
    assert_eq!(
        hb.render_template(
            "{{t \"page.team.doc_checklist\" link=(rel \"checklist.md\")}}",
            &data
        )
        .unwrap(),
        "[Deliverable checklist](../checklist.md): where each document stands"
    );
    let zh = serde_json::json!({"lang": "zh", "name": "风控"});
    assert_eq!(
        hb.render_template("{{t \"page.raci.title\" project=name}}", &zh)
            .unwrap(),
        "RACI矩阵：风控"
    );
}

#[test]
fn t_refuses_what_it_cannot_say() {
    let hb = registry(escape::markdown);
    let data = serde_json::json!({"lang": "en", "name": "x"});
    let error = |template: &str, data: &serde_json::Value| {
        hb.render_template(template, data).unwrap_err().to_string()
    };
    assert!(
        error("{{t \"page.no_such\"}}", &data)
            .contains("no word `page.no_such` in templates/en/words.toml")
    );
    assert!(error("{{t \"page.raci.title\"}}", &data).contains("needs `project=…`"));
    assert!(error("{{t \"page.raci.title\" project=nmae}}", &data).contains("nmae"));
    assert!(error("{{t \"page.notes\"}}", &serde_json::json!({})).contains("needs `lang`"));
}

proptest::proptest! {
    /// Any string, rendered by the `toml` helper, parses back as itself and stays on its line.
    #[test]
    fn toml_strings_read_back(s in proptest::prelude::any::<String>()) {
        let hb = registry(escape::line);
        let text = hb
            .render_template("name = {{toml s}}\n", &serde_json::json!({ "s": s }))
            .unwrap();
        proptest::prop_assert_eq!(text.lines().count(), 1, "{}", text);
        let table: toml::Table = toml::from_str(&text).unwrap();
        proptest::prop_assert_eq!(table["name"].as_str(), Some(s.as_str()));
    }
}
