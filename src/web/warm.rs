//! `warm(text)`: the core's planning run on a text, for no result but its code.
//!
//! V8 compiles a WebAssembly function on its first call, on the thread that calls it,
//! and a compiled `WebAssembly.Module` shares its code with every instance of it,
//! also one in a worker. The embed runs this export once in a throwaway worker's
//! instance on the article's text while the rest of the widget loads: the core's code
//! (sections, the quote rules) is then compiled off the page's main thread, before the
//! mount calls it there. Only the core runs: nothing here touches the DOM or imports.

use crate::core::{self, Block, BlockKind, IdSet, Settings};
use wasm_bindgen::prelude::*;

/// Plans `text` as an article (a paragraph a line, long lines cut near sentence ends,
/// and a few bold lines between them for the heading rules); returns how many sections
/// and quotes it found.
#[wasm_bindgen(skip_typescript)]
pub fn warm(text: &str) -> usize {
    let mut blocks = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut rest = line;
        while !rest.is_empty() {
            let cut = paragraph_end(rest);
            blocks.push(Block::new(BlockKind::Paragraph, &rest[..cut]));
            rest = rest[cut..].trim_start();
            if blocks.len() % 4 == 0 {
                blocks.push(Block::new(BlockKind::Line, "What came next").bold());
            }
        }
    }
    let plan = core::plan(&blocks, &Settings::default(), &IdSet::new());
    plan.sections.len() + plan.quotes.len()
}

/// Where the first paragraph of `line` ends: after the first sentence end past 400
/// bytes, or the whole line.
fn paragraph_end(line: &str) -> usize {
    line.get(400..)
        .and_then(|tail| tail.find(". "))
        .map_or(line.len(), |i| 400 + i + 1)
}
