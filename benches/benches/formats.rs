//! Decode, encode and validate a 5,000-row Web API page of Session rows with (a) the
//! `#[dataverse_entity]` struct, (b) hand-written serde structs and (c) `serde_json::Value`,
//! on the same bytes; then one table of throughput, ratios and heap allocations.
//!
//! `cargo bench --manifest-path benches/Cargo.toml` (from the repository root).

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use dataverse_model_benches::{generated, handwritten, value, workload};

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

/// Per-iteration times of each (operation, model), as criterion's samples measured them.
static SAMPLES: Mutex<BTreeMap<(usize, usize), Vec<f64>>> = Mutex::new(BTreeMap::new());

/// Times `routine` for criterion and keeps each sample's per-iteration time.
fn timed(op: usize, model: usize, mut routine: impl FnMut()) -> impl FnMut(u64) -> Duration {
    move |iters| {
        let start = Instant::now();
        for _ in 0..iters {
            routine();
        }
        let took = start.elapsed();
        SAMPLES
            .lock()
            .unwrap()
            .entry((op, model))
            .or_default()
            .push(took.as_secs_f64() / iters as f64);
        took
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
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

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    {
        let mut g = criterion.benchmark_group("decode");
        g.sampling_mode(SamplingMode::Flat)
            .throughput(Throughput::Elements(rows as u64));
        g.bench_function(MODELS[0], |bch| {
            bch.iter_custom(timed(0, 0, || drop(black_box(generated::decode(&json)))))
        });
        g.bench_function(MODELS[1], |bch| {
            bch.iter_custom(timed(0, 1, || drop(black_box(handwritten::decode(&json)))))
        });
        g.bench_function(MODELS[2], |bch| {
            bch.iter_custom(timed(0, 2, || drop(black_box(value::decode(&json)))))
        });
        g.finish();
    }
    {
        let mut g = criterion.benchmark_group("encode");
        g.sampling_mode(SamplingMode::Flat)
            .throughput(Throughput::Elements(rows as u64));
        g.bench_function(MODELS[0], |bch| {
            bch.iter_custom(timed(1, 0, || {
                for r in &a {
                    buf.clear();
                    generated::encode(r, &mut buf);
                    black_box(&buf);
                }
            }))
        });
        g.bench_function(MODELS[1], |bch| {
            bch.iter_custom(timed(1, 1, || {
                for r in &b {
                    buf.clear();
                    handwritten::encode(r, &mut buf);
                    black_box(&buf);
                }
            }))
        });
        g.bench_function(MODELS[2], |bch| {
            bch.iter_custom(timed(1, 2, || {
                for r in c {
                    buf.clear();
                    value::encode(r, &mut buf);
                    black_box(&buf);
                }
            }))
        });
        g.finish();
    }
    {
        let mut g = criterion.benchmark_group("validate");
        g.sampling_mode(SamplingMode::Flat)
            .throughput(Throughput::Elements(rows as u64));
        g.bench_function(MODELS[0], |bch| {
            bch.iter_custom(timed(2, 0, || {
                for r in &a {
                    let _ = black_box(generated::validate(black_box(r)));
                }
            }))
        });
        g.bench_function(MODELS[1], |bch| {
            bch.iter_custom(timed(2, 1, || {
                for r in &b {
                    let _ = black_box(handwritten::validate(black_box(r)));
                }
            }))
        });
        g.bench_function(MODELS[2], |bch| {
            bch.iter_custom(timed(2, 2, || {
                for r in c {
                    let _ = black_box(value::validate(black_box(r)));
                }
            }))
        });
        g.finish();
    }
    criterion.final_summary();

    // ---- the table ----------------------------------------------------------------------
    let samples = std::mem::take(&mut *SAMPLES.lock().unwrap());
    let per_page: BTreeMap<(usize, usize), f64> =
        samples.into_iter().map(|(k, v)| (k, median(v))).collect();
    println!();
    println!(
        "{} rows, page {:.2} MB; create bodies (a) {:.2} MB, (b) {:.2} MB, (c) {:.2} MB",
        rows,
        json.len() as f64 / 1e6,
        encoded[0] as f64 / 1e6,
        encoded[1] as f64 / 1e6,
        encoded[2] as f64 / 1e6
    );
    println!("times are criterion sample medians; ratios are (a)'s throughput over the other's");
    println!();
    println!(
        "| operation | model | time / 5,000 rows | rows/s | MB/s | allocations / row | a/b | a/c |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (op, name) in OPS.iter().enumerate() {
        let Some(&ta) = per_page.get(&(op, 0)) else {
            continue;
        };
        for model in 0..3 {
            let Some(&t) = per_page.get(&(op, model)) else {
                continue;
            };
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
            let ratio = |other: usize| match (model, per_page.get(&(op, other))) {
                (0, Some(&to)) => format!("{:.2}", to / ta),
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
    if let (Some(&validate), Some(&decode)) = (per_page.get(&(2, 0)), per_page.get(&(0, 0))) {
        println!();
        println!(
            "(a) validate: {:.1} ns/row = {:.1}% of its decode time per row; {} allocations for {} valid rows",
            validate / rows as f64 * 1e9,
            validate / decode * 100.0,
            allocs[2][0],
            rows
        );
    }
}
