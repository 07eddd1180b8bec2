//! A widget's event listeners: one closure of the module handles every event the
//! widget listens to, and `js/listen.js` adds, for each target, a plain listener that
//! calls it with a code saying what the listener is for. (A closure made here for
//! each target costs a wrapper, registered for collection, each time: a tenth of a
//! millisecond a mount.) Dropping the set removes every listener.

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget};

#[wasm_bindgen(module = "/js/listen.js")]
extern "C" {
    /// Adds a listener for `event` on `target` that calls `handler(code, event)` (for
    /// the first such event only when `once`); returns the function that removes it.
    /// See js/listen.js.
    #[wasm_bindgen(js_name = listen)]
    fn listen_js(
        target: &EventTarget,
        event: &str,
        handler: &JsValue,
        code: u32,
        once: bool,
    ) -> js_sys::Function;
}

/// A set of listeners (a widget's, or a comment loader's) and the one closure they
/// call.
pub struct Listeners {
    /// Called with the listener's code and the event. `Fn`, not `FnMut`: an event
    /// that a handler causes may run it again before it returns.
    handler: Closure<dyn Fn(u32, Event)>,
    /// The functions that remove each listener.
    removers: Vec<js_sys::Function>,
}

impl Listeners {
    /// No listeners yet; `handler` will handle what they hear.
    pub fn new(handler: impl Fn(u32, Event) + 'static) -> Listeners {
        Listeners {
            handler: Closure::new(handler),
            removers: Vec::new(),
        }
    }

    /// Listens for `event` on `target`: the handler gets `code`.
    pub fn add(&mut self, target: &EventTarget, event: &str, code: u32) {
        let remove = listen_js(target, event, self.handler.as_ref(), code, false);
        self.removers.push(remove);
    }

    /// The same, for the first such event only.
    pub fn add_once(&mut self, target: &EventTarget, event: &str, code: u32) {
        let remove = listen_js(target, event, self.handler.as_ref(), code, true);
        self.removers.push(remove);
    }

    /// Removes every listener.
    pub fn clear(&mut self) {
        for remove in self.removers.drain(..) {
            let _ = remove.call0(&JsValue::NULL);
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        self.clear();
    }
}
