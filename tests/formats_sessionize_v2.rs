//! Sessionize feeds and the c3voc schedule v2: the real files open with their own counts, our
//! hand-made files are read as meant, the commands name both formats, and no mutation of either
//! makes a reader panic.

mod common;
use common::{one, when_where};

use dagsorden::formats::{Format, Loaded, parse};
use dagsorden::model::{DayTime, Kind, Programme, Session};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

const SESSIONIZE: &[u8] = include_bytes!("fixtures/sessionize-all.json");
const V2: &[u8] = include_bytes!("fixtures/schedule-v2.json");

/// A real file that may not be committed: from `../shared/fixtures/real/`, by the one rule of
/// `common::real_fixture` (a failure under CI where it is missing, a skip elsewhere).
fn shared_fixture(name: &str) -> Option<Vec<u8>> {
    let path = common::real_fixture(name)?;
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn load(bytes: &[u8], origin: &str) -> Loaded {
    parse(bytes, origin, None).unwrap_or_else(|e| panic!("{e}"))
}

fn speakers(s: &Session) -> Vec<(&str, Option<&str>)> {
    s.speakers
        .iter()
        .map(|x| (x.name.as_str(), x.role.as_deref()))
        .collect()
}

fn themes<'a>(p: &'a Programme, s: &Session) -> Vec<&'a str> {
    s.themes
        .iter()
        .map(|&t| p.themes[t].name.as_str())
        .collect()
}

fn rooms(p: &Programme) -> Vec<&str> {
    p.rooms.iter().map(String::as_str).collect()
}

fn keys(p: &Programme) -> Vec<String> {
    p.sessions.iter().map(|s| s.id.clone()).collect()
}

