//! Reading the article's DOM into blocks.
//!
//! Blog bodies come in every shape: paragraphs, `<div>` per line, or text runs split
//! by `<br>` (Blogger's editor). Each becomes a [`Block`]; its [`Place`] says which
//! sibling nodes it covers, so that sections can be wrapped and quotes found again.
//!
//! The reader reports what it measures and decides nothing: each block's font weight
//! and size against the body text, its share of link text, and the class names, ids,
//! roles and tag names of the elements around it (the core tells headings and plugin
//! boxes from them).

use super::dom::{children, tag};
use crate::core::{Block, BlockKind};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text, Window};

/// Where a block is: a run of sibling nodes (an element alone, or the inline nodes of
/// one line).
#[derive(Clone, Debug)]
pub struct Place {
    /// The first node of the run.
    pub first: Node,
    /// The last node of the run (the same as `first` for an element).
    pub last: Node,
    /// The block's text nodes, each with the byte offset of its text in the block's
    /// text.
    pub texts: Vec<(Text, usize)>,
}

/// An article read from the DOM: its blocks and their places, index for index.
pub struct Article {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Where each block is.
    pub places: Vec<Place>,
}

/// Elements whose text is not article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "video", "audio", "map", "head", "link", "meta",
];

/// Elements that flow inside a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "picture", "br",
];

/// Containers whose children are read as blocks of their own.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "center", "header", "footer", "body", "span",
];

/// Reads the article under `root`. Content matching `exclude` is passed over.
pub fn read(root: &Element, exclude: Option<&str>) -> Article {
    let mut r = Reader {
        article: Article {
            blocks: Vec::new(),
            places: Vec::new(),
        },
        exclude,
        window: super::dom::window_of(root),
        marks: String::new(),
        sizes: Vec::new(),
        long_sampled: 0,
    };
    r.container(root.as_ref());
    // Sizes are measured in pixels and reported against the body text's: the size
    // that carries the most words of running text (Medium sets its paragraphs larger
    // than their container, so the container's size is no measure).
    let mut by_size: Vec<(i32, usize)> = Vec::new();
    for &(_, px, words) in &r.sizes {
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
    for &(i, px, _) in &r.sizes {
        if let Some(b) = r.article.blocks.get_mut(i) {
            b.size = if body > 0.0 && b.weight > 0 {
                px / body
            } else {
                0.0
            };
        }
    }
    r.article
}

struct Reader<'a> {
    article: Article,
    exclude: Option<&'a str>,
    window: Option<Window>,
    /// The marks of the elements being read into, outermost first (the root's own
    /// are not article's to judge).
    marks: String,
    /// For each paragraph or line measured: its index, its font size in pixels and
    /// its words.
    sizes: Vec<(usize, f32, usize)>,
    /// How many long paragraphs had their size read.
    long_sampled: usize,
}

/// The tag name, classes, id and role of an element, space-separated.
fn marks_of(node: &Node) -> String {
    let Some(e) = node.dyn_ref::<Element>() else {
        return String::new();
    };
    let mut m = e.local_name();
    for name in ["class", "id", "role"] {
        if let Some(v) = e.get_attribute(name) {
            m.push(' ');
            m.push_str(&v);
        }
    }
    m
}

