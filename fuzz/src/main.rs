//! Coverage-guided mutation fuzzing of Web API JSON decoding, on stable Rust.
//!
//! The code is built with LLVM SanitizerCoverage through stable `rustc` codegen options (see
//! `.cargo/config.toml`): each edge of the control-flow graph gets an 8-bit counter, and each
//! instrumented module hands its counter array to [`__sanitizer_cov_8bit_counters_init`] at
//! startup. The fuzzer mutates the real response fixtures, runs every target on the mutant,
//! and keeps the mutant in the corpus when it hit an edge never hit before, or hit a known
//! edge a number of times in a new AFL bucket (1, 2, 3, 4–7, 8–15, 16–31, 32–127, 128+).
//!
//! Invariants checked on every input: decoding never panics, and whatever decodes renders
//! ([`Entity::response_body`], or `Page<E>`'s `Serialize`) and decodes again to the same value.
//!
//! From this directory (cargo reads `.cargo/config.toml` only from here):
//! `cargo run --release` (20,000 cases), `FUZZ_CASES=1000000 cargo run --release`;
//! `FUZZ_SEED` changes the seed; `cargo run --release -- FILE...` runs the targets on files
//! (a saved failing input, say) and reports each outcome.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use dataverse_model_tests::fuzzing::{Rng, TARGETS, Target, env_number, mutate, seeds};

mod emulator;

/// The decode targets and the emulator's request target.
fn targets() -> impl Iterator<Item = &'static Target> {
    TARGETS.iter().chain(std::iter::once(&emulator::TARGET))
}

// ---------------------------------------------------------------------------------------------
// Coverage counters

/// Counter arrays registered by instrumented modules: `(start, stop)` addresses. One per
/// codegen unit of each instrumented crate; filled before `main` runs.
const MAX_MODULES: usize = 4096;
static MODULES: [(AtomicUsize, AtomicUsize); MAX_MODULES] =
    [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; MAX_MODULES];
static MODULE_COUNT: AtomicUsize = AtomicUsize::new(0);

/// Called by LLVM's SanitizerCoverage module constructor, once per instrumented module, before
/// `main`, with the bounds of that module's 8-bit edge counters. It only records the two
/// addresses (no allocation, no locks: it can run before the runtime is set up).
///
/// `no_mangle` is `unsafe` because the exported name could clash with another definition; the
/// only other one would be a sanitizer runtime (libFuzzer), which this binary does not link.
#[unsafe(no_mangle)]
pub extern "C" fn __sanitizer_cov_8bit_counters_init(start: *mut u8, stop: *mut u8) {
    let index = MODULE_COUNT.fetch_add(1, Ordering::Relaxed);
    if let Some((s, e)) = MODULES.get(index) {
        s.store(start as usize, Ordering::Relaxed);
        e.store(stop as usize, Ordering::Relaxed);
    }
}

/// The edge counters of every instrumented module, and which AFL buckets each has reached.
struct Coverage {
    arrays: Vec<(*mut u8, usize)>,
    /// per counter (all arrays in order): a bit per bucket reached so far
    seen: Vec<u8>,
}

/// AFL's bucket of a hit count, as one bit (0 for no hit).
fn bucket(count: u8) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        4..=7 => 8,
        8..=15 => 16,
        16..=31 => 32,
        32..=127 => 64,
        128..=255 => 128,
    }
}

impl Coverage {
    /// The arrays registered before `main`; `None` if there are none (not instrumented).
    fn registered() -> Option<Coverage> {
        let count = MODULE_COUNT.load(Ordering::Relaxed);
        assert!(
            count <= MAX_MODULES,
            "{count} instrumented modules, more than {MAX_MODULES}"
        );
        let arrays: Vec<(*mut u8, usize)> = MODULES[..count]
            .iter()
            .map(|(s, e)| {
                let (start, stop) = (s.load(Ordering::Relaxed), e.load(Ordering::Relaxed));
                (start as *mut u8, stop.saturating_sub(start))
            })
            .filter(|&(_, len)| len > 0)
            .collect();
        let total = arrays.iter().map(|&(_, len)| len).sum();
        (total > 0).then(|| Coverage {
            arrays,
            seen: vec![0; total],
        })
    }

    fn counters(&self) -> usize {
        self.seen.len()
    }

    fn edges_covered(&self) -> usize {
        self.seen.iter().filter(|&&b| b != 0).count()
    }

    fn features(&self) -> u32 {
        self.seen.iter().map(|b| b.count_ones()).sum()
    }

    fn reset(&mut self) {
        for &(start, len) in &self.arrays {
            // SAFETY: LLVM registered `start..start + len` as this module's counter array: a
            // global of `len` bytes that lives as long as the program. Raw-pointer writes, no
            // reference is formed, and the program has one thread, so no instrumented code
            // runs concurrently.
            unsafe { std::ptr::write_bytes(start, 0, len) };
        }
    }

