//! A mutation fuzzer on stable Rust: it mutates the real response fixtures byte by byte and
//! token by token and asserts that decoding never panics, and that whatever decodes renders
//! ([`Entity::response_body`]) and decodes again to the same value.
//!
//! It is *outcome-guided*, not coverage-guided: a mutated input joins the corpus when it gives
//! an outcome (decoded, or the column named and the kind of error) not seen before. The
//! coverage-guided fuzzer, with the same targets and invariants, is the `fuzz/` package at the
//! repository root (outside the workspace: it needs SanitizerCoverage codegen flags).
//!
//! `FUZZ_CASES` sets the number of mutated inputs (default 30,000: a few seconds in CI) and
//! `FUZZ_SEED` the seed (default fixed, so a failure reproduces). A longer run:
//! `FUZZ_CASES=1000000 cargo test --release -p dataverse-model-tests --test fuzz -- --nocapture`.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use dataverse_model_tests::fuzzing::{Rng, TARGETS, env_number, mutate, seeds};

/// What happened: the target, and "ok" or the column (if named) and the kind of error, e.g.
/// `Session: subject: invalid type` (values, positions and quoted text left out).
fn outcome_signature(target: &str, result: &Result<(), String>) -> String {
    match result {
        Ok(()) => format!("{target}: ok"),
        Err(e) => {
            let (column, rest) = match e.strip_prefix("column `").and_then(|r| r.split_once("`: "))
            {
                Some((column, rest)) => (column, rest),
                None => ("", e.as_str()),
            };
            let kind: String = rest
                .split(['`', '"', ':', '(', '\''])
                .next()
                .unwrap_or_default()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect();
            format!("{target}: {column}: {kind}")
        }
    }
}

#[test]
fn decoding_mutated_fixtures_never_panics() {
    let cases = env_number("FUZZ_CASES", 30_000);
    let seed = env_number("FUZZ_SEED", 0xF0_22ED);
    let mut rng = Rng(seed | 1);
    let mut corpus = seeds();
    // inputs that decode as some target: mutated half of the time, to dig past the syntax
    let mut decodable: Vec<usize> = (0..corpus.len()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for input in &corpus {
        for (name, target) in TARGETS {
            seen.insert(outcome_signature(name, &target(input)));
        }
    }
    let (mut decoded, mut rejected) = (0u64, 0u64);
    for case in 0..cases {
        let parent = if rng.below(2) == 0 {
            &corpus[decodable[rng.below(decodable.len())]]
        } else {
            &corpus[rng.below(corpus.len())]
        };
        let input = mutate(parent, &corpus, &mut rng);
        let (mut new_outcome, mut any_decoded) = (false, false);
        for (name, target) in TARGETS {
            let result = catch_unwind(AssertUnwindSafe(|| target(&input))).unwrap_or_else(|_| {
                let path =
                    std::env::temp_dir().join(format!("dataverse-fuzz-{seed:x}-{case}.json"));
                let _ = std::fs::write(&path, &input);
                panic!(
                    "{name} panicked on case {case} (seed {seed:#x}); input saved to {}",
                    path.display()
                )
            });
            match &result {
                Ok(()) => {
                    decoded += 1;
                    any_decoded = true;
                }
                Err(_) => rejected += 1,
            }
            new_outcome |= seen.insert(outcome_signature(name, &result));
        }
        if new_outcome && corpus.len() < 4096 && input.len() < 1 << 16 {
            if any_decoded {
                decodable.push(corpus.len());
            }
            corpus.push(input);
        }
    }
    eprintln!(
        "fuzz: {cases} mutated inputs × {} targets (seed {seed:#x}): {decoded} decoded and round-tripped, \
         {rejected} rejected with an error, {} distinct outcomes, corpus {} ({} decodable)",
        TARGETS.len(),
        seen.len(),
        corpus.len(),
        decodable.len()
    );
}
