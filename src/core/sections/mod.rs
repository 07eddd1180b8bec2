//! Finding the sections of an article: from its real headings, or, where the author
//! typed sub-headings as bold, larger or short standalone lines, from headings it
//! infers (`infer.rs`). Blocks that are not article (share boxes, related posts) make
//! no section and count for no reading time.

mod infer;

use super::slug::{slugify, unique, Counters, IdSet};
use super::{ads, boilerplate, number, Block, BlockKind, OpenMode, Settings};

/// One section of the article.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Section {
    /// A stable, unique id: the heading's own id, or a slug of its title.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// Its level (2 for a top-level section, 3 nested in it, ...).
    pub level: u8,
    /// Whether the heading was inferred from a line that is not a heading element.
    pub inferred: bool,
    /// The index of the heading block.
    #[serde(skip)]
    pub heading: usize,
    /// One past the index of the section's last block (the next heading of the same
    /// or a higher level, or the end of the article before the boxes that end it).
    #[serde(skip)]
    pub end: usize,
    /// The blocks inside it that stay visible when it is collapsed: ad slots and
    /// their labels (`ads.rs`), which its collapsible part is cut around.
    #[serde(skip)]
    pub kept: Vec<usize>,
    /// Whether the section gets a toggle (it has enough content).
    pub collapsible: bool,
    /// Whether it starts open.
    pub open: bool,
    /// The number of words in the section, headings of nested sections included,
    /// boilerplate left out.
    pub words: usize,
}

/// The innermost section holding block `block`.
pub fn innermost(sections: &[Section], block: usize) -> Option<usize> {
    sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.heading < block && block < s.end)
        .max_by_key(|(_, s)| s.heading)
        .map(|(i, _)| i)
}

/// Finds the sections (telling boilerplate itself).
pub fn find(blocks: &[Block], settings: &Settings, taken: &IdSet) -> Vec<Section> {
    find_with(blocks, &boilerplate::mark(blocks), settings, taken)
}

/// Finds the sections, given which blocks are not article (`not_article`, index
/// for index with `blocks`).
pub fn find_with(
    blocks: &[Block],
    not_article: &[bool],
    settings: &Settings,
    taken: &IdSet,
) -> Vec<Section> {
    let skip = |i: usize| not_article.get(i).copied().unwrap_or(false);
    let levels = settings.min_level..=settings.max_level;
    let real: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(l)
                if levels.contains(&l) && !b.text.trim().is_empty() && !skip(i) =>
            {
                Some((i, l))
            }
            _ => None,
        })
        .collect();

    // Real headings win, unless the few there are only frame an outline of lines
    // (a kicker over the article, "Join the discussion" under it).
    let guessed = if settings.infer_headings {
        infer::infer(blocks, not_article)
    } else {
        Vec::new()
    };
    let (heads, inferred) =
        if guessed.len() < 2 || (real.len() >= 2 && !infer::outside(&real, &guessed)) {
            (real, false)
        } else {
            let base = settings.min_level.max(settings.base_level).clamp(1, 6);
            let heads = infer::levels(blocks, &guessed)
                .into_iter()
                .map(|(i, depth)| (i, (base + depth).min(6)))
                .collect();
            (heads, true)
        };

    // The boxes after the article's last words (share, related, author) stay out of
    // the last sections, so that collapsing them hides no buttons.
    let article_end = (0..blocks.len())
        .rev()
        .find(|&i| !skip(i))
        .map_or(0, |i| i + 1);

    let kept = ads::kept(blocks);
    let mut used: IdSet = IdSet::new();
    let mut counters = Counters::default();
    let mut sections = Vec::with_capacity(heads.len());
    for (k, &(heading, level)) in heads.iter().enumerate() {
        let end = heads
            .get(k + 1..)
            .unwrap_or_default()
            .iter()
            .find(|&&(_, l)| l <= level)
            .map_or(article_end.max(heading + 1), |&(i, _)| i);
        let words: usize = (heading + 1..end)
            .filter(|&i| !skip(i))
            .filter_map(|i| blocks.get(i))
            .map(Block::words)
            .sum();
        let Some(head) = blocks.get(heading) else {
            continue;
        };
        let title = fold(&head.text);
        let id = match &head.id {
            Some(own) if !own.is_empty() && !used.contains(own) => own.clone(),
            _ => unique(&slugify(&title), &mut counters, |c| {
                taken.contains(c) || used.contains(c)
            }),
        };
        used.insert(id.clone());
        let collapsible = words >= settings.min_section_words.max(1);
        let open = match settings.open {
            OpenMode::All => true,
            OpenMode::None => false,
            OpenMode::First => k == 0,
        } || !collapsible;
        sections.push(Section {
            id,
            title,
            level,
            inferred,
            heading,
            end,
            kept: (heading + 1..end)
                .filter(|&i| kept.get(i) == Some(&true))
                .fold(Vec::new(), |mut v, i| {
                    v.push(i);
                    v
                }),
            collapsible,
            open,
            words,
        });
    }
    sections
}

