//! The integration tests: `mlteam` driven through its binary as a user would, files checked on
//! disk. One test binary, a module per feature.

mod support;

mod bad_input;
mod calendar;
mod checklist;
mod escaping;
mod hardening;
mod init;
mod interactive;
mod l10n;
mod plan;
mod sync;
mod templates;
mod tools;
