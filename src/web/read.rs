//! Reading the article's DOM into blocks.
//!
//! Blog bodies come in every shape: paragraphs, `<div>` per line, or text runs split
//! by `<br>` (Blogger's editor). Each becomes a [`Block`]; its [`Place`] says which
//! sibling nodes it covers, so that sections can be wrapped and quotes found again.

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
    };
    r.container(root.as_ref());
    r.article
}

struct Reader<'a> {
    article: Article,
    exclude: Option<&'a str>,
    window: Option<Window>,
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

    fn element(&mut self, node: &Node, t: &str) {
        let kind = match t {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading(t.as_bytes()[1] - b'0'),
            "p" => {
                if has_block_child(node) {
                    return self.container(node);
                }
                BlockKind::Paragraph
            }
            "blockquote" => BlockKind::Quote,
            "ul" | "ol" | "dl" => {
                for item in children(node) {
                    if matches!(tag(&item).as_deref(), Some("li" | "dt" | "dd")) {
                        self.push(BlockKind::ListItem, &item, &item);
                    }
                }
                return;
            }
            "li" | "dt" | "dd" => BlockKind::ListItem,
            "pre" => BlockKind::Code,
            "figure" | "figcaption" | "caption" => BlockKind::Caption,
            "table" | "form" | "nav" | "aside" | "fieldset" | "details" | "menu" | "hr" => {
                BlockKind::Other
            }
            _ if CONTAINERS.contains(&t) || has_block_child(node) => return self.container(node),
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
        for n in nodes {
            collect_text(n, self.exclude, &mut text, &mut texts);
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
        // Only short lines can be headings: their look is worth a style lookup.
        if matches!(kind, BlockKind::Paragraph | BlockKind::Line) && block.words() <= 14 {
            let (bold, larger) = self.look(&texts);
            block.bold = bold;
            block.larger = larger;
        }
        self.article.blocks.push(block);
        self.article.places.push(Place {
            first: first.clone(),
            last: last.clone(),
            texts,
        });
    }

    /// Whether all the text of a block is bold, and whether it is set larger than the
    /// body text around it.
    fn look(&self, texts: &[(Text, usize)]) -> (bool, bool) {
        let Some(win) = &self.window else {
            return (false, false);
        };
        let mut bold = true;
        let mut larger = true;
        let mut any = false;
        for (t, _) in texts {
            if t.data().trim().is_empty() {
                continue;
            }
            let Some(parent) = t.parent_element() else {
                continue;
            };
            let Ok(Some(style)) = win.get_computed_style(&parent) else {
                return (false, false);
            };
            any = true;
            let weight = style.get_property_value("font-weight").unwrap_or_default();
            let weight: f64 = match weight.as_str() {
                "bold" | "bolder" => 700.0,
                w => js_sys::parse_float(w),
            };
            bold &= weight >= 600.0;
            let size = px(&style.get_property_value("font-size").unwrap_or_default());
            let base = parent
                .closest("p, div, li, section, article, body")
                .ok()
                .flatten()
                .and_then(|b| b.parent_element())
                .and_then(|b| win.get_computed_style(&b).ok().flatten())
                .map(|s| px(&s.get_property_value("font-size").unwrap_or_default()))
                .unwrap_or(size);
            larger &= base > 0.0 && size >= base * 1.15;
        }
        (any && bold, any && larger)
    }
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
/// text starts. Skipped and excluded elements add nothing.
fn collect_text(
    node: &Node,
    exclude: Option<&str>,
    out: &mut String,
    texts: &mut Vec<(Text, usize)>,
) {
    if let Some(t) = node.dyn_ref::<Text>() {
        texts.push((t.clone(), out.len()));
        out.push_str(&t.data());
        return;
    }
    let Some(e) = node.dyn_ref::<Element>() else {
        return;
    };
    let name = e.local_name();
    if SKIP.contains(&name.as_str()) || exclude.is_some_and(|s| e.matches(s).unwrap_or(false)) {
        return;
    }
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
        collect_text(&c, exclude, out, texts);
    }
    if q {
        out.push('”');
    }
    if block_like && !out.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
}
