//! Never a lost star: programme updates, export and import, two instances at once, and a save
//! killed at any moment.

mod common;

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{clock_at, draw, load_file, real, run, screen_text, select};
use dagsorden::action::Action;
use dagsorden::app::{App, Entry, Overlay, View};
use dagsorden::changes::Change;
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{Format, parse};
use dagsorden::model::Level;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn open(name: &str, config: &Path) -> App {
    let programme = load_file(&fixture(name)).programme;
    common::with_store(
        programme,
        FavouritesStore::in_dir(config),
        clock_at("2024-03-29T12:00"),
    )
}

fn dagsorden(args: &[&str], config: &Path) -> std::process::Output {
    common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden")
}

/// Stars Opening, Climate panel, Lunch and Group photo in version 1 of the programme.
fn star_four(config: &Path) {
    let mut app = open("planning.json", config);
    run(&mut app, &[Action::PrevDay]);
    for title in ["Opening", "Climate panel", "Lunch", "Group photo"] {
        select(&mut app, title);
        run(&mut app, &[Action::CycleStar]);
    }
    assert_eq!(app.starred_count(), 4);
}

#[test]
fn a_newer_programme_shows_what_moved_was_renamed_or_cancelled() {
    let config = tempfile::tempdir().expect("dir");
    star_four(config.path());
    let mut app = open("planning-v2.json", config.path());
    assert_eq!(app.overlay(), Some(Overlay::Changes));
    let described: Vec<String> = app.changes().iter().map(Change::describe).collect();
    assert_eq!(
        described,
        [
            "«Climate panel»: moved 2024-03-30 09:30–10:30 → 10:00–11:00",
            "«Lunch»: renamed «Lunch and networking», room Main hall → Lobby",
            "«Group photo» (2024-03-30 10:15): cancelled",
        ]
    );
    insta::assert_snapshot!("changes_100x24", draw(&mut app, 100, 24).backend());
    run(&mut app, &[Action::DismissChanges]);
    assert_eq!(app.overlay(), None);
    run(&mut app, &[Action::ToggleMyProgramme]);
    assert_eq!(app.view(), View::MyProgramme);
    assert!(
        app.entries()
            .iter()
            .any(|e| matches!(e, Entry::Cancelled(_))),
        "the cancelled star is listed"
    );
    let screen = screen_text(&draw(&mut app, 100, 30));
    assert!(screen.contains("Group photo (cancelled)"), "{screen}");

    let again = open("planning-v2.json", config.path());
    assert_eq!(
        again.overlay(),
        None,
        "dismissed changes are not shown again"
    );
    assert_eq!(again.starred_count(), 3);
    let saved = std::fs::read_to_string(config.path().join("favourites.json")).expect("file");
    assert!(
        saved.contains("\"photo\"") && saved.contains("\"cancelled\": true"),
        "kept: {saved}"
    );

    // If the session comes back in a later version, so does its star.
    let back = open("planning.json", config.path());
    assert_eq!(back.starred_count(), 4);
}

