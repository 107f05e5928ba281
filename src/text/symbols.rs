//! The marks that carry a state in text, so it reads without colour.

/// The star beside a session the user must see.
pub const STAR_SYMBOL: &str = "★";
/// The star beside a session the user may see.
pub const MAYBE_SYMBOL: &str = "☆";
/// Beside a *must* session that overlaps another.
pub const CLASH_SYMBOL: &str = "!";
/// Before a session in progress.
pub const ON_NOW_SYMBOL: &str = "●";
/// Before a starred session the programme no longer has.
pub const CANCELLED_SYMBOL: &str = "✗";
/// Before a session that is over.
pub const PAST_SYMBOL: &str = "·";
/// The mark beside the selected row, so selection reads without colour.
pub const CURSOR_SYMBOL: &str = "▶";
