//! No input makes a reader panic: truncated, mutated and random bytes, derived from real files,
//! give a programme or an error, through every importer and the native loader.

mod common;

use std::sync::OnceLock;

use dagsorden::formats::{Format, Loaded, SHIPPED, parse};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngAlgorithm, RngSeed};

/// The seed of every run under CI.
const CI_SEED: u64 = 0x6461_6773_6f72_6465;

/// Under CI (`CI` set) every run draws the same cases, so a red run there is never luck;
/// elsewhere each run draws new ones (`PROPTEST_RNG_SEED` picks one). A case that ever failed is
/// kept in `no_panic.regressions` beside this file (committed) and tried first on every run.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig {
        cases: 3000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        rng_algorithm: RngAlgorithm::ChaCha,
        ..ProptestConfig::default()
    };
    if common::under_ci() && config.rng_seed == RngSeed::Random {
        config.rng_seed = RngSeed::Fixed(CI_SEED);
    }
    config
}

/// How much of each seed file the cases work on; real files start with all their structure.
const WINDOW: usize = 24 * 1024;

/// Seed files: the shipped programmes, our own quirk file, the committed real programmes and
/// those beside the project (see [`common::real_fixture`]).
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds: Vec<Vec<u8>> = SHIPPED
            .iter()
            .map(|(_, text)| text.as_bytes().to_vec())
            .collect();
        seeds.push(include_bytes!("fixtures/nordlys.ics").to_vec());
        seeds.push(include_bytes!("fixtures/sessionize-all.json").to_vec());
        seeds.push(include_bytes!("fixtures/schedule-v2.json").to_vec());
        for name in [
            "fosdem-2025.xml",
            "fosdem-2020.xml",
            "36c3-schedule.json",
            "camp2019-schedule.json",
            "sessionize-global-azure-austria-2023.json",
            "c3voc-schedule-v2-hub-example.json",
        ] {
            if let Some(path) = common::real_fixture(name) {
                let bytes = std::fs::read(path).expect("read fixture");
                seeds.push(bytes[..bytes.len().min(WINDOW)].to_vec());
            }
        }
        seeds
    })
}

/// Every reader, and detection, on the same bytes: each may refuse, none may panic, and nothing
/// any of them gives back to be shown holds a control character.
fn read_every_way(bytes: &[u8]) {
    let mut results = vec![parse(bytes, "case", None)];
    for format in Format::ALL {
        results.push(parse(bytes, "case", Some(format)));
    }
    for result in results {
        let shown = match result {
            Ok(loaded) => shown_text(&loaded),
            Err(error) => vec![error.to_string()],
        };
        for text in shown {
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }
}

/// The lines of a text kept as a block (paragraphs and line breaks kept), each shown on its own.
fn lines_of(block: Option<&str>) -> Vec<String> {
    block.map_or_else(Vec::new, |b| b.lines().map(str::to_string).collect())
}

/// Every text of a loaded programme that reaches a screen: one-line texts whole, blocks (every
/// description, and the programme's registration, streaming and press notes) each line on its
/// own.
fn shown_text(loaded: &Loaded) -> Vec<String> {
    let p = &loaded.programme;
    let mut out: Vec<String> = vec![p.title.clone()];
    let optional = [&p.subtitle, &p.organiser, &p.url];
    out.extend(optional.into_iter().flatten().cloned());
    for block in [&p.registration, &p.streaming, &p.press] {
        out.extend(lines_of(block.as_deref()));
    }
    let venue = [&p.venue.name, &p.venue.address, &p.venue.city];
    out.extend(venue.into_iter().flatten().cloned());
    out.extend(p.rooms.iter().cloned());
    for theme in &p.themes {
        out.push(theme.name.clone());
        out.extend(lines_of(theme.description.as_deref()));
    }
    for part in &p.parts {
        out.push(part.name.clone());
        out.extend(lines_of(part.description.as_deref()));
    }
    out.extend(p.days.iter().filter_map(|d| d.label.clone()));
    for person in p
        .hosts
        .iter()
        .chain(p.sessions.iter().flat_map(|s| &s.speakers))
    {
        out.push(person.name.clone());
        out.extend(person.role.clone());
    }
    for s in &p.sessions {
        out.extend([s.id.clone(), s.title.clone(), s.kind.label().to_string()]);
        let optional = [&s.subtitle, &s.time_note, &s.url, &s.language];
        out.extend(optional.into_iter().flatten().cloned());
        for link in &s.links {
            out.push(link.url.clone());
            out.extend(link.title.clone());
        }
        out.extend(lines_of(s.description_text().as_deref()));
    }
    out.extend(loaded.warnings.iter().map(ToString::to_string));
    out
}

#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to the formats more often than chance would pick them.
    let special = prop::sample::select(b"<>/\"{}[],:;=&#\\\r\n \t\x1b\xc3\xb8\xff0TZ".to_vec());
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<usize>(), special).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Flip(at, b) => {
                if let Some(x) = bytes.get_mut(at % len) {
                    *x = *b;
                }
            }
            Edit::Insert(at, new) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

