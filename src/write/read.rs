//! Reading text within bounds: the size limits (README, "Troubleshooting"), what is not a file
//! (a folder, FIFO, device or socket is never opened as a page), and text that is not UTF-8.

use std::fs::FileType;
use std::io::Read;

use anyhow::Result;

pub use crate::diag::{FileKind, NotAFile, NotText, TooLarge, What, size};

/// The largest `mlteam.toml` (and `init --from FILE`) mlteam reads: a manifest for all 14 roles
/// with people and overrides is about 10 KiB, so this leaves a hundred times that.
pub const MANIFEST_LIMIT: u64 = 1024 * 1024;
/// The largest page, stub, template or imported matrix mlteam reads: a long document with its
/// pictures kept beside it is well under 1 MiB.
pub const FILE_LIMIT: u64 = 8 * 1024 * 1024;

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
