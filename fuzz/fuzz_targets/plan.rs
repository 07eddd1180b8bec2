//! Fuzzes the core (quotation marks, names, headings) with arbitrary articles.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_widget::core::fuzzing::check(data);
});