impl Reader<'_> {
    fn excluded(&self, node: &Node) -> bool {
        match (self.exclude, node.dyn_ref::<Element>()) {
            (Some(sel), Some(e)) => e.matches(sel).unwrap_or(false),
            _ => false,
        }
    }

    /// Reads the children of a container: block elements become blocks; runs of
    /// inline nodes become lines, split at `<br>`.
    fn container(&mut self, node: &Node) {
        let mut run: Vec<Node> = Vec::new();
        let kids = children(node);
        let has_br = kids.iter().any(|k| tag(k).as_deref() == Some("br"));
        let line_kind = if has_br {
            BlockKind::Line
        } else {
            BlockKind::Paragraph
        };
        for child in kids {
            match tag(&child) {
                None => {
                    if child.node_type() == Node::TEXT_NODE {
                        run.push(child);
                    }
                }
                Some(t) if t == "br" => self.flush(&mut run, line_kind),
                Some(t) if SKIP.contains(&t.as_str()) => {
                    if !run.is_empty() {
                        run.push(child);
                    }
                }
                Some(_) if self.excluded(&child) => self.flush(&mut run, line_kind),
                Some(t) if INLINE.contains(&t.as_str()) && !has_block_child(&child) => {
                    run.push(child)
                }
                Some(t) => {
                    self.flush(&mut run, line_kind);
                    self.element(&child, &t);
                }
            }
        }
        self.flush(&mut run, line_kind);
    }

    /// Reads `node` as a container, its marks added to those of what it holds.
    fn container_marked(&mut self, node: &Node) {
        let len = self.marks.len();
        self.marks.push(' ');
        self.marks.push_str(&marks_of(node));
        self.container(node);
        self.marks.truncate(len);
    }

    fn element(&mut self, node: &Node, t: &str) {
        let kind = match t {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading(t.as_bytes()[1] - b'0'),
            "p" => {
                if has_block_child(node) {
                    return self.container_marked(node);
                }
                BlockKind::Paragraph
            }
            "blockquote" => BlockKind::Quote,
            "ul" | "ol" | "dl" => {
                let len = self.marks.len();
                self.marks.push(' ');
                self.marks.push_str(&marks_of(node));
                for item in children(node) {
                    if matches!(tag(&item).as_deref(), Some("li" | "dt" | "dd")) {
                        self.push(BlockKind::ListItem, &item, &item);
                    }
                }
                self.marks.truncate(len);
                return;
            }
            "li" | "dt" | "dd" => BlockKind::ListItem,
            "pre" => BlockKind::Code,
            "figure" | "figcaption" | "caption" => BlockKind::Caption,
            "table" | "form" | "nav" | "aside" | "fieldset" | "details" | "menu" | "hr" => {
                BlockKind::Other
            }
            _ if CONTAINERS.contains(&t) || has_block_child(node) => {
                return self.container_marked(node)
            }
            _ => BlockKind::Paragraph,
        };
        // A div-like element that holds only a caption-styled image is read as is.
        self.push(kind, node, node);
    }

    fn flush(&mut self, run: &mut Vec<Node>, kind: BlockKind) {
        // Trim skipped elements off the end; a run is worth a block only with text.
        while run
            .last()
            .is_some_and(|n| tag(n).is_some_and(|t| SKIP.contains(&t.as_str())))
        {
            run.pop();
        }
        if let (Some(first), Some(last)) = (run.first().cloned(), run.last().cloned()) {
            self.push_run(kind, run, &first, &last);
        }
        run.clear();
    }

    fn push(&mut self, kind: BlockKind, first: &Node, last: &Node) {
        self.push_run(kind, std::slice::from_ref(first), first, last);
    }

    fn push_run(&mut self, kind: BlockKind, nodes: &[Node], first: &Node, last: &Node) {
        let mut text = String::new();
        let mut texts = Vec::new();
        let mut chars = Chars::default();
        // A block inside a link (Medium wraps whole tag chips and post cards in one)
        // is all link text.
        let in_link = first
            .parent_element()
            .and_then(|p| p.closest("a[href]").ok().flatten())
            .is_some();
        for n in nodes {
            collect_text(n, self.exclude, in_link, &mut text, &mut texts, &mut chars);
        }
        if text.trim().is_empty() && !matches!(kind, BlockKind::Caption | BlockKind::Other) {
            return;
        }
        let id = first
            .dyn_ref::<Element>()
            .filter(|_| first == last)
            .and_then(|e| e.get_attribute("id"))
            .filter(|id| !id.is_empty());
        let mut block = Block::new(kind, text);
        block.id = id;
        if chars.all > 0 {
            block.links = chars.link as f32 / chars.all as f32;
        }
        let own = if first == last {
            marks_of(first)
        } else {
            String::new()
        };
        block.marks = [self.marks.trim_start(), &own].join(" ").trim().to_string();
        // Only short lines can be headings: their look is worth a full style lookup;
        // a long paragraph's size tells the body text's.
        if matches!(kind, BlockKind::Paragraph | BlockKind::Line) {
            let words = block.words();
            let px = if words <= MEASURED_WORDS {
                let (weight, px) = self.look(&texts);
                block.weight = weight;
                px
            } else if self.long_sampled < SIZE_SAMPLES {
                // The body size is the same paragraph after paragraph: a sample of
                // the long ones tells it.
                self.long_sampled += 1;
                self.body_size(&texts)
            } else {
                0.0
            };
            if px > 0.0 {
                self.sizes.push((self.article.blocks.len(), px, words));
            }
        }
        self.article.blocks.push(block);
        self.article.places.push(Place {
            first: first.clone(),
            last: last.clone(),
            texts,
        });
    }

    /// The font size in pixels of a long block's first text (0 when unknown).
    fn body_size(&self, texts: &[(Text, usize)]) -> f32 {
        let Some(win) = &self.window else {
            return 0.0;
        };
        texts
            .iter()
            .find(|(t, _)| !t.data().trim().is_empty())
            .and_then(|(t, _)| t.parent_element())
            .and_then(|p| win.get_computed_style(&p).ok().flatten())
            .map_or(0.0, |s| {
                px(&s.get_property_value("font-size").unwrap_or_default()) as f32
            })
    }

    /// The lightest font weight of a block's text and its smallest font size in
    /// pixels (`(0, 0.0)` when the page gives no styles).
    fn look(&self, texts: &[(Text, usize)]) -> (u16, f32) {
        let Some(win) = &self.window else {
            return (0, 0.0);
        };
        let mut weight = f64::INFINITY;
        let mut size = f64::INFINITY;
        for (t, _) in texts {
            if t.data().trim().is_empty() {
                continue;
            }
            let Some(parent) = t.parent_element() else {
                continue;
            };
            let Ok(Some(style)) = win.get_computed_style(&parent) else {
                return (0, 0.0);
            };
            let w = style.get_property_value("font-weight").unwrap_or_default();
            let w: f64 = match w.as_str() {
                "bold" | "bolder" => 700.0,
                "normal" => 400.0,
                w => js_sys::parse_float(w),
            };
            if !w.is_nan() {
                weight = weight.min(w);
            }
            let px = px(&style.get_property_value("font-size").unwrap_or_default());
            if px > 0.0 {
                size = size.min(px);
            }
        }
        let weight = if weight.is_finite() {
            weight.clamp(0.0, 1000.0) as u16
        } else {
            0
        };
        let size = if size.is_finite() { size as f32 } else { 0.0 };
        (weight, size)
    }
}