#[test]
fn export_then_import_gives_the_same_stars() {
    let config = tempfile::tempdir().expect("dir");
    let mut app = open("planning.json", config.path());
    run(&mut app, &[Action::PrevDay]);
    select(&mut app, "Climate panel");
    run(&mut app, &[Action::CycleStar]);
    select(&mut app, "Lunch");
    run(&mut app, &[Action::CycleStar, Action::CycleStar]);
    select(&mut app, "Dinner");
    run(&mut app, &[Action::CycleStar]);
    let path = fixture("planning.json");
    let path = path.to_str().expect("path");
    let exported = dagsorden(&["export", path], config.path());
    assert_eq!(exported.status.code(), Some(0));
    let ics = String::from_utf8(exported.stdout).expect("UTF-8");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20240330"),
        "the dinner, dated and untimed, is an all-day event: {ics}"
    );
    assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    let again = dagsorden(&["export", path], config.path());
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        uids(&ics),
        uids(&String::from_utf8(again.stdout).expect("UTF-8")),
        "stable UIDs"
    );
    assert_eq!(
        uids(&ics),
        [
            "UID:climate@planning-test.dagsorden",
            "UID:lunch@planning-test.dagsorden",
            "UID:dinner@planning-test.dagsorden"
        ]
    );

    // A real calendar reader reads it back: the times are the same moments.
    let read = parse(ics.as_bytes(), "mine.ics", None).expect("an iCalendar file");
    assert_eq!(read.format, Format::ICalendar);
    let climate = read
        .programme
        .sessions
        .iter()
        .find(|s| s.title == "Climate panel")
        .expect("event");
    assert_eq!(
        (
            climate.start.map(|t| t.to_string()),
            climate.end.map(|t| t.to_string())
        ),
        (Some("09:30".into()), Some("10:30".into()))
    );
    assert_eq!(read.programme.time_zone, Some(chrono_tz::Europe::Oslo));

    let file = config.path().join("mine.ics");
    std::fs::write(&file, &ics).expect("write");
    let elsewhere = tempfile::tempdir().expect("another laptop");
    let imported = dagsorden(
        &["import-favourites", file.to_str().expect("path"), path],
        elsewhere.path(),
    );
    assert_eq!(imported.status.code(), Some(0));
    let report = String::from_utf8(imported.stdout).expect("UTF-8");
    assert!(
        report.starts_with(
            "3 of 3 calendar entries found in Planning test conference: 3 newly starred"
        ),
        "{report}"
    );
    let stars = FavouritesStore::in_dir(elsewhere.path())
        .load("planning-test")
        .expect("stars");
    assert_eq!(stars.get("climate").map(|s| s.level), Some(Level::Must));
    assert_eq!(
        stars.get("lunch").map(|s| s.level),
        Some(Level::Maybe),
        "the level travels too"
    );
    assert_eq!(
        stars.get("dinner").map(|s| s.level),
        Some(Level::Must),
        "an all-day event comes back too"
    );
}

#[test]
fn import_merges_and_reports_what_it_could_not_match() {
    let config = tempfile::tempdir().expect("dir");
    let store = FavouritesStore::in_dir(config.path());
    let maybe = dagsorden::model::Star {
        level: Level::Maybe,
        seen: None,
        cancelled: false,
    };
    store
        .set("planning-test", "opening", Some(maybe))
        .expect("star");
    // A calendar from elsewhere: one by title and time, one already starred, one unknown.
    let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x-1@example.org\r\nSUMMARY:Morning talk\r\nDTSTART;TZID=Europe/Oslo:20240331T090000\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:opening@planning-test.dagsorden\r\nSUMMARY:Opening\r\nDTSTART:20240330T080000Z\r\nX-DAGSORDEN-STAR:must\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x-3@example.org\r\nSUMMARY:A talk that is not there\r\nDTSTART:20240330T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let file = config.path().join("other.ics");
    std::fs::write(&file, ics).expect("write");
    let output = dagsorden(
        &[
            "import-favourites",
            file.to_str().expect("path"),
            fixture("planning.json").to_str().expect("path"),
        ],
        config.path(),
    );
    let report = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(report.contains("2 of 3 calendar entries found"), "{report}");
    assert!(
        report.contains("1 newly starred, 1 already starred"),
        "{report}"
    );
    assert!(
        report.contains("not found (1):\n  A talk that is not there"),
        "{report}"
    );
    let stars = store.load("planning-test").expect("stars");
    assert_eq!(
        stars["opening"].level,
        Level::Maybe,
        "merge, never overwrite"
    );
    assert!(stars.contains_key("morning"));
    let not_ical = dagsorden(
        &[
            "import-favourites",
            fixture("planning.json").to_str().expect("path"),
        ],
        config.path(),
    );
    assert_eq!(not_ical.status.code(), Some(2));
}

