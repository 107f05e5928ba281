fn main() {
    let path = std::env::args().nth(1).expect("file");
    let mode = std::env::args().nth(2).unwrap_or_default();
    let bytes = std::fs::read(&path).expect("read");
    let loaded = dagsorden::formats::parse(&bytes, "x", None).expect("parse");
    if mode == "write" {
        println!(
            "{}",
            dagsorden::formats::native_write::write(&loaded.programme)
        );
        return;
    }
    for _ in 0..50 {
        if mode == "index" {
            std::hint::black_box(dagsorden::index::search::SearchIndex::build(
                &loaded.programme,
            ));
        } else {
            std::hint::black_box(dagsorden::formats::parse(&bytes, "x", None).expect("parse"));
        }
    }
}
