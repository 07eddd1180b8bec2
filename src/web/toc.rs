//! The table of contents: a short list of the sections at the top of the article,
//! each with its reading time, and one button to expand or collapse them all.

use super::dom::el;
use super::sections::SectionUi;
use crate::core::{contents, sections::outline, Plan};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The table of contents as it stands in the page.
pub struct Toc {
    /// The `<nav>` element.
    pub element: Element,
    /// The expand-all / collapse-all button.
    pub all: Element,
    /// Each section's link, index for index with the sections.
    pub links: Vec<Element>,
}

/// Builds the table of contents for `plan`'s sections (`None` when the core says
/// the article gets none).
/// `n` tells the widgets of one page apart.
pub fn build(doc: &Document, plan: &Plan, n: u32, level: u8) -> Result<Option<Toc>, JsValue> {
    if !contents::shows(true, plan.sections.len()) {
        return Ok(None);
    }
    let nav = el(doc, "nav", "aw-toc", None);
    let title_id = format!("aw-toc-title-{n}");
    nav.set_attribute("aria-labelledby", &title_id)?;
    let head = el(doc, "div", "aw-toc-head", None);
    let title = el(
        doc,
        &heading_tag(level),
        "aw-toc-title",
        Some("In this article"),
    );
    title.set_id(&title_id);
    let all = el(doc, "button", "aw-toc-all", Some("Expand all"));
    all.set_attribute("type", "button")?;
    head.append_child(&title)?;
    head.append_child(&all)?;
    nav.append_child(&head)?;
    let list = el(doc, "ol", "aw-toc-list", None);
    let mut links = Vec::with_capacity(plan.sections.len());
    // Indented by the depth under the article's own top level (so that it sits flush
    // whatever level the page's headings start at) and numbered by it.
    for (s, (depth, number)) in plan.sections.iter().zip(outline(&plan.sections)) {
        let li = el(doc, "li", "aw-toc-item", None);
        li.set_attribute("data-level", &s.level.to_string())?;
        li.set_attribute("data-depth", &depth.to_string())?;
        li.set_attribute("data-number", &number)?;
        let a = el(doc, "a", "aw-toc-link", Some(&s.title));
        a.set_attribute("href", &format!("#{}", s.id))?;
        li.append_child(&a)?;
        let time = el(
            doc,
            "span",
            "aw-toc-time",
            Some(&contents::minutes_label(s.words)),
        );
        li.append_child(&time)?;
        list.append_child(&li)?;
        links.push(a);
    }
    nav.append_child(&list)?;
    Ok(Some(Toc {
        element: nav,
        all,
        links,
    }))
}

impl Toc {
    /// Shows on the button what it will do: expand when any section is collapsed.
    pub fn refresh(&self, sections: &[SectionUi]) {
        let any_closed = sections.iter().any(|s| s.button.is_some() && !s.open);
        self.all.set_text_content(Some(if any_closed {
            "Expand all"
        } else {
            "Collapse all"
        }));
    }

    /// Marks the link of the section being read.
    pub fn mark_current(&self, current: Option<usize>) {
        for (i, a) in self.links.iter().enumerate() {
            let _ = if Some(i) == current {
                a.set_attribute("aria-current", "location")
            } else {
                a.remove_attribute("aria-current")
            };
        }
    }
}

/// `h2` to `h6` for a heading level.
pub fn heading_tag(level: u8) -> String {
    ["h", &level.clamp(2, 6).to_string()].concat()
}