/// How many long paragraphs are measured for the body text's size.
const SIZE_SAMPLES: usize = 40;

/// Blocks up to this many words get their look measured (longer ones are no
/// headings, and a style lookup costs).
const MEASURED_WORDS: usize = 20;

/// Visible characters of a block, and how many of them are link text.
#[derive(Default)]
struct Chars {
    all: usize,
    link: usize,
}

/// The relative luminances (0 black to 1 white) of the first opaque background
/// behind `root` (`None` when every element up to the page's is transparent) and of
/// the root's text colour: what the core needs to tell a dark page.
pub fn page_look(root: &Element) -> (Option<f32>, Option<f32>) {
    let Some(win) = super::dom::window_of(root) else {
        return (None, None);
    };
    let style_of = |e: &Element| win.get_computed_style(e).ok().flatten();
    let text = style_of(root)
        .and_then(|s| s.get_property_value("color").ok())
        .and_then(|c| luminance(&c));
    let mut el = Some(root.clone());
    while let Some(e) = el {
        let bg = style_of(&e)
            .and_then(|s| s.get_property_value("background-color").ok())
            .and_then(|c| luminance(&c));
        if bg.is_some() {
            return (bg, text);
        }
        el = e.parent_element();
    }
    (None, text)
}

/// The relative luminance of a computed colour (`rgb(r, g, b)` or `rgba(r, g, b, a)`),
/// `None` when it is mostly transparent or not in that form.
fn luminance(css: &str) -> Option<f32> {
    let inner = css
        .trim()
        .strip_prefix("rgba(")
        .or_else(|| css.trim().strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(js_sys::parse_float)
        .collect();
    let (r, g, b) = match parts.as_slice() {
        [r, g, b] => (*r, *g, *b),
        [r, g, b, a] if *a >= 0.5 => (*r, *g, *b),
        _ => return None,
    };
    // sRGB to linear light with a gamma of 2 (WCAG's curve needs `powf`, a few
    // kilobytes of module for a threshold that is this far from the colours a page
    // uses).
    let lin = |c: f64| {
        let c = c / 255.0;
        c * c
    };
    Some((0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)) as f32)
}

