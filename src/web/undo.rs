//! Every change the widget makes to the page, recorded as it is made, so that
//! `destroy()` (or a failure half-way through mounting) puts the page back exactly:
//! the same nodes, in the same order, with the same attributes.

use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

enum Change {
    /// An element the widget inserted; undone by removing it.
    Inserted(Node),
    /// An attribute the widget set; undone by restoring the old value or absence.
    Attribute(Element, String, Option<String>),
    /// Changes js/apply.js made and recorded in its own log.
    Script(js_sys::Array),
}

#[wasm_bindgen(module = "/js/apply.js")]
extern "C" {
    /// Takes back the changes in a log of js/apply.js made since it held `mark`.
    #[wasm_bindgen(js_name = undoLog)]
    fn undo_log(log: &js_sys::Array, mark: u32);
}

/// The record of changes, undone in reverse order.
#[derive(Default)]
pub struct Undo {
    changes: Vec<Change>,
}

impl Undo {
    /// Inserts `node` before `before` (or at the end of `parent`) and records it.
    pub fn insert(
        &mut self,
        parent: &Node,
        node: &Node,
        before: Option<&Node>,
    ) -> Result<(), JsValue> {
        parent.insert_before(node, before)?;
        self.changes.push(Change::Inserted(node.clone()));
        Ok(())
    }

    /// Sets an attribute and records its old value.
    pub fn set_attr(&mut self, el: &Element, name: &str, value: &str) -> Result<(), JsValue> {
        let old = el.get_attribute(name);
        el.set_attribute(name, value)?;
        self.changes
            .push(Change::Attribute(el.clone(), name.to_string(), old));
        Ok(())
    }

    /// Adds a class (recorded as a change of the class attribute).
    pub fn add_class(&mut self, el: &Element, class: &str) -> Result<(), JsValue> {
        let old = el.get_attribute("class");
        el.class_list().add_1(class)?;
        self.changes
            .push(Change::Attribute(el.clone(), "class".into(), old));
        Ok(())
    }

    /// Records the changes js/apply.js made into `log` (undone as one change).
    pub fn script(&mut self, log: js_sys::Array) {
        self.changes.push(Change::Script(log));
    }

    /// How many changes are recorded.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// Undoes everything, newest first.
    pub fn undo_all(&mut self) {
        self.undo_since(0);
    }

    /// Undoes the changes recorded since there were `mark` of them, newest first.
    pub fn undo_since(&mut self, mark: usize) {
        while self.changes.len() > mark {
            let Some(c) = self.changes.pop() else { break };
            match c {
                Change::Inserted(n) => {
                    if let Some(p) = n.parent_node() {
                        let _ = p.remove_child(&n);
                    }
                }
                Change::Script(log) => undo_log(&log, 0),
                Change::Attribute(el, name, old) => {
                    let _ = match old {
                        Some(v) => el.set_attribute(&name, &v),
                        None => el.remove_attribute(&name),
                    };
                }
            }
        }
    }
}
