//! Applying the sections of the plan: a toggle button in each heading, the content
//! wrapped in bodies that collapse with `hidden="until-found"` (so that find-in-page
//! still reaches it), and deep links that open what they point into.

use super::dom::{el, tag};
use super::read::Article;
use super::undo::Undo;
use crate::core::placement::Screen;
use crate::core::Plan;
use wasm_bindgen::{JsCast, JsValue};
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
    /// Whether it is open now.
    pub open: bool,
}

impl SectionUi {
    /// Opens or closes the section.
    pub fn set_open(&mut self, open: bool) {
        let Some(button) = &self.button else { return };
        self.open = open;
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

/// Elements that reload or restart when moved.
const FRAMES: &str = "iframe, embed, object, video, audio";

/// Part of a run of siblings: nodes to wrap, or an element holding a frame.
enum Segment {
    Run(Node, Node),
    Frame(Element),
}

/// Splits the sibling run `first..=last` around the elements that hold frames.
fn split_at_frames(first: &Node, last: &Node) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start: Option<Node> = None;
    let mut prev: Option<Node> = None;
    let mut n = Some(first.clone());
    while let Some(cur) = n {
        let frame = cur.dyn_ref::<Element>().filter(|e| {
            e.matches(FRAMES).unwrap_or(false) || e.query_selector(FRAMES).ok().flatten().is_some()
        });
        if let Some(e) = frame {
            if let (Some(s), Some(p)) = (start.take(), prev.clone()) {
                if has_content(&s, &p) {
                    out.push(Segment::Run(s, p));
                }
            }
            out.push(Segment::Frame(e.clone()));
        } else if start.is_none() {
            start = Some(cur.clone());
        }
        let done = &cur == last;
        n = if done { None } else { cur.next_sibling() };
        prev = Some(cur);
    }
    if let (Some(s), Some(p)) = (start, prev) {
        if has_content(&s, &p) {
            out.push(Segment::Run(s, p));
        }
    }
    out
}

/// Applies the sections of `plan`, recording every change in `undo`. Nothing the
/// reader already sees (`screen`) changes its size or place: the toggle's icon takes
/// no room in the line, and a line made a heading keeps its look there.
pub fn apply(
    doc: &Document,
    root: &Element,
    article: &Article,
    plan: &Plan,
    screen: &Screen,
    undo: &mut Undo,
) -> Result<Vec<SectionUi>, JsValue> {
    let mut out = Vec::with_capacity(plan.sections.len());
    for (i, s) in plan.sections.iter().enumerate() {
        let seen = screen.seen.get(i).copied().unwrap_or(false);
        let place = &article.places[s.heading];
        let heading = match place.first.dyn_ref::<Element>() {
            Some(e) if place.first == place.last => {
                if !tag(&place.first).is_some_and(|t| t.len() == 2 && t.starts_with('h')) {
                    undo.set_attr(e, "role", "heading")?;
                    undo.set_attr(e, "aria-level", &s.level.to_string())?;
                }
                if e.get_attribute("id").is_none_or(|id| id.is_empty()) {
                    undo.set_attr(e, "id", &s.id)?;
                }
                undo.add_class(e, "aw-heading")?;
                e.clone()
            }
            _ => {
                // A line of a text run: wrap it in an element that is a heading.
                let class = if seen {
                    "aw-heading"
                } else {
                    "aw-heading aw-heading-line"
                };
                let h = el(doc, "div", class, None);
                h.set_id(&s.id);
                h.set_attribute("role", "heading")?;
                h.set_attribute("aria-level", &s.level.to_string())?;
                undo.wrap(&h, &place.first, &place.last)?;
                h
            }
        };
        if s.inferred {
            undo.add_class(&heading, "aw-heading-inferred")?;
        }
        let mut ui = SectionUi {
            id: s.id.clone(),
            heading: heading.clone(),
            button: None,
            bodies: Vec::new(),
            frames: Vec::new(),
            open: true,
        };
        if s.collapsible {
            let end = article.places.get(s.end).map(|p| p.first.clone());
            let mut k = 0;
            for (first, last) in sibling_runs(heading.as_ref(), end.as_ref(), root.as_ref()) {
                for segment in split_at_frames(&first, &last) {
                    match segment {
                        Segment::Run(first, last) => {
                            k += 1;
                            let body = el(doc, "div", "aw-section-body", None);
                            body.set_id(&if k == 1 {
                                format!("{}-body", s.id)
                            } else {
                                format!("{}-body-{k}", s.id)
                            });
                            body.set_attribute("data-aw-section", &s.id)?;
                            undo.wrap(&body, &first, &last)?;
                            ui.bodies.push(body);
                        }
                        Segment::Frame(e) => {
                            // Moving an iframe reloads it (a video starts over): it
                            // stays where it is and is hidden in place.
                            undo.set_attr(&e, COLLAPSED, "")?;
                            ui.frames.push(e);
                        }
                    }
                }
            }
            if !ui.bodies.is_empty() || !ui.frames.is_empty() {
                let controls: Vec<String> = ui.bodies.iter().map(|b| b.id()).collect();
                let button = el(doc, "button", "aw-toggle", None);
                button.set_attribute("type", "button")?;
                button.set_attribute("aria-controls", &controls.join(" "))?;
                let icon = el(doc, "span", "aw-toggle-icon", None);
                icon.set_attribute("aria-hidden", "true")?;
                let interactive = heading
                    .query_selector("a, button, input, select, textarea")
                    .ok()
                    .flatten()
                    .is_some();
                if interactive {
                    // A button cannot hold links: put a small toggle after them.
                    button.set_attribute("aria-label", &s.title)?;
                    button.append_child(&icon)?;
                    undo.insert(heading.as_ref(), button.as_ref(), None)?;
                } else {
                    undo.wrap_children(&button, heading.as_ref())?;
                    // After the text, where it takes no room (see the stylesheet).
                    undo.insert(button.as_ref(), icon.as_ref(), None)?;
                }
                ui.button = Some(button);
                ui.set_open(s.open);
            }
        }
        out.push(ui);
    }
    Ok(out)
}

/// The runs of sibling nodes that lie after `start` and before `end` (or the end of
/// `root`) in document order, each as its first and last node. Content that the
/// next heading shares a parent with is split at that parent, so that wrapping each
/// run never moves the next heading.
pub fn sibling_runs(start: &Node, end: Option<&Node>, root: &Node) -> Vec<(Node, Node)> {
    let mut runs = Vec::new();
    let Some(mut parent) = start.parent_node() else {
        return runs;
    };
    let mut next = start.next_sibling();
    loop {
        let mut first: Option<Node> = None;
        let mut last: Option<Node> = None;
        let mut descend: Option<Node> = None;
        let mut done = false;
        while let Some(s) = next {
            if Some(&s) == end {
                done = true;
                break;
            }
            if end.is_some_and(|e| s.contains(Some(e))) {
                descend = Some(s);
                break;
            }
            first.get_or_insert_with(|| s.clone());
            next = s.next_sibling();
            last = Some(s);
        }
        if let (Some(f), Some(l)) = (first, last) {
            if has_content(&f, &l) {
                runs.push((f, l));
            }
        }
        if done {
            break;
        }
        if let Some(d) = descend {
            next = d.first_child();
            parent = d;
            continue;
        }
        if &parent == root {
            break;
        }
        next = parent.next_sibling();
        match parent.parent_node() {
            Some(p) => parent = p,
            None => break,
        }
    }
    runs
}

/// Whether a run holds anything a reader sees: text, or media. A run of empty
/// elements (ad slots waiting for a script) makes no section body.
fn has_content(first: &Node, last: &Node) -> bool {
    let mut n = Some(first.clone());
    while let Some(cur) = n {
        let text = cur.node_type() != Node::COMMENT_NODE
            && !cur.text_content().unwrap_or_default().trim().is_empty();
        let media = cur.dyn_ref::<Element>().is_some_and(|e| {
            e.matches(MEDIA).unwrap_or(false) || e.query_selector(MEDIA).ok().flatten().is_some()
        });
        if text || media {
            return true;
        }
        if &cur == last {
            break;
        }
        n = cur.next_sibling();
    }
    false
}

/// Elements that show something without text.
const MEDIA: &str = "img, picture, svg, video, audio, iframe, embed, object, canvas, table, hr";

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
