//! Times without a time zone: which clock they are read on, said everywhere, and `--zone` to
//! set the venue's (remembered per programme). The machine runs in UTC here, as the servers and
//! containers do where a wrong clock goes unnoticed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use dagsorden::action::Action;
use dagsorden::app::App;
use dagsorden::favourites::FavouritesStore;
use dagsorden::model::{Chosen, Clock, Shown, Zone};
use serde_json::Value;

/// A Pentabarf schedule as FOSDEM published up to 2021: dates and local times, no zone.
fn no_zone_xml() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pentabarf-no-zone.xml")
}

/// A calendar that gives moments in UTC only, naming no zone anywhere.
const UTC_ONLY: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n\
X-WR-CALNAME:UTC only\r\n\
BEGIN:VEVENT\r\nUID:a@utc\r\nDTSTART:20250311T100000Z\r\nDTEND:20250311T104500Z\r\n\
SUMMARY:Morning talk\r\nLOCATION:Hall\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b@utc\r\nDTSTART:20250311T130000Z\r\nDTEND:20250311T133000Z\r\n\
SUMMARY:Afternoon talk\r\nLOCATION:Hall\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// The binary on a machine whose clock is in `tz`.
fn run_in(tz: &str, config: &Path, args: &[&str]) -> Output {
    common::dagsorden(config)
        .env("TZ", tz)
        .env_remove("DAGSORDEN_ZONE")
        .args(args)
        .output()
        .expect("run dagsorden")
}

fn utc_machine(config: &Path, args: &[&str]) -> Output {
    run_in("UTC", config, args)
}

fn stdout(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn zone_line(check: &str) -> &str {
    check
        .lines()
        .find(|l| l.starts_with("time zone"))
        .expect("a time zone line")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn check_says_which_clock_and_why_when_the_file_has_no_zone() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    let text = stdout(&utc_machine(config.path(), &["check", path(&file)]));
    assert_eq!(
        zone_line(&text),
        "time zone  times as written, shown on this computer's clock, UTC — set --zone to change"
    );
    let given = stdout(&utc_machine(
        config.path(),
        &["check", path(&file), "--zone", "Europe/Brussels"],
    ));
    assert!(
        zone_line(&given).contains("Europe/Brussels, set with --zone"),
        "{given}"
    );
    let nb = stdout(
        &common::dagsorden(config.path())
            .env("TZ", "UTC")
            .env("DAGSORDEN_LANG", "nb")
            .args(["check", path(&file), "--zone", "auto"])
            .output()
            .expect("run"),
    );
    assert!(
        nb.lines()
            .any(|l| l.starts_with("tidssone") && l.contains("vist på denne maskinens klokke, UTC")),
        "{nb}"
    );
}

#[test]
fn export_with_a_zone_puts_ten_o_clock_in_brussels_at_nine_utc() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    let ics = stdout(&utc_machine(
        config.path(),
        &["export", path(&file), "--all", "--zone", "Europe/Brussels"],
    ));
    assert!(ics.contains("DTSTART:20200201T090000Z"), "{ics}");
    assert!(
        ics.contains("DTSTART:20200201T083000Z"),
        "09:30 in Brussels: {ics}"
    );
    assert!(ics.contains("X-WR-TIMEZONE:Europe/Brussels"), "{ics}");
}

#[test]
fn now_at_the_venue_lists_the_ten_o_clock_sessions() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    let at = "2020-02-01T10:10:00+01:00";
    let unset = stdout(&utc_machine(
        config.path(),
        &["now", path(&file), "--now", at],
    ));
    assert_eq!(
        unset, "nothing on now\n",
        "read on this (UTC) computer's clock"
    );
    let text = stdout(&utc_machine(
        config.path(),
        &["now", path(&file), "--now", at, "--zone", "Europe/Brussels"],
    ));
    assert!(text.contains("Kernels at dawn"), "{text}");
    assert!(text.contains("Compilers in the cold"), "{text}");
    assert!(
        text.contains("10:00–10:50"),
        "venue times as written: {text}"
    );
}

#[test]
fn a_zone_given_once_is_remembered_and_auto_forgets_it() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    let at = "2020-02-01T10:10:00+01:00";
    stdout(&utc_machine(
        config.path(),
        &["check", path(&file), "--zone", "Europe/Brussels"],
    ));
    let later = stdout(&utc_machine(
        config.path(),
        &["now", path(&file), "--now", at, "--json"],
    ));
    let items: Vec<Value> = serde_json::from_str(&later).expect("JSON");
    assert_eq!(items.len(), 2, "{later}");
    for item in &items {
        assert_eq!(item["zone"], "Europe/Brussels");
        assert_eq!(item["zone_source"], "remembered");
        assert!(
            item["start"]
                .as_str()
                .is_some_and(|s| s == "2020-02-01T10:00:00+01:00"),
            "{item}"
        );
    }
    let check = stdout(&utc_machine(config.path(), &["check", path(&file)]));
    assert!(zone_line(&check).contains("remembered"), "{check}");
    let forgotten = stdout(&utc_machine(
        config.path(),
        &["now", path(&file), "--now", at, "--zone", "auto"],
    ));
    assert_eq!(forgotten, "nothing on now\n");
    let check = stdout(&utc_machine(config.path(), &["check", path(&file)]));
    assert!(
        zone_line(&check).contains("this computer's clock"),
        "{check}"
    );
}

#[test]
fn a_zone_from_the_environment_holds_for_the_run_only() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    let with_env = common::dagsorden(config.path())
        .env("TZ", "UTC")
        .env("DAGSORDEN_ZONE", "Europe/Brussels")
        .args(["check", path(&file)])
        .output()
        .expect("run");
    assert!(zone_line(&stdout(&with_env)).contains("Europe/Brussels"));
    let after = stdout(&utc_machine(config.path(), &["check", path(&file)]));
    assert!(
        zone_line(&after).contains("this computer's clock"),
        "{after}"
    );
    assert!(!config.path().join("zones.json").exists());
}

