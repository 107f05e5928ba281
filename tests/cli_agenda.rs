//! `dagsorden now`, `next` and `list`, plain and `--json`, on the KS programme and on a real
//! conference, checked against the source file read independently here.

mod common;

use std::collections::BTreeSet;
use std::process::Output;

use chrono::{DateTime, Duration, FixedOffset};
use serde_json::Value;

const AT_FOSDEM: &str = "2025-02-01T11:00:00+01:00";

fn dagsorden(args: &[&str], config: &std::path::Path) -> Output {
    common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden")
}

fn text(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn json(output: &Output) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(&text(output)).expect("a JSON array")
}

fn titles(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["title"].as_str().expect("title").to_string())
        .collect()
}

/// An event of the XML, read with plain string search (not the importer under test).
struct SourceEvent {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    title: String,
    room: String,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let from = text.find(open).map_or(0, |i| i + open.len());
    let to = text[from..].find(close).map_or(text.len(), |i| from + i);
    &text[from..to]
}

fn source_events(xml: &str) -> Vec<SourceEvent> {
    xml.split("<event ")
        .skip(1)
        .map(|chunk| {
            let start =
                DateTime::parse_from_rfc3339(between(chunk, "<date>", "</date>")).expect("date");
            let (h, m) = between(chunk, "<duration>", "</duration>")
                .split_once(':')
                .expect("duration");
            let length =
                Duration::minutes(h.parse::<i64>().expect("h") * 60 + m.parse::<i64>().expect("m"));
            let unescape = |s: &str| {
                s.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&")
            };
            SourceEvent {
                start,
                end: start + length,
                // Runs of white space read as one, as the viewer shows them.
                title: unescape(between(chunk, "<title>", "</title>"))
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                room: between(chunk, "<room>", "</room>").to_string(),
            }
        })
        .collect()
}

#[test]
fn now_at_fosdem_matches_the_file() {
    let path = common::real("fosdem-2025.xml");
    let xml = std::fs::read_to_string(&path).expect("read");
    let at = DateTime::parse_from_rfc3339(AT_FOSDEM).expect("time");
    let expected: BTreeSet<String> = source_events(&xml)
        .into_iter()
        .filter(|e| e.start <= at && at < e.end)
        .map(|e| e.title)
        .collect();
    assert!(
        expected.len() > 10,
        "a busy Saturday morning: {}",
        expected.len()
    );
    let config = tempfile::tempdir().expect("dir");
    let path = path.to_str().expect("path");
    let items = json(&dagsorden(
        &["now", path, "--now", AT_FOSDEM, "--json"],
        config.path(),
    ));
    assert_eq!(titles(&items), expected);
    assert!(
        items
            .iter()
            .all(|i| i["minutes_left"].as_i64().is_some_and(|m| m > 0))
    );
    let first = &items[0];
    assert_eq!(first["zone"], "Europe/Brussels");
    let plain = text(&dagsorden(
        &["now", path, "--now", AT_FOSDEM],
        config.path(),
    ));
    assert_eq!(plain.lines().count(), expected.len(), "one session a line");
    assert!(!plain.contains('\u{1b}'), "no colour in a pipe");
    assert!(
        plain
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("Sat 2025-02-01  10:45–11:05  5 min left")),
        "{plain}"
    );
}