/// Each section's place in the contents list: its depth under the article's top
/// level (0 for the shallowest level the article uses, whatever its heading level;
/// never more than one deeper than the section before it) and its number ("2",
/// "2.1").
pub fn outline(sections: &[Section]) -> Vec<(u8, String)> {
    let top = sections.iter().map(|s| s.level).min().unwrap_or(2);
    let mut counters: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(sections.len());
    for s in sections {
        let depth = usize::from(s.level - top).min(counters.len());
        counters.truncate(depth + 1);
        if counters.len() == depth {
            counters.push(0);
        }
        if let Some(c) = counters.last_mut() {
            *c += 1;
        }
        let mut label = String::new();
        for (i, &c) in counters.iter().enumerate() {
            if i > 0 {
                label.push('.');
            }
            number::push_uint(&mut label, c as u64);
        }
        out.push((depth as u8, label));
    }
    out
}

/// The heading's text, white space folded, without a trailing permalink mark
/// ("Current status #", "Usage ¶"): a section's title, as the plan gives it and as
/// the section measures (tests/corpus.rs, examples/headings_eval.rs) compare titles.
pub fn fold(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| matches!(*w, "#" | "¶" | "§" | "🔗"))
    {
        words.pop();
    }
    words.join(" ")
}

/// `n` sections of three blocks each, every one collapsible and `open` or not: the
/// plan the core's unit tests of placement and held changes start from.
#[cfg(test)]
pub fn sample(n: usize, open: bool) -> Vec<Section> {
    (0..n)
        .map(|i| Section {
            id: ["s", &i.to_string()].concat(),
            title: ["Part ", &i.to_string()].concat(),
            level: 2,
            inferred: false,
            heading: i * 3,
            end: i * 3 + 3,
            kept: Vec::new(),
            collapsible: true,
            open,
            words: 100,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "This paragraph is long enough to be running text of the article, \
        with more than twenty words in it and a full stop at the end.";

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t)
    }

    fn titles(blocks: &[Block]) -> Vec<String> {
        find(blocks, &Settings::default(), &IdSet::new())
            .into_iter()
            .map(|s| s.title)
            .collect()
    }

    #[test]
    fn an_ad_slot_and_its_label_are_kept_out_of_the_collapsible_part() {
        let blocks = vec![
            Block::new(BlockKind::Heading(2), "One"),
            p(LONG),
            p("Advertisement"),
            Block::new(BlockKind::Ad, ""),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Two"),
            p(LONG),
        ];
        let s = find(&blocks, &Settings::default(), &IdSet::new());
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].kept, [2, 3]);
        assert!(s[1].kept.is_empty());
        // The ad and its label count for no words.
        assert_eq!(s[0].words, s[1].words * 2);
    }

    #[test]
    fn an_ad_label_never_makes_a_heading() {
        let blocks = vec![
            p(LONG),
            p("Anzeige"),
            Block::new(BlockKind::Ad, ""),
            p(LONG),
            p("The second part"),
            p(LONG),
            p("The third part"),
            p(LONG),
        ];
        let t = titles(&blocks);
        assert!(!t.iter().any(|t| t == "Anzeige"), "{t:?}");
    }

    #[test]
    fn real_headings_keep_levels_and_nest() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "One"),
            p(LONG),
            Block::new(BlockKind::Heading(3), "One A"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Two"),
            p(LONG),
        ];
        let s = find(&blocks, &Settings::default(), &IdSet::new());
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].level, s[0].heading, s[0].end), (2, 1, 5));
        assert_eq!((s[1].level, s[1].heading, s[1].end), (3, 3, 5));
        assert_eq!((s[2].level, s[2].end), (2, 7));
        assert!(!s[0].inferred);
        assert_eq!(innermost(&s, 4), Some(1));
        assert_eq!(innermost(&s, 2), Some(0));
        assert_eq!(innermost(&s, 0), None);
    }

    #[test]
    fn plain_short_lines_between_paragraphs_are_inferred() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Line, "Shifting U.S. Stance on Ukraine"),
            p(LONG),
            Block::new(BlockKind::Line, "A Path to Peace?"),
            p(LONG),
            p(LONG),
        ];
        let s = find(&blocks, &Settings::default(), &IdSet::new());
        assert_eq!(s.len(), 2);
        assert!(s[0].inferred);
        assert_eq!(s[0].id, "shifting-u-s-stance-on-ukraine");
        assert_eq!(s[1].title, "A Path to Peace?");
        assert_eq!(s[1].end, 6);
    }

    #[test]
    fn a_short_sentence_before_a_heading_is_no_guard() {
        let blocks = vec![
            p(LONG),
            p("First Plain Title"),
            p(LONG),
            p("\"It's a question,\" he said. \"I think so.\""),
            p("Second Plain Title"),
            p(LONG),
        ];
        assert_eq!(
            titles(&blocks),
            vec!["First Plain Title", "Second Plain Title"]
        );
        // Two title-like lines in a row (an address, a poem) are not headings.
        let blocks = vec![
            p(LONG),
            p("Main Street Corner"),
            p("Springfield Town Hall"),
            p(LONG),
            p("Plain Title"),
            p(LONG),
        ];
        assert!(titles(&blocks).is_empty());
    }

    #[test]
    fn guards_against_false_headings() {
        for line in [
            "Update",                               // one word
            "By Jane Doe",                          // byline
            "Feb. 11, 2025 in Washington",          // dateline
            "Here is what you need:",               // introduces a list
            "He said this is the end.",             // a sentence
            "\"We will win\" says the coach",       // a quote
            "Ye Gods. She is not doing his taxes?", // two sentences
        ] {
            let blocks = vec![
                p(LONG),
                p("First Plain Title"),
                p(LONG),
                p(line),
                p(LONG),
                p("Another Plain Line"),
                p(LONG),
            ];
            assert_eq!(
                titles(&blocks),
                vec!["First Plain Title", "Another Plain Line"],
                "{line} was taken for a heading"
            );
        }
    }

    #[test]
    fn inferred_headings_sit_under_the_page_heading() {
        let blocks = vec![
            p(LONG),
            p("First Plain Title"),
            p(LONG),
            p("Second Plain Title"),
            p(LONG),
        ];
        let settings = Settings {
            base_level: 4,
            ..Settings::default()
        };
        let s = find(&blocks, &settings, &IdSet::new());
        assert!(s.iter().all(|s| s.level == 4));
    }

    #[test]
    fn permalink_marks_are_not_part_of_the_title() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "Current status #"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Usage ¶"),
            p(LONG),
        ];
        assert_eq!(titles(&blocks), vec!["Current status", "Usage"]);
    }

    #[test]
    fn a_name_before_its_bio_is_no_heading() {
        let blocks = vec![
            p(LONG),
            p("First Plain Title"),
            p(LONG),
            p("Stella Kim"),
            p("Stella Kim is a freelance producer based in Seoul who has covered the courts and the assembly for many years."),
            p("Second Plain Title"),
            p(LONG),
        ];
        assert_eq!(
            titles(&blocks),
            vec!["First Plain Title", "Second Plain Title"]
        );
    }

    #[test]
    fn bold_lines_are_headings_but_bold_sentences_are_not() {
        let blocks = vec![
            p(LONG),
            p("What happened").bold(),
            p(LONG),
            p("This is an emphasised sentence that ends.").bold(),
            p(LONG),
            p("What comes next").bold(),
            p(LONG),
        ];
        assert_eq!(titles(&blocks), vec!["What happened", "What comes next"]);
    }

    #[test]
    fn too_many_inferred_headings_are_dropped() {
        // Dozens of bold lines over short paragraphs: emphasis, not an outline.
        let mut blocks = vec![p(LONG)];
        for _ in 0..30 {
            blocks.push(p("Short Title Line").bold());
            blocks.push(p(LONG));
        }
        assert!(titles(&blocks).is_empty());
        // A dozen is still an outline.
        let mut blocks = vec![p(LONG)];
        for _ in 0..12 {
            blocks.push(p("Short Title Line").bold());
            blocks.push(p(LONG));
        }
        assert_eq!(titles(&blocks).len(), 12);
    }

    #[test]
    fn a_long_article_keeps_many_inferred_headings() {
        // Regression: a fixed cap of 24 dropped every section of a long post (the
        // seed repeated ten times) whose sections are of a normal length.
        let mut blocks = vec![p(LONG)];
        for _ in 0..50 {
            blocks.push(p("A Plain Title Line"));
            for _ in 0..4 {
                blocks.push(p(LONG));
            }
        }
        assert_eq!(titles(&blocks).len(), 50);
    }

    #[test]
    fn real_headings_win_over_inference() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "Real one"),
            p(LONG),
            p("Bold Line Here").bold(),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Real two"),
            p(LONG),
        ];
        assert_eq!(titles(&blocks), vec!["Real one", "Real two"]);
    }

    #[test]
    fn real_headings_that_only_frame_the_lines_give_way() {
        // A kicker over the article and a comments heading under it: the plain lines
        // between them are the outline. One real heading inside keeps the real ones.
        let mut blocks = vec![
            Block::new(BlockKind::Heading(2), "Weekend Deals"),
            p(LONG),
            p("Where the River Starts"),
            p(LONG),
            p("Where the River Bends"),
            p(LONG),
            p("Where the River Ends"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Join the Discussion"),
        ];
        assert_eq!(
            titles(&blocks),
            [
                "Where the River Starts",
                "Where the River Bends",
                "Where the River Ends"
            ]
        );
        blocks[5] = Block::new(BlockKind::Heading(2), "A Real Heading");
        assert_eq!(
            titles(&blocks),
            ["Weekend Deals", "A Real Heading", "Join the Discussion"]
        );
    }

    #[test]
    fn ids_are_unique_and_keep_own_ids() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "Same"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Same"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Own").with_id("mine"),
            p(LONG),
        ];
        let taken: IdSet = ["same".to_string()].into_iter().collect();
        let ids: Vec<String> = find(&blocks, &Settings::default(), &taken)
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, vec!["same-2", "same-3", "mine"]);
    }

    #[test]
    fn open_modes_and_tiny_sections() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "A"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "B"),
            p("tiny"),
            Block::new(BlockKind::Heading(2), "C"),
            p(LONG),
        ];
        let s = find(&blocks, &Settings::default(), &IdSet::new());
        assert_eq!(
            s.iter()
                .map(|s| (s.collapsible, s.open))
                .collect::<Vec<_>>(),
            vec![(true, true), (false, true), (true, false)]
        );
    }

    #[test]
    fn boxes_make_no_section_and_no_reading_time() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(2), "One"),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Two"),
            p(LONG),
            Block::new(BlockKind::Heading(3), "Share this:").marked("div sharedaddy h3 sd-title"),
            Block::new(BlockKind::ListItem, "Twitter").linked(1.0),
            Block::new(BlockKind::ListItem, "Facebook").linked(1.0),
            Block::new(BlockKind::Heading(3), "Related").marked("div jp-relatedposts h3"),
            Block::new(BlockKind::ListItem, "An older post of the blog").linked(1.0),
        ];
        let s = find(&blocks, &Settings::default(), &IdSet::new());
        assert_eq!(
            s.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
            ["One", "Two"]
        );
        // The last section ends before the boxes, which stay outside it.
        assert_eq!(s[1].end, 5);
        assert_eq!(s[1].words, p(LONG).words());
    }

    #[test]
    fn the_outline_is_relative_to_the_top_level_and_numbered() {
        let at = |levels: &[u8]| {
            let blocks: Vec<Block> = levels
                .iter()
                .flat_map(|&l| [Block::new(BlockKind::Heading(l), "Title"), p(LONG)])
                .collect();
            let s = find(
                &blocks,
                &Settings {
                    max_level: 6,
                    ..Settings::default()
                },
                &IdSet::new(),
            );
            outline(&s)
        };
        // Blogger's inferred level 4 under an h3 post title is the top level: flush.
        assert_eq!(at(&[4, 4]), [(0, "1".to_string()), (0, "2".to_string())]);
        assert_eq!(
            at(&[2, 2, 3, 3, 2]),
            [
                (0, "1".to_string()),
                (0, "2".to_string()),
                (1, "2.1".to_string()),
                (1, "2.2".to_string()),
                (0, "3".to_string())
            ]
        );
        // A skipped level (h2 then h4) nests one step, and an article that opens
        // deeper than it goes on starts its count there.
        assert_eq!(
            at(&[2, 4, 2]),
            [
                (0, "1".to_string()),
                (1, "1.1".to_string()),
                (0, "2".to_string())
            ]
        );
        assert_eq!(at(&[3, 2]), [(0, "1".to_string()), (0, "2".to_string())]);
    }
}