fn distinct_speakers(p: &Programme) -> usize {
    let mut names: Vec<&str> = p
        .sessions
        .iter()
        .flat_map(|s| &s.speakers)
        .map(|s| s.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

#[test]
fn sessionize_all_data_from_global_azure_austria() {
    let name = "sessionize-global-azure-austria-2023.json";
    let Some(bytes) = shared_fixture(name) else {
        return;
    };
    let loaded = load(&bytes, name);
    assert_eq!(loaded.format, Format::Sessionize);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let p = &loaded.programme;
    assert_eq!(
        (p.sessions.len(), p.days.len(), distinct_speakers(p)),
        (24, 1, 27)
    );
    assert_eq!(rooms(p), ["Room 1", "Room 2", "Room 3", "Room 4"]);
    assert_eq!(p.title, "sessionize-global-azure-austria-2023");
    assert_eq!(p.time_zone, None, "Sessionize times have no zone");
    let welcome = one(p, "Welcome to Global Azure Austria");
    assert_eq!(welcome.id, "476012", "the Sessionize id keys the star");
    assert_eq!(when_where(p, welcome), "2023-05-12 09:00–09:10 Room 1");
    assert_eq!(welcome.utc_offset, None, "the venue's wall clock");
    assert_eq!(
        speakers(welcome),
        [("Rainer Stropek", Some("software architects"))]
    );
    assert_eq!(welcome.language.as_deref(), Some("English"));
    assert_eq!(welcome.kind, Kind::Session);
    let ai = one(p, "AI for Good sign language detection research project");
    assert_eq!(when_where(p, ai), "2023-05-12 11:00–11:45 Room 4");
    let names: Vec<&str> = speakers(ai).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Toni Pohl", "Marco Marthe", "Peter Hödl"]);
    let text = ai.description_text().unwrap_or_default();
    assert!(text.contains("Toni Pohl: "), "bios in the details: {text}");
    let german = p
        .sessions
        .iter()
        .filter(|s| s.language.as_deref() == Some("German"))
        .count();
    assert_eq!(german, 5);
    assert!(p.themes.is_empty(), "its one category is the language");
    assert_eq!(keys(p), keys(&load(&bytes, name).programme));
}

#[test]
fn c3voc_schedule_v2_hub_example() {
    let name = "c3voc-schedule-v2-hub-example.json";
    let Some(bytes) = shared_fixture(name) else {
        return;
    };
    let loaded = load(&bytes, name);
    assert_eq!(loaded.format, Format::ScheduleV2);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let p = &loaded.programme;
    assert_eq!((p.title.as_str(), p.id.as_str()), ("38C3", "38c3"));
    assert_eq!(p.time_zone, Some(chrono_tz::Europe::Berlin));
    assert_eq!(p.sessions.len(), 2);
    assert_eq!(rooms(p), ["Saal 1", "Saal ZIGZAG"]);
    assert_eq!(p.themes.len(), 7, "the conference's tracks");
    let opening = one(p, "38C3: Opening Ceremony");
    assert_eq!(opening.id, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
    assert_eq!(when_where(p, opening), "2024-12-27 10:30–11:00 Saal 1");
    assert_eq!(themes(p, opening), ["CCC"]);
    assert_eq!(
        speakers(opening),
        [
            ("Gabriela Bogk", None),
            ("Aline Blankertz", None),
            ("Senficon", Some("contributor"))
        ]
    );
    let late = one(p, "A Competitive Time-Trial AI for Need for Speed:");
    assert_eq!(
        when_where(p, late),
        "2024-12-27 00:15–00:55 Saal ZIGZAG",
        "00:15 after the evening stays on 27 December's programme day"
    );
    assert_eq!(late.start.map(DayTime::minutes), Some(24 * 60 + 15));
    assert_eq!(late.day, opening.day);
    assert_eq!(late.kind, Kind::Talk);
    assert_eq!(
        late.subtitle.as_deref(),
        Some("Most Wanted Using Deep Reinforcement Learning")
    );
    assert_eq!(themes(p, late), ["Hardware & Making"]);
    assert_eq!(keys(p), keys(&load(&bytes, name).programme));
}

#[test]
fn a_hand_made_sessionize_file_is_read_as_meant() {
    let loaded = load(SESSIONIZE, "tests/fixtures/devfest-nord.json");
    assert_eq!(loaded.format, Format::Sessionize);
    let p = &loaded.programme;
    assert_eq!(p.title, "devfest-nord");
    assert_eq!(rooms(p), ["Hall Aurora", "Room Fjord"], "in sort order");
    let names: Vec<&str> = p.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Data",
            "Embedded",
            "Level: Introductory",
            "Level: Advanced",
            "Workshop"
        ],
        "tracks first, then the other categories; languages are no theme"
    );

    let keynote = one(p, "Opening keynote: Fjords and Functions");
    assert_eq!(keynote.kind, Kind::Other("plenum".into()));
    assert_eq!(keynote.language.as_deref(), Some("English"));
    assert_eq!(themes(p, keynote), ["Data", "Level: Introductory"]);
    assert_eq!(keynote.links[0].url, "https://stream.example.org/main");
    assert_eq!(
        speakers(keynote),
        [("Ingrid Fjellstad", Some("Principal engineer, Nordlys Data"))]
    );
    assert_eq!(
        keynote.description_text().as_deref(),
        Some(
            "Why the fjord is the shape of every pipeline.\n\nIngrid Fjellstad: Ingrid builds data pipelines along the coast."
        )
    );

    let lunch = one(p, "Lunch");
    assert_eq!(lunch.kind, Kind::Break, "a service session is a break");
    assert_eq!(when_where(p, lunch), "2025-09-18 12:00–13:00 Hall Aurora");

    let rust = one(p, "Rust på fjellet");
    assert_eq!(rust.id, "9003");
    assert_eq!(rust.language.as_deref(), Some("Norwegian"));
    assert_eq!(
        themes(p, rust),
        ["Embedded", "Level: Advanced", "Workshop"],
        "the track first"
    );
    assert_eq!(
        speakers(rust),
        [
            ("Ola Nordmann", None),
            ("Kari Østby", Some("Embedded developer"))
        ]
    );
    assert_eq!(rust.links[0].url, "https://video.example.org/9003");

    let late = one(p, "Late night lightning talks");
    assert_eq!(
        when_where(p, late),
        "2025-09-18 00:30–01:15 Room Fjord",
        "after midnight stays on the evening's day"
    );
    assert_eq!(late.subtitle.as_deref(), Some("Waitlisted"));

    let tundra = one(p, "Day two: Testing in the tundra");
    assert_eq!(when_where(p, tundra), "2025-09-19 09:00–09:45 -");
    assert_eq!(tundra.id, "9005", "a number id is kept as text");

    let unscheduled = one(p, "Unconference (time to be announced)");
    assert_eq!(p.days[unscheduled.day].date, None);
    assert_eq!(unscheduled.start, None);

    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "file: 1 entries that are not events skipped",
            "session 9003: speaker no-such-speaker is not in the file's speakers; left out",
            "session 9004: its status is Waitlisted, not Accepted",
            "session 9005: room 99 is not in the file's rooms; listed without a room",
            "session 9006: no usable date or start; listed without a time",
        ]
    );
    assert_eq!(keys(p), keys(&load(SESSIONIZE, "x.json").programme));
}

