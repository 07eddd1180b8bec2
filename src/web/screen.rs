//! Measuring what the reader sees at mount: where each section heading and the top
//! of the article stand against the bottom of the window. Reads only (one layout);
//! the core's `placement` decides what follows from it.

use super::read::Article;
use crate::core::{placement::Screen, Plan};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// The screen at this moment, for `plan`'s sections. A page that is not laid out
/// (no window, or a DOM without layout, as in Node) counts as unseen: the settings
/// then apply as they are.
pub fn measure(doc: &Document, root: &Element, article: &Article, plan: &Plan) -> Screen {
    let height = doc
        .default_view()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if height <= 0.0 {
        return Screen::unseen(plan.sections.len());
    }
    let seen = |top: Option<f64>| top.is_some_and(|t| t < height);
    // One range for every text node measured: each range the page holds is updated
    // by every later change to the document until it is collected, and mounting
    // moves many nodes.
    let range = doc.create_range().ok();
    let top = |node: &Node| top(range.as_ref(), node);
    let out = Screen {
        seen: plan
            .sections
            .iter()
            .map(|s| {
                let place = article.places.get(s.heading);
                seen(place.and_then(|p| top(&article.places.node(p.first))))
            })
            .collect(),
        top_seen: seen(Some(root.get_bounding_client_rect().top())),
    };
    if let Some(r) = &range {
        // Out of the article, collapsed: nothing the widget moves touches it.
        let _ = r.set_start(doc.as_ref(), 0);
        r.collapse_with_to_start(true);
    }
    out
}

/// The top of a node in window coordinates (a text node's through a range).
fn top(range: Option<&web_sys::Range>, node: &Node) -> Option<f64> {
    if let Some(e) = node.dyn_ref::<Element>() {
        return Some(e.get_bounding_client_rect().top());
    }
    let range = range?;
    range.select_node(node).ok()?;
    Some(range.get_bounding_client_rect().top())
}
