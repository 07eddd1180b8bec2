//! Small DOM functions shared by the web layer, and the one place that finds the page's
//! document and window.
//!
//! The document and window are taken from the article's own nodes
//! (`owner_document()`, `default_view()`), not from the global object: under jsdom or
//! happy-dom in Node (Vitest's and Jest's environments copy the window's properties
//! onto Node's `globalThis`), the global object is no `Window`, so
//! `web_sys::window()` finds none, while the root's document and its view are there.

use crate::core::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Window};

/// The page's global document: the window's, or else `globalThis.document` (the
/// globals a DOM test environment sets up). `None` where there is none.
pub fn document() -> Option<Document> {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        return Some(doc);
    }
    let doc = js_sys::Reflect::get(&js_sys::global(), &"document".into()).ok()?;
    as_document(doc)
}

/// `value` as a document, when it is one (checked by `nodeType`, which holds across
/// DOM implementations and realms where `instanceof Document` may not).
fn as_document(value: JsValue) -> Option<Document> {
    if !value.is_object() {
        return None;
    }
    let node: &Node = value.unchecked_ref();
    (node.node_type() == Node::DOCUMENT_NODE).then(|| value.unchecked_into())
}

/// The document a node belongs to (a document is its own).
pub fn document_of(node: &Node) -> Option<Document> {
    node.owner_document()
        .or_else(|| as_document(JsValue::from(node.clone())))
}

/// The window a node's document is shown in: its `defaultView`, or the global window.
///
/// Only a view that is an event target counts: a test environment may make Node's
/// global object the document's view, and it has no `addEventListener` (listening on
/// it would throw). There the widget listens to no window events.
pub fn window_of(node: &Node) -> Option<Window> {
    document_of(node)
        .and_then(|d| d.default_view())
        .or_else(web_sys::window)
        .filter(|w| {
            js_sys::Reflect::get(w, &"addEventListener".into()).is_ok_and(|f| f.is_function())
        })
}

/// The document to work in for `root` (an Element or a selector): the element's own
/// document, or the page's for a selector. A coded error where there is none (in Node
/// without a DOM set up).
pub fn document_for(root: &JsValue) -> Result<Document, Error> {
    if let Some(e) = root.dyn_ref::<Element>() {
        if let Some(doc) = document_of(e) {
            return Ok(doc);
        }
    }
    document().ok_or(Error::NoDocument)
}

/// A new element with a class, its text set as text (never parsed as HTML), or an
/// internal error where the document cannot make one.
pub fn try_el(
    doc: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, Error> {
    let e = doc.create_element(tag).map_err(|_| Error::Internal {
        what: ["the document could not create a <", tag, "> element"].concat(),
    })?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// A new element with a class, its text set as text (never parsed as HTML).
///
/// The widget's tag names are valid constants, so `createElement` fails only in a
/// broken document; then this throws a JavaScript error with the `internal-error` code
/// (a throw, not a trap: the module stays usable).
pub fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> Element {
    match try_el(doc, tag, class, text) {
        Ok(e) => e,
        Err(e) => wasm_bindgen::throw_val(super::errors::js_error(&e)),
    }
}

/// A CSS selector that is valid in this browser, or `None`.
pub fn valid_selector(doc: &Document, selector: &str) -> bool {
    doc.query_selector(selector).is_ok()
}

/// The URL fragment of the page `node` is in (`""` when there is none).
pub fn hash_of(node: &Node) -> String {
    window_of(node)
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Scrolls `el` into view (to the middle of the window when `center`), where the DOM
/// can scroll: DOMs without layout (jsdom) have no `scrollIntoView`.
pub fn scroll_to(el: &Element, center: bool) {
    let can = js_sys::Reflect::get(el, &"scrollIntoView".into()).is_ok_and(|f| f.is_function());
    if !can {
        return;
    }
    if center {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    } else {
        el.scroll_into_view();
    }
}

/// Whether the browser's find-in-page reaches text hidden with
/// `hidden="until-found"` (it then fires `beforematch`): `'onbeforematch' in
/// HTMLElement.prototype`.
pub fn finds_hidden_text(win: &Window) -> bool {
    let proto = js_sys::Reflect::get(win, &"HTMLElement".into())
        .and_then(|c| js_sys::Reflect::get(&c, &"prototype".into()));
    match proto {
        Ok(p) if p.is_object() => {
            js_sys::Reflect::has(&p, &"onbeforematch".into()).unwrap_or(false)
        }
        _ => false,
    }
}

/// Whether the engine keeps the reader's place itself when content above the view
/// changes size (CSS scroll anchoring: Chromium and Firefox; not WebKit).
pub fn anchors_scrolling(win: &Window) -> bool {
    let supports = js_sys::Reflect::get(win, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"supports".into()).map(|f| (css, f)));
    match supports {
        Ok((css, f)) if f.is_function() => f
            .unchecked_ref::<js_sys::Function>()
            .call2(&css, &"overflow-anchor".into(), &"auto".into())
            .is_ok_and(|v| v.is_truthy()),
        _ => false,
    }
}

/// Runs `f` once the next frame has been painted (a task after the next animation
/// frame): what it changes is drawn in a frame of its own.
/// Each callback frees itself once called (`once_into_js`): nothing is left behind,
/// and `f` itself holds the widget only weakly.
pub fn after_next_paint(win: &Window, f: impl FnOnce() + 'static) {
    let next = win.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        let task = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = next.set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = win.request_animation_frame(frame.unchecked_ref());
}
