//! `dagsorden check FILE`: what a programme file holds, and what had to be skipped to read it.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::formats::Loaded;
use crate::model::{Programme, utc_offset_name};

/// The summary `check` prints, one fact a line.
pub fn summary(origin: &str, loaded: &Loaded) -> String {
    let p = &loaded.programme;
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(out, "{label:<11}{value}");
    };
    line("file", origin);
    line("format", loaded.format.description());
    line("title", &p.title);
    line("id", &p.id);
    line("time zone", &zone(p));
    line("days", &days(p));
    line("rooms", &p.rooms.len().to_string());
    line("themes", &p.themes.len().to_string());
    line("sessions", &sessions(p));
    line("speakers", &speaker_count(p).to_string());
    line("warnings", &loaded.warnings.len().to_string());
    for warning in &loaded.warnings {
        let _ = writeln!(out, "  {warning}");
    }
    out
}

fn zone(p: &Programme) -> String {
    if let Some(zone) = p.time_zone {
        return zone.name().to_string();
    }
    let offsets: BTreeSet<i32> = p
        .sessions
        .iter()
        .filter_map(|s| s.utc_offset.map(|o| o.local_minus_utc()))
        .collect();
    if offsets.is_empty() {
        "none (local times as written)".into()
    } else {
        let names: Vec<String> = offsets.iter().map(|&o| utc_offset_name(o)).collect();
        format!("none (offsets {})", names.join(", "))
    }
}

fn days(p: &Programme) -> String {
    // A long programme lists its first days only.
    const LISTED: usize = 12;
    let mut each: Vec<String> = p
        .days
        .iter()
        .take(LISTED)
        .enumerate()
        .map(|(i, day)| {
            let name = day
                .date
                .map_or_else(|| format!("day {}", i + 1), |d| d.to_string());
            format!("{name}: {}", day.sessions.len())
        })
        .collect();
    if p.days.len() > LISTED {
        each.push(format!("… {} more", p.days.len() - LISTED));
    }
    if each.is_empty() {
        "0".into()
    } else {
        format!("{} ({})", p.days.len(), each.join(", "))
    }
}

fn sessions(p: &Programme) -> String {
    let untimed = p.sessions.iter().filter(|s| s.start.is_none()).count();
    if untimed == 0 {
        p.sessions.len().to_string()
    } else {
        format!("{} ({untimed} without a time)", p.sessions.len())
    }
}

fn speaker_count(p: &Programme) -> usize {
    p.sessions
        .iter()
        .flat_map(|s| &s.speakers)
        .map(|s| s.name.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}
