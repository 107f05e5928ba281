//! The favourites file as the user's own: commands that only read it change nothing, only a save
//! moves an unreadable one aside (and says so), a link stays a link, errors name the file at
//! fault, and what the file remembers is cleaned before it reaches the screen.

mod common;

use std::path::{Path, PathBuf};

use common::pty::PtyApp;
use common::{clock_at, draw, run, screen_text};
use dagsorden::action::Action;
use dagsorden::app::Overlay;
use dagsorden::favourites::FavouritesStore;

const GARBAGE: &[u8] = b"\x00garbage, not JSON";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_str()
        .expect("a UTF-8 path")
        .to_string()
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn garbage_in(dir: &Path) -> PathBuf {
    let path = dir.join("favourites.json");
    std::fs::write(&path, GARBAGE).expect("write");
    path
}

fn dagsorden(config: &Path, args: &[&str]) -> std::process::Output {
    common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden")
}

#[test]
fn commands_that_only_read_leave_an_unreadable_file_where_it_is_and_say_so() {
    let config = tempfile::tempdir().expect("dir");
    let path = garbage_in(config.path());
    let programme = fixture("planning.json");
    for args in [
        &["list", "--favourites"][..],
        &["list"],
        &["now"],
        &["next", "--favourites"],
        &["export"],
        &["export", "--format", "md"],
    ] {
        let mut args = args.to_vec();
        args.insert(1, &programme);
        let output = dagsorden(config.path(), &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("favourites.json is not a favourites file"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("unreadable-"), "{args:?}: {stderr}");
        assert_eq!(std::fs::read(&path).expect("kept"), GARBAGE, "{args:?}");
        assert_eq!(names(config.path()), ["favourites.json"], "{args:?}");
    }
}

#[test]
fn a_command_that_saves_sets_an_unreadable_file_aside_and_says_so() {
    let config = tempfile::tempdir().expect("dir");
    garbage_in(config.path());
    let output = dagsorden(
        config.path(),
        &[
            "import-favourites",
            &fixture("nordlys.ics"),
            &fixture("planning.json"),
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not be read; it is kept as"),
        "{stderr}"
    );
    let aside: Vec<String> = names(config.path())
        .into_iter()
        .filter(|n| n.starts_with("favourites.json.unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", names(config.path()));
    assert!(stderr.contains(&aside[0]), "{stderr}");
    assert_eq!(
        std::fs::read(config.path().join(&aside[0])).expect("kept"),
        GARBAGE
    );
}

#[test]
fn a_lock_file_that_is_a_directory_is_named_in_the_error() {
    let config = tempfile::tempdir().expect("dir");
    std::fs::create_dir(config.path().join("favourites.lock")).expect("mkdir");
    let output = dagsorden(
        config.path(),
        &[
            "import-favourites",
            &fixture("nordlys.ics"),
            &fixture("planning.json"),
        ],
    );
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("favourites.lock"), "{stderr}");
    assert!(!stderr.contains("favourites.json"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_config_dir_that_is_a_file_is_named_in_the_error() {
    let home = tempfile::tempdir().expect("dir");
    let config = home.path().join("dagsorden");
    std::fs::write(&config, b"a file").expect("write");
    let programme = fixture("planning.json");
    let saved = dagsorden(
        &config,
        &["import-favourites", &fixture("nordlys.ics"), &programme],
    );
    assert_ne!(saved.status.code(), Some(0));
    let listed = dagsorden(&config, &["list", &programme, "--favourites"]);
    let initialised = dagsorden(&config, &["config", "--init"]);
    assert_eq!(initialised.status.code(), Some(2));
    for output in [saved, listed, initialised] {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("config directory") && stderr.contains(&*config.to_string_lossy()),
            "{stderr}"
        );
        assert!(!stderr.contains("favourites.json"), "{stderr}");
    }
    assert_eq!(std::fs::read(&config).expect("kept"), b"a file");
}

#[cfg(unix)]
#[test]
fn a_favourites_file_that_is_a_link_stays_a_link() {
    let config = tempfile::tempdir().expect("dir");
    let synced = tempfile::tempdir().expect("dir");
    let target = synced.path().join("favourites.json");
    std::fs::write(&target, br#"{"version": 2, "programmes": {}}"#).expect("write");
    let link = config.path().join("favourites.json");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let ics = config.path().join("mine.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:lunch\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let output = dagsorden(
        config.path(),
        &[
            "import-favourites",
            ics.to_str().expect("path"),
            &fixture("planning.json"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("there")
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let saved = std::fs::read_to_string(&target).expect("target");
    assert!(
        saved.contains("\"lunch\""),
        "the star went to the target: {saved}"
    );
    assert_eq!(names(synced.path()), ["favourites.json"]);
}

#[test]
fn opening_the_viewer_moves_nothing_and_the_first_star_sets_the_file_aside() {
    let config = tempfile::tempdir().expect("dir");
    let path = garbage_in(config.path());
    let mut app = common::with_store(
        common::programme("ks-toppmote-2024"),
        FavouritesStore::in_dir(config.path()),
        common::clock(),
    );
    let status = app.status().expect("a message").clone();
    assert!(status.is_error, "{status:?}");
    assert!(
        status
            .text
            .contains("favourites.json is not a favourites file"),
        "{status:?}"
    );
    assert_eq!(std::fs::read(&path).expect("kept"), GARBAGE);
    assert_eq!(names(config.path()), ["favourites.json"]);

    run(
        &mut app,
        &[Action::NextDay, Action::Down, Action::CycleStar],
    );
    let status = app.status().expect("a message");
    assert!(
        status.is_error && status.text.contains("unreadable; kept as"),
        "{status:?}"
    );
    let aside: Vec<String> = names(config.path())
        .into_iter()
        .filter(|n| n.starts_with("favourites.json.unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", names(config.path()));
    assert_eq!(
        std::fs::read(config.path().join(&aside[0])).expect("kept"),
        GARBAGE
    );
    assert_eq!(app.starred_count(), 1);
    let stars = FavouritesStore::in_dir(config.path())
        .load("ks-toppmote-2024")
        .expect("saved anew");
    assert_eq!(stars.len(), 1);
}

#[test]
fn the_real_viewer_opened_and_closed_leaves_an_unreadable_file_alone() {
    let config = tempfile::tempdir().expect("dir");
    let path = garbage_in(config.path());
    let mut app = PtyApp::start(&[], config.path(), 200, 30);
    app.wait_for("favourites.json is not a favourites file");
    app.send("q");
    assert_eq!(app.wait_exit().0, 0);
    assert_eq!(std::fs::read(&path).expect("kept"), GARBAGE);
    assert_eq!(names(config.path()), ["favourites.json"]);
}

/// A favourites file someone else wrote: a star on Lunch remembered under a hostile title, and
/// one on a session the programme no longer has.
const HOSTILE: &str = r#"{"version": 2, "programmes": {"planning-test": {"stars": {
  "lunch": {"level": "must", "title": "Evil\u202e\u001b[2J \u009b31mlunch", "date": "2024-03-30",
            "start": "11:45", "end": "12:30", "room": "Main hall\u202e"},
  "gone": {"level": "must", "title": "Gone\u001b]0;pwned\u0007 \u202etalk", "date": "2024-03-30",
           "start": "10:00", "room": "\u001b[31mRoom B"}
}}}}"#;

/// No bidirectional override and no control character on screen (line ends aside).
fn assert_clean(screen: &str) {
    assert!(
        !screen
            .chars()
            .any(|c| c == '\u{202e}' || (c.is_control() && c != '\n')),
        "{screen:?}"
    );
}

#[test]
fn what_the_file_remembers_is_cleaned_before_it_is_shown() {
    let config = tempfile::tempdir().expect("dir");
    std::fs::write(config.path().join("favourites.json"), HOSTILE).expect("write");
    let programme = common::load_file(Path::new(&fixture("planning.json"))).programme;
    let mut app = common::with_store(
        programme,
        FavouritesStore::in_dir(config.path()),
        clock_at("2024-03-29T12:00"),
    );
    let cancelled: Vec<&str> = app
        .cancelled()
        .iter()
        .map(|(_, seen)| seen.title.as_str())
        .collect();
    assert_eq!(cancelled, ["Gone talk"]);

    assert_eq!(app.overlay(), Some(Overlay::Changes));
    let changes = screen_text(&draw(&mut app, 120, 30));
    assert!(
        changes.contains("«Evil lunch»: renamed «Lunch»"),
        "{changes}"
    );
    assert!(changes.contains("«Gone talk»"), "{changes}");
    assert_clean(&changes);

    run(
        &mut app,
        &[Action::DismissChanges, Action::ToggleMyProgramme],
    );
    let plan = screen_text(&draw(&mut app, 120, 30));
    assert!(plan.contains("Gone talk (cancelled)"), "{plan}");
    assert_clean(&plan);
}
