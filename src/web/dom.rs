//! Small DOM helpers shared by the web layer.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// The page's document. The widget only runs in a window.
pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("article-widget runs in a page with a document")
}

/// A new element with a class, its text set as text (never parsed as HTML).
pub fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> Element {
    let e = doc.create_element(tag).expect("valid tag name");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    e
}

/// The lowercase tag name of a node that is an element.
pub fn tag(node: &Node) -> Option<String> {
    node.dyn_ref::<Element>().map(|e| e.local_name())
}

/// The node's child nodes, collected (a live list changes as the DOM does).
pub fn children(node: &Node) -> Vec<Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// A CSS selector that is valid in this browser, or `None`.
pub fn valid_selector(doc: &Document, selector: &str) -> bool {
    doc.query_selector(selector).is_ok()
}
