//! The comment area: a facade that costs nothing until the reader wants comments,
//! then the comment system, fetched once.
//!
//! Sources, in the order they are looked for:
//! - a `commentsScript` option: a script to add (https, or same-origin);
//! - markup the page parks inert in the comment area, marked
//!   `data-article-widget-comments`: a `<template>` (parsed but inert), or a
//!   `<textarea>` or `<noscript>` holding it as text, as Blogger themes do. Any
//!   comment system's snippet works: Blogger's form script, Disqus, giscus,
//!   utterances, any script with its attributes;
//! - Blogger's embedded form whose iframe is left without an address: the address
//!   waits in `a#comment-editor-src` and is set on intent.
//!
//! Scripts parsed from markup never run, so each one is made anew with the same
//! attributes. Each script address is started once per page, however often the
//! widget is mounted.

use super::dom::el;
use super::events::{Event, Events};
use super::listeners::Listeners;
use super::undo::Undo;
pub use crate::core::comment_loader::Outcome;
use crate::core::comment_loader::{self as loading, End, Loader as Progress};
use crate::core::comments as core_comments;
use crate::core::comments::CommentsState;
use crate::core::{check_script_url, find, CommentsSetting, Error, Settings};
use gloo_timers::callback::Timeout;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// The selectors tried, in order, when the caller does not name the comment area.
const AUTO: &[&str] = &[
    "#comments",
    ".comments",
    "#disqus_thread",
    ".giscus",
    "#respond",
];

/// Where parked markup waits.
const PARKED: &str = "template[data-article-widget-comments], textarea[data-article-widget-comments], noscript[data-article-widget-comments]";

/// The codes of a loading script's or frame's listeners.
const LOADED: u32 = 0;
const FAILED: u32 = 1;

// Read with `try_with`, as the widgets in `api.rs` are.
thread_local! {
    /// Script addresses started in this page, so that none is fetched twice.
    /// Each with the number of the widget that started it: a widget whose load
    /// failed forgets only its own, never another widget's.
    static STARTED: RefCell<Vec<(String, u32)>> = const { RefCell::new(Vec::new()) };
}

/// What the comment system is.
pub enum Source {
    /// Markup the page parked inert.
    Parked(Element),
    /// A script to add.
    Script(String),
    /// Blogger's form frame and the address to give it.
    BloggerFrame(Element, String),
}

/// The comment area as the widget found it.
pub struct Area {
    /// The comment area element.
    pub element: Element,
    /// What to load.
    pub source: Source,
    /// The comment count the page shows, if any.
    pub count: Option<u32>,
    /// The origin to warm up on intent (`https://host`), when it is another one.
    pub origin: Option<String>,
    /// A page that shows the comments without the widget (for when loading fails).
    pub link: Option<String>,
}

/// Finds the comment area and what to load in it, and says what the widget does with
/// comments. A comment area that is missing, or holds nothing the widget can defer,
/// never stops the widget: it is left as it is and reported (`CommentsState`). Only a
/// selector that is not CSS and a `commentsScript` the widget refuses are errors.
pub fn find(doc: &Document, settings: &Settings) -> Result<(Option<Area>, CommentsState), Error> {
    let candidates: Vec<Element> = match &settings.comments {
        CommentsSetting::Off => return Ok((None, CommentsState::Off)),
        CommentsSetting::Selector(sel) => match doc.query_selector(sel) {
            Ok(e) => e.into_iter().collect(),
            Err(_) => {
                return Err(Error::BadSelector {
                    name: "comments selector".into(),
                    selector: sel.clone(),
                })
            }
        },
        // Each usual comment area in turn: a theme's `#comments` may hold only a
        // placeholder while the deferrable system sits in another.
        CommentsSetting::Auto => AUTO
            .iter()
            .filter_map(|s| doc.query_selector(s).ok().flatten())
            .collect(),
    };
    if candidates.is_empty() {
        return Ok((None, CommentsState::NotFound));
    }
    for element in candidates {
        if let Some(area) = deferrable(doc, element, settings)? {
            return Ok((Some(area), CommentsState::Lazy));
        }
    }
    Ok((None, CommentsState::NotLazy))
}