#[test]
fn a_hand_made_schedule_v2_is_read_as_meant() {
    let loaded = load(V2, "nordcamp.json");
    assert_eq!(loaded.format, Format::ScheduleV2);
    let p = &loaded.programme;
    assert_eq!(
        (p.title.as_str(), p.id.as_str()),
        ("Nordcamp 2025", "nordcamp25")
    );
    assert_eq!(p.time_zone, Some(chrono_tz::Europe::Oslo));
    assert_eq!(rooms(p), ["Tent A", "Tent B"], "the conference's order");
    let dates: Vec<String> = p
        .days
        .iter()
        .map(|d| d.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2025-07-10", "2025-07-11", "2025-07-13"]);
    assert_eq!(
        p.days[0].closes.map(DayTime::minutes),
        Some(30 * 60),
        "the day's own hours"
    );

    let radio = one(p, "Radio waves in the fjord");
    assert_eq!(radio.id, "11111111-0000-4000-8000-000000000001");
    assert_eq!(when_where(p, radio), "2025-07-10 11:00–11:45 Tent A");
    assert_eq!(themes(p, radio), ["Radio"]);
    assert_eq!(
        radio.description_text().as_deref(),
        Some("How signals bounce between mountains.")
    );

    let badge = one(p, "Solder your first badge");
    assert_eq!(badge.kind, Kind::Workshop);
    assert_eq!(themes(p, badge), ["Soldering"]);
    assert_eq!(badge.description_text().as_deref(), Some("We solder."));
    assert_eq!(
        speakers(badge),
        [("Astrid Lodde", None), ("Per Tinn", Some("host"))]
    );
    let links: Vec<(&str, Option<&str>)> = badge
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.title.as_deref()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "https://hub.example.org/event/badge/feedback/",
                Some("feedback")
            ),
            ("https://hub.example.org/badge.pdf", Some("Slides"))
        ]
    );

    let sunrise = one(p, "Sunrise listening session");
    assert_eq!(
        when_where(p, sunrise),
        "2025-07-10 05:30–06:30 Tent A",
        "before the day's 06:00 change it is the first night"
    );
    assert_eq!(sunrise.kind, Kind::Session);
    assert_eq!(themes(p, sunrise), ["no-such-track"]);

    let breakfast = one(p, "Breakfast talk");
    assert_eq!(when_where(p, breakfast), "2025-07-11 09:00–09:30 Tent A");
    let cleanup = one(p, "After-camp cleanup");
    assert_eq!(when_where(p, cleanup), "2025-07-13 10:00–11:00 Tent B");

    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "file: 1 entries that are not events skipped",
            "event 11111111-0000-4000-8000-000000000006: skipped: no day and no time",
        ]
    );
    assert_eq!(keys(p), keys(&load(V2, "nordcamp.json").programme));
}

