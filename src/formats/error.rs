use thiserror::Error;

use super::Format;
use crate::fsread::ReadError;
use crate::text::shorten_for_message;

/// Why a programme could not be opened; every message names the file and, where it can, the
/// place in it. Each is one short line: whatever it quotes from the file is cut to a few words.
#[derive(Debug, Error)]
pub enum LoadError {
    /// No such file, and no shipped programme by that name.
    #[error("{origin}: {} ({hint})", crate::tr!("format.not_found"))]
    NotFound {
        /// The name as given.
        origin: String,
        /// What could have been meant: the shipped programmes' names.
        hint: String,
    },
    /// Not readable, not a regular file, or larger than any programme.
    #[error("{origin}: {}: {source}", crate::tr!("format.cannot_read"))]
    Read {
        /// The file, as shown to the user.
        origin: String,
        /// Why it could not be read.
        source: ReadError,
    },
    /// The bytes are not JSON, or not a programme's shape; the position is 1-based.
    #[error("{origin}:{line}:{column}: {}", shorten_for_message(what))]
    Parse {
        /// The file, as shown to the user.
        origin: String,
        /// Where the reader stopped: its line.
        line: usize,
        /// Where the reader stopped: its column.
        column: usize,
        /// What the reader found wrong there.
        what: String,
    },
    /// The document stops before it is complete (an element, a component or a value is still
    /// open at the end): a partial programme would look whole, and lose sessions silently.
    #[error("{origin}:{line}:{column}: {}", crate::tr!("format.cut_off"))]
    CutOff {
        /// The file, as shown to the user.
        origin: String,
        /// The line the document ends on.
        line: usize,
        /// The column the document ends at.
        column: usize,
    },
    /// The content is none of the formats tried, or one of them that holds no session.
    #[error("{origin}: {}", crate::tr!(
        "format.unrecognised",
        tried = tried.iter().map(|f| f.name()).collect::<Vec<_>>().join(", "),
        looked_like = shorten_for_message(looked_like)
    ))]
    Unrecognised {
        /// The file, as shown to the user.
        origin: String,
        /// The formats it was read as, to tell the user what is understood.
        tried: Vec<Format>,
        /// What the file looked like: its root element, its top-level keys, its first words.
        looked_like: String,
    },
    /// A format took the file, but every session in it had to be skipped: an empty programme
    /// from a file with content would look like a conference with nothing on.
    #[error("{origin}: {}", crate::tr!(
        "format.no_session",
        format = format.description(),
        skipped = skipped,
        first = shorten_for_message(first)
    ))]
    NoSession {
        /// The file, as shown to the user.
        origin: String,
        /// The format that took it.
        format: Format,
        /// How many warnings the reader gave.
        skipped: usize,
        /// The first of them.
        first: String,
    },
    /// Well-formed, but it says something impossible (an unknown theme, a repeated id).
    #[error("{origin}: {json_path}: {}", shorten_for_message(what))]
    Invalid {
        /// The file, as shown to the user.
        origin: String,
        /// Where in the document, as a JSON path (`sessions[3].theme`).
        json_path: String,
        /// What is impossible about it.
        what: String,
    },
}

impl LoadError {
    /// The error for a document that ends at `offset` of `bytes` while still open.
    pub fn cut_off(origin: &str, bytes: &[u8], offset: usize) -> Self {
        let (line, column) = line_column(bytes, offset);
        Self::CutOff {
            origin: origin.to_string(),
            line,
            column,
        }
    }
}

impl LoadError {
    /// What is wrong with the file as a whole, with no better place in it to point at than its
    /// start (no `schedule` object, a view that lacks what a programme needs).
    pub fn whole_file(origin: &str, what: impl Into<String>) -> Self {
        Self::Parse {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            what: what.into(),
        }
    }

    /// The error for JSON that serde refused: cut off when the text ends early, otherwise the
    /// place and `what` makes of serde's tidied message.
    pub fn from_json(
        error: &serde_json::Error,
        origin: &str,
        what: impl FnOnce(String) -> String,
    ) -> Self {
        let (line, column) = (error.line().max(1), error.column().max(1));
        if error.classify() == serde_json::error::Category::Eof {
            return Self::CutOff {
                origin: origin.to_string(),
                line,
                column,
            };
        }
        Self::Parse {
            origin: origin.to_string(),
            line,
            column,
            what: what(tidy_parser_message(&error.to_string())),
        }
    }
}

/// A JSON file read into `T` (a format's lenient file layout), or the one line that says why
/// not: cut off, or not JSON at the place it stops being so.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    origin: &str,
) -> Result<T, LoadError> {
    serde_json::from_slice(bytes).map_err(|e| {
        LoadError::from_json(&e, origin, |message| {
            crate::tr!("import.not_json", error = message)
        })
    })
}

/// A parser's message made fit for a person: serde's own " at line N column M" (the line
/// already says where) and its names of internal types are left out.
pub(crate) fn tidy_parser_message(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    };
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("struct ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "struct ".len()..];
        let name_end = after
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(after.len());
        if name_end == 0 {
            out.push_str("struct ");
        } else {
            out.push_str("an object");
        }
        rest = &after[name_end..];
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_lose_their_position_and_type_names() {
        assert_eq!(
            tidy_parser_message(
                "invalid type: string \"x\", expected struct FileSession at line 3 column 9"
            ),
            "invalid type: string \"x\", expected an object"
        );
        assert_eq!(
            tidy_parser_message("missing field `id`"),
            "missing field `id`"
        );
    }

    #[test]
    fn a_huge_quote_is_cut_short() {
        let error = LoadError::Parse {
            origin: "f".into(),
            line: 1,
            column: 2,
            what: format!("not valid XML: {}", "x".repeat(400_000)),
        };
        let message = error.to_string();
        assert!(message.chars().count() < 200, "{}", message.len());
        assert!(
            message.starts_with("f:1:2: not valid XML: xxx"),
            "{message}"
        );
    }
}
