//! Rendered article bodies kept in a temporary file while a single build runs, so memory holds
//! each article's metadata and not its text (#20).
//!
//! Input: each body's HTML once rendered. Output: a [`Spooled`] place per body, from which the
//! article page (and a full-content feed) reads it back when it renders. The file is anonymous
//! (it has no name, so nothing is left behind) and lives as long as the bodies in it.
//! Bodies are appended from many threads at once: each takes its range with one atomic add
//! and writes there, so no lock is held while writing.

use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::Html;

/// A temporary file of rendered bodies.
#[derive(Debug)]
pub struct Spool {
    file: File,
    /// Where the next body goes.
    end: AtomicU64,
    /// The first read or write that failed: the build reports it and writes nothing.
    failed: Mutex<Option<std::io::Error>>,
}

/// Where one body is in its [`Spool`].
#[derive(Debug, Clone)]
pub struct Spooled {
    spool: Arc<Spool>,
    offset: u64,
    len: usize,
}

impl Spool {
    /// A new, empty spool in `folder` (beside the output, whose disk must hold the bodies
    /// anyway; the system's temporary folder may be a small RAM disk).
    pub fn new(folder: &std::path::Path) -> std::io::Result<Arc<Spool>> {
        Ok(Arc::new(Spool {
            file: tempfile::tempfile_in(folder)?,
            end: AtomicU64::new(0),
            failed: Mutex::new(None),
        }))
    }

    /// Stores `html`; returns where it is, or `None` when it could not be written (the body
    /// then stays in memory: a full disk costs memory, not the build).
    pub fn put(self: &Arc<Spool>, html: &str) -> Option<Spooled> {
        let len = html.len();
        let offset = self.end.fetch_add(len as u64, Ordering::Relaxed);
        write_at(&self.file, html.as_bytes(), offset).ok()?;
        Some(Spooled {
            spool: Arc::clone(self),
            offset,
            len,
        })
    }

    /// The first read that failed, if any: what the bodies read since then lack.
    pub fn error(&self) -> Option<std::io::Error> {
        let failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        failed
            .as_ref()
            .map(|e| std::io::Error::new(e.kind(), e.to_string()))
    }
}

impl Spooled {
    /// The body, read back. A failed read gives an empty body and is kept for
    /// [`Spool::error`], which fails the build before anything is published.
    pub fn read(&self) -> Html {
        let mut bytes = vec![0; self.len];
        let read = read_at(&self.spool.file, &mut bytes, self.offset).and_then(|()| {
            String::from_utf8(bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        });
        match read {
            Ok(html) => Html::from(html),
            Err(error) => {
                let mut failed = self.spool.failed.lock().unwrap_or_else(|e| e.into_inner());
                failed.get_or_insert(error);
                Html::default()
            }
        }
    }
}

// Two bodies with the same place in the same spool are the same body.
impl PartialEq for Spooled {
    fn eq(&self, other: &Spooled) -> bool {
        Arc::ptr_eq(&self.spool, &other.spool)
            && (self.offset, self.len) == (other.offset, other.len)
    }
}

impl Eq for Spooled {}

impl std::hash::Hash for Spooled {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.offset, self.len).hash(state);
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, offset)
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let written = file.seek_write(bytes, offset)?;
        if written == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[written..];
        offset += written as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let read = file.seek_read(bytes, offset)?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[read..];
        offset += read as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_back_as_they_were_put() {
        let folder = tempfile::tempdir().unwrap();
        let spool = Spool::new(folder.path()).unwrap();
        let a = spool.put("<p>Ä</p>").unwrap();
        let b = spool.put("").unwrap();
        let c = spool.put("<p>c</p>\n").unwrap();
        assert_eq!(c.read().as_str(), "<p>c</p>\n");
        assert_eq!(a.read().as_str(), "<p>Ä</p>");
        assert_eq!(b.read().as_str(), "");
        assert!(spool.error().is_none());
        assert_ne!(a, c);
    }
}
