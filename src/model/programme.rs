use std::borrow::Cow;
use std::ops::Range;

use chrono::{FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::DayTime;

/// A whole conference programme: what it is, where, and every session by day.
///
/// Sessions are stored day by day; within a day, timed sessions come in time order and sessions
/// without a time follow in the order the source gave them.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct Programme {
    /// Stable identifier; favourites are kept under it.
    pub id: String,
    /// The conference's name, in the header.
    pub title: String,
    /// A line under the name (a motto, the edition).
    pub subtitle: Option<String>,
    /// Who holds the conference.
    pub organiser: Option<String>,
    /// Where it is held.
    pub venue: Venue,
    /// The venue's zone; times in the programme are wall-clock times there.
    #[serde(with = "super::stored::zone")]
    pub time_zone: Option<Tz>,
    /// The conference's web page.
    pub url: Option<String>,
    /// How to register, in the organiser's words.
    pub registration: Option<String>,
    /// How to follow the programme remotely.
    pub streaming: Option<String>,
    /// What the press needs to know.
    pub press: Option<String>,
    /// Who leads the programme (moderators, hosts).
    pub hosts: Vec<Speaker>,
    /// The events the programme bundles; sessions name theirs by index.
    pub parts: Vec<Part>,
    /// The topics sessions are filed under; sessions name theirs by index.
    pub themes: Vec<Theme>,
    /// Room names, in the order the source first mentions them.
    pub rooms: Vec<String>,
    /// The programme days in order; each knows its slice of `sessions`.
    pub days: Vec<Day>,
    /// Every session, day by day (see [`Programme::arrange`]).
    pub sessions: Vec<Session>,
}

/// Where a conference is held, as far as the file says; shown on the about sheet.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct Venue {
    /// The building or place.
    pub name: Option<String>,
    /// Its street address.
    pub address: Option<String>,
    /// Its city.
    pub city: Option<String>,
}

/// A named group of sessions the organiser made: a [`Part`] or a [`Theme`], which are alike.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Group {
    /// The file's identifier, by which `list --theme` may name it.
    pub id: String,
    /// What the organiser calls it, as shown.
    pub name: String,
    /// What it is about, in the organiser's words.
    pub description: Option<String>,
}

/// One of the events a programme bundles (a pre-conference, the main conference, an assembly).
pub type Part = Group;

/// A topic or track sessions are filed under; a session may have several.
pub type Theme = Group;

/// One programme day: its date, its own name if it has one, and its sessions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Day {
    /// Missing when the organiser has not announced it.
    pub date: Option<NaiveDate>,
    /// The organiser's name for the day ("Digital"), shown instead of the date.
    pub label: Option<String>,
    /// When the doors open, if the file says.
    pub opens: Option<DayTime>,
    /// When the day ends, if the file says.
    pub closes: Option<DayTime>,
    /// This day's slice of [`Programme::sessions`].
    pub sessions: Range<usize>,
}

/// A session's description as the file wrote it. It is never shown as it is: [`Self::plain`]
/// makes it plain, clean text when it is needed, so opening a programme does not pay for
/// turning every description's HTML into text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub enum Description {
    /// Plain text (dagsorden's own format).
    Text(String),
    /// HTML or plain text, as conference files have it.
    Markup(String),
}

impl Description {
    /// The description as plain text: HTML tags stripped and entities decoded (for markup),
    /// control characters and escape sequences removed, white space tidied.
    pub fn plain(&self) -> Cow<'_, str> {
        match self {
            Self::Text(text) => crate::text::clean_block_cow(text),
            Self::Markup(markup) => {
                Cow::Owned(crate::text::html::plain_text(Some(markup)).unwrap_or_default())
            }
        }
    }
}

/// A link about a session (a recording, slides, a feedback form).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Link {
    /// What it leads to ("Slides"); without one the address is shown.
    pub title: Option<String>,
    /// The address.
    pub url: String,
}

