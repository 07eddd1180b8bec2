//! The comment area's facade, which costs nothing until the reader wants comments,
//! then the comment system, fetched once (the area and its source are found by
//! `comment_area.rs`).
//!
//! Scripts parsed from markup never run, so each one is made anew with the same
//! attributes. Each script address is started once per page, however often the
//! widget is mounted.

use super::comment_area::{Area, Source};
use super::dom::el;
use super::events::{Event, Events};
use super::listeners::Listeners;
use super::undo::Undo;
pub use crate::core::comment_loader::Outcome;
use crate::core::comment_loader::{self as loading, End, Loader as Progress};
use crate::core::comments as core_comments;
use crate::core::Settings;
use gloo_timers::callback::Timeout;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

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
    pub(super) fn parked_sources(doc: &Document, holder: &Element) -> Result<Array, JsValue>;
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
