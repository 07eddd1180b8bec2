//! The pure core: blocks in, plan out.
//!
//! The web layer turns the article's DOM into [`Block`]s; [`plan`] decides the
//! sections and the quotes; the web layer applies the [`Plan`]. Nothing here touches
//! the DOM, so every decision is unit-tested natively.

mod block;
mod error;
pub mod quotes;
pub mod sections;
mod settings;
mod slug;

pub use block::{Block, BlockKind};
pub use error::Error;
pub use quotes::Quote;
pub use sections::Section;
pub use settings::{CommentsSetting, OpenMode, OptionValue, Settings};
pub use slug::slugify;

use std::collections::HashSet;

/// What the widget will do to an article: its sections and its quotations.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Plan {
    /// The sections, in document order (a nested section follows its parent).
    pub sections: Vec<Section>,
    /// Every direct quotation found, in document order; `key` marks the summary's.
    pub quotes: Vec<Quote>,
}

/// Decides the plan for an article.
///
/// `taken_ids` are the ids already used in the page, so that the ids given to
/// sections never clash with them.
pub fn plan(blocks: &[Block], settings: &Settings, taken_ids: &HashSet<String>) -> Plan {
    let sections = if settings.sections {
        sections::find(blocks, settings, taken_ids)
    } else {
        Vec::new()
    };
    let quotes = if settings.quotes {
        quotes::find(blocks, &sections, settings)
    } else {
        Vec::new()
    };
    Plan { sections, quotes }
}

impl Plan {
    /// The index of the innermost section that holds block `block`, if any.
    pub fn section_of(&self, block: usize) -> Option<usize> {
        sections::innermost(&self.sections, block)
    }
}