#[test]
fn a_v2_without_days_takes_them_from_the_conference_and_the_small_hours_rule() {
    let json = r#"{"schedule": {"conference": {"title": "T", "start": "2025-03-01T10:00:00+01:00",
        "end": "2025-03-03T02:00:00+01:00", "time_zone_name": "Europe/Berlin"},
        "events": [
            {"guid": "a", "title": "Late", "start": "2025-03-02T01:00:00+01:00", "end": "2025-03-02T02:00:00+01:00"},
            {"guid": "b", "title": "Morning", "start": "2025-03-02T09:00:00+01:00", "end": "2025-03-02T10:00:00+01:00"}
        ]}}"#;
    let loaded = load(json.as_bytes(), "t.json");
    let p = &loaded.programme;
    let dates: Vec<String> = p
        .days
        .iter()
        .map(|d| d.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2025-03-01", "2025-03-02"]);
    assert_eq!(when_where(p, one(p, "Late")), "2025-03-01 01:00–02:00 -");
    assert_eq!(when_where(p, one(p, "Morning")), "2025-03-02 09:00–10:00 -");
}

#[test]
fn sessionize_views_are_read_and_the_speaker_list_is_refused_clearly() {
    let session = r#"{"id": "1", "title": "Grid talk", "startsAt": "2024-10-05T10:00:00",
        "endsAt": "2024-10-05T10:30:00", "isServiceSession": false, "isPlenumSession": false,
        "speakers": [{"id": "s1", "name": "Liv Lund"}],
        "categories": [{"id": 9, "name": "Track", "categoryItems": [{"id": 91, "name": "Web"}], "sort": 0}],
        "roomId": 5, "room": "Main hall", "status": "Accepted"}"#;
    let grid = format!(
        r#"[{{"date": "2024-10-05T00:00:00", "isDefault": true, "rooms": [{{"id": 6, "name": "Side room", "sessions": []}}, {{"id": 5, "name": "Main hall", "sessions": [{session}]}}], "timeSlots": []}}]"#
    );
    let groups = format!(
        r#"[{{"groupId": null, "groupName": "All", "sessions": [{session}, {session}], "isDefault": true}}]"#
    );
    for json in [grid, groups] {
        let loaded = load(json.as_bytes(), "view.json");
        assert_eq!(loaded.format, Format::Sessionize);
        let p = &loaded.programme;
        assert_eq!(p.sessions.len(), 1, "each session once");
        let s = &p.sessions[0];
        assert_eq!(when_where(p, s), "2024-10-05 10:00–10:30 Main hall");
        assert_eq!(speakers(s), [("Liv Lund", None)]);
        assert_eq!(themes(p, s), ["Web"]);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
    let speakers_view = r#"[{"id": "s1", "firstName": "Liv", "lastName": "Lund", "fullName": "Liv Lund", "sessions": []}]"#;
    let error = parse(speakers_view.as_bytes(), "speakers.json", None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.starts_with("speakers.json:1:1: "), "{error}");
    assert!(error.contains("list of speakers"), "{error}");
    assert!(error.contains("view/All"), "{error}");
}

#[test]
fn the_new_formats_can_be_forced_by_name() {
    assert_eq!("sessionize".parse::<Format>(), Ok(Format::Sessionize));
    assert_eq!("schedule-v2".parse::<Format>(), Ok(Format::ScheduleV2));
    let v2 = parse(V2, "x", Some(Format::ScheduleV2)).map(|l| l.format);
    assert_eq!(v2.ok(), Some(Format::ScheduleV2));
    let forced = parse(SESSIONIZE, "x", Some(Format::ScheduleV2));
    assert!(
        forced.is_err_and(|e| e.to_string().contains("no \"schedule\" object")),
        "a Sessionize file read as v2 says what it lacks"
    );
}

