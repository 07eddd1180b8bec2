//! Headings the author typed as lines: `<p><b>What happened</b></p>`, a larger span,
//! or a short plain line standing between paragraphs (Blogger's editor makes all
//! three). A line is taken for a heading by its shape (short, capitalised, no
//! sentence end, no caption or byline) and its place (running text around it); its
//! look (weight, size) relaxes the shape rules and gives the level.

use crate::core::{Block, BlockKind};

/// Inferred headings are dropped when there are more than a dozen and the sections
/// they make would be this short on average (in words): dozens of bold lines in a
/// post are emphasis, not an outline.
const MIN_WORDS_PER_INFERRED: usize = 60;
const FEW_INFERRED: usize = 12;

/// The longest plain line that can be a heading, in words; a bold or larger line
/// may be a little longer (a question as a heading).
const MAX_PLAIN_WORDS: usize = 14;
const MAX_STYLED_WORDS: usize = 18;

/// The indexes of the blocks that read as headings though they are not heading
/// elements. `not_article` marks boxes that are no candidates.
pub fn infer(blocks: &[Block], not_article: &[bool]) -> Vec<usize> {
    let skip = |i: usize| not_article.get(i).copied().unwrap_or(false);
    let found: Vec<usize> = (0..blocks.len())
        .filter(|&i| !skip(i) && looks_like_heading(blocks, i))
        .collect();
    let words: usize = blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| !skip(i) && b.is_prose())
        .map(|(_, b)| b.words())
        .sum();
    if found.len() > FEW_INFERRED && found.len() * MIN_WORDS_PER_INFERRED > words {
        return Vec::new();
    }
    found
}

/// How a line stands out, for comparing headings: its size (in twentieths of the
/// body size) before its weight (in hundreds).
fn prominence(b: &Block) -> (u16, u16) {
    let size = if b.size > 0.0 { b.size } else { 1.0 };
    ((size * 20.0).round() as u16, b.weight / 100)
}

/// The depth (0, 1 or 2 under the top level) of each inferred heading: where the
/// lines look different, the most prominent look is the top level and plainer looks
/// nest under it, as long as the article opens with the most prominent one (else a
/// lone larger line in the middle would swallow the rest).
pub fn levels(blocks: &[Block], found: &[usize]) -> Vec<(usize, u8)> {
    let looks: Vec<(u16, u16)> = found
        .iter()
        .map(|&i| blocks.get(i).map_or((20, 4), prominence))
        .collect();
    let mut distinct = looks.clone();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    let first_is_top = looks.first() == distinct.first();
    found
        .iter()
        .zip(&looks)
        .map(|(&i, look)| {
            let depth = if first_is_top {
                distinct.iter().position(|d| d == look).unwrap_or(0).min(2) as u8
            } else {
                0
            };
            (i, depth)
        })
        .collect()
}

/// Words that open a byline, a credit, a caption or a dateline rather than a heading.
const NOT_HEADING_STARTS: &[&str] = &[
    "by ",
    "posted ",
    "written ",
    "updated",
    "published",
    "photo",
    "image",
    "credit",
    "source",
    "gallery",
    "video:",
    "watch:",
    "listen:",
    "read more",
    "related",
    "share",
    "advertisement",
    "follow ",
    "subscribe",
    "click ",
    "tags",
    "labels",
    "filed under",
    "via ",
    "(",
    "[",
];

