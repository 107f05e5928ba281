//! Taking a programme elsewhere: starred (or all) sessions as an iCalendar file for calendar
//! programs, or as a printable agenda in Markdown or plain text.

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::model::{Level, Programme, Session, Shown, Timeline, Zone};

/// Marks the UIDs of our exports: `<session key>@<programme id>.dagsorden`.
const UID_DOMAIN: &str = "dagsorden";

/// The UID a session always gets, so a calendar recognises it when it is exported again.
pub(crate) fn uid(programme: &str, key: &str) -> String {
    format!("{key}@{programme}.{UID_DOMAIN}")
}

/// The session key in a UID this programme's export wrote.
pub(crate) fn key_from_uid<'a>(programme: &str, uid: &'a str) -> Option<&'a str> {
    let (key, domain) = uid.rsplit_once('@')?;
    (domain.strip_suffix(UID_DOMAIN)?.strip_suffix('.')? == programme).then_some(key)
}

/// The programmes the UIDs of a calendar say they were exported from (only those dagsorden
/// wrote say one), each once, in the order they first come.
pub(crate) fn programmes_in<'a>(uids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut programmes = Vec::new();
    for uid in uids {
        let exported_from = uid
            .rsplit_once('@')
            .and_then(|(_, domain)| domain.strip_suffix(UID_DOMAIN)?.strip_suffix('.'))
            .filter(|id| !id.is_empty());
        if let Some(id) = exported_from.filter(|id| !programmes.contains(id)) {
            programmes.push(id);
        }
    }
    programmes
}

/// A calendar that says it is dagsorden's (`PRODID`, RFC 5545 3.7.3), not the library's.
fn our_calendar() -> Calendar {
    let mut calendar = Calendar::empty();
    let prodid = format!("-//dagsorden//dagsorden {}//EN", env!("CARGO_PKG_VERSION"));
    for (name, value) in [
        ("VERSION", "2.0"),
        ("PRODID", prodid.as_str()),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(name, value));
    }
    calendar
}

/// An iCalendar text, and the sessions left out because they have neither a time nor a date.
pub(crate) struct Exported {
    pub text: String,
    pub left_out: Vec<usize>,
}

/// The sessions as an RFC 5545 calendar, times in UTC (which every calendar program reads) as
/// the timeline places them; the venue's zone, when it has a name, as the calendar's. A session
/// with a date and no time is an all-day event on its date.
pub(crate) fn ics(
    programme: &Programme,
    timeline: &Timeline,
    sessions: &[usize],
    level: impl Fn(usize) -> Option<Level>,
    stamp: DateTime<Utc>,
) -> Exported {
    let mut calendar = our_calendar();
    calendar.name(&programme.title);
    if let Zone::Iana(zone) = timeline.venue {
        calendar.timezone(zone.name());
    }
    let mut left_out = Vec::new();
    for &i in sessions {
        let Some(when) = when(programme, timeline, i) else {
            left_out.push(i);
            continue;
        };
        let s = &programme.sessions[i];
        let mut event = Event::new();
        event
            .uid(&uid(&programme.id, &s.id))
            .timestamp(stamp)
            .summary(&s.title);
        when.set_on(&mut event);
        let text = description(programme, s);
        if !text.is_empty() {
            event.description(&text);
        }
        if let Some(location) = location(programme, s) {
            event.location(&location);
        }
        if let Some(url) = &s.url {
            event.url(url);
        }
        for &theme in &s.themes {
            event.append_multi_property(Property::new("CATEGORIES", &programme.themes[theme].name));
        }
        if let Some(level) = level(i) {
            let word = match level {
                Level::Must => "must",
                Level::Maybe => "maybe",
            };
            event.add_property("X-DAGSORDEN-STAR", word);
        }
        calendar.push(event.done());
    }
    Exported {
        text: calendar.done().to_string(),
        left_out,
    }
}

