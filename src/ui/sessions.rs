//! The sessions pane: the selected day's sessions, the plan of starred ones ("My programme"),
//! or what is on now and next.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::list::{ListView, Row};
use super::{pane_block, style};
use crate::action::{Action, Pane};
use crate::app::times;
use crate::app::{App, Columns, Entry, Heading, View};
use crate::i18n;
use crate::index::search;
use crate::model::Level;
use crate::tr;
use unicode_width::UnicodeWidthStr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let entries = app.entries();
    let offset = app.tops().sessions;
    let shown = entries
        .iter()
        .skip(offset)
        .take(usize::from(area.height.saturating_sub(2)));
    let columns = RowColumns {
        shown: app.columns(),
        time_width: shown
            .filter_map(Entry::session)
            .map(|i| times::range(app, i).width())
            .max()
            .unwrap_or(0),
        room: says_something(app),
    };
    let empty = empty_text(app);
    ListView {
        block: pane_block(app, Pane::Sessions, title(app)),
        len: entries.len(),
        selected: app.sessions_selected(),
        focused: app.focus() == Pane::Sessions,
        offset,
        empty: &empty,
    }
    .render(frame, area, |row| match entries[row] {
        Entry::Session(i) => session_row(app, i, columns),
        Entry::Heading(heading) => heading_row(app, heading),
        Entry::Gap { from, to } => gap_row(app, from, to),
        Entry::Cancelled(i) => cancelled_row(app, i),
    });
}

fn empty_text(app: &App) -> String {
    let clear = app
        .keymap()
        .key_for(&Action::ClearFilters)
        .unwrap_or_default();
    let star = app.keymap().key_for(&Action::CycleStar).unwrap_or_default();
    let filtered = app.filters().is_active();
    match app.view() {
        _ if filtered => tr!("sessions.empty_filtered", clear = clear),
        View::Day => tr!("sessions.empty_day").into(),
        View::Room(_) | View::Speaker(_) => tr!("sessions.empty").into(),
        View::MyProgramme => {
            tr!("sessions.empty_starred", star = star)
        }
        View::Now => tr!("sessions.empty_now").into(),
        View::Search if app.search().is_some_and(|s| s.query.trim().is_empty()) => {
            tr!("sessions.empty_search").into()
        }
        View::Search => tr!("sessions.nothing_found").into(),
    }
}

fn title(app: &App) -> Line<'static> {
    let programme = app.programme();
    let text = match app.view() {
        View::Day => {
            let day = programme.days.get(app.day());
            let name = day.map_or_else(String::new, |d| i18n::day_name(d, app.day()));
            format!(" {} · {name} ", tr!("pane.sessions"))
        }
        View::Room(room) => format!(
            " {} · {} ",
            tr!("field.room"),
            programme.rooms.get(room).map_or("", String::as_str)
        ),
        View::Speaker(speaker) => format!(
            " {} · {} ",
            tr!("sessions.speaker"),
            app.index()
                .speakers_ready()
                .map_or(tr!("browse.indexing"), |list| list
                    .get(speaker)
                    .map_or("", |s| s.name.as_str()))
        ),
        View::MyProgramme => format!(
            " {} · {} {} ",
            tr!("view.my_programme"),
            style::STAR_SYMBOL,
            app.starred_count()
        ),
        View::Now => format!(" {} · {} ", tr!("view.now"), times::clock(app, app.now())),
        View::Search => return search_title(app),
    };
    Line::from(text)
}

/// ` / toppmote▏ · 3 found `: the query as typed, and how many sessions it finds.
fn search_title(app: &App) -> Line<'static> {
    let Some(search) = app.search() else {
        return Line::raw(format!(" {} ", tr!("view.search")));
    };
    let caret = if search.typing { "▏" } else { "" };
    let found = app.search_results();
    Line::from(vec![
        Span::styled(" / ", style::KEY),
        Span::styled(format!("{}{caret}", search.query), style::TITLE),
        Span::raw(format!(" · {} ", tr!("sessions.found", n = found))),
    ])
}

/// Which columns the rows have, and how wide the times are.
#[derive(Clone, Copy)]
struct RowColumns {
    shown: Columns,
    /// The widest time of the rows in view: the column is as wide as its times.
    time_width: usize,
    /// Whether the room column says something: not where every row is in the same room.
    room: bool,
}

/// False where every row is in the same room: a room's own view, a room filter, or a list
/// whose sessions all happen to be in one room (a devroom's track).
fn says_something(app: &App) -> bool {
    if matches!(app.view(), View::Room(_)) || app.filters().room.is_some() {
        return false;
    }
    let programme = app.programme();
    let mut rooms = app
        .entries()
        .iter()
        .filter_map(Entry::session)
        .map(|i| programme.sessions[i].room);
    let first = rooms.next();
    let mut others = rooms.peekable();
    others.peek().is_none() || others.any(|room| Some(room) != first)
}