/// Times at the ends of what dates can hold, in every format.
#[test]
fn dates_at_the_edges_of_time() {
    for (start, length) in [
        ("99991231T233000", "P1W"),
        ("00010101T000000", "PT1H"),
        ("99991231T235959Z", "P9999W"),
    ] {
        let ics = format!(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Europe/Oslo:{start}\nDURATION:{length}\nSUMMARY:s\nEND:VEVENT\nBEGIN:VEVENT\nUID:y\nDTSTART:{start}\nDTEND:00010101T000000\nSUMMARY:t\nEND:VEVENT\nEND:VCALENDAR\n"
        );
        read_every_way(ics.as_bytes());
    }
    for date in [
        "9999-12-31T23:59:00+14:00",
        "0001-01-01T00:00:00-12:00",
        "+262143-12-31T23:59:59Z",
    ] {
        let xml = format!(
            "<schedule><conference><time_zone_name>Pacific/Kiritimati</time_zone_name></conference><day date=\"0001-01-01\" start=\"{date}\"><room name=\"r\"><event id=\"1\"><date>{date}</date><duration>99999:00</duration><title>t</title></event></room></day></schedule>"
        );
        read_every_way(xml.as_bytes());
        let json = format!(
            "{{\"schedule\":{{\"conference\":{{\"days\":[{{\"date\":\"9999-12-31\",\"day_start\":\"{date}\",\"rooms\":{{\"r\":[{{\"date\":\"{date}\",\"start\":\"23:59\",\"duration\":\"1:02:30:00\",\"title\":\"t\"}}]}}}}]}}}}}}"
        );
        read_every_way(json.as_bytes());
    }
}

/// Once failed, a mutated KS 2021 programme (`cc 84c42fee…` in `no_panic.regressions`): a byte
/// turned into `\` made a theme description hold a line break, and the test took that block,
/// shown line by line, for a one-line text.
#[test]
fn a_theme_description_with_a_line_break() {
    let (_, ks) = SHIPPED
        .iter()
        .find(|(name, _)| *name == "ks-toppmote-2021")
        .expect("shipped");
    let at = ks.find("utfordringene finnes").expect("the description") + "utfordring".len();
    let bytes = apply(ks.as_bytes().to_vec(), &[Edit::Flip(at, b'\\')]);
    let loaded = parse(&bytes, "case", None).expect("still a programme");
    assert!(
        loaded
            .programme
            .themes
            .iter()
            .any(|t| t.description.as_deref().is_some_and(|d| d.contains('\n'))),
        "the case is a theme description with a line break"
    );
    read_every_way(&bytes);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn truncated_files(seed in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>()) {
        let bytes = seed.get(seeds());
        read_every_way(&bytes[..cut.index(bytes.len() + 1)]);
    }

    #[test]
    fn mutated_files(seed in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..12)) {
        read_every_way(&apply(seed.get(seeds()).clone(), &edits));
    }

    #[test]
    fn random_bytes_behind_each_format_opening(
        opening in prop::sample::select(vec![&b""[..], b"<schedule>", b"BEGIN:VCALENDAR\r\n", b"{\"schedule\":", b"{\"schedule\":{\"events\":", b"{\"sessions\":", b"[{\"groupId\":", b"{\"id\":\"x\",\"title\":\"t\",\"days\":"]),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut bytes = opening.to_vec();
        bytes.extend(tail);
        read_every_way(&bytes);
    }
}