fn px(v: &str) -> f64 {
    let n = js_sys::parse_float(v);
    if n.is_nan() {
        0.0
    } else {
        n
    }
}

/// Whether a node has a block-level element child (then it is read as a container).
fn has_block_child(node: &Node) -> bool {
    children(node).iter().any(|c| {
        tag(c).is_some_and(|t| !INLINE.contains(&t.as_str()) && !SKIP.contains(&t.as_str()))
    })
}

/// Appends the text under `node` to `out`, recording each text node and where its
/// text starts, and counting its visible characters (`in_link`: inside a link).
/// Skipped and excluded elements add nothing.
fn collect_text(
    node: &Node,
    exclude: Option<&str>,
    in_link: bool,
    out: &mut String,
    texts: &mut Vec<(Text, usize)>,
    chars: &mut Chars,
) {
    if let Some(t) = node.dyn_ref::<Text>() {
        let data = t.data();
        let visible = data.chars().filter(|c| !c.is_whitespace()).count();
        chars.all += visible;
        if in_link {
            chars.link += visible;
        }
        texts.push((t.clone(), out.len()));
        out.push_str(&data);
        return;
    }
    let Some(e) = node.dyn_ref::<Element>() else {
        return;
    };
    let name = e.local_name();
    if SKIP.contains(&name.as_str()) || exclude.is_some_and(|s| e.matches(s).unwrap_or(false)) {
        return;
    }
    let in_link = in_link || (name == "a" && e.has_attribute("href"));
    let block_like = !INLINE.contains(&name.as_str());
    if name == "br" || block_like {
        // Keep words on either side of a line break or block apart.
        if !out.ends_with(char::is_whitespace) && !out.is_empty() {
            out.push(' ');
        }
    }
    // A <q> is a quotation whose marks the browser draws: give the text its marks,
    // so that the core finds it like any other. (They belong to no text node: offsets
    // inside the quotation still map to the page's text.)
    let q = name == "q";
    if q {
        out.push('“');
    }
    for c in children(node) {
        collect_text(&c, exclude, in_link, out, texts, chars);
    }
    if q {
        out.push('”');
    }
    if block_like && !out.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
}

/// The blocks under `root` as the fixture lines of [`crate::core::fixture`], each
/// with the value of its element's `data-gold` attribute in the last column: the
/// corpus dump (`scripts/dump-blocks.mjs`) marks the page's own headings with their
/// level before reading. Built into debug builds only; releases do not ship it.
#[cfg(debug_assertions)]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "__readBlocks")]
pub fn read_blocks(root: &Element) -> String {
    let article = read(root, None);
    let mut out = String::new();
    for (b, place) in article.blocks.iter().zip(&article.places) {
        let gold = place
            .first
            .dyn_ref::<Element>()
            .filter(|_| place.first == place.last)
            .and_then(|e| e.get_attribute("data-gold"))
            .unwrap_or_default();
        out.push_str(&crate::core::fixture::to_line(b, &gold));
        out.push('\n');
    }
    out
}
