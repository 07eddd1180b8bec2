//! Telling the blocks that are not article: share and like buttons, related-post
//! lists, author boxes, "Read more" links, tag lists, newsletter boxes and comment
//! counts that blog platforms and their plugins put inside the post body.
//!
//! Two kinds of evidence. The markup: plugin boxes carry class names that say what
//! they are (WordPress with Jetpack `sharedaddy` and `jp-relatedposts`, Blogger
//! `post-share-buttons`, Ghost `kg-signup-card`, Substack `subscription-widget`), read
//! from [`Block::marks`]. And the structure, for markup that says nothing (Medium's
//! generated class names, hand-made boxes): a run of blocks that are mostly links,
//! introduced by a short line or standing after the last paragraph of the article.
//! Such blocks are never sections, never quotes and never counted in reading time.

use super::{Block, BlockKind};

/// Parts of class names and ids (split at `-`, `_` and spaces) that name a box that
/// is not article text.
const BOX_PARTS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "sharethis",
    "addtoany",
    "shareaholic",
    "social",
    "likes",
    "like",
    "related",
    "relatedposts",
    "yarpp",
    "crp",
    "newsletter",
    "subscribe",
    "subscription",
    "subscriptions",
    "signup",
    "author",
    "authors",
    "byline",
    "bio",
    "saboxplugin",
    "tags",
    "tag",
    "labels",
    "categories",
    "category",
    "cat",
    "comments",
    "commentcount",
    "footer",
    "cta",
    "upgrade",
    "paywall",
    "promo",
    "sponsored",
    "advertisement",
    "ad",
    "ads",
    "recirc",
    "popular",
    "recommended",
    "readmore",
    "bookmark",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navigation",
    "pagination",
    "follow",
];

/// Tag names and roles of containers that are not article text.
const BOX_NAMES: &[&str] = &[
    "aside",
    "nav",
    "footer",
    "form",
    "complementary",
    "navigation",
    "contentinfo",
];

/// Class names of more parts than this are slugs of a title ("debt-as-a-share-of-gdp"
/// names a chart), not a plugin's box.
const MAX_PARTS: usize = 5;

/// Whether a block's marks name a box that is not article text.
pub fn marked(marks: &str) -> bool {
    box_token_end(marks, 0).is_some()
}

/// Whether `token` (one of the marks) names a box.
fn box_token(token: &str) -> bool {
    if BOX_NAMES.iter().any(|n| n.eq_ignore_ascii_case(token)) {
        return true;
    }
    let parts = || {
        token
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty())
    };
    parts().count() <= MAX_PARTS
        && parts().any(|part| BOX_PARTS.iter().any(|b| b.eq_ignore_ascii_case(part)))
}

/// Where the first of `marks`' tokens from byte `from` (a token's start) that names
/// a box ends, if one does.
fn box_token_end(marks: &str, from: usize) -> Option<usize> {
    let start = marks.as_ptr() as usize;
    marks
        .get(from..)?
        .split_whitespace()
        .find(|token| box_token(token))
        .map(|token| token.as_ptr() as usize - start + token.len())
}

/// The length of the longest run of whole tokens (up to and with a white space)
/// that `a` and `b` both begin with.
fn shared_tokens(a: &str, b: &str) -> usize {
    let same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    a.as_bytes()[..same]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1)
}

/// The link share from which a block is "mostly links".
const MOSTLY_LINKS: f32 = 0.6;

/// A block that is mostly link text and short: a related post's title, a tag, a
/// share button's label, "Read more". A heading counts only when it is all link (a
/// related post's title set as a heading, as Medium does).
fn link_like(b: &Block) -> bool {
    let share = if matches!(b.kind, BlockKind::Heading(_)) {
        0.9
    } else {
        MOSTLY_LINKS
    };
    b.links >= share && b.words_upto(20) <= 20
}

/// Words that open an author box.
const AUTHOR_BOX: &[&str] = &[
    "written by",
    "about the author",
    "about the writer",
    "about me",
];

/// The most words an author box and what follows it to the end may have.
const AUTHOR_BOX_WORDS: usize = 120;

