//! Mounting: what is built before the page changes (`Built`), then every change to
//! the page at once (each recorded to undo), the parts where the core puts them, the
//! navigator for those that wait or stand in the rail, and the listeners wired.

use super::comment_area;
use super::comments::Loader;
use super::errors::{dom_error, js_error};
use super::events::Event;
use super::hash::on_hash;
use super::held;
use super::kept::{storage, storage_key};
use super::navigator::Navigator;
use super::plan_js::AppliedPlan;
use super::prepare::Prepared;
use super::quotes_panel;
use super::sections::{self, SectionUi};
use super::toc::{self, Toc};
use super::undo::Undo;
use super::widget::Live;
use crate::core::comments::Nearness;
use crate::core::contents;
use crate::core::held::{Held, Part};
use crate::core::opened::Opened;
use crate::core::placement::{self, Screen, Spot};
use crate::core::quiet::Quiet;
use crate::core::CommentsSetting;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    /// `console.info`, for the one line that tells why comments were left alone.
    #[wasm_bindgen(js_namespace = console, js_name = info)]
    fn console_info(line: &str);
}

impl Live {
    /// Applies the plan to the page and starts listening. On a failure the page is
    /// put back and the error says so.
    pub fn mount(
        mut p: Prepared,
        screen: Screen,
        mut built: Built,
    ) -> Result<Rc<RefCell<Live>>, JsValue> {
        let (area, comments_state) =
            comment_area::find(&p.doc, &p.settings).map_err(|e| js_error(&e))?;
        let mut undo = Undo::default();
        let (storage_key, saved) = (built.storage_key.take(), built.saved.take());
        // Each part where the settings put it, and each section in its wanted state,
        // except what the reader sees: that waits (core::held).
        let mut wanted = Vec::new();
        if built.toc.is_some() {
            wanted.push((Part::Contents, Spot::Top));
        }
        if built.panel.is_some() {
            let spot = placement::quotes_spot(&p.plan.sections, &p.settings.quotes_at);
            wanted.push((Part::Quotes, spot));
        }
        // Comments that load as the reader comes near take their room beforehand
        // (not those that load on a click: the room would stay empty).
        let comments_seen = area
            .as_ref()
            .filter(|_| !p.settings.comments_on_click)
            .map(|a| super::screen::sees(&p.doc, &a.element));
        let start = Held::at_mount(
            &mut p.plan.sections,
            &screen,
            saved.as_deref(),
            wanted,
            comments_seen,
        );
        let n = built.n;
        let parts = apply(&p, &screen, &start, area, built, &mut undo);
        let (sections, panel, toc, comments) = match parts {
            Ok(x) => x,
            Err(e) => {
                undo.undo_all();
                return Err(dom_error(e));
            }
        };
        let opened = Opened::new(
            sections
                .iter()
                .zip(&p.plan.sections)
                .map(|(ui, s)| (ui.button.is_some(), s.open)),
        );
        // The parts that wait for their place, or stand in the rail, are in the
        // navigator.
        let rail = !start.railed.is_empty();
        let nav = match held_parts(&start, toc.as_ref(), panel.as_ref()) {
            Some((parts, label)) => {
                match Navigator::build(&p.doc, &p.root, label, n, rail, &mut undo) {
                    Ok(nav) => {
                        // In the page from the start (hidden with the sheet): the page's
                        // scripts and tests find them where they look.
                        nav.fill(&parts);
                        Some(nav)
                    }
                    Err(e) => {
                        undo.undo_all();
                        return Err(dom_error(e));
                    }
                }
            }
            None => None,
        };
        let rc = Rc::new_cyclic(|me| {
            RefCell::new(Live {
                me: me.clone(),
                doc: p.doc.clone(),
                root: p.root.clone(),
                undo,
                sections,
                places: p.article.places,
                plan: Rc::new(AppliedPlan::new(p.plan)),
                quotes: panel.as_ref().map(|p| p.element.clone()),
                held: start.held,
                nav,
                near: Nearness::default(),
                quiet: Quiet::at_mount(js_sys::Date::now()),
                toc,
                comments,
                storage_key,
                opened,
                listeners: None,
                reading: None,
                near_comments: None,
                awaiting_comment: None,
                ad_slots: None,
            })
        });
        {
            let mut live = rc.borrow_mut();
            live.wire(panel.map(|p| p.links).unwrap_or_default(), &p.settings);
            if let Some(t) = &live.toc {
                t.refresh(&live.opened);
            }
        }
        // A link into the article or the comments opens what it points into.
        on_hash(&Rc::downgrade(&rc), false);
        let (s, q) = {
            let live = rc.borrow();
            (
                live.sections.len(),
                live.plan.quotes.iter().filter(|q| q.key).count(),
            )
        };
        // What became of the comments is told, never thrown: one console line when
        // they were left as the page has them.
        let named = match &p.settings.comments {
            CommentsSetting::Selector(sel) => Some(sel.as_str()),
            _ => None,
        };
        if let Some(note) = comments_state.note(named) {
            console_info(&note);
        }
        Event::Mounted {
            sections: s,
            key_quotes: q,
            comments: comments_state.name(),
        }
        .send(&p.root);
        Ok(rc)
    }
}

