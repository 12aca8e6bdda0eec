//! `mlteam sync`: every generated part of the docs brought up to date, new stubs created,
//! orphans reported.

use anyhow::Result;

use super::project_root;
use crate::cli::{Global, WriteArgs};
use crate::pipeline::{self, Scope};
use crate::words::Words;
use crate::write::plan::Plan;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, args: &WriteArgs) -> Result<()> {
    let root = Root::writer(project_root(global));
    let (_, team) = pipeline::load_team(&root)?;
    pipeline::sync_team(&root, &team, Plan::default(), Scope::All, global, ui, args)
}
