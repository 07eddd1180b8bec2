//! A mounted widget: the changes it made (to undo), its parts in the page, and every
//! listener and observer it owns. Listeners reach the state through a weak handle and
//! send their events only after releasing it, so an event listener may call
//! `destroy()`.

use super::comments::{self, Loader};
use super::dom::scroll_to;
use super::errors::{dom_error, js_error};
use super::events::{Event, Events};
use super::held;
use super::listeners::Listeners;
use super::navigator::Navigator;
use super::plan_js::AppliedPlan;
use super::prepare::Prepared;
use super::quotes_panel;
use super::read::Places;
use super::sections::{self, SectionUi};
use super::toc::{self, Toc};
use super::undo::Undo;
use crate::core::comments::Nearness;
use crate::core::held::{Held, Part};
use crate::core::opened::{Input, Opened};
use crate::core::placement::{self, Screen, Spot};
use crate::core::quiet::Quiet;
use crate::core::route::{self, Control, Scroll, Step};
use crate::core::CommentsSetting;
use crate::core::{ads, contents};
use crate::core::{number, stored};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    Node,
};

#[wasm_bindgen]
extern "C" {
    /// `console.info`, for the one line that tells why comments were left alone.
    #[wasm_bindgen(js_namespace = console, js_name = info)]
    fn console_info(line: &str);
}

/// What one of the widget's listeners does (its code for [`Listeners`]).
#[derive(Clone, Copy, PartialEq)]
enum Action {
    /// A click in the article (one listener on the root for all of them): a section's
    /// toggle flips it, a contents link opens its section, "Expand all" expands all.
    Click,
    /// Find-in-page matched text in a collapsed body (`beforematch`, which bubbles up
    /// to the root's one listener): open it.
    Match,
    /// The URL fragment changed.
    Hash,
    BeforePrint,
    AfterPrint,
    LoadComments,
    Preconnect,
    /// A key that opens the browser's find bar, where the browser cannot find text
    /// in a collapsed section (no `hidden="until-found"`): open every section first.
    FindKey,
    /// The reader scrolled: held changes may be due.
    Scroll,
    /// A key pressed in the navigator (Escape closes it).
    NavKey,
    /// The window changed size: the navigator's rail may fit, or no longer.
    Resize,
    /// Show key quote `i` in the text.
    Quote(usize),
}

/// The actions without a number, in the order of their codes; `Quote(i)` is
/// `QUOTE + i`.
const PLAIN: [Action; 11] = [
    Action::Click,
    Action::Match,
    Action::Hash,
    Action::BeforePrint,
    Action::AfterPrint,
    Action::LoadComments,
    Action::Preconnect,
    Action::FindKey,
    Action::Scroll,
    Action::NavKey,
    Action::Resize,
];
const QUOTE: u32 = PLAIN.len() as u32;

impl Action {
    fn code(self) -> u32 {
        match self {
            Action::Quote(i) => QUOTE + i as u32,
            plain => PLAIN.iter().position(|a| *a == plain).unwrap_or(0) as u32,
        }
    }

    fn from_code(code: u32) -> Action {
        match code.checked_sub(QUOTE) {
            Some(i) => Action::Quote(i as usize),
            None => PLAIN.get(code as usize).copied().unwrap_or(Action::Click),
        }
    }
}

/// What the widget's listeners run: the action a listener's code names, on the
/// widget behind `w`.
fn handle(w: &Weak<RefCell<Live>>, code: u32, e: web_sys::Event) {
    let action = Action::from_code(code);
    match action {
        Action::FindKey => {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if crate::core::keys::opens_find_bar(&k.key(), k.ctrl_key(), k.meta_key()) {
                with(w, |live| live.act(action));
            }
        }
        Action::Hash => on_hash(w, true),
        Action::NavKey => {
            let escape = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if escape {
                with(w, |live| {
                    if let Some(nav) = live.nav.as_ref().filter(|n| n.is_open()) {
                        nav.set_open(false, true);
                    }
                    Vec::new()
                });
            }
        }
        Action::Click | Action::Match => {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Node>().ok()) else {
                return;
            };
            with(w, |live| live.act_on(action, &target));
        }
        Action::Quote(_) => {
            // The quote link's own navigation is replaced by opening and highlighting.
            e.prevent_default();
            with(w, |live| live.act(action));
        }
        _ => with(w, |live| live.act(action)),
    }
}

