//! What is on now and next, where starred sessions clash, and the day as a plan with its free
//! gaps. Pure functions of the programme, its [`Timeline`] and a moment; no terminal.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::model::{Programme, Span, Timeline};

/// Before this hour, the clock still counts as the programme day before (a late night).
const NEW_DAY_HOUR: u32 = 5;

/// The programme day the moment falls in: the one with its date at the venue, or the evening
/// before in the small hours.
pub(crate) fn day_of(
    programme: &Programme,
    timeline: &Timeline,
    now: DateTime<Utc>,
) -> Option<usize> {
    let wall = timeline.venue.wall(now);
    let on = |date| programme.days.iter().position(|d| d.date == Some(date));
    let today = on(wall.date());
    if wall.hour() < NEW_DAY_HOUR {
        wall.date().pred_opt().and_then(on).or(today)
    } else {
        today
    }
}

/// The date the programme counts as today at `now`: the venue's date, or the day before in the
/// small hours.
fn programme_date(timeline: &Timeline, now: DateTime<Utc>) -> NaiveDate {
    let wall = timeline.venue.wall(now);
    let date = wall.date();
    if wall.hour() < NEW_DAY_HOUR {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

/// Whether a session is over at `now`: its end has passed or, for one without a time, its day
/// has (a day without a date is never over).
pub(crate) fn is_over(
    programme: &Programme,
    timeline: &Timeline,
    session: usize,
    now: DateTime<Utc>,
) -> bool {
    match timeline.span(session) {
        Some(span) => span.is_past(now),
        None => programme.days[programme.sessions[session].day]
            .date
            .is_some_and(|date| date < programme_date(timeline, now)),
    }
}

/// The sessions of `day` that `keep` admits and that have no time, in programme order.
fn untimed_of(
    programme: &Programme,
    timeline: &Timeline,
    day: usize,
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    programme.days[day]
        .sessions
        .clone()
        .filter(|&i| timeline.span(i).is_none() && keep(i))
        .collect()
}

/// The sessions of today (the programme day `now` falls in) whose time is not announced: they
/// may be on now, and the clock cannot tell.
pub(crate) fn untimed_today(
    programme: &Programme,
    timeline: &Timeline,
    now: DateTime<Utc>,
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    day_of(programme, timeline, now)
        .map_or_else(Vec::new, |day| untimed_of(programme, timeline, day, keep))
}

/// The first day after today with sessions (that `keep` admits) whose time is not announced,
/// and those sessions: what comes next when the programme gives dates and no times.
pub(crate) fn untimed_next_day(
    programme: &Programme,
    timeline: &Timeline,
    now: DateTime<Utc>,
    keep: impl Fn(usize) -> bool,
) -> Option<(usize, Vec<usize>)> {
    let today = programme_date(timeline, now);
    programme
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| d.date.is_some_and(|date| date > today))
        .map(|(day, _)| (day, untimed_of(programme, timeline, day, &keep)))
        .find(|(_, sessions)| !sessions.is_empty())
}

/// Sessions on at `now`, those ending soonest first.
pub(crate) fn on_now(timeline: &Timeline, now: DateTime<Utc>) -> Vec<usize> {
    let mut on: Vec<(Span, usize)> = timeline
        .spans()
        .iter()
        .enumerate()
        .filter_map(|(i, span)| span.filter(|s| s.is_on(now)).map(|s| (s, i)))
        .collect();
    on.sort_by_key(|(span, i)| (span.end, span.start, *i));
    on.into_iter().map(|(_, i)| i).collect()
}

/// For each room (or, without rooms, each part), the next of the sessions `keep` admits to
/// start after `now` — every one starting at that moment, as a merged programme can have
/// several at once in one room; in order of start. Sessions with no room and no part count as
/// one place.
pub(crate) fn next_by_place(
    programme: &Programme,
    timeline: &Timeline,
    now: DateTime<Utc>,
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    // A place is a room, or a part for sessions without a room.
    type Place = (Option<usize>, Option<usize>);
    let mut first: HashMap<Place, (DateTime<Utc>, Vec<usize>)> = HashMap::new();
    for (i, span) in timeline.spans().iter().enumerate() {
        let Some(span) = span.filter(|s| s.start > now && keep(i)) else {
            continue;
        };
        let session = &programme.sessions[i];
        let place = (
            session.room,
            session.room.is_none().then_some(session.part).flatten(),
        );
        let best = first.entry(place).or_insert((span.start, Vec::new()));
        if span.start < best.0 {
            *best = (span.start, Vec::new());
        }
        if span.start == best.0 {
            best.1.push(i);
        }
    }
    let mut next: Vec<(DateTime<Utc>, usize)> = first
        .into_values()
        .flat_map(|(start, sessions)| sessions.into_iter().map(move |i| (start, i)))
        .collect();
    next.sort_unstable();
    next.into_iter().map(|(_, i)| i).collect()
}

/// The next of `sessions` to start after `now`, and any starting at the same moment.
pub(crate) fn next_of(
    timeline: &Timeline,
    sessions: impl IntoIterator<Item = usize>,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let upcoming: Vec<(DateTime<Utc>, usize)> = sessions
        .into_iter()
        .filter_map(|i| {
            timeline
                .span(i)
                .filter(|s| s.start > now)
                .map(|s| (s.start, i))
        })
        .collect();
    let Some(first) = upcoming.iter().map(|(start, _)| *start).min() else {
        return Vec::new();
    };
    let mut next: Vec<usize> = upcoming
        .into_iter()
        .filter(|(start, _)| *start == first)
        .map(|(_, i)| i)
        .collect();
    next.sort_unstable();
    next
}

/// The starred session that matters most at a moment: the one on now, else the next to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StarredNow {
    /// On now, with the minutes it has left.
    On { session: usize, minutes_left: i64 },
    /// Nothing starred is on; this one starts next, in this many minutes.
    Next { session: usize, starts_in: i64 },
}

