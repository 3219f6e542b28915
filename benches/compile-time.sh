#!/usr/bin/env bash
# Compile-time cost of the macros: builds two generated crates, cold and after touching
# the declaration file, and prints `cargo check` / `cargo build` (dev profile) times:
#   macros: tests/src/session{,_choices,_lookups}.rs copied as is (the full Session, its
#           Sales layer, every choice and lookup of the main example);
#   plain:  the Session's 94 columns as one `#[derive(Serialize, Deserialize)]` struct with
#           the same doc comments (choices as `i32`, lookups as `_<col>_value: Uuid`, dates
#           with `time::serde::rfc3339::option`; party lists, which have no property, left out).
# Plus the macro crate's own cold build (`dataverse-model-macros` with syn, quote, proc-macro2).
# Usage, from anywhere: benches/compile-time.sh   (about 6 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/macros/src" "$work/plain/src"
cat >"$work/macros/Cargo.toml" <<EOF
[package]
name = "ct-macros"
edition = "2024"
publish = false
[workspace]
[dependencies]
dataverse-model = { path = "$root/runtime" }
# as the workspace has it: the runtime reads decimals exactly without arbitrary_precision
rust_decimal = { version = "1", default-features = false, features = ["std"] }
time = { version = "0.3", features = ["serde", "formatting", "parsing", "macros"] }
EOF
cp "$root"/tests/src/session.rs "$root"/tests/src/session_choices.rs "$root"/tests/src/session_lookups.rs "$work/macros/src/"
printf '%s\n' '#![allow(missing_docs)]' 'pub mod session;' 'pub mod session_choices;' 'pub mod session_lookups;' >"$work/macros/src/lib.rs"

cat >"$work/plain/Cargo.toml" <<EOF
[package]
name = "ct-plain"
edition = "2024"
publish = false
[workspace]
[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
uuid = { version = "1", features = ["serde"] }
# exact decimals the way a plain serde user gets them (this crate only; the macro side has none)
rust_decimal = { version = "1", default-features = false, features = ["std", "serde-with-arbitrary-precision"] }
time = { version = "0.3", features = ["serde", "formatting", "parsing", "macros"] }
EOF
python3 - "$root/tests/src/session.rs" >"$work/plain/src/lib.rs" <<'EOF'
import re, sys
src = open(sys.argv[1]).read()
choices = set(re.search(r"session_choices::\{([^}]*)\}", src).group(1).replace(" ", "").replace("\n", "").split(","))
lookups = set(re.search(r"session_lookups::\{([^}]*)\}", src).group(1).replace(" ", "").replace("\n", "").split(","))
body = src[src.index("pub struct Session {"):]
body = body[: body.index("\n}\n")]
print("use serde::{Deserialize, Serialize};\n")
print("#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]")
print("pub struct Session {")
docs = []
for line in body.splitlines()[1:]:
    line = line.strip()
    if line.startswith("///"):
        # the same doc comments as the macro side: both crates document their columns
        docs.append(line)
        continue
    field = re.match(r"pub (\w+): Option<(\w+)>,", line)
    if not field:
        continue
    name, ty = field.groups()
    lines, docs = docs, []
    if ty == "PartyList":
        continue
    for doc in lines:
        print(f"    {doc}")
    if ty in choices:
        print(f"    pub {name}: Option<i32>,")
    elif ty in lookups:
        print(f'    #[serde(rename = "_{name}_value")]\n    pub {name}: Option<uuid::Uuid>,')
    elif ty == "Guid":
        print(f"    pub {name}: Option<uuid::Uuid>,")
    elif ty == "OffsetDateTime":
        print(f'    #[serde(default, with = "time::serde::rfc3339::option")]\n    pub {name}: Option<time::OffsetDateTime>,')
    elif ty == "Decimal":
        print(f'    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]\n    pub {name}: Option<rust_decimal::Decimal>,')
    else:
        print(f"    pub {name}: Option<{ty}>,")
print("}")
EOF

# seconds taken by a command (its output kept in $work/log)
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >>"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

declare -A t
touched_file() {
    if [ "$1" = macros ]; then echo "$work/macros/src/session.rs"; else echo "$work/plain/src/lib.rs"; fi
}
rounds=15
for cmd in check build; do
    for crate in macros plain; do
        (cd "$work/$crate" && cargo clean -q)
        t[$crate.$cmd.cold]=$(cd "$work/$crate" && seconds cargo $cmd -q)
    done
    # a touched rebuild takes a fraction of a second on a machine whose speed drifts: the
    # two crates take turns, so drift slows both alike, and the median of each is kept
    declare -A runs=([macros]="" [plain]="")
    for _ in $(seq $rounds); do
        for crate in macros plain; do
            touch "$(touched_file $crate)"
            runs[$crate]+="$(cd "$work/$crate" && seconds cargo $cmd -q)"$'\n'
        done
    done
    for crate in macros plain; do
        t[$crate.$cmd.touch]=$(printf '%s' "${runs[$crate]}" | sort -n | sed -n "$(((rounds + 1) / 2))p")
    done
done
macros_target="$work/macros-target"
t[macros.crate]=$(cd "$root" && CARGO_TARGET_DIR="$macros_target" seconds cargo build -q -p dataverse-model-macros)

ratio() { echo "scale=2; $1 / $2" | bc; }
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version)"
echo
echo "| build (dev profile; touched: median of $rounds, alternating) | full Session with our macros | plain serde-derive struct | ratio |"
echo "|---|---:|---:|---:|"
for cmd in check build; do
    for when in cold touch; do
        label="cargo $cmd, cold (with dependencies)"
        [ "$when" = touch ] && label="cargo $cmd, after touching the file"
        m=${t[macros.$cmd.$when]} p=${t[plain.$cmd.$when]}
        printf '| %s | %.2f s | %.2f s | %sx |\n' "$label" "$m" "$p" "$(ratio "$m" "$p")"
    done
done
printf '\nmacro crate (dataverse-model-macros with syn, quote, proc-macro2), cold build: %.2f s\n' "${t[macros.crate]}"

# rustc's own work in one touched `cargo check`, counted in instructions (steady where
# wall-clock is not; cargo's fixed cost left out): each crate's rustc runs under callgrind
# through RUSTC_WRAPPER. Skipped without valgrind.
if command -v valgrind >/dev/null; then
    cat >"$work/count-rustc.sh" <<'EOF'
#!/usr/bin/env bash
rustc="$1"
shift
case " $* " in
*" --crate-name ct_macros "* | *" --crate-name ct_plain "*)
    exec valgrind --tool=callgrind --callgrind-out-file=/dev/null "$rustc" "$@" 2>>"$CT_COUNT_LOG" ;;
*) exec "$rustc" "$@" ;;
esac
EOF
    chmod +x "$work/count-rustc.sh"
    declare -A instructions
    for crate in macros plain; do
        file="$(touched_file $crate)"
        (cd "$work/$crate" && cargo check -q && touch "$file" && cargo check -q) >>"$work/log" 2>&1
        touch "$file"
        : >"$work/count.log"
        (cd "$work/$crate" && CT_COUNT_LOG="$work/count.log" RUSTC_WRAPPER="$work/count-rustc.sh" cargo check -q) >>"$work/log" 2>&1
        instructions[$crate]=$(grep -o 'Collected : [0-9]*' "$work/count.log" | awk '{print $3}')
    done
    m=${instructions[macros]} p=${instructions[plain]}
    printf '\nrustc instructions, touched cargo check: %s M with our macros, %s M plain (%sx)\n' \
        "$((m / 1000000))" "$((p / 1000000))" "$(ratio "$m" "$p")"
fi
