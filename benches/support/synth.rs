//! Big programmes made from real ones, for benchmarks: the days of real conferences repeated
//! with shifted dates and fresh session keys until there are as many sessions as asked for.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use dagsorden::formats::Source;
use dagsorden::model::{Day, Programme, Theme};

/// The real programmes: the committed ones (`tests/fixtures/real`) and those beside the project
/// (`../shared/fixtures/real`) that are there.
pub fn real_programmes() -> Vec<Programme> {
    [
        "fosdem-2025.xml",
        "fosdem-2020.xml",
        "36c3-schedule.json",
        "camp2019-schedule.json",
    ]
    .iter()
    .filter_map(|name| {
        let path = fixture(name)?;
        Source::File(path).load(None).ok().map(|l| l.programme)
    })
    .collect()
}

/// A real fixture's path, if it is there: the committed copy first, then the one beside the
/// project.
pub fn fixture(name: &str) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["tests/fixtures/real", "../shared/fixtures/real"]
        .iter()
        .map(|dir| manifest.join(dir).join(name))
        .find(|path| path.is_file())
}

/// A programme of `count` sessions copied, day by day, from `sources`.
pub fn synth(sources: &[Programme], count: usize) -> Programme {
    let mut out = Programme {
        id: format!("synthetic-{count}"),
        title: format!("Synthetic programme of {count} sessions"),
        time_zone: Some(chrono_tz::Europe::Brussels),
        ..Programme::default()
    };
    let first_date = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
    let days = sources
        .iter()
        .flat_map(|p| (0..p.days.len()).map(move |d| (p, d)))
        .collect::<Vec<_>>();
    if days.is_empty() {
        return out;
    }
    let mut copy = 0;
    while out.sessions.len() < count {
        let (source, day) = days[copy % days.len()];
        let index = out.days.len();
        out.days.push(Day {
            date: first_date.checked_add_signed(Duration::days(i64::try_from(copy).unwrap_or(0))),
            label: None,
            opens: None,
            closes: None,
            sessions: 0..0,
        });
        for s in source.day_sessions(day) {
            if out.sessions.len() == count {
                break;
            }
            let mut s = s.clone();
            s.id = format!("{}#{copy}", s.id);
            s.day = index;
            s.utc_offset = None;
            s.room = source.room_name(&s).map(|r| intern(&mut out.rooms, r));
            s.themes = s
                .themes
                .iter()
                .map(|&t| theme(&mut out.themes, &source.themes[t].name))
                .collect();
            s.part = None;
            out.sessions.push(s);
        }
        copy += 1;
    }
    out.arrange();
    out
}

fn intern(names: &mut Vec<String>, name: &str) -> usize {
    names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    })
}

fn theme(themes: &mut Vec<Theme>, name: &str) -> usize {
    themes
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| {
            themes.push(Theme {
                id: name.to_string(),
                name: name.to_string(),
                description: None,
            });
            themes.len() - 1
        })
}