/// Words that open a line introducing a box of links or a plugin's text. They only
/// count with the structure: a short line followed by links, or a line of links.
const LEAD_INS: &[&str] = &[
    "related",
    "share",
    "like this",
    "read more",
    "read next",
    "read also",
    "also read",
    "more from",
    "more in",
    "more stories",
    "more on",
    "you may also",
    "you might also",
    "recommended",
    "popular",
    "follow",
    "subscribe",
    "sign up",
    "tags",
    "labels",
    "categories",
    "filed under",
    "posted in",
    "about the author",
];

fn lower_folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Whether `lower_folded(text)` starts with `prefix` (lower case), without making it:
/// asked of every short block for each of a list of openings.
fn folded_starts_with(text: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    let mut gap = false;
    for c in text.trim_start().chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        // The folded text has one space where a run of white space was.
        if std::mem::take(&mut gap) {
            match want.next() {
                None => return true,
                Some(' ') => {}
                Some(_) => return false,
            }
        }
        match want.next() {
            None => return true,
            Some(w) if w == c.to_ascii_lowercase() => {}
            Some(_) => return false,
        }
    }
    want.next().is_none()
}

/// A short line whose words introduce a box: "Related", "Share this", "More from
/// the blog".
fn lead_in_words(b: &Block) -> bool {
    let n = b.words_upto(8);
    if n == 0 || n > 8 {
        return false;
    }
    LEAD_INS.iter().any(|w| folded_starts_with(&b.text, w))
}

/// A short line that introduces what follows by its colon alone ("Like this:", but
/// also "The three reports we read:"): a box only at the end of the article.
fn lead_in(b: &Block) -> bool {
    lead_in_words(b) || (b.words_upto(8) <= 8 && b.text.trim_end().ends_with(':'))
}

/// "3 Comments", "No comments yet", "Leave a comment", "12 responses".
fn comment_count(b: &Block) -> bool {
    let n = b.words_upto(5);
    if n == 0 || n > 5 {
        return false;
    }
    let t = lower_folded(&b.text);
    let t = t.trim_end_matches(['.', '!', '»', '→', ' ']);
    // LWN's "Comments (5 posted)".
    (t.starts_with("comments") && t.chars().any(|c| c.is_ascii_digit()))
        || t.starts_with("leave a comment")
        || t.starts_with("add a comment")
        || t.starts_with("post a comment")
        || [
            "comment",
            "comments",
            "response",
            "responses",
            "reply",
            "replies",
        ]
        .iter()
        .any(|w| {
            t.strip_suffix(w).is_some_and(|n| {
                let n = n.trim();
                n == "no" || n == "one" || (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            })
        })
}

/// Blocks that carry words: an article paragraph, which ends a run of boilerplate
/// at the end of the article.
fn article_text(b: &Block) -> bool {
    b.is_prose() && b.words_upto(12) >= 12 && b.links < MOSTLY_LINKS
}

/// Which blocks are not article text, index for index.
pub fn mark(blocks: &[Block]) -> Vec<bool> {
    // Each block's marks repeat its ancestors', which it shares with the block before
    // it: only the tokens after those they share are looked at again.
    let mut last: (&str, Option<usize>) = ("", None);
    let mut out: Vec<bool> = blocks
        .iter()
        .map(|b| {
            let shared = shared_tokens(last.0, &b.marks);
            let end = match last.1 {
                Some(end) if end <= shared => Some(end),
                _ => box_token_end(&b.marks, shared),
            };
            last = (&b.marks, end);
            end.is_some() || comment_count(b)
        })
        .collect();
    // "Written by ..." or "About the author" near the end, with its bio: the rest of
    // the article is the box (and the boxes after it).
    let author = blocks.iter().enumerate().position(|(i, b)| {
        b.words_upto(8) <= 8
            && AUTHOR_BOX.iter().any(|w| folded_starts_with(&b.text, w))
            && blocks
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .map(Block::words)
                .sum::<usize>()
                <= AUTHOR_BOX_WORDS
    });
    if let Some(a) = author {
        for o in out.iter_mut().skip(a) {
            *o = true;
        }
    }
    // The last article paragraph (link runs are no article text, so marking them
    // below does not move it).
    let last_article = blocks
        .iter()
        .zip(&out)
        .rposition(|(b, &boxed)| !boxed && article_text(b));
    // A short line followed by a run of link-like blocks ("Related" and three titles,
    // "Share this:" and its buttons, "Tags:" and the tags), or a run of two or more
    // link-like blocks at the end of the article.
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| link_like(b))
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let trailing = last_article.is_none_or(|last| last < i + run);
        let before = i.checked_sub(1).and_then(|k| blocks.get(k));
        let introduced =
            before.is_some_and(lead_in_words) || (trailing && before.is_some_and(lead_in));
        if introduced || (trailing && run >= 2) {
            if introduced {
                if let Some(o) = out.get_mut(i - 1) {
                    *o = true;
                }
            }
            for o in out.iter_mut().skip(i).take(run) {
                *o = true;
            }
        }
        i += run;
    }
    // "Tags: a, b, c" and "Read more" alone: one line, mostly links, that says so.
    for (b, o) in blocks.iter().zip(out.iter_mut()) {
        if link_like(b) && lead_in_words(&Block::new(b.kind, first_words(&b.text, 3))) {
            *o = true;
        }
    }
    // At the end of the article, a lead-in line whose box follows ("Like this:" over
    // buttons the reader skips) goes with the boilerplate after it.
    for (b, o) in blocks.iter().zip(out.iter_mut()).rev() {
        if *o {
            continue;
        }
        if (lead_in(b) && !matches!(b.kind, BlockKind::Heading(_))) || b.text.trim().is_empty() {
            *o = true;
        } else {
            break;
        }
    }
    out
}

fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_shared_with_the_block_before_are_not_read_again() {
        let marks = |m: &[&str]| -> Vec<Block> {
            m.iter()
                .map(|m| Block::new(BlockKind::Paragraph, "Some words of text here").marked(*m))
                .collect()
        };
        let blocks = marks(&[
            "div post-body p",
            "div post-body p intro",
            "div post-body div sharedaddy p",
            "div post-body div sharedaddy p x",
            "div post-body p",
            "div post-bodyx sharedaddy",
            "div related-posts",
            "div related-posts p",
            "",
            "div\tsharedaddy",
            "div\u{a0}sharedaddy",
        ]);
        let got: Vec<bool> = mark(&blocks);
        let each: Vec<bool> = blocks.iter().map(|b| marked(&b.marks)).collect();
        assert_eq!(got, each);
        assert_eq!(
            each,
            [false, false, true, true, false, true, true, true, false, true, true]
        );
        assert_eq!(shared_tokens("div a p", "div a q"), 6);
        assert_eq!(shared_tokens("div ab", "div a"), 4);
        assert_eq!(shared_tokens("", "div"), 0);
    }

    #[test]
    fn folded_starts_with_is_lower_folded_then_starts_with() {
        for text in [
            "  Written\n\tBY  Ada",
            "written by",
            "Written",
            "",
            "  ",
            "ABOUT THE AUTHOR:",
            "Ábout the author",
        ] {
            for prefix in ["written by", "about the author", "w", ""] {
                assert_eq!(
                    folded_starts_with(text, prefix),
                    lower_folded(text).starts_with(prefix),
                    "{text:?} {prefix:?}"
                );
            }
        }
    }

    const LONG: &str = "A paragraph of the article itself, long enough to be running text, \
        with more than a dozen words and a full stop.";

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t)
    }
    fn li(t: &str) -> Block {
        Block::new(BlockKind::ListItem, t)
    }

    #[test]
    fn plugin_class_names_mark_their_boxes() {
        for marks in [
            "div sharedaddy sd-sharing-enabled",
            "div jp-relatedposts",
            "div post-share-buttons goog-inline-block",
            "div kg-card kg-signup-card",
            "div subscription-widget-wrap",
            "div saboxplugin-wrap",
            "footer entry-meta",
            "span tags-links",
            "aside",
            "div complementary",
            "div c-related-content",
        ] {
            assert!(marked(marks), "{marks}");
        }
        for marks in [
            "",
            "div entry-content",
            "div post-body",
            "div gh-content",
            "section article-body",
            "div wp-block-group has-background",
            "p has-drop-cap",
            "div shared-memory-notes", // "shared" is not "share"
            "div catalog",
            // Regression: a chart in nytimes-4 is classed by its title.
            "section debt-as-a-share-of-gdp",
        ] {
            assert!(!marked(marks), "{marks}");
        }
    }

    #[test]
    fn a_lead_in_over_a_list_of_links_is_a_box() {
        let blocks = vec![
            p(LONG),
            p(LONG),
            p("You may also like"),
            li("First post title").linked(1.0),
            li("Second post title").linked(1.0),
            p(LONG),
        ];
        assert_eq!(mark(&blocks), [false, false, true, true, true, false]);
    }

    #[test]
    fn links_in_the_middle_of_an_article_stay_without_a_lead_in() {
        // A list of sources in the middle of a post is article.
        let blocks = vec![
            p(LONG),
            p("The three reports we read:"),
            li("The first report").linked(1.0),
            li("The second report").linked(1.0),
            p(LONG),
        ];
        // "...we read:" is a lead-in by its colon, but its words say nothing of a
        // box: the colon alone makes it one only at the end.
        assert_eq!(mark(&blocks), [false; 5]);
        let blocks = vec![
            p(LONG),
            li("The first report").linked(1.0),
            li("The second report").linked(1.0),
            p(LONG),
        ];
        assert_eq!(mark(&blocks), [false; 4]);
    }

    #[test]
    fn links_after_the_last_paragraph_are_a_box() {
        let blocks = vec![
            p(LONG),
            p("Like this:"),
            li("Twitter").linked(1.0),
            li("Facebook").linked(1.0),
            p("Loading"),
        ];
        assert_eq!(mark(&blocks), [false, true, true, true, false]);
        // Its buttons are not text: the lead-in alone ends the article.
        let blocks = vec![p(LONG), p(LONG), p("Like this:")];
        assert_eq!(mark(&blocks), [false, false, true]);
    }

    #[test]
    fn tags_read_more_and_comment_counts() {
        let blocks = vec![
            p(LONG),
            p("Tags: travel, food, Lisbon").linked(0.7),
            p("Read more").linked(1.0),
            p("3 Comments"),
            p("No comments"),
            p("Leave a comment"),
            p("Comments (5 posted)"),
            p("Comments are welcome, as long as they stay on the subject of the post."),
        ];
        assert_eq!(
            mark(&blocks),
            [false, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn an_author_box_at_the_end_and_what_follows_it() {
        let blocks = vec![
            p(LONG),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Written by Sam Doe"),
            p("Engineer and occasional writer, who believes that being kind to the next reader is the only rule."),
            Block::new(BlockKind::Heading(2), "More from Sam Doe"),
            Block::new(BlockKind::Heading(2), "Naming things together").linked(1.0),
            Block::new(BlockKind::Heading(2), "Why small changes win").linked(1.0),
        ];
        assert_eq!(mark(&blocks), [false, false, true, true, true, true, true]);
        // "About me" at the top of a long post is the post.
        let mut blocks = vec![p(LONG), Block::new(BlockKind::Heading(2), "About me")];
        blocks.extend(std::iter::repeat_n(p(LONG), 10));
        assert!(!mark(&blocks).contains(&true));
    }

    #[test]
    fn tags_before_an_author_box_are_trailing() {
        let blocks = vec![
            p(LONG),
            p("Software Engineering").linked(1.0),
            p("Code Review").linked(1.0),
            p("22 responses"),
            Block::new(BlockKind::Heading(2), "Written by Sam Doe"),
            p("Engineer and occasional writer, who believes that being kind is the rule."),
        ];
        assert_eq!(mark(&blocks), [false, true, true, true, true, true]);
    }

    #[test]
    fn real_headings_are_not_links() {
        // Digest pages link their headings to the story: still headings.
        let blocks = vec![
            Block::new(BlockKind::Heading(2), "A story").linked(1.0),
            p(LONG),
            Block::new(BlockKind::Heading(2), "Another story").linked(1.0),
            p(LONG),
        ];
        assert_eq!(mark(&blocks), [false; 4]);
    }
}
