//! The navigator: a small button fixed at the corner of the window that opens the
//! contents and the key quotes as a sheet, for as long as they wait (`core::held`)
//! for their place in the article. It takes no room in the page, so showing it moves
//! nothing; a reader who arrives where the parts' place is already on screen reaches
//! them at once. It is a disclosure: the button says whether the sheet is open, focus
//! goes into the sheet and back to the button, and Escape closes it.
//!
//! Where the page has a free margin beside the article (`core::rail`), the navigator
//! is a rail there instead: the sheet stands open in the margin, sticky as the reader
//! scrolls, a complementary landmark, and the button is not shown.

use super::dom::el;
use super::undo::Undo;
use crate::core::number;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The navigator as it stands in the page.
pub struct Navigator {
    /// The fixed holder of the button and the sheet.
    pub element: Element,
    /// The button that opens and closes the sheet.
    pub button: Element,
    /// The sheet, holding the parts that wait for their place.
    pub sheet: Element,
    /// The article, which holds the rail's place (`data-aw-rail`).
    root: Element,
}

impl Navigator {
    /// Builds the navigator at the end of `root` (fixed: it takes no room there),
    /// its button saying `label`; `fill` puts the parts that wait into its sheet.
    /// `n` tells the widgets of one page apart; `rail` makes it a rail in the margin.
    pub fn build(
        doc: &Document,
        root: &Element,
        label: &str,
        n: u32,
        rail: bool,
        undo: &mut Undo,
    ) -> Result<Navigator, JsValue> {
        let element = el(doc, "div", "aw-nav", None);
        let button = el(doc, "button", "aw-nav-button", Some(label));
        let sheet = el(doc, "div", "aw-nav-sheet", None);
        let mut id = String::from("aw-nav-");
        number::push_uint(&mut id, n.into());
        sheet.set_id(&id);
        sheet.set_attribute("role", "dialog")?;
        sheet.set_attribute("aria-label", label)?;
        sheet.set_attribute("hidden", "")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("aria-expanded", "false")?;
        button.set_attribute("aria-controls", &id)?;
        element.append_child(&button)?;
        element.append_child(&sheet)?;
        undo.insert(root.as_ref(), element.as_ref(), None)?;
        // Recorded once, so that `destroy()` takes the article's mark away whatever
        // the rail became since.
        undo.set_attr(root, "data-aw-rail", "")?;
        let nav = Navigator {
            element,
            button,
            sheet,
            root: root.clone(),
        };
        let _ = root.remove_attribute("data-aw-rail");
        nav.set_rail(rail);
        Ok(nav)
    }

    /// Whether the sheet is open as a disclosure (a rail is not: it stays).
    pub fn is_open(&self) -> bool {
        !self.is_rail() && !self.sheet.has_attribute("hidden")
    }

    /// Whether the navigator is a rail in the margin.
    pub fn is_rail(&self) -> bool {
        self.element.has_attribute("data-aw-rail")
    }

    /// Makes the navigator a rail in the margin beside the article, or the corner
    /// button with its sheet closed (the window grew or shrank).
    pub fn set_rail(&self, on: bool) {
        if on == self.is_rail() && on == self.root.has_attribute("data-aw-rail") {
            return;
        }
        let _ = self.element.toggle_attribute_with_force("data-aw-rail", on);
        let _ = self.root.toggle_attribute_with_force("data-aw-rail", on);
        let _ = self
            .sheet
            .set_attribute("role", if on { "complementary" } else { "dialog" });
        let _ = self.button.set_attribute("aria-expanded", "false");
        let _ = self.sheet.toggle_attribute_with_force("hidden", !on);
    }

    /// Opens the sheet and moves focus to its first link, or closes it (giving focus
    /// back to the button when `refocus`).
    pub fn set_open(&self, open: bool, refocus: bool) {
        let _ = self
            .button
            .set_attribute("aria-expanded", if open { "true" } else { "false" });
        if open {
            let _ = self.sheet.remove_attribute("hidden");
            if let Ok(Some(first)) = self.sheet.query_selector("a, button") {
                focus(&first);
            }
        } else {
            let _ = self.sheet.set_attribute("hidden", "");
            if refocus {
                focus(&self.button);
            }
        }
    }

    /// Puts `parts` (those still waiting for their place) into the sheet.
    pub fn fill(&self, parts: &[&Element]) {
        for p in parts {
            if p.parent_node().is_none() {
                let _ = self.sheet.append_child(p);
            }
        }
    }

    /// Shows the navigator only while it holds a part (some part waits for its
    /// place, or stands in the rail).
    pub fn refresh(&self) {
        let waiting = self.sheet.child_element_count() > 0;
        if waiting == self.element.has_attribute("hidden") {
            let _ = self.element.toggle_attribute_with_force("hidden", !waiting);
        }
    }
}

fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}