#[test]
fn check_names_both_formats_and_convert_writes_dagsorden_json() {
    for (file, format, sessions) in [
        ("tests/fixtures/sessionize-all.json", "Sessionize", 6),
        ("tests/fixtures/schedule-v2.json", "c3voc schedule v2", 5),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let check = |path: &str| {
            let output = common::dagsorden(dir.path())
                .args(["check", path])
                .output()
                .expect("run check");
            assert_eq!(output.status.code(), Some(0));
            String::from_utf8(output.stdout).expect("UTF-8")
        };
        let text = check(file);
        assert!(text.contains(&format!("format     {format}\n")), "{text}");
        assert!(text.contains(&format!("sessions   {sessions}")), "{text}");
        let out = dir.path().join("converted.json");
        let output = common::dagsorden(dir.path())
            .args(["convert", file, "-o", out.to_str().expect("path")])
            .output()
            .expect("run convert");
        assert_eq!(output.status.code(), Some(0));
        let text = check(out.to_str().expect("path"));
        assert!(
            text.contains("format     dagsorden programme JSON"),
            "{text}"
        );
        assert!(text.contains(&format!("sessions   {sessions}")), "{text}");
        let output = common::dagsorden(dir.path())
            .args(["export", file, "--all", "--ics"])
            .output()
            .expect("run export");
        assert_eq!(output.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&output.stdout).contains("BEGIN:VEVENT"));
    }
}

/// Seeds for the mutations: our files, and the real ones where they are.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![SESSIONIZE.to_vec(), V2.to_vec()];
    for name in [
        "sessionize-global-azure-austria-2023.json",
        "c3voc-schedule-v2-hub-example.json",
    ] {
        seeds.extend(shared_fixture(name).map(|b| b[..b.len().min(24 * 1024)].to_vec()));
    }
    seeds
}

/// Each reader of the two formats, and detection, gives a programme or an error, and whatever
/// it gives to be shown is free of control characters.
fn read_both_ways(bytes: &[u8]) {
    for format in [None, Some(Format::Sessionize), Some(Format::ScheduleV2)] {
        let shown = match parse(bytes, "case", format) {
            Ok(loaded) => {
                let p = &loaded.programme;
                let mut shown = vec![p.title.clone()];
                shown.extend(p.rooms.iter().cloned());
                shown.extend(p.themes.iter().map(|t| t.name.clone()));
                for s in &p.sessions {
                    shown.extend([s.id.clone(), s.title.clone(), s.kind.label().to_string()]);
                    shown.extend(s.subtitle.clone().into_iter().chain(s.language.clone()));
                    for speaker in &s.speakers {
                        shown.push(speaker.name.clone());
                        shown.extend(speaker.role.clone());
                    }
                    shown.extend(
                        s.links
                            .iter()
                            .flat_map(|l| [Some(l.url.clone()), l.title.clone()])
                            .flatten(),
                    );
                    if let Some(text) = s.description_text() {
                        shown.extend(text.lines().map(str::to_string));
                    }
                }
                shown.extend(loaded.warnings.iter().map(ToString::to_string));
                shown
            }
            Err(error) => vec![error.to_string()],
        };
        for text in shown {
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1500,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(19),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_mutation_of_either_format_panics(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"{}[]\",:0 \\\x1bnt".to_vec()), 0..3u8), 1..10),
    ) {
        let seeds = seeds();
        let mut bytes = seed.get(&seeds).clone();
        for (at, byte, how) in edits {
            let at = at.index(bytes.len() + 1);
            match how {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.drain(at..(at + 16).min(bytes.len())); }
            }
        }
        read_both_ways(&bytes);
    }

    #[test]
    fn no_cut_of_either_format_panics(seed in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>()) {
        let seeds = seeds();
        let bytes = seed.get(&seeds);
        read_both_ways(&bytes[..cut.index(bytes.len() + 1)]);
    }
}
