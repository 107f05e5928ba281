//! How fast dagsorden is where it matters: opening a programme, drawing a frame, and answering a
//! key, on the KS programme, on real conferences and on a 100 000-session programme made from
//! them. `cargo bench` runs it all; docs/performance.md has the figures and the targets.

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Setup};
use dagsorden::formats::{Cache, Detail, SHIPPED, Source, native_write, parse};
use dagsorden::index::Index;
use dagsorden::model::{Clock, Programme, Shown, Stars, Zone};
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
        venue: None,
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

/// Times `load` alone: making its input and dropping what it gives back are left out, the same
/// for dagsorden and for the reference.
fn bench_load<I, O>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    setup: impl Fn() -> I,
    load: impl Fn(I) -> O,
) {
    group.bench_function(name, |b| {
        b.iter_batched(&setup, &load, BatchSize::PerIteration);
    });
}

fn index_and_timeline(programme: Programme) -> impl Sized {
    let timeline = clock().timeline(&programme);
    let index = Index::build(&std::sync::Arc::new(programme));
    black_box(index.search().search("x"));
    (index, timeline)
}

fn load(c: &mut Criterion) {
    let mut group = quick(c, "load");
    let ks = SHIPPED[0].1.as_bytes();
    bench_load(
        &mut group,
        "ks-toppmote-2024",
        || (),
        |()| parse(black_box(ks), "ks", None),
    );
    for name in [
        "fosdem-2025.xml",
        "fosdem-2020.xml",
        "36c3-schedule.json",
        "camp2019-schedule.json",
    ] {
        let Some(bytes) = read_fixture(name) else {
            continue;
        };
        bench_load(
            &mut group,
            name,
            || (),
            |()| parse(black_box(&bytes), name, None),
        );
        if name == "fosdem-2025.xml" {
            let bytes = bytes.as_slice();
            bench_load(
                &mut group,
                "reference-pull-walk/fosdem-2025.xml",
                || (),
                |()| pull_walk_minimal_model(black_box(bytes)),
            );
            let brief =
                |()| dagsorden::formats::parse_with(black_box(bytes), name, None, Detail::Brief);
            bench_load(&mut group, "brief/fosdem-2025.xml", || (), brief);
            // Read, parse and index, to the app ready for its first frame. (The speakers and
            // the search index are made on threads of their own once that frame is drawn.)
            let viewer_start = |()| {
                let loaded = parse(black_box(bytes), name, None).expect("loads");
                App::new(loaded.programme, Stars::new(), clock(), Setup::default())
            };
            bench_load(
                &mut group,
                "viewer-start/fosdem-2025.xml",
                || (),
                viewer_start,
            );
            let programme = parse(bytes, name, None).expect("loads").programme;
            let copy = || programme.clone();
            bench_load(
                &mut group,
                "index/fosdem-2025.xml",
                copy,
                index_and_timeline,
            );
            let json = native_write::write(&programme);
            bench_load(
                &mut group,
                "fosdem-2025-as-dagsorden-json",
                || (),
                |()| parse(black_box(json.as_bytes()), name, None),
            );
        }
    }
    if let Some(big) = big_programme() {
        let json = native_write::write(&big);
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        bench_load(
            &mut group,
            "100k-dagsorden-json",
            || (),
            |()| parse(black_box(json.as_bytes()), "big", None),
        );
        bench_load(&mut group, "index/100k", || big.clone(), index_and_timeline);
    }
    group.finish();
}

/// The cache of parsed programmes: a hit against parsing, and the encodings it could use.
fn cache(c: &mut Criterion) {
    let mut group = quick(c, "cache");
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["fosdem-2025.xml", "36c3-schedule.json"] {
        let Some(path) = synth::fixture(name) else {
            continue;
        };
        let source = Source::File(path.clone());
        for (detail, label) in [(Detail::Full, "full"), (Detail::Brief, "brief")] {
            let cache = || Some(Cache::in_dir(dir.path()));
            source.load_cached(None, detail, cache()).expect("loads");
            bench_load(&mut group, &format!("hit/{label}/{name}"), cache, |cache| {
                source.load_cached(None, detail, cache)
            });
            bench_load(
                &mut group,
                &format!("parse/{label}/{name}"),
                || (),
                |()| source.load_cached(None, detail, None),
            );
        }
        let bytes = std::fs::read(&path).expect("read");
        bench_load(
            &mut group,
            &format!("xxh3-128/{name}"),
            || (),
            |()| xxhash_rust::xxh3::xxh3_128(black_box(&bytes)),
        );
        bench_load(
            &mut group,
            &format!("stat/{name}"),
            || (),
            |()| std::fs::metadata(black_box(&path)).map(|m| m.len()),
        );
        let programme = parse(&bytes, name, None).expect("loads").programme;
        encodings(&mut group, name, &programme);
    }
    if let Some(big) = big_programme() {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        encodings(&mut group, "100k", &big);
        // From start to the first frame, the programme read from the cache.
        let file = dir.path().join("100k.json");
        std::fs::write(&file, native_write::write(&big)).expect("write");
        drop(big);
        let source = Source::File(file);
        let cache = || Some(Cache::in_dir(dir.path()));
        source
            .load_cached(None, Detail::Full, cache())
            .expect("loads");
        bench_load(&mut group, "first-frame/100k", cache, |cache| {
            let loaded = source
                .load_cached(None, Detail::Full, cache)
                .expect("loads");
            let mut app = app_on(loaded.programme);
            app.update(Action::Resize {
                width: 200,
                height: 60,
            });
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
            draw(&mut app, &mut terminal);
            app
        });
        bench_load(&mut group, "hit/full/100k", cache, |cache| {
            source.load_cached(None, Detail::Full, cache)
        });
    }
    group.finish();
}

/// Decoding a programme from bincode and from postcard (serde-based binaries), against cloning
/// it: a clone allocates and copies what any owned copy must, so it bounds a zero-copy
/// archive's deserialisation from below.
fn encodings(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    programme: &Programme,
) {
    let config = bincode::config::standard();
    let bincoded = bincode::serde::encode_to_vec(programme, config).expect("bincode");
    let postcarded = postcard::to_stdvec(programme).expect("postcard");
    eprintln!(
        "{name}: bincode {} bytes, postcard {} bytes",
        bincoded.len(),
        postcarded.len()
    );
    bench_load(
        group,
        &format!("bincode-decode/{name}"),
        || (),
        |()| bincode::serde::decode_from_slice::<Programme, _>(black_box(&bincoded), config),
    );
    bench_load(
        group,
        &format!("postcard-decode/{name}"),
        || (),
        |()| postcard::from_bytes::<Programme>(black_box(&postcarded)),
    );
    bench_load(
        group,
        &format!("clone/{name}"),
        || (),
        |()| black_box(programme).clone(),
    );
    bench_load(
        group,
        &format!("bincode-encode/{name}"),
        || (),
        |()| bincode::serde::encode_to_vec(black_box(programme), config),
    );
    bench_load(
        group,
        &format!("postcard-encode/{name}"),
        || (),
        |()| postcard::to_stdvec(black_box(programme)),
    );
}

fn app_on(programme: Programme) -> App {
    App::new(programme, Stars::new(), clock(), Setup::default())
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
                    app.update(action.clone());
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
                app.update(forth.clone());
                draw(app, &mut terminal);
                app.update(back.clone());
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

criterion_group!(benches, load, cache, frames, keys);
criterion_main!(benches);
