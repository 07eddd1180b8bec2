//! The JavaScript API: `mount`, `analyze` and the `Widget` handle.
//!
//! Options and errors cross the boundary here and nowhere else: the options object is
//! read into name/value pairs and checked by the core; every failure becomes one
//! JavaScript `Error` with a `code` property. Everything that can fail is computed
//! before the page is touched, and a failure while applying undoes what was done.

use super::dom::document_for;
use super::errors::{dom_error, js_error};
use super::mount::Built;
use super::plan_js::{plan_to_js, AppliedPlan};
use super::prepare::{prepare, read_options, read_page, resolve_root, Prepared, Read};
use super::widget::Live;
use crate::core::{self, Error};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

// Read with `try_with`, not `with`: a page never tears these down (the module runs on
// one thread that outlives it), and `with` would bring a panic and the formatting of
// its message into the module for that case.
thread_local! {
    /// The roots with a widget mounted, with the plan applied to each: a second mount
    /// is refused, and `analyze` of a mounted root returns what mount did.
    static MOUNTED: RefCell<Vec<(Element, Rc<AppliedPlan>)>> = const { RefCell::new(Vec::new()) };
    /// Numbers the widgets of a page, for ids that must not clash.
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// Reads the article under `root` (an Element or a CSS selector) and returns the plan
/// as a plain object `{ sections: [...], quotes: [...] }`. Changes nothing in the page.
#[wasm_bindgen]
pub fn analyze(root: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if let Ok(el) = document_for(&root).and_then(|doc| resolve_root(&doc, &root)) {
        let mounted = MOUNTED.try_with(|m| {
            m.borrow()
                .iter()
                .find(|(r, _)| r == &el)
                .map(|(_, p)| p.js())
        });
        if let Ok(Some(plan)) = mounted {
            // The page holds the widget's own changes now: answer with what it applied.
            read_options(&options).map_err(|e| js_error(&e))?;
            return Ok(plan);
        }
    }
    let p = prepare(&root, &options).map_err(|e| js_error(&e))?;
    Ok(plan_to_js(&p.plan))
}

/// Mounts the widget on the article under `root` (an Element or a CSS selector):
/// collapsible sections, the key-quotes panel and lazy comments. Throws an `Error`
/// with a `code` when the root or the options are wrong; the page is then untouched.
#[wasm_bindgen]
pub fn mount(root: JsValue, options: JsValue) -> Result<Widget, JsValue> {
    let p = prepare(&root, &options).map_err(|e| js_error(&e))?;
    mount_prepared(p, None)
}

/// The first step of `mount`, for a page that splits the work over several tasks so
/// that none blocks the reader for long: finds the root, checks the options and
/// reads the article, changing nothing. Then `plan()` (optional) and `mount()`, each
/// in a task of its own. Throws what `mount` throws for a bad root or options.
#[wasm_bindgen(js_name = prepareMount)]
pub fn prepare_mount(root: JsValue, options: JsValue) -> Result<PreparedMount, JsValue> {
    let read = read_page(&root, &options).map_err(|e| js_error(&e))?;
    Ok(PreparedMount {
        root,
        options,
        stage: Stage::Read(read),
    })
}

/// Where a [`PreparedMount`] stands.
enum Stage {
    Read(Read),
    Outlined(Read, core::Outline),
    Planned(Prepared),
    Built(Prepared, Built),
    Done,
}

/// An article read (and perhaps planned) by `prepareMount`, the page not yet changed.
#[wasm_bindgen]
pub struct PreparedMount {
    root: JsValue,
    options: JsValue,
    stage: Stage,
}

#[wasm_bindgen]
impl PreparedMount {
    /// The second step, in parts: makes the next part of the plan from what was read
    /// (the sections; the quotes; the widget's own elements, detached, the page not
    /// touched). Returns whether a part remains, for a page that gives each part a
    /// task of its own; `mount()` makes what remains.
    pub fn plan(&mut self) -> bool {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Read(read) => {
                let outline = read.outline();
                Stage::Outlined(read, outline)
            }
            Stage::Outlined(read, outline) => Stage::Planned(read.plan_with(outline)),
            // Should building fail, mount() builds again and says why.
            Stage::Planned(p) => match Built::new(&p, next_number()) {
                Ok(b) => Stage::Built(p, b),
                Err(_) => Stage::Planned(p),
            },
            other => other,
        };
        matches!(
            self.stage,
            Stage::Read(_) | Stage::Outlined(..) | Stage::Planned(_)
        )
    }

    /// The last step: applies the plan (reading anew when the article changed in
    /// between) and returns the widget. Once only: a second call throws
    /// `already-mounted`.
    pub fn mount(&mut self) -> Result<Widget, JsValue> {
        let (p, built) = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Read(r) if r.still_current() => (r.plan(), None),
            Stage::Outlined(r, o) if r.still_current() => (r.plan_with(o), None),
            Stage::Planned(p) if p.still_current() => (p, None),
            Stage::Built(p, b) if p.still_current() => (p, Some(b)),
            Stage::Read(_) | Stage::Outlined(..) | Stage::Planned(_) | Stage::Built(..) => (
                prepare(&self.root, &self.options).map_err(|e| js_error(&e))?,
                None,
            ),
            Stage::Done => return Err(js_error(&Error::AlreadyMounted)),
        };
        mount_prepared(p, built)
    }
}