/// The comment area `element` with what the widget can load in it later, or `None`
/// when it holds nothing to defer (a live list or form, a placeholder, or addresses
/// the widget would not load). Errs only on a refused `commentsScript` option.
fn deferrable(
    doc: &Document,
    element: Element,
    settings: &Settings,
) -> Result<Option<Area>, Error> {
    let editor_link = element
        .query_selector("a#comment-editor-src[href]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"));
    let source = if let Some(url) = &settings.comments_script {
        check_script_url(url)?;
        Source::Script(url.clone())
    } else if let Some(parked) = element.query_selector(PARKED).ok().flatten() {
        Source::Parked(parked)
    } else if let (Some(frame), Some(src)) = (
        element
            .query_selector("iframe#comment-editor")
            .ok()
            .flatten(),
        editor_link.clone(),
    ) {
        let empty = frame
            .get_attribute("src")
            .is_none_or(|s| s.is_empty() || s == "about:blank");
        if !empty {
            return Ok(None);
        }
        Source::BloggerFrame(frame, src)
    } else {
        return Ok(None);
    };
    let urls = match &source {
        Source::Parked(p) => parked_urls(doc, p),
        Source::Script(u) | Source::BloggerFrame(_, u) => vec![u.clone()],
    };
    // An address of the page's own that the widget would not load: the page's comment
    // system stays as the page has it.
    if urls.iter().any(|u| check_script_url(u).is_err()) {
        return Ok(None);
    }
    let count = element
        .get_attribute("data-num-comments")
        .and_then(|n| core_comments::count_in_attribute(&n))
        .or_else(|| count_in_heading(&element));
    Ok(Some(Area {
        origin: urls.iter().find_map(|u| origin_of(u)),
        link: editor_link,
        element,
        source,
        count,
    }))
}

/// "12 comments" in the area's heading, as Blogger writes it.
fn count_in_heading(area: &Element) -> Option<u32> {
    let h = area.query_selector("h2, h3, h4").ok()??;
    core_comments::count_in_heading(&h.text_content()?)
}

/// The scheme and host of an absolute address.
fn origin_of(url: &str) -> Option<String> {
    let at = find::find(url, "://")?;
    let (scheme, rest) = (url.get(..at)?, url.get(at + 3..)?);
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| [scheme, "://", host].concat())
}

#[wasm_bindgen(module = "/js/comments.js")]
extern "C" {
    /// The parked markup as an inert fragment: see js/comments.js.
    #[wasm_bindgen(js_name = parkedContent, catch)]
    fn parked_content(doc: &Document, holder: &Element) -> Result<Node, JsValue>;
    /// The address of each script in a fragment, in document order (`null` for none).
    #[wasm_bindgen(js_name = scriptSources)]
    fn script_sources(fragment: &Node) -> Array;
    /// The addresses parked markup would fetch as scripts or frames.
    #[wasm_bindgen(js_name = parkedSources, catch)]
    fn parked_sources(doc: &Document, holder: &Element) -> Result<Array, JsValue>;
    /// Puts the parked nodes before `holder`, the scripts flagged in `keep` made
    /// anew; returns the scripts and frames to wait for.
    #[wasm_bindgen(js_name = startParked, catch)]
    fn start_parked(
        doc: &Document,
        fragment: &Node,
        keep: &[u8],
        holder: &Element,
        parent: &Node,
        log: &Array,
    ) -> Result<Array, JsValue>;
    /// A script that loads `url`, its address set through the widget's policy.
    #[wasm_bindgen(js_name = scriptFor, catch)]
    fn script_for(doc: &Document, url: &str) -> Result<Element, JsValue>;
}

/// The addresses the parked markup would fetch as scripts or frames.
fn parked_urls(doc: &Document, holder: &Element) -> Vec<String> {
    parked_sources(doc, holder)
        .map(|list| list.iter().filter_map(|u| u.as_string()).collect())
        .unwrap_or_default()
}

/// The facade: a box with a "Show comments" button where the comments will go.
pub struct Facade {
    /// The facade's box.
    pub element: Element,
    /// Its button.
    pub button: Element,
    /// The line that tells of a failure.
    pub status: Element,
}

