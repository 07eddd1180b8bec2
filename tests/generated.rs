//! Replays the corpus of the generator's fuzz target (fuzz/corpus/generated): each
//! input is a list of the generator's choices, so every article that once reached new
//! code stays a test under plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::core::fuzzing::{catch, check_generated};
use std::fs;

/// The files of traps the fuzzer may find in code fixed on another branch (see
/// tests/regressions.rs); empty once those fixes have merged.
const KNOWN_TRAPS: &[&str] = &[];

/// Replays one corpus file in ten (sorted by name, so always the same ones): the
/// corpus is the fuzzer's state and holds hundreds of articles, too many for a quick
/// debug-build run. ARTICLE_WIDGET_CORPUS=all replays every file.
#[test]
fn every_generated_fuzz_corpus_input_still_plans() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/generated");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("the fuzz corpus is in the repository")
        .map(|e| e.expect("a readable corpus entry").path())
        .collect();
    paths.sort();
    let step = if std::env::var("ARTICLE_WIDGET_CORPUS").is_ok_and(|v| v == "all") {
        1
    } else {
        10
    };
    let mut n = 0;
    let mut failures = Vec::new();
    for path in paths.iter().step_by(step) {
        let data = fs::read(path).expect("a readable corpus file");
        if let Err(t) = catch(|| check_generated(&data)) {
            if !KNOWN_TRAPS.contains(&t.file.as_str()) {
                failures.push(format!(
                    "{}: {}:{}: {}",
                    path.display(),
                    t.file,
                    t.line,
                    t.message
                ));
            }
        }
        n += 1;
    }
    assert!(n >= 4, "the generated fuzz corpus holds only {n} inputs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The empty input and inputs of one repeated byte make whole articles too (the
/// bytes run out and a stream seeded from them goes on).
#[test]
fn short_and_uniform_inputs_make_articles() {
    for data in [&b""[..], &[0; 64], &[255; 64], b"\xe4\xba\xbaed"] {
        let a = article_widget::core::textgen::article_from_bytes(data);
        assert!(!a.blocks.is_empty());
        let _ = catch(|| check_generated(data));
    }
}

/// Writes generated articles as HTML for the Node tests (tests/node/generated.test.mjs
/// runs this with GENERATED_HTML=path and a seed range): one JSON line a seed, with
/// the HTML and whether the core traps on it, so that those expect `internal-error`.
#[test]
#[ignore = "run by the Node tests (tests/node/generated.test.mjs); it writes files"]
fn write_generated_html() {
    use article_widget::core::fuzzing::check_article;
    use article_widget::core::textgen;
    let Ok(out) = std::env::var("GENERATED_HTML") else {
        return;
    };
    let from: u64 = std::env::var("GENERATED_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let count: u64 = std::env::var("GENERATED_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let mut lines = String::new();
    for seed in from..from + count {
        let a = textgen::article(seed);
        let traps = catch(|| check_article(&a)).is_err();
        lines.push_str(&format!(
            "{{\"seed\":{seed},\"traps\":{traps},\"html\":{}}}\n",
            json_string(&a.to_html())
        ));
    }
    fs::write(out, lines).expect("the output file is writable");
}

/// A JSON string literal (the test crate has no JSON library).
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
