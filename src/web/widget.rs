//! A mounted widget: its state (the changes it made, to undo; its parts in the page;
//! every listener and observer it owns) and what its listeners do to it. Listeners
//! reach the state through a weak handle and send their events only after releasing
//! it, so an event listener may call `destroy()`. Mounting is `mount.rs`; the
//! listeners' codes and dispatch `actions.rs`; the address `hash.rs`; the observers
//! `observers.rs`; the state kept for the page `kept.rs`.

use super::actions::{handle, Action};
use super::comments::Loader;
use super::dom::scroll_to;
use super::events::{Event, Events};
use super::held;
use super::listeners::Listeners;
use super::navigator::Navigator;
use super::observers::{observe, watch_reading, Observer, Watcher};
use super::plan_js::AppliedPlan;
use super::quotes_panel;
use super::read::Places;
use super::sections::{self, SectionUi};
use super::toc::Toc;
use super::undo::Undo;
use crate::core::ads;
use crate::core::comments::Nearness;
use crate::core::held::Held;
use crate::core::number;
use crate::core::opened::{Input, Opened};
use crate::core::quiet::Quiet;
use crate::core::route::{self, Control, Step};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, IntersectionObserverEntry, Node};

/// The state of one mounted widget.
pub struct Live {
    /// The widget's own weak handle, for listeners made after mounting.
    pub(super) me: Weak<RefCell<Live>>,
    pub(super) doc: Document,
    pub(super) root: Element,
    pub(super) undo: Undo,
    pub(super) sections: Vec<SectionUi>,
    pub(super) places: Places,
    /// The plan applied (with its object for `analyze`, made when asked for).
    pub(super) plan: Rc<AppliedPlan>,
    pub(super) toc: Option<Toc>,
    /// The key-quotes panel, in the page or waiting for its spot.
    pub(super) quotes: Option<Element>,
    /// The changes held until the reader no longer sees their place.
    pub(super) held: Held,
    /// The navigator, holding the parts that wait for their place.
    pub(super) nav: Option<Navigator>,
    /// When comments that load near the view load.
    pub(super) near: Nearness,
    /// When scrolling is the reader's (`Date.now()` ms): held changes wait out a jump.
    pub(super) quiet: Quiet,
    pub(super) comments: Option<Loader>,
    /// Where the open/closed state is kept for the page, when it is remembered.
    pub(super) storage_key: Option<String>,
    /// Which section is open, and what opens and closes them.
    pub(super) opened: Opened,
    pub(super) listeners: Option<Listeners>,
    /// Watches the headings, to mark the section being read in the contents.
    pub(super) reading: Option<Observer>,
    /// Watches the comment area, to load comments when it comes near.
    pub(super) near_comments: Option<Observer>,
    /// Watches the comment area for the comment a link points at.
    pub(super) awaiting_comment: Option<Watcher>,
    /// Watches the article for ad slots added into section bodies.
    pub(super) ad_slots: Option<super::ads::Watch>,
}

/// Runs `f` on the widget's state if it is still mounted and not busy, then sends
/// the events it returned.
pub fn with(weak: &Weak<RefCell<Live>>, f: impl FnOnce(&mut Live) -> Events) {
    let Some(rc) = weak.upgrade() else { return };
    let (root, events) = {
        let Ok(mut live) = rc.try_borrow_mut() else {
            return;
        };
        let events = f(&mut live);
        (live.root.clone(), events)
    };
    for e in events {
        e.send(&root);
    }
}

impl Live {
    /// Removes every listener and stops every observer.
    pub(super) fn disconnect(&mut self) {
        self.listeners = None;
        self.ad_slots = None;
        if let Some((obs, _, _)) = self.awaiting_comment.take() {
            obs.disconnect();
        }
        for obs in [self.reading.take(), self.near_comments.take()]
            .into_iter()
            .flatten()
        {
            obs.0.disconnect();
        }
        if let Some(c) = self.comments.as_mut() {
            c.stop();
        }
    }

    /// Removes every listener and observer and puts the page back. Returns the root,
    /// or `None` when the widget was busy (then nothing was done).
    pub fn destroy(rc: &Rc<RefCell<Live>>) -> Option<Element> {
        let root = {
            let mut live = rc.try_borrow_mut().ok()?;
            live.disconnect();
            quotes_panel::highlight(None);
            live.undo.undo_all();
            live.root.clone()
        };
        Event::Destroyed.send(&root);
        Some(root)
    }

