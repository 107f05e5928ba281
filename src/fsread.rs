//! Reading a file from outside whole, safely: only a regular file, and never more than a cap.
//!
//! A name can point at a FIFO (the read blocks forever), at `/dev/zero` (it never ends) or at a
//! directory; a file can be far larger than anything meant to be read whole. Every file
//! dagsorden reads whole goes through [`read_capped`], which refuses these at once.

use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// Opening, inspecting or reading it failed (missing, no permission, an I/O error).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// It is a directory, a FIFO, a device or a socket: nothing to read whole.
    #[error("{}", crate::tr!("read.not_a_file", kind = .0))]
    NotAFile(&'static str),
    /// It holds more than the cap.
    #[error("{}", crate::tr!("read.too_large", cap = mebibytes(*.0)))]
    TooLarge(u64),
}

impl ReadError {
    /// Whether the file is simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl From<ReadError> for std::io::Error {
    /// For the stores, whose errors carry an `io::Error`: a missing file stays `NotFound`, so
    /// "no file yet" is still told apart from "cannot be read".
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::Io(e) => e,
            other => std::io::Error::new(std::io::ErrorKind::InvalidData, other.to_string()),
        }
    }
}

/// The most a store of the user's own (favourites, remembered zones) may hold: thousands of
/// stars take a few hundred KB, so anything near this is not such a file.
pub(crate) const STORE_SIZE_CAP: u64 = 16 << 20;

/// The whole of the regular file at `path`, if it holds at most `cap` bytes.
///
/// The file is opened first and the open handle inspected (not the path again), so what is
/// checked is what is read; and the read stops one byte past the cap, so a file that grows
/// while it is read cannot make it unbounded either.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open_capped(path, cap)?;
    let expected = usize::try_from(len).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(cap));
    }
    Ok(bytes)
}

/// The regular file at `path`, open for reading, and its length, if it holds at most `cap`
/// bytes (as [`read_capped`] checks it; reading it is the caller's, stopping past `cap`).
pub(crate) fn open_capped(path: &Path, cap: u64) -> Result<(std::fs::File, u64), ReadError> {
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    if let Some(kind) = not_a_file(metadata.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    if metadata.len() > cap {
        return Err(ReadError::TooLarge(cap));
    }
    Ok((file, metadata.len()))
}

/// Opens for reading; on Unix without waiting for a writer, which opening a FIFO otherwise
/// does (forever, if none comes). `O_NONBLOCK` changes nothing for a regular file.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What the file is, in words, when it is not a regular file.
fn not_a_file(kind: std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(crate::tr!("read.a_directory"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(crate::tr!("read.a_fifo"));
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(crate::tr!("read.a_device"));
        }
        if kind.is_socket() {
            return Some(crate::tr!("read.a_socket"));
        }
    }
    Some(crate::tr!("read.not_regular"))
}

/// A cap in whole MiB (or KiB when below one), for the message.
fn mebibytes(cap: u64) -> String {
    if cap >= 1 << 20 {
        format!("{} MiB", cap >> 20)
    } else {
        format!("{} KiB", cap >> 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a");
        std::fs::write(&path, b"hello").expect("write");
        assert_eq!(read_capped(&path, 5).expect("read"), b"hello");
        assert!(matches!(read_capped(&path, 4), Err(ReadError::TooLarge(4))));
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_capped(dir.path(), 1 << 20).expect_err("a directory");
        assert!(matches!(error, ReadError::NotAFile(_)), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_at_once() {
        for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let error = read_capped(Path::new(device), 1 << 20).expect_err(device);
            assert!(matches!(error, ReadError::NotAFile(_)), "{device}: {error}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_store_read_of_a_device_is_an_error_and_a_missing_one_still_not_found() {
        let device: std::io::Error = read_capped(Path::new("/dev/zero"), STORE_SIZE_CAP)
            .expect_err("a device")
            .into();
        assert_eq!(device.kind(), std::io::ErrorKind::InvalidData);
        let dir = tempfile::tempdir().expect("temp dir");
        let missing: std::io::Error = read_capped(&dir.path().join("none"), STORE_SIZE_CAP)
            .expect_err("missing")
            .into();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn a_missing_file_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_capped(&dir.path().join("none"), 10).expect_err("missing");
        assert!(error.is_not_found());
    }
}
