//! Every change the widget makes to the page, recorded as it is made, so that
//! `destroy()` (or a failure half-way through mounting) puts the page back exactly:
//! the same nodes, in the same order, with the same attributes.

use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

enum Change {
    /// An element the widget inserted; undone by removing it.
    Inserted(Node),
    /// A wrapper the widget put around existing nodes; undone by moving its children
    /// back before it and removing it.
    Wrapped(Element),
    /// An attribute the widget set; undone by restoring the old value or absence.
    Attribute(Element, String, Option<String>),
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

    /// Wraps the sibling nodes `first..=last` in `wrapper` and records it.
    pub fn wrap(&mut self, wrapper: &Element, first: &Node, last: &Node) -> Result<(), JsValue> {
        let parent = first
            .parent_node()
            .ok_or_else(|| JsValue::from_str("node to wrap has no parent"))?;
        parent.insert_before(wrapper, Some(first))?;
        self.changes.push(Change::Wrapped(wrapper.clone()));
        let mut next = Some(first.clone());
        while let Some(n) = next {
            next = if &n == last { None } else { n.next_sibling() };
            wrapper.append_child(&n)?;
        }
        Ok(())
    }

    /// Moves all the children of `parent` into `wrapper`, which goes where they were.
    pub fn wrap_children(&mut self, wrapper: &Element, parent: &Node) -> Result<(), JsValue> {
        match (parent.first_child(), parent.last_child()) {
            (Some(first), Some(last)) => self.wrap(wrapper, &first, &last),
            _ => self.insert(parent, wrapper, None),
        }
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
                Change::Wrapped(w) => {
                    if let Some(p) = w.parent_node() {
                        while let Some(c) = w.first_child() {
                            let _ = p.insert_before(&c, Some(&w));
                        }
                        let _ = p.remove_child(&w);
                    }
                }
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
