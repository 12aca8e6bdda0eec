//! An error said at the edge, in the run's words: our failures in our words, the system's common
//! errors in ours with their code, other programs' as they wrote them.

use super::StdoutFailed;
use super::failure::{
    Busy, Failed, Interrupted, Invalid, NotDone, PartlyUndone, ProblemsFound, Refused, list,
};
use super::file::{NotAFile, NotText, TooLarge};
use crate::words::{Msg, Words};

/// An error as the edge says it, in the words of `ui`: each cause of its chain, joined by ": " as
/// `{:#}` joins them; our own failures in our words, the system's in ours where we have them,
/// other programs' as they wrote them.
pub fn say_error(error: &anyhow::Error, ui: &Words) -> String {
    if let Some(partly) = error.downcast_ref::<PartlyUndone>() {
        return partly.say(ui);
    }
    error
        .chain()
        .map(|cause| say_cause(cause, ui))
        .collect::<Vec<_>>()
        .join(": ")
}

fn say_cause(cause: &(dyn std::error::Error + 'static), ui: &Words) -> String {
    if let Some(Invalid(problems)) = cause.downcast_ref() {
        list(problems, ui)
    } else if let Some(refused) = cause.downcast_ref::<Refused>() {
        refused.say(ui)
    } else if let Some(found) = cause.downcast_ref::<ProblemsFound>() {
        ui.say(&found.said())
    } else if let Some(open) = cause.downcast_ref::<NotDone>() {
        ui.say(&open.said())
    } else if let Some(stop) = cause.downcast_ref::<Interrupted>() {
        ui.get(stop.key()).to_string()
    } else if let Some(failed) = cause.downcast_ref::<Failed>() {
        failed.say(ui)
    } else if let Some(partly) = cause.downcast_ref::<PartlyUndone>() {
        partly.say(ui)
    } else if let Some(busy) = cause.downcast_ref::<Busy>() {
        busy.say(ui)
    } else if let Some(large) = cause.downcast_ref::<TooLarge>() {
        large.say(ui)
    } else if let Some(not) = cause.downcast_ref::<NotAFile>() {
        not.say(ui)
    } else if let Some(not) = cause.downcast_ref::<NotText>() {
        not.say(ui)
    } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        say_io(io, ui)
    } else {
        cause.to_string()
    }
}

/// A system error in the words of `ui`, the system's code kept: the common ones a person can
/// act on (no such file, permission, a full disk); any other as the system says it.
pub fn say_io(error: &std::io::Error, ui: &Words) -> String {
    use std::io::ErrorKind;
    if let Some(StdoutFailed(inner)) = error.get_ref().and_then(|e| e.downcast_ref()) {
        return format!("{}: {}", ui.get("io.stdout"), say_io(inner, ui));
    }
    let Some(code) = error.raw_os_error() else {
        // A system error another library wrapped (`… at path …`): the system's part.
        let inner = error
            .get_ref()
            .and_then(|e| e.source())
            .and_then(|e| e.downcast_ref::<std::io::Error>());
        return match inner {
            Some(inner) => say_io(inner, ui),
            None => error.to_string(),
        };
    };
    let key = match error.kind() {
        // EPERM, which the system says otherwise than EACCES.
        ErrorKind::PermissionDenied if cfg!(unix) && code == 1 => "io.not_permitted",
        ErrorKind::PermissionDenied => "io.permission_denied",
        ErrorKind::NotFound => "io.not_found",
        ErrorKind::AlreadyExists => "io.already_exists",
        ErrorKind::NotADirectory => "io.not_a_directory",
        ErrorKind::IsADirectory => "io.is_a_directory",
        ErrorKind::DirectoryNotEmpty => "io.directory_not_empty",
        ErrorKind::ReadOnlyFilesystem => "io.read_only",
        ErrorKind::StorageFull => "io.storage_full",
        _ => return error.to_string(),
    };
    ui.say(&Msg::new(key, vec![("code", code.into())]))
}
