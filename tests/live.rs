//! Keeping the programme current in the viewer: `R` and the refresh policy ask for a refresh,
//! what comes of it replaces the programme or keeps it and says why (once), the header says how
//! old a copy is that should have been refreshed; and the refresher itself against a real
//! HTTP server on 127.0.0.1.

mod common;

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use common::http::{Answer, TestServer};
use common::{clock, draw, programme, run, screen_text};
use dagsorden::action::{Action, Refreshed};
use dagsorden::app::{App, Effect, Live, Setup};
use dagsorden::favourites::FavouritesStore;
use dagsorden::library::policy::Kept;
use dagsorden::library::{Library, Moment, Policy, When};
use dagsorden::live::Refresher;
use dagsorden::model::Programme;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a time")
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// The KS programme as if kept by the library: last answered at `checked`, its days said to
/// be `days` (so the policy's phase can be chosen), from a server answering conditional
/// requests.
fn live_app(checked: &str, days: (&str, &str), offline: bool) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FavouritesStore::in_dir(dir.path());
    let setup = Setup {
        live: Some(Live {
            kept: Kept {
                checked: at(checked),
                days: Some((date(days.0), date(days.1))),
                conditional: true,
            },
            policy: Policy::default(),
            offline,
        }),
        ..Setup::default()
    };
    let app = dagsorden::tui::open(programme("ks-toppmote-2024"), &store, clock(), setup);
    (dir, app)
}

/// Kept an hour before the clock's 2024-02-01 12:00 in Oslo, the conference said to be on that
/// day: due every 30 minutes.
fn during() -> (tempfile::TempDir, App) {
    live_app("2024-02-01T10:00:00Z", ("2024-02-01", "2024-02-02"), false)
}

fn status(app: &App) -> Option<(String, bool)> {
    app.status().map(|s| (s.text.clone(), s.is_error))
}

#[test]
fn r_asks_for_a_refresh_now_and_only_once_at_a_time() {
    let (_dir, mut app) = during();
    assert_eq!(app.update(Action::Refresh), [Effect::Refresh]);
    assert_eq!(
        status(&app),
        Some(("Asking for a newer programme…".into(), false))
    );
    assert_eq!(app.update(Action::Refresh), []);
    assert_eq!(
        status(&app),
        Some(("A refresh is already under way.".into(), false))
    );
    app.update(Action::Refreshed(Refreshed::UpToDate(at(
        "2024-02-01T11:00:00Z",
    ))));
    assert_eq!(
        status(&app),
        Some(("The programme is up to date.".into(), false))
    );
    assert_eq!(app.update(Action::Refresh), [Effect::Refresh]);
}

#[test]
fn the_clock_asks_for_a_refresh_when_the_policy_says_it_is_due() {
    let (_dir, mut app) = during();
    assert_eq!(app.update(Action::Wall(at("2024-02-01T10:29:00Z"))), []);
    assert_eq!(
        app.update(Action::Wall(at("2024-02-01T10:30:00Z"))),
        [Effect::Refresh]
    );
    // A clock that follows the world's asks as well.
    let (_dir, mut app) = during();
    assert_eq!(
        app.update(Action::Tick(at("2024-02-01T10:31:00Z"))),
        [Effect::Refresh]
    );
    // Before the conference, once a day.
    let (_dir, mut app) = live_app("2024-02-01T10:00:00Z", ("2024-02-13", "2024-02-14"), false);
    assert_eq!(app.update(Action::Wall(at("2024-02-01T20:00:00Z"))), []);
    assert_eq!(
        app.update(Action::Wall(at("2024-02-02T10:00:00Z"))),
        [Effect::Refresh]
    );
}

#[test]
fn offline_nothing_is_asked() {
    let (_dir, mut app) = live_app("2024-02-01T10:00:00Z", ("2024-02-01", "2024-02-02"), true);
    assert_eq!(app.update(Action::Wall(at("2024-02-01T18:00:00Z"))), []);
    assert_eq!(app.update(Action::Refresh), []);
    assert!(status(&app).is_some_and(|(text, _)| text.starts_with("Offline")));
}

#[test]
fn a_shipped_programme_has_nothing_to_refresh() {
    let (_dir, mut app) = common::app_with_store("ks-toppmote-2024");
    assert_eq!(app.update(Action::Refresh), []);
    assert!(status(&app).is_some_and(|(text, _)| text.starts_with("Nothing to refresh")));
    assert_eq!(app.update(Action::Wall(at("2030-01-01T00:00:00Z"))), []);
}