/// When a calendar event happens.
enum When {
    /// From a moment to a moment (the same one for a moment's event).
    Timed(crate::model::Span),
    /// The whole of a date: the session's day is known, its time is not.
    AllDay(NaiveDate),
}

impl When {
    /// `DTSTART` and, where it has one, `DTEND`.
    fn set_on(&self, event: &mut Event) {
        match *self {
            Self::Timed(span) => {
                event.starts(span.start);
                // Without an end (or of no length), an event is a moment: RFC 5545 leaves
                // DTEND out.
                if span.end > span.start {
                    event.ends(span.end);
                }
            }
            Self::AllDay(date) => {
                // VALUE=DATE; DTEND is the day after, as RFC 5545 counts it (not included).
                event.starts(date);
                if let Some(next) = date.succ_opt() {
                    event.ends(next);
                }
            }
        }
    }
}

/// When a session happens for a calendar: its span, else its day's date; `None` without both.
fn when(programme: &Programme, timeline: &Timeline, session: usize) -> Option<When> {
    timeline.span(session).map(When::Timed).or_else(|| {
        programme.days[programme.sessions[session].day]
            .date
            .map(When::AllDay)
    })
}

/// `Room, Venue, City`.
fn location(programme: &Programme, s: &Session) -> Option<String> {
    let venue = &programme.venue;
    let parts: Vec<&str> = [
        programme.room_name(s),
        venue.name.as_deref(),
        venue.city.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Speakers with their roles, then the description and the session's link.
fn description(programme: &Programme, s: &Session) -> String {
    let mut parts = Vec::new();
    if !s.speakers.is_empty() {
        let names: Vec<String> = s
            .speakers
            .iter()
            .map(|p| match &p.role {
                Some(role) => format!("{} ({role})", p.name),
                None => p.name.clone(),
            })
            .collect();
        parts.push(names.join(", "));
    }
    if let Some(part) = s.part.and_then(|p| programme.parts.get(p)) {
        parts.push(part.name.clone());
    }
    if let Some(text) = s.description_text() {
        parts.push(text.into_owned());
    }
    if let Some(url) = &s.url {
        parts.push(url.clone());
    }
    parts.join("\n\n")
}

/// The layout of a printable agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Markdown,
    Text,
}

/// A printable agenda: the programme's title, then each day with its sessions in order (time,
/// title, room, speakers), untimed ones last.
pub(crate) fn agenda(
    programme: &Programme,
    timeline: &Timeline,
    shown: Shown,
    sessions: &[usize],
    level: impl Fn(usize) -> Option<Level>,
    layout: Layout,
) -> String {
    let mut sorted = sessions.to_vec();
    sorted.sort_unstable();
    let mut out = String::new();
    match layout {
        Layout::Markdown => {
            let _ = writeln!(out, "# {}\n", programme.title);
        }
        Layout::Text => {
            let _ = writeln!(
                out,
                "{}\n{}\n",
                programme.title,
                "=".repeat(programme.title.chars().count())
            );
        }
    }
    let mut day = None;
    for i in sorted {
        let s = &programme.sessions[i];
        if day != Some(s.day) {
            if day.is_some() {
                out.push('\n');
            }
            day = Some(s.day);
            let name = crate::i18n::day_heading(&programme.days[s.day], s.day);
            match layout {
                Layout::Markdown => {
                    let _ = writeln!(out, "## {name}\n");
                }
                Layout::Text => {
                    let _ = writeln!(out, "{name}\n{}", "-".repeat(name.chars().count()));
                }
            }
        }
        let time = crate::model::time_range_words(timeline, shown, programme, i);
        let star = match level(i) {
            Some(Level::Must) => "★ ",
            Some(Level::Maybe) => "☆ ",
            None => "",
        };
        let mut details = Vec::new();
        if let Some(room) = programme.room_name(s) {
            details.push(room.to_string());
        }
        if !s.speakers.is_empty() {
            details.push(
                s.speakers
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        let details = if details.is_empty() {
            String::new()
        } else {
            format!(" — {}", details.join(" · "))
        };
        match layout {
            Layout::Markdown => {
                let _ = writeln!(out, "- **{time}** {star}{}{details}", s.title);
            }
            Layout::Text => {
                let _ = writeln!(out, "{time:<12} {star}{}{details}", s.title);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_stable_and_give_the_key_back() {
        let uid = uid("fosdem-2025", "repeat@nordlys@2025-03-12T14:00");
        assert_eq!(uid, "repeat@nordlys@2025-03-12T14:00@fosdem-2025.dagsorden");
        assert_eq!(
            key_from_uid("fosdem-2025", &uid),
            Some("repeat@nordlys@2025-03-12T14:00")
        );
        assert_eq!(key_from_uid("other", &uid), None);
        assert_eq!(key_from_uid("fosdem-2025", "abc@example.org"), None);
    }

    #[test]
    fn a_calendar_says_which_programme_it_came_from_by_its_uids() {
        let uids = [
            "a@b@fosdem-2025.dagsorden",
            "x@example.org",
            "c@fosdem-2025.dagsorden",
            "d@ks-toppmote-2024.dagsorden",
            "e@.dagsorden",
        ];
        assert_eq!(programmes_in(uids), ["fosdem-2025", "ks-toppmote-2024"]);
        assert!(programmes_in(["x@example.org"]).is_empty());
    }

    fn ks() -> Programme {
        crate::formats::Source::Shipped("ks-toppmote-2024")
            .load(None)
            .expect("shipped")
            .programme
    }

    #[test]
    fn a_session_with_a_date_and_no_time_is_an_all_day_event() {
        let programme = ks();
        let timeline = Timeline::new(&programme, Zone::Iana(chrono_tz::Europe::Oslo), None);
        let all: Vec<usize> = (0..programme.sessions.len()).collect();
        let exported = ics(&programme, &timeline, &all, |_| None, Utc::now());
        assert!(exported.left_out.is_empty(), "every KS session has a date");
        let text = exported.text;
        assert_eq!(
            text.matches("BEGIN:VEVENT").count(),
            programme.sessions.len()
        );
        let first = programme.sessions[0].title.as_str();
        assert_eq!(first, "Toppmøte barn og unge");
        let event = text
            .split("BEGIN:VEVENT")
            .find(|e| e.contains("SUMMARY:Toppmøte barn og unge"))
            .expect("the first session's event");
        assert!(
            event.contains("\r\nDTSTART;VALUE=DATE:20240212\r\n"),
            "{event}"
        );
        assert!(
            event.contains("\r\nDTEND;VALUE=DATE:20240213\r\n"),
            "{event}"
        );
    }

    #[test]
    fn a_session_without_a_date_is_left_out() {
        let mut programme = ks();
        programme.days[0].date = None;
        let timeline = Timeline::new(&programme, Zone::Iana(chrono_tz::Europe::Oslo), None);
        let exported = ics(&programme, &timeline, &[0, 1], |_| None, Utc::now());
        assert_eq!(exported.left_out, [0]);
        assert_eq!(exported.text.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn the_calendar_is_dagsordens() {
        let programme = crate::formats::Source::Shipped("ks-toppmote-2024")
            .load(None)
            .expect("shipped")
            .programme;
        let timeline = Timeline::new(&programme, crate::model::Zone::Iana(chrono_tz::UTC), None);
        let text = ics(&programme, &timeline, &[], |_| None, Utc::now()).text;
        let prodids: Vec<&str> = text.lines().filter(|l| l.starts_with("PRODID")).collect();
        assert_eq!(
            prodids,
            [format!(
                "PRODID:-//dagsorden//dagsorden {}//EN",
                env!("CARGO_PKG_VERSION")
            )
            .as_str()]
        );
        assert!(
            text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{text}"
        );
    }
}
