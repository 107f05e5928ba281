//! What changed since the user last looked: the record the viewer keeps, the marks in every
//! list and the details, the Changes view, a programme replaced under the viewer, and
//! `dagsorden changes` for scripts.

mod common;

use std::path::{Path, PathBuf};

use common::{clock_at, draw, load_file, run, screen_text, select};
use dagsorden::action::Action;
use dagsorden::app::{App, Effect, Entry, Overlay, Setup, View};
use dagsorden::changes::compare::What;
use dagsorden::changes::looked::{LastLooked, LookedFile};
use dagsorden::favourites::FavouritesStore;
use dagsorden::model::Programme;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn planning() -> Programme {
    load_file(&fixture("planning.json")).programme
}

/// The planning programme with `change` made to it.
fn changed(change: impl FnOnce(&mut Programme)) -> Programme {
    let mut programme = planning();
    change(&mut programme);
    programme
}

/// Opening moved from the main hall to Room B; Lunch renamed.
fn opening_moved_room() -> Programme {
    changed(|p| {
        let room_b = p.rooms.iter().position(|r| r == "Room B");
        let opening = p.session_index("opening").expect("opening");
        p.sessions[opening].room = room_b;
        let lunch = p.session_index("lunch").expect("lunch");
        p.sessions[lunch].title = "Lunch and talk".into();
    })
}

/// The viewer opened on `programme` as `dagsorden` opens it: favourites in `dir`, the record
/// of what was last seen in `dir/data`.
fn open(programme: Programme, dir: &Path) -> App {
    let mut problems = Vec::new();
    let file = LookedFile::of(&dir.join("data"), None, &programme.id);
    let setup = Setup {
        looked: LastLooked::load(file, &mut problems),
        ..Setup::default()
    };
    assert!(problems.is_empty(), "{problems:?}");
    dagsorden::tui::open(
        programme,
        &FavouritesStore::in_dir(dir),
        clock_at("2024-03-30T08:00"),
        setup,
    )
}

fn record_file(dir: &Path) -> PathBuf {
    LookedFile::of(&dir.join("data"), None, "planning-test")
        .path()
        .to_path_buf()
}

fn index_of(app: &App, key: &str) -> usize {
    app.programme().session_index(key).expect("session")
}

/// The viewer on the first version with Opening starred and selected.
fn opening_starred(dir: &Path) -> App {
    let mut app = open(planning(), dir);
    select(&mut app, "Opening");
    run(&mut app, &[Action::CycleStar]);
    app
}

/// The viewer with Opening starred, then a newer programme where Opening moved room.
fn opening_starred_then_moved(dir: &Path) -> App {
    let mut app = opening_starred(dir);
    run(
        &mut app,
        &[Action::ProgrammeReplaced(Box::new(opening_moved_room()))],
    );
    app
}

#[test]
fn the_first_look_is_recorded_and_marks_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let app = open(planning(), dir.path());
    assert!(app.session_changes().is_empty());
    assert_eq!(app.overlay(), None);
    let record = std::fs::read_to_string(record_file(dir.path())).expect("recorded");
    assert!(record.contains("\"Opening\""), "{record}");
    assert!(record.contains("\"Main hall\""), "{record}");
    // Opening it again with the same programme: nothing to tell, nothing written.
    let again = open(planning(), dir.path());
    assert!(again.session_changes().is_empty());
    assert!(again.effects_at_start().is_empty());
}

#[test]
fn a_starred_session_moved_room_is_marked_described_and_listed_first() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = opening_starred_then_moved(dir.path());
    let opening = index_of(&app, "opening");
    assert_eq!(
        app.selected_index(),
        Some(opening),
        "the cursor stays on it"
    );
    assert_eq!(app.level(opening), Some(dagsorden::model::Level::Must));
    assert!(app.is_marked(opening));
    assert!(app.is_marked(index_of(&app, "lunch")));
    assert!(!app.is_marked(index_of(&app, "climate")));
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("Programme updated: 2 changes, 1 starred (C: see them).")
    );
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("Δ room Main hall → Room B"), "{screen}");
    insta::assert_snapshot!("marked_list_100x24", draw(&mut app, 100, 24).backend());

    let report = app.changes_report();
    let listed: Vec<(&str, bool)> = report.iter().map(|r| (r.key.as_str(), r.starred)).collect();
    assert_eq!(listed, [("opening", true), ("lunch", false)]);
    assert_eq!(report[0].what, [What::Room]);
    run(&mut app, &[Action::ShowChanges]);
    assert_eq!(app.overlay(), Some(Overlay::Changes));
    insta::assert_snapshot!("changes_view_100x24", draw(&mut app, 100, 24).backend());

    // Closing the view: every change is seen, and stays seen.
    run(&mut app, &[Action::DismissChanges]);
    assert!(app.session_changes().is_empty());
    assert!(!app.is_marked(opening));
    let later = open(opening_moved_room(), dir.path());
    assert!(later.session_changes().is_empty());
    assert_eq!(later.overlay(), None);
}

