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
//! A heading over such a box goes with it: a heading followed only by links, figures
//! and short texts up to the next heading ("Weekend in pictures" over a linked
//! gallery), and, by its words, a "read more" or author box heading in the languages
//! the widget meets ("Leia também", "Über den Autor"), matched on the whole line.
//! Such blocks are never sections, never quotes and never counted in reading time.

use super::fold::heading_key;
use super::lexicon::Words;
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

/// The character after `prefix` (lower case) when `lower_folded(text)` starts with
/// it (a space at white space or at the end), without making the folded text: asked
/// of every short block for each of a list of openings.
fn folded_after(text: &str, prefix: &str) -> Option<char> {
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
                None => return Some(' '),
                Some(' ') => {}
                Some(_) => return None,
            }
        }
        match want.next() {
            None => return Some(c),
            Some(w) if w == c.to_ascii_lowercase() => {}
            Some(_) => return None,
        }
    }
    want.next().is_none().then_some(' ')
}

/// Whether `text` opens with the words of `prefix`, and not with a longer word:
/// "Share" opens "Share this" and not "Shareholders", "About the author" is not the
/// opening of "About the author's new book".
fn opens_with(text: &str, prefix: &str) -> bool {
    folded_after(text, prefix).is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '\'' | '’'))
}

/// A short line whose words introduce a box: "Related", "Share this", "More from
/// the blog".
fn lead_in_words(b: &Block) -> bool {
    let n = b.words_upto(8);
    if n == 0 || n > 8 {
        return false;
    }
    LEAD_INS.iter().any(|w| opens_with(&b.text, w)) || in_list(&b.text, BOX_HEADINGS)
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
            end.is_some() || comment_count(b) || super::ads::is_ad(b)
        })
        .collect();
    // "Written by ..." or "About the author" near the end, with its bio: the rest of
    // the article is the box (and the boxes after it).
    let author = blocks.iter().enumerate().position(|(i, b)| {
        b.words_upto(8) <= 8
            && AUTHOR_BOX.iter().any(|w| opens_with(&b.text, w))
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
    headed_boxes(blocks, &mut out);
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
        if link_like(b)
            && (lead_in_words(&Block::new(b.kind, first_words(&b.text, 3)))
                || b.text
                    .split_once([':', '|'])
                    .is_some_and(|(label, _)| in_list(label, BOX_HEADINGS)))
        {
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

/// Headings of "read more" and related-links boxes, as whole lines folded by
/// [`heading_key`]: they count only over links ([`headed_boxes`], [`lead_in_words`]).
const BOX_HEADINGS: Words = crate::words![
    "a lire",
    "a lire aussi",
    "a lire egalement",
    "a voir aussi",
    "also read",
    "articles lies",
    "articoli correlati",
    "articulos relacionados",
    "artigos relacionados",
    "auch interessant",
    "bekijk ook",
    "confira tambem",
    "correlati",
    "czytaj rowniez",
    "czytaj takze",
    "czytaj tez",
    "czytaj wiecej",
    "das konnte sie auch interessieren",
    "don't miss",
    "en savoir plus",
    "gerelateerd",
    "gerelateerde artikelen",
    "lea tambien",
    "lee mas",
    "lee tambien",
    "leer mas",
    "lees meer",
    "lees ook",
    "lees verder",
    "leggi anche",
    "leggi di piu",
    "leia mais",
    "leia tambem",
    "lesen sie auch",
    "lesen sie mehr",
    "lies auch",
    "lire aussi",
    "lire egalement",
    "lire la suite",
    "lue lisaa",
    "lue myos",
    "lue myos nama",
    "mais lidas",
    "mas informacion",
    "materias relacionadas",
    "meer lezen",
    "meer nieuws",
    "meer over dit onderwerp",
    "mehr dazu",
    "mehr zum thema",
    "more from",
    "more on this story",
    "more on this topic",
    "more stories",
    "more to read",
    "most popular",
    "most read",
    "noticias relacionadas",
    "ook interessant",
    "polecamy",
    "potrebbe interessarti",
    "przeczytaj takze",
    "przeczytaj tez",
    "read also",
    "read more",
    "read next",
    "recommended",
    "recommended for you",
    "relacionadas",
    "relacionado",
    "relacionados",
    "related",
    "related articles",
    "related content",
    "related coverage",
    "related links",
    "related posts",
    "related reading",
    "related stories",
    "saiba mais",
    "sur le meme sujet",
    "tambien te puede interesar",
    "te puede interesar",
    "vedi anche",
    "veja mais",
    "veja tambem",
    "ver tambien",
    "verwandte artikel",
    "voir aussi",
    "weitere artikel",
    "weiterlesen",
    "you may also like",
    "you might also like",
    "zobacz rowniez",
    "zobacz takze",
    "zobacz tez",
    "zum thema",
];

/// Headings of author boxes, as whole lines folded by [`heading_key`]: they count only
/// over a short bio ([`author_box_end`]).
const AUTHOR_HEADINGS: Words = crate::words![
    "a autora",
    "a propos de l'auteur",
    "a propos de l'autrice",
    "about the author",
    "about the authors",
    "about the writer",
    "auteur",
    "author",
    "authors",
    "autor",
    "autore",
    "autoren",
    "autorin",
    "de auteur",
    "der autor",
    "die autorin",
    "el autor",
    "kirjoittaja",
    "l'auteur",
    "l'autore",
    "l'autrice",
    "la autora",
    "o autor",
    "o autorze",
    "over de auteur",
    "over de schrijver",
    "sobre a autora",
    "sobre el autor",
    "sobre la autora",
    "sobre o autor",
    "sull'autore",
    "the author",
    "the authors",
    "tietoa kirjoittajasta",
    "uber den autor",
    "uber die autoren",
    "uber die autorin",
    "zum autor",
    "zur autorin",
];

/// Whether the whole of `text` is one of `list`'s headings.
fn in_list(text: &str, list: Words) -> bool {
    heading_key(text).is_some_and(|k| list.has(&k))
}

/// The most blocks looked at after a box's heading: a longer run is no box these
/// rules tell, and the bound keeps the scan linear.
const MAX_BOX_BLOCKS: usize = 40;

/// The most words of a short text in a box (a kicker, a date, a credit, a caption).
const SHORT_TEXT: usize = 15;

/// The most words of a line that may head a box.
const BOX_HEADING_WORDS: usize = 10;

/// What follows a box's heading, up to the first block that cannot be in a box.
#[derive(Default)]
struct Run {
    /// One past its last block.
    end: usize,
    /// One past its last link-like block.
    last_link: usize,
    /// Its link-like blocks with text.
    links: usize,
    /// Its figures.
    images: usize,
    /// Its other short texts.
    texts: usize,
    /// Whether it ends where a box may: at a heading, at a box already told or at
    /// the end of the blocks (not at running text).
    closed: bool,
}

/// The run of links, figures, blank blocks and short texts after block `i`.
fn run_after(blocks: &[Block], out: &[bool], i: usize) -> Run {
    let mut r = Run {
        end: i + 1,
        last_link: i + 1,
        closed: true,
        ..Run::default()
    };
    for (k, b) in blocks.iter().enumerate().skip(i + 1).take(MAX_BOX_BLOCKS) {
        let short = b.words_upto(SHORT_TEXT) <= SHORT_TEXT;
        let figure = b.kind == BlockKind::Caption;
        if out.get(k).copied().unwrap_or(true) {
            return r;
        } else if link_like(b) && b.words() > 0 {
            r.links += 1;
            r.last_link = k + 1;
        } else if matches!(b.kind, BlockKind::Heading(_)) {
            return r;
        } else if b.words() > 0 && !(figure && short) {
            // A kicker, a date or a credit; a longer text is running text.
            if !short || b.kind == BlockKind::Code {
                r.closed = false;
                return r;
            }
            r.texts += 1;
        }
        r.images += usize::from(figure);
        r.end = k + 1;
    }
    r.closed = r.end == blocks.len();
    r
}

/// Where the author box under the heading at `i` ends, if what follows up to the
/// next heading (or a box, or the end) is a short bio and not a section.
fn author_box_end(blocks: &[Block], out: &[bool], i: usize) -> Option<usize> {
    let mut words = 0;
    for (k, b) in blocks.iter().enumerate().skip(i + 1).take(MAX_BOX_BLOCKS) {
        if out.get(k).copied().unwrap_or(true)
            || matches!(b.kind, BlockKind::Heading(_)) && !link_like(b)
        {
            return (k > i + 1).then_some(k);
        }
        words += b.words();
        if words > AUTHOR_BOX_WORDS {
            return None;
        }
    }
    (blocks.len() > i + 1 && blocks.len() <= i + 1 + MAX_BOX_BLOCKS).then_some(blocks.len())
}

/// Where the box headed by block `i` ends, if `i` heads one: a heading or short line
/// followed only by links, figures and short texts up to the next heading (a gallery
/// teaser, a list of links), or one whose words name a box over its links or its bio.
fn box_at(blocks: &[Block], out: &[bool], i: usize) -> Option<usize> {
    let b = blocks.get(i)?;
    let line = matches!(
        b.kind,
        BlockKind::Heading(_) | BlockKind::Paragraph | BlockKind::Line
    );
    if !line
        || *out.get(i)?
        || b.words() == 0
        || b.words_upto(BOX_HEADING_WORDS) > BOX_HEADING_WORDS
        || b.links >= MOSTLY_LINKS
    {
        return None;
    }
    let key = heading_key(&b.text).unwrap_or_default();
    if AUTHOR_HEADINGS.has(&key) {
        if let Some(end) = author_box_end(blocks, out, i) {
            return Some(end);
        }
    }
    let r = run_after(blocks, out, i);
    if r.links == 0 {
        None
    } else if BOX_HEADINGS.has(&key) {
        // In the middle of the article the box ends with its last link.
        Some(if r.closed && r.texts <= r.links {
            r.end
        } else {
            r.last_link
        })
    } else {
        (r.closed && (r.texts == 0 || r.images > 0 && r.links >= r.texts)).then_some(r.end)
    }
}

/// Marks the boxes that a heading or short line introduces ([`box_at`]).
fn headed_boxes(blocks: &[Block], out: &mut [bool]) {
    let mut i = 0;
    while i < blocks.len() {
        i = match box_at(blocks, out, i) {
            Some(end) => {
                for o in out.iter_mut().take(end).skip(i) {
                    *o = true;
                }
                end
            }
            None => i + 1,
        };
    }
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
    fn folded_after_is_lower_folded_then_starts_with() {
        for text in [
            "  Written\n\tBY  Ada",
            "written by",
            "Written",
            "",
            "  ",
            "ABOUT THE AUTHOR:",
            "Ábout the author",
            "About the author's new book",
        ] {
            for prefix in ["written by", "about the author", "w", ""] {
                assert_eq!(
                    folded_after(text, prefix).is_some(),
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

#[cfg(test)]
mod headed_box_tests {
    use super::*;
    use crate::core::{plan, IdSet, Settings};

    const LONG: &str = "A paragraph of the article itself, long enough to be running text, \
        with more than a dozen words and a full stop.";

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t)
    }
    fn h(level: u8, t: &str) -> Block {
        Block::new(BlockKind::Heading(level), t)
    }
    fn link(t: &str) -> Block {
        Block::new(BlockKind::ListItem, t).linked(1.0)
    }
    fn figure(t: &str) -> Block {
        Block::new(BlockKind::Caption, t)
    }

    /// An article of two real sections with `boxed` between them, and `boxed` again
    /// at its end: each box is boilerplate, no section, no words of a section.
    fn assert_box(boxed: &[Block]) {
        let n = boxed.len();
        let mut blocks = vec![h(2, "How the harbour was rebuilt"), p(LONG), p(LONG)];
        blocks.extend_from_slice(boxed);
        blocks.extend([h(2, "What the fishermen think"), p(LONG), p(LONG)]);
        blocks.extend_from_slice(boxed);
        let got = mark(&blocks);
        let want: Vec<bool> = (0..blocks.len())
            .map(|i| (3..3 + n).contains(&i) || i >= 6 + n)
            .collect();
        assert_eq!(got, want, "{boxed:?}");
        let plan = plan(&blocks, &Settings::default(), &IdSet::new());
        let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["How the harbour was rebuilt", "What the fishermen think"]
        );
        assert!(plan.sections.iter().all(|s| s.words == 2 * p(LONG).words()));
    }

    #[test]
    fn author_boxes_in_several_languages() {
        for heading in [
            "Author",
            "AUTHOR:",
            "Über den Autor",
            "Sobre o autor",
            "L'auteur",
            "L’auteur",
            "À propos de l’autrice",
            "O autorze",
        ] {
            assert_box(&[
                h(3, heading),
                figure(""),
                p("Mira Example").linked(1.0),
                p(
                    "Mira writes about coastal towns, ferries and the people who keep them \
                   running, and has done so for a dozen years.",
                ),
            ]);
            // A bold line instead of a heading element, and no photo.
            assert_box(&[
                p(heading).bold(),
                p("Mira writes about coastal towns and the people who keep them running."),
            ]);
        }
    }

    #[test]
    fn gallery_teasers_are_boxes_by_structure() {
        // A heading over a linked figure, whatever the heading says.
        assert_box(&[
            h(2, "Coastal news in pictures"),
            figure("Boats return to the quay after the storm").linked(1.0),
        ]);
        assert_box(&[
            h(3, "The week in photos"),
            figure(""),
            p("See all 24 photos").linked(1.0),
            p("Photographs: staff"),
        ]);
        // A heading over a list of links only.
        assert_box(&[
            h(3, "Elsewhere on the site"),
            link("Ferry timetables change next month"),
            link("A new lighthouse museum opens"),
        ]);
    }

    #[test]
    fn read_more_boxes_in_several_languages() {
        for heading in [
            "Lesen Sie auch",
            "Mehr zum Thema",
            "À lire aussi",
            "Lire aussi :",
            "Leia também",
            "Leia mais",
            "Saiba Mais",
            "Lee también",
            "Leer más",
            "Leggi anche",
            "Read more »",
            "Related",
            "More from",
            "Czytaj też",
            "Czytaj także",
            "Lue myös",
            "Lees ook",
            "Gerelateerde artikelen",
        ] {
            assert_box(&[
                h(3, heading),
                link("Ferry timetables change next month"),
                link("A new lighthouse museum opens"),
                link("Why the old pier was closed"),
            ]);
            assert_box(&[
                p(heading).bold(),
                link("Ferry timetables change next month"),
            ]);
        }
    }

    #[test]
    fn a_read_more_box_in_running_text_ends_with_its_links() {
        let blocks = vec![
            p(LONG),
            p("Leia também:"),
            link("Ferry timetables change next month"),
            link("A new lighthouse museum opens"),
            p("The mayor did not answer."),
            p(LONG),
            p("Lesen Sie auch: Warum der alte Steg gesperrt wurde").linked(0.8),
            p(LONG),
        ];
        assert_eq!(
            mark(&blocks),
            [false, true, true, true, false, false, true, false]
        );
    }

    #[test]
    fn real_sections_with_such_words_stay_article() {
        for heading in [
            "About the author's new book",
            "The author's view",
            "Mehr Geld für Schulen",
            "Related costs",
            "Read more carefully",
        ] {
            let blocks = vec![
                h(2, "How the harbour was rebuilt"),
                p(LONG),
                h(2, heading),
                p(LONG),
                p(LONG),
            ];
            assert_eq!(mark(&blocks), [false; 5], "{heading}");
            let plan = plan(&blocks, &Settings::default(), &IdSet::new());
            assert_eq!(plan.sections.len(), 2, "{heading}");
        }
        // An author heading over a long section is a section.
        let mut blocks = vec![p(LONG), h(2, "Author")];
        blocks.extend(std::iter::repeat_n(p(LONG), 8));
        blocks.push(h(2, "Later"));
        assert!(!mark(&blocks).contains(&true));
        // "read more" in a sentence, and a read-more heading over no links.
        let blocks = vec![
            p(LONG),
            p(
                "Read more about it in the report, which the harbour board published on \
               Monday after a long delay and a vote.",
            ),
            h(2, "Leia mais"),
            p(LONG),
            p("Read more about it in the report"),
            p(LONG),
        ];
        assert_eq!(mark(&blocks), [false; 6]);
    }

    #[test]
    fn figures_and_links_inside_a_section_stay_article() {
        let blocks = vec![
            h(2, "The harbour at dawn"),
            figure("Boats at the quay").linked(1.0),
            p(LONG),
            h(2, "Photos"),
            figure("The quay at dawn"),
            figure("The pier at night"),
            h(2, "Sources"),
            p("Two reports, read for this story:"),
            link("The harbour board's report"),
            p(LONG),
        ];
        assert_eq!(mark(&blocks), [false; 10]);
    }

    #[test]
    fn box_headings_are_known_whatever_their_case_accents_and_signs() {
        assert!(!in_list("Read more about it", BOX_HEADINGS));
        assert!(in_list("LEIA TAMBÉM", BOX_HEADINGS));
        assert!(in_list("L’auteur", AUTHOR_HEADINGS));
    }
}
