//! Fuzzes the core with articles from the generator (src/core/textgen.rs): the bytes
//! drive its choices, so mutations explore scripts, quotation marks, verbs, markup and
//! settings rather than raw bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_widget::core::fuzzing::check_generated(data);
});
