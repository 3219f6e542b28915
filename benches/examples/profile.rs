//! One operation of one model, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile decode a`.

use dataverse_model_benches::{generated, handwritten, value, workload};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (op, model) = (args[1].as_str(), args[2].as_str());
    let json = workload::page(workload::PAGE_ROWS);
    match (op, model) {
        ("decode", "a") => drop(std::hint::black_box(generated::decode(&json))),
        ("decode", "b") => drop(std::hint::black_box(handwritten::decode(&json))),
        ("decode", "c") => drop(std::hint::black_box(value::decode(&json))),
        _ => panic!("usage: profile decode a|b|c"),
    }
}
