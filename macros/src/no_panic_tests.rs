//! The macros never panic: every UI-test input, the Session declarations, and random
//! token-level mutations of them go through the inner `expand` functions, which must return
//! tokens (output or `compile_error!`s), never unwind.
//!
//! Inputs are found by walking each file's token tree (no `syn/full` needed): `choice! {..}`,
//! `lookup! {..}` and `#[dataverse_entity(..)] <item>`. The number of mutations per input is
//! `MACRO_FUZZ_CASES` (default 40); the seed is `MACRO_FUZZ_SEED` (default fixed), so a failure
//! reproduces. A longer run:
//! `MACRO_FUZZ_CASES=5000 cargo test --release -p dataverse-model-macros no_panic`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

#[derive(Clone, Copy, Debug)]
enum Macro {
    Choice,
    Lookup,
    Entity,
}

/// One macro call found in a file.
#[derive(Clone)]
struct Call {
    what: Macro,
    /// The attribute's arguments (`#[dataverse_entity(<args>)]`); empty for the others.
    args: TokenStream,
    /// The macro body, or the item the attribute is on.
    input: TokenStream,
    origin: String,
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (xorshift64*), so no `rand` dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn calls_in(tokens: TokenStream, origin: &str, out: &mut Vec<Call>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        // `choice! { .. }` / `lookup! { .. }` (also `path::choice!`)
        if let (TokenTree::Ident(name), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body))) =
            (&tokens[i], tokens.get(i + 1), tokens.get(i + 2))
            && bang.as_char() == '!'
        {
            let what = match name.to_string().as_str() {
                "choice" => Some(Macro::Choice),
                "lookup" => Some(Macro::Lookup),
                _ => None,
            };
            if let Some(what) = what {
                out.push(Call {
                    what,
                    args: TokenStream::new(),
                    input: body.stream(),
                    origin: format!("{origin}: {name}!"),
                });
                i += 3;
                continue;
            }
        }
        // `#[dataverse_entity(..)] <item up to its body>`
        if let (TokenTree::Punct(hash), Some(TokenTree::Group(attr))) =
            (&tokens[i], tokens.get(i + 1))
            && hash.as_char() == '#'
            && attr.delimiter() == Delimiter::Bracket
        {
            let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
            let named = inner
                .iter()
                .any(|t| matches!(t, TokenTree::Ident(id) if id == "dataverse_entity"));
            if named {
                let args = match inner.last() {
                    Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                        g.stream()
                    }
                    _ => TokenStream::new(),
                };
                let mut item = Vec::new();
                let mut j = i + 2;
                while j < tokens.len() {
                    let t = tokens[j].clone();
                    j += 1;
                    let end = match &t {
                        TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
                        TokenTree::Punct(p) => p.as_char() == ';',
                        _ => false,
                    };
                    item.push(t);
                    if end {
                        break;
                    }
                }
                out.push(Call {
                    what: Macro::Entity,
                    args,
                    input: item.into_iter().collect(),
                    origin: format!("{origin}: #[dataverse_entity]"),
                });
                i = j;
                continue;
            }
        }
        if let TokenTree::Group(g) = &tokens[i] {
            calls_in(g.stream(), origin, out);
        }
        i += 1;
    }
}

fn seed_calls() -> Vec<Call> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut paths = Vec::new();
    files(&root.join("ui"), &mut paths);
    files(&root.join("src"), &mut paths);
    paths.sort();
    let mut calls = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read a test input");
        let origin = path.display().to_string();
        match TokenStream::from_str(&text) {
            Ok(tokens) => calls_in(tokens, &origin, &mut calls),
            // a UI test may hold text that does not even lex; nothing to feed then
            Err(_) => continue,
        }
    }
    calls
}

/// Runs the macro on `call`; `Err` with the panic message if it unwinds.
fn run(call: &Call) -> Result<TokenStream, String> {
    let krate: TokenStream = quote::quote!(::dataverse_model);
    let what = call.what;
    let args = call.args.clone();
    let input = call.input.clone();
    catch_unwind(AssertUnwindSafe(move || match what {
        Macro::Choice => {
            let mut full = TokenStream::from(TokenTree::Group(Group::new(Delimiter::Brace, krate)));
            full.extend(input);
            crate::choice::expand(full)
        }
        Macro::Lookup => {
            let mut full = TokenStream::from(TokenTree::Group(Group::new(Delimiter::Brace, krate)));
            full.extend(input);
            crate::lookup::expand(full)
        }
        Macro::Entity => crate::entity::expand(args, input),
    }))
    .map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "a panic".to_owned())
    })
}

