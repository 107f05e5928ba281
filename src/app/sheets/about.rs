//! The details pane when the browse or filters pane has focus: the day, room or speaker under
//! the cursor, or the filter, and what the programme says about attending.

use super::details::speakers;
use crate::action::Action;
use crate::app::filters::FilterRow;
use crate::app::{App, Browse, times};
use crate::i18n::{day_heading, day_name};
use crate::model::Programme;
use crate::text::sheet::{Piece, Sheet, Tone};
use crate::tr;

/// About the day, room or speaker under the browse pane's cursor.
pub(super) fn browsed(app: &App, sheet: &mut Sheet) {
    match app.browse() {
        Browse::Days => day_sheet(app, sheet),
        Browse::Rooms => room_sheet(app, sheet),
        Browse::Speakers => speaker_sheet(app, sheet),
    }
}

/// The day under the cursor and what the programme says about attending.
fn day_sheet(app: &App, sheet: &mut Sheet) {
    let programme = app.programme();
    let Some(day) = programme.days.get(app.day()) else {
        sheet.styled(tr!("about.no_days"), Tone::Dim);
        return;
    };
    sheet.heading(&day_heading(day, app.day()));
    if let (Some(label), Some(_)) = (&day.label, day.date) {
        sheet.text(label);
    }
    sheet.blank();
    if let Some(hours) = opening_hours(day.opens, day.closes) {
        sheet.field(tr!("field.hours"), &hours);
    }
    sheet.field(tr!("field.sessions"), &day.sessions.len().to_string());
    let mut parts: Vec<usize> = Vec::new();
    for part in programme
        .day_sessions(app.day())
        .iter()
        .filter_map(|s| s.part)
    {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    if !parts.is_empty() {
        let names: Vec<&str> = parts
            .iter()
            .map(|&p| programme.parts[p].name.as_str())
            .collect();
        sheet.field(tr!("field.parts"), &names.join(", "));
    }
    sheet.blank();
    programme_sheet(programme, sheet);
}

fn opening_hours(
    opens: Option<crate::model::DayTime>,
    closes: Option<crate::model::DayTime>,
) -> Option<String> {
    match (opens, closes) {
        (Some(o), Some(c)) => Some(format!("{o}–{c}")),
        (Some(o), None) => Some(tr!("about.hours_from", time = o)),
        (None, Some(c)) => Some(tr!("about.hours_until", time = c)),
        (None, None) => None,
    }
}

/// Organiser, venue, registration, streaming, press, hosts and link.
fn programme_sheet(programme: &Programme, sheet: &mut Sheet) {
    sheet.heading(tr!("about.programme"));
    let venue = &programme.venue;
    let place: Vec<&str> = [&venue.name, &venue.address, &venue.city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let facts = [
        (tr!("field.organiser"), programme.organiser.clone()),
        (
            tr!("field.venue"),
            (!place.is_empty()).then(|| place.join(", ")),
        ),
        (tr!("field.register"), programme.registration.clone()),
        (tr!("field.follow"), programme.streaming.clone()),
        (tr!("field.press"), programme.press.clone()),
        (tr!("field.link"), programme.url.clone()),
    ];
    for (label, value) in facts {
        if let Some(value) = value {
            sheet.field(label, &value);
        }
    }
    speakers(sheet, tr!("field.hosts"), &programme.hosts);
    for part in &programme.parts {
        sheet.blank();
        sheet.heading(&part.name);
        if let Some(description) = &part.description {
            sheet.text(description);
        }
    }
}

fn room_sheet(app: &App, sheet: &mut Sheet) {
    let programme = app.programme();
    let Some(room) = programme.rooms.get(app.room_cursor()) else {
        sheet.styled(tr!("about.no_rooms"), Tone::Dim);
        return;
    };
    sheet.heading(room);
    sheet.blank();
    let sessions = &app.index().by_room[app.room_cursor()];
    sheet.field(tr!("field.sessions"), &sessions.len().to_string());
    let mut days: Vec<usize> = sessions
        .iter()
        .map(|&i| programme.sessions[i].day)
        .collect();
    days.dedup();
    let names: Vec<String> = days
        .iter()
        .map(|&d| day_name(&programme.days[d], d))
        .collect();
    if !names.is_empty() {
        sheet.field(tr!("field.days"), &names.join(", "));
    }
}

/// A speaker: their roles and every session they take part in.
fn speaker_sheet(app: &App, sheet: &mut Sheet) {
    let programme = app.programme();
    let Some(speakers) = app.index().speakers_ready() else {
        sheet.styled(tr!("browse.indexing"), Tone::Dim);
        return;
    };
    let Some(speaker) = speakers.get(app.speaker_cursor()) else {
        sheet.styled(tr!("about.no_speakers"), Tone::Dim);
        return;
    };
    sheet.heading(&speaker.name);
    for role in &speaker.roles {
        sheet.text(role);
    }
    sheet.blank();
    sheet.heading(&tr!("about.sessions_count", n = speaker.sessions.len()));
    for &i in &speaker.sessions {
        let s = &programme.sessions[i];
        let day = day_name(&programme.days[s.day], s.day);
        let room = programme
            .room_name(s)
            .map(|r| format!(" · {r}"))
            .unwrap_or_default();
        let mark = super::star_mark(app.level(i));
        let text = format!(" {day} {} {}{room}", times::range(app, i), s.title);
        sheet.push_pieces(vec![mark, Piece::plain(text)], " ");
    }
}

/// About the filter under the filters pane's cursor.
pub(super) fn filter(app: &App, sheet: &mut Sheet) {
    let programme = app.programme();
    let open = app.keymap().key_for(&Action::Open).unwrap_or_default();
    let clear = app
        .keymap()
        .key_for(&Action::ClearFilters)
        .unwrap_or_default();
    let row = app.filter_rows().get(app.filter_cursor()).copied();
    let (name, description, count) = match row {
        Some(FilterRow::Theme(t)) => {
            let theme = &programme.themes[t];
            (
                theme.name.clone(),
                theme.description.clone(),
                app.theme_count(t),
            )
        }
        Some(FilterRow::Part(p)) => {
            let part = &programme.parts[p];
            let count = app.index().part_counts.get(p).copied().unwrap_or(0);
            (part.name.clone(), part.description.clone(), count)
        }
        Some(FilterRow::Room(r)) => {
            let count = app.index().by_room.get(r).map_or(0, Vec::len);
            (programme.rooms[r].clone(), None, count)
        }
        _ => {
            sheet.heading(tr!("about.all_themes"));
            sheet.blank();
            sheet.text(&tr!(
                "about.themes_and_sessions",
                themes = programme.themes.len(),
                sessions = programme.sessions.len()
            ));
            sheet.styled(
                &tr!("about.filter_how", open = open, clear = clear),
                Tone::Dim,
            );
            return;
        }
    };
    sheet.heading(&name);
    sheet.blank();
    if let Some(description) = description {
        sheet.text(&description);
        sheet.blank();
    }
    sheet.field(tr!("field.sessions"), &count.to_string());
    let active = row.is_some_and(|r| app.filter_row_active(r));
    sheet.styled(
        &if active {
            tr!("about.filter_active", open = open, clear = clear)
        } else {
            tr!("about.filter_inactive", open = open)
        },
        Tone::Dim,
    );
}