/// A MutationObserver, its callback, and the timer that ends the watch.
type Watcher = (
    web_sys::MutationObserver,
    Closure<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>,
    gloo_timers::callback::Timeout,
);

type Observer = (
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
);

/// The state of one mounted widget.
pub struct Live {
    /// The widget's own weak handle, for listeners made after mounting.
    pub me: Weak<RefCell<Live>>,
    pub doc: Document,
    pub root: Element,
    pub undo: Undo,
    pub sections: Vec<SectionUi>,
    pub places: Places,
    /// The plan applied (with its object for `analyze`, made when asked for).
    pub plan: Rc<AppliedPlan>,
    pub toc: Option<Toc>,
    /// The key-quotes panel, in the page or waiting for its spot.
    quotes: Option<Element>,
    /// The changes held until the reader no longer sees their place.
    held: Held,
    /// The navigator, holding the parts that wait for their place.
    nav: Option<Navigator>,
    /// When comments that load near the view load.
    near: Nearness,
    /// When scrolling is the reader's (`Date.now()` ms): held changes wait out a jump.
    quiet: Quiet,
    pub comments: Option<Loader>,
    /// Where the open/closed state is kept for the page, when it is remembered.
    storage_key: Option<String>,
    /// Which section is open, and what opens and closes them.
    opened: Opened,
    listeners: Option<Listeners>,
    /// Watches the headings, to mark the section being read in the contents.
    reading: Option<Observer>,
    /// Watches the comment area, to load comments when it comes near.
    near_comments: Option<Observer>,
    /// Watches the comment area for the comment a link points at.
    awaiting_comment: Option<Watcher>,
    /// Watches the article for ad slots added into section bodies.
    ad_slots: Option<super::ads::Watch>,
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
    /// Applies the plan to the page and starts listening. On a failure the page is
    /// put back and the error says so.
    pub fn mount(
        mut p: Prepared,
        screen: Screen,
        mut built: Built,
    ) -> Result<Rc<RefCell<Live>>, JsValue> {
        let (area, comments_state) =
            comments::find(&p.doc, &p.settings).map_err(|e| js_error(&e))?;
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

    /// Removes every listener and stops every observer.
    fn disconnect(&mut self) {
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

    fn wire(&mut self, quote_links: Vec<(Element, usize)>, settings: &crate::core::Settings) {
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
    fn act_on(&mut self, action: Action, target: &Node) -> Events {
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
    fn control(&self, hit: &Element) -> Option<Control> {
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
    fn act(&mut self, action: Action) -> Events {
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
    fn input(&mut self, input: Input) -> Events {
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
    fn open_around(&mut self, target: &Node) -> Events {
        let around = sections::sections_holding(&self.sections, target);
        self.input(Input::OpenAround(&around))
    }

    /// Opens the sections that hold the quote, scrolls to it and highlights it.
    fn show_quote(&mut self, qi: usize) -> Events {
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
    fn scroll_to_comment(&mut self) {
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
    fn sees(&self, el: &Element) -> bool {
        let r = el.get_bounding_client_rect();
        let height = super::dom::window_of(&self.root)
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        r.bottom() > 0.0 && r.top() < height
    }

    /// The comment area came near the view (or left it): comments load now unless
    /// the reader sees the facade, and then once they no longer do.
    fn comments_near(&mut self, near: bool) -> Events {
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
    fn scroll_to(&mut self, el: &Element, center: bool) {
        self.quiet.jump(js_sys::Date::now());
        scroll_to(el, center);
    }

    /// Makes the held changes that are due now (the reader no longer sees their
    /// place), and keeps what depends on them.
    fn settle(&mut self) -> Events {
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

    fn save_state(&self) {
        let (Some(key), Some(store)) = (&self.storage_key, storage(&self.root)) else {
            return;
        };
        // A section held open only because the reader saw it is stored as wanted.
        let open = self
            .opened
            .stored_open(&self.held)
            .filter_map(|i| self.sections.get(i))
            .map(|s| s.id.as_str());
        // Storage may be full or refused (private modes): the state is then not kept.
        let _ = store.set_item(key, &stored::format(open));
    }
}

/// A widget dropped without `destroy()` (its handle freed) leaves no observer
/// behind: observers hold closures that would outlive it.
impl Drop for Live {
    fn drop(&mut self) {
        self.disconnect();
    }
}

/// Session storage, where the page may use it.
fn storage(root: &Element) -> Option<web_sys::Storage> {
    super::dom::window_of(root)?.session_storage().ok()?
}

/// The key of a page's section state: the page's path and the article's id, or for
/// an article without one, its place among the page's elements of its kind.
fn storage_key(root: &Element) -> Option<String> {
    let path = super::dom::window_of(root)?.location().pathname().ok()?;
    let id = match root.get_attribute("id").filter(|id| !id.is_empty()) {
        Some(id) => id,
        None => {
            let name = root.local_name();
            let same = root.owner_document()?.query_selector_all(&name).ok()?;
            let n = (0..same.length())
                .position(|i| same.item(i).is_some_and(|e| &e == root.as_ref() as &Node))
                .unwrap_or(0);
            let mut key = [name.as_str(), ":"].concat();
            number::push_uint(&mut key, n as u64);
            key
        }
    };
    Some(stored::key(&path, &id))
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
    area: Option<comments::Area>,
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

/// An IntersectionObserver over `targets` that calls `f` with its entries.
fn observe(
    targets: &[Element],
    margin: &str,
    f: impl FnMut(js_sys::Array) + 'static,
) -> Option<Observer> {
    let mut f = f;
    let cb = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(move |entries, _| {
        f(entries)
    });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let obs = IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()?;
    for t in targets {
        obs.observe(t);
    }
    Some((obs, cb))
}

/// Marks in the contents the section being read: the last heading above the upper
/// third of the window.
fn watch_reading(weak: &Weak<RefCell<Live>>, sections: &[SectionUi]) -> Option<Observer> {
    let headings: Vec<Element> = sections.iter().map(|s| s.heading.clone()).collect();
    let w = weak.clone();
    observe(&headings, "0px 0px -66% 0px", move |_| {
        with(&w, |live| {
            let height = super::dom::window_of(&live.root)
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let tops = live.sections.iter().map(|s| {
                // A heading inside a closed section is not on the page: no top.
                let r = s.heading.get_bounding_client_rect();
                if r.height() > 0.0 {
                    r.top()
                } else {
                    f64::NAN
                }
            });
            let current = contents::being_read(tops, height);
            if let Some(t) = &live.toc {
                t.mark_current(current);
            }
            Vec::new()
        })
    })
}

/// Follows the URL fragment: opens the sections around its target, or loads the
/// comments when it points into them, and scrolls there.
pub fn on_hash(weak: &Weak<RefCell<Live>>, changed: bool) {
    with(weak, |live| {
        let hash = super::dom::hash_of(&live.root);
        let target = sections::hash_target(&live.doc, &hash);
        let in_comments = live
            .comments
            .as_ref()
            .is_some_and(|c| c.wants(&hash, target.as_ref()));
        let mut events = if in_comments {
            live.load_comments()
        } else {
            Vec::new()
        };
        if let Some(t) = &target {
            let opened = live.open_around(t.as_ref());
            let seen = changed || live.sees(t);
            match route::jump(changed, !opened.is_empty(), seen) {
                Scroll::Now => live.scroll_to(t, false),
                Scroll::AfterPaint => {
                    live.quiet.jump_pending();
                    let (w, t) = (weak.clone(), t.clone());
                    if let Some(win) = super::dom::window_of(&live.root) {
                        super::dom::after_next_paint(&win, move || {
                            with(&w, |live| {
                                live.scroll_to(&t, false);
                                Vec::new()
                            })
                        });
                    }
                }
                Scroll::No => {}
            }
            events.extend(opened);
        }
        events
    });
}
