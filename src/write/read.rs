//! Reading text within bounds: the size limits (README, "Troubleshooting"), what is not a file
//! (a folder, FIFO, device or socket is never opened as a page), and text that is not UTF-8.

use std::fs::FileType;
use std::io::Read;

use anyhow::Result;

use crate::diag::help_line;
use crate::msg;
use crate::words::{Msg, Words};

/// The largest `mlteam.toml` (and `init --from FILE`) mlteam reads: a manifest for all 14 roles
/// with people and overrides is about 10 KiB, so this leaves a hundred times that.
pub const MANIFEST_LIMIT: u64 = 1024 * 1024;
/// The largest page, stub, template or imported matrix mlteam reads: a long document with its
/// pictures kept beside it is well under 1 MiB.
pub const FILE_LIMIT: u64 = 8 * 1024 * 1024;

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

fn english() -> Words {
    Words::new(crate::model::text::Lang::En)
}

/// What a file type is, when it is not a regular file.
pub fn not_a_file(file_type: FileType) -> Option<FileKind> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(FileKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(FileKind::Device);
        }
        if file_type.is_socket() {
            return Some(FileKind::Socket);
        }
    }
    Some(FileKind::Other)
}

/// The text of `reader`, reading at most `limit` bytes (one more tells that there is more).
pub fn capped(reader: impl Read, limit: u64, path: &str, what: What) -> Result<String> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(TooLarge {
            path: path.to_string(),
            limit,
            what,
        }
        .into());
    }
    String::from_utf8(bytes).map_err(|_| NotText(path.to_string()).into())
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

/// Whether an error says the file cannot be a page (and is left alone, never guessed at).
pub fn unreadable_page(error: &anyhow::Error) -> bool {
    error.is::<NotText>() || error.is::<NotAFile>() || error.is::<TooLarge>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_limit() {
        let endless = std::io::repeat(b'a');
        let error = capped(endless, 16, "x.md", What::Page).unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.md: larger than 16 bytes, the most mlteam reads of a page or stub; it stopped \
             reading there\n  help: check that this is the file you meant (the limits are in the \
             README)"
        );
        assert_eq!(capped(&b"ok"[..], 2, "x", What::Page).unwrap(), "ok");
        assert!(
            capped(&[0xff, 0xfe][..], 16, "x", What::Page)
                .unwrap_err()
                .is::<NotText>()
        );
        assert_eq!(size(MANIFEST_LIMIT), "1 MiB");
        assert_eq!(size(FILE_LIMIT), "8 MiB");
    }
}