/// Someone who speaks at, hosts or leads a session.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Speaker {
    /// Their name, as the programme spells it.
    pub name: String,
    /// Their title or affiliation ("mayor of Bodø").
    pub role: Option<String>,
}

/// What sort of programme item a session is; unknown kinds keep their own word.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub enum Kind {
    /// A programme item with no more particular kind; the default.
    #[default]
    Session,
    /// A talk or lecture.
    Talk,
    /// A speech, an address or a keynote.
    Speech,
    /// A debate.
    Debate,
    /// A panel discussion.
    Panel,
    /// An award being given.
    Award,
    /// A vote or election.
    Election,
    /// A hands-on workshop.
    Workshop,
    /// A break, a lunch or a pause: no one to hear.
    Break,
    /// A kind we have no word for, with the file's own word.
    Other(String),
}

impl Kind {
    /// Reads a kind from its word in a programme file, keeping words we do not know.
    /// The kind a file's word names; any other word is kept, cleaned (it comes from the file).
    pub fn from_word(word: &str) -> Self {
        const WORDS: &[(&str, Kind)] = &[
            ("", Kind::Session),
            ("session", Kind::Session),
            ("talk", Kind::Talk),
            ("lecture", Kind::Talk),
            ("speech", Kind::Speech),
            ("address", Kind::Speech),
            ("keynote", Kind::Speech),
            ("debate", Kind::Debate),
            ("panel", Kind::Panel),
            ("award", Kind::Award),
            ("election", Kind::Election),
            ("workshop", Kind::Workshop),
            ("break", Kind::Break),
            ("lunch", Kind::Break),
            ("pause", Kind::Break),
        ];
        let word = crate::text::clean_line_cow(word);
        WORDS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&word))
            .map_or_else(|| Self::Other(word.into_owned()), |(_, kind)| kind.clone())
    }

    /// The kind's word in dagsorden's own format and in `--json`, which [`Kind::from_word`]
    /// reads back.
    pub fn label(&self) -> &str {
        match self {
            Self::Session => "session",
            Self::Talk => "talk",
            Self::Speech => "speech",
            Self::Debate => "debate",
            Self::Panel => "panel",
            Self::Award => "award",
            Self::Election => "election",
            Self::Workshop => "workshop",
            Self::Break => "break",
            Self::Other(word) => word,
        }
    }
}

/// One item of the programme: when and where it is, what it is, who speaks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct Session {
    /// Stable within the programme; favourites refer to it.
    pub id: String,
    /// Index into [`Programme::days`].
    pub day: usize,
    /// When it starts on its day, in venue time; `None` when not announced.
    pub start: Option<DayTime>,
    /// When it ends, if the file says.
    pub end: Option<DayTime>,
    /// The offset from UTC of this session's wall-clock times, for a programme without a time
    /// zone whose file gave offsets; `None` with no zone is floating local time.
    #[serde(with = "super::stored::offset")]
    pub utc_offset: Option<FixedOffset>,
    /// Words about when, for a session whose time is not announced ("ettermiddagen").
    pub time_note: Option<String>,
    /// What the session is called.
    pub title: String,
    /// A second line to the title.
    pub subtitle: Option<String>,
    /// As written: read it with [`Session::description_text`].
    pub description: Option<Description>,
    /// What sort of item it is.
    pub kind: Kind,
    /// Index into [`Programme::rooms`].
    pub room: Option<usize>,
    /// Index into [`Programme::parts`].
    pub part: Option<usize>,
    /// Indexes into [`Programme::themes`].
    pub themes: Vec<usize>,
    /// Who speaks, in the file's order.
    pub speakers: Vec<Speaker>,
    /// Whether it can be followed remotely.
    pub streamed: bool,
    /// Whether the press may attend.
    pub open_to_press: bool,
    /// The session's own web page.
    pub url: Option<String>,
    /// Recordings, slides and other links about it.
    pub links: Vec<Link>,
    /// The language it is held in, as the source writes it (`en`, `de`).
    pub language: Option<String>,
}

