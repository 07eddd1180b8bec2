//! The table of contents: a short list of the sections at the top of the article,
//! each with its reading time, and one button to expand or collapse them all.

use crate::core::{contents, opened::Opened, sections::outline, Plan};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The table of contents as it stands in the page.
pub struct Toc {
    /// The `<nav>` element.
    pub element: Element,
    /// The expand-all / collapse-all button.
    pub all: Element,
    /// Each section's link, index for index with the sections.
    pub links: Vec<Element>,
    /// The button that shows the rest of a long list, when part of it is hidden.
    pub more: Option<Element>,
    /// Each entry's depth under the article's top level.
    depths: Vec<u8>,
    /// Whether each entry shows (all, once the whole list is shown).
    shown: Vec<bool>,
}

#[wasm_bindgen(module = "/js/build.js")]
extern "C" {
    /// `[nav, button, links]`: see js/build.js.
    #[wasm_bindgen(js_name = buildToc, catch)]
    fn build_toc(
        doc: &Document,
        n: u32,
        level: u8,
        strings: &Array,
        numbers: &[f64],
        more: &str,
    ) -> Result<Array, JsValue>;
}

/// Builds the table of contents for `plan`'s sections (`None` when the core says
/// the article gets none), detached; js/build.js makes the elements.
/// `n` tells the widgets of one page apart.
pub fn build(doc: &Document, plan: &Plan, n: u32, level: u8) -> Result<Option<Toc>, JsValue> {
    if !contents::shows(true, plan.sections.len()) {
        return Ok(None);
    }
    let strings = Array::new();
    let mut numbers = Vec::with_capacity(3 * plan.sections.len());
    let entries = outline(&plan.sections);
    let depths: Vec<u8> = entries.iter().map(|(d, _)| *d).collect();
    let shown = contents::shown_at_first(&depths);
    // Indented by the depth under the article's own top level (so that it sits flush
    // whatever level the page's headings start at) and numbered by it.
    for ((s, (depth, number)), show) in plan.sections.iter().zip(&entries).zip(&shown) {
        for text in [&s.id, &s.title, &contents::minutes_label(s.words), number] {
            strings.push(&JsValue::from_str(text));
        }
        numbers.push(f64::from(s.level));
        numbers.push(f64::from(*depth));
        numbers.push(if *show { 1.0 } else { 0.0 });
    }
    let more = if shown.contains(&false) {
        contents::show_all_label(shown.len())
    } else {
        String::new()
    };
    let parts = build_toc(doc, n, level.clamp(2, 6), &strings, &numbers, &more)?;
    let links: Array = parts.get(2).unchecked_into();
    Ok(Some(Toc {
        element: parts.get(0).unchecked_into(),
        all: parts.get(1).unchecked_into(),
        links: links.iter().map(JsCast::unchecked_into).collect(),
        more: parts.get(3).dyn_into().ok(),
        depths,
        shown,
    }))
}

impl Toc {
    /// Shows on the button what it will do (`contents::all_button`), or hides it
    /// when no section has a toggle.
    pub fn refresh(&self, opened: &Opened) {
        let label = contents::all_button(opened.states());
        let _ = self
            .all
            .toggle_attribute_with_force("hidden", label.is_none());
        self.all.set_text_content(label);
    }

    /// Shows the whole list and takes its "Show all" button away; focus goes to the
    /// first entry that was hidden.
    pub fn show_all(&mut self) {
        let Some(more) = self.more.take() else { return };
        self.shown.fill(true);
        let mut first = None;
        for a in &self.links {
            if let Some(li) = a.parent_element().filter(|li| li.has_attribute("hidden")) {
                let _ = li.remove_attribute("hidden");
                first = first.or(Some(a.clone()));
            }
        }
        let _ = more.set_attribute("hidden", "");
        if let Some(a) = first
            .as_ref()
            .and_then(|a| a.dyn_ref::<web_sys::HtmlElement>())
        {
            let _ = a.focus();
        }
    }

    /// Marks the link of the section being read (`contents::marked_entry`: the
    /// section around it when its own entry is hidden).
    pub fn mark_current(&self, current: Option<usize>) {
        let current = contents::marked_entry(current, &self.depths, &self.shown);
        for (i, a) in self.links.iter().enumerate() {
            let _ = if Some(i) == current {
                a.set_attribute("aria-current", "location")
            } else {
                a.remove_attribute("aria-current")
            };
        }
    }
}
