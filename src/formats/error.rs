use thiserror::Error;

/// Why a programme could not be opened; every message names the file and, where it can, the
/// place in it.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{origin}: no such file or shipped programme ({hint})")]
    NotFound { origin: String, hint: String },
    #[error("{origin}: cannot read: {source}")]
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
