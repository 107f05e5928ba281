//! The marks that carry a state in text, so it reads without colour.

/// The star beside a session the user must see.
pub(crate) const STAR_SYMBOL: &str = "★";
/// The star beside a session the user may see.
pub(crate) const MAYBE_SYMBOL: &str = "☆";
/// Beside a *must* session that overlaps another.
pub(crate) const CLASH_SYMBOL: &str = "!";
/// Before a session in progress.
pub(crate) const ON_NOW_SYMBOL: &str = "●";
/// Before a starred session the programme no longer has.
pub(crate) const CANCELLED_SYMBOL: &str = "✗";
/// Before a session that is over.
pub(crate) const PAST_SYMBOL: &str = "·";
/// The mark beside the selected row, so selection reads without colour.
pub(crate) const CURSOR_SYMBOL: &str = "▶";
/// Before a folded list: more is there, one key away.
pub(crate) const FOLDED_SYMBOL: &str = "▸";
/// Before an opened list.
pub(crate) const OPEN_SYMBOL: &str = "▾";
/// Before a session that changed since the user last looked (moved, renamed, another room…).
pub(crate) const CHANGED_SYMBOL: &str = "Δ";
/// Before a session that is new since the user last looked.
pub(crate) const NEW_SYMBOL: &str = "+";
