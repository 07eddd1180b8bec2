//! The pure core: blocks in, plan out.
//!
//! The web layer turns the article's DOM into [`Block`]s; [`plan`] decides the
//! sections and the quotes; the web layer applies the [`Plan`]. Nothing here touches
//! the DOM, so every decision is unit-tested natively.

mod block;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod lexicon;
pub mod quotes;
pub mod sections;
mod settings;
mod slug;

pub use block::{Block, BlockKind};
pub use error::Error;
pub use quotes::Quote;
pub use sections::Section;
pub use settings::{check_script_url, CommentsSetting, OpenMode, OptionValue, QuotesAt, Settings};
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so that failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[(self.next() % from.len() as u64) as usize]
        }
    }

    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "「",
        "」",
        "'",
        "A's",
        "B’s",
        "s'",
        "He",
        "he",
        "said",
        "Said",
        "according",
        "to",
        "Mr.",
        "U.S.",
        "President",
        "Jane",
        "Smith",
        "of",
        "State",
        ",",
        ".",
        ":",
        ";",
        "?",
        "!",
        "—",
        "-",
        "--",
        "(",
        ")",
        " ",
        "  ",
        "\n",
        "é",
        "Ünïcödé",
        "日本",
        "\u{200f}",
        "\u{0}",
        "x",
        "The",
        "A",
        "told",
        "reporters",
        "1999",
        "Feb.",
        "J.",
        "Hegseth",
        "COMMON",
        "SENSE",
        "…",
        "...",
        "'s",
        "’",
        "\u{feff}",
    ];

    /// Random articles made of quote marks, names, verbs and stray punctuation: the
    /// core never panics or hangs, every quote part lies inside its block, ids are
    /// unique, and the same input gives the same plan.
    #[test]
    fn random_articles_never_break_the_plan() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::Line,
            BlockKind::Heading(2),
            BlockKind::Heading(3),
            BlockKind::Quote,
            BlockKind::ListItem,
            BlockKind::Caption,
        ];
        for _ in 0..3000 {
            let n = 1 + rng.next() % 12;
            let blocks: Vec<Block> = (0..n)
                .map(|_| {
                    let words = rng.next() % 30;
                    let mut text = String::new();
                    for _ in 0..words {
                        text.push_str(rng.pick(PIECES));
                        if rng.next() % 3 == 0 {
                            text.push(' ');
                        }
                    }
                    let mut b = Block::new(kinds[(rng.next() % kinds.len() as u64) as usize], text);
                    b.bold = rng.next() % 4 == 0;
                    b
                })
                .collect();
            let p = plan(&blocks, &Settings::default(), &HashSet::new());
            for q in &p.quotes {
                let text = &blocks[q.block].text;
                for &(s, e) in &q.parts {
                    assert!(s <= e && text.get(s..e).is_some(), "{blocks:?}");
                }
            }
            let mut ids: Vec<&str> = p.sections.iter().map(|s| s.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), p.sections.len());
            for s in &p.sections {
                assert!(s.heading < s.end && s.end <= blocks.len());
            }
            assert_eq!(p, plan(&blocks, &Settings::default(), &HashSet::new()));
        }
    }
}
