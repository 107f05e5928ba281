//! Writing a whole file so that a crash, a full disk or a killed process leaves the old file or
//! the new one, never half of one: a temporary file beside it, flushed to disk, then renamed.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many links deep a path may point before it is taken as a loop.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` atomically. A path that is a symbolic link stays one: the file it
/// points to is replaced. An existing file keeps its permissions.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_as(path, ".dagsorden.", bytes)
}

/// As [`write_atomically`], the temporary file named `<prefix><random>.tmp`, so a store can
/// find its own leftovers after a crash.
pub(crate) fn write_atomically_as(path: &Path, prefix: &str, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, prefix, bytes, Durable::Yes)
}

/// As [`write_atomically`], without waiting for the disk: other processes still see the old
/// file or the new one, whole, but a crash soon after may leave the new one empty or partly
/// written. Only for files whose every read checks what it reads (the programme cache).
pub(crate) fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, ".dagsorden.", bytes, Durable::No)
}

/// Whether a write waits until the disk holds it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durable {
    Yes,
    No,
}

fn write_replacing(path: &Path, prefix: &str, bytes: &[u8], durable: Durable) -> io::Result<()> {
    let target = through_links(path)?;
    if let Some(kind) = fs::metadata(&target).ok().map(|m| m.file_type()) {
        if kind.is_dir() {
            return Err(io::Error::from(io::ErrorKind::IsADirectory));
        }
        // A device or a named pipe (`-o /dev/null`, a FIFO a reader waits on) is written to,
        // never replaced by a file: there is no old content to keep whole.
        if !kind.is_file() {
            let mut out = fs::OpenOptions::new().write(true).open(&target)?;
            return out.write_all(bytes).and_then(|()| out.flush());
        }
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    if let Some(permissions) = permissions_for(&target) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    if durable == Durable::Yes {
        temp.as_file().sync_all()?;
    }
    temp.persist(&target).map_err(|e| e.error)?;
    // The rename itself is durable once the directory is synced.
    if durable == Durable::Yes
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// An exclusive lock on the file at `path` (made if missing, never truncated); released when
/// the returned file is dropped.
pub(crate) fn lock(path: &Path) -> io::Result<File> {
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    lock.lock()?;
    Ok(lock)
}

/// Renames the unreadable `file` to `<name>.unreadable-<timestamp>` beside it (never over
/// another such file), so a store can start afresh without losing what was there.
pub(crate) fn set_aside(file: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let name = file
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let base = format!("{name}.unreadable-{stamp}");
    let mut aside = file.with_file_name(&base);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = file.with_file_name(format!("{base}-{n}"));
    }
    fs::rename(file, &aside)?;
    Ok(aside)
}

/// The file a path names once symbolic links are followed (the path itself if it is none).
pub(crate) fn through_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// An existing file's permissions; for a new one, what creating it plainly would give (the
/// temporary file alone would be readable by its owner only).
fn permissions_for(target: &Path) -> Option<Permissions> {
    match fs::metadata(target) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => new_file_permissions(),
    }
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` elsewhere
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // The umask still applies, as for any new file.
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".dagsorden."))
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one_whole() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("out.ics");
        write_atomically(&path, b"first").expect("write");
        write_atomically(&path, b"second").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_permissions_stay() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let real = dir.path().join("real.ics");
        fs::write(&real, "old").expect("write");
        fs::set_permissions(&real, Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.ics");
        std::os::unix::fs::symlink("real.ics", &link).expect("link");
        write_atomically(&link, b"new").expect("write");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).expect("read"), b"new");
        let mode = fs::metadata(&real).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_to_never_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        // A FIFO in a temp dir stands for every device: a test must never risk `/dev/null`.
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("out");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                File::open(fifo)
                    .and_then(|mut f| f.read_to_string(&mut text))
                    .expect("read the pipe");
                text
            })
        };
        write_atomically(&fifo, b"through").expect("written to the pipe");
        assert_eq!(reader.join().expect("reader"), "through");
        let kind = fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "the pipe is still a pipe");
        assert!(leftovers(dir.path()).is_empty(), "no temporary file made");
        let error = write_atomically(dir.path(), b"x").expect_err("a directory");
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn an_unsynced_write_replaces_the_file_whole_too() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("entry");
        write_atomically_unsynced(&path, b"first").expect("write");
        write_atomically_unsynced(&path, b"second").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("dir");
        let missing = dir.path().join("no/such/dir/out.ics");
        assert!(write_atomically(&missing, b"x").is_err());
        assert!(leftovers(dir.path()).is_empty());
    }
}
