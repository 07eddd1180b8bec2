//! Measuring what the reader sees at mount: where each section heading and the top
//! of the article stand against the bottom of the window. Reads only (one layout);
//! the core's `placement` decides what follows from it.

use super::read::Article;
use crate::core::rail;
use crate::core::{placement::Screen, Plan};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

#[wasm_bindgen(module = "/js/read.js")]
extern "C" {
    /// The page around the article, as numbers: see js/read.js.
    #[wasm_bindgen(js_name = margin)]
    fn margin_js(root: &Element) -> js_sys::Float64Array;
}

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
    let rect = root.get_bounding_client_rect();
    // A root without a box: a DOM without layout (jsdom, happy-dom) reports every
    // box as empty at 0,0, which would count everything as seen.
    if rect.width() == 0.0 && rect.height() == 0.0 {
        return Screen::unseen(plan.sections.len());
    }
    let seen = |top: Option<f64>| top.is_some_and(|t| t < height);
    // One range for every text node measured: each range the page holds is updated
    // by every later change to the document until it is collected, and mounting
    // moves many nodes.
    let range = doc.create_range().ok();
    // Whether a block is laid out above the bottom of the window (a block the page
    // does not show is not seen), each block measured once.
    let mut shown: Vec<Option<bool>> = vec![None; article.blocks.len()];
    let mut block_seen = |i: usize| match shown.get(i).copied().flatten() {
        Some(v) => v,
        None => {
            let v = top_shown(range.as_ref(), article, i).is_some_and(|t| t < height);
            if let Some(slot) = shown.get_mut(i) {
                *slot = Some(v);
            }
            v
        }
    };
    let out = Screen {
        // A section is seen when its heading is, or when any block of its body is:
        // a theme may lay a part of the body out above its heading (a rail shown
        // first on a phone), and collapsing it would move what the reader sees.
        seen: plan
            .sections
            .iter()
            .map(|s| {
                let heading = article
                    .places
                    .get(s.heading)
                    .and_then(|p| top(range.as_ref(), &article.places.node(p.first)));
                seen(heading) || (s.collapsible && (s.heading + 1..s.end).any(&mut block_seen))
            })
            .collect(),
        top_seen: seen(Some(rect.top())),
        end_seen: seen(Some(rect.bottom())) && follower_seen(root, height),
        rail: rail_fits(root),
    };
    if let Some(r) = &range {
        // Out of the article, collapsed: nothing the widget moves touches it.
        let _ = r.set_start(doc.as_ref(), 0);
        r.collapse_with_to_start(true);
    }
    out
}

/// Whether the first element the page shows after `root` (a footer, the next post)
/// starts above the bottom of the window: what would move if the widget put
/// something at the end of the article. Nothing after it (scripts alone, the end of
/// the page) is not seen.
fn follower_seen(root: &Element, height: f64) -> bool {
    let mut at = Some(root.clone());
    while let Some(e) = at {
        let mut next = e.next_element_sibling();
        while let Some(n) = next {
            let r = n.get_bounding_client_rect();
            if r.width() > 0.0 || r.height() > 0.0 {
                return r.top() < height;
            }
            next = n.next_element_sibling();
        }
        at = e.parent_element();
    }
    false
}

/// The top of block `i`'s first node in window coordinates, when the page shows it
/// (a node that takes no room, as one under `display: none`, has none).
fn top_shown(range: Option<&web_sys::Range>, article: &Article, i: usize) -> Option<f64> {
    let node = article.places.node(article.places.get(i)?.first);
    let rect = if let Some(e) = node.dyn_ref::<Element>() {
        e.get_bounding_client_rect()
    } else {
        let range = range?;
        range.select_node(&node).ok()?;
        range.get_bounding_client_rect()
    };
    (rect.width() > 0.0 || rect.height() > 0.0).then(|| rect.top())
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

/// Whether the navigator's rail fits in a free margin beside `root` now.
pub fn rail_fits(root: &Element) -> bool {
    rail::fits(&margin_js(root).to_vec())
}

/// Whether the reader sees `element` now, or has scrolled past it: its top is above
/// the bottom of the window. An element without a box (a page that is not laid out)
/// is not seen.
pub fn sees(doc: &Document, element: &Element) -> bool {
    let height = doc
        .default_view()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let r = element.get_bounding_client_rect();
    // No box (not shown, or no layout at all): not seen.
    height > 0.0 && (r.width() > 0.0 || r.height() > 0.0) && r.top() < height
}