#[test]
fn next_at_fosdem_is_the_next_event_of_each_room() {
    let path = common::real("fosdem-2025.xml");
    let xml = std::fs::read_to_string(&path).expect("read");
    let at = DateTime::parse_from_rfc3339(AT_FOSDEM).expect("time");
    let mut first_by_room: std::collections::BTreeMap<String, (DateTime<FixedOffset>, String)> =
        std::collections::BTreeMap::new();
    for e in source_events(&xml).into_iter().filter(|e| e.start > at) {
        let entry = first_by_room
            .entry(e.room.clone())
            .or_insert((e.start, e.title.clone()));
        if e.start < entry.0 {
            *entry = (e.start, e.title);
        }
    }
    let config = tempfile::tempdir().expect("dir");
    let items = json(&dagsorden(
        &[
            "next",
            path.to_str().expect("path"),
            "--now",
            AT_FOSDEM,
            "--json",
        ],
        config.path(),
    ));
    assert_eq!(items.len(), first_by_room.len(), "one per room");
    let got: BTreeSet<(String, String)> = items
        .iter()
        .map(|i| {
            (
                i["room"].as_str().unwrap_or_default().to_string(),
                i["title"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, String)> = first_by_room
        .into_iter()
        .map(|(room, (_, title))| (room, title))
        .collect();
    assert_eq!(got, want);
    let soonest = items
        .iter()
        .filter_map(|i| i["starts_in_minutes"].as_i64())
        .min();
    assert_eq!(soonest, Some(5));
}

#[test]
fn list_a_day_and_a_theme_at_fosdem() {
    let path = common::real("fosdem-2025.xml");
    let path = path.to_str().expect("path");
    let config = tempfile::tempdir().expect("dir");
    let day = text(&dagsorden(
        &["list", path, "--day", "2025-02-01"],
        config.path(),
    ));
    assert_eq!(day.lines().count(), 470);
    let llvm = json(&dagsorden(
        &["list", path, "--theme", "llvm", "--json"],
        config.path(),
    ));
    assert!(!llvm.is_empty());
    assert!(llvm.iter().all(|i| {
        i["themes"]
            .as_array()
            .is_some_and(|t| t.contains(&Value::from("LLVM")))
    }));
    let today = text(&dagsorden(
        &["list", path, "--day", "today", "--now", "2025-02-02T10:00"],
        config.path(),
    ));
    assert_eq!(today.lines().count(), 473);
    assert!(today.lines().all(|l| l.starts_with("Sun 2025-02-02")));
}

#[test]
fn times_in_the_users_zone_with_local_time() {
    let path = common::real("fosdem-2025.xml");
    let config = tempfile::tempdir().expect("dir");
    let output = common::dagsorden(config.path())
        .args([
            "now",
            path.to_str().expect("path"),
            "--now",
            AT_FOSDEM,
            "--local-time",
            "--json",
        ])
        .env("TZ", "America/New_York")
        .output()
        .expect("run");
    let items = json(&output);
    assert_eq!(items[0]["zone"], "America/New_York");
    assert_eq!(items[0]["time"], "04:45–05:05");
    assert_eq!(items[0]["start"], "2025-02-01T04:45:00-05:00");
}

#[test]
fn ks_programme_has_no_times_so_now_is_today_with_time_not_announced() {
    let config = tempfile::tempdir().expect("dir");
    let day = text(&dagsorden(
        &["list", "--day", "today", "--now", "2024-02-13T10:30"],
        config.path(),
    ));
    assert_eq!(day.lines().count(), 10);
    assert!(day.contains("time not announced"), "{day}");
    assert!(
        day.contains("Vi kårer Norges mest næringsvennlige kommune"),
        "{day}"
    );
    let now = text(&dagsorden(
        &["now", "--now", "2024-02-13T10:30"],
        config.path(),
    ));
    assert_eq!(
        now, day,
        "today's sessions, each saying its time is not announced"
    );
    let json_now = json(&dagsorden(
        &["now", "--now", "2024-02-13T10:30", "--json"],
        config.path(),
    ));
    assert_eq!(json_now.len(), 10);
    assert!(
        json_now
            .iter()
            .all(|i| i["start"].is_null() && i["date"] == "2024-02-13"),
        "never guessed into a slot: {json_now:?}"
    );
    let next = text(&dagsorden(
        &["next", "--now", "2024-02-13T10:30"],
        config.path(),
    ));
    let tomorrow = text(&dagsorden(
        &["list", "--day", "2024-02-14", "--now", "2024-02-13T10:30"],
        config.path(),
    ));
    assert!(!tomorrow.is_empty());
    assert_eq!(next, tomorrow, "next is the next day's sessions");
    let after = dagsorden(&["now", "--now", "2024-02-20T10:30"], config.path());
    assert_eq!(text(&after), "nothing on now\n");
    let last = dagsorden(&["next", "--now", "2024-02-14T10:30"], config.path());
    assert_eq!(text(&last), "nothing next\n", "nothing after the last day");
}

#[test]
fn favourites_filter_and_next_star() {
    let config = tempfile::tempdir().expect("dir");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/planning.json");
    let fixture = fixture.to_str().expect("path");
    let store = dagsorden::favourites::FavouritesStore::in_dir(config.path());
    let must = dagsorden::model::Star {
        level: dagsorden::model::Level::Must,
        seen: None,
        cancelled: false,
    };
    store
        .set("planning-test", "lunch", Some(must.clone()))
        .expect("star");
    store
        .set("planning-test", "morning", Some(must))
        .expect("star");
    let next = text(&dagsorden(
        &["next", fixture, "--favourites", "--now", "2024-03-30T11:33"],
        config.path(),
    ));
    assert_eq!(next.lines().count(), 1);
    assert!(
        next.contains("in 12 min") && next.contains("★") && next.contains("Lunch"),
        "{next}"
    );
    let list = json(&dagsorden(
        &["list", fixture, "--favourites", "--json"],
        config.path(),
    ));
    assert_eq!(
        titles(&list),
        BTreeSet::from(["Lunch".to_string(), "Morning talk".to_string()])
    );
    assert!(list.iter().all(|i| i["star"] == "must"));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let config = tempfile::tempdir().expect("dir");
    for args in [
        &["list", "--theme", "no-such-theme"][..],
        &["list", "--day", "13.02.2024"],
        &["now", "--now", "tomorrow"],
        &["now", "/no/such/file.xml"],
    ] {
        let output = dagsorden(args, config.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let output = dagsorden(&["list", "--day", "2030-01-01"], config.path());
    assert_eq!(text(&output), "nothing: the programme has no such day\n");
}

/// `list` is the screen-reader path: one session a line, no box drawing, no escape sequences,
/// in the language asked for.
#[test]
fn list_reads_aloud_in_either_language() {
    let config = tempfile::tempdir().expect("temp dir");
    for (lang, untimed, weekday) in [
        ("en", "time not announced", "Tue "),
        ("nb", "tid ikke kunngjort", "tir "),
    ] {
        let output = common::dagsorden(config.path())
            .args(["--lang", lang, "list", "ks-toppmote-2024"])
            .output()
            .expect("run dagsorden");
        let out = text(&output);
        assert_eq!(out.lines().count(), 12, "one line per session:\n{out}");
        for line in out.lines() {
            assert!(line.contains(untimed), "{line}");
            assert!(
                !line
                    .chars()
                    .any(|c| ('\u{2500}'..='\u{257f}').contains(&c) || c.is_control()),
                "box drawing or control characters in {line:?}"
            );
        }
        assert!(
            out.lines().nth(1).is_some_and(|l| l.starts_with(weekday)),
            "{out}"
        );
    }
}