/// Of the `starred` sessions, the one on at `now` (a must before a maybe; of those, the one
/// ending soonest), else the next to start (the first of `starred` when several start at
/// once); `None` when none is on or to come.
pub(crate) fn starred_now(
    timeline: &Timeline,
    starred: &[usize],
    is_must: impl Fn(usize) -> bool,
    now: DateTime<Utc>,
) -> Option<StarredNow> {
    let on = starred
        .iter()
        .filter_map(|&i| timeline.span(i).filter(|s| s.is_on(now)).map(|s| (i, s)))
        .min_by_key(|&(i, span)| (!is_must(i), span.end));
    if let Some((session, span)) = on {
        return Some(StarredNow::On {
            session,
            minutes_left: span.minutes_left(now),
        });
    }
    let session = *next_of(timeline, starred.iter().copied(), now).first()?;
    let span = timeline.span(session)?;
    Some(StarredNow::Next {
        session,
        starts_in: (span.start - now).num_minutes(),
    })
}

/// For each of `sessions` that overlaps another of them, the ones it overlaps.
pub(crate) fn clashes(timeline: &Timeline, sessions: &[usize]) -> HashMap<usize, Vec<usize>> {
    let mut timed: Vec<(Span, usize)> = sessions
        .iter()
        .filter_map(|&i| timeline.span(i).map(|s| (s, i)))
        .collect();
    timed.sort_by_key(|(span, i)| (span.start, *i));
    let mut clashes: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, (span, i)) in timed.iter().enumerate() {
        // Sorted by start: only later sessions that start before this one ends can overlap.
        let later = timed[n + 1..].iter();
        for (other, j) in later.take_while(|(o, _)| o.start < span.busy_until()) {
            if span.overlaps(other) {
                clashes.entry(*i).or_default().push(*j);
                clashes.entry(*j).or_default().push(*i);
            }
        }
    }
    clashes
}

/// The sessions of the same day that overlap `session` (the alternatives in its slot), in order.
pub(crate) fn overlapping(
    programme: &Programme,
    timeline: &Timeline,
    session: usize,
) -> Vec<usize> {
    let Some(span) = timeline.span(session) else {
        return Vec::new();
    };
    let day = programme.sessions[session].day;
    programme.days[day]
        .sessions
        .clone()
        .filter(|&i| i != session)
        .filter(|&i| timeline.span(i).is_some_and(|other| other.overlaps(&span)))
        .collect()
}

/// One row of a day's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanRow {
    /// The start of a programme day.
    Day(usize),
    Session(usize),
    /// Free time between two planned sessions.
    Gap {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    /// What follows has no announced time.
    Untimed,
}

/// Shortest free time worth showing between two planned sessions.
const SHORTEST_GAP_MINUTES: i64 = 5;

