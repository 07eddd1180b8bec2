//! Compiling the core's code off the page's main thread: `warmCore(root)` (the worker
//! part of the package's `warmUp`, js/index.js), and `warm`, the core's planning run
//! on a text for no result but its code.
//!
//! V8 compiles a WebAssembly function on its first call, on the thread that calls it,
//! and a compiled `WebAssembly.Module` shares its code with every instance of it,
//! also one in a worker. `warmCore` has `js/warm.js` run `warm` once in a throwaway
//! worker's instance on the article's text: the core's code (sections, the quote rules)
//! is then compiled before the mount calls it on the main thread. Only the core runs
//! in the worker: nothing `warm` reaches touches the DOM or calls an import.

use crate::core::{self, find, Block, BlockKind, IdSet, OptionValue, Settings};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/warm.js")]
extern "C" {
    /// Runs `warm` on the text of `root` in a worker: see js/warm.js.
    #[wasm_bindgen(js_name = warmIn)]
    fn warm_in(module: JsValue, root: &JsValue) -> js_sys::Promise;
}

/// Compiles the core's code in a throwaway worker on the text of the article under
/// `root` (an Element or a CSS selector). Resolves when done, after a second at most;
/// never rejects. Optional: a mount after it blocks the main thread for less.
#[wasm_bindgen(js_name = warmCore, skip_typescript)]
pub fn warm_up(root: JsValue) -> js_sys::Promise {
    warm_in(wasm_bindgen::module(), &root)
}

/// A buffer of `len` bytes in the module's memory, for the worker of `warmCore` to copy
/// the article's text into before it calls `warm` with it. One of the module's own
/// exports (plain WebAssembly, no glue): the worker calls nothing else but `warm`.
#[no_mangle]
pub extern "C" fn warm_buffer(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Plans the text in the buffer of `warm_buffer` (and frees it); returns how many
/// sections and quotes it found.
///
/// # Safety
/// `ptr` and `len` are a buffer `warm_buffer(len)` returned, not yet given to `warm`,
/// filled with UTF-8 (the worker's TextEncoder writes nothing else).
#[no_mangle]
pub unsafe extern "C" fn warm(ptr: *mut u8, len: usize) -> usize {
    // SAFETY: the caller passes a buffer of `warm_buffer`, which owns it until here,
    // holding UTF-8 (as wasm-bindgen's own string arguments, it is not checked again).
    let bytes = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    plan_text(unsafe { std::str::from_utf8_unchecked(&bytes) })
}

/// Checks a few options and plans `text` as an article (a paragraph a line, long lines
/// cut near sentence ends, and a few bold lines between them for the heading rules);
/// returns how many sections and quotes it found.
fn plan_text(text: &str) -> usize {
    let mut blocks = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut rest = line;
        while !rest.is_empty() {
            let (paragraph, after) = rest
                .split_at_checked(paragraph_end(rest))
                .unwrap_or((rest, ""));
            blocks.push(Block::new(BlockKind::Paragraph, paragraph));
            rest = after.trim_start();
            if blocks.len() % 4 == 0 {
                blocks.push(Block::new(BlockKind::Line, "What came next").bold());
            }
        }
    }
    // Options as a page passes them, for the code that checks them.
    let options = [
        (
            "comments".to_owned(),
            OptionValue::Str("#comments".to_owned()),
        ),
        ("maxQuotes".to_owned(), OptionValue::Number(3.0)),
        ("open".to_owned(), OptionValue::Str("first".to_owned())),
    ];
    let settings = Settings::from_options(&options).unwrap_or_default();
    let plan = core::plan(&blocks, &settings, &IdSet::new());
    plan.sections.len() + plan.quotes.len()
}

/// Where the first paragraph of `line` ends: after the first sentence end past 400
/// bytes, or the whole line.
fn paragraph_end(line: &str) -> usize {
    line.get(400..)
        .and_then(|tail| find::find(tail, ". "))
        .map_or(line.len(), |i| 400 + i + 1)
}