#[test]
fn agendas_for_print() {
    let config = tempfile::tempdir().expect("dir");
    let store = FavouritesStore::in_dir(config.path());
    let must = dagsorden::model::Star {
        level: Level::Must,
        seen: None,
        cancelled: false,
    };
    for key in ["opening", "dinner", "morning"] {
        store
            .set("planning-test", key, Some(must.clone()))
            .expect("star");
    }
    let path = fixture("planning.json");
    let md = dagsorden(
        &["export", path.to_str().expect("path"), "--format", "md"],
        config.path(),
    );
    assert_eq!(
        String::from_utf8(md.stdout).expect("UTF-8"),
        "# Planning test conference\n\n## Saturday 30 March 2024\n\n- **09:00–09:30** ★ Opening — Main hall\n- **time not announced** ★ Dinner\n\n## Sunday 31 March 2024\n\n- **09:00–09:45** ★ Morning talk — Main hall\n"
    );
    let text = dagsorden(
        &["export", path.to_str().expect("path"), "--format", "text"],
        config.path(),
    );
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "Saturday 30 March 2024\n----------------------\n09:00–09:30  ★ Opening — Main hall\n"
        ),
        "{text}"
    );
}

#[test]
fn the_e_key_exports_beside_the_favourites() {
    let config = tempfile::tempdir().expect("dir");
    let mut app = open("planning.json", config.path());
    run(&mut app, &[Action::PrevDay]);
    select(&mut app, "Opening");
    // Enter takes the path offered.
    run(
        &mut app,
        &[
            Action::CycleStar,
            Action::ExportFavourites,
            Action::SearchAccept,
        ],
    );
    let file = config.path().join("planning-test-favourites.ics");
    let status = app.status().expect("a message");
    assert_eq!(
        status.text,
        format!("Exported 1 starred sessions to {}", file.display())
    );
    let text = std::fs::read_to_string(file).expect("written");
    assert!(text.contains("UID:opening@planning-test.dagsorden"));
}

/// The viewer on the planning fixture, started in `cwd`, with its files in `config`.
fn started_in(cwd: &Path, config: &Path) -> App {
    let programme = dagsorden::formats::Source::File(fixture("planning.json"))
        .load(None)
        .expect("fixture")
        .programme;
    let setup = dagsorden::app::Setup {
        export_dir: Some(cwd.to_path_buf()),
        ..dagsorden::app::Setup::default()
    };
    dagsorden::tui::open(
        programme,
        &FavouritesStore::in_dir(config),
        clock_at("2024-03-30T08:00"),
        setup,
    )
}

#[test]
fn the_e_key_offers_the_current_directory_and_writes_where_the_user_says() {
    let (cwd, config) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut app = started_in(cwd.path(), config.path());
    run(&mut app, &[Action::CycleStar, Action::ExportFavourites]);
    let offered = cwd.path().join("planning-test-favourites.ics");
    assert_eq!(
        app.status().map(|s| s.text.clone()),
        Some(format!(
            "Calendar file: {}▏  Enter writes · Esc cancels",
            offered.display()
        ))
    );
    assert_eq!(
        app.context(),
        dagsorden::keymap::Context::Search,
        "keys type"
    );
    for _ in 0.."planning-test-favourites.ics".len() {
        run(&mut app, &[Action::SearchBackspace]);
    }
    for c in "q/mine.ics".chars() {
        run(&mut app, &[Action::SearchType(c)]);
    }
    assert!(app.is_running(), "q is typed, not quit");
    run(&mut app, &[Action::SearchAccept]);
    let written = cwd.path().join("q").join("mine.ics");
    assert!(
        std::fs::read_to_string(&written)
            .expect("written")
            .contains("BEGIN:VEVENT")
    );
    assert!(!offered.exists());
    assert_eq!(
        app.status().map(|s| s.text.clone()),
        Some(format!(
            "Exported 1 starred sessions to {}",
            written.display()
        )),
        "the whole path"
    );
    assert_ne!(app.context(), dagsorden::keymap::Context::Search);
}

