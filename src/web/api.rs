//! The JavaScript API: `mount`, `analyze` and the `Widget` handle.
//!
//! Options and errors cross the boundary here and nowhere else: the options object is
//! read into name/value pairs and checked by the core; every failure becomes one
//! JavaScript `Error` with a `code` property. Everything that can fail is computed
//! before the page is touched, and a failure while applying undoes what was done.

use super::comments::{self, Area, Facade};
use super::dom::{document, valid_selector};
use super::quotes_panel;
use super::read::{self, Place};
use super::sections::{self, SectionUi};
use super::undo::Undo;
use crate::core::{self, Error, OptionValue, Plan, Settings};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    Node,
};

thread_local! {
    /// The roots with a widget mounted, with the plan applied to each: a second mount
    /// is refused, and `analyze` of a mounted root returns what mount did.
    static MOUNTED: RefCell<Vec<(Element, JsValue)>> = const { RefCell::new(Vec::new()) };
    /// Numbers the widgets of a page, for ids that must not clash.
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// Turns an error into a JavaScript `Error` with a `code` property.
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

/// An error from the DOM while applying the plan (rare: the page changed under us).
fn dom_error(e: JsValue) -> JsValue {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown".into());
    let err = js_sys::Error::new(&format!(
        "article-widget: the page could not be changed ({msg}); it was left as it was"
    ));
    let _ = js_sys::Reflect::set(&err, &"code".into(), &"dom-error".into());
    err.into()
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

fn resolve_root(doc: &Document, root: &JsValue) -> Result<Element, Error> {
    if let Some(e) = root.dyn_ref::<Element>() {
        return Ok(e.clone());
    }
    let Some(selector) = root.as_string() else {
        return Err(Error::RootNotElement {
            got: type_name(root),
        });
    };
    match doc.query_selector(&selector) {
        Ok(Some(e)) => Ok(e),
        Ok(None) => Err(Error::RootNotFound { selector }),
        Err(_) => Err(Error::BadSelector {
            name: "root selector".into(),
            selector,
        }),
    }
}

/// Reads the options object into name/value pairs for the core to check.
fn read_options(options: &JsValue) -> Result<Settings, Error> {
    if options.is_undefined() || options.is_null() {
        return Settings::from_options(&[]);
    }
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return Err(Error::BadOptions {
            got: type_name(options),
        });
    }
    let obj: &js_sys::Object = options.unchecked_ref();
    let mut pairs = Vec::new();
    for key in js_sys::Object::keys(obj).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        let value = if v.is_undefined() || v.is_null() {
            OptionValue::Null
        } else if let Some(b) = v.as_bool() {
            OptionValue::Bool(b)
        } else if let Some(n) = v.as_f64() {
            OptionValue::Number(n)
        } else if let Some(s) = v.as_string() {
            OptionValue::Str(s)
        } else {
            OptionValue::Other(type_name(&v))
        };
        pairs.push((name, value));
    }
    Settings::from_options(&pairs)
}

/// Everything `mount` and `analyze` share: the root, the settings, the article as
/// read, and the plan. Touches nothing.
struct Prepared {
    doc: Document,
    root: Element,
    settings: Settings,
    article: read::Article,
    plan: Plan,
}

fn prepare(root: &JsValue, options: &JsValue) -> Result<Prepared, Error> {
    #[cfg(feature = "console-panics")]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let doc = document();
    let root = resolve_root(&doc, root)?;
    let settings = read_options(options)?;
    if let Some(sel) = &settings.exclude {
        if !valid_selector(&doc, sel) {
            return Err(Error::BadSelector {
                name: "option \"exclude\"".into(),
                selector: sel.clone(),
            });
        }
    }
    let article = read::read(&root, settings.exclude.as_deref());
    if article.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(Error::EmptyArticle);
    }
    // Read ids as attributes: a form's `id` property can be one of its fields
    // (`<input name="id">`), which is no string.
    let mut taken = HashSet::new();
    if let Ok(list) = doc.query_selector_all("[id]") {
        for i in 0..list.length() {
            if let Some(id) = list
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .and_then(|e| e.get_attribute("id"))
            {
                taken.insert(id);
            }
        }
    }
    // Ids the blocks already carry are theirs to keep, not taken from them.
    for b in &article.blocks {
        if let Some(id) = &b.id {
            taken.remove(id);
        }
    }
    let plan = core::plan(&article.blocks, &settings, &taken);
    Ok(Prepared {
        doc,
        root,
        settings,
        article,
        plan,
    })
}