// ---- mutations ---------------------------------------------------------------------------

const IDENTS: &[&str] = &[
    "choice",
    "lookup",
    "target",
    "label",
    "overrides",
    "state",
    "extends",
    "name",
    "global",
    "fallback",
    "base",
    "option_prefix",
    "status_of",
    "column",
    "navigation",
    "entity_set",
    "relationship",
    "referenced_attribute",
    "referenced_entity",
    "cascade",
    "parental",
    "referential",
    "restrict",
    "system",
    "archive",
    "assign",
    "delete",
    "merge",
    "reparent",
    "rollup_view",
    "share",
    "unshare",
    "Cascade",
    "NoCascade",
    "Active",
    "UserOwned",
    "RemoveLink",
    "Restrict",
    "dataverse",
    "dataverse_entity",
    "logical_name",
    "primary_id",
    "primary_name",
    "publisher_prefix",
    "max_length",
    "min",
    "max",
    "precision",
    "money",
    "required",
    "read_only",
    "formatted_values",
    "etag",
    "crate",
    "Option",
    "Field",
    "Choices",
    "Guid",
    "String",
    "i32",
    "pub",
    "enum",
    "struct",
    "union",
    "fn",
    "Self",
    "_",
    "Unrecognized",
    "Base",
    "x",
];

fn literal(rng: &mut Rng) -> Literal {
    match rng.below(16) {
        0 => Literal::string(""),
        1 => Literal::string("{target}"),
        2 => Literal::string("a b"),
        3 => Literal::string("über_name"),
        4 => Literal::i64_unsuffixed(i64::MAX),
        5 => Literal::u64_unsuffixed(u64::MAX),
        6 => Literal::i32_unsuffixed(0),
        7 => Literal::i32_unsuffixed(192_350_000),
        8 => Literal::u128_unsuffixed(u128::MAX),
        9 => Literal::f64_unsuffixed(1.5),
        10 => Literal::f64_unsuffixed(1e300),
        11 => Literal::character('x'),
        12 => Literal::byte_string(b"bytes"),
        13 => Literal::i32_suffixed(5),
        14 => Literal::from_str("0x7fff_ffff").expect("literal"),
        _ => Literal::from_str("1_0000").expect("literal"),
    }
}

fn punct(rng: &mut Rng) -> Punct {
    let chars = [
        '=', ',', '#', '!', '-', ':', ';', '<', '>', '&', '.', '@', '\'',
    ];
    Punct::new(chars[rng.below(chars.len())], Spacing::Alone)
}

fn fresh_token(rng: &mut Rng) -> TokenTree {
    match rng.below(5) {
        0 | 1 => Ident::new(IDENTS[rng.below(IDENTS.len())], Span::call_site()).into(),
        2 => literal(rng).into(),
        3 => punct(rng).into(),
        _ => {
            let delimiter = [
                Delimiter::Parenthesis,
                Delimiter::Bracket,
                Delimiter::Brace,
                Delimiter::None,
            ][rng.below(4)];
            let inner: TokenStream = (0..rng.below(3)).map(|_| fresh_token_flat(rng)).collect();
            Group::new(delimiter, inner).into()
        }
    }
}

fn fresh_token_flat(rng: &mut Rng) -> TokenTree {
    match rng.below(3) {
        0 => Ident::new(IDENTS[rng.below(IDENTS.len())], Span::call_site()).into(),
        1 => literal(rng).into(),
        _ => punct(rng).into(),
    }
}

/// Counts the token trees (groups and their contents) of a stream.
fn count(tokens: &TokenStream) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|t| match t {
            TokenTree::Group(g) => 1 + count(&g.stream()),
            _ => 1,
        })
        .sum()
}

