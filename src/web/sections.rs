//! Applying the sections of the plan: a toggle button in each heading, the content
//! wrapped in bodies that collapse with `hidden="until-found"` (so that find-in-page
//! still reaches it), and deep links that open what they point into.

use super::read::Article;
use super::undo::Undo;
use crate::core::placement::Screen;
use crate::core::Plan;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// One section as it stands in the page.
pub struct SectionUi {
    /// The section's id.
    pub id: String,
    /// The heading element (the real heading, or the line marked as one).
    pub heading: Element,
    /// The toggle, when the section is collapsible.
    pub button: Option<Element>,
    /// The wrappers around its content.
    pub bodies: Vec<Element>,
    /// Elements holding frames, hidden in place rather than wrapped.
    pub frames: Vec<Element>,
    /// Whether the heading is a line of text the widget wrapped and made a heading
    /// (it takes the heading look, `.aw-heading-line`).
    pub line: bool,
}

impl SectionUi {
    /// Shows the section open or closed (`core::opened` decides which).
    pub fn show(&self, open: bool) {
        let Some(button) = &self.button else { return };
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        for b in &self.bodies {
            let _ = if open {
                b.remove_attribute("hidden")
            } else {
                b.set_attribute("hidden", "until-found")
            };
        }
        for f in &self.frames {
            let _ = if open {
                f.remove_attribute(COLLAPSED)
            } else {
                f.set_attribute(COLLAPSED, "")
            };
        }
    }
}

/// The attribute that hides an element holding a frame (the stylesheet gives it
/// `display: none`).
const COLLAPSED: &str = "data-aw-collapsed";

#[wasm_bindgen(module = "/js/apply.js")]
extern "C" {
    /// Applies the sections (see js/apply.js): for each, `[heading, button or null,
    /// bodies, frames]`; every change goes into `log`. Throws on a DOM error (what it
    /// did until then is in the log).
    #[wasm_bindgen(js_name = applySections, catch)]
    fn apply_sections(
        doc: &Document,
        root: &Element,
        nodes: &Array,
        numbers: &[f64],
        strings: &Array,
        kept: &[f64],
        log: &Array,
    ) -> Result<Array, JsValue>;
}

/// Flags js/apply.js reads for each section.
const SEEN: u8 = 1;
const INFERRED: u8 = 2;
const COLLAPSIBLE: u8 = 4;

/// Applies the sections of `plan`, recording every change in `undo`. Nothing the
/// reader already sees (`screen`) changes its size or place: the toggle's icon takes
/// no room in the line, and a line made a heading keeps its look there until the
/// reader no longer sees it (`core::held`). The DOM work
/// is js/apply.js's, in one call; what to do is decided here and in the core.
pub fn apply(
    doc: &Document,
    root: &Element,
    article: &Article,
    plan: &Plan,
    screen: &Screen,
    undo: &mut Undo,
) -> Result<Vec<SectionUi>, JsValue> {
    let (strings, log) = (Array::new(), Array::new());
    let mut numbers = Vec::with_capacity(5 * plan.sections.len());
    // Per section: how many blocks it keeps visible (ad slots), then each one's first
    // and last node.
    let mut kept = Vec::new();
    for (i, s) in plan.sections.iter().enumerate() {
        let at = kept.len();
        kept.push(0.0);
        for p in s.kept.iter().filter_map(|&k| article.places.get(k)) {
            kept.push(f64::from(p.first));
            kept.push(f64::from(p.last));
        }
        let count = ((kept.len() - at - 1) / 2) as f64;
        if let Some(c) = kept.get_mut(at) {
            *c = count;
        }
        let place = article
            .places
            .get(s.heading)
            .ok_or_else(|| JsValue::from_str("a section heading that is not in the article"))?;
        numbers.push(f64::from(place.first));
        numbers.push(f64::from(place.last));
        numbers.push(
            article
                .places
                .get(s.end)
                .map_or(-1.0, |p| f64::from(p.first)),
        );
        strings.push(&JsValue::from_str(&s.id));
        strings.push(&JsValue::from_str(&s.title));
        let flag = |on: bool, f: u8| if on { f } else { 0 };
        numbers.push(f64::from(s.level));
        numbers.push(f64::from(
            flag(screen.seen.get(i).copied().unwrap_or(false), SEEN)
                | flag(s.inferred, INFERRED)
                | flag(s.collapsible, COLLAPSIBLE),
        ));
    }
    let parts = apply_sections(
        doc,
        root,
        &article.places.nodes,
        &numbers,
        &strings,
        &kept,
        &log,
    );
    // Recorded on a failure too: what the script did until it threw is in the log.
    undo.script(log);
    let parts = parts?;
    let mut out = Vec::with_capacity(plan.sections.len());
    for (s, part) in plan.sections.iter().zip(parts.iter()) {
        let part: Array = part.unchecked_into();
        let elements = |k: u32| -> Vec<Element> {
            let list: Array = part.get(k).unchecked_into();
            list.iter().map(JsCast::unchecked_into).collect()
        };
        let ui = SectionUi {
            id: s.id.clone(),
            heading: part.get(0).unchecked_into(),
            button: part.get(1).dyn_into().ok(),
            bodies: elements(2),
            frames: elements(3),
            line: part.get(4).is_truthy(),
        };
        ui.show(s.open);
        out.push(ui);
    }
    Ok(out)
}

/// The section (index) whose body holds `target` or whose heading it is, innermost
/// first, with every section around it.
pub fn sections_holding(sections: &[SectionUi], target: &Node) -> Vec<usize> {
    let mut out: Vec<usize> = sections
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.bodies
                .iter()
                .chain(&s.frames)
                .any(|b| b.contains(Some(target)))
                || s.heading.contains(Some(target))
        })
        .map(|(i, _)| i)
        .collect();
    out.reverse();
    out
}

/// The nodes of the page that a URL fragment names: the raw id and, when it
/// differs, the percent-decoded one.
pub fn hash_target(doc: &Document, hash: &str) -> Option<Element> {
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    if raw.is_empty() {
        return None;
    }
    doc.get_element_by_id(raw).or_else(|| {
        let decoded = js_sys::decode_uri_component(raw).ok()?.as_string()?;
        doc.get_element_by_id(&decoded)
    })
}