/// The next widget number of the page, for ids that must not clash.
fn next_number() -> u32 {
    COUNTER
        .try_with(|c| {
            c.set(c.get() + 1);
            c.get()
        })
        .unwrap_or(0)
}

fn mount_prepared(p: Prepared, built: Option<Built>) -> Result<Widget, JsValue> {
    // One article, one widget: not on the same root, nor on one around or inside it
    // (two widgets would wrap the same text twice and show two panels).
    let overlaps = |r: &web_sys::Element| r.contains(Some(&p.root)) || p.root.contains(Some(r));
    if MOUNTED
        .try_with(|m| m.borrow().iter().any(|(r, _)| overlaps(r)))
        .unwrap_or(false)
    {
        return Err(js_error(&Error::AlreadyMounted));
    }
    let built = match built {
        Some(b) => b,
        None => Built::new(&p, next_number()).map_err(dom_error)?,
    };
    // What the reader already sees stays as it is until they no longer see it.
    let screen = super::screen::measure(&p.doc, &p.root, &p.article, &p.plan);
    let root = p.root.clone();
    let live = Live::mount(p, screen, built)?;
    let plan = live.borrow().plan.clone();
    let _ = MOUNTED.try_with(|m| m.borrow_mut().push((root, plan)));
    Ok(Widget { live: Some(live) })
}

/// The handle `mount` returns.
#[wasm_bindgen]
pub struct Widget {
    live: Option<Rc<RefCell<Live>>>,
}

#[wasm_bindgen]
impl Widget {
    /// Puts the page back exactly as it was and removes every listener and observer.
    /// Calling it again does nothing.
    pub fn destroy(&mut self) {
        let Some(rc) = self.live.take() else { return };
        if let Some(root) = Live::destroy(&rc) {
            let _ = MOUNTED.try_with(|m| m.borrow_mut().retain(|(r, _)| r != &root));
        }
    }

    /// Opens every section.
    #[wasm_bindgen(js_name = expandAll)]
    pub fn expand_all(&self) {
        self.run(|live| live.set_all(true));
    }

    /// Closes every collapsible section.
    #[wasm_bindgen(js_name = collapseAll)]
    pub fn collapse_all(&self) {
        self.run(|live| live.set_all(false));
    }

    /// Loads the comments now (as the "Show comments" button does).
    #[wasm_bindgen(js_name = loadComments)]
    pub fn load_comments(&self) {
        self.run(Live::load_comments);
    }

    /// The plan the widget applied, as `analyze` returns it.
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> JsValue {
        self.live
            .as_ref()
            .map_or(JsValue::NULL, |rc| rc.borrow().plan.js())
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.live.is_some()
    }

    fn run(&self, f: impl FnOnce(&mut Live) -> super::events::Events) {
        if let Some(rc) = &self.live {
            super::widget::with(&Rc::downgrade(rc), f);
        }
    }
}
