//! In-process cost of the pipeline for the largest built-in team (all 14 roles, every meeting):
//! reading the manifest into a team, loading the templates, rendering every page in memory.
//! The whole binary, disk included, is timed by `scripts/bench-init.sh`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mlteam::input::manifest::{Manifest, Source};
use mlteam::model::team::Team;
use mlteam::render::Renderer;
use mlteam::render::pages;
use mlteam::words::Lang;

const MANIFEST: &str = r#"
[project]
name = "Fraud detection"
description = "Card-fraud scoring"
lang = "en"
start = 2026-11-30
timezone = "Europe/Berlin"

[team]
roles = [
  "product-manager", "project-manager", "ai-product-manager", "data-scientist", "ml-researcher",
  "ml-engineer", "ml-applied-scientist", "data-engineer", "data-analyst", "big-data-engineer",
  "software-engineer", "devops-engineer", "delivery-engineer", "business-consultant",
]

[[member]]
name = "Ada Lovelace"
email = "ada@example.com"
roles = ["ml-engineer", "data-scientist"]

[[member]]
name = "Bo Li"
email = "bo@example.com"
roles = ["project-manager"]

[meetings]
keep = ["standup", "sprint-planning", "weekly-sync", "experiment-review", "model-release-review",
        "project-review", "demo", "retrospective", "ops-review"]
"#;

fn team() -> Team {
    let source = Source::new("mlteam.toml", MANIFEST);
    let manifest = Manifest::parse(&source).expect("bench manifest parses");
    manifest.team(&source).expect("bench manifest is valid")
}

fn pipeline(c: &mut Criterion) {
    let today = jiff::civil::date(2026, 11, 27);
    c.bench_function("manifest to team (all roles)", |b| {
        b.iter(|| black_box(team()))
    });
    let team = team();
    let all = pages::all(&team);
    let names: Vec<String> = all
        .iter()
        .map(|p| format!("en/{}", p.kind.template()))
        .collect();
    c.bench_function("compile the templates init renders", |b| {
        b.iter(|| {
            let renderer = Renderer::new(None, Some(Lang::En)).unwrap();
            renderer.prepare(names.iter().map(String::as_str)).unwrap();
            black_box(renderer)
        })
    });
    c.bench_function("compile every template", |b| {
        b.iter(|| {
            let renderer = Renderer::new(None, Some(Lang::En)).unwrap();
            renderer.check_all().unwrap();
            black_box(renderer)
        })
    });

    let renderer = Renderer::new(None, Some(Lang::En)).unwrap();
    renderer.check_all().unwrap();
    let progress =
        mlteam::model::progress::of_team(&team, |_| mlteam::model::progress::Stub::Missing);
    c.bench_function("team data for templates (all roles)", |b| {
        b.iter(|| black_box(pages::data(&team, &progress, today)))
    });
    c.bench_function("render every page (all roles)", |b| {
        b.iter(|| black_box(pages::render(&team, &renderer, &all, today, |_| Ok(None)).unwrap()))
    });
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