#[test]
fn a_relative_path_is_read_against_the_current_directory_and_esc_cancels() {
    let (cwd, config) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut app = started_in(cwd.path(), config.path());
    run(&mut app, &[Action::CycleStar, Action::ExportFavourites]);
    run(&mut app, &[Action::SearchCancel]);
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Not exported."));
    assert!(std::fs::read_dir(cwd.path()).expect("dir").next().is_none());
    // Only a directory typed: the calendar's own name in it.
    run(&mut app, &[Action::ExportFavourites]);
    let typed = app
        .status()
        .map(|s| s.text.clone())
        .expect("the prompt")
        .len();
    for _ in 0..typed {
        run(&mut app, &[Action::SearchBackspace]);
    }
    for c in "cal/".chars() {
        run(&mut app, &[Action::SearchType(c)]);
    }
    run(&mut app, &[Action::SearchAccept]);
    assert!(
        cwd.path()
            .join("cal")
            .join("planning-test-favourites.ics")
            .exists()
    );
}

fn ics_naming(programme: &str, keys: &[String]) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\n");
    for key in keys {
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:{key}@{programme}.dagsorden\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        );
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

#[test]
fn two_instances_saving_at_once_keep_both_stars() {
    let path = real("fosdem-2025.xml");
    let programme = load_file(&path).programme;
    let config = tempfile::tempdir().expect("dir");
    let processes = 8;
    let per = 40;
    let children: Vec<_> = (0..processes)
        .map(|p| {
            let keys: Vec<String> = programme.sessions[p * per..(p + 1) * per]
                .iter()
                .map(|s| s.id.clone())
                .collect();
            let file = config.path().join(format!("part{p}.ics"));
            std::fs::write(&file, ics_naming(&programme.id, &keys)).expect("write");
            common::dagsorden(config.path())
                .args([
                    "import-favourites",
                    file.to_str().expect("path"),
                    path.to_str().expect("path"),
                ])
                .stdout(Stdio::null())
                .spawn()
                .expect("start")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let stars = FavouritesStore::in_dir(config.path())
        .load(&programme.id)
        .expect("stars");
    assert_eq!(
        stars.len(),
        processes * per,
        "no star lost to another process"
    );
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    let config = tempfile::tempdir().expect("dir");
    let programme = load_file(&fixture("planning.json")).programme;
    let keys: Vec<String> = programme.sessions.iter().map(|s| s.id.clone()).collect();
    let store = FavouritesStore::in_dir(config.path());
    let mut saved = 0;
    for round in 0..80u64 {
        let key = &keys[usize::try_from(round).expect("small") % keys.len()];
        let file = config.path().join("one.ics");
        std::fs::write(
            &file,
            ics_naming("planning-test", std::slice::from_ref(key)),
        )
        .expect("write");
        let mut child = common::dagsorden(config.path())
            .args([
                "import-favourites",
                file.to_str().expect("path"),
                fixture("planning.json").to_str().expect("path"),
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("start");
        // Kill it somewhere between starting and finishing its save.
        std::thread::sleep(std::time::Duration::from_micros(round * 25));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever the moment, the file is the old one or the new one, whole.
        // An unreadable file would be an error here (and reading never sets it aside).
        let stars = store.load("planning-test").expect("readable");
        assert!(stars.len() >= saved, "round {round}: a star was lost");
        saved = stars.len();
    }
}

#[test]
fn a_cancelled_star_is_selectable_in_my_programme_and_unstars() {
    let config = tempfile::tempdir().expect("dir");
    star_four(config.path());
    let mut app = open("planning-v2.json", config.path());
    run(
        &mut app,
        &[
            Action::DismissChanges,
            Action::ToggleMyProgramme,
            Action::Bottom,
        ],
    );
    assert!(
        matches!(app.entries()[app.cursor()], Entry::Cancelled(_)),
        "the cursor stops on the cancelled star"
    );
    let screen = screen_text(&draw(&mut app, 100, 30));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Group photo") && l.contains('▶')),
        "shown as selected: {screen}"
    );
    run(&mut app, &[Action::CycleStar]);
    assert_eq!(app.cancelled().len(), 0);
    assert!(
        !app.entries()
            .iter()
            .any(|e| matches!(e, Entry::Cancelled(_))),
        "gone from the plan"
    );
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("Unstarred: Group photo")
    );
    let saved = std::fs::read_to_string(config.path().join("favourites.json")).expect("file");
    assert!(!saved.contains("\"photo\""), "and from the file: {saved}");
    run(&mut app, &[Action::Top, Action::Up]);
    assert!(app.selected_session().is_some());
}
