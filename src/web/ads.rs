//! Ad slots that arrive after the mount: auto ads insert their own slots into the
//! article, maybe into a section body. A watch on the article hands each such body to
//! js/apply.js, which cuts it around the slot (the slot is never moved); here the
//! section is told its new bodies. Slots there at mount are the core's plan's
//! (`core::ads`, `Section::kept`).

use super::sections::SectionUi;
use super::undo::Undo;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

#[wasm_bindgen(module = "/js/apply.js")]
extern "C" {
    /// Cuts every section body that holds an ad slot around it: `[old body, new
    /// bodies]` for each (see js/apply.js).
    #[wasm_bindgen(js_name = freeSlots)]
    fn free_slots(doc: &Document, root: &Element, ads: &str, log: &Array) -> Array;
}

/// Frees the slots now in section bodies, recording the changes in `undo`.
pub fn free(
    doc: &Document,
    root: &Element,
    ads: &str,
    sections: &mut [SectionUi],
    undo: &mut Undo,
) {
    let log = Array::new();
    let cuts = free_slots(doc, root, ads, &log);
    undo.script(log);
    for cut in cuts.iter() {
        let cut: Array = cut.unchecked_into();
        let old: Element = cut.get(0).unchecked_into();
        let made: Array = cut.get(1).unchecked_into();
        for s in sections.iter_mut() {
            if let Some(i) = s.bodies.iter().position(|b| *b == old) {
                s.bodies.remove(i);
                for (k, b) in made.iter().enumerate() {
                    s.bodies.insert(i + k, b.unchecked_into());
                }
            }
        }
    }
}

/// A watch on the article for slots added after the mount; it stops when dropped.
pub struct Watch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(Array, MutationObserver)>,
}

impl Watch {
    /// Calls `f` after each batch of nodes added under `root`.
    pub fn start(root: &Element, f: impl FnMut() + 'static) -> Option<Watch> {
        // The signature of the widget's other mutation watch: one closure glue for both.
        let mut f = f;
        let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(move |_, _| f());
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        observer.observe_with_options(root, &init).ok()?;
        Some(Watch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