/// The planned sessions of each day in order, with the free gaps between them, and those
/// without a time after them. `sessions` need not be sorted.
pub(crate) fn plan(programme: &Programme, timeline: &Timeline, sessions: &[usize]) -> Vec<PlanRow> {
    let mut sorted = sessions.to_vec();
    // The programme keeps each day in time order, untimed last: index order is plan order.
    sorted.sort_unstable();
    sorted.dedup();
    let mut rows = Vec::new();
    for (day, _) in programme.days.iter().enumerate() {
        let of_day: Vec<usize> = sorted
            .iter()
            .copied()
            .filter(|&i| programme.sessions[i].day == day)
            .collect();
        if of_day.is_empty() {
            continue;
        }
        rows.push(PlanRow::Day(day));
        rows.extend(day_plan(timeline, &of_day));
    }
    rows
}

fn day_plan(timeline: &Timeline, sessions: &[usize]) -> Vec<PlanRow> {
    let mut rows = Vec::new();
    let mut busy_until: Option<DateTime<Utc>> = None;
    let mut untimed = Vec::new();
    for &i in sessions {
        let Some(span) = timeline.span(i) else {
            untimed.push(i);
            continue;
        };
        if let Some(until) = busy_until
            && (span.start - until).num_minutes() >= SHORTEST_GAP_MINUTES
        {
            rows.push(PlanRow::Gap {
                from: until,
                to: span.start,
            });
        }
        busy_until = Some(busy_until.map_or(span.end, |u| u.max(span.end)));
        rows.push(PlanRow::Session(i));
    }
    if !untimed.is_empty() {
        if !rows.is_empty() {
            rows.push(PlanRow::Untimed);
        }
        rows.extend(untimed.into_iter().map(PlanRow::Session));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, DayTime, Session, Zone};
    use chrono::NaiveDate;
    use rstest::rstest;

    /// A one-day programme in Oslo on 13 Feb 2024: `(id, start, end, room)`.
    fn programme(sessions: &[(&str, Option<&str>, Option<&str>, &str)]) -> (Programme, Timeline) {
        let mut p = Programme {
            time_zone: Some(chrono_tz::Europe::Oslo),
            rooms: vec!["Nidaros".into(), "Olavshallen".into()],
            days: vec![Day {
                date: NaiveDate::from_ymd_opt(2024, 2, 13),
                label: None,
                opens: None,
                closes: None,
                sessions: 0..0,
            }],
            sessions: sessions
                .iter()
                .map(|(id, start, end, room)| Session {
                    id: (*id).into(),
                    title: (*id).into(),
                    start: start.and_then(DayTime::parse),
                    end: end.and_then(DayTime::parse),
                    room: Some(usize::from(*room == "Olavshallen")),
                    ..Session::default()
                })
                .collect(),
            ..Programme::default()
        };
        p.arrange();
        let timeline = Timeline::new(&p, Zone::Iana(chrono_tz::Europe::Oslo), None);
        (p, timeline)
    }

    fn at(hm: &str) -> DateTime<Utc> {
        let wall = NaiveDate::from_ymd_opt(2024, 2, 13)
            .expect("date")
            .and_time(chrono::NaiveTime::parse_from_str(hm, "%H:%M").expect("time"));
        Zone::Iana(chrono_tz::Europe::Oslo).moment(wall)
    }

    fn ids(p: &Programme, sessions: &[usize]) -> Vec<String> {
        sessions.iter().map(|&i| p.sessions[i].id.clone()).collect()
    }

    const DAY: &[(&str, Option<&str>, Option<&str>, &str)] = &[
        ("opening", Some("09:00"), Some("09:30"), "Nidaros"),
        ("climate", Some("09:30"), Some("10:30"), "Nidaros"),
        ("health", Some("10:00"), Some("11:00"), "Olavshallen"),
        ("zero", Some("10:15"), Some("10:15"), "Olavshallen"),
        ("long", Some("09:00"), Some("21:00"), "Olavshallen"),
        ("late", Some("23:30"), Some("25:00"), "Nidaros"),
        ("untimed", None, None, "Nidaros"),
    ];

    #[rstest]
    #[case("08:59", &[])]
    #[case("09:00", &["opening", "long"])]
    #[case("10:15", &["climate", "health", "long"])]
    #[case("10:30", &["health", "long"])]
    #[case("23:59", &["late"])]
    fn what_is_on(#[case] now: &str, #[case] expected: &[&str]) {
        let (p, timeline) = programme(DAY);
        assert_eq!(ids(&p, &on_now(&timeline, at(now))), expected);
    }

    fn index(p: &Programme, id: &str) -> usize {
        p.sessions.iter().position(|s| s.id == id).expect("session")
    }

    #[test]
    fn the_starred_session_on_now_is_a_must_before_a_maybe_then_the_one_ending_soonest() {
        let (p, timeline) = programme(DAY);
        let starred = [index(&p, "climate"), index(&p, "health"), index(&p, "long")];
        let long = index(&p, "long");
        let health = index(&p, "health");
        // All three on at 10:15; only "long" and "health" are musts: "health" ends first.
        let must = |i: usize| i == long || i == health;
        assert_eq!(
            starred_now(&timeline, &starred, must, at("10:15")),
            Some(StarredNow::On {
                session: health,
                minutes_left: 45
            })
        );
        // No must: the one ending soonest.
        assert_eq!(
            starred_now(&timeline, &starred, |_| false, at("10:15")),
            Some(StarredNow::On {
                session: index(&p, "climate"),
                minutes_left: 15
            })
        );
    }

    #[test]
    fn without_a_starred_session_on_the_next_to_start_is_told_and_then_nothing() {
        let (p, timeline) = programme(DAY);
        let starred = [index(&p, "health"), index(&p, "late"), index(&p, "untimed")];
        assert_eq!(
            starred_now(&timeline, &starred, |_| true, at("09:40")),
            Some(StarredNow::Next {
                session: index(&p, "health"),
                starts_in: 20
            })
        );
        assert_eq!(
            starred_now(&timeline, &starred, |_| true, at("12:00")),
            Some(StarredNow::Next {
                session: index(&p, "late"),
                starts_in: 690
            })
        );
        let late = index(&p, "late");
        assert!(matches!(
            starred_now(&timeline, &starred, |_| true, at("23:59")),
            Some(StarredNow::On { session, .. }) if session == late
        ));
        assert_eq!(starred_now(&timeline, &[], |_| true, at("10:00")), None);
        let untimed = [index(&p, "untimed")];
        assert_eq!(
            starred_now(&timeline, &untimed, |_| true, at("08:00")),
            None
        );
    }

    #[test]
    fn next_per_room() {
        let (p, timeline) = programme(DAY);
        assert_eq!(
            ids(&p, &next_by_place(&p, &timeline, at("09:10"), |_| true)),
            ["climate", "health"]
        );
        assert_eq!(
            ids(&p, &next_by_place(&p, &timeline, at("12:00"), |_| true)),
            ["late"]
        );
        assert!(next_by_place(&p, &timeline, at("23:45"), |_| true).is_empty());
    }

    #[test]
    fn next_per_room_shows_every_session_starting_together() {
        let mut merged = DAY.to_vec();
        merged.push(("also-climate", Some("09:30"), Some("10:00"), "Nidaros"));
        let (p, timeline) = programme(&merged);
        assert_eq!(
            ids(&p, &next_by_place(&p, &timeline, at("09:10"), |_| true)),
            ["also-climate", "climate", "health"],
            "both starting in Nidaros at 09:30, in programme order"
        );
    }

    #[test]
    fn the_next_of_some_sessions() {
        let (p, timeline) = programme(DAY);
        let index = |id: &str| p.session_index(id).expect("id");
        let mine = [index("opening"), index("health"), index("late")];
        assert_eq!(ids(&p, &next_of(&timeline, mine, at("09:10"))), ["health"]);
        assert!(next_of(&timeline, mine, at("23:31")).is_empty());
    }

    #[test]
    fn clashes_between_planned_sessions() {
        let (p, timeline) = programme(DAY);
        let index = |id: &str| p.session_index(id).expect("id");
        let planned = [
            index("opening"),
            index("climate"),
            index("health"),
            index("zero"),
        ];
        let found = clashes(&timeline, &planned);
        let of = |id: &str| {
            let mut v = ids(&p, found.get(&index(id)).map_or(&[][..], Vec::as_slice));
            v.sort();
            v
        };
        assert!(of("opening").is_empty(), "back to back is no clash");
        assert_eq!(of("climate"), ["health", "zero"]);
        assert_eq!(of("health"), ["climate", "zero"]);
        assert_eq!(
            of("zero"),
            ["climate", "health"],
            "a session of no length clashes at its minute"
        );
    }

    #[test]
    fn alternatives_in_the_same_slot() {
        let (p, timeline) = programme(DAY);
        let climate = p.session_index("climate").expect("id");
        assert_eq!(
            ids(&p, &overlapping(&p, &timeline, climate)),
            ["long", "health", "zero"]
        );
        let untimed = p.session_index("untimed").expect("id");
        assert!(
            overlapping(&p, &timeline, untimed).is_empty(),
            "never guessed into a slot"
        );
    }

    #[test]
    fn a_plan_shows_gaps_and_keeps_untimed_apart() {
        let (p, timeline) = programme(DAY);
        let index = |id: &str| p.session_index(id).expect("id");
        let planned = [
            index("late"),
            index("untimed"),
            index("opening"),
            index("health"),
        ];
        let rows = plan(&p, &timeline, &planned);
        assert_eq!(
            rows,
            [
                PlanRow::Day(0),
                PlanRow::Session(index("opening")),
                PlanRow::Gap {
                    from: at("09:30"),
                    to: at("10:00")
                },
                PlanRow::Session(index("health")),
                PlanRow::Gap {
                    from: at("11:00"),
                    to: at("23:30")
                },
                PlanRow::Session(index("late")),
                PlanRow::Untimed,
                PlanRow::Session(index("untimed")),
            ]
        );
    }

    /// A three-day programme in Oslo, 12–14 Feb 2024, with dates and no times (as KS gives).
    fn untimed_programme() -> (Programme, Timeline) {
        let day = |d: u32, sessions: std::ops::Range<usize>| Day {
            date: NaiveDate::from_ymd_opt(2024, 2, d),
            label: None,
            opens: None,
            closes: None,
            sessions,
        };
        let session = |id: &str, day: usize| Session {
            id: id.into(),
            title: id.into(),
            day,
            ..Session::default()
        };
        let p = Programme {
            time_zone: Some(chrono_tz::Europe::Oslo),
            days: vec![day(12, 0..1), day(13, 1..3), day(14, 3..4)],
            sessions: vec![
                session("children", 0),
                session("award", 1),
                session("debate", 1),
                session("assembly", 2),
            ],
            ..Programme::default()
        };
        let timeline = Timeline::new(&p, Zone::Iana(chrono_tz::Europe::Oslo), None);
        (p, timeline)
    }

    #[test]
    fn without_times_today_is_what_is_on_and_the_next_day_what_comes() {
        let (p, timeline) = untimed_programme();
        assert!(on_now(&timeline, at("11:00")).is_empty(), "no clock time");
        assert_eq!(
            ids(&p, &untimed_today(&p, &timeline, at("11:00"), |_| true)),
            ["award", "debate"]
        );
        let debate = index(&p, "debate");
        assert_eq!(
            ids(
                &p,
                &untimed_today(&p, &timeline, at("11:00"), |i| i != debate)
            ),
            ["award"]
        );
        let (day, next) = untimed_next_day(&p, &timeline, at("11:00"), |_| true).expect("next");
        assert_eq!((day, ids(&p, &next)), (2, vec!["assembly".to_string()]));
        let after = at("11:00") + chrono::Duration::days(1);
        assert_eq!(untimed_next_day(&p, &timeline, after, |_| true), None);
    }

    #[test]
    fn an_untimed_session_is_over_when_its_day_is() {
        let (p, timeline) = untimed_programme();
        let over = |id: &str, moment| is_over(&p, &timeline, index(&p, id), moment);
        assert!(over("children", at("11:00")));
        assert!(!over("award", at("23:59")), "today is not over");
        assert!(
            !over("award", at("23:59") + chrono::Duration::hours(3)),
            "nor in the small hours after it"
        );
        assert!(over("award", at("23:59") + chrono::Duration::hours(6)));
        assert!(!over("assembly", at("11:00")));
    }

    #[test]
    fn a_timed_session_is_over_when_it_ends() {
        let (p, timeline) = programme(DAY);
        assert!(is_over(&p, &timeline, index(&p, "opening"), at("09:30")));
        assert!(!is_over(&p, &timeline, index(&p, "opening"), at("09:29")));
    }

    #[test]
    fn overlapping_plans_have_no_gap_inside_the_longer_session() {
        let (p, timeline) = programme(DAY);
        let index = |id: &str| p.session_index(id).expect("id");
        let rows = plan(
            &p,
            &timeline,
            &[index("long"), index("climate"), index("health")],
        );
        assert!(
            !rows.iter().any(|r| matches!(r, PlanRow::Gap { .. })),
            "{rows:?}"
        );
    }
}