    pub(super) fn wire(
        &mut self,
        quote_links: Vec<(Element, usize)>,
        settings: &crate::core::Settings,
    ) {
        let w = self.me.clone();
        let mut ls = Listeners::new(move |code, e| handle(&w, code, e));
        let mut on = |target: &web_sys::EventTarget, event: &str, action: Action| {
            ls.add(target, event, action.code());
        };
        // The toggles, the bodies and the contents are all in the article: one listener
        // on the root for each kind of event, not one for each of them.
        if !self.sections.is_empty() || self.nav.is_some() {
            on(&self.root, "click", Action::Click);
        }
        if !self.sections.is_empty() {
            on(&self.root, "beforematch", Action::Match);
        }
        if let Some(nav) = &self.nav {
            on(&nav.element, "keydown", Action::NavKey);
        }
        for (link, qi) in &quote_links {
            on(link, "click", Action::Quote(*qi));
        }
        if let Some(window) = super::dom::window_of(&self.root) {
            on(&window, "hashchange", Action::Hash);
            on(&window, "beforeprint", Action::BeforePrint);
            on(&window, "afterprint", Action::AfterPrint);
            // Find-in-page reaches collapsed text only through `hidden="until-found"`
            // (Chrome 102+, Firefox 139+, Safari 26.2+). Elsewhere the value acts as
            // plain `hidden`: open every section when the reader opens the find bar.
            if !super::dom::finds_hidden_text(&window) {
                on(&window, "keydown", Action::FindKey);
            }
            let lazy = self.comments.is_some() && !settings.comments_on_click;
            if !self.held.is_empty() || lazy {
                on(&window, "scroll", Action::Scroll);
            }
            if self.nav.is_some() {
                on(&window, "resize", Action::Resize);
            }
        }
        if let Some(c) = &self.comments {
            on(&c.facade.button, "click", Action::LoadComments);
            // Warm the connection when the reader shows intent, not before.
            on(&c.facade.element, "pointerover", Action::Preconnect);
            on(&c.facade.element, "focusin", Action::Preconnect);
        }
        if self.toc.is_some() {
            self.reading = watch_reading(&self.me, &self.sections);
        }
        if let (Some(c), false) = (&self.comments, settings.comments_on_click) {
            let w = self.me.clone();
            self.near_comments = observe(
                std::slice::from_ref(&c.facade.element),
                &{
                    let margin = number::uint(settings.comments_margin.into());
                    [&margin, "px 0px ", &margin, "px 0px"].concat()
                },
                move |entries| {
                    let near = entries.iter().any(|e| {
                        e.unchecked_into::<IntersectionObserverEntry>()
                            .is_intersecting()
                    });
                    with(&w, |live| live.comments_near(near));
                },
            );
        }
        self.listeners = Some(ls);
        if self.sections.iter().any(|s| !s.bodies.is_empty()) {
            let (w, ads) = (
                self.me.clone(),
                ads::slot_selector(settings.ad_slots.as_deref()),
            );
            self.ad_slots = super::ads::Watch::start(&self.root, move || {
                with(&w, |live| {
                    super::ads::free(
                        &live.doc,
                        &live.root,
                        &ads,
                        &mut live.sections,
                        &mut live.undo,
                    );
                    Vec::new()
                })
            });
        }
    }

