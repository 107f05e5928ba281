//! Reading a session as a page: the abstract right after the facts, the other sessions of the
//! slot folded to a line, how far the text has been read, the whole screen to read it on, and
//! its links: whole on screen, hyperlinks where the terminal shows them, opened in the browser
//! only when they are web addresses.

mod common;

use common::{clock_at, draw, load_file, real, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Effect, Overlay, Setup};
use dagsorden::favourites::FavouritesStore;
use dagsorden::keymap::{Context, Key, KeyCode};

/// FOSDEM 2025 on its Saturday at 11:00, as a new user opens it.
fn fosdem_with(setup: Setup) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let programme = load_file(&real("fosdem-2025.xml")).programme;
    let store = FavouritesStore::in_dir(dir.path());
    let app = dagsorden::tui::open(programme, &store, clock_at("2025-02-01T11:00"), setup);
    (dir, app)
}

fn fosdem() -> (tempfile::TempDir, App) {
    fosdem_with(Setup::default())
}

/// Finds the session by its title and reads its details, as a user does: search, open, focus.
fn read(app: &mut App, title: &str) {
    run(app, &[Action::StartSearch]);
    for c in title.chars() {
        run(app, &[Action::SearchType(c)]);
    }
    run(app, &[Action::SearchAccept, Action::Focus(Pane::Details)]);
    let selected = app.selected_session().map(|s| s.title.clone());
    assert_eq!(selected.as_deref(), Some(title));
}

fn row_of(screen: &str, text: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"))
}

const RISC_V: &str = "RISC-V Hardware - Where are we?";

#[test]
fn the_abstract_comes_before_the_other_sessions_of_the_slot() {
    let (_dir, mut app) = fosdem();
    read(&mut app, RISC_V);
    run(&mut app, &[Action::Bottom]);
    let screen = screen_text(&draw(&mut app, 120, 40));
    let abstract_row = row_of(&screen, "under Linux.");
    let slot_row = row_of(&screen, "Also in this slot (");
    assert!(abstract_row < slot_row, "{screen}");
    assert!(
        screen.contains("▸ Also in this slot ("),
        "folded at first:\n{screen}"
    );
    assert!(!screen.contains("Sat 10:30–10:50"), "{screen}");
    insta::assert_snapshot!("reading_folded_120x40", screen);
}

#[test]
fn a_key_lists_the_other_sessions_of_the_slot_and_folds_them_again() {
    let (_dir, mut app) = fosdem();
    read(&mut app, RISC_V);
    assert!(!app.slot_open());
    run(&mut app, &[Action::ToggleSlot]);
    run(&mut app, &vec![Action::Down; 20]);
    assert!(app.slot_open());
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("▾ Also in this slot ("), "{screen}");
    insta::assert_snapshot!("reading_unfolded_120x40", screen);
    run(&mut app, &[Action::ToggleSlot]);
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("▸ Also in this slot ("), "{screen}");
}

#[test]
fn how_far_the_text_has_been_read_shows_when_it_does_not_fit() {
    let (_dir, mut app) = fosdem();
    read(&mut app, RISC_V);
    run(&mut app, &[Action::ToggleSlot]);
    let screen = screen_text(&draw(&mut app, 80, 24));
    let bottom = screen.lines().nth(22).expect("the panes' bottom row");
    let (shown, total) = position(bottom).expect("a position on the bottom border");
    assert!(shown < total, "{bottom}");
    run(&mut app, &[Action::Bottom]);
    let screen = screen_text(&draw(&mut app, 80, 24));
    let bottom = screen.lines().nth(22).expect("the panes' bottom row");
    let (shown, last) = position(bottom).expect("a position on the bottom border");
    assert_eq!(shown, last, "{bottom}");
    insta::assert_snapshot!("reading_scrolled_80x24", screen);
}

