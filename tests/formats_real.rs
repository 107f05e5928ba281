//! Real programmes from other conferences open with the file's own counts and times.

mod common;

use common::{by_title, load_file, one, real, real_fixture, when_where};
use dagsorden::formats::{Format, Loaded};
use dagsorden::model::{DayTime, Programme, Session};

/// A committed real programme, loaded.
fn committed(name: &str) -> Loaded {
    load_file(&real(name))
}

/// A real programme beside the project, loaded (`None`: skipped, outside CI only).
fn shared(name: &str) -> Option<Loaded> {
    real_fixture(name).map(|path| load_file(&path))
}

/// The committed real programmes, and those beside the project that are there.
fn every_real_programme() -> Vec<(&'static str, Loaded)> {
    let mut all: Vec<(&str, Loaded)> = COMMITTED.iter().map(|&n| (n, committed(n))).collect();
    all.extend(
        SHARED
            .iter()
            .filter_map(|&name| Some((name, shared(name)?))),
    );
    all
}

const COMMITTED: [&str; 2] = ["fosdem-2025.xml", "camp2019-schedule.json"];
const SHARED: [&str; 2] = ["fosdem-2020.xml", "36c3-schedule.json"];

fn speakers(s: &Session) -> Vec<&str> {
    s.speakers.iter().map(|x| x.name.as_str()).collect()
}

fn counts(loaded: &Loaded) -> (usize, usize, usize, usize) {
    let p = &loaded.programme;
    (
        p.sessions.len(),
        p.days.len(),
        p.rooms.len(),
        p.themes.len(),
    )
}

#[test]
fn fosdem_2025() {
    let loaded = committed("fosdem-2025.xml");
    assert_eq!(loaded.format, Format::FrabXml);
    assert_eq!(counts(&loaded), (943, 2, 29, 74));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let p = &loaded.programme;
    assert_eq!(
        (p.title.as_str(), p.id.as_str()),
        ("FOSDEM 2025", "fosdem-2025")
    );
    assert_eq!(p.time_zone, Some(chrono_tz::Europe::Brussels));
    let day_sizes: Vec<usize> = p.days.iter().map(|d| d.sessions.len()).collect();
    assert_eq!(day_sizes, [470, 473]);
    let s = one(p, "A New Approach to Callee-Saved Registers in LLVM");
    assert_eq!(s.id, "852280ac-61d3-588c-b74c-8d87f9d9d2c6");
    assert_eq!(when_where(p, s), "2025-02-01 10:35–11:00 K.3.201");
    assert_eq!(speakers(s), ["Mikhail Gudim"]);
    assert_eq!(p.themes[s.themes[0]].name, "LLVM");
    let text = s.description_text().unwrap_or_default();
    assert!(text.starts_with("Currently LLVM saves and restores callee-saved registers during prologue-epilogue insertion pass."), "{text}");
    assert!(
        !text.contains("<p>") && !text.contains('\n'),
        "one plain paragraph: {text}"
    );
    assert_eq!(
        s.url.as_deref(),
        Some(
            "https://fosdem.org/2025/schedule/event/fosdem-2025-6210-a-new-approach-to-callee-saved-registers-in-llvm/"
        )
    );
}

#[test]
fn fosdem_2020_old_pentabarf_without_zone_or_guid() {
    let Some(loaded) = shared("fosdem-2020.xml") else {
        return;
    };
    assert_eq!(counts(&loaded), (872, 2, 35, 71));
    let p = &loaded.programme;
    assert_eq!(p.time_zone, None);
    let s = one(p, "Welcome to FOSDEM 2020");
    assert_eq!(s.id, "9025", "without a guid, the event id keys the star");
    assert_eq!(when_where(p, s), "2020-02-01 09:30–09:55 Janson");
    assert_eq!(s.utc_offset, None, "floating local time");
    assert_eq!(speakers(s), ["FOSDEM Staff"]);
    assert_eq!(
        s.description_text().as_deref(),
        Some("FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2020!")
    );
    let links: Vec<&str> = s.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        links[0],
        "https://video.fosdem.org/2020/Janson/keynotes_welcome.webm"
    );
    assert_eq!(
        s.links[0].title.as_deref(),
        Some("Video recording (WebM/VP9)")
    );
    let workshops = by_title(p, "Open Source Hardware and Soldering Workshop");
    let times: Vec<String> = workshops.iter().map(|s| when_where(p, s)).collect();
    assert_eq!(
        times,
        [
            "2020-02-01 10:30–19:00 UB4.228",
            "2020-02-02 10:00–17:00 UB4.228"
        ]
    );
}