    /// What the root's listeners do with an event at `target`: names the control
    /// hit, and makes the steps `core::route` decides.
    pub(super) fn act_on(&mut self, action: Action, target: &Node) -> Events {
        if let Action::Match = action {
            // The body that matched, and every section around it.
            return self.open_around(target);
        }
        // The button or link clicked (a toggle holds its icon; a link, its text).
        let element = match target.dyn_ref::<Element>() {
            Some(e) => Some(e.clone()),
            None => target.parent_element(),
        };
        let Some(hit) = element.and_then(|e| e.closest("button, a").ok().flatten()) else {
            return Vec::new();
        };
        let Some(control) = self.control(&hit) else {
            return Vec::new();
        };
        let (in_sheet, sheet_open) = self.nav.as_ref().map_or((false, false), |n| {
            (n.sheet.contains(Some(&hit)), n.is_open())
        });
        let click = route::click(control, in_sheet, sheet_open);
        if let (true, Some(nav)) = (click.close_sheet, &self.nav) {
            nav.set_open(false, false);
        }
        match click.step {
            Some(Step::Toggle(i)) => self.input(Input::Toggle(i)),
            Some(Step::ToggleAll) => self.input(Input::ToggleAll),
            Some(Step::OpenAround(i)) => match self.sections.get(i) {
                Some(s) => {
                    let heading: Node = s.heading.clone().into();
                    self.open_around(&heading)
                }
                None => Vec::new(),
            },
            Some(Step::ShowAllContents) => {
                if let Some(toc) = &mut self.toc {
                    toc.show_all();
                }
                Vec::new()
            }
            Some(Step::SetSheet(open)) => {
                if let Some(nav) = &self.nav {
                    nav.set_open(open, true);
                }
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Which of the widget's controls `hit` is (`None`: not the widget's).
    pub(super) fn control(&self, hit: &Element) -> Option<Control> {
        if self.nav.as_ref().is_some_and(|n| &n.button == hit) {
            return Some(Control::NavButton);
        }
        if let Some(i) = self
            .sections
            .iter()
            .position(|s| s.button.as_ref() == Some(hit))
        {
            return Some(Control::Toggle(i));
        }
        if let Some(toc) = &self.toc {
            if toc.more.as_ref() == Some(hit) {
                return Some(Control::ContentsMore);
            }
            if &toc.all == hit {
                return Some(Control::ContentsAll);
            }
            if let Some(i) = toc.links.iter().position(|a| a == hit) {
                return Some(Control::ContentsLink(i));
            }
        }
        (hit.local_name() == "a").then_some(Control::Link)
    }

    /// What a listener does.
    pub(super) fn act(&mut self, action: Action) -> Events {
        match action {
            Action::Quote(qi) => self.show_quote(qi),
            // Handled by the listener itself: on_hash and act_on take the state on their own.
            Action::Hash | Action::Click | Action::Match => Vec::new(),
            Action::BeforePrint => self.input(Input::BeforePrint),
            Action::AfterPrint => self.input(Input::AfterPrint),
            Action::LoadComments => self.load_comments(),
            Action::FindKey => self.input(Input::SetAll(true)),
            Action::NavKey => Vec::new(),
            Action::Resize => {
                if let Some(nav) = &self.nav {
                    nav.set_rail(super::screen::rail_fits(&self.root));
                }
                Vec::new()
            }
            Action::Scroll => {
                if !self.quiet.scrolled(js_sys::Date::now()) {
                    return Vec::new();
                }
                let mut events = self.settle();
                if self.near.waiting() {
                    events.extend(self.comments_near(true));
                }
                events
            }
            Action::Preconnect => {
                if let Some(c) = self.comments.as_mut() {
                    c.preconnect(&self.doc, &mut self.undo);
                }
                Vec::new()
            }
        }
    }

    /// Opens and closes sections as `core::opened` decides for `input`: shows each
    /// change, tells the reader's as `toggle` events, and keeps what depends on them.
    pub(super) fn input(&mut self, input: Input) -> Events {
        let changes = self.opened.input(input, &mut self.held);
        let mut events = Vec::new();
        for &(i, open) in &changes.set {
            let Some(s) = self.sections.get(i) else {
                continue;
            };
            s.show(open);
            if changes.by_reader {
                events.push(Event::Toggle {
                    id: s.id.clone(),
                    open,
                });
            }
        }
        if !changes.set.is_empty() {
            if let Some(t) = &self.toc {
                t.refresh(&self.opened);
            }
        }
        if changes.store {
            self.save_state();
        }
        events
    }

    /// Opens or closes every section (`expandAll()`, `collapseAll()`).
    pub fn set_all(&mut self, open: bool) -> Events {
        self.input(Input::SetAll(open))
    }

    /// Opens every section that holds `target`.
    pub(super) fn open_around(&mut self, target: &Node) -> Events {
        let around = sections::sections_holding(&self.sections, target);
        self.input(Input::OpenAround(&around))
    }

    /// Opens the sections that hold the quote, scrolls to it and highlights it.
    pub(super) fn show_quote(&mut self, qi: usize) -> Events {
        let Some(q) = self.plan.quotes.get(qi) else {
            return Vec::new();
        };
        let Some(place) = self.places.get(q.block) else {
            return Vec::new();
        };
        let (text, speaker) = (q.text.clone(), q.speaker.clone());
        if let Some(nav) = self.nav.as_ref().filter(|n| n.is_open()) {
            nav.set_open(false, false);
        }
        let range = quotes_panel::range_of(&self.doc, &self.places, q);
        let first = self.places.node(place.first);
        let mut events = self.open_around(&first);
        quotes_panel::highlight(range.as_ref());
        let target: Option<Element> = range
            .as_ref()
            .and_then(|r| r.start_container().ok())
            .and_then(|n| n.parent_element())
            .or_else(|| first.dyn_ref::<Element>().cloned())
            .or_else(|| first.parent_element());
        if let Some(t) = target {
            self.scroll_to(&t, true);
            // Focus follows the reader to the quote, as a contents link's does: the
            // next Tab goes on from there, not from the panel far above.
            if !t.has_attribute("tabindex") {
                let _ = self.undo.set_attr(&t, "tabindex", "-1");
            }
            if let Some(h) = t.dyn_ref::<web_sys::HtmlElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = h.focus_with_options(&opts);
            }
        }
        events.push(Event::Quote { text, speaker });
        events
    }

    /// Loads the comment system, once; a failed load can be tried again.
    pub fn load_comments(&mut self) -> Events {
        self.near.loading();
        if let Some((obs, _)) = &self.near_comments {
            obs.disconnect();
        }
        let me = self.me.clone();
        let events = match self.comments.as_mut() {
            Some(c) => c.load(&self.doc, &mut self.undo, move |ok| {
                with(&me, |live| {
                    let events = match live.comments.as_mut() {
                        Some(c) => c.script_done(ok, &mut live.undo),
                        None => Vec::new(),
                    };
                    if events.contains(&Event::CommentsLoaded) {
                        live.scroll_to_comment();
                    }
                    events
                })
            }),
            None => Vec::new(),
        };
        if events.contains(&Event::CommentsLoaded) {
            self.scroll_to_comment();
        }
        events
    }

    /// A link to one comment (`#c123`) names an element that exists only once the
    /// comment system has rendered it: scroll to it then (watching the comment area
    /// for a while when it is not there yet).
    pub(super) fn scroll_to_comment(&mut self) {
        let hash = super::dom::hash_of(&self.root);
        let Some(c) = &self.comments else { return };
        if !c.wants(&hash, None) && sections::hash_target(&self.doc, &hash).is_none() {
            return;
        }
        if let Some(t) = sections::hash_target(&self.doc, &hash) {
            if c.wants(&hash, Some(&t)) {
                self.scroll_to(&t, false);
            }
            return;
        }
        let area = c.area.element.clone();
        let doc = self.doc.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
            move |_, obs: web_sys::MutationObserver| {
                let hash = super::dom::hash_of(doc.as_ref());
                if let Some(t) = sections::hash_target(&doc, &hash) {
                    // Disconnect only: the closure running now must not be dropped here.
                    obs.disconnect();
                    scroll_to(&t, false);
                }
            },
        );
        let Ok(obs) = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()) else {
            return;
        };
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        if obs.observe_with_options(&area, &init).is_ok() {
            // Stop watching after a while: the comment may not exist at all.
            let o = obs.clone();
            let stop = gloo_timers::callback::Timeout::new(10_000, move || o.disconnect());
            self.awaiting_comment = Some((obs, cb, stop));
        }
    }

    /// Whether the reader sees `el` now.
    pub(super) fn sees(&self, el: &Element) -> bool {
        let r = el.get_bounding_client_rect();
        let height = super::dom::window_of(&self.root)
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        r.bottom() > 0.0 && r.top() < height
    }

    /// The comment area came near the view (or left it): comments load now unless
    /// the reader sees the facade, and then once they no longer do.
    pub(super) fn comments_near(&mut self, near: bool) -> Events {
        let Some(area) = self.comments.as_ref().map(|c| c.area.element.clone()) else {
            return Vec::new();
        };
        let seen = self.sees(&area);
        if self.near.near(near, seen) {
            self.load_comments()
        } else {
            Vec::new()
        }
    }

    /// Scrolls `el` into view; held changes wait until the jump is over.
    pub(super) fn scroll_to(&mut self, el: &Element, center: bool) {
        self.quiet.jump(js_sys::Date::now());
        scroll_to(el, center);
    }

    /// Makes the held changes that are due now (the reader no longer sees their
    /// place), and keeps what depends on them.
    pub(super) fn settle(&mut self) -> Events {
        let parts = held::Parts {
            contents: self.toc.as_ref().map(|t| t.element.clone()),
            quotes: self.quotes.clone(),
            comments: self.comments.as_ref().map(|c| c.area.element.clone()),
            // A part in the reader's hands (the sheet open, or the rail) stays there.
            in_use: self
                .nav
                .as_ref()
                .is_some_and(|n| n.is_open() || n.is_rail()),
        };
        let comments = &mut self.comments;
        let closed = held::settle(
            &mut self.held,
            &self.root,
            &self.sections,
            &mut self.opened,
            &parts,
            &mut self.undo,
            &mut |undo| {
                if let Some(c) = comments.as_mut() {
                    c.reserve(undo);
                }
            },
        );
        if let Some(nav) = &self.nav {
            nav.refresh();
        }
        if closed.is_empty() {
            return Vec::new();
        }
        if let Some(t) = &self.toc {
            t.refresh(&self.opened);
        }
        closed
            .iter()
            .filter_map(|&i| self.sections.get(i))
            .map(|s| Event::Toggle {
                id: s.id.clone(),
                open: false,
            })
            .collect()
    }
}

/// A widget dropped without `destroy()` (its handle freed) leaves no observer
/// behind: observers hold closures that would outlive it.
impl Drop for Live {
    fn drop(&mut self) {
        self.disconnect();
    }
}