fn plan_to_js(plan: &Plan) -> JsValue {
    use serde::Serialize;
    plan.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads the article under `root` (an Element or a CSS selector) and returns the plan
/// as a plain object `{ sections: [...], quotes: [...] }`. Changes nothing in the page.
#[wasm_bindgen]
pub fn analyze(root: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if let Ok(el) = resolve_root(&document(), &root) {
        if let Some(plan) = MOUNTED.with(|m| {
            m.borrow()
                .iter()
                .find(|(r, _)| r == &el)
                .map(|(_, p)| p.clone())
        }) {
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
    if MOUNTED.with(|m| m.borrow().iter().any(|(r, _)| r == &p.root)) {
        return Err(js_error(&Error::AlreadyMounted));
    }
    let area = comments::find(&p.doc, &p.settings).map_err(|e| js_error(&e))?;
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut undo = Undo::default();
    let applied = apply(&p, area, n, &mut undo);
    let (sections, panel, comments) = match applied {
        Ok(x) => x,
        Err(e) => {
            undo.undo_all();
            return Err(dom_error(e));
        }
    };
    let inner = Rc::new_cyclic(|me| {
        RefCell::new(Inner {
            me: me.clone(),
            doc: p.doc.clone(),
            root: p.root.clone(),
            undo,
            sections,
            places: p.article.places,
            plan_js: plan_to_js(&p.plan),
            plan: p.plan,
            comments,
            listeners: Vec::new(),
            observer: None,
        })
    });
    wire(
        &inner,
        panel.map(|p| p.links).unwrap_or_default(),
        &p.settings,
    );
    let plan_js = inner.borrow().plan_js.clone();
    MOUNTED.with(|m| m.borrow_mut().push((p.root.clone(), plan_js)));
    // A link into the article or the comments opens what it points into.
    on_hash(&Rc::downgrade(&inner), false);
    let (s, q) = {
        let i = inner.borrow();
        (
            i.sections.len(),
            i.plan.quotes.iter().filter(|q| q.key).count(),
        )
    };
    emit(
        &p.root,
        "mounted",
        &[("sections", s.into()), ("keyQuotes", q.into())],
    );
    Ok(Widget { inner: Some(inner) })
}

type Applied = (
    Vec<SectionUi>,
    Option<quotes_panel::Panel>,
    Option<CommentsUi>,
);

fn apply(p: &Prepared, area: Option<Area>, n: u32, undo: &mut Undo) -> Result<Applied, JsValue> {
    undo.add_class(&p.root, "aw-root")?;
    let sections = sections::apply(&p.doc, &p.root, &p.article, &p.plan, undo)?;
    let panel = quotes_panel::build(&p.doc, &p.plan, n)?;
    if let Some(panel) = &panel {
        // After the lead: before the first section's heading, else at the top.
        let (parent, before): (Node, Option<Node>) = match sections.first() {
            Some(s) => (
                s.heading
                    .parent_node()
                    .unwrap_or_else(|| p.root.clone().into()),
                Some(s.heading.clone().into()),
            ),
            None => (p.root.clone().into(), p.root.first_child()),
        };
        undo.insert(&parent, panel.element.as_ref(), before.as_ref())?;
    }
    let comments = match area {
        Some(area) => {
            let facade = comments::insert_facade(&p.doc, &area, undo)?;
            Some(CommentsUi {
                area,
                facade,
                state: LoadState::Idle,
                script_listeners: Vec::new(),
                inserted_from: 0,
                pending: 0,
            })
        }
        None => None,
    };
    Ok((sections, panel, comments))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LoadState {
    Idle,
    Loading,
    Loaded,
    Failed,
}

struct CommentsUi {
    area: Area,
    facade: Facade,
    state: LoadState,
    script_listeners: Vec<EventListener>,
    /// Where the nodes of the current load attempt start in the undo record.
    inserted_from: usize,
    /// Scripts still loading.
    pending: usize,
}

type ObserverParts = (
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
);

struct Inner {
    /// The widget's own handle, for listeners made later (comment scripts).
    me: Weak<RefCell<Inner>>,
    doc: Document,
    root: Element,
    undo: Undo,
    sections: Vec<SectionUi>,
    places: Vec<Place>,
    plan: Plan,
    plan_js: JsValue,
    comments: Option<CommentsUi>,
    listeners: Vec<EventListener>,
    observer: Option<ObserverParts>,
}

/// Sends `article-widget:<name>` from the root, with a detail object.
fn emit(root: &Element, name: &str, detail: &[(&str, JsValue)]) {
    let d = js_sys::Object::new();
    for (k, v) in detail {
        let _ = js_sys::Reflect::set(&d, &(*k).into(), v);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&d);
    if let Ok(ev) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("article-widget:{name}"), &init)
    {
        let _ = root.dispatch_event(&ev);
    }
}

/// Runs `f` on the widget's state if it is still mounted and not busy; events are
/// sent after the state is released, so a listener may call `destroy()`.
fn with(
    weak: &Weak<RefCell<Inner>>,
    f: impl FnOnce(&mut Inner) -> Vec<(String, Vec<(&'static str, JsValue)>)>,
) {
    let Some(rc) = weak.upgrade() else { return };
    let (root, events) = {
        let Ok(mut inner) = rc.try_borrow_mut() else {
            return;
        };
        let events = f(&mut inner);
        (inner.root.clone(), events)
    };
    for (name, detail) in events {
        emit(&root, &name, &detail);
    }
}

fn wire(rc: &Rc<RefCell<Inner>>, links: Vec<(Element, usize)>, settings: &Settings) {
    let weak = Rc::downgrade(rc);
    let mut inner = rc.borrow_mut();
    let mut listeners = Vec::new();
    for (i, s) in inner.sections.iter().enumerate() {
        if let Some(button) = &s.button {
            let w = weak.clone();
            listeners.push(EventListener::new(button, "click", move |_| {
                with(&w, |inner| {
                    let s = &mut inner.sections[i];
                    s.set_open(!s.open);
                    vec![(
                        "toggle".into(),
                        vec![("id", s.id.clone().into()), ("open", s.open.into())],
                    )]
                })
            }));
        }
        for body in &s.bodies {
            // Find-in-page matched text in a collapsed section: open it.
            let w = weak.clone();
            listeners.push(EventListener::new(body, "beforematch", move |_| {
                with(&w, |inner| {
                    let s = &mut inner.sections[i];
                    s.set_open(true);
                    vec![(
                        "toggle".into(),
                        vec![("id", s.id.clone().into()), ("open", true.into())],
                    )]
                })
            }));
        }
    }
    for (link, qi) in links {
        let w = weak.clone();
        let opts = EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(
            &link,
            "click",
            opts,
            move |e| {
                e.prevent_default();
                with(&w, |inner| show_quote(inner, qi));
            },
        ));
    }
    if let Some(window) = web_sys::window() {
        let w = weak.clone();
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            on_hash(&w, true)
        }));
    }
    if let Some(c) = &inner.comments {
        let w = weak.clone();
        listeners.push(EventListener::new(&c.facade.button, "click", move |_| {
            with(&w, load_comments);
        }));
        if !settings.comments_on_click {
            let w = weak.clone();
            let cb = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
                move |entries: js_sys::Array, _| {
                    let near = entries.iter().any(|e| {
                        e.unchecked_into::<IntersectionObserverEntry>()
                            .is_intersecting()
                    });
                    if near {
                        with(&w, load_comments);
                    }
                },
            );
            let init = IntersectionObserverInit::new();
            init.set_root_margin(&format!(
                "{}px 0px {}px 0px",
                settings.comments_margin, settings.comments_margin
            ));
            if let Ok(obs) =
                IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
            {
                obs.observe(&c.facade.element);
                inner.observer = Some((obs, cb));
            }
        }
    }
    inner.listeners = listeners;
}

