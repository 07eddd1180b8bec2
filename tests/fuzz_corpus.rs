//! Replays the corpus the fuzzer found (fuzz/corpus/plan), so that every input that
//! once reached new code stays a regression test, with plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

#[test]
fn every_fuzz_corpus_input_still_plans() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/plan");
    let mut n = 0;
    for entry in fs::read_dir(dir).expect("the fuzz corpus is in the repository") {
        let path = entry.unwrap().path();
        let data = fs::read(&path).unwrap();
        article_widget::core::fuzzing::check(&data);
        n += 1;
    }
    assert!(n >= 10, "the fuzz corpus holds only {n} inputs");
}
