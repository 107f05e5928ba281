// Appended to benches/dagsorden.rs by benches/compare-frames.sh, at each revision compared, in
// place of criterion's main: draws one view a given number of times, so that valgrind can count
// the instructions a frame takes. Counts, unlike times, do not move with the machine's load.

/// `ICOUNT=fosdem/search/200x60/20`: programme (`fosdem` or `100k`), view (a name in `VIEWS`),
/// size, frames.
fn icount_main(spec: &str) {
    let parts: Vec<&str> = spec.split('/').collect();
    let [name, view, size, n] = parts[..] else {
        panic!("ICOUNT is programme/view/WxH/frames");
    };
    let frames: usize = n.parse().expect("frames");
    let programme = if name == "fosdem" {
        let bytes = read_fixture("fosdem-2025.xml").expect("fixture");
        parse(&bytes, "fosdem", None).expect("loads").programme
    } else {
        big_programme().expect("the real programmes to make 100k from")
    };
    let (w, h) = size.split_once('x').expect("WxH");
    let (width, height): (u16, u16) = (w.parse().expect("W"), h.parse().expect("H"));
    let mut app = app_on(programme);
    app.update(Action::Resize { width, height });
    let actions = VIEWS.iter().find(|(v, _)| *v == view).expect("view").1;
    for action in actions {
        app.update(action.clone());
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    // Two frames before counting, with time between for the indexes built in the background.
    draw(&mut app, &mut terminal);
    std::thread::sleep(std::time::Duration::from_secs(3));
    draw(&mut app, &mut terminal);
    for _ in 0..frames {
        draw(&mut app, &mut terminal);
    }
}

fn main() {
    if let Ok(spec) = std::env::var("ICOUNT") {
        icount_main(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
