//! One input for the fuzz target (`fuzz/`) and for the regression test that replays
//! the corpus it found (`tests/fuzz_corpus.rs`): bytes become an article, the core
//! plans it, and the plan must hold together.

use super::{plan, Block, BlockKind, Settings};
use std::collections::HashSet;

/// Reads bytes as an article (one block a line; the first byte of a line picks its
/// kind and look), plans it, and panics when the plan breaks an invariant: every
/// quote part lies inside its block on character boundaries, sections lie inside the
/// article in order with unique ids, and the same input gives the same plan.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let blocks: Vec<Block> = text
        .split('\n')
        .map(|line| {
            let mut chars = line.chars();
            let tag = chars.next().map_or(0, |c| c as u32);
            let kind = match tag % 9 {
                0 => BlockKind::Heading(2 + (tag / 9 % 3) as u8),
                1 => BlockKind::Line,
                2 => BlockKind::Quote,
                3 => BlockKind::ListItem,
                4 => BlockKind::Caption,
                5 => BlockKind::Code,
                _ => BlockKind::Paragraph,
            };
            let mut b = Block::new(kind, chars.as_str());
            if tag % 7 == 0 {
                b = b.bold();
            }
            if tag % 11 == 0 {
                b = b.larger();
            }
            if tag % 13 == 0 {
                b = b.linked(1.0);
            }
            b
        })
        .collect();
    let settings = Settings::default();
    let p = plan(&blocks, &settings, &HashSet::new());
    for q in &p.quotes {
        let t = &blocks[q.block].text;
        for &(s, e) in &q.parts {
            assert!(
                s <= e && t.get(s..e).is_some(),
                "quote part outside its block"
            );
        }
        assert!(q.text_fragment.starts_with("text="));
    }
    let mut ids = HashSet::new();
    for s in &p.sections {
        assert!(
            s.heading < s.end && s.end <= blocks.len(),
            "section outside the article"
        );
        assert!(ids.insert(s.id.clone()), "duplicate section id");
    }
    for w in p.sections.windows(2) {
        assert!(w[0].heading < w[1].heading, "sections out of order");
    }
    assert_eq!(
        p,
        plan(&blocks, &settings, &HashSet::new()),
        "the plan is not deterministic"
    );
}
