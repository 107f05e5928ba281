//! `dagsorden now`, `next` and `list`: sessions one a line (or as JSON) for scripts, status bars
//! and screen readers. No colour and no box drawing; columns are aligned with spaces.

use crate::tr;
use std::fmt::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::DaySelector;
use crate::model::{Clock, Level, Programme, Shown, Stars, Timeline};
use crate::planner;

/// What `now`, `next` or `list` was asked for.
#[derive(Debug, Clone)]
pub(crate) enum Request {
    Now {
        favourites: bool,
    },
    Next {
        favourites: bool,
    },
    List {
        day: Option<DaySelector>,
        favourites: bool,
        theme: Option<String>,
    },
}

/// Runs a request on a programme at the clock's time; the text to print, or what was wrong
/// with the request.
pub(crate) fn run(
    programme: &Programme,
    stars: &Stars,
    clock: Clock,
    request: &Request,
    json: bool,
) -> Result<String, String> {
    let timeline = clock.timeline(programme);
    let agenda = Agenda {
        programme,
        timeline: &timeline,
        stars,
        now: clock.set.map_or_else(Utc::now, |set| set.moment(&timeline)),
        shown: clock.shown,
    };
    let (sessions, listing, nothing) = match request {
        Request::Now { favourites } => (
            agenda.now(*favourites),
            Listing::Now,
            tr!("agenda.nothing_now"),
        ),
        Request::Next { favourites } => (
            agenda.next(*favourites),
            Listing::Next,
            tr!("agenda.nothing_next"),
        ),
        Request::List {
            day,
            favourites,
            theme,
        } => {
            let filter = ListFilter {
                day: day.map(|d| agenda.day(d)),
                favourites: *favourites,
                theme: theme
                    .as_deref()
                    .map(|t| find_theme(programme, t))
                    .transpose()?,
            };
            let nothing = if filter.day == Some(None) {
                tr!("agenda.no_such_day")
            } else {
                tr!("agenda.nothing")
            };
            (agenda.list(&filter), Listing::List, nothing)
        }
    };
    Ok(if json {
        agenda.json(&sessions, listing)
    } else {
        agenda.plain(&sessions, listing, nothing)
    })
}

/// A theme by its id or its name, in any case.
fn find_theme(programme: &Programme, wanted: &str) -> Result<usize, String> {
    let wanted = wanted.trim();
    programme
        .themes
        .iter()
        .position(|t| t.id.eq_ignore_ascii_case(wanted) || t.name.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| {
            let known: Vec<&str> = programme.themes.iter().map(|t| t.id.as_str()).collect();
            tr!(
                "agenda.unknown_theme",
                theme = format!("{wanted:?}"),
                known = crate::text::shorten_for_message(&known.join(", "))
            )
        })
}

/// What a listing is about, beyond the sessions themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    /// Sessions on now: each with its minutes left.
    Now,
    /// Sessions to come: each with how soon it starts.
    Next,
    /// Sessions of one or more days.
    List,
}

/// Everything a listing needs to describe a session.
pub(crate) struct Agenda<'a> {
    pub programme: &'a Programme,
    pub timeline: &'a Timeline,
    pub stars: &'a Stars,
    pub now: DateTime<Utc>,
    pub shown: Shown,
}

/// Filters for `list`.
#[derive(Debug, Default, Clone)]
pub(crate) struct ListFilter {
    /// Only one programme day: `Some(None)` when the day asked for is not in the programme.
    #[allow(clippy::option_option)] // the three cases are all day, that day, and no such day
    pub day: Option<Option<usize>>,
    pub favourites: bool,
    pub theme: Option<usize>,
}

