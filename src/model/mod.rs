//! The team model: the catalog (roles, phases, activities, deliverables, meetings), RACI letters
//! and the matrix rules, the team with its covers and people, meeting recurrences and where each
//! deliverable stands. Plain data and rules: nothing here reads flags or files, and nothing here
//! imports from the stages above it (input, view, render, write).

pub mod catalog;
pub mod ids;
pub mod letter;
pub mod matrix;
pub mod progress;
pub mod recurrence;
pub mod review;
pub mod schedule;
pub mod shape;
pub mod team;
pub mod text;
