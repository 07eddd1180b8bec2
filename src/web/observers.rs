//! The widget's observers: an IntersectionObserver over some elements, and the one
//! that marks in the contents the section being read.

use super::sections::SectionUi;
use super::widget::{with, Live};
use crate::core::contents;
use std::cell::RefCell;
use std::rc::Weak;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverInit};

/// A MutationObserver, its callback, and the timer that ends the watch.
pub(super) type Watcher = (
    web_sys::MutationObserver,
    Closure<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>,
    gloo_timers::callback::Timeout,
);

pub(super) type Observer = (
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
);

/// An IntersectionObserver over `targets` that calls `f` with its entries.
pub(super) fn observe(
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
pub(super) fn watch_reading(
    weak: &Weak<RefCell<Live>>,
    sections: &[SectionUi],
) -> Option<Observer> {
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
