#!/usr/bin/env bash
# Compile-time scaling of generated models: `cargo check` of a crate with 1, 10 and 50
# generated tables of 100 columns, cold (the crate alone, dependencies built) and after
# touching its source, against the same tables as plain serde-derive structs; and the time to
# generate 50 tables. Usage: codegen/bench/compile-scaling.sh [SIZES...] (default: 1 10 50).
# Prints one line per size; figures are medians of ROUNDS runs (default 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1 10 50); fi
rounds="${ROUNDS:-3}"
work="${WORK:-$root/target/compile-scaling}"
mkdir -p "$work"
cargo build -q --release -p dataverse-model-codegen --manifest-path "$root/Cargo.toml"
codegen="$root/target/release/dataverse-model-codegen"

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
elapsed() { local s e; s=$(now); "$@" >/dev/null 2>&1; e=$(now); echo "$e - $s" | bc; }

# one workspace holding both crates, so dependencies build once
cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "3"
members = ["generated", "plain"]
TOML
for crate in generated plain; do
  mkdir -p "$work/$crate/src"
done
cat > "$work/generated/Cargo.toml" <<TOML
[package]
name = "bench-generated"
edition = "2024"
publish = false
[dependencies]
dataverse-model = { path = "$root/runtime" }
TOML
cat > "$work/plain/Cargo.toml" <<TOML
[package]
name = "bench-plain"
edition = "2024"
publish = false
[dependencies]
serde = { version = "1", features = ["derive"] }
rust_decimal = { version = "1", features = ["serde-float"] }
time = { version = "0.3", features = ["serde", "formatting", "parsing"] }
uuid = { version = "1", features = ["serde"] }
TOML
export CARGO_TARGET_DIR="$work/target"

printf '%-6s %-10s %10s %10s %10s %10s %8s %8s\n' tables lines gen_cold plain_cold gen_touch plain_touch r_cold r_touch
for n in "${sizes[@]}"; do
  rm -rf "$work/meta"
  python3 "$here/synth.py" "$n" "$work/meta" "$work/plain/src/lib.rs"
  gen_time=$(for _ in $(seq "$rounds"); do elapsed "$codegen" generate "$work/meta" --out "$work/generated/src"; done | median)
  printf '//! Generated tables.\n#![allow(missing_docs)]\ninclude!("model.rs");\n' > "$work/generated/src/lib.rs"
  for crate in generated plain; do  # dependencies, with each crate's own features
    cargo check -q --manifest-path "$work/Cargo.toml" -p "bench-$crate" >/dev/null 2>&1
  done
  declare -A cold touch
  for crate in generated plain; do
    cold[$crate]=$(for _ in $(seq "$rounds"); do
      cargo clean -q -p "bench-$crate" --manifest-path "$work/Cargo.toml" 2>/dev/null
      elapsed cargo check -q --manifest-path "$work/Cargo.toml" -p "bench-$crate"
    done | median)
    touch[$crate]=$(for _ in $(seq "$rounds"); do
      touch "$work/$crate/src/lib.rs"
      elapsed cargo check -q --manifest-path "$work/Cargo.toml" -p "bench-$crate"
    done | median)
  done
  lines=$(cat "$work/generated/src/model.rs" | wc -l)
  printf '%-6s %-10s %10.2f %10.2f %10.2f %10.2f %8.2f %8.2f   (generate: %.3fs)\n' "$n" "$lines" \
    "${cold[generated]}" "${cold[plain]}" "${touch[generated]}" "${touch[plain]}" \
    "$(echo "${cold[generated]} / ${cold[plain]}" | bc -l)" "$(echo "${touch[generated]} / ${touch[plain]}" | bc -l)" "$gen_time"
done
