//! Where every file of a project lives (SPEC §4): the one module that spells them. Paths are
//! relative to the project root with `/`; `docs_*` variants are relative to `docs/`, as the links
//! between pages are.

/// The team manifest.
pub const MANIFEST: &str = "mlteam.toml";
/// The folder of a project's own templates (SPEC §9).
pub const TEMPLATE_OVERRIDES: &str = ".mlteam/templates";
pub const TEAM_README: &str = "docs/team/README.md";
pub const RACI: &str = "docs/team/raci.md";
pub const CALENDAR: &str = "docs/meetings/calendar.ics";
pub const CHECKLIST: &str = "docs/checklist.md";
pub const PLAN: &str = "docs/plan.md";
pub const CODEOWNERS: &str = ".github/CODEOWNERS";

/// The folders whose files mlteam generates one per role, deliverable or meeting.
pub const ROLES_DIR: &str = "docs/team/roles";
pub const DELIVERABLES_DIR: &str = "docs/deliverables";
pub const MEETINGS_DIR: &str = "docs/meetings";

pub fn role_card(role: &str) -> String {
    format!("{ROLES_DIR}/{role}.md")
}

pub fn stub(deliverable: &str) -> String {
    format!("{DELIVERABLES_DIR}/{deliverable}.md")
}

pub fn meeting(meeting: &str) -> String {
    format!("{MEETINGS_DIR}/{meeting}.md")
}

/// A project path as a link target under `docs/` (what the `rel` helper takes).
pub fn under_docs(path: &str) -> &str {
    path.strip_prefix("docs/").unwrap_or(path)
}
