//! `dagsorden check FILE`: what a programme file holds, and what had to be skipped to read it.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::formats::Loaded;
use crate::model::{Programme, Timeline, ZoneSource, utc_offset_name};
use crate::tr;

/// The summary `check` prints, one fact a line; `timeline` says which clock times are on.
pub(crate) fn summary(origin: &str, loaded: &Loaded, timeline: &Timeline) -> String {
    let p = &loaded.programme;
    let facts = [
        (tr!("check.file"), origin.to_string()),
        (tr!("check.format"), loaded.format.description().to_string()),
        (tr!("check.title"), p.title.clone()),
        (tr!("check.id"), p.id.clone()),
        (tr!("check.time_zone"), clock(p, timeline)),
        (tr!("check.days"), days(p)),
        (tr!("check.rooms"), p.rooms.len().to_string()),
        (tr!("check.themes"), p.themes.len().to_string()),
        (tr!("check.sessions"), sessions(p)),
        (tr!("check.speakers"), speaker_count(p).to_string()),
        (tr!("check.warnings"), loaded.warnings.len().to_string()),
    ];
    let mut out = super::table(&facts);
    for warning in &loaded.warnings {
        let _ = writeln!(out, "  {warning}");
    }
    out
}

/// Which clock the times are on, and why.
fn clock(p: &Programme, timeline: &Timeline) -> String {
    let zone = timeline.venue.name();
    match timeline.source {
        ZoneSource::File | ZoneSource::FileOffsets => in_file(p),
        ZoneSource::Given => tr!("check.zone_given", zone = zone, file = in_file(p)),
        ZoneSource::Remembered => tr!("check.zone_remembered", zone = zone, file = in_file(p)),
        ZoneSource::NoneInFile => tr!("check.zone_floating", zone = zone),
        ZoneSource::UtcOnly => tr!("check.zone_utc_only", zone = zone),
    }
}

/// The zone or the offsets the file gives.
fn in_file(p: &Programme) -> String {
    if let Some(zone) = p.time_zone {
        return zone.name().to_string();
    }
    let offsets: BTreeSet<i32> = p
        .sessions
        .iter()
        .filter_map(|s| s.utc_offset.map(|o| o.local_minus_utc()))
        .collect();
    if offsets.is_empty() {
        tr!("check.no_zone").into()
    } else {
        let names: Vec<String> = offsets.iter().map(|&o| utc_offset_name(o)).collect();
        tr!("check.offsets", offsets = names.join(", "))
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
                .map_or_else(|| tr!("check.day_number", n = i + 1), |d| d.to_string());
            format!("{name}: {}", day.sessions.len())
        })
        .collect();
    if p.days.len() > LISTED {
        each.push(tr!("check.more", n = p.days.len() - LISTED));
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
        tr!("check.untimed", n = p.sessions.len(), untimed = untimed)
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