/// `programme` with a new session first on its first day (so every index moves by one) and
/// the session `key` moved to another room.
fn moved(mut programme: Programme, key: &str) -> Programme {
    let room = programme.rooms.len();
    programme.rooms.push("Sal Nord".into());
    let session = programme
        .sessions
        .iter_mut()
        .find(|s| s.id == key)
        .expect("the session");
    session.room = Some(room);
    let mut early = programme.sessions[0].clone();
    early.id = "early-bird".into();
    early.title = "Early bird".into();
    early.start = dagsorden::model::DayTime::from_hm(6, 0);
    early.end = dagsorden::model::DayTime::from_hm(6, 30);
    programme.sessions.insert(0, early);
    for (i, day) in programme.days.iter_mut().enumerate() {
        let start = if i == 0 { 0 } else { day.sessions.start + 1 };
        day.sessions = start..day.sessions.end + 1;
    }
    programme
}

#[test]
fn a_refreshed_programme_replaces_the_one_shown_keeping_stars_and_cursor() {
    let (_dir, mut app) = during();
    run(&mut app, &[Action::Down, Action::Down, Action::CycleStar]);
    let key = app.selected_session().expect("a session").id.clone();
    let title = app.selected_session().expect("a session").title.clone();
    let new = moved(app.programme().clone(), &key);
    assert_eq!(app.update(Action::Refresh), [Effect::Refresh]);
    run(
        &mut app,
        &[Action::Refreshed(Refreshed::New(
            Box::new(new.clone()),
            at("2024-02-01T11:00:00Z"),
        ))],
    );
    assert_eq!(app.programme(), &new);
    let selected = app.selected_session().expect("a session");
    assert_eq!(selected.id, key, "the cursor stays on the same session");
    assert_eq!(selected.title, title);
    assert_eq!(new.room_name(selected), Some("Sal Nord"));
    assert_eq!(app.starred_count(), 1, "the stars stay");
    let starred = app.selected_index().expect("a session");
    assert!(app.level(starred).is_some(), "the star follows its session");
    assert_eq!(
        status(&app),
        Some((
            "Programme updated (as of 12:00): 2 changes, 1 starred (C: see them).".into(),
            false
        )),
        "the move of the starred session and the new one are counted, the starred one told"
    );
}

#[test]
fn a_failed_refresh_keeps_the_programme_and_says_so_once() {
    let (_dir, mut app) = during();
    let before = app.programme().clone();
    assert_eq!(
        app.update(Action::Wall(at("2024-02-01T10:30:00Z"))),
        [Effect::Refresh]
    );
    app.update(Action::Refreshed(Refreshed::Failed(
        "could not reach the server".into(),
    )));
    assert_eq!(app.programme(), &before);
    assert_eq!(
        status(&app),
        Some((
            "Programme not updated: could not reach the server; still showing the copy as of \
             11:00."
                .into(),
            true
        ))
    );
    // The user reads it; the viewer goes on working on the copy it has.
    app.update(Action::Down);
    assert_eq!(status(&app), None);
    // A failed source is not asked again every minute, but after the interval…
    assert_eq!(app.update(Action::Wall(at("2024-02-01T10:31:00Z"))), []);
    assert_eq!(
        app.update(Action::Wall(at("2024-02-01T11:00:00Z"))),
        [Effect::Refresh]
    );
    // …and failing again is not told again.
    app.update(Action::Refreshed(Refreshed::Failed("still down".into())));
    assert_eq!(status(&app), None);
    assert_eq!(app.programme(), &before);
    // `R` is an answer the user waits for: told every time.
    assert_eq!(app.update(Action::Refresh), [Effect::Refresh]);
    app.update(Action::Refreshed(Refreshed::Failed("still down".into())));
    assert!(status(&app).is_some_and(|(text, error)| error && text.contains("still down")));
}

#[test]
fn a_rewritten_file_is_read_again_and_a_broken_rewrite_says_why() {
    let (_dir, mut app) = during();
    let before = app.programme().clone();
    assert_eq!(app.update(Action::SourceChanged), [Effect::Refresh]);
    // Rewritten again while it is read: read once more after.
    assert_eq!(app.update(Action::SourceChanged), []);
    let effects = app.update(Action::Refreshed(Refreshed::Failed(
        "what came is not a programme".into(),
    )));
    assert_eq!(effects, [Effect::Refresh]);
    assert!(status(&app).is_some_and(|(text, error)| error && text.contains("not a programme")));
    assert_eq!(app.programme(), &before);
}