/// `18/48` read off a border row.
fn position(row: &str) -> Option<(usize, usize)> {
    let word = row.split_whitespace().find(|w| w.contains('/'))?;
    let (a, b) = word.split_once('/')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

#[test]
fn a_session_reads_on_the_whole_screen_and_esc_goes_back() {
    let (_dir, mut app) = fosdem();
    read(&mut app, RISC_V);
    run(&mut app, &[Action::Open]);
    assert!(app.is_reading());
    assert_eq!(app.context(), Context::Page);
    let screen = screen_text(&draw(&mut app, 120, 40));
    insta::assert_snapshot!("reading_page_120x40", screen);
    let esc = app
        .keymap()
        .action_for_key(&Key::plain(KeyCode::Esc), app.context());
    assert_eq!(esc, Some(Action::ToggleReading));
    run(&mut app, &[Action::ToggleReading]);
    assert!(!app.is_reading());
    assert_eq!(app.focus(), Pane::Details, "back where the user was");
    let r = app
        .keymap()
        .action_for_key(&Key::char('r'), Context::Main(Pane::Sessions));
    assert_eq!(r, Some(Action::ToggleReading));
}

const BROADBAND: &str = "https://fosdem.org/2025/schedule/event/fosdem-2025-4150-broadband-data-transfer-over-usb-for-gnu-linux-1-2-ghz-l-band-sdr-receiver-dedicated-to-gnss-and-other-reception-interfacing-with-pocketsdr-gnu-radio-and-gnss-sdr/";

#[test]
fn a_long_address_is_never_broken_and_opens_whole() {
    let (_dir, mut app) = fosdem();
    let title = app
        .programme()
        .sessions
        .iter()
        .find(|s| s.url.as_deref() == Some(BROADBAND))
        .map(|s| s.title.clone())
        .expect("the session");
    read(&mut app, &title);
    run(&mut app, &[Action::ToggleReading, Action::Bottom]);
    let screen = screen_text(&draw(&mut app, 80, 24));
    let row = screen
        .lines()
        .find(|l| l.contains("https://fosdem.org/2025/schedule/event/fosdem-2025-4150"))
        .unwrap_or_else(|| panic!("the address on one row:\n{screen}"));
    assert!(row.contains('…'), "cut where the screen ends: {row}");
    assert!(
        !screen.contains("\n┃broadband") && !screen.lines().any(|l| l.contains("┃-broadband")),
        "{screen}"
    );
    insta::assert_snapshot!("reading_long_url_80x24", screen);
    // It has several links: the chooser offers its page first.
    assert_eq!(app.update(Action::OpenLink), []);
    let effects = app.update(Action::OpenLink);
    assert_eq!(effects, [Effect::OpenUrl(BROADBAND.to_string())]);
}

#[test]
fn the_one_link_of_a_session_opens_and_the_status_says_so() {
    let (_dir, mut app) = fosdem();
    read(&mut app, RISC_V);
    let url =
        "https://fosdem.org/2025/schedule/event/fosdem-2025-6031-risc-v-hardware-where-are-we-/";
    assert_eq!(
        app.update(Action::OpenLink),
        [Effect::OpenUrl(url.to_string())]
    );
    run(&mut app, &[Action::OpenLink]);
    let status = app.status().expect("a status line");
    assert_eq!(status.text, format!("Opened in your browser: {url}"));
    assert!(!status.is_error);
}

#[test]
fn with_several_links_the_user_chooses_one() {
    let (_dir, mut app) = fosdem();
    read(&mut app, "Pushing the Sega Dreamcast with GCC");
    assert_eq!(app.update(Action::OpenLink), []);
    assert_eq!(app.overlay(), Some(Overlay::Links));
    assert_eq!(app.context(), Context::Links);
    let screen = screen_text(&draw(&mut app, 100, 30));
    assert!(
        screen.contains("  https://github.com/KallistiOS/KallistiOS "),
        "{screen}"
    );
    run(&mut app, &[Action::Down]);
    assert_eq!(app.link_cursor(), 1);
    let effects = app.update(Action::OpenLink);
    assert_eq!(app.overlay(), None);
    assert_eq!(effects.len(), 1);
    let Effect::OpenUrl(url) = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(url, "https://github.com/KallistiOS/KallistiOS");
}

#[test]
fn nothing_but_a_web_address_is_ever_opened() {
    let mut programme = common::programme("ks-toppmote-2024");
    programme.sessions[0].url = Some("file:///etc/passwd".into());
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::with_store(
        programme,
        FavouritesStore::in_dir(dir.path()),
        common::clock(),
    );
    run(&mut app, &[Action::Top]);
    assert_eq!(app.update(Action::OpenLink), []);
    let status = app.status().expect("a status line");
    assert!(status.is_error);
    assert!(
        status.text.starts_with("Not opened: file:///etc/passwd"),
        "{}",
        status.text
    );
}

#[test]
fn links_are_terminal_hyperlinks_only_when_asked_for() {
    let (_dir, mut plain) = fosdem();
    read(&mut plain, RISC_V);
    let screen = screen_text(&draw(&mut plain, 120, 40));
    assert!(!screen.contains('\u{1b}'));
    let (_dir, mut linked) = fosdem_with(Setup {
        hyperlinks: true,
        ..Setup::default()
    });
    read(&mut linked, RISC_V);
    run(&mut linked, &[Action::Bottom]);
    let terminal = draw(&mut linked, 120, 40);
    let buffer = terminal.backend().buffer();
    let marked = buffer
        .content()
        .iter()
        .filter(|c| {
            c.symbol()
                .starts_with("\u{1b}]8;;https://fosdem.org/2025/schedule/event/fosdem-2025-6031")
        })
        .count();
    assert!(marked > 20, "each cell of the address is part of the link");
}
