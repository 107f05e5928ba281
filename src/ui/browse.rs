//! The browse pane: days, rooms or speakers, each with its number of sessions. The title shows
//! the three and marks the one listed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{ListView, Row};
use super::{pane_block, style};
use crate::action::Pane;
use crate::app::{App, Browse};
use crate::i18n;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let programme = app.programme();
    let index = app.index();
    let counts: Vec<usize> = match app.browse() {
        Browse::Days => app.counts().days.clone(),
        Browse::Rooms => app.counts().rooms.clone(),
        Browse::Speakers => Vec::new(),
    };
    let width = digits(counts.iter().copied().max().unwrap_or(0));
    // Speakers are listed once their index is made; drawing never waits for it.
    let speakers = index.speakers_ready();
    let (len, empty) = match (app.browse(), speakers) {
        (Browse::Speakers, None) => (0, tr!("browse.indexing")),
        (Browse::Speakers, Some(list)) => (list.len(), tr!("browse.empty")),
        _ => (app.browse_len(), tr!("browse.empty")),
    };
    ListView {
        block: pane_block(app, Pane::Browse, title(app, area.width)),
        len,
        selected: app.browse_selected(),
        focused: app.focus() == Pane::Browse,
        offset: app.tops().browse,
        empty,
    }
    .render(frame, area, |i| match app.browse() {
        Browse::Days => Row {
            line: Line::raw(format!(" {}", i18n::day_name(&programme.days[i], i))),
            suffix: Some(count(counts[i], width)),
        },
        Browse::Rooms => Row {
            line: Line::raw(format!(" {}", programme.rooms[i])),
            suffix: Some(count(counts[i], width)),
        },
        Browse::Speakers => {
            let speaker = &speakers.unwrap_or_default()[i];
            Row {
                line: Line::raw(format!(" {}", speaker.name)),
                suffix: Some(count(speaker.sessions.len(), 2)),
            }
        }
    });
}

/// ` [Days] Rooms Speakers `, the one listed in bold and bracketed; just ` Days ` where the
/// pane is too narrow for all three.
fn title(app: &App, width: u16) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for mode in Browse::ALL {
        if mode == app.browse() {
            spans.push(Span::styled(
                format!("[{}] ", browse_name(mode)),
                style::TITLE,
            ));
        } else {
            spans.push(Span::styled(format!("{} ", browse_name(mode)), style::DIM));
        }
    }
    let all = Line::from(spans);
    if all.width() + 2 <= usize::from(width) {
        all
    } else {
        Line::styled(format!(" {} ", browse_name(app.browse())), style::TITLE)
    }
}

/// A number of sessions at the right edge of a row, right-aligned to `digits` so the numbers of
/// a list line up.
/// What the pane lists, as its title says it.
pub(crate) fn browse_name(browse: Browse) -> &'static str {
    match browse {
        Browse::Days => tr!("browse.days"),
        Browse::Rooms => tr!("browse.rooms"),
        Browse::Speakers => tr!("browse.speakers"),
    }
}

pub(crate) fn count(n: usize, digits: usize) -> Span<'static> {
    Span::styled(format!(" {n:>digits$} "), style::DIM)
}

/// How many digits the largest number has.
pub(crate) fn digits(largest: usize) -> usize {
    largest.to_string().len()
}