#[test]
fn the_header_says_how_old_the_copy_is_when_older_than_the_interval() {
    // Last answered at 09:12 in Oslo; due every 30 minutes on the conference's days.
    let (_dir, mut app) = live_app("2024-02-01T08:12:00Z", ("2024-02-01", "2024-02-02"), false);
    app.update(Action::Wall(at("2024-02-01T08:30:00Z")));
    assert_eq!(app.copy_age_note(), None);
    let screen = screen_text(&draw(&mut app, 200, 30));
    assert!(!screen.contains("programme as of"), "{screen}");
    app.update(Action::Wall(at("2024-02-01T11:12:00Z")));
    let screen = screen_text(&draw(&mut app, 200, 30));
    assert!(
        screen.contains("programme as of 09:12, 3 h ago"),
        "{screen}"
    );
    // An answer from the source makes it current again.
    app.update(Action::Refreshed(Refreshed::UpToDate(at(
        "2024-02-01T11:12:00Z",
    ))));
    assert_eq!(app.copy_age_note(), None);
    // After the conference a copy is never due, so never old.
    let (_dir, mut app) = live_app("2024-01-01T08:00:00Z", ("2024-01-10", "2024-01-11"), false);
    app.update(Action::Wall(at("2024-02-01T11:00:00Z")));
    assert_eq!(app.copy_age_note(), None);
}

// --- the refresher, against a real server -------------------------------------------------

const GOOD: &[u8] = include_bytes!("fixtures/pentabarf-no-zone.xml");

fn refresher_for(server: &TestServer) -> (tempfile::TempDir, Refresher) {
    dagsorden::i18n::set_lang(dagsorden::i18n::Lang::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut library = Library::in_dir(dir.path());
    library.limits.connect = Duration::from_secs(5);
    library.limits.total = Duration::from_secs(5);
    let moment = Moment {
        now: Utc::now(),
        today: date("2020-01-15"),
    };
    let opened = library
        .open_url(
            &server.url("/schedule.xml"),
            When::IfDue,
            moment,
            None,
            &mut |_| {},
            &mut Vec::new(),
        )
        .expect("the first download");
    let refresher = Refresher::new(library, opened.entry.id, None, clock());
    (dir, refresher)
}

#[test]
fn the_refresher_tells_a_new_programme_an_unchanged_one_and_a_failure() {
    let answer = |body: &[u8], version: u8| Answer::Body {
        body: body.to_vec(),
        etag: Some(format!("\"v{version}\"")),
        last_modified: None,
    };
    let server = TestServer::start(answer(GOOD, 1));
    let (_dir, refresher) = refresher_for(&server);
    let Action::Refreshed(Refreshed::UpToDate(_)) = refresher.refresh() else {
        panic!("an unchanged programme is up to date");
    };
    assert_eq!(
        server.seen().last().and_then(|s| s.if_none_match.clone()),
        Some("\"v1\"".to_string()),
        "asked conditionally"
    );
    let moved = String::from_utf8_lossy(GOOD)
        .replacen("<start>10:00</start>", "<start>10:15</start>", 1)
        .into_bytes();
    server.set(answer(&moved, 2));
    let Action::Refreshed(Refreshed::New(programme, _)) = refresher.refresh() else {
        panic!("a changed programme is new");
    };
    let kernels = common::one(&programme, "Kernels at dawn");
    assert_eq!(
        kernels.start.map(|t| t.to_string()).as_deref(),
        Some("10:15")
    );
    server.set(Answer::Status(500));
    let Action::Refreshed(Refreshed::Failed(why)) = refresher.refresh() else {
        panic!("an error status is a failure");
    };
    assert!(why.contains("500"), "{why}");
}

#[test]
fn the_refresher_runs_on_a_thread_of_its_own() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, refresher) = refresher_for(&server);
    let (send, receive) = std::sync::mpsc::channel();
    refresher.start(move |action| {
        let _ = send.send(action);
    });
    let outcome = receive
        .recv_timeout(Duration::from_secs(60))
        .expect("an outcome");
    assert!(matches!(outcome, Action::Refreshed(_)), "{outcome:?}");
}