/// One-word lines that are page furniture, not a heading.
const NOT_ONE_WORD_HEADINGS: &[&str] = &[
    "advertisement",
    "advert",
    "advertising",
    "sponsored",
    "update",
    "updated",
    "updates",
    "loading",
    "share",
    "related",
    "tags",
    "labels",
    "menu",
    "comments",
    "reply",
    "edit",
    "home",
    "next",
    "previous",
    "photo",
    "photos",
    "video",
    "source",
    "credit",
    "credits",
    "caption",
    "listen",
    "watch",
    "gallery",
    "close",
    "print",
    "email",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may ",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// Words that attribute a quotation: a line with quotation marks and one of these is
/// a quotation with its speaker, not a title in quotation marks.
const REPORTING: &[&str] = &[
    "said", "says", "say", "told", "tells", "asked", "asks", "added", "adds", "wrote", "writes",
];

const OPENING_QUOTES: &[char] = &['"', '“', '‘', '\'', '«', '„'];
const QUOTE_MARKS: &[char] = &['“', '”', '"', '«', '»', '„'];

/// Marks that end a sentence (a closing quotation mark after one included).
const SENTENCE_END: &[char] = &['.', '!', '?', '…', ':', ';', '"', '”', '’', '»'];

fn styled(b: &Block) -> bool {
    b.is_bold() || b.is_larger()
}

/// Whether the text alone could be a heading: short, capitalised, no sentence end,
/// no caption, byline, date or quotation with its speaker.
fn title_shape(b: &Block) -> bool {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Line) {
        return false;
    }
    let look = styled(b);
    let text = b.text.trim();
    let words = text.split_whitespace().count();
    let max = if look {
        MAX_STYLED_WORDS
    } else {
        MAX_PLAIN_WORDS
    };
    if words == 0 || words > max || text.chars().count() > 120 {
        return false;
    }
    let lower = text.to_lowercase();
    if words == 1 {
        // "Consent" and "Cliffs" are headings; "Advertisement" and "Update" are not.
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 || NOT_ONE_WORD_HEADINGS.contains(&lower.trim_end_matches('?')) {
            return false;
        }
    }
    let first = text
        .chars()
        .find(|c| !OPENING_QUOTES.contains(c))
        .unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    let mut back = text.chars().rev();
    let last = back.next().unwrap_or(' ');
    let before_last = back.next().unwrap_or(' ');
    let ends_ok = match last {
        '.' | ',' | ';' | ':' | '…' | '-' | '–' | '—' => false,
        // "Great, let's get started!" in bold is a heading; as a plain line it is an
        // exclamation.
        '!' => look,
        // A title in quotation marks ("‘We need to listen’"), not a quoted sentence.
        '"' | '”' | '’' | '\'' | '»' => !".,!?;:…".contains(before_last),
        _ => true,
    };
    if !ends_ok {
        return false;
    }
    if text.contains("http") || text.contains('@') || text.contains('|') {
        return false;
    }
    if text.contains(QUOTE_MARKS)
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| REPORTING.contains(&w))
    {
        return false;
    }
    if NOT_HEADING_STARTS.iter().any(|s| lower.starts_with(s)) {
        return false;
    }
    // Datelines and captions with dates ("Feb. 11, 2025"), photo counts ("14 Photos").
    if MONTHS.iter().any(|m| lower.contains(m)) && text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let last_word = lower.split_whitespace().last().unwrap_or("");
    if matches!(last_word, "photos" | "images" | "pictures" | "slides")
        && text.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    // Two sentences are no heading ("Ye Gods. She's not doing his taxes?"), unless
    // the look says so and it asks or exclaims ("Great! How does it work?").
    !(two_sentences(text) && !(look && matches!(last, '?' | '!')))
}

/// Whether a sentence ends inside the text and another starts after it.
fn two_sentences(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        let after = text.get(i + c.len_utf8()..).unwrap_or("");
        let before = text.get(..i).unwrap_or("");
        ".!?".contains(c)
            && after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !before
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.len() <= 2 || w.contains('.'))
    })
}

/// The nearest block before or after `i` that has text.
fn neighbour(blocks: &[Block], i: usize, forward: bool) -> Option<(usize, &Block)> {
    let has_text = |(_, b): &(usize, &Block)| !b.text.trim().is_empty();
    if forward {
        blocks
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(has_text)
    } else {
        blocks
            .iter()
            .enumerate()
            .take(i)
            .rev()
            .find(has_text)
    }
}

/// Whether a block is running text long enough to follow a heading of `words`
/// words.
fn body_after(b: &Block, words: usize) -> bool {
    match b.kind {
        BlockKind::Paragraph | BlockKind::Line | BlockKind::Quote => {
            b.words() >= (words + 4).max(8)
        }
        // A heading over a list: the items may be short.
        BlockKind::ListItem => true,
        _ => false,
    }
}

/// How many bold or larger title-like lines stand in a row with line `i`.
fn styled_run(blocks: &[Block], i: usize) -> usize {
    let line = |x: &Block| styled(x) && title_shape(x);
    let mut run = 1;
    for forward in [false, true] {
        let mut k = i;
        while let Some((j, n)) = neighbour(blocks, k, forward) {
            if !line(n) {
                break;
            }
            run += 1;
            k = j;
        }
    }
    run
}