/// The parts that wait for their place at mount or stand in the rail, contents
/// first, and what the navigator's button says for them; `None` when there are none.
fn held_parts<'a>(
    start: &crate::core::held::Mount,
    toc: Option<&'a Toc>,
    panel: Option<&'a quotes_panel::Panel>,
) -> Option<(Vec<&'a Element>, &'static str)> {
    let waits = |part: Part| {
        start.railed.contains(&part)
            || start
                .held
                .changes()
                .iter()
                .any(|c| matches!(c, crate::core::held::Change::Put(p, _) if *p == part))
    };
    let mut parts = Vec::new();
    if let Some(t) = toc.filter(|_| waits(Part::Contents)) {
        parts.push(&t.element);
    }
    let label = if parts.is_empty() {
        "Key quotes"
    } else {
        "Contents"
    };
    if let Some(q) = panel.filter(|_| waits(Part::Quotes)) {
        parts.push(&q.element);
    }
    (!parts.is_empty()).then_some((parts, label))
}

type Parts = (
    Vec<SectionUi>,
    Option<quotes_panel::Panel>,
    Option<Toc>,
    Option<Loader>,
);

/// Makes every change to the page, recording each in `undo`. What the reader already
/// sees (`screen`) does not move: the parts go in now where the core says (`now`),
/// the rest waits.
fn apply(
    p: &Prepared,
    screen: &Screen,
    start: &crate::core::held::Mount,
    area: Option<comment_area::Area>,
    built: Built,
    undo: &mut Undo,
) -> Result<Parts, JsValue> {
    undo.add_class(&p.root, "aw-root")?;
    let dark = built.dark;
    undo.set_attr(
        &p.root,
        "data-aw-theme",
        if dark { "dark" } else { "light" },
    )?;
    let sections = sections::apply(&p.doc, &p.root, &p.article, &p.plan, screen, undo)?;
    let Built { n, toc, panel, .. } = built;
    for (part, spot) in &start.now {
        let element = match part {
            Part::Contents => toc.as_ref().map(|t| &t.element),
            Part::Quotes => panel.as_ref().map(|p| &p.element),
        };
        if let Some(e) = element {
            held::put(&p.doc, &p.root, &sections, spot, e.as_ref(), undo)?;
        }
    }
    let comments = match area {
        Some(area) => {
            let mut loader = Loader::new(&p.doc, area, &p.settings, n, undo)?;
            if start.reserve {
                loader.reserve(undo);
            }
            Some(loader)
        }
        None => None,
    };
    Ok((sections, panel, toc, comments))
}

/// What mounting can make before it changes the page: the widget's number, its own
/// elements (the contents list and the key-quotes panel, built detached), the
/// open/closed state the reader left, and its colours from the page's look. Made in
/// a task of its own by `prepareMount().plan()`, or by `mount()`; nothing of the page
/// changes.
pub struct Built {
    pub n: u32,
    toc: Option<Toc>,
    panel: Option<quotes_panel::Panel>,
    /// Where the open/closed state is kept for the page, when it is remembered, and
    /// the state the reader left there.
    storage_key: Option<String>,
    saved: Option<String>,
    /// Whether the widget takes its dark colours (from the page's look, or the
    /// `theme` option).
    dark: bool,
}

impl Built {
    pub fn new(p: &Prepared, n: u32) -> Result<Built, JsValue> {
        let level = p.settings.base_level;
        let toc = if contents::shows(p.settings.toc && p.settings.sections, p.plan.sections.len()) {
            toc::build(&p.doc, &p.plan, n, level)?
        } else {
            None
        };
        let panel = quotes_panel::build(&p.doc, &p.plan, n, level)?;
        let storage_key = p.settings.remember.then(|| storage_key(&p.root)).flatten();
        let saved = storage_key
            .as_deref()
            .and_then(|k| storage(&p.root)?.get_item(k).ok()?);
        let (background, text) = super::read::page_look(&p.root);
        Ok(Built {
            n,
            toc,
            panel,
            storage_key,
            saved,
            dark: p.settings.theme.dark_on(background, text),
        })
    }
}
