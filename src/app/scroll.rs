//! What each pane shows of what it holds: the first row of each list, worked out here after
//! every action from the pane's size, so that drawing only draws and a click or a page reads
//! the same rows the user sees.

use crate::action::Pane;

use super::layout::inside_border;
use super::{App, Entry};

/// The first row each list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tops {
    /// The browse pane's first row shown.
    pub browse: usize,
    /// The sessions pane's first row shown.
    pub sessions: usize,
    /// The filters pane's first row shown.
    pub filters: usize,
}

impl App {
    /// The first row each list shows.
    pub fn tops(&self) -> Tops {
        self.tops
    }

    /// The row marked as chosen in the browse pane: none while the sessions pane shows
    /// something else (a search, My programme).
    pub(crate) fn browse_selected(&self) -> Option<usize> {
        self.browse_is_shown().then_some(self.browse_cursor())
    }

    /// The row of the sessions pane marked as selected: the cursor, when it is on a session
    /// (or a cancelled star).
    pub(crate) fn sessions_selected(&self) -> Option<usize> {
        self.entries
            .get(self.cursor)
            .is_some_and(Entry::is_selectable)
            .then_some(self.cursor)
    }

    /// Moves each list shown so its selection is in view, wasting no space at its end.
    pub(super) fn fit_lists(&mut self) {
        self.tops.browse = self.fit(Pane::Browse, self.tops.browse, || {
            (self.browse_len(), self.browse_selected())
        });
        self.tops.sessions = self.fit(Pane::Sessions, self.tops.sessions, || {
            (self.entries.len(), self.sessions_selected())
        });
        self.tops.filters = self.fit(Pane::Filters, self.tops.filters, || {
            (self.filter_rows.len(), Some(self.filter_cursor))
        });
    }

    /// A list's first row once fitted to its pane; as it was when the pane is not shown or the
    /// list is empty. `list` gives its length and selected row.
    fn fit(&self, pane: Pane, top: usize, list: impl FnOnce() -> (usize, Option<usize>)) -> usize {
        let Some(inner) = self.areas().pane(pane).map(inside_border) else {
            return top;
        };
        let (len, selected) = list();
        if inner.is_empty() || len == 0 {
            return top;
        }
        keep_in_view(top, selected, usize::from(inner.height), len)
    }
}

/// The first row to show so that `selected` is visible and no space is wasted at the end.
pub(crate) fn keep_in_view(
    offset: usize,
    selected: Option<usize>,
    height: usize,
    len: usize,
) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if let Some(selected) = selected {
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_view_without_jumping() {
        assert_eq!(keep_in_view(0, Some(3), 5, 100), 0);
        assert_eq!(keep_in_view(0, Some(7), 5, 100), 3);
        assert_eq!(keep_in_view(3, Some(6), 5, 100), 3);
        assert_eq!(keep_in_view(3, Some(2), 5, 100), 2);
        assert_eq!(keep_in_view(90, Some(2), 5, 10), 2);
        assert_eq!(keep_in_view(9, None, 5, 10), 5);
        assert_eq!(keep_in_view(4, Some(1), 0, 10), 0);
    }
}
