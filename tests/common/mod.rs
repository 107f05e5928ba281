//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod http;
pub mod pty;

use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Setup};
use dagsorden::config::Config;
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::Source;
use dagsorden::model::{Clock, Programme, SetClock, Shown, Zone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The real binary, its favourites and config in `config_dir` (its programme library in
/// `config_dir/data`), its cache of parsed programmes
/// in [`cache_dir`], in English whatever the machine's locale, with the system clock (no
/// `DAGSORDEN_NOW` from outside) in Oslo.
pub fn dagsorden(config_dir: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_dagsorden"));
    command
        .env("DAGSORDEN_CONFIG_DIR", config_dir)
        .env("DAGSORDEN_CACHE_DIR", cache_dir())
        .env("DAGSORDEN_DATA_DIR", config_dir.join("data"))
        .env("DAGSORDEN_LANG", "en")
        .env("TZ", "Europe/Oslo")
        .env_remove("DAGSORDEN_NOW");
    command
}

/// The cache of parsed programmes the tests' runs of the binary share: under the build's
/// own temporary directory, never the user's cache. (Tests of the cache itself use their own.)
pub fn cache_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("programme-cache")
}

pub fn programme(name: &'static str) -> Programme {
    Source::Shipped(name)
        .load(None)
        .expect("shipped programme")
        .programme
}

/// A clock standing at `time` (the venue's time, or with an offset), on a machine in Oslo.
pub fn clock_at(time: &str) -> Clock {
    Clock {
        set: Some(time.parse::<SetClock>().expect("a clock time")),
        local: Zone::Iana(chrono_tz::Europe::Oslo),
        shown: Shown::Venue,
        venue: None,
    }
}

/// The clock most tests use: a while before the KS toppmøte.
pub fn clock() -> Clock {
    clock_at("2024-02-01T12:00")
}

/// An app on a shipped programme whose favourites live in a fresh temporary directory.
pub fn app_with_store(name: &'static str) -> (tempfile::TempDir, App) {
    app_at(name, clock())
}

/// As [`app_with_store`], with the clock standing at `clock`.
pub fn app_at(name: &'static str, clock: Clock) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = with_store(programme(name), FavouritesStore::in_dir(dir.path()), clock);
    (dir, app)
}

/// As [`app_with_store`], set up by a config file and with these colours.
pub fn app_configured(
    name: &'static str,
    config: &Config,
    colour_scheme: dagsorden::config::ColourScheme,
) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FavouritesStore::in_dir(dir.path());
    let setup = Setup::from_config(config, colour_scheme);
    let app = dagsorden::tui::open(programme(name), &store, clock(), setup);
    (dir, app)
}

/// The viewer on `programme` with the stars in `store`, as it opens for the user (what it asks
/// for at once done).
#[allow(clippy::needless_pass_by_value)] // the tests make the store where they call this
pub fn with_store(programme: Programme, store: FavouritesStore, clock: Clock) -> App {
    dagsorden::tui::open(programme, &store, clock, Setup::default())
}

/// Each action in turn, the work it asks for done as the terminal loop does it (against the
/// app's own favourites), its outcome fed back.
pub fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        perform(app, action.clone());
    }
}

/// One action, and the work it asks for done as the terminal loop does it.
pub fn perform(app: &mut App, action: Action) {
    let store = app.config_dir().map(FavouritesStore::in_dir);
    let effects = app.update(action);
    dagsorden::tui::perform_all(app, effects, store.as_ref(), &PretendOpener);
}

/// Takes every link it is given as opened, and opens nothing: no test ever starts a browser.
pub struct PretendOpener;

impl dagsorden::tui::Opener for PretendOpener {
    fn open(&self, _url: &str) -> std::io::Result<()> {
        Ok(())
    }
}

/// Moves the cursor of the sessions pane to the session titled `title`.
pub fn select(app: &mut App, title: &str) {
    run(app, &[Action::Focus(Pane::Sessions), Action::Top]);
    for _ in 0..app.entries().len() {
        if app.selected_session().is_some_and(|s| s.title == title) {
            return;
        }
        run(app, &[Action::Down]);
    }
    panic!("no {title:?} in {:?}", titles(app));
}

/// The titles of the sessions listed, in order.
pub fn titles(app: &App) -> Vec<String> {
    app.visible_sessions()
        .iter()
        .map(|&i| app.programme().sessions[i].title.clone())
        .collect()
}

/// Draws the app at a size, as the terminal would show it.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| dagsorden::ui::render(app, frame))
        .expect("draw");
    terminal
}

/// The screen's text, one string per row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A real programme committed under `tests/fixtures/real/` (FOSDEM 2025, Camp 2019): always
/// there, so the tests that read it run on every clone.
pub fn real(name: &str) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    assert!(path.is_file(), "{} is not committed", path.display());
    path
}

/// A real programme: the committed copy where there is one, or else from
/// `../shared/fixtures/real/` beside the project (programmes whose licence keeps them out of the
/// repository). Where a shared one is missing, a test that needs it must not pass by accident:
/// under CI (`CI` set) it fails here; elsewhere it is skipped with a note on stderr (`None`).
pub fn real_fixture(name: &str) -> Option<std::path::PathBuf> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = manifest.join("tests/fixtures/real").join(name);
    if committed.is_file() {
        return Some(committed);
    }
    let shared = manifest.join("../shared/fixtures/real").join(name);
    if shared.is_file() {
        return Some(shared);
    }
    assert!(
        !under_ci(),
        "{} is not there: under CI, tests that need it fail rather than pass unread",
        shared.display()
    );
    eprintln!("skipped: {} is not there", shared.display());
    None
}

/// Whether the tests run under continuous integration (`CI` set, as CI services do, and not
/// `false` or empty).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Loads a file, telling its format from the content.
pub fn load_file(path: &std::path::Path) -> dagsorden::formats::Loaded {
    Source::File(path.to_path_buf())
        .load(None)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The sessions titled `title`.
pub fn by_title<'a>(p: &'a Programme, title: &str) -> Vec<&'a dagsorden::model::Session> {
    p.sessions.iter().filter(|s| s.title == title).collect()
}

/// The one session titled `title` (the test fails if there are none or several).
pub fn one<'a>(p: &'a Programme, title: &str) -> &'a dagsorden::model::Session {
    let found = by_title(p, title);
    assert_eq!(found.len(), 1, "sessions titled {title:?}");
    found[0]
}

/// `2025-02-01 10:35–11:00 K.3.201`: a session's programme day, times as written, and room.
pub fn when_where(p: &Programme, s: &dagsorden::model::Session) -> String {
    let date = p.days[s.day]
        .date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let time = |t: Option<dagsorden::model::DayTime>| t.map(|t| t.to_string()).unwrap_or_default();
    format!(
        "{date} {}–{} {}",
        time(s.start),
        time(s.end),
        p.room_name(s).unwrap_or("-")
    )
}
