//! The download's progress line on standard error, only when that is a terminal: bytes so far
//! and of how many when the server says, rewritten in place and cleared when done.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::fetch::Progress;

/// Whether a progress line is on the screen, to be cleared.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Shows how far a download has come, if standard error is a terminal.
pub fn show(progress: Progress) {
    let mut err = std::io::stderr().lock();
    if !err.is_terminal() {
        return;
    }
    let line = line(progress);
    if write!(err, "\r{line}\x1b[K")
        .and_then(|()| err.flush())
        .is_ok()
    {
        SHOWN.store(true, Ordering::Relaxed);
    }
}

/// Clears the progress line, if one was shown.
pub fn done() {
    if SHOWN.swap(false, Ordering::Relaxed) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K").and_then(|()| err.flush());
    }
}

/// "Downloading… 1.2 MB of 2.0 MB".
pub fn line(progress: Progress) -> String {
    let received = megabytes(progress.received);
    match progress.total {
        Some(total) => crate::tr!(
            "fetch.progress_of",
            received = received,
            total = megabytes(total)
        ),
        None => crate::tr!("fetch.progress", received = received),
    }
}

fn megabytes(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a size shown to a tenth of a megabyte
    let mb = bytes as f64 / 1_000_000.0;
    format!("{mb:.1} MB")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_how_much_and_of_how_much() {
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let of = line(Progress {
            received: 1_200_000,
            total: Some(2_000_000),
        });
        assert!(of.contains("1.2 MB") && of.contains("2.0 MB"), "{of}");
        let so_far = line(Progress {
            received: 500,
            total: None,
        });
        assert!(so_far.contains("0.0 MB"), "{so_far}");
    }
}
