//! The key-quotes panel: a landmark with a heading and the key quotes, each with its
//! speaker and a link back to its place in the article.

use super::dom::el;
use super::read::Place;
use crate::core::{Plan, Quote};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Range};

/// The panel and, for each of its links, the index of its quote in the plan.
pub struct Panel {
    /// The `<aside>` element.
    pub element: Element,
    /// The "in context" links, with their quote's index.
    pub links: Vec<(Element, usize)>,
}

/// Builds the panel for the key quotes of `plan` (`None` when there are none).
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
    let aside = el(doc, "aside", "aw-quotes", None);
    let title_id = format!("aw-quotes-title-{n}");
    aside.set_attribute("aria-labelledby", &title_id)?;
    let h = el(
        doc,
        &super::toc::heading_tag(level),
        "aw-quotes-title",
        Some("Key quotes"),
    );
    h.set_id(&title_id);
    aside.append_child(&h)?;
    let list = el(doc, "ol", "aw-quotes-list", None);
    let mut links = Vec::new();
    for (i, q) in keys {
        let li = el(doc, "li", "aw-quote", None);
        let figure = el(doc, "figure", "aw-quote-figure", None);
        let text = el(doc, "blockquote", "aw-quote-text", Some(&q.text));
        figure.append_child(&text)?;
        if let Some(speaker) = &q.speaker {
            let cap = el(doc, "figcaption", "aw-quote-speaker", None);
            let name = el(doc, "span", "aw-quote-name", Some(speaker));
            cap.append_child(&name)?;
            if let Some(role) = &q.role {
                let r = el(doc, "span", "aw-quote-role", Some(role));
                cap.append_child(&r)?;
            }
            figure.append_child(&cap)?;
        }
        li.append_child(&figure)?;
        let link = el(doc, "a", "aw-quote-link", Some("Read in context"));
        let href = q
            .section_id
            .as_deref()
            .map_or_else(|| "#".to_string(), |id| format!("#{id}"));
        link.set_attribute("href", &href)?;
        li.append_child(&link)?;
        // A link that takes any reader straight to the quotation (a text fragment;
        // relative, so that it stays on this page wherever the page is).
        let share = el(doc, "a", "aw-quote-share", Some("Link to this quote"));
        share.set_attribute("href", &["#:~:", q.text_fragment.as_str()].concat())?;
        li.append_child(&share)?;
        list.append_child(&li)?;
        links.push((link, i));
    }
    aside.append_child(&list)?;
    Ok(Some(Panel {
        element: aside,
        links,
    }))
}

/// A DOM range over the quoted text, from the byte offsets of the quote's parts in
/// its blocks' text (`places` are the article's, block for block).
pub fn range_of(doc: &Document, places: &[Place], quote: &Quote) -> Option<Range> {
    let first = places.get(quote.block)?;
    let start = quote.parts.first()?.0;
    let (end_place, end) = match quote.more.last() {
        Some(&(b, _, e)) => (places.get(b)?, e),
        None => (first, quote.parts.last()?.1),
    };
    let (sn, so) = locate(first, start)?;
    let (en, eo) = locate(end_place, end)?;
    let range = doc.create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    Some(range)
}

/// The text node that holds byte offset `at` of the block's text, and the offset in
/// it in UTF-16 units (what the DOM counts).
fn locate(place: &Place, at: usize) -> Option<(web_sys::Node, u32)> {
    let (node, from) = place.texts.iter().rev().find(|(_, from)| *from <= at)?;
    let data = node.data();
    let within = data.get(..at - from).unwrap_or(&data);
    Some((
        node.clone().unchecked_into(),
        within.encode_utf16().count() as u32,
    ))
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
