//! Decode, encode and validate a 5,000-row Web API page of Session rows with (a) the
//! `#[dataverse_entity]` struct, (b) hand-written serde structs and (c) `serde_json::Value`,
//! on the same bytes: criterion's estimates, then one table of throughput, ratios and heap
//! allocations measured in interleaved rounds.
//!
//! `cargo bench --manifest-path benches/Cargo.toml` (from the repository root).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use dataverse_model_benches::{expanded, generated, handwritten, value, workload};

/// Counts allocation calls (`alloc`, `alloc_zeroed` and `realloc`) of the whole process.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocation calls made by `f`.
fn allocations<T>(f: impl FnOnce() -> T) -> u64 {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let out = f();
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    drop(black_box(out));
    after - before
}

const MODELS: [&str; 3] = [
    "(a) #[dataverse_entity]",
    "(b) hand-written serde",
    "(c) serde_json::Value",
];
const OPS: [&str; 3] = ["decode", "encode", "validate"];

/// Rounds of the table's measurement: in each, every model runs the operation once, in turn.
const ROUNDS: usize = 30;

/// Seconds `f` takes.
fn seconds(f: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

/// The fastest time of each model over [`ROUNDS`] rounds in which the models take turns, so
/// a machine whose speed drifts (a shared one: criterion's medians here move by ±30% between
/// runs) slows them alike.
fn interleaved(models: &mut [&mut dyn FnMut(); 3]) -> [f64; 3] {
    let mut best = [f64::MAX; 3];
    for _ in 0..ROUNDS {
        for (best, model) in best.iter_mut().zip(models.iter_mut()) {
            *best = best.min(seconds(*model));
        }
    }
    best
}

fn main() {
    let json = workload::page(workload::PAGE_ROWS);
    let rows = workload::PAGE_ROWS;
    let a = generated::decode(&json);
    let b = handwritten::decode(&json);
    let c_page = value::decode(&json);
    let c = value::rows(&c_page);

    // every row is valid, and the payload bytes each model writes (one buffer, reused)
    assert!(a.iter().all(|r| generated::validate(r).is_ok()));
    assert!(b.iter().all(|r| handwritten::validate(r).is_ok()));
    assert!(c.iter().all(|r| value::validate(r).is_ok()));
    let mut buf = Vec::with_capacity(4096);
    let mut encoded = [0usize; 3];
    for r in &a {
        buf.clear();
        generated::encode(r, &mut buf);
        encoded[0] += buf.len();
    }
    for r in &b {
        buf.clear();
        handwritten::encode(r, &mut buf);
        encoded[1] += buf.len();
    }
    for r in c {
        buf.clear();
        value::encode(r, &mut buf);
        encoded[2] += buf.len();
    }

    // heap allocation calls for each whole operation
    let mut allocs = [[0u64; 3]; 3];
    allocs[0] = [
        allocations(|| generated::decode(&json)),
        allocations(|| handwritten::decode(&json)),
        allocations(|| value::decode(&json)),
    ];
    allocs[1] = [
        allocations(|| {
            a.iter().for_each(|r| {
                buf.clear();
                generated::encode(r, &mut buf)
            })
        }),
        allocations(|| {
            b.iter().for_each(|r| {
                buf.clear();
                handwritten::encode(r, &mut buf)
            })
        }),
        allocations(|| {
            c.iter().for_each(|r| {
                buf.clear();
                value::encode(r, &mut buf)
            })
        }),
    ];
    allocs[2] = [
        allocations(|| a.iter().map(generated::validate).all(|r| r.is_ok())),
        allocations(|| b.iter().map(handwritten::validate).all(|r| r.is_ok())),
        allocations(|| c.iter().map(value::validate).all(|r| r.is_ok())),
    ];

    // the routines: one page decoded, 5,000 create bodies written, 5,000 rows validated
    let (mut buf_a, mut buf_b, mut buf_c) = (buf.clone(), buf.clone(), buf);
    let mut decode: [Box<dyn FnMut() + '_>; 3] = [
        Box::new(|| drop(black_box(generated::decode(&json)))),
        Box::new(|| drop(black_box(handwritten::decode(&json)))),
        Box::new(|| drop(black_box(value::decode(&json)))),
    ];
    let mut encode: [Box<dyn FnMut() + '_>; 3] = [
        Box::new(|| {
            for r in &a {
                buf_a.clear();
                generated::encode(r, &mut buf_a);
                black_box(&buf_a);
            }
        }),
        Box::new(|| {
            for r in &b {
                buf_b.clear();
                handwritten::encode(r, &mut buf_b);
                black_box(&buf_b);
            }
        }),
        Box::new(|| {
            for r in c {
                buf_c.clear();
                value::encode(r, &mut buf_c);
                black_box(&buf_c);
            }
        }),
    ];
    let mut validate: [Box<dyn FnMut() + '_>; 3] = [
        Box::new(|| {
            for r in &a {
                let _ = black_box(generated::validate(black_box(r)));
            }
        }),
        Box::new(|| {
            for r in &b {
                let _ = black_box(handwritten::validate(black_box(r)));
            }
        }),
        Box::new(|| {
            for r in c {
                let _ = black_box(value::validate(black_box(r)));
            }
        }),
    ];

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for (op, routines) in [&mut decode, &mut encode, &mut validate]
        .into_iter()
        .enumerate()
    {
        let mut group = criterion.benchmark_group(OPS[op]);
        group
            .sampling_mode(SamplingMode::Flat)
            .throughput(Throughput::Elements(rows as u64));
        for (model, routine) in routines.iter_mut().enumerate() {
            group.bench_function(MODELS[model], |bench| bench.iter(&mut *routine));
        }
        group.finish();
    }
    criterion.final_summary();

    // ---- the table: interleaved rounds ---------------------------------------------------
    let per_page: [[f64; 3]; 3] = [&mut decode, &mut encode, &mut validate].map(|routines| {
        let [x, y, z] = routines;
        interleaved(&mut [&mut **x, &mut **y, &mut **z])
    });
    println!();
    println!(
        "{} rows, page {:.2} MB; create bodies (a) {:.2} MB, (b) {:.2} MB, (c) {:.2} MB",
        rows,
        json.len() as f64 / 1e6,
        encoded[0] as f64 / 1e6,
        encoded[1] as f64 / 1e6,
        encoded[2] as f64 / 1e6
    );
    println!(
        "times are the fastest of {ROUNDS} rounds in which the three models take turns; ratios are (a)'s throughput over the other's"
    );
    println!();
    println!(
        "| operation | model | time / 5,000 rows | rows/s | MB/s | allocations / row | a/b | a/c |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (op, name) in OPS.iter().enumerate() {
        let times = per_page[op];
        for (model, &t) in times.iter().enumerate() {
            let bytes = match op {
                0 => json.len() as f64,
                1 => encoded[model] as f64,
                _ => f64::NAN,
            };
            let mb = if bytes.is_nan() {
                "–".to_owned()
            } else {
                format!("{:.0}", bytes / t / 1e6)
            };
            let ratio = |other: usize| match model {
                0 => format!("{:.2}", times[other] / times[0]),
                _ => String::new(),
            };
            println!(
                "| {name} | {} | {:.2} ms | {:.0} | {mb} | {:.2} | {} | {} |",
                MODELS[model],
                t * 1e3,
                rows as f64 / t,
                allocs[op][model] as f64 / rows as f64,
                ratio(1),
                ratio(2),
            );
        }
    }
    let (validate, decode) = (per_page[2][0], per_page[0][0]);
    println!();
    println!(
        "(a) validate: {:.1} ns/row = {:.1}% of its decode time per row; {} allocations for {} valid rows",
        validate / rows as f64 * 1e9,
        validate / decode * 100.0,
        allocs[2][0],
        rows
    );
    expanded_page(rows);
}

/// The expanded page (issue 12): every Session row with its regarding account and 3
/// activity parties, decoded by (a), by (b) (the parties kept as one `Vec`, as sent) and by
/// (b′) (the parties split into the `from`, `to` and `cc` columns (a) has), in interleaved
/// rounds.
fn expanded_page(rows: usize) {
    const EXPANDED_MODELS: [&str; 3] = [
        "(a) #[dataverse_entity]",
        "(b) hand-written serde, parties as one `Vec`",
        "(b′) hand-written serde, parties in (a)'s columns",
    ];
    let json = expanded::page(rows);
    let allocs = [
        allocations(|| expanded::decode(&json)),
        allocations(|| expanded::decode_hand(&json)),
        allocations(|| expanded::decode_hand_columns(&json)),
    ];
    let mut a = || drop(black_box(expanded::decode(&json)));
    let mut b = || drop(black_box(expanded::decode_hand(&json)));
    let mut columns = || drop(black_box(expanded::decode_hand_columns(&json)));
    let times = interleaved(&mut [&mut a, &mut b, &mut columns]);
    println!();
    println!(
        "expanded page: {rows} rows, each with its regarding account and 3 activity parties, {:.2} MB",
        json.len() as f64 / 1e6
    );
    println!();
    println!(
        "| operation | model | time / 5,000 rows | rows/s | MB/s | allocations / row | a/b | a/b′ |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (model, t) in times.into_iter().enumerate() {
        let ratio = |other: usize| match model {
            0 => format!("{:.2}", times[other] / times[0]),
            _ => String::new(),
        };
        println!(
            "| decode expanded | {} | {:.2} ms | {:.0} | {:.0} | {:.2} | {} | {} |",
            EXPANDED_MODELS[model],
            t * 1e3,
            rows as f64 / t,
            json.len() as f64 / t / 1e6,
            allocs[model] as f64 / rows as f64,
            ratio(1),
            ratio(2),
        );
    }
}