/// Applies one edit at the `target`-th token tree (depth first); `target` counts down.
fn mutate_at(tokens: TokenStream, target: &mut usize, rng: &mut Rng) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for tree in tokens {
        if *target == usize::MAX {
            out.push(tree);
            continue;
        }
        if *target == 0 {
            *target = usize::MAX; // done
            match rng.below(8) {
                0 => {} // delete
                1 => {
                    out.push(tree.clone());
                    out.push(tree);
                }
                2 => {
                    out.push(fresh_token(rng));
                }
                3 => {
                    out.push(fresh_token(rng));
                    out.push(tree);
                }
                4 => match tree {
                    TokenTree::Group(g) => {
                        let delimiter = [
                            Delimiter::Parenthesis,
                            Delimiter::Bracket,
                            Delimiter::Brace,
                            Delimiter::None,
                        ][rng.below(4)];
                        out.push(Group::new(delimiter, g.stream()).into());
                    }
                    other => {
                        out.push(other);
                        out.push(punct(rng).into());
                    }
                },
                5 => match tree {
                    // empty a group, or hoist its contents
                    TokenTree::Group(g) if rng.chance(2) => out.extend(g.stream()),
                    TokenTree::Group(g) => {
                        out.push(Group::new(g.delimiter(), TokenStream::new()).into())
                    }
                    _ => out.push(literal(rng).into()),
                },
                6 => {
                    // swap with the previous token
                    match out.pop() {
                        Some(previous) => {
                            out.push(tree);
                            out.push(previous);
                        }
                        None => out.push(tree),
                    }
                }
                _ => {
                    out.push(tree);
                    out.push(fresh_token_flat(rng));
                }
            }
            continue;
        }
        *target -= 1;
        match tree {
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), mutate_at(g.stream(), target, rng));
                inner.set_span(g.span());
                out.push(inner.into());
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn mutate(tokens: &TokenStream, rng: &mut Rng) -> TokenStream {
    let mut tokens = tokens.clone();
    let edits = 1 + rng.below(4);
    for _ in 0..edits {
        let n = count(&tokens);
        let mut target = rng.below(n + 1);
        tokens = mutate_at(tokens, &mut target, rng);
    }
    tokens
}

#[test]
fn every_ui_input_expands_without_panicking() {
    let calls = seed_calls();
    // 20 `choice!`, 39 `lookup!`, 13 entities in tests/ui, plus the Session declarations
    assert!(calls.len() >= 72, "found only {} macro calls", calls.len());
    let mut failures = Vec::new();
    for call in &calls {
        match run(call) {
            Ok(tokens) => assert!(!tokens.is_empty(), "{}: no output at all", call.origin),
            Err(panic) => failures.push(format!("{}: {panic}", call.origin)),
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

#[test]
fn no_panic_on_token_mutations() {
    let calls = seed_calls();
    let cases = env_number("MACRO_FUZZ_CASES", 40);
    let seed = env_number("MACRO_FUZZ_SEED", 0x5EED_DA7A);
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    let (mut ran, mut rejected) = (0u64, 0u64);
    for call in &calls {
        for _ in 0..cases {
            let mut mutated = call.clone();
            // mutate the body, the attribute arguments, or both
            match (call.what, rng.below(3)) {
                (Macro::Entity, 0) => mutated.args = mutate(&call.args, &mut rng),
                (Macro::Entity, 1) => {
                    mutated.args = mutate(&call.args, &mut rng);
                    mutated.input = mutate(&call.input, &mut rng);
                }
                _ => mutated.input = mutate(&call.input, &mut rng),
            }
            ran += 1;
            let result = run(&mutated);
            if let Ok(tokens) = &result
                && tokens.to_string().contains("compile_error")
            {
                rejected += 1;
            }
            if let Err(panic) = result {
                failures.push(format!(
                    "{} (mutated): {panic}\n  args: {}\n  input: {}",
                    call.origin, mutated.args, mutated.input
                ));
                if failures.len() >= 5 {
                    break;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} mutated inputs panicked (seed {seed:#x}):\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "macro fuzz: {ran} mutated inputs from {} calls ({rejected} rejected with errors), seed {seed:#x}, no panic",
        calls.len()
    );
}
