//! Writes a big programme made from the real ones, in dagsorden's JSON, for benchmarks and for
//! trying dagsorden at scale: `cargo run --release --example synth -- 100000 > big.json`.

#[path = "../benches/support/synth.rs"]
mod synth;

fn main() {
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let sources = synth::real_programmes();
    if sources.is_empty() {
        eprintln!("synth: no real programme found (tests/fixtures/real, ../shared/fixtures/real)");
        std::process::exit(2);
    }
    let programme = synth::synth(&sources, count);
    println!("{}", dagsorden::formats::native_write::write(&programme));
}
