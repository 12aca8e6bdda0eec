//! What goes wrong with a file mlteam reads: not text, larger than it reads, not a file at all.
//! `write::read` finds these out; they live here, with the other failures, so that the edge can
//! say them in the run's words.

use super::{english, help_line};
use crate::msg;
use crate::words::{Msg, Words};

/// A file that is not UTF-8 text: it cannot be a page, and is never guessed at.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.say(&english()))]
pub struct NotText(pub String);

impl NotText {
    pub fn say(&self, ui: &Words) -> String {
        ui.say(&msg!("read.not_text", path = &self.0))
    }
}

/// What a file is read as, for the limit a message names: a word of `[read]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Manifest,
    Page,
    Template,
    Matrix,
}

impl What {
    fn said(self) -> Msg {
        match self {
            What::Manifest => msg!("read.what_manifest"),
            What::Page => msg!("read.what_page"),
            What::Template => msg!("read.what_template"),
            What::Matrix => msg!("read.what_matrix"),
        }
    }
}

/// A file larger than mlteam reads.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.say(&english()))]
pub struct TooLarge {
    pub path: String,
    pub limit: u64,
    pub what: What,
}

impl TooLarge {
    pub fn say(&self, ui: &Words) -> String {
        let message = msg!(
            "read.too_large",
            path = &self.path,
            limit = size(self.limit),
            what = self.what.said(),
        );
        ui.say(&message) + &help_line(ui, &msg!("read.too_large_help"))
    }
}

/// Something that is not a regular file where a file should be: never opened for reading, so a
/// FIFO cannot make mlteam wait and a device cannot feed it forever.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.say(&english()))]
pub struct NotAFile {
    pub path: String,
    pub kind: FileKind,
}

impl NotAFile {
    pub fn say(&self, ui: &Words) -> String {
        let message = msg!(
            "read.not_a_file",
            path = &self.path,
            kind = self.kind.said()
        );
        ui.say(&message) + &help_line(ui, &msg!("read.not_a_file_help"))
    }
}

/// What is where a file should be, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileKind {
    /// "a folder", "a FIFO (named pipe)", …
    pub fn said(self) -> Msg {
        match self {
            FileKind::Folder => msg!("file_kind.folder"),
            FileKind::Fifo => msg!("file_kind.fifo"),
            FileKind::Device => msg!("file_kind.device"),
            FileKind::Socket => msg!("file_kind.socket"),
            FileKind::Other => msg!("file_kind.other"),
        }
    }
}

/// `1 MiB`, `64 KiB`, `12 bytes`.
pub fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}
