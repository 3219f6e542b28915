//! One operation of one model, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile decode a` (or `encode a`).

use dataverse_model_benches::{generated, handwritten, value, workload};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (op, model) = (args[1].as_str(), args[2].as_str());
    let json = workload::page(workload::PAGE_ROWS);
    match (op, model) {
        ("decode", "a") => drop(std::hint::black_box(generated::decode(&json))),
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
