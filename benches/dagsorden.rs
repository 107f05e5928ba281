//! How fast dagsorden is where it matters: opening a programme, drawing a frame, and answering a
//! key, on the KS programme, on real conferences and on a 100 000-session programme made from
//! them. `cargo bench` runs it all; docs/performance.md has the figures and the targets.

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Clock};
use dagsorden::favourites::Stars;
use dagsorden::formats::{SHIPPED, native_write, parse};
use dagsorden::index::Index;
use dagsorden::model::{Programme, Shown, Timeline, Zone};
use quick_xml::Reader;
use quick_xml::events::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BIG: usize = 100_000;

fn clock() -> Clock {
    Clock {
        set: Some("2030-01-01T11:00".parse().expect("time")),
        local: Zone::Iana(chrono_tz::Europe::Oslo),
        shown: Shown::Venue,
    }
}

fn quick<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    group
}

/// The reference for loading: a bare pull walk over the XML that owns the text of every field
/// of every event (title, room, date, duration, abstract, persons…), and nothing more.
fn pull_walk_minimal_model(bytes: &[u8]) -> Vec<Vec<String>> {
    let Ok(xml) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    let mut reader = Reader::from_str(xml);
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if e.local_name().as_ref() == "event" {
                    current = Some(Vec::new());
                }
                text.clear();
            }
            Ok(Event::Text(t)) => text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => text.push_str(&r.xml10_content()),
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == "event" {
                    events.extend(current.take());
                } else if let Some(event) = current.as_mut() {
                    event.push(std::mem::take(&mut text));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    events
}

fn read_fixture(name: &str) -> Option<Vec<u8>> {
    synth::fixture(name).and_then(|p| std::fs::read(p).ok())
}

fn big_programme() -> Option<Programme> {
    let sources = synth::real_programmes();
    (!sources.is_empty()).then(|| synth::synth(&sources, BIG))
}

fn load(c: &mut Criterion) {
    let mut group = quick(c, "load");
    let ks = SHIPPED[0].1.as_bytes();
    group.bench_function("ks-toppmote-2024", |b| {
        b.iter(|| parse(black_box(ks), "ks", None));
    });
    for name in [
        "fosdem-2025.xml",
        "fosdem-2020.xml",
        "36c3-schedule.json",
        "camp2019-schedule.json",
    ] {
        let Some(bytes) = read_fixture(name) else {
            continue;
        };
        group.bench_function(name, |b| {
            b.iter(|| parse(black_box(&bytes), name, None));
        });
        if name == "fosdem-2025.xml" {
            group.bench_function("reference-pull-walk/fosdem-2025.xml", |b| {
                b.iter(|| pull_walk_minimal_model(black_box(&bytes)));
            });
            let programme = parse(&bytes, name, None).expect("loads").programme;
            group.bench_function("index/fosdem-2025.xml", |b| {
                b.iter(|| {
                    (
                        Index::build(black_box(&std::sync::Arc::new(programme.clone())))
                            .search
                            .get()
                            .search("x"),
                        Timeline::new(&programme, clock().local),
                    )
                });
            });
            group.bench_function("brief/fosdem-2025.xml", |b| {
                b.iter(|| {
                    dagsorden::formats::parse_with(
                        black_box(&bytes),
                        name,
                        None,
                        dagsorden::formats::Detail::Brief,
                    )
                });
            });
            // Read, parse and index, to the app ready for its first frame. The search index is
            // made on another thread meanwhile; it is waited for outside the timing, so one
            // round's thread does not slow the next.
            group.bench_function("viewer-start/fosdem-2025.xml", |b| {
                b.iter_custom(|rounds| {
                    let mut total = Duration::ZERO;
                    for _ in 0..rounds {
                        let started = std::time::Instant::now();
                        let loaded = parse(black_box(&bytes), name, None).expect("loads");
                        let app = App::new(loaded.programme, Stars::new(), None, clock());
                        total += started.elapsed();
                        black_box(app.index().search.get());
                    }
                    total
                });
            });
            let json = native_write::write(&programme);
            group.bench_function("fosdem-2025-as-dagsorden-json", |b| {
                b.iter(|| parse(black_box(json.as_bytes()), name, None));
            });
        }
    }
    if let Some(big) = big_programme() {
        let json = native_write::write(&big);
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        group.bench_function("100k-dagsorden-json", |b| {
            b.iter(|| parse(black_box(json.as_bytes()), "big", None));
        });
        group.bench_function("index/100k", |b| {
            b.iter(|| {
                (
                    Index::build(black_box(&std::sync::Arc::new(big.clone())))
                        .search
                        .get()
                        .search("x"),
                    Timeline::new(&big, clock().local),
                )
            });
        });
    }
    group.finish();
}