#[test]
fn an_unknown_zone_is_one_line_and_exit_2_in_both_languages() {
    let config = tempfile::tempdir().expect("dir");
    let file = no_zone_xml();
    for (lang, words) in [("en", "unknown time zone"), ("nb", "ukjent tidssone")] {
        let output = common::dagsorden(config.path())
            .env("DAGSORDEN_LANG", lang)
            .args(["list", path(&file), "--zone", "Europe/Brusels"])
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2));
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(words) && err.contains("Europe/Brusels"),
            "{err}"
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_calendar_in_utc_only_is_shown_on_this_computers_clock() {
    let config = tempfile::tempdir().expect("dir");
    let file = config.path().join("utc-only.ics");
    std::fs::write(&file, UTC_ONLY).expect("write");
    let oslo = |args: &[&str]| stdout(&run_in("Europe/Oslo", config.path(), args));
    let list = oslo(&["list", path(&file)]);
    assert!(
        list.contains("11:00–11:45"),
        "10:00Z on Oslo's clock: {list}"
    );
    assert!(list.contains("14:00–14:30"), "{list}");
    let json: Vec<Value> =
        serde_json::from_str(&oslo(&["list", path(&file), "--json"])).expect("JSON");
    assert_eq!(json[0]["zone"], "Europe/Oslo");
    assert_eq!(json[0]["zone_source"], "this-computer-utc-file");
    assert_eq!(json[0]["start"], "2025-03-11T11:00:00+01:00");
    let check = oslo(&["check", path(&file)]);
    assert_eq!(
        zone_line(&check),
        "time zone  times in UTC only, shown on this computer's clock, Europe/Oslo — set --zone to change"
    );
    let now = oslo(&["now", path(&file), "--now", "2025-03-11T11:10"]);
    assert!(
        now.contains("Morning talk"),
        "11:10 in Oslo is 10:10Z: {now}"
    );
    let given = stdout(&run_in(
        "Europe/Oslo",
        config.path(),
        &["list", path(&file), "--zone", "America/New_York"],
    ));
    assert!(given.contains("06:00–06:45"), "{given}");
    let ics = oslo(&["export", path(&file), "--all"]);
    assert!(
        ics.contains("DTSTART:20250311T100000Z"),
        "moments kept: {ics}"
    );
}

/// The viewer on the no-zone programme at 10:10 in Brussels, on a machine in UTC.
fn viewer(venue: Option<Chosen>) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("dir");
    let programme = common::load_file(&no_zone_xml()).programme;
    let clock = Clock {
        set: Some("2020-02-01T10:10:00+01:00".parse().expect("time")),
        local: Zone::Iana(chrono_tz::UTC),
        shown: Shown::Venue,
        venue,
    };
    let app = common::with_store(programme, FavouritesStore::in_dir(dir.path()), clock);
    (dir, app)
}

#[test]
fn the_viewer_says_its_clock_and_z_only_switches_two_that_differ() {
    let (_dir, mut app) = viewer(None);
    let screen = common::screen_text(&common::draw(&mut app, 120, 30));
    assert!(
        screen.contains("09:10 UTC (yours; the file names no zone)"),
        "{screen}"
    );
    common::run(&mut app, &[Action::ToggleZone]);
    assert_eq!(app.shown(), Shown::Venue, "one clock: nothing to switch");
    let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.contains("read the same (UTC)"), "{said}");
    assert!(!app.offers(&Action::ToggleZone));
}

#[test]
fn with_a_zone_given_the_viewer_shows_the_venue_and_z_shows_this_computers_clock() {
    let brussels = Chosen {
        zone: chrono_tz::Europe::Brussels,
        remembered: false,
    };
    let (_dir, mut app) = viewer(Some(brussels));
    assert!(app.offers(&Action::ToggleZone));
    let screen = common::screen_text(&common::draw(&mut app, 120, 30));
    assert!(screen.contains("10:10 Europe/Brussels (venue)"), "{screen}");
    assert!(screen.contains("10:00–10:50"), "{screen}");
    common::run(&mut app, &[Action::ToggleZone]);
    let screen = common::screen_text(&common::draw(&mut app, 120, 30));
    assert!(screen.contains("09:10 UTC (yours)"), "{screen}");
    assert!(screen.contains("09:00–09:50"), "{screen}");
}

#[test]
fn the_viewer_shows_a_utc_only_calendar_on_this_computers_clock() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("utc-only.ics");
    std::fs::write(&file, UTC_ONLY).expect("write");
    let clock = Clock {
        set: Some("2025-03-11T11:10".parse().expect("time")),
        local: Zone::Iana(chrono_tz::Europe::Oslo),
        shown: Shown::Venue,
        venue: None,
    };
    let programme = common::load_file(&file).programme;
    let mut app = common::with_store(programme, FavouritesStore::in_dir(dir.path()), clock);
    let screen = common::screen_text(&common::draw(&mut app, 120, 30));
    assert!(screen.contains("11:00–11:45"), "10:00Z in Oslo: {screen}");
    assert!(screen.contains("14:00–14:30"), "{screen}");
    assert!(!screen.contains("10:00–10:45"), "not in UTC: {screen}");
    assert!(
        screen.contains("11:10 Europe/Oslo (yours; the file names no zone)"),
        "{screen}"
    );
    assert_eq!(app.visible_sessions().len(), 2);
    assert!(
        app.is_on(app.visible_sessions()[0]),
        "on now at 11:10 in Oslo"
    );
}
