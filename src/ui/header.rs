//! The header: what programme this is, where and when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::truncate;
use super::style;
use crate::action::Action;
use crate::app::App;
use crate::i18n;
use crate::model::Shown;
use crate::tr;
use unicode_width::UnicodeWidthStr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let programme = app.programme();
    let mut title = vec![Span::styled(programme.title.clone(), style::TITLE)];
    if let Some(subtitle) = &programme.subtitle {
        title.push(Span::raw(format!(" — {subtitle}")));
    }
    let width = usize::from(area.width);
    let filters = filters_note(app);
    let title_room = width.saturating_sub(filters.width());
    let mut first = truncate(Line::from(title), title_room);
    let gap = width.saturating_sub(first.width() + filters.width());
    first.spans.push(Span::raw(" ".repeat(gap)));
    first.spans.extend(truncate(filters, width).spans);
    let mut lines = vec![first];
    if area.height > 1 {
        lines.push(truncate(
            Line::styled(fitted_facts(app, width), style::DIM),
            width,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `● LLVM · ● K.3.201 · ★ only · no past · c clears`: every filter in force, so a short list
/// is never a mystery; nothing when none is.
fn filters_note(app: &App) -> Line<'static> {
    let programme = app.programme();
    let f = app.filters();
    let named = [
        f.theme
            .and_then(|t| programme.themes.get(t))
            .map(|t| t.name.clone()),
        f.part
            .and_then(|p| programme.parts.get(p))
            .map(|p| p.name.clone()),
        f.room.and_then(|r| programme.rooms.get(r)).cloned(),
    ];
    let mut parts: Vec<String> = named
        .into_iter()
        .flatten()
        .map(|n| format!("● {n}"))
        .collect();
    if f.starred_only {
        parts.push(tr!("header.starred_only", star = style::STAR_SYMBOL));
    }
    if f.hide_past {
        parts.push(tr!("header.no_past").into());
    }
    if parts.is_empty() {
        return Line::raw("");
    }
    let clear = app
        .keymap()
        .key_for(&Action::ClearFilters)
        .unwrap_or_default();
    Line::from(vec![
        Span::raw("  "),
        Span::styled(parts.join(" · "), style::ACTIVE_FILTER),
        Span::styled(
            format!(" · {} ", tr!("header.clears", key = clear)),
            style::DIM,
        ),
    ])
}

/// `Tue 13 Feb 10:32 Europe/Oslo (venue)`: the time now, on the clock times are shown in.
fn clock(app: &App) -> String {
    let timeline = app.timeline();
    let wall = timeline.wall(app.shown(), app.now());
    let zone = match app.shown() {
        Shown::Venue if timeline.source.is_this_computer() => {
            tr!("header.this_computer", zone = timeline.venue.name())
        }
        Shown::Venue => tr!("header.venue_zone", zone = timeline.venue.name()),
        Shown::Local => tr!("header.local_zone", zone = timeline.local.name()),
    };
    format!(
        "{} {} {zone}",
        i18n::short_date(wall.date()),
        crate::model::clock(timeline, app.shown(), app.now())
    )
}

/// A venue cut shorter than this says too little: it gives way whole.
const SHORTEST_VENUE: usize = 12;

/// The facts that fit in `width`, the clock always whole: the venue is cut or gives way first,
/// then the dates, then the count of stars.
fn fitted_facts(app: &App, width: usize) -> String {
    let [venue, dates, starred, clock] = facts(app);
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(SEPARATOR)
    };
    let others = joined(&[dates.as_str(), starred.as_str(), clock.as_str()]);
    let venue_room = width.saturating_sub(others.width() + SEPARATOR.width());
    if !venue.is_empty() && (venue.width() <= venue_room || venue_room >= SHORTEST_VENUE) {
        let venue = truncate(Line::raw(venue), venue_room).to_string();
        return joined(&[venue.as_str(), others.as_str()]);
    }
    [
        others,
        joined(&[starred.as_str(), clock.as_str()]),
        clock.clone(),
    ]
    .into_iter()
    .find(|line| line.width() <= width)
    .unwrap_or(clock)
}

/// Between two facts.
const SEPARATOR: &str = " · ";

/// Venue (empty when the programme names none), dates, how many sessions are starred, and
/// the clock.
fn facts(app: &App) -> [String; 4] {
    let programme = app.programme();
    let venue = [&programme.venue.name, &programme.venue.city]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let dates = match programme.date_span() {
        Some((first, last)) => i18n::span(first, last),
        None => tr!("details.date_not_announced").into(),
    };
    let starred = tr!(
        "header.starred",
        star = style::STAR_SYMBOL,
        n = app.starred_count()
    );
    // How old the copy is, when it should have been refreshed, goes with the clock: kept whole.
    let clock = match app.copy_age_note() {
        Some(note) => format!("{}{SEPARATOR}{note}", clock(app)),
        None => clock(app),
    };
    [venue, dates, starred, clock]
}