fn app_on(programme: Programme) -> App {
    App::new(programme, Stars::new(), None, clock())
}

fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| dagsorden::ui::render(app, frame))
        .expect("draw");
}

/// The views worth timing: each a few actions from the start.
const VIEWS: &[(&str, &[Action])] = &[
    ("day", &[]),
    ("details", &[Action::Down, Action::Focus(Pane::Details)]),
    ("now", &[Action::ToggleNow]),
    (
        "my-programme",
        &[
            Action::CycleStar,
            Action::Down,
            Action::CycleStar,
            Action::ToggleMyProgramme,
        ],
    ),
    (
        "search",
        &[
            Action::StartSearch,
            Action::SearchType('r'),
            Action::SearchType('u'),
        ],
    ),
    (
        "by-room",
        &[Action::Focus(Pane::Browse), Action::NextBrowse],
    ),
    (
        "by-speaker",
        &[
            Action::Focus(Pane::Browse),
            Action::NextBrowse,
            Action::NextBrowse,
        ],
    ),
    (
        "filters",
        &[Action::Focus(Pane::Filters), Action::Down, Action::Open],
    ),
    ("help", &[Action::ToggleHelp]),
];

fn frames(c: &mut Criterion) {
    let mut programmes: Vec<(&str, Programme)> = Vec::new();
    if let Some(bytes) = read_fixture("fosdem-2025.xml") {
        programmes.push((
            "fosdem",
            parse(&bytes, "fosdem", None).expect("loads").programme,
        ));
    }
    if let Some(big) = big_programme() {
        programmes.push(("100k", big));
    }
    let mut group = quick(c, "frame");
    for (name, programme) in &programmes {
        for (width, height) in [(80, 24), (200, 60)] {
            for (view, actions) in VIEWS {
                let mut app = app_on(programme.clone());
                app.update(Action::Resize { width, height });
                for action in *actions {
                    app.update(*action);
                }
                let mut terminal =
                    Terminal::new(TestBackend::new(width, height)).expect("terminal");
                group.bench_function(format!("{name}/{view}/{width}x{height}"), |b| {
                    b.iter(|| draw(&mut app, &mut terminal));
                });
            }
        }
    }
    group.finish();
}

/// A key and the frame after it, as the user waits for them.
fn keys(c: &mut Criterion) {
    let Some(big) = big_programme() else { return };
    let mut group = quick(c, "key");
    let mut app = app_on(big);
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut key = |name: &str, forth: Action, back: Action, app: &mut App| {
        group.bench_function(format!("100k/{name}"), |b| {
            b.iter(|| {
                app.update(forth);
                draw(app, &mut terminal);
                app.update(back);
                draw(app, &mut terminal);
            });
        });
    };
    key("move (down and up)", Action::Down, Action::Up, &mut app);
    key(
        "star (twice: must, maybe)",
        Action::CycleStar,
        Action::CycleStar,
        &mut app,
    );
    key(
        "switch day (next and back)",
        Action::NextDay,
        Action::PrevDay,
        &mut app,
    );
    key(
        "filter: starred only (on, off)",
        Action::ToggleStarredOnly,
        Action::ToggleStarredOnly,
        &mut app,
    );
    key(
        "view: my programme (on, off)",
        Action::ToggleMyProgramme,
        Action::ToggleMyProgramme,
        &mut app,
    );
    for (query, next) in [("", 'r'), ("ru", 's'), ("kernel", ' ')] {
        app.update(Action::SearchCancel);
        app.update(Action::StartSearch);
        for c in query.chars() {
            app.update(Action::SearchType(c));
        }
        let label = format!("search keystroke (after {query:?}: type {next:?}, delete it)");
        key(
            &label,
            Action::SearchType(next),
            Action::SearchBackspace,
            &mut app,
        );
    }
    group.finish();
}

criterion_group!(benches, load, frames, keys);
criterion_main!(benches);
