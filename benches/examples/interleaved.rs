//! Wall-clock decode and encode of (a) and (b), interleaved: each round runs a, then b, and
//! the fastest of 60 rounds is kept for each, so a noisy machine slows both alike.
//! `cargo run --release --manifest-path benches/Cargo.toml --example interleaved`

use std::time::Instant;

use dataverse_model_benches::{generated, handwritten, workload};

const ROUNDS: usize = 60;

/// Seconds `f` takes.
fn timed(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

fn main() {
    let json = workload::page(workload::PAGE_ROWS);
    let (rows_a, rows_b) = (generated::decode(&json), handwritten::decode(&json));
    let mut out = Vec::with_capacity(4096);
    let mut best = [f64::MAX; 4];
    for _ in 0..ROUNDS {
        let times = [
            timed(|| drop(std::hint::black_box(generated::decode(&json)))),
            timed(|| drop(std::hint::black_box(handwritten::decode(&json)))),
            timed(|| {
                for row in &rows_a {
                    out.clear();
                    generated::encode(row, &mut out);
                }
            }),
            timed(|| {
                for row in &rows_b {
                    out.clear();
                    handwritten::encode(row, &mut out);
                }
            }),
        ];
        for (best, time) in best.iter_mut().zip(times) {
            *best = best.min(time);
        }
    }
    let [decode_a, decode_b, encode_a, encode_b] = best.map(|s| s * 1e3);
    println!(
        "fastest of {ROUNDS} interleaved rounds, {} rows",
        rows_a.len()
    );
    println!(
        "decode: (a) {decode_a:.2} ms, (b) {decode_b:.2} ms, a/b {:.3}",
        decode_b / decode_a
    );
    println!(
        "encode: (a) {encode_a:.2} ms, (b) {encode_b:.2} ms, a/b {:.3}",
        encode_b / encode_a
    );
}