    /// Records the buckets reached since [`Coverage::reset`]; returns how many were new.
    fn update(&mut self) -> usize {
        let mut new = 0;
        let mut at = 0;
        for &(start, len) in &self.arrays {
            for i in 0..len {
                // SAFETY: as in `reset`: `i < len`, inside the registered array; a plain read
                // of a byte, on the only thread.
                let count = unsafe { start.add(i).read() };
                if count != 0 {
                    let b = bucket(count);
                    let seen = &mut self.seen[at + i];
                    if *seen & b == 0 {
                        *seen |= b;
                        new += 1;
                    }
                }
            }
            at += len;
        }
        new
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs and mutations: shared with tests/tests/fuzz.rs (dataverse_model_tests::fuzzing)

/// Runs every target on `input`; `Err` names the target that panicked. `Ok` says whether some
/// target decoded it.
fn run(input: &[u8]) -> Result<bool, &'static str> {
    let mut any_decoded = false;
    for (name, target) in targets() {
        match catch_unwind(AssertUnwindSafe(|| target(input))) {
            Ok(result) => any_decoded |= result.is_ok(),
            Err(_) => return Err(name),
        }
    }
    Ok(any_decoded)
}

// ---------------------------------------------------------------------------------------------

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if !files.is_empty() {
        replay(&files);
        return;
    }
    let Some(mut coverage) = Coverage::registered() else {
        eprintln!(
            "fuzz: no SanitizerCoverage counters registered: this build is not instrumented. \
             Run cargo from the fuzz/ directory, which holds .cargo/config.toml with the flags."
        );
        std::process::exit(2);
    };
    let cases = env_number("FUZZ_CASES", 20_000);
    let seed = env_number("FUZZ_SEED", 0xF0_22ED);
    let started = Instant::now();
    let mut rng = Rng(seed | 1);
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    // inputs that decode as some target: mutated half of the time, to dig past the syntax
    let mut decodable: Vec<usize> = Vec::new();

    let fail = |what: &str, name: &str, input: &[u8]| -> ! {
        let path = std::env::temp_dir().join(format!("dataverse-covfuzz-{seed:x}-{what}.json"));
        let _ = std::fs::write(&path, input);
        eprintln!(
            "fuzz: {name} panicked on {what} (seed {seed:#x}); input saved to {}\n\
             replay: cargo run --release -- {}",
            path.display(),
            path.display()
        );
        std::process::exit(1)
    };

    for (i, input) in seeds().into_iter().chain(emulator::seeds()).enumerate() {
        coverage.reset();
        let decoded = run(&input).unwrap_or_else(|name| fail(&format!("seed{i}"), name, &input));
        coverage.update();
        if decoded {
            decodable.push(corpus.len());
        }
        corpus.push(input);
    }
    let seed_edges = coverage.edges_covered();

    let report_every = 1 << 16;
    for case in 0..cases {
        let parent = if rng.below(2) == 0 && !decodable.is_empty() {
            &corpus[decodable[rng.below(decodable.len())]]
        } else {
            &corpus[rng.below(corpus.len())]
        };
        let input = mutate(parent, &corpus, &mut rng);
        coverage.reset();
        let decoded = run(&input).unwrap_or_else(|name| fail(&format!("case{case}"), name, &input));
        let new = coverage.update();
        if new > 0 && corpus.len() < 1 << 14 && input.len() < 1 << 16 {
            if decoded {
                decodable.push(corpus.len());
            }
            corpus.push(input);
        }
        if (case + 1) % report_every == 0 {
            eprintln!(
                "fuzz: {} cases, {:.0?}, corpus {}, edges {}, features {}",
                case + 1,
                started.elapsed(),
                corpus.len(),
                coverage.edges_covered(),
                coverage.features()
            );
        }
    }
    let elapsed = started.elapsed();
    println!(
        "fuzz: {cases} cases × {} targets (seed {seed:#x}) in {elapsed:.1?} ({:.0} cases/s): \
         no panic, every decoded value round-tripped; edges covered {} of {} counters \
         ({seed_edges} by the seeds alone), features {}, corpus {} ({} decodable)",
        targets().count(),
        cases as f64 / elapsed.as_secs_f64(),
        coverage.edges_covered(),
        coverage.counters(),
        coverage.features(),
        corpus.len(),
        decodable.len()
    );
}

/// Runs the targets on each file and prints what each did.
fn replay(files: &[String]) {
    for file in files {
        let input = std::fs::read(file).unwrap_or_else(|e| panic!("reading {file}: {e}"));
        for (name, target) in targets() {
            let outcome = match catch_unwind(AssertUnwindSafe(|| target(&input))) {
                Ok(Ok(())) => "decoded and round-tripped".to_owned(),
                Ok(Err(e)) => format!("error: {e}"),
                Err(_) => "PANICKED".to_owned(),
            };
            println!("{file}: {name}: {outcome}");
        }
    }
}
