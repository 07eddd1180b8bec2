//! The reader's open and closed sections, kept in session storage for the page (the
//! key and the format are `core::stored`'s).

use super::widget::Live;
use crate::core::{number, stored};
use web_sys::{Element, Node};

impl Live {
    /// Stores which sections are open, as the reader left them.
    pub(super) fn save_state(&self) {
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

/// Session storage, where the page may use it.
pub(super) fn storage(root: &Element) -> Option<web_sys::Storage> {
    super::dom::window_of(root)?.session_storage().ok()?
}

/// The key of a page's section state: the page's path and the article's id, or for
/// an article without one, its place among the page's elements of its kind.
pub(super) fn storage_key(root: &Element) -> Option<String> {
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