#[test]
fn ccc_36c3_schedule_json_with_offsets_and_late_nights() {
    let Some(loaded) = shared("36c3-schedule.json") else {
        return;
    };
    assert_eq!(loaded.format, Format::ScheduleJson);
    assert_eq!(counts(&loaded), (161, 4, 5, 8));
    let p = &loaded.programme;
    assert_eq!(p.time_zone, None);
    let rooms: Vec<&str> = p.rooms.iter().map(String::as_str).collect();
    assert_eq!(rooms, ["Ada", "Borg", "Clarke", "Dijkstra", "Eliza"]);
    let opening = one(p, "Opening Ceremony");
    assert_eq!(when_where(p, opening), "2019-12-27 11:00–11:30 Ada");
    assert_eq!(opening.utc_offset.map(|o| o.local_minus_utc()), Some(3600));
    assert_eq!(speakers(opening), ["bleeptrack", "blinry"]);
    assert_eq!(opening.description_text().as_deref(), Some("Welcome!"));
    assert_eq!(opening.id, "6a32cb72-a69d-423c-91b5-60d88eb8e6c7");
    let jeopardy = one(p, "Hacker Jeopardy");
    assert_eq!(
        when_where(p, jeopardy),
        "2019-12-27 00:50–02:50 Ada",
        "after midnight stays on its day"
    );
    assert_eq!(jeopardy.start.map(DayTime::minutes), Some(24 * 60 + 50));
    assert_eq!(
        p.days[0].opens.map(|t| t.to_string()).as_deref(),
        Some("11:00")
    );
    assert_eq!(p.days[0].closes.map(DayTime::minutes), Some(28 * 60));
}

#[test]
fn camp_2019_schedule_json_with_a_zone() {
    let loaded = committed("camp2019-schedule.json");
    assert_eq!(counts(&loaded), (79, 5, 2, 7));
    let p = &loaded.programme;
    assert_eq!(p.time_zone, Some(chrono_tz::Europe::Berlin));
    let s = one(p, "20 Jahre Camp");
    assert_eq!(when_where(p, s), "2019-08-21 22:00–23:30 Curie");
    assert_eq!(
        speakers(s),
        ["Markus Ossevorth", "Marc-André Janizewski", "Tim Pritlove"]
    );
    let math = one(p, "Math Protected Social Interactions");
    let text = math.description_text().unwrap_or_default();
    assert!(
        text.starts_with(
            "We have learned that Math might be our last defence line against\na real"
        ),
        "{text:?}"
    );
    assert!(!text.contains('\r'));
}

#[test]
fn every_real_programme_gives_every_session_a_distinct_key() {
    for (name, loaded) in every_real_programme() {
        let mut keys: Vec<&str> = loaded
            .programme
            .sessions
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let total = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), total, "{name}");
        assert!(keys.iter().all(|k| !k.is_empty()), "{name}");
    }
}

/// What a person sees of a session: everything but the internal indexes.
fn seen(p: &Programme, s: &Session) -> String {
    let themes: Vec<&str> = s
        .themes
        .iter()
        .map(|&t| p.themes[t].name.as_str())
        .collect();
    format!(
        "{} | {:?} {:?} {:?} | {:?} | {:?} | {themes:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
        s.id,
        p.days[s.day].date,
        s.start,
        s.end,
        s.title,
        p.room_name(s),
        s.speakers,
        s.description_text(),
        s.url,
        s.links,
        s.utc_offset
    )
}

#[test]
fn every_real_programme_survives_being_written_as_dagsorden_json() {
    for (name, loaded) in every_real_programme() {
        let original = loaded.programme;
        let json = dagsorden::formats::native_write::write(&original);
        let again = dagsorden::formats::native::parse(json.as_bytes(), name)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.sessions.len(), original.sessions.len(), "{name}");
        assert_eq!(again.time_zone, original.time_zone, "{name}");
        for (a, b) in original.sessions.iter().zip(&again.sessions) {
            assert_eq!(seen(&original, a), seen(&again, b), "{name}");
        }
    }
}
