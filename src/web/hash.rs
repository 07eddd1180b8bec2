//! Following the page's address: a link into the article opens the sections around
//! its target, a link into the comments loads them, and the view goes there when
//! `core::route::jump` says.

use super::sections;
use super::widget::{with, Live};
use crate::core::route::{self, Scroll};
use std::cell::RefCell;
use std::rc::Weak;

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
