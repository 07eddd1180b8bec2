//! The widget's listeners: what each one does (its code for `listeners::Listeners`), and the
//! dispatch from an event to the mounted widget.

use super::hash::on_hash;
use super::widget::{with, Live};
use std::cell::RefCell;
use std::rc::Weak;
use wasm_bindgen::JsCast;
use web_sys::Node;

/// What one of the widget's listeners does (its code for `listeners::Listeners`).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Action {
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
    pub(super) fn code(self) -> u32 {
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
pub(super) fn handle(w: &Weak<RefCell<Live>>, code: u32, e: web_sys::Event) {
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