/// The comment area, its facade and the loading of the comment system.
pub struct Loader {
    /// The area as found.
    pub area: Area,
    /// The facade in it.
    pub facade: Facade,
    /// How far loading has come (`core::comment_loader` decides each step).
    progress: Progress,
    /// Where the current attempt's changes start in the undo record.
    attempt_from: usize,
    /// The scripts' and frames' load and error listeners, while they load.
    listeners: Option<Listeners>,
    timer: Option<Timeout>,
    timeout_ms: u32,
    /// The number of the widget this loader belongs to.
    owner: u32,
}

impl Loader {
    /// Puts the facade in the comment area.
    pub fn new(
        doc: &Document,
        area: Area,
        settings: &Settings,
        owner: u32,
        undo: &mut Undo,
    ) -> Result<Loader, JsValue> {
        let element = el(doc, "div", "aw-comments-facade", None);
        let label = core_comments::button_label(area.count);
        let button = el(doc, "button", "aw-comments-button", Some(&label));
        button.set_attribute("type", "button")?;
        let status = el(doc, "p", "aw-comments-status", None);
        status.set_attribute("role", "status")?;
        element.append_child(&button)?;
        element.append_child(&status)?;
        // Where the comments will appear: in place of the parked markup or Blogger's
        // frame, else at the end of the comment area.
        let at: Option<Node> = match &area.source {
            Source::Parked(p) => Some(p.clone().into()),
            Source::BloggerFrame(f, _) => Some(f.clone().into()),
            Source::Script(_) => None,
        };
        let parent: Node = at
            .as_ref()
            .and_then(|n| n.parent_node())
            .unwrap_or_else(|| area.element.clone().into());
        undo.insert(&parent, element.as_ref(), at.as_ref())?;
        Ok(Loader {
            area,
            facade: Facade {
                element,
                button,
                status,
            },
            progress: Progress::default(),
            attempt_from: 0,
            listeners: None,
            timer: None,
            timeout_ms: settings.comments_timeout,
            owner,
        })
    }

    /// Whether a URL fragment asks for the comments: `#comments`, a comment
    /// (`#c123`, `#comment-123`), or any element inside the comment area.
    pub fn wants(&self, hash: &str, target: Option<&Element>) -> bool {
        let a: &Node = self.area.element.as_ref();
        core_comments::hash_wants_comments(hash) || target.is_some_and(|t| a.contains(Some(t)))
    }

    /// Warms the connection to the comment system's origin, once.
    pub fn preconnect(&mut self, doc: &Document, undo: &mut Undo) {
        if !self.progress.preconnect() {
            return;
        }
        let (Some(origin), Some(head)) = (&self.area.origin, doc.head()) else {
            return;
        };
        let link = el(doc, "link", "", None);
        let _ = link.set_attribute("rel", "preconnect");
        let _ = link.set_attribute("href", origin);
        let _ = link.set_attribute("crossorigin", "");
        let _ = undo.insert(head.as_ref(), link.as_ref(), None);
    }

    /// Room for the comments before they arrive, so that what follows the comment
    /// area does not move when they render (the stylesheet sets the height). Taken at
    /// mount where the reader does not see the area, else once they no longer see it
    /// or when loading starts.
    pub fn reserve(&mut self, undo: &mut Undo) {
        if self.progress.reserve() {
            let _ = undo.add_class(&self.area.element, "aw-comments-reserved");
        }
    }

    /// Starts the comment system, once. `report` is called when each script or frame
    /// loads, fails, or when nothing answered in time.
    pub fn load(
        &mut self,
        doc: &Document,
        undo: &mut Undo,
        report: impl Fn(Outcome) + 'static,
    ) -> Events {
        if !self.progress.start() {
            return Vec::new();
        }
        self.listeners = None;
        self.reserve(undo);
        self.attempt_from = undo.len();
        self.facade.button.set_text_content(Some(loading::LOADING));
        let _ = self.facade.button.set_attribute("disabled", "");
        let _ = self.facade.button.set_attribute("aria-busy", "true");
        self.facade.status.set_text_content(None);
        let waiting = self.start(doc, undo).ok();
        let end = self.progress.started(waiting.as_ref().map(Vec::len));
        let mut events: Events = match end {
            Some(End::Failed(_)) => Vec::new(),
            _ => vec![Event::CommentsLoading],
        };
        if let Some(end) = end {
            events.extend(self.end(end, undo));
            return events;
        }
        let waiting = waiting.unwrap_or_default();
        let report = Rc::new(report);
        let r = report.clone();
        let mut listeners = Listeners::new(move |code, _| {
            r(if code == LOADED {
                Outcome::Loaded
            } else {
                Outcome::Failed
            })
        });
        for target in waiting {
            // Once each: a frame fires `load` again on every page shown in it.
            listeners.add_once(&target, "load", LOADED);
            listeners.add_once(&target, "error", FAILED);
        }
        self.listeners = Some(listeners);
        let r = report.clone();
        self.timer = Some(Timeout::new(self.timeout_ms, move || r(Outcome::TimedOut)));
        events
    }

