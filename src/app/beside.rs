//! `h`/`l` and ←/→: the pane on that side of the focused one, as the screen is laid out now,
//! whatever the layout (side by side, one over the other, one pane at a time).

use ratatui::layout::Rect;

use super::{App, Pane};

/// A side of the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

impl App {
    /// Focuses the pane on `side` of the focused one; stays where there is none.
    pub(super) fn focus_beside(&mut self, side: Side) {
        if let Some(pane) = self.pane_beside(side) {
            self.focus = pane;
        }
    }

    /// The pane on `side`: of those wholly on that side and level with the focused one (sharing
    /// some rows), the nearest, then the one whose top is nearest its top (from the sessions,
    /// the days above the filters). With one pane on screen, the tab on that side.
    fn pane_beside(&self, side: Side) -> Option<Pane> {
        let areas = self.areas();
        let here = areas.pane(self.focus)?;
        if areas.tabs.is_some() {
            return tab_beside(self.focus, side);
        }
        Pane::ALL
            .into_iter()
            .filter(|&p| p != self.focus)
            .filter_map(|p| Some((p, areas.pane(p)?)))
            .filter_map(|(p, rect)| {
                let gap = gap_on(side, here, rect)?;
                let tops_apart = here.top().abs_diff(rect.top());
                (shared_rows(here, rect) > 0).then_some((p, gap, tops_apart))
            })
            .min_by_key(|&(_, gap, tops_apart)| (gap, tops_apart))
            .map(|(p, _, _)| p)
    }
}

/// How far `other` is on `side` of `here`, if wholly on that side.
fn gap_on(side: Side, here: Rect, other: Rect) -> Option<u16> {
    match side {
        Side::Left => here.left().checked_sub(other.right()),
        Side::Right => other.left().checked_sub(here.right()),
    }
}

/// How many screen rows two panes share.
fn shared_rows(a: Rect, b: Rect) -> u16 {
    a.bottom()
        .min(b.bottom())
        .saturating_sub(a.top().max(b.top()))
}

/// In one-pane mode the tabs are in [`Pane::ALL`] order; the one before or after, none past
/// the ends.
fn tab_beside(pane: Pane, side: Side) -> Option<Pane> {
    let at = Pane::ALL.iter().position(|&p| p == pane)?;
    match side {
        Side::Left => at.checked_sub(1).map(|i| Pane::ALL[i]),
        Side::Right => Pane::ALL.get(at + 1).copied(),
    }
}
