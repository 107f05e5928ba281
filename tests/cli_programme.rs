//! The command line does what it says: the programme named (before the command or after it) is
//! the one read, never the shipped one in its place; a mistyped command is told apart from a
//! missing file; import finds the programme its calendar came from or refuses; export writes
//! nothing when there is nothing to write.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use dagsorden::favourites::FavouritesStore;
use dagsorden::model::{Level, Star};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn planning() -> String {
    fixture("planning.json").to_string_lossy().into_owned()
}

fn dagsorden(args: &[&str], config: &Path) -> Output {
    common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn star(config: &Path, programme: &str, key: &str) {
    let must = Star {
        level: Level::Must,
        seen: None,
        cancelled: false,
    };
    FavouritesStore::in_dir(config)
        .set(programme, key, Some(must))
        .expect("star");
}

#[test]
fn a_programme_named_before_the_command_is_the_one_read() {
    let config = tempfile::tempdir().expect("dir");
    let file = planning();
    let check = dagsorden(&[&file, "check"], config.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("title      Planning test conference"),
        "{}",
        stdout(&check)
    );
    let list = dagsorden(&[&file, "list"], config.path());
    assert!(stdout(&list).contains("Climate panel"), "{}", stdout(&list));
    let export = dagsorden(&[&file, "export", "--all"], config.path());
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    assert!(stdout(&export).contains("UID:climate@planning-test.dagsorden"));
    for command in ["now", "next", "convert"] {
        let output = dagsorden(
            &["--now", "2024-03-30T09:10", &file, command],
            config.path(),
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command}: {}",
            stderr(&output)
        );
        assert!(
            !stdout(&output).contains("toppmøte") && !stdout(&output).contains("ks-toppmote"),
            "{command} read the shipped programme"
        );
    }
    // The same file named twice is one programme.
    let twice = dagsorden(&[&file, "check", &file], config.path());
    assert_eq!(twice.status.code(), Some(0));
}

#[test]
fn a_format_named_before_the_command_is_the_one_read() {
    let config = tempfile::tempdir().expect("dir");
    let file = planning();
    let as_xml = dagsorden(&["--format", "xml", &file, "list"], config.path());
    assert_eq!(as_xml.status.code(), Some(2), "JSON read as XML must fail");
    assert!(as_xml.stdout.is_empty());
    let as_native = dagsorden(&["--format", "native", &file, "list"], config.path());
    assert_eq!(as_native.status.code(), Some(0), "{}", stderr(&as_native));
}