    /// Inserts what loads the comment system; returns the elements to wait for.
    fn start(&self, doc: &Document, undo: &mut Undo) -> Result<Vec<Element>, JsValue> {
        let mut waiting = Vec::new();
        match &self.area.source {
            Source::Script(url) => {
                if mark_started(url, self.owner) {
                    let s = script_for(doc, url)?;
                    undo.insert(self.area.element.as_ref(), s.as_ref(), None)?;
                    waiting.push(s);
                }
            }
            Source::BloggerFrame(frame, src) => {
                undo.set_attr(frame, "src", src)?;
                waiting.push(frame.clone());
            }
            Source::Parked(holder) => {
                let content = parked_content(doc, holder)?;
                let parent = holder
                    .parent_node()
                    .unwrap_or_else(|| self.area.element.clone().into());
                // A script whose address this page has started already is left out.
                let keep: Vec<u8> = script_sources(&content)
                    .iter()
                    .map(|src| src.as_string().is_none_or(|u| mark_started(&u, self.owner)) as u8)
                    .collect();
                let log = Array::new();
                let started = start_parked(doc, &content, &keep, holder, &parent, &log);
                undo.script(log);
                waiting.extend(started?.iter().map(JsCast::unchecked_into));
            }
        }
        Ok(waiting)
    }

    /// One script or frame has loaded, or failed, or time ran out.
    pub fn script_done(&mut self, outcome: Outcome, undo: &mut Undo) -> Events {
        match self.progress.report(outcome) {
            Some(end) => self.end(end, undo),
            None => Vec::new(),
        }
    }

    /// Shows how the attempt ended: the facade goes, or says why and offers a retry
    /// (what the attempt added taken out, so that a retry starts clean).
    fn end(&mut self, end: End, undo: &mut Undo) -> Events {
        self.timer = None;
        let why = match end {
            End::Loaded => {
                let _ = self.facade.element.set_attribute("hidden", "");
                return vec![Event::CommentsLoaded];
            }
            End::Failed(why) => why,
        };
        self.listeners = None;
        undo.undo_since(self.attempt_from);
        let owner = self.owner;
        let _ = STARTED.try_with(|s| s.borrow_mut().retain(|(_, by)| *by != owner));
        let msg = loading::failure_message(why);
        self.facade.status.set_text_content(Some(&msg));
        let doc = self.facade.status.owner_document();
        if let (Some(href), Some(doc)) = (&self.area.link, doc) {
            let a = el(&doc, "a", "aw-comments-link", Some(loading::OPEN_PAGE));
            let _ = a.set_attribute("href", href);
            let _ = self.facade.status.append_child(&doc.create_text_node(" "));
            let _ = self.facade.status.append_child(&a);
        }
        self.facade.button.set_text_content(Some(loading::RETRY));
        let _ = self.facade.button.remove_attribute("disabled");
        let _ = self.facade.button.remove_attribute("aria-busy");
        vec![Event::CommentsFailed {
            reason: why.to_string(),
        }]
    }

    /// Stops listening (the widget is going away).
    pub fn stop(&mut self) {
        self.listeners = None;
        self.timer = None;
    }
}

/// Marks `url` as started by widget `owner`; `false` when this page started it already
/// (it is then not fetched again).
fn mark_started(url: &str, owner: u32) -> bool {
    STARTED
        .try_with(|s| {
            let mut s = s.borrow_mut();
            if s.iter().any(|(u, _)| u == url) {
                false
            } else {
                s.push((url.to_string(), owner));
                true
            }
        })
        .unwrap_or(true)
}
