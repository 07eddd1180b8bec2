//! The article's DOM read into blocks.
//!
//! Blog bodies come in every shape: paragraphs, `<div>` per line, or text runs split
//! by `<br>` (Blogger's editor). Each becomes a [`Block`]; its [`Place`] says which
//! sibling nodes it covers, so that sections can be wrapped and quotes found again.
//!
//! The walk itself is `js/read.js`, one call that returns the blocks in a compact
//! form (a DOM call costs nothing extra there, where from here each node, attribute
//! and style would cross the boundary). It measures and decides nothing: each block's
//! font weight and size, its link characters, and the class names, ids, roles and
//! tag names of the elements around it (the core tells headings and plugin boxes from
//! them). Here the sizes are made relative to the body text's.

use crate::core::{Block, BlockKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

#[wasm_bindgen(module = "/js/read.js")]
extern "C" {
    /// `[strings, numbers, nodes]`: see js/read.js.
    #[wasm_bindgen(js_name = readArticle)]
    fn read_article(root: &Element, exclude: Option<&str>, ads: &str) -> js_sys::Array;
    /// `[background, text]` luminances, -1 for none: see js/read.js.
    #[wasm_bindgen(js_name = pageLook)]
    fn page_look_js(root: &Element) -> js_sys::Array;
    /// The document's ids, each once, in ascending order, space-separated: see
    /// js/read.js.
    #[wasm_bindgen(js_name = pageIds)]
    pub fn page_ids(doc: &web_sys::Document) -> String;
    /// Whether `root` is in its document and holds every node of `nodes`: see
    /// js/read.js.
    #[wasm_bindgen(js_name = holdsAll)]
    pub fn holds_all(root: &Element, nodes: &js_sys::Array) -> bool;
}

/// Where a block is: a run of sibling nodes (an element alone, or the inline nodes of
/// one line). Nodes are indices into [`Places::nodes`]: they stay in the JavaScript
/// array the reader made, and cross into the module only when one is needed (most
/// never are: the sections' DOM work takes them from that array itself).
#[derive(Clone, Debug)]
pub struct Place {
    /// The first node of the run.
    pub first: u32,
    /// The last node of the run (the same as `first` for an element).
    pub last: u32,
    /// The block's text nodes, each with the byte offset of its text in the block's
    /// text.
    pub texts: Vec<(u32, usize)>,
}

/// Where each block of an article is, index for index, with the nodes they name.
pub struct Places {
    /// One place a block.
    pub list: Vec<Place>,
    /// The nodes the places name, as js/read.js listed them.
    pub nodes: js_sys::Array,
}

impl Places {
    /// Block `i`'s place.
    pub fn get(&self, i: usize) -> Option<&Place> {
        self.list.get(i)
    }

    /// Node `i` of [`Places::nodes`].
    pub fn node(&self, i: u32) -> Node {
        self.nodes.get(i).unchecked_into()
    }
}

/// An article read from the DOM: its blocks and their places, index for index.
pub struct Article {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Where each block is.
    pub places: Places,
}

/// Numbers js/read.js gives each block before its text nodes' starts.
const BLOCK_FIELDS: usize = 13;

fn kind(code: f64, level: f64) -> BlockKind {
    match code as u8 {
        1 => BlockKind::Line,
        2 => BlockKind::Heading(level as u8),
        3 => BlockKind::Quote,
        4 => BlockKind::ListItem,
        5 => BlockKind::Caption,
        6 => BlockKind::Code,
        7 => BlockKind::Other,
        8 => BlockKind::Ad,
        _ => BlockKind::Paragraph,
    }
}

/// The byte offsets in `text` of the UTF-16 offsets `starts` (ascending). Walks the
/// bytes: an ASCII byte is one unit, a character of four bytes two, any other one
/// (the marks are mostly ASCII, and so is much text).
fn byte_offsets(text: &str, starts: &[f64]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(starts.len());
    let (mut units, mut byte) = (0usize, 0usize);
    for &s in starts {
        let s = s as usize;
        while units < s {
            let Some(&b) = bytes.get(byte) else { break };
            let (len, width) = match b {
                0..=0x7f => (1, 1),
                0xf0..=0xff => (4, 2),
                0xe0..=0xef => (3, 1),
                _ => (2, 1),
            };
            byte += len;
            units += width;
        }
        out.push(byte.min(bytes.len()));
    }
    out
}

/// The next `units` UTF-16 code units of `rest` (all of it when it is shorter), and
/// what follows them.
fn split_units(rest: &str, units: f64) -> (&str, &str) {
    let at = byte_offsets(rest, &[units]).first().copied();
    rest.split_at_checked(at.unwrap_or(rest.len()))
        .unwrap_or((rest, ""))
}

/// Reads the article under `root`. Content matching `exclude` is passed over; each
/// element matching `ads` (the core's ad-slot selector) is a block of its own.
pub fn read(root: &Element, exclude: Option<&str>, ads: &str) -> Article {
    let parts = read_article(root, exclude, ads);
    let strings = parts.get(0).as_string().unwrap_or_default();
    let mut rest = strings.as_str();
    let numbers = parts
        .get(1)
        .unchecked_into::<js_sys::Float64Array>()
        .to_vec();
    let nodes: js_sys::Array = parts.get(2).unchecked_into();
    let mut next = |units: f64| {
        let (s, after) = split_units(rest, units);
        rest = after;
        s
    };
    let mut article = Article {
        blocks: Vec::new(),
        places: Places {
            list: Vec::new(),
            nodes,
        },
    };
    // For each paragraph or line measured: its index, its font size in pixels and
    // its words.
    let mut sizes: Vec<(usize, f32, usize)> = Vec::new();
    let mut at = 0;
    // A block's fields as an array: their reads below need no bounds check.
    while let Some(f) = numbers
        .get(at..at + BLOCK_FIELDS)
        .and_then(|f| <&[f64; BLOCK_FIELDS]>::try_from(f).ok())
    {
        let n = f[9] as usize;
        let starts = numbers
            .get(at + BLOCK_FIELDS..at + BLOCK_FIELDS + n)
            .unwrap_or(&[]);
        at += BLOCK_FIELDS + n;
        let i = article.blocks.len();
        let mut block = Block::new(kind(f[0], f[1]), next(f[10]).to_string());
        block.marks = next(f[11]).trim().to_string();
        block.id = Some(next(f[12]).to_string()).filter(|id| !id.is_empty());
        block.weight = f[2] as u16;
        if f[4] > 0.0 {
            block.links = (f[5] / f[4]) as f32;
        }
        if f[3] > 0.0 {
            sizes.push((i, f[3] as f32, block.words()));
        }
        let texts = byte_offsets(&block.text, starts)
            .into_iter()
            .enumerate()
            .map(|(k, b)| (f[8] as u32 + k as u32, b))
            .collect();
        article.places.list.push(Place {
            first: f[6] as u32,
            last: f[7] as u32,
            texts,
        });
        article.blocks.push(block);
    }
    // Sizes are measured in pixels and reported against the body text's: the size
    // that carries the most words of running text (Medium sets its paragraphs larger
    // than their container, so the container's size is no measure).
    let mut by_size: Vec<(i32, usize)> = Vec::new();
    for &(_, px, words) in &sizes {
        let key = (px * 2.0).round() as i32;
        match by_size.iter_mut().find(|(k, _)| *k == key) {
            Some((_, w)) => *w += words,
            None => by_size.push((key, words)),
        }
    }
    let body = by_size
        .iter()
        .max_by_key(|(_, w)| *w)
        .map_or(0.0, |(k, _)| *k as f32 / 2.0);
    for &(i, px, _) in &sizes {
        if let Some(b) = article.blocks.get_mut(i) {
            b.size = if body > 0.0 && b.weight > 0 {
                px / body
            } else {
                0.0
            };
        }
    }
    article
}

/// The relative luminances (0 black to 1 white) of the first opaque background
/// behind `root` (`None` when every element up to the page's is transparent) and of
/// the root's text colour: what the core needs to tell a dark page. Read by
/// js/read.js.
pub fn page_look(root: &Element) -> (Option<f32>, Option<f32>) {
    let look = page_look_js(root);
    let part = |i| look.get(i).as_f64().filter(|l| *l >= 0.0).map(|l| l as f32);
    (part(0), part(1))
}

/// The blocks under `root` as the fixture lines of [`crate::core::fixture`], each
/// with the value of its element's `data-gold` attribute in the last column: the
/// corpus dump (`scripts/dump-blocks.mjs`) marks the page's own headings with their
/// level before reading. Built into debug builds only; releases do not ship it.
#[cfg(debug_assertions)]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "__readBlocks")]
pub fn read_blocks(root: &Element) -> String {
    let article = read(root, None, &crate::core::ads::slot_selector(None));
    let mut out = String::new();
    for (b, place) in article.blocks.iter().zip(&article.places.list) {
        let first = article.places.node(place.first);
        // The reader lists a block's first and last node apart even when they are one
        // element: compare the nodes, not their indices.
        let alone = first == article.places.node(place.last);
        let gold = first
            .dyn_ref::<Element>()
            .filter(|_| alone)
            .and_then(|e| e.get_attribute("data-gold"))
            .unwrap_or_default();
        out.push_str(&crate::core::fixture::to_line(b, &gold));
        out.push('\n');
    }
    out
}
