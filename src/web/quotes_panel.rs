//! The key-quotes panel: a landmark with a heading and the key quotes, each with its
//! speaker and a link back to its place in the article.

use super::read::{Place, Places};
use crate::core::{Plan, Quote};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Range};

/// The panel and, for each of its links, the index of its quote in the plan.
pub struct Panel {
    /// The `<aside>` element.
    pub element: Element,
    /// The "in context" links, with their quote's index.
    pub links: Vec<(Element, usize)>,
}

#[wasm_bindgen(module = "/js/build.js")]
extern "C" {
    /// `[aside, links]`: see js/build.js.
    #[wasm_bindgen(js_name = buildPanel, catch)]
    fn build_panel(doc: &Document, n: u32, level: u8, strings: &Array) -> Result<Array, JsValue>;
}

/// Builds the panel for the key quotes of `plan` (`None` when there are none),
/// detached; js/build.js makes the elements.
/// `n` tells panels of several widgets in one page apart.
pub fn build(doc: &Document, plan: &Plan, n: u32, level: u8) -> Result<Option<Panel>, JsValue> {
    let keys: Vec<(usize, &Quote)> = plan
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.key)
        .collect();
    if keys.is_empty() {
        return Ok(None);
    }
    let strings = Array::new();
    for (_, q) in &keys {
        for text in [
            Some(&q.text),
            q.speaker.as_ref(),
            q.role.as_ref(),
            q.section_id.as_ref(),
            Some(&q.text_fragment),
        ] {
            strings.push(&JsValue::from_str(text.map_or("", |t| t.as_str())));
        }
    }
    let parts = build_panel(doc, n, level.clamp(2, 6), &strings)?;
    let links: Array = parts.get(1).unchecked_into();
    Ok(Some(Panel {
        element: parts.get(0).unchecked_into(),
        links: links
            .iter()
            .zip(keys)
            .map(|(a, (i, _))| (a.unchecked_into(), i))
            .collect(),
    }))
}

/// A DOM range over the quoted text, from the byte offsets of the quote's parts in
/// its blocks' text (`places` are the article's, block for block).
pub fn range_of(doc: &Document, places: &Places, quote: &Quote) -> Option<Range> {
    let first = places.get(quote.block)?;
    let start = quote.parts.first()?.0;
    let (end_place, end) = match quote.more.last() {
        Some(&(b, _, e)) => (places.get(b)?, e),
        None => (first, quote.parts.last()?.1),
    };
    let (sn, so) = locate(places, first, start)?;
    let (en, eo) = locate(places, end_place, end)?;
    let range = doc.create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    Some(range)
}

/// The text node that holds byte offset `at` of the block's text, and the offset in
/// it in UTF-16 units (what the DOM counts).
fn locate(places: &Places, place: &Place, at: usize) -> Option<(web_sys::Node, u32)> {
    let (node, from) = place.texts.iter().rev().find(|(_, from)| *from <= at)?;
    let node = places.node(*node);
    let data = node.unchecked_ref::<web_sys::Text>().data();
    let within = data.get(..at - from).unwrap_or(&data);
    Some((node, within.encode_utf16().count() as u32))
}

/// Highlights `range` with the CSS Custom Highlight API where the browser has it
/// (name `aw-quote`); returns whether it could.
pub fn highlight(range: Option<&Range>) -> bool {
    let global = js_sys::global();
    let set = || -> Result<(), JsValue> {
        let css = js_sys::Reflect::get(&global, &"CSS".into())?;
        let registry = js_sys::Reflect::get(&css, &"highlights".into())?;
        let ctor = js_sys::Reflect::get(&global, &"Highlight".into())?;
        if registry.is_undefined() || !ctor.is_function() {
            return Err(JsValue::NULL);
        }
        let registry: js_sys::Map = registry.unchecked_into();
        match range {
            Some(r) => {
                let args = js_sys::Array::of1(r);
                let h =
                    js_sys::Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &args)?;
                registry.set(&"aw-quote".into(), &h);
            }
            None => {
                registry.delete(&"aw-quote".into());
            }
        }
        Ok(())
    };
    set().is_ok()
}
