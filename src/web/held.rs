//! Making the changes the core held back at mount (`core::held`) once they are due.
//! Here each held change's region is measured against the window, and the due ones
//! are made, the view scrolling by what they moved when they are above it: the
//! reader sees nothing move. What is due is the core's decision.

use super::sections::SectionUi;
use super::undo::Undo;
use crate::core::held::{Change, Held};
use crate::core::opened::Opened;
use crate::core::placement::Spot;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

/// The widget's parts in the page or waiting for their spot: the contents and the
/// key-quotes panel.
pub struct Parts {
    pub contents: Option<Element>,
    pub quotes: Option<Element>,
    /// The comment area, when comments load later.
    pub comments: Option<Element>,
    /// Whether the reader has the parts open in the navigator.
    pub in_use: bool,
}

impl Parts {
    fn get(&self, part: crate::core::held::Part) -> Option<&Element> {
        match part {
            crate::core::held::Part::Contents => self.contents.as_ref(),
            crate::core::held::Part::Quotes => self.quotes.as_ref(),
        }
    }
}

/// Makes the held changes that are due now; `reserve` gives the comment area its
/// room (the loader owns it: loading takes it too). Returns the sections it closed.
pub fn settle(
    held: &mut Held,
    root: &Element,
    sections: &[SectionUi],
    opened: &mut Opened,
    parts: &Parts,
    undo: &mut Undo,
    reserve: &mut dyn FnMut(&mut Undo),
) -> Vec<usize> {
    let mut closed = Vec::new();
    if held.is_empty() {
        return closed;
    }
    let Some(doc) = root.owner_document() else {
        return closed;
    };
    let Some(window) = doc.default_view() else {
        return closed;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let regions: Vec<(f64, f64)> = held
        .changes()
        .iter()
        .map(|c| region(c, root, sections, parts))
        .collect();
    // The page below the window.
    let room = doc.document_element().map_or(0.0, |e| {
        f64::from(e.scroll_height()) - window.scroll_y().unwrap_or(0.0) - height
    });
    let batch = held.due(&regions, height, room, parts.in_use);
    if batch.changes.is_empty() {
        return closed;
    }
    // Where the engine anchors scrolling, it keeps the place itself (and measuring
    // here, in the middle of its work, would make it count its own adjustment as the
    // page moving); elsewhere the view scrolls by what moved.
    let anchor = (batch.keep_place && !super::dom::anchors_scrolling(&window))
        .then(|| Anchor::find(root, sections));
    for c in &batch.changes {
        match c {
            Change::Heading(i) => {
                if let Some(s) = sections.get(*i).filter(|s| s.line) {
                    let _ = undo.add_class(&s.heading, "aw-heading-line");
                }
            }
            Change::Close(i) => {
                if let Some(s) = sections.get(*i).filter(|_| opened.close_held(*i)) {
                    s.show(false);
                    closed.push(*i);
                }
            }
            Change::Put(part, spot) => {
                if let Some(e) = parts.get(*part) {
                    let _ = put(&doc, root, sections, spot, e.as_ref(), undo);
                }
            }
            Change::Reserve => reserve(undo),
        }
    }
    if let Some(a) = anchor {
        let moved = a.y() - a.was;
        if moved.abs() >= 0.5 {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
    }
    closed
}

/// The region a change affects, in window coordinates (top, bottom): a heading's
/// box, a section from its heading to the end of its last body, or a part's spot
/// (a point), the comment area's box. Not measurable: NaN (held).
fn region(c: &Change, root: &Element, sections: &[SectionUi], parts: &Parts) -> (f64, f64) {
    let none = (f64::NAN, f64::NAN);
    match c {
        Change::Reserve => parts.comments.as_ref().map_or(none, |a| {
            let r = a.get_bounding_client_rect();
            (r.top(), r.bottom())
        }),
        Change::Heading(i) => sections.get(*i).map_or(none, |s| {
            let r = s.heading.get_bounding_client_rect();
            (r.top(), r.bottom())
        }),
        Change::Close(i) => sections.get(*i).map_or(none, |s| {
            let r = s.heading.get_bounding_client_rect();
            let bottom = s
                .bodies
                .iter()
                .chain(&s.frames)
                .map(|b| b.get_bounding_client_rect().bottom())
                .fold(r.bottom(), f64::max);
            (r.top(), bottom)
        }),
        Change::Put(_, spot) => {
            let y = match spot {
                Spot::Top => root.get_bounding_client_rect().top(),
                Spot::End => root.get_bounding_client_rect().bottom(),
                Spot::BeforeSection(i) => match sections.get(*i) {
                    Some(s) => s.heading.get_bounding_client_rect().top(),
                    None => return none,
                },
                Spot::Selector(_) => return none,
            };
            (y, y)
        }
    }
}

/// Something the reader sees, below every change above the view, and where it stood
/// before them: the view scrolls by what it moved.
struct Anchor {
    element: Element,
    /// Its bottom rather than its top (the article itself, when the reader is past
    /// its end: what follows it moves by what changed inside it).
    bottom: bool,
    was: f64,
}

impl Anchor {
    /// The first heading or section body the reader sees (even in part), else the
    /// article's end.
    fn find(root: &Element, sections: &[SectionUi]) -> Anchor {
        for s in sections {
            for e in std::iter::once(&s.heading).chain(&s.bodies) {
                let r = e.get_bounding_client_rect();
                if r.height() > 0.0 && r.bottom() > 0.0 {
                    return Anchor {
                        element: e.clone(),
                        bottom: false,
                        was: r.top(),
                    };
                }
            }
        }
        Anchor {
            element: root.clone(),
            bottom: true,
            was: root.get_bounding_client_rect().bottom(),
        }
    }

    fn y(&self) -> f64 {
        let r = self.element.get_bounding_client_rect();
        if self.bottom {
            r.bottom()
        } else {
            r.top()
        }
    }
}

/// Puts one of the widget's parts at `spot`. Parts that share a spot keep the
/// contents first, whichever goes in first.
pub fn put(
    doc: &Document,
    root: &Element,
    sections: &[SectionUi],
    spot: &Spot,
    part: &Node,
    undo: &mut Undo,
) -> Result<(), JsValue> {
    let root_node: Node = root.clone().into();
    let contents = part
        .dyn_ref::<Element>()
        .is_some_and(|e| e.class_list().contains("aw-toc"));
    let (parent, before): (Node, Option<Node>) = match spot {
        Spot::BeforeSection(i) => match sections.get(*i) {
            Some(s) => {
                let heading: Node = s.heading.clone().into();
                let parent = heading.parent_node().unwrap_or_else(|| root_node.clone());
                // The contents go before a panel already there.
                let before = match s.heading.previous_element_sibling() {
                    Some(p) if contents && p.class_list().contains("aw-quotes") => p.into(),
                    _ => heading,
                };
                (parent, Some(before))
            }
            None => (root_node.clone(), None),
        },
        // The panel goes after the contents when they are at the top too.
        Spot::Top => match (
            contents,
            root.query_selector(":scope > .aw-toc").ok().flatten(),
        ) {
            (false, Some(toc)) => (root_node.clone(), toc.next_sibling()),
            _ => (root_node.clone(), root.first_child()),
        },
        Spot::End => (root_node.clone(), None),
        Spot::Selector(sel) => match doc.query_selector(sel).ok().flatten() {
            Some(e) => (e.into(), None),
            None => (root_node.clone(), None),
        },
    };
    undo.insert(&parent, part, before.as_ref())
}