impl Session {
    /// The description as plain, clean text; `None` if there is none or nothing is left of it.
    pub fn description_text(&self) -> Option<Cow<'_, str>> {
        self.description
            .as_ref()
            .map(Description::plain)
            .filter(|text| !text.is_empty())
    }

    /// Length in minutes, when both ends are known.
    pub fn duration_minutes(&self) -> Option<u32> {
        self.end?.minutes().checked_sub(self.start?.minutes())
    }
}

impl Programme {
    /// Puts each day's sessions in display order and records the day slices.
    ///
    /// `sessions` may come in any order; each names its day. Timed sessions sort by start (then
    /// end); untimed ones follow, in the order given.
    pub fn arrange(&mut self) {
        // Sessions are large: their small keys are sorted, and each session moved once.
        self.sessions
            .sort_by_cached_key(|s| (s.day, s.start.is_none(), s.start, s.end));
        let mut next = 0;
        for (index, day) in self.days.iter_mut().enumerate() {
            let len = self.sessions[next..]
                .iter()
                .take_while(|s| s.day == index)
                .count();
            day.sessions = next..next + len;
            next += len;
        }
    }

    /// The name of the session's room.
    pub fn room_name(&self, session: &Session) -> Option<&str> {
        session
            .room
            .and_then(|r| self.rooms.get(r))
            .map(String::as_str)
    }

    /// One day's sessions in display order; none for a day the programme lacks.
    pub fn day_sessions(&self, day: usize) -> &[Session] {
        self.days
            .get(day)
            .map_or(&[], |d| &self.sessions[d.sessions.clone()])
    }

    /// Where the session with this id is in [`Programme::sessions`].
    pub fn session_index(&self, id: &str) -> Option<usize> {
        self.sessions.iter().position(|s| s.id == id)
    }

    /// First and last announced dates.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut dates = self.days.iter().filter_map(|d| d.date);
        let first = dates.next()?;
        let (min, max) = dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
        Some((min, max))
    }

    /// How many sessions carry each theme, in one pass.
    pub fn theme_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.themes.len()];
        for theme in self.sessions.iter().flat_map(|s| &s.themes) {
            if let Some(count) = counts.get_mut(*theme) {
                *count += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, day: usize, start: Option<&str>) -> Session {
        Session {
            id: id.into(),
            day,
            start: start.and_then(DayTime::parse),
            title: id.into(),
            ..Session::default()
        }
    }

    fn day() -> Day {
        Day {
            date: None,
            label: None,
            opens: None,
            closes: None,
            sessions: 0..0,
        }
    }

    #[test]
    fn arrange_sorts_timed_and_keeps_untimed_in_file_order() {
        let mut p = Programme {
            days: vec![day(), day()],
            sessions: vec![
                session("b-untimed", 1, None),
                session("a-late", 0, Some("14:00")),
                session("b-second-untimed", 1, None),
                session("a-early", 0, Some("09:00")),
                session("a-untimed", 0, None),
                session("b-timed", 1, Some("10:00")),
            ],
            ..Programme::default()
        };
        p.arrange();
        let ids =
            |day| -> Vec<&str> { p.day_sessions(day).iter().map(|s| s.id.as_str()).collect() };
        assert_eq!(ids(0), ["a-early", "a-late", "a-untimed"]);
        assert_eq!(ids(1), ["b-timed", "b-untimed", "b-second-untimed"]);
        assert!(p.day_sessions(7).is_empty());
    }

    #[test]
    fn duration_needs_both_ends() {
        let mut s = session("x", 0, Some("09:00"));
        assert_eq!(s.duration_minutes(), None);
        s.end = DayTime::parse("10:30");
        assert_eq!(s.duration_minutes(), Some(90));
    }

    #[test]
    fn unknown_kinds_keep_their_word() {
        assert_eq!(Kind::from_word("Debate"), Kind::Debate);
        assert_eq!(
            Kind::from_word(" lightning talk "),
            Kind::Other("lightning talk".into())
        );
        assert_eq!(Kind::from_word("").label(), "session");
    }
}
