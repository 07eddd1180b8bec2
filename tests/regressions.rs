//! Traps found by the article generator (src/core/textgen.rs) and the fuzz targets,
//! each pinned by the smallest input that showed it, named after the bug.
//! A trap found later that cannot be fixed at once is pinned here `#[ignore]`d with
//! its panic, and its file listed in `KNOWN_TRAPS` (src/core/mod.rs,
//! tests/generated.rs) until the fix lands.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::core::fuzzing::check_plan;
use article_widget::core::{Block, BlockKind, IdSet, Settings};

fn para(text: &str) -> Block {
    Block::new(BlockKind::Paragraph, text)
}

fn plans(blocks: &[Block]) {
    check_plan(blocks, &Settings::default(), &IdSet::new());
}

/// Panicked with "end byte index 2 is not a char boundary; it is inside '人' (bytes
/// 0..3) of `人`" in src/core/quotes/speakers.rs (`is_reporting_verb`, the doubled
/// consonant test compares and slices bytes).
#[test]
fn reporting_verb_after_a_cjk_letter_does_not_trap() {
    plans(&[para("“Hi there,” 人ed.")]);
}

/// The same trap with the letter after Latin ones ("smith人ed") and before "-ing". It
/// needs a stem whose last character ends in two equal bytes (人 is E4 BA BA): the
/// bytes compare equal, and the slice one byte short cuts the character.
#[test]
fn reporting_verb_stem_ending_in_a_multibyte_letter_does_not_trap() {
    plans(&[para("“We will,” Smith人ed.")]);
    plans(&[para("“Nej,” Björk人ing.")]);
}

/// Texts near that trap that must keep working: doubled Latin consonants and verbs
/// glued to letters of other scripts after the verb.
#[test]
fn reporting_verbs_next_to_other_scripts_plan() {
    plans(&[para("“We will,” she snapped.")]);
    plans(&[para("“We will,” said人 Smith.")]);
    plans(&[para("“Hi,” saidé Zoë.")]);
    // Two-byte letters never have two equal last bytes: no trap, then or now.
    plans(&[para("«Да», сказалé Путинed.")]);
}