impl Agenda<'_> {
    fn level(&self, session: usize) -> Option<Level> {
        self.stars
            .get(&self.programme.sessions[session].id)
            .map(|s| s.level)
    }

    fn starred(&self, session: usize) -> bool {
        self.level(session).is_some()
    }

    /// Sessions on now, ending soonest first; then today's sessions whose time is not
    /// announced (they may be on: the time column says it is not announced).
    pub(crate) fn now(&self, favourites: bool) -> Vec<usize> {
        let keep = |i: usize| !favourites || self.starred(i);
        let mut on: Vec<usize> = planner::on_now(self.timeline, self.now)
            .into_iter()
            .filter(|&i| keep(i))
            .collect();
        on.extend(planner::untimed_today(
            self.programme,
            self.timeline,
            self.now,
            keep,
        ));
        on
    }

    /// The next session in each room, or the next starred session(s); when no session with a
    /// time is to come, the sessions of the next day whose time is not announced.
    pub(crate) fn next(&self, favourites: bool) -> Vec<usize> {
        let keep = |i: usize| !favourites || self.starred(i);
        let next = if favourites {
            let starred = (0..self.programme.sessions.len()).filter(|&i| keep(i));
            planner::next_of(self.timeline, starred, self.now)
        } else {
            planner::next_by_place(self.programme, self.timeline, self.now, |_| true)
        };
        if !next.is_empty() {
            return next;
        }
        planner::untimed_next_day(self.programme, self.timeline, self.now, keep)
            .map(|(_, sessions)| sessions)
            .unwrap_or_default()
    }

    /// The programme day a `--day` means.
    fn day(&self, selector: DaySelector) -> Option<usize> {
        match selector {
            DaySelector::Today => planner::day_of(self.programme, self.timeline, self.now),
            DaySelector::Date(date) => self
                .programme
                .days
                .iter()
                .position(|d| d.date == Some(date)),
        }
    }

    /// Sessions in programme order (by day, by time, untimed last), filtered.
    pub(crate) fn list(&self, filter: &ListFilter) -> Vec<usize> {
        let range = match filter.day {
            Some(Some(day)) => self.programme.days[day].sessions.clone(),
            Some(None) => 0..0,
            None => 0..self.programme.sessions.len(),
        };
        range
            .filter(|&i| !filter.favourites || self.starred(i))
            .filter(|&i| {
                filter
                    .theme
                    .is_none_or(|t| self.programme.sessions[i].themes.contains(&t))
            })
            .collect()
    }

    /// One session a line, columns aligned; `nothing` when there are none.
    pub(crate) fn plain(&self, sessions: &[usize], listing: Listing, nothing: &str) -> String {
        if sessions.is_empty() {
            return format!("{nothing}\n");
        }
        let rows: Vec<Vec<String>> = sessions.iter().map(|&i| self.columns(i, listing)).collect();
        let widths: Vec<usize> = (0..rows[0].len())
            .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in rows {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                if widths[c] == 0 {
                    continue;
                }
                let pad = widths[c] - cell.width();
                let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// date, time, how soon/how long, star, room, title.
    fn columns(&self, session: usize, listing: Listing) -> Vec<String> {
        let p = self.programme;
        let s = &p.sessions[session];
        let date = p.days[s.day].date.map_or_else(
            || tr!("details.date_not_announced").to_string(),
            |d| {
                format!(
                    "{} {}",
                    crate::i18n::weekday_name(d, true),
                    d.format("%Y-%m-%d")
                )
            },
        );
        let star = match self.level(session) {
            Some(Level::Must) => "★",
            Some(Level::Maybe) => "☆",
            None => "",
        };
        vec![
            date,
            self.time_range(session),
            self.when_note(session, listing),
            star.to_string(),
            p.room_name(s).unwrap_or("").to_string(),
            s.title.clone(),
        ]
    }

    /// `10:30–11:10` on the clock shown, or `time not announced`.
    fn time_range(&self, session: usize) -> String {
        crate::model::time_range_words(self.timeline, self.shown, self.programme, session)
    }

    fn when_note(&self, session: usize, listing: Listing) -> String {
        let Some(span) = self.timeline.span(session) else {
            return String::new();
        };
        match listing {
            Listing::Now => tr!("agenda.minutes_left", n = span.minutes_left(self.now)),
            Listing::Next => tr!(
                "agenda.in_minutes",
                n = (span.start - self.now).num_minutes().max(0)
            ),
            Listing::List => String::new(),
        }
    }

    /// The sessions as a JSON array.
    pub(crate) fn json(&self, sessions: &[usize], listing: Listing) -> String {
        let items: Vec<Item<'_>> = sessions.iter().map(|&i| self.item(i, listing)).collect();
        let mut json = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
        json.push('\n');
        json
    }

    fn item(&self, session: usize, listing: Listing) -> Item<'_> {
        let p = self.programme;
        let s = &p.sessions[session];
        let span = self.timeline.span(session);
        let zone = self.timeline.zone(self.shown);
        let moment = |at: DateTime<Utc>| {
            let wall = zone.wall(at);
            let offset = (wall - at.naive_utc()).num_seconds();
            let offset = i32::try_from(offset)
                .ok()
                .and_then(chrono::FixedOffset::east_opt);
            offset.map_or_else(|| at.to_rfc3339(), |o| at.with_timezone(&o).to_rfc3339())
        };
        Item {
            key: &s.id,
            title: &s.title,
            date: p.days[s.day].date.map(|d| d.to_string()),
            start: span.map(|sp| moment(sp.start)),
            end: span.filter(|_| s.end.is_some()).map(|sp| moment(sp.end)),
            time: self.time_range(session),
            zone: zone.name(),
            zone_source: match self.shown {
                Shown::Venue => self.timeline.source.code(),
                Shown::Local => "local-time",
            },
            room: p.room_name(s),
            part: s.part.and_then(|i| p.parts.get(i)).map(|x| x.name.as_str()),
            themes: s
                .themes
                .iter()
                .map(|&t| p.themes[t].name.as_str())
                .collect(),
            speakers: s.speakers.iter().map(|x| x.name.as_str()).collect(),
            kind: s.kind.label(),
            star: self.level(session).map(|l| match l {
                Level::Must => "must",
                Level::Maybe => "maybe",
            }),
            minutes_left: span
                .filter(|_| listing == Listing::Now)
                .map(|sp| sp.minutes_left(self.now)),
            starts_in_minutes: span
                .filter(|_| listing == Listing::Next)
                .map(|sp| (sp.start - self.now).num_minutes().max(0)),
        }
    }
}

/// A session in `--json` output.
#[derive(Serialize)]
struct Item<'a> {
    key: &'a str,
    title: &'a str,
    /// The programme day's date.
    date: Option<String>,
    /// RFC 3339, with the offset of the zone shown.
    start: Option<String>,
    end: Option<String>,
    /// `10:30–11:10` on the clock shown.
    time: String,
    /// The zone times are given in.
    zone: String,
    /// Why that zone: `given` (--zone), `remembered`, `file`, `file-offsets`, `this-computer`
    /// (the file has none), `this-computer-utc-file` (the file gives UTC only), `local-time`.
    zone_source: &'static str,
    room: Option<&'a str>,
    part: Option<&'a str>,
    themes: Vec<&'a str>,
    speakers: Vec<&'a str>,
    kind: &'a str,
    /// `must`, `maybe`, or null.
    star: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes_left: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    starts_in_minutes: Option<i64>,
}