#[test]
fn esc_closes_the_changes_view_and_the_marks_stay_until_enter_sees_them() {
    use dagsorden::keymap::{Context, Key, KeyCode};
    let dir = tempfile::tempdir().expect("dir");
    let mut app = opening_starred_then_moved(dir.path());
    let opening = index_of(&app, "opening");
    let key = |app: &App, key: Key| {
        app.keymap()
            .action_for_key(&key, app.context())
            .expect("a key of the Changes view")
    };
    run(&mut app, &[Action::ShowChanges]);
    assert_eq!(app.context(), Context::Changes);
    let esc = key(&app, Key::plain(KeyCode::Esc));
    run(&mut app, &[esc]);
    assert_eq!(app.overlay(), None, "Esc closes the view");
    assert!(app.is_marked(opening), "and the change is still marked");
    assert_eq!(app.session_changes().len(), 2);

    run(&mut app, &[Action::ShowChanges]);
    let enter = key(&app, Key::plain(KeyCode::Enter));
    run(&mut app, &[enter]);
    assert_eq!(app.overlay(), None);
    assert!(!app.is_marked(opening), "Enter takes every change as seen");
    assert!(app.session_changes().is_empty());
}

#[test]
fn a_change_is_seen_once_its_session_was_selected_and_left() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = opening_starred_then_moved(dir.path());
    let (opening, lunch) = (index_of(&app, "opening"), index_of(&app, "lunch"));
    assert!(
        app.is_marked(opening),
        "selected, and still shown as changed"
    );
    let effects = app.update(Action::Down);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveLooked { .. })),
        "{effects:?}"
    );
    dagsorden::tui::perform_all(
        &mut app,
        effects,
        Some(&FavouritesStore::in_dir(dir.path())),
        &common::PretendOpener,
    );
    assert!(!app.is_marked(opening), "seen");
    assert!(app.is_marked(lunch), "not yet seen");
    // The record says so: the next start marks only Lunch.
    let again = open(opening_moved_room(), dir.path());
    let keys: Vec<&str> = again
        .session_changes()
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(keys, ["lunch"]);
    assert_eq!(again.overlay(), None, "nothing starred to tell");
}

#[test]
fn a_cancelled_starred_session_stays_starred_and_is_shown_cancelled() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = opening_starred(dir.path());
    let without_opening = changed(|p| {
        p.sessions.retain(|s| s.id != "opening");
        p.arrange();
    });
    run(
        &mut app,
        &[Action::ProgrammeReplaced(Box::new(without_opening))],
    );
    let report = app.changes_report();
    assert_eq!(report[0].key, "opening");
    assert!(report[0].starred && report[0].is_cancelled());
    assert_eq!(
        report[0].text,
        "«Opening» (2024-03-30 09:00–09:30): cancelled"
    );
    run(&mut app, &[Action::ShowChanges, Action::DismissChanges]);
    run(&mut app, &[Action::ToggleMyProgramme]);
    assert_eq!(app.view(), View::MyProgramme);
    assert!(
        app.entries()
            .iter()
            .any(|e| matches!(e, Entry::Cancelled(_))),
        "listed as cancelled"
    );
    let stars = FavouritesStore::in_dir(dir.path())
        .load("planning-test")
        .expect("stars");
    assert!(stars.contains_key("opening"), "never dropped: {stars:?}");
}

#[test]
fn new_moved_and_renamed_sessions_are_told_apart() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = open(planning(), dir.path());
    let newer = changed(|p| {
        let mut new = p.sessions[0].clone();
        new.id = "new".into();
        new.title = "A new talk".into();
        p.sessions.push(new);
        let climate = p.session_index("climate").expect("climate");
        p.sessions[climate].start = dagsorden::model::DayTime::parse("09:41");
        p.arrange();
    });
    run(&mut app, &[Action::ProgrammeReplaced(Box::new(newer))]);
    let told: Vec<(String, Vec<What>)> = app
        .session_changes()
        .iter()
        .map(|c| (c.key.clone(), c.what.clone()))
        .collect();
    assert_eq!(
        told,
        [
            ("new".to_string(), vec![What::New]),
            ("climate".to_string(), vec![What::Moved]),
        ]
    );
    assert_eq!(app.overlay(), None, "nothing starred: no view thrust open");
}

// --- `dagsorden changes` ---------------------------------------------------------------------

