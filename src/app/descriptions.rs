//! Sessions' descriptions as plain text, made once when a session is first selected and kept,
//! so that drawing never turns HTML into text (and opening a programme never has to).

use std::collections::HashMap;

use super::App;

/// The plain text of each session's description that has been shown, by session index (empty
/// for a session without one).
pub(super) type Descriptions = HashMap<usize, Box<str>>;

impl App {
    /// The plain text of a session's description, once the session has been selected; `None`
    /// when it has none (or has not been selected yet).
    pub(crate) fn description(&self, session: usize) -> Option<&str> {
        self.descriptions
            .get(&session)
            .map(AsRef::as_ref)
            .filter(|text: &&str| !text.is_empty())
    }

    /// Makes the selected session's description plain text, the first time it is selected.
    pub(super) fn keep_description(&mut self) {
        let Some(session) = self.selected_index() else {
            return;
        };
        let programme = &self.programme;
        self.descriptions.entry(session).or_insert_with(|| {
            programme.sessions[session]
                .description_text()
                .unwrap_or_default()
                .into()
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::action::Action;
    use crate::app::{App, Setup};
    use crate::model::{Clock, Day, DayTime, Description, Programme, Session, Shown, Stars, Zone};

    fn app() -> App {
        let session = |id: &str, start: &str, html: &str| Session {
            id: id.into(),
            title: id.into(),
            start: DayTime::parse(start),
            description: Some(Description::Markup(html.into())),
            ..Session::default()
        };
        let mut programme = Programme {
            days: vec![Day {
                date: None,
                label: None,
                opens: None,
                closes: None,
                sessions: 0..0,
            }],
            sessions: vec![
                session("a", "09:00", "<p>First <b>one</b></p>"),
                session("b", "10:00", "<p>Second &amp; last</p>"),
            ],
            ..Programme::default()
        };
        programme.arrange();
        let clock = Clock {
            set: None,
            local: Zone::Iana(chrono_tz::UTC),
            shown: Shown::Venue,
            venue: None,
        };
        App::new(programme, Stars::new(), clock, Setup::default())
    }

    #[test]
    fn a_description_is_made_plain_when_its_session_is_first_selected_and_kept() {
        let mut app = app();
        assert_eq!(app.description(0), Some("First one"), "selected on opening");
        assert_eq!(app.description(1), None, "not made before it is shown");
        app.update(Action::Down);
        assert_eq!(app.description(1), Some("Second & last"));
        app.update(Action::Up);
        assert_eq!(app.description(0), Some("First one"));
        assert_eq!(app.descriptions.len(), 2);
    }
}
