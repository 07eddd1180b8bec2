//! The invariants of a plan, checked for the fuzz targets (`fuzz/`), the replay of
//! their corpora (`tests/fuzz_corpus.rs`, `tests/generated.rs`) and the random-article
//! tests: bytes or a seed become an article, the core plans it, and the plan must
//! hold together.

use super::textgen;
use super::{plan, Block, BlockKind, IdSet, Settings};

/// Reads bytes as an article (one block a line; the first byte of a line picks its
/// kind and look), plans it, and panics when the plan breaks an invariant (see
/// [`check_plan`]).
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
    check_plan(&blocks, &Settings::default(), &IdSet::new());
}

/// Makes an article from bytes with the generator (the bytes drive its choices, so a
/// fuzzer explores scripts, marks and structure rather than raw bytes), and checks
/// its plan.
pub fn check_generated(data: &[u8]) {
    check_article(&textgen::article_from_bytes(data));
}

/// Checks the plan of a generated article, with its settings and the ids its page
/// already uses.
pub fn check_article(article: &textgen::Article) {
    let taken = article.taken_ids.iter().cloned().collect();
    check_plan(&article.to_blocks(), &article.settings, &taken);
}

/// Plans `blocks` and panics when the plan breaks an invariant: every quote part lies
/// inside its block on character boundaries (the parts in later blocks too), each
/// quote's section exists, sections lie inside the article in order with unique ids
/// that clash with no id in `taken` (but the heading's own) and each nested one inside
/// its parent, key quotes are within the limit, and the same input gives the same plan.
pub fn check_plan(blocks: &[Block], settings: &Settings, taken: &IdSet) {
    let p = plan(blocks, settings, taken);
    let within = |block: usize, s: usize, e: usize| {
        blocks
            .get(block)
            .is_some_and(|b| s <= e && b.text.get(s..e).is_some())
    };
    for q in &p.quotes {
        for &(s, e) in &q.parts {
            assert!(within(q.block, s, e), "quote part outside its block");
        }
        for &(b, s, e) in &q.more {
            assert!(b > q.block, "a later part before its quotation");
            assert!(within(b, s, e), "later quote part outside its block");
        }
        assert!(q.text_fragment.starts_with("text="));
        if let Some(id) = &q.section_id {
            assert!(
                p.sections.iter().any(|s| &s.id == id),
                "a quote in a section that does not exist"
            );
        }
    }
    if let Some(max) = settings.max_quotes {
        assert!(
            p.quotes.iter().filter(|q| q.key).count() <= max,
            "more key quotes than maxQuotes"
        );
    }
    let mut ids = IdSet::new();
    for s in &p.sections {
        assert!(
            s.heading < s.end && s.end <= blocks.len(),
            "section outside the article"
        );
        assert!(!s.id.is_empty(), "empty section id");
        assert!(ids.insert(s.id.clone()), "duplicate section id");
        let own = blocks.get(s.heading).and_then(|b| b.id.as_ref());
        assert!(
            !taken.contains(&s.id) || own == Some(&s.id),
            "a section id the page already uses"
        );
    }
    for w in p.sections.windows(2) {
        assert!(w[0].heading < w[1].heading, "sections out of order");
        assert!(
            w[1].heading >= w[0].end || w[1].end <= w[0].end,
            "a nested section ends after its parent"
        );
    }
    assert_eq!(
        p,
        plan(blocks, settings, taken),
        "the plan is not deterministic"
    );
}

/// Where a panic happened and what it said, for the tests that run many articles and
/// report every failure at once instead of stopping at the first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trap {
    /// The source file of the panic (`src/core/quotes/speakers.rs`).
    pub file: String,
    /// Its line.
    pub line: u32,
    /// The panic message.
    pub message: String,
}

std::thread_local! {
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static CAUGHT: std::cell::RefCell<Trap> = std::cell::RefCell::new(Trap::default());
}

/// Runs `f`, turning a panic into a [`Trap`] with its place. The panic hook is
/// replaced once for the process: on a thread inside `catch` it records the place
/// quietly; on every other thread it defers to the hook it replaced, so other tests
/// still print their failures.
pub fn catch(f: impl FnOnce()) -> Result<(), Trap> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CATCHING.with(std::cell::Cell::get) {
                let (file, line) = info.location().map_or((String::new(), 0), |l| {
                    (l.file().replace('\\', "/"), l.line())
                });
                let message = info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                CAUGHT.with(|c| {
                    *c.borrow_mut() = Trap {
                        file,
                        line,
                        message,
                    }
                });
            } else {
                before(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|_| CAUGHT.with(|c| c.take()))
}
