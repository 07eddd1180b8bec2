//! Quotations and their speakers in French, Spanish, Portuguese, German and Italian,
//! next to English: floors per language on the labelled articles of
//! `tests/fixtures/quotes-lang/` (written for this project). Each floor sits just
//! under what the finder reaches; a rule that breaks a language fails here.
//! `cargo run --release --example quotes_lang -- --errors` shows what goes wrong.

#[path = "quotes_lang/score.rs"]
mod score;

use std::path::Path;

/// Floors: (language, precision, recall, speaker accuracy), the page's language
/// declared.
const DECLARED: &[(&str, f64, f64, f64)] = &[
    ("de", 0.94, 0.84, 0.0),
    ("en", 0.99, 0.99, 0.82),
    ("es", 0.94, 0.92, 0.21),
    ("fr", 0.99, 0.97, 0.14),
    ("it", 0.99, 0.94, 0.18),
    ("pt", 0.99, 0.94, 0.26),
];

/// Floors with no language declared: the finder tells it by the words.
const UNDECLARED: &[(&str, f64, f64, f64)] = DECLARED;

fn articles() -> Vec<score::Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes-lang");
    score::load(&dir).unwrap_or_else(|e| panic!("{e}"))
}

fn check(declared: bool, floors: &[(&str, f64, f64, f64)]) {
    let got = score::by_language(&articles(), declared);
    let mut failed = Vec::new();
    for &(lang, p, r, s) in floors {
        let Some(c) = got.get(lang) else {
            failed.push(format!("{lang}: no articles"));
            continue;
        };
        let (gp, gr, gs) = (c.precision(), c.recall(), c.speaker_accuracy());
        if gp < p || gr < r || gs < s {
            failed.push(format!(
                "{lang}: precision {gp:.3} (floor {p}), recall {gr:.3} (floor {r}), speaker {gs:.3} (floor {s})"
            ));
        }
    }
    if !failed.is_empty() {
        // What went wrong, to read next to the figures.
        for a in articles() {
            let mut c = score::Counts::default();
            for (text, what) in score::score(&a, &score::run(&a, declared), &mut c) {
                failed.push(format!("  [{}] {what}: {text:?}", a.id));
            }
        }
    }
    assert!(failed.is_empty(), "below the floor:\n{}", failed.join("\n"));
}

#[test]
fn every_language_holds_its_floors_with_its_lang_declared() {
    check(true, DECLARED);
}

#[test]
fn every_language_holds_its_floors_with_no_lang_declared() {
    check(false, UNDECLARED);
}

#[test]
fn each_language_has_forty_labelled_quotations() {
    let all = articles();
    for lang in ["de", "es", "fr", "it", "pt"] {
        let n: usize = all
            .iter()
            .filter(|a| a.lang.split('-').next() == Some(lang))
            .map(|a| a.labels.len())
            .sum();
        assert!(n >= 40, "{lang}: {n} labelled quotations");
    }
}