/// `★! 09:00–10:30 ● Title … Room`: star, clash, time, on-now or past, title, room.
fn session_row(app: &App, index: usize, columns: RowColumns) -> Row {
    let programme = app.programme();
    let session = &programme.sessions[index];
    let (on, past) = (app.is_on(index), app.is_past(index));
    let mut spans = vec![star_span(app.level(index)), clash_span(app, index)];
    if columns.shown.changed {
        spans.push(change_span(app, index));
    }
    if app.view() == View::Now {
        // What matters now is how long: the minutes left, or when the next one starts.
        spans.push(state_span(on, past));
        spans.push(Span::styled(
            format!("{:<12} ", countdown(app, index)),
            style::LABEL,
        ));
    } else {
        if columns.shown.time {
            let time = times::range(app, index);
            let pad = columns.time_width.saturating_sub(time.width());
            spans.push(Span::styled(
                format!("{}{time}{} ", day_prefix(app, index), " ".repeat(pad)),
                if past { style::DIM } else { style::LABEL },
            ));
        }
        if columns.shown.state {
            spans.push(state_span(on, past));
        }
    }
    let title_style = if past { style::DIM } else { style::PLAIN };
    match app.search().filter(|_| app.view() == View::Search) {
        Some(search) => spans.extend(highlighted(&session.title, &search.query, title_style)),
        None => spans.push(Span::styled(session.title.clone(), title_style)),
    }
    Row {
        line: Line::from(spans),
        suffix: programme
            .room_name(session)
            .filter(|_| columns.room)
            .map(|room| Span::styled(format!("  {room} "), style::DIM)),
    }
}

/// The text in spans, the parts the query matches marked (underlined and bold, so they show
/// without colour too).
fn highlighted(text: &str, query: &str, base: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in search::highlights(text, query) {
        if range.start > at {
            spans.push(Span::styled(text[at..range.start].to_string(), base));
        }
        spans.push(Span::styled(text[range.clone()].to_string(), style::MATCH));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// Search results run across days without a heading for each, so each says its weekday.
fn day_prefix(app: &App, index: usize) -> String {
    let programme = app.programme();
    if app.view() != View::Search || programme.days.len() < 2 {
        return String::new();
    }
    let day = &programme.days[programme.sessions[index].day];
    day.date.map_or_else(
        || format!("{:<4}", i18n::day_name(day, programme.sessions[index].day)),
        |date| format!("{} ", crate::i18n::weekday_name(date, true)),
    )
}

/// The mark of a star level.
pub(crate) fn star_span(level: Option<Level>) -> Span<'static> {
    super::sheet::span(crate::app::sheets::star_mark(level))
}

/// `Δ ` changed or `+ ` new since the user last looked, until seen; else blank.
fn change_span(app: &App, index: usize) -> Span<'static> {
    match app.change_mark(index) {
        Some(mark) => Span::styled(format!("{mark} "), style::STAR),
        None => Span::raw("  "),
    }
}

fn clash_span(app: &App, index: usize) -> Span<'static> {
    if app.clashes_of(index).is_empty() {
        Span::raw(" ")
    } else {
        Span::styled(style::CLASH_SYMBOL, style::CLASH)
    }
}

/// `●` on now, `·` over, else a space: readable without colour.
fn state_span(on: bool, past: bool) -> Span<'static> {
    match (on, past) {
        (true, _) => Span::styled(format!("{} ", style::ON_NOW_SYMBOL), style::ON_NOW),
        (false, true) => Span::styled(format!("{} ", style::PAST_SYMBOL), style::DIM),
        _ => Span::raw("  "),
    }
}

/// `12 min left` for a session on now; `at 11:05` for one to come today, `Sun 09:00` for one
/// on another day. (The details say how long until it starts.)
fn countdown(app: &App, index: usize) -> String {
    let Some(span) = app.span(index) else {
        return String::new();
    };
    let now = app.now();
    if span.is_on(now) {
        return tr!(
            "sessions.left",
            time = times::short_span(span.minutes_left(now))
        );
    }
    let timeline = app.timeline();
    let (start, today) = (
        timeline.wall(app.shown(), span.start),
        timeline.wall(app.shown(), now),
    );
    if start.date() == today.date() {
        tr!("sessions.at", time = times::clock(app, span.start))
    } else {
        format!(
            "{} {}",
            crate::i18n::weekday_name(start.date(), true),
            times::clock(app, span.start)
        )
    }
}

fn heading_row(app: &App, heading: Heading) -> Row {
    let text = match heading {
        Heading::Day(day) => {
            let programme = app.programme();
            programme
                .days
                .get(day)
                .map_or_else(String::new, |d| i18n::day_heading(d, day))
        }
        Heading::OnNow => tr!("sessions.on_now").into(),
        Heading::Next => tr!("sessions.next_each_room").into(),
        Heading::Untimed => tr!("sessions.untimed").into(),
        Heading::UntimedToday => tr!("sessions.untimed_today").into(),
        Heading::Cancelled => tr!("sessions.cancelled_heading").into(),
    };
    Row::from(Line::styled(format!(" ── {text} "), style::HEADING))
}

/// ` ✗ 2024-02-13 10:30 Title (cancelled)`: a starred session the programme no longer has.
fn cancelled_row(app: &App, index: usize) -> Row {
    let Some((_, seen)) = app.cancelled().get(index) else {
        return Row::from(Line::raw(""));
    };
    let when = [seen.date.as_deref(), seen.start.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Row::from(Line::from(vec![
        Span::styled(format!(" {} ", style::CANCELLED_SYMBOL), style::CLASH),
        Span::styled(format!("{when} "), style::DIM),
        Span::styled(seen.title.clone(), style::CANCELLED),
        Span::styled(format!(" ({})", tr!("sessions.cancelled")), style::DIM),
    ]))
}

/// `   free 11:00–11:45 (45 min)` between two planned sessions.
fn gap_row(
    app: &App,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Row {
    let minutes = (to - from).num_minutes();
    Row::from(Line::styled(
        format!(
            "   {}",
            tr!(
                "sessions.free",
                from = times::clock(app, from),
                to = times::clock(app, to),
                length = times::span_of_minutes(minutes)
            )
        ),
        style::GAP,
    ))
}