fn dagsorden(args: &[&str], dir: &Path) -> std::process::Output {
    common::dagsorden(dir)
        .args(args)
        .output()
        .expect("run dagsorden")
}

/// The programme file `dir/planning.json` opened as the viewer opens it: kept in the library,
/// its sessions recorded, Climate panel starred.
fn viewed_file(dir: &Path) -> PathBuf {
    use dagsorden::commands::open::{Opener, Opening, open};
    use dagsorden::library::{Library, Moment, When};
    let file = dir.join("planning.json");
    std::fs::copy(fixture("planning.json"), &file).expect("copy");
    let library = Library::in_dir(&dir.join("data"));
    let clock = clock_at("2024-03-30T08:00");
    let mut progress = |_| {};
    let opened = open(
        Some(file.to_str().expect("path")),
        None,
        dagsorden::formats::Detail::Full,
        &mut Opening {
            library: Some(&library),
            when: When::IfDue,
            moment: Moment::on(&clock),
            opener: Opener::Viewer,
            progress: &mut progress,
        },
    )
    .expect("opened");
    let programme = opened.loaded.programme;
    let mut problems = Vec::new();
    let looked = LookedFile::of(library.data_dir(), opened.id.as_deref(), &programme.id);
    let setup = Setup {
        looked: LastLooked::load(looked, &mut problems),
        ..Setup::default()
    };
    let store = FavouritesStore::in_dir(dir);
    let mut app = dagsorden::tui::open(programme, &store, clock, setup);
    select(&mut app, "Climate panel");
    run(&mut app, &[Action::CycleStar]);
    file
}

#[test]
fn the_changes_command_tells_what_changed_since_the_viewer_looked_starred_first() {
    let dir = tempfile::tempdir().expect("dir");
    let file = viewed_file(dir.path());
    let path = file.to_str().expect("path");
    let unchanged = dagsorden(&["changes", path], dir.path());
    assert_eq!(unchanged.status.code(), Some(0));
    // "Nothing" is an answer, on standard output, as `now` gives "nothing on now".
    assert_eq!(
        String::from_utf8_lossy(&unchanged.stdout),
        "Nothing has changed since you last looked.\n"
    );
    assert_eq!(String::from_utf8_lossy(&unchanged.stderr), "");

    std::fs::copy(fixture("planning-v2.json"), &file).expect("the file changes");
    let records = dir.path().join("data").join("seen");
    let before: Vec<_> = std::fs::read_dir(&records)
        .expect("records")
        .map(|e| std::fs::read(e.expect("entry").path()).expect("read"))
        .collect();
    let output = dagsorden(&["changes", path], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).expect("UTF-8"),
        "Your programme\n  Δ «Climate panel»: moved 2024-03-30 09:30–10:30 → 10:00–11:00\n\n\
         Other sessions\n  ✗ «Group photo» (2024-03-30 10:15): cancelled\n  \
         Δ «Lunch»: renamed «Lunch and networking», room Main hall → Lobby\n"
    );
    let json = dagsorden(&["changes", path, "--json"], dir.path());
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(listed[0]["key"], "climate");
    assert_eq!(listed[0]["starred"], true);
    assert_eq!(listed[0]["what"], serde_json::json!(["moved"]));
    assert_eq!(listed[1]["what"], serde_json::json!(["cancelled"]));
    let after: Vec<_> = std::fs::read_dir(&records)
        .expect("records")
        .map(|e| std::fs::read(e.expect("entry").path()).expect("read"))
        .collect();
    assert_eq!(before, after, "read-only: nothing taken as seen");
}

#[test]
fn the_changes_command_without_a_record_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let output = dagsorden(
        &["changes", fixture("planning.json").to_str().expect("path")],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("open it in the viewer first"), "{said}");
    assert!(
        !dir.path().join("data").join("seen").exists(),
        "nothing written"
    );
}

#[test]
fn the_changes_view_tells_the_clash_a_move_makes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = opening_starred(dir.path());
    select(&mut app, "Climate panel");
    run(&mut app, &[Action::CycleStar]);
    let later = changed(|p| {
        let opening = p.session_index("opening").expect("opening");
        p.sessions[opening].start = dagsorden::model::DayTime::parse("09:45");
        p.sessions[opening].end = dagsorden::model::DayTime::parse("10:15");
        p.arrange();
    });
    run(
        &mut app,
        &[
            Action::ProgrammeReplaced(Box::new(later)),
            Action::ShowChanges,
        ],
    );
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(
        screen.contains("«Opening»: moved 2024-03-30 09:00–09:30 → 09:45–10:15"),
        "{screen}"
    );
    assert!(
        screen.contains("! now overlaps «Climate panel»"),
        "{screen}"
    );
}
