//! The team model: the catalog (roles, phases, activities, deliverables, meetings), RACI letters
//! and the matrix rules, the team with its covers and people, meeting recurrences and where each
//! deliverable stands. Plain data and rules: nothing here reads flags or files, and nothing here
//! imports from the stages above it (input, view, render, write).

pub mod catalog;
pub(crate) mod ids;
pub(crate) mod letter;
pub mod matrix;
pub mod progress;
pub(crate) mod recurrence;
pub(crate) mod review;
pub(crate) mod schedule;
pub(crate) mod shape;
pub mod team;
pub mod text;