fn looks_like_heading(blocks: &[Block], i: usize) -> bool {
    let Some(b) = blocks.get(i) else {
        return false;
    };
    if !title_shape(b) {
        return false;
    }
    let words = b.words();
    let text = b.text.trim();
    // A heading stands between running text: something before it, and a longer
    // paragraph after it (past a picture or code, which a heading may open).
    let (Some((_, prev)), Some((ni, next))) =
        (neighbour(blocks, i, false), neighbour(blocks, i, true))
    else {
        return false;
    };
    if matches!(prev.kind, BlockKind::Heading(_)) {
        return false;
    }
    // A name followed by its bio ("Stella Kim" / "Stella Kim is a producer ...") is a
    // label.
    if next.text.trim_start().starts_with(text) {
        return false;
    }
    let look = styled(b);
    let body = if body_after(next, words) {
        true
    } else if matches!(
        next.kind,
        BlockKind::Caption | BlockKind::Code | BlockKind::Other
    ) {
        neighbour(blocks, ni, true).is_some_and(|(_, n)| body_after(n, words))
    } else if look && styled(next) && title_shape(next) && prominence(next) <= prominence(b) {
        // A heading right over its first sub-heading ("Part One" / "The Living
        // Planet"): the sub-heading must stand over running text itself, and the two
        // may not be the start of a list of bold lines.
        let after = neighbour(blocks, ni, true);
        after.is_some_and(|(_, n)| body_after(n, next.words()))
            && !(styled(prev) && title_shape(prev))
    } else {
        false
    };
    if !body {
        return false;
    }
    if look {
        // Three bold lines in a row are a list, not an outline.
        return styled_run(blocks, i) <= 2;
    }
    // A plain line must also stand alone as a title: no two plain short lines in a
    // row (an address, a poem, one-line items of a list).
    let title_like = |x: &Block| {
        x.words() <= MAX_PLAIN_WORDS
            && x.kind == b.kind
            && !x.text.trim_end().ends_with(SENTENCE_END)
    };
    !title_like(next) && (!title_like(prev) || styled(prev))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "This paragraph is long enough to be running text of the article, \
        with more than twenty words in it and a full stop at the end.";

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t)
    }

    fn found(blocks: &[Block]) -> Vec<String> {
        infer(blocks, &[])
            .into_iter()
            .map(|i| blocks[i].text.clone())
            .collect()
    }

    #[test]
    fn one_word_titles_but_not_furniture() {
        let blocks = vec![
            p(LONG),
            p("Consent"),
            p(LONG),
            p("Advertisement"),
            p(LONG),
            p("Cliffs").bold(),
            p(LONG),
            p("Ok"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["Consent", "Cliffs"]);
    }

    #[test]
    fn titles_in_quotation_marks_but_not_quotations() {
        let blocks = vec![
            p(LONG),
            p("‘Unprecedented’ strandings"),
            p(LONG),
            p("‘We need to listen’"),
            p(LONG),
            p("“We will win,” said the coach"),
            p(LONG),
            p("“It is over.”"),
            p(LONG),
            p("“Rez Infinite” ($30)").bold(),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "‘Unprecedented’ strandings",
                "‘We need to listen’",
                "“Rez Infinite” ($30)"
            ]
        );
    }

    #[test]
    fn exclamations_and_two_sentences_only_in_bold() {
        let blocks = vec![
            p(LONG),
            p("Great, let's get started!").bold(),
            p(LONG),
            p("Great! How does it work?").bold(),
            p(LONG),
            p("What a day that was!"),
            p(LONG),
            p("Ye Gods. She is not doing his taxes?"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["Great, let's get started!", "Great! How does it work?"]
        );
    }

    #[test]
    fn captions_and_photo_counts_are_no_headings() {
        let blocks = vec![
            p(LONG),
            p("Gallery: The Best Dressed Stars | 14 Photos").bold(),
            p(LONG),
            p("The Best Dressed Stars 14 Photos"),
            p(LONG),
            p("Photo by Jane Doe"),
            p(LONG),
            p("Stars at the Gala").bold(),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["Stars at the Gala"]);
    }

    #[test]
    fn one_line_paragraphs_of_a_list_are_no_headings() {
        // Three bold one-liners in a row are items, not an outline; so are plain ones.
        let blocks = vec![
            p(LONG),
            p("Monthly plan").bold(),
            p("Annual plan").bold(),
            p("Corporate plan").bold(),
            p(LONG),
            p("Flour and water"),
            p("Salt and yeast"),
            p(LONG),
        ];
        assert!(found(&blocks).is_empty());
    }

    #[test]
    fn a_heading_right_over_its_sub_heading() {
        let blocks = vec![
            p(LONG),
            p("Part One: The Wars").bold().larger(),
            p("The Living Planet").bold(),
            p(LONG),
            p("The Dark Planet").bold(),
            p(LONG),
        ];
        let f = infer(&blocks, &[]);
        assert_eq!(f, [1, 2, 4]);
        assert_eq!(levels(&blocks, &f), [(1, 0), (2, 1), (4, 1)]);
    }

    #[test]
    fn levels_follow_the_look_only_when_the_top_look_comes_first() {
        let blocks = vec![
            p(LONG),
            p("Plain Bold Title").bold(),
            p(LONG),
            p("Large Bold Title").bold().larger(),
            p(LONG),
        ];
        let f = infer(&blocks, &[]);
        assert_eq!(levels(&blocks, &f), [(1, 0), (3, 0)]);
        // The same look throughout: one level.
        let blocks = vec![p(LONG), p("One Title"), p(LONG), p("Two Title"), p(LONG)];
        let f = infer(&blocks, &[]);
        assert_eq!(levels(&blocks, &f), [(1, 0), (3, 0)]);
    }

    #[test]
    fn a_heading_may_open_a_picture_or_a_list() {
        let blocks = vec![
            p(LONG),
            p("What We Saw"),
            Block::new(BlockKind::Caption, "A harbour at dawn."),
            p(LONG),
            p("What We Bought"),
            Block::new(BlockKind::ListItem, "Bread"),
            Block::new(BlockKind::ListItem, "Fish"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["What We Saw", "What We Bought"]);
    }

    #[test]
    fn boxes_are_no_candidates() {
        let blocks = vec![p(LONG), p("One Title"), p(LONG), p("Two Title"), p(LONG)];
        assert_eq!(
            infer(&blocks, &[false, false, false, true, false]),
            [1]
        );
    }
}
