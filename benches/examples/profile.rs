//! One operation of one model, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile decode a` (or `encode a`).

use dataverse_model_benches::{expanded, generated, handwritten, value, workload};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (op, model) = (args[1].as_str(), args[2].as_str());
    let json = workload::page(workload::PAGE_ROWS);
    match (op, model) {
        ("decode", "a") => drop(std::hint::black_box(generated::decode(&json))),
        ("expanded", "a") => {
            let json = expanded::page(workload::PAGE_ROWS);
            drop(std::hint::black_box(expanded::decode(&json)))
        }
        ("expanded-loop", which) => {
            let json = expanded::page(workload::PAGE_ROWS);
            for _ in 0..30 {
                if which == "a" {
                    drop(std::hint::black_box(expanded::decode(&json)));
                } else {
                    drop(std::hint::black_box(expanded::decode_hand(&json)));
                }
            }
        }
        ("expanded", "time") => {
            // the fastest of 20 interleaved rounds of each model
            let json = expanded::page(workload::PAGE_ROWS);
            let (mut a, mut b) = (f64::MAX, f64::MAX);
            for _ in 0..20 {
                let start = std::time::Instant::now();
                drop(std::hint::black_box(expanded::decode_hand(&json)));
                b = b.min(start.elapsed().as_secs_f64());
                let start = std::time::Instant::now();
                drop(std::hint::black_box(expanded::decode(&json)));
                a = a.min(start.elapsed().as_secs_f64());
            }
            println!("a {:.2} ms, b {:.2} ms, a/b {:.2}", a * 1e3, b * 1e3, b / a);
            println!(
                "sizes: row a {} b {}, party a {} b {}",
                size_of::<expanded::ExpandedSession>(),
                size_of::<expanded::HandSession>(),
                size_of::<dataverse_model::ActivityParty>(),
                size_of::<expanded::HandParty>()
            );
        }
        // decode and drop, as the benchmark's table times them: `--toggle-collect='profile::decode_and_drop'`
        ("expanded-with-drop", which) => {
            let json = expanded::page(workload::PAGE_ROWS);
            match which {
                "a" => decode_and_drop(|| drop(expanded::decode(&json))),
                "b" => decode_and_drop(|| drop(expanded::decode_hand(&json))),
                _ => decode_and_drop(|| drop(expanded::decode_hand_columns(&json))),
            }
        }
        ("expanded", "b-columns") => {
            let json = expanded::page(workload::PAGE_ROWS);
            drop(std::hint::black_box(expanded::decode_hand_columns(&json)))
        }
        ("expanded", "b") => {
            let json = expanded::page(workload::PAGE_ROWS);
            drop(std::hint::black_box(expanded::decode_hand(&json)))
        }
        ("decode", "b") => drop(std::hint::black_box(handwritten::decode(&json))),
        ("decode", "c") => drop(std::hint::black_box(value::decode(&json))),
        ("encode", "a") => {
            let rows = generated::decode(&json);
            let mut out = Vec::new();
            for row in &rows {
                out.clear();
                generated::encode(row, &mut out);
            }
            std::hint::black_box(out);
        }
        ("encode", "b") => {
            let rows = handwritten::decode(&json);
            let mut out = Vec::new();
            for row in &rows {
                out.clear();
                handwritten::encode(row, &mut out);
            }
            std::hint::black_box(out);
        }
        _ => panic!("usage: profile decode a|b|c or encode a|b"),
    }
}

/// Runs `f` (a decode and the drop of what it read) where a profiler can single it out.
#[inline(never)]
fn decode_and_drop(f: impl FnOnce()) {
    f()
}