#[test]
fn two_different_programmes_are_refused() {
    let config = tempfile::tempdir().expect("dir");
    let file = planning();
    let output = dagsorden(&[&file, "check", "ks-toppmote-2021"], config.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let said = stderr(&output);
    assert!(said.contains("two programmes named"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    let config_with_file = dagsorden(&[&file, "config"], config.path());
    assert_eq!(config_with_file.status.code(), Some(2));
    assert!(stderr(&config_with_file).contains("config reads no programme"));
}

/// Every command, the missing file named before it and after it: not found, exit 2, nothing
/// on standard output, never the shipped programme in its place.
#[test]
fn a_missing_programme_is_never_replaced_by_the_shipped_one() {
    let config = tempfile::tempdir().expect("dir");
    let calendar = config.path().join("mine.ics");
    std::fs::write(&calendar, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").expect("write");
    let calendar = calendar.to_string_lossy().into_owned();
    let missing = "/nonexistent/programme.xml";
    let commands: [&[&str]; 8] = [
        &["check"],
        &["list"],
        &["now"],
        &["next"],
        &["export", "--all"],
        &["export", "--format", "md"],
        &["convert"],
        &["import-favourites", &calendar],
    ];
    for command in commands {
        let mut before = vec![missing];
        before.extend_from_slice(command);
        let mut after = command.to_vec();
        after.push(missing);
        for args in [before, after] {
            let output = dagsorden(&args, config.path());
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
            let said = stderr(&output);
            assert!(said.contains("no such file"), "{args:?}: {said}");
        }
    }
    let viewer = dagsorden(&[missing], config.path());
    assert_eq!(viewer.status.code(), Some(2));
    assert!(stderr(&viewer).contains("no such file"));
}

#[test]
fn a_mistyped_command_is_told_apart_from_a_missing_file() {
    let config = tempfile::tempdir().expect("dir");
    for args in [&["lsit"][..], &["lsit", "--json"], &["lsit", "fosdem.xml"]] {
        let output = dagsorden(args, config.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&output),
            "dagsorden: no such command or file 'lsit'; did you mean 'list'? (dagsorden --help tells more)\n",
            "{args:?}"
        );
    }
    let missing = dagsorden(&["nofile.xml"], config.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).starts_with(
            "dagsorden: nofile.xml: no such file, shipped programme or programme in the library"
        ),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn import_finds_the_programme_its_calendar_came_from_or_refuses() {
    let config = tempfile::tempdir().expect("dir");
    // A calendar exported from a shipped programme needs no programme named.
    let ks = common::programme("ks-toppmote-2024");
    let key = &ks.sessions[0].id;
    let shipped = config.path().join("ks.ics");
    std::fs::write(
        &shipped,
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{key}@ks-toppmote-2024.dagsorden\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    )
    .expect("write");
    let output = dagsorden(
        &["import-favourites", &shipped.to_string_lossy()],
        config.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("1 of 1 calendar entries found"));
    let stars = FavouritesStore::in_dir(config.path())
        .load("ks-toppmote-2024")
        .expect("stars");
    assert!(stars.contains_key(key));

    // Exported from a file: the file must be named, and it is not matched against KS.
    star(config.path(), "planning-test", "climate");
    let exported = config.path().join("planning.ics");
    let file = planning();
    let export = dagsorden(
        &["export", &file, "-o", &exported.to_string_lossy()],
        config.path(),
    );
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let elsewhere = tempfile::tempdir().expect("dir");
    let refused = dagsorden(
        &["import-favourites", &exported.to_string_lossy()],
        elsewhere.path(),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    let said = stderr(&refused);
    assert!(
        said.contains("exported from the programme 'planning-test'"),
        "{said}"
    );
    assert!(
        !elsewhere.path().join("favourites.json").exists(),
        "nothing starred anywhere"
    );
    let named = dagsorden(
        &["import-favourites", &exported.to_string_lossy(), &file],
        elsewhere.path(),
    );
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));

    // A calendar from elsewhere does not say: refused.
    let foreign = config.path().join("foreign.ics");
    std::fs::write(
        &foreign,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\nSUMMARY:Opening\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let refused = dagsorden(
        &["import-favourites", &foreign.to_string_lossy()],
        elsewhere.path(),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("does not say which programme"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn export_with_nothing_to_export_writes_nothing() {
    let config = tempfile::tempdir().expect("dir");
    let out = config.path().join("mine.ics");
    let file = planning();
    let output = dagsorden(
        &["export", &file, "-o", &out.to_string_lossy()],
        config.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists(), "no empty calendar");
    assert!(
        stderr(&output).contains("nothing to export: no starred sessions"),
        "{}",
        stderr(&output)
    );
    let to_stdout = dagsorden(&["export", &file], config.path());
    assert_eq!(to_stdout.status.code(), Some(1));
    assert!(to_stdout.stdout.is_empty());
    // Starred, a session with a date and no time: an all-day event on its date.
    star(config.path(), "planning-test", "dinner");
    let untimed = dagsorden(&["export", &file], config.path());
    assert_eq!(untimed.status.code(), Some(0), "{}", stderr(&untimed));
    let calendar = stdout(&untimed);
    assert!(
        calendar.contains("\r\nDTSTART;VALUE=DATE:20240330\r\n")
            && calendar.contains("\r\nDTEND;VALUE=DATE:20240331\r\n"),
        "{calendar}"
    );
    let agenda = dagsorden(&["export", &file, "--format", "md"], config.path());
    assert_eq!(agenda.status.code(), Some(0), "an agenda lists it");
}

#[test]
fn the_ks_programme_exports_each_session_as_an_all_day_event_on_its_date() {
    let config = tempfile::tempdir().expect("dir");
    let output = dagsorden(&["export", "ks-toppmote-2024", "--all"], config.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let events: Vec<&str> = text.split("BEGIN:VEVENT").skip(1).collect();
    assert_eq!(
        events.len(),
        common::programme("ks-toppmote-2024").sessions.len(),
        "every session"
    );
    for event in &events {
        let start = event
            .split("\r\n")
            .find_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
            .expect("an all-day start");
        let end = event
            .split("\r\n")
            .find_map(|l| l.strip_prefix("DTEND;VALUE=DATE:"))
            .expect("an all-day end");
        let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y%m%d").expect("date");
        assert_eq!(
            day(end),
            day(start).succ_opt().expect("next day"),
            "{event}"
        );
    }
    assert!(
        text.contains("DTSTART;VALUE=DATE:20240212")
            && text.contains("DTSTART;VALUE=DATE:20240214"),
        "from the first day to the last"
    );
    assert!(!stderr(&output).contains("left out"), "{}", stderr(&output));
}

#[test]
fn the_calendar_says_it_is_dagsordens() {
    let config = tempfile::tempdir().expect("dir");
    let output = dagsorden(&["export", &planning(), "--all"], config.path());
    let text = stdout(&output);
    let prodid: Vec<&str> = text.lines().filter(|l| l.starts_with("PRODID")).collect();
    assert_eq!(
        prodid,
        [format!(
            "PRODID:-//dagsorden//dagsorden {}//EN",
            env!("CARGO_PKG_VERSION")
        )
        .as_str()]
    );
}

#[test]
fn a_write_error_is_one_line_and_exit_1_and_leaves_the_old_file() {
    let config = tempfile::tempdir().expect("dir");
    let file = planning();
    let nowhere = config.path().join("no/such/dir/out.ics");
    let output = dagsorden(
        &["export", &file, "--all", "-o", &nowhere.to_string_lossy()],
        config.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("cannot write"));
    let converted = config.path().join("out.json");
    std::fs::write(&converted, "old").expect("write");
    let output = dagsorden(
        &["convert", &file, "-o", &converted.to_string_lossy()],
        config.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    let written = std::fs::read_to_string(&converted).expect("read");
    assert!(written.contains("\"planning-test\""));
    let leftovers = std::fs::read_dir(config.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

/// A merged programme can start two sessions in one room at once: `next` names both.
#[test]
fn next_names_every_session_starting_together_in_a_room() {
    let config = tempfile::tempdir().expect("dir");
    let file = config.path().join("merged.json");
    std::fs::write(
        &file,
        r#"{"id": "merged", "title": "Merged", "time_zone": "Europe/Oslo",
            "days": [{"date": "2024-03-30", "sessions": [
              {"id": "a", "title": "Track A opening", "start": "10:00", "end": "10:30", "room": "Hall"},
              {"id": "b", "title": "Track B opening", "start": "10:00", "end": "10:45", "room": "Hall"},
              {"id": "c", "title": "Later in the hall", "start": "11:00", "end": "11:30", "room": "Hall"}
            ]}]}"#,
    )
    .expect("write");
    let file = file.to_string_lossy();
    let args = ["--now", "2024-03-30T09:00", "next", &file];
    let text = stdout(&dagsorden(&args, config.path()));
    assert!(
        text.contains("Track A opening") && text.contains("Track B opening"),
        "{text}"
    );
    assert!(!text.contains("Later in the hall"), "{text}");
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let json: serde_json::Value =
        serde_json::from_slice(&dagsorden(&json_args, config.path()).stdout).expect("JSON");
    let titles: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|item| item["title"].as_str())
        .collect();
    assert_eq!(titles, ["Track A opening", "Track B opening"]);
}

#[test]
fn a_calendar_without_a_name_is_titled_by_its_description_then_its_file() {
    let config = tempfile::tempdir().expect("dir");
    let event = "BEGIN:VEVENT\r\nUID:1@example.org\r\nSUMMARY:Talk\r\nDTSTART:20240330T090000Z\r\nEND:VEVENT\r\n";
    let described = config.path().join("described.ics");
    std::fs::write(
        &described,
        format!("BEGIN:VCALENDAR\r\nX-WR-CALDESC:Nordic Days 2024\r\n{event}END:VCALENDAR\r\n"),
    )
    .expect("write");
    let bare = config.path().join("nordic-days.ics");
    std::fs::write(
        &bare,
        format!("BEGIN:VCALENDAR\r\n{event}END:VCALENDAR\r\n"),
    )
    .expect("write");
    for (path, title) in [(&described, "Nordic Days 2024"), (&bare, "nordic-days")] {
        let text = stdout(&dagsorden(
            &["check", &path.to_string_lossy()],
            config.path(),
        ));
        assert!(
            text.contains(&format!("title      {title}\n")),
            "{title}: {text}"
        );
    }
}
