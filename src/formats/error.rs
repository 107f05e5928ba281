use thiserror::Error;

/// Why a programme could not be opened; every message names the file and, where it can, the
/// place in it.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{origin}: {} ({hint})", crate::tr!("format.not_found"))]
    NotFound { origin: String, hint: String },
    #[error("{origin}: {}: {source}", crate::tr!("format.cannot_read"))]
    Read {
        origin: String,
        source: std::io::Error,
    },
    /// The bytes are not JSON, or not a programme's shape; the position is 1-based.
    #[error("{origin}:{line}:{column}: {what}")]
    Parse {
        origin: String,
        line: usize,
        column: usize,
        what: String,
    },
    /// Well-formed, but it says something impossible (an unknown theme, a repeated id).
    #[error("{origin}: {json_path}: {what}")]
    Invalid {
        origin: String,
        json_path: String,
        what: String,
    },
}

/// The 1-based line and column (in bytes) of `offset` in `bytes`.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.split(|&b| b == b'\n').count();
    (line, before.len() - line_start + 1)
}

/// The bytes as text: as they are when they are UTF-8 (checked quickly), with unreadable bytes
/// replaced otherwise (the caller can tell by the `Cow::Owned`).
pub fn decode_utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    std::str::from_utf8(bytes).map_or_else(
        |_| String::from_utf8_lossy(bytes),
        std::borrow::Cow::Borrowed,
    )
}
