//! The view: what templates and exports see, built from the model in the project's language,
//! and the one place that knows where every output file lives (`paths`).

pub mod calendar;
pub mod context;
pub mod paths;
pub mod status;