/// Opens the sections that hold the quote, scrolls to it and highlights it.
fn show_quote(inner: &mut Inner, qi: usize) -> Vec<(String, Vec<(&'static str, JsValue)>)> {
    let Some(q) = inner.plan.quotes.get(qi) else {
        return Vec::new();
    };
    let Some(place) = inner.places.get(q.block) else {
        return Vec::new();
    };
    for i in sections::sections_holding(&inner.sections, &place.first) {
        inner.sections[i].set_open(true);
    }
    let range = quotes_panel::range_of(&inner.doc, place, q);
    quotes_panel::highlight(range.as_ref());
    let target: Option<Element> = range
        .as_ref()
        .and_then(|r| r.start_container().ok())
        .and_then(|n| n.parent_element())
        .or_else(|| place.first.dyn_ref::<Element>().cloned())
        .or_else(|| place.first.parent_element());
    if let Some(t) = target {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        t.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    vec![(
        "quote".into(),
        vec![
            ("text", q.text.clone().into()),
            ("speaker", q.speaker.clone().into()),
        ],
    )]
}

/// Follows the URL fragment: opens the sections around its target, or loads the
/// comments when it points into them, and scrolls there.
fn on_hash(weak: &Weak<RefCell<Inner>>, changed: bool) {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
        return;
    };
    with(weak, |inner| {
        let mut events = Vec::new();
        let target = sections::hash_target(&inner.doc, &hash);
        let in_comments = inner.comments.as_ref().is_some_and(|c| {
            let a: &Node = c.area.element.as_ref();
            target.as_ref().is_some_and(|t| a.contains(Some(t)))
                || hash == "#comments"
                || is_comment_hash(&hash)
        });
        if in_comments {
            events.extend(load_comments(inner));
        }
        if let Some(t) = &target {
            for i in sections::sections_holding(&inner.sections, t) {
                if !inner.sections[i].open {
                    inner.sections[i].set_open(true);
                    events.push((
                        "toggle".into(),
                        vec![
                            ("id", inner.sections[i].id.clone().into()),
                            ("open", true.into()),
                        ],
                    ));
                }
            }
            if changed || !events.is_empty() {
                t.scroll_into_view();
            }
        }
        events
    });
}

/// `#c123` and `#comment-123`: Blogger's and WordPress's links to one comment.
fn is_comment_hash(hash: &str) -> bool {
    let h = hash.trim_start_matches('#');
    let digits = h.strip_prefix("comment-").or_else(|| h.strip_prefix('c'));
    digits.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// Loads the comment system, once. A failed load can be tried again.
fn load_comments(inner: &mut Inner) -> Vec<(String, Vec<(&'static str, JsValue)>)> {
    let Some(c) = inner.comments.as_mut() else {
        return Vec::new();
    };
    if matches!(c.state, LoadState::Loading | LoadState::Loaded) {
        return Vec::new();
    }
    if let Some((obs, _)) = &inner.observer {
        obs.disconnect();
    }
    c.state = LoadState::Loading;
    c.script_listeners.clear();
    c.inserted_from = inner.undo.len();
    c.facade.button.set_text_content(Some("Loading comments…"));
    let _ = c.facade.button.set_attribute("disabled", "");
    c.facade.status.set_text_content(None);
    let scripts = match comments::activate(&inner.doc, &c.area, &mut inner.undo) {
        Ok(s) => s,
        Err(_) => {
            return fail(
                c,
                &mut inner.undo,
                "the comment system could not be started",
            )
        }
    };
    let mut events = vec![("comments-loading".to_string(), Vec::new())];
    if scripts.is_empty() {
        events.extend(loaded(c));
        return events;
    }
    c.pending = scripts.len();
    for s in scripts {
        let w = inner.me.clone();
        c.script_listeners
            .push(EventListener::once(&s, "load", move |_| {
                with(&w, |inner| script_done(inner, true));
            }));
        let w = inner.me.clone();
        c.script_listeners
            .push(EventListener::once(&s, "error", move |_| {
                with(&w, |inner| script_done(inner, false));
            }));
    }
    events
}

/// One script of the comment system has loaded or failed.
fn script_done(inner: &mut Inner, ok: bool) -> Vec<(String, Vec<(&'static str, JsValue)>)> {
    let Some(c) = inner.comments.as_mut() else {
        return Vec::new();
    };
    if c.state != LoadState::Loading {
        return Vec::new();
    }
    if !ok {
        return fail(
            c,
            &mut inner.undo,
            "a script of the comment system did not load",
        );
    }
    c.pending = c.pending.saturating_sub(1);
    if c.pending == 0 {
        loaded(c)
    } else {
        Vec::new()
    }
}

fn loaded(c: &mut CommentsUi) -> Vec<(String, Vec<(&'static str, JsValue)>)> {
    c.state = LoadState::Loaded;
    let _ = c.facade.element.set_attribute("hidden", "");
    vec![("comments-loaded".into(), Vec::new())]
}

fn fail(
    c: &mut CommentsUi,
    undo: &mut Undo,
    why: &str,
) -> Vec<(String, Vec<(&'static str, JsValue)>)> {
    c.state = LoadState::Failed;
    undo.undo_since(c.inserted_from);
    c.facade
        .status
        .set_text_content(Some(&format!("Comments could not be loaded: {why}.")));
    c.facade.button.set_text_content(Some("Try again"));
    let _ = c.facade.button.remove_attribute("disabled");
    vec![("comments-failed".into(), vec![("reason", why.into())])]
}

/// The handle `mount` returns.
#[wasm_bindgen]
pub struct Widget {
    inner: Option<Rc<RefCell<Inner>>>,
}

#[wasm_bindgen]
impl Widget {
    /// Puts the page back exactly as it was and removes every listener and observer.
    /// Calling it again does nothing.
    pub fn destroy(&mut self) {
        let Some(rc) = self.inner.take() else { return };
        let Ok(mut inner) = rc.try_borrow_mut() else {
            return;
        };
        inner.listeners.clear();
        if let Some((obs, _)) = inner.observer.take() {
            obs.disconnect();
        }
        if let Some(c) = inner.comments.as_mut() {
            c.script_listeners.clear();
        }
        quotes_panel::highlight(None);
        inner.undo.undo_all();
        let root = inner.root.clone();
        MOUNTED.with(|m| m.borrow_mut().retain(|(r, _)| r != &root));
        drop(inner);
        emit(&root, "destroyed", &[]);
    }

    /// Opens every section.
    #[wasm_bindgen(js_name = expandAll)]
    pub fn expand_all(&self) {
        self.set_all(true);
    }

    /// Closes every collapsible section.
    #[wasm_bindgen(js_name = collapseAll)]
    pub fn collapse_all(&self) {
        self.set_all(false);
    }

    /// Loads the comments now (as the "Show comments" button does).
    #[wasm_bindgen(js_name = loadComments)]
    pub fn load_comments(&self) {
        if let Some(rc) = &self.inner {
            with(&Rc::downgrade(rc), load_comments);
        }
    }

    /// The plan the widget applied, as `analyze` returns it.
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> JsValue {
        self.inner
            .as_ref()
            .map_or(JsValue::NULL, |rc| rc.borrow().plan_js.clone())
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.inner.is_some()
    }

    fn set_all(&self, open: bool) {
        if let Some(rc) = &self.inner {
            with(&Rc::downgrade(rc), |inner| {
                for s in &mut inner.sections {
                    s.set_open(open);
                }
                Vec::new()
            });
        }
    }
}
