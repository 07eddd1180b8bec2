//! Headings the author typed as lines: `<p><b>What happened</b></p>`, a larger span,
//! or a short plain line standing between paragraphs (Blogger's editor makes all
//! three). A line is taken for a heading by its shape (short, capitalised, no
//! sentence end, no caption or byline) and its place (running text around it); its
//! look (weight, size) relaxes the shape rules and gives the level.

use crate::core::lexicon::Words;
use crate::core::{find, Block, BlockKind};

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
    let mut found: Vec<usize> = (0..blocks.len())
        .filter(|&i| !skip(i) && looks_like_heading(blocks, not_article, i))
        .collect();
    let text = |i: &usize| blocks.get(*i).map_or("", |b| b.text.as_str());
    let is_styled = |i: &usize| blocks.get(*i).is_some_and(styled);
    // A plain line that exclaims is a title when the author heads with them
    // ("Great, let's get started!" ... "Now the fun part!"); a lone one is a cry
    // in the text ("PvP islands!"). So is a plain question of two sentences ("Great!
    // How does it work?") when the author heads with questions of one ("So what's
    // next?"), and without two of them it asks in the text ("Ye Gods. She is not
    // doing his taxes?"). (A found line that the strict shape refuses is such a
    // question.) One loop for both: each closure of its own costs the module code.
    for mark in ['!', '?'] {
        let ends = |i: &usize, strict: bool| {
            !is_styled(i)
                && text(i).trim_end().ends_with(mark)
                && (mark == '!' || blocks.get(*i).is_some_and(title_shape) == strict)
        };
        if found.iter().filter(|i| ends(i, true)).count() < 2 {
            found.retain(|i| !ends(i, false));
        }
    }
    // Two plain lines in a row read as a list, unless the article has an outline of
    // plain lines already: then a heading stands right over its first sub-heading.
    if found.iter().filter(|i| !is_styled(i)).count() >= 2 {
        let mut pairs = Vec::new();
        for i in (0..blocks.len()).filter(|&i| !skip(i)) {
            if let Some(ni) = plain_pair(blocks, not_article, i) {
                pairs.push(i);
                pairs.push(ni);
            }
        }
        // In reading order without a sort (a sort of its own costs 2.6 KB of wasm).
        found = (0..blocks.len())
            .filter(|i| found.contains(i) || pairs.contains(i))
            .collect();
    }
    // An author who sets headings in bold or larger type does so throughout: plain
    // lines are then something else (a caption, a pointer, a list item). Unless the
    // plain lines are the more: then the outline is plain and the few bold lines
    // among them are sub-headings or emphasis.
    let styled_count = found.iter().filter(|i| is_styled(i)).count();
    if styled_count >= 2 && styled_count * 2 >= found.len() {
        found.retain(is_styled);
    }
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

/// Whether the page's few real headings stand outside the outline the lines make (a
/// kicker over the article, "Join the discussion" under it): no real heading between
/// the first inferred heading and the last, and more inferred headings than real.
pub fn outside(real: &[(usize, u8)], found: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (found.first(), found.last()) else {
        return false;
    };
    found.len() > real.len()
        && !real.iter().any(|&(i, _)| first < i && i < last)
        && real.iter().any(|&(i, _)| i < first)
        && real.iter().any(|&(i, _)| i > last)
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
    // No sort: a rank is the number of distinct looks above it.
    let mut distinct: Vec<(u16, u16)> = Vec::new();
    for l in &looks {
        if !distinct.contains(l) {
            distinct.push(*l);
        }
    }
    let rank = |look: &(u16, u16)| distinct.iter().filter(|d| *d > look).count();
    let first_is_top = looks.first().is_some_and(|l| rank(l) == 0);
    found
        .iter()
        .zip(&looks)
        .map(|(&i, look)| {
            let depth = if first_is_top {
                rank(look).min(2) as u8
            } else {
                0
            };
            (i, depth)
        })
        .collect()
}

/// Words that open a byline, a credit, a caption or a dateline rather than a heading.
/// The first `CREDIT_STARTS` of them may also stand between a heading and its text.
const NOT_HEADING_STARTS: &[&str] = &[
    "(",
    "[",
    "by ",
    "photo",
    "image",
    "credit",
    "source",
    "via ",
    "posted ",
    "written ",
    "updated",
    "published",
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
];
/// How many of `NOT_HEADING_STARTS` open furniture: "(", "[", "by " to "via ".
const CREDIT_STARTS: usize = 8;

/// One-word lines that are page furniture, not a heading.
const NOT_ONE_WORD_HEADINGS: Words = crate::words![
    "advert",
    "advertisement",
    "advertising",
    "caption",
    "close",
    "comments",
    "credit",
    "credits",
    "edit",
    "email",
    "gallery",
    "home",
    "labels",
    "listen",
    "loading",
    "menu",
    "next",
    "photo",
    "photos",
    "previous",
    "print",
    "related",
    "reply",
    "share",
    "source",
    "sponsored",
    "tags",
    "update",
    "updated",
    "updates",
    "video",
    "watch",
];

/// Whether a line (in lower case) opens with one of the first `starts` words of
/// `NOT_HEADING_STARTS`, or names a month and a number (a date). One function for
/// the three rules that ask, as each copy costs the module code.
fn credit_or_date(lower: &str, starts: usize) -> bool {
    NOT_HEADING_STARTS
        .get(..starts)
        .unwrap_or_default()
        .iter()
        .any(|s| lower.starts_with(s))
        || MONTHS.iter().any(|m| find::contains(lower, m))
            && lower.chars().any(|c| c.is_ascii_digit())
}

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
const REPORTING: Words = crate::words![
    "added", "adds", "asked", "asks", "said", "say", "says", "tells", "told", "writes", "wrote",
];

/// The last words of a question tag ("..., is it?", "..., don't you?", "..., right?").
const TAG_ENDS: Words =
    crate::words!["eh", "he", "i", "it", "right", "she", "there", "they", "we", "you"];

/// What may stand before a heading's first letter: an opening quotation mark, the
/// Spanish opening question and exclamation marks ("¿Qué pasa?"), a currency or
/// number sign ("$10 off the Switch", "#1 pick").
const OPENERS: &[char] = &['"', '“', '‘', '\'', '«', '„', '¿', '¡', '$', '€', '£', '#'];
const QUOTE_MARKS: &[char] = &['“', '”', '"', '«', '»', '„'];

/// Marks that end a sentence (a closing quotation mark after one included).
const SENTENCE_END: &[char] = &['.', '!', '?', '…', ':', ';', '"', '”', '’', '»'];

fn styled(b: &Block) -> bool {
    b.is_bold() || b.is_larger()
}

/// Whether the text alone could be a heading: short, capitalised, no sentence end,
/// no caption, byline, date or quotation with its speaker.
fn title_shape(b: &Block) -> bool {
    shape(b, false)
}

/// `title_shape`, where `asks` lets a plain line be two sentences that end with a
/// question (`infer` keeps such a line in an outline of questions only).
fn shape(b: &Block, asks: bool) -> bool {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Line) {
        return false;
    }
    let look = styled(b);
    let text = b.text.trim();
    let max = if look {
        MAX_STYLED_WORDS
    } else {
        MAX_PLAIN_WORDS
    };
    let words = b.words_upto(max);
    if words == 0 || words > max || text.chars().count() > 120 {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if words == 1 {
        // "Consent" and "Cliffs" are headings; "Advertisement" and "Update" are not.
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 || NOT_ONE_WORD_HEADINGS.has(lower.trim_end_matches('?')) {
            return false;
        }
    }
    let first = text.chars().find(|c| !OPENERS.contains(c)).unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    // A numbered step is capitalised after its number too ("2. Mix the Dough"); "1)
    // performance overhead" is an item of a list typed as lines.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text
            .get(digits + 1..)
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(char::is_lowercase)
    {
        return false;
    }
    let mut back = text.chars().rev();
    let last = back.next().unwrap_or(' ');
    let before_last = back.next().unwrap_or(' ');
    let ends_ok = match last {
        '.' | ',' | ';' | ':' | '…' | '-' | '–' | '—' => false,
        // "Great, let's get started!" is a heading as a line of its own; the place
        // (between paragraphs) tells it from an exclamation in a dialogue.
        '!' => true,
        // A title in quotation marks ("‘We need to listen’"), not a quoted sentence.
        '"' | '”' | '’' | '\'' | '»' => {
            !matches!(before_last, '.' | ',' | '!' | '?' | ';' | ':' | '…')
        }
        // "The release plan (kovarex)", not a smiley ";)".
        ')' => find::has_char(text, '('),
        // A reference mark ("... was born. [M1]") ends a sentence.
        ']' => false,
        _ => true,
    };
    if !ends_ok {
        return false;
    }
    if find::contains(text, "http")
        || find::has_char(text, '@')
        || find::has_char(text, '|')
        || (!look && in_caption(b))
    {
        return false;
    }
    if text.contains(QUOTE_MARKS)
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| REPORTING.has(w))
    {
        return false;
    }
    // Bylines, credits, and datelines and captions with dates ("Feb. 11, 2025").
    if credit_or_date(&lower, NOT_HEADING_STARTS.len()) {
        return false;
    }
    // Photo counts ("14 Photos").
    let last_word = lower.split_whitespace().last().unwrap_or("");
    if matches!(last_word, "photos" | "images" | "pictures" | "slides")
        && text.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    // A plain question with a tag ("It is not very clear, is it?", "..., don't
    // you?") asks the reader in the text: a pronoun last, a comma in the last few
    // words (the last 15 bytes).
    if !look
        && last == '?'
        && TAG_ENDS.has(last_word.trim_end_matches('?'))
        && lower
            .get(lower.len().saturating_sub(15)..)
            .is_some_and(|tail| find::has_char(tail, ','))
    {
        return false;
    }
    // Two sentences are no heading ("Ye Gods. She's not doing his taxes?"), unless
    // the look says so and it asks or exclaims ("Great! How does it work?").
    !(two_sentences(text) && !((look || asks) && last == '?' || look && last == '!'))
}

/// Whether a line sits in small print or a caption by its markup (`<small>`, a
/// "wp-caption-text" or "small gray" class): the line under a picture, not a title.
fn in_caption(b: &Block) -> bool {
    b.marks
        .split_whitespace()
        .any(|m| m == "small" || find::contains(m, "caption"))
}

/// Whether a sentence ends inside the text and another starts after it.
fn two_sentences(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        let after = text.get(i + c.len_utf8()..).unwrap_or("");
        let before = text.get(..i).unwrap_or("");
        matches!(c, '.' | '!' | '?')
            && after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            // "U.S. Stance" and "Mr. Smith" go on; "be? Have" does not.
            && !(c == '.'
                && before
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.len() <= 2 || find::has_char(w, '.')))
    })
}

/// The nearest block before or after `i` that has text and is article (an ad slot
/// or a share box between a heading and its text does not part them).
fn neighbour<'a>(
    blocks: &'a [Block],
    not_article: &[bool],
    i: usize,
    forward: bool,
) -> Option<(usize, &'a Block)> {
    let has_text = |(k, b): &(usize, &Block)| {
        !b.text.trim().is_empty() && !not_article.get(*k).copied().unwrap_or(false)
    };
    if forward {
        blocks.iter().enumerate().skip(i + 1).find(has_text)
    } else {
        blocks.iter().enumerate().take(i).rev().find(has_text)
    }
}

/// Whether a block is running text long enough to follow a heading of `words`
/// words: a sentence of five words or more ("It began with the snow."), or a line
/// clearly longer than the heading.
fn body_after(b: &Block, words: usize) -> bool {
    match b.kind {
        BlockKind::Paragraph | BlockKind::Line | BlockKind::Quote => {
            let n = b.words();
            n >= (words + 4).max(8)
                || (n >= 5 && find::ends_with_any(b.text.trim_end(), SENTENCE_END))
        }
        // A heading over a list: the items may be short.
        BlockKind::ListItem => true,
        _ => false,
    }
}

/// A byline, a credit or a dateline ("Posted by kovarex on 2019-02-15", "July 25,
/// 2018"): it does not make the line after it one of a list.
fn byline_or_date(b: &Block) -> bool {
    let lower = b.text.trim().to_ascii_lowercase();
    credit_or_date(&lower, NOT_HEADING_STARTS.len())
        || (lower.chars().filter(|c| c.is_ascii_digit()).count() >= 6
            && find::has_char(&lower, '-'))
}

/// Words that number a part of a long article, and the numbers they take.
const PART_WORDS: Words = crate::words![
    "act", "book", "chapter", "day", "lesson", "part", "phase", "section", "stage", "step",
];
const NUMBER_WORDS: Words = crate::words![
    "eight", "eleven", "fifth", "final", "first", "five", "four", "fourth", "i", "ii", "iii", "iv",
    "ix", "last", "nine", "one", "second", "seven", "six", "ten", "third", "three", "twelve",
    "two", "v", "vi", "vii", "viii", "x",
];

/// "Part One: ...", "Chapter 3", "Step 2." open a numbered part.
fn numbered_part(text: &str) -> bool {
    let mut words = text.split(find::not_alphanumeric).filter(|w| !w.is_empty());
    let (Some(a), Some(n)) = (words.next(), words.next()) else {
        return false;
    };
    PART_WORDS.has(&a.to_ascii_lowercase())
        && (n.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.has(&n.to_ascii_lowercase()))
}

/// Words that open a pointer to elsewhere.
const POINTER_STARTS: Words = crate::words![
    "buy",
    "check",
    "click",
    "continue",
    "download",
    "find",
    "follow",
    "get",
    "join",
    "learn",
    "listen",
    "more",
    "order",
    "read",
    "register",
    "related",
    "see",
    "shop",
    "sign",
    "subscribe",
    "try",
    "view",
    "visit",
    "watch",
];

fn pointer(text: &str) -> bool {
    // After a lead-in word and a colon ("Also: See our coverage").
    let text = match text.split_once(':') {
        Some((lead, rest)) if !find::has_char(lead, ' ') => rest,
        _ => text,
    };
    let first = text
        .split(find::not_alphanumeric)
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_lowercase();
    POINTER_STARTS.has(&first)
}

/// What may stand between a heading and its text: a picture and its credit ("(Artist:
/// 3ihard)"), a byline, a dateline, a lone link.
fn furniture(b: &Block) -> bool {
    if b.text.trim().is_empty() || matches!(b.kind, BlockKind::Caption | BlockKind::Other) {
        return true;
    }
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Line) || b.words_upto(8) > 8 {
        return false;
    }
    let lower = b.text.trim().to_ascii_lowercase();
    credit_or_date(&lower, CREDIT_STARTS) || b.links >= 0.5
}

/// The first block after `i` that is article and no furniture (up to three pieces of
/// furniture are passed over), if it is not a line that could be a heading itself.
fn body_past_furniture<'a>(
    blocks: &'a [Block],
    not_article: &[bool],
    i: usize,
) -> Option<&'a Block> {
    let mut k = i;
    for _ in 0..4 {
        let (j, n) = neighbour(blocks, not_article, k, true)?;
        if !furniture(n) {
            return Some(n).filter(|n| !(styled(n) && title_shape(n)));
        }
        k = j;
    }
    None
}

/// How many bold or larger title-like lines stand in a row with line `i`.
fn styled_run(blocks: &[Block], not_article: &[bool], i: usize) -> usize {
    let line = |x: &Block| styled(x) && title_shape(x);
    let mut run = 1;
    for forward in [false, true] {
        let mut k = i;
        while let Some((j, n)) = neighbour(blocks, not_article, k, forward) {
            if !line(n) {
                break;
            }
            run += 1;
            k = j;
        }
    }
    run
}

/// Whether a word starts with a lower-case letter ("camp", not "Kim" or "42").
fn lower_word(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Whether line `i` reads as a heading by its shape and its place (a plain question
/// of two sentences included: `infer` keeps it in an outline of questions only).
fn looks_like_heading(blocks: &[Block], not_article: &[bool], i: usize) -> bool {
    let Some(b) = blocks.get(i) else {
        return false;
    };
    if !shape(b, true) {
        return false;
    }
    let words = b.words();
    let text = b.text.trim();
    // A heading stands between running text: something before it, and a longer
    // paragraph after it (past a picture or code, which a heading may open).
    let (Some((_, prev)), Some((ni, next))) = (
        neighbour(blocks, not_article, i, false),
        neighbour(blocks, not_article, i, true),
    ) else {
        return false;
    };
    let look = styled(b);
    // A plain line under a heading is its subtitle or byline; a bold one may be the
    // first sub-heading under a heading of a level that makes no section (Medium's
    // h1 section titles).
    if matches!(prev.kind, BlockKind::Heading(_)) && prev.links < 0.5 && !look {
        return false;
    }
    // A link standing alone in plain text that tells the reader to go ("Read the
    // full transcript", "Learn more: ...") points elsewhere, and so does one in
    // capitals, bold or not (a promoted story, "SIGN UP FOR OUR NEWSLETTER"); a
    // linked title ("“Thumper” ($20)", LWN's story headings) may head its text.
    if b.links >= 0.5 && (!look && pointer(text) || !text.chars().any(char::is_lowercase)) {
        return false;
    }
    // A name followed by its bio ("Stella Kim" / "Stella Kim is a producer ...") is a
    // label; a heading that its first sentence repeats ("The camp" / "The camp, also
    // known as ...") has a word in lower case, and "Keyboard" over "Keyboards are
    // ..." is no repetition. A bio names its person in full: one word over a
    // sentence about it ("Sourdough" / "Sourdough is ...") is the thing a part is on.
    let repeated = next
        .text
        .trim_start()
        .strip_prefix(text)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
    if repeated && words > 1 && !text.split_whitespace().any(lower_word) {
        return false;
    }
    let body = if body_past_furniture(blocks, not_article, i).is_some_and(|n| body_after(n, words))
    {
        true
    } else if look && styled(next) && title_shape(next) && prominence(next) <= prominence(b) {
        // A heading right over its first sub-heading ("Part One" / "The Living
        // Planet"): the sub-heading must stand over running text itself, and the two
        // may not be the start of a list of bold lines.
        body_past_furniture(blocks, not_article, ni).is_some_and(|n| body_after(n, next.words()))
            && !(styled(prev) && title_shape(prev))
    } else if numbered_part(text) && title_shape(next) {
        // "Part One: The Wars in Heaven" over its first chapter's title, in plain text.
        body_past_furniture(blocks, not_article, ni).is_some_and(|n| body_after(n, next.words()))
    } else {
        false
    };
    if !body {
        return false;
    }
    if look {
        // Three bold lines in a row are a list, not an outline.
        return styled_run(blocks, not_article, i) <= 2;
    }
    // A plain line must also stand alone as a title: no two plain short lines in a
    // row (an address, a poem, one-line items of a list), unless the first numbers a
    // part ("Part One: The Wars in Heaven" over "The Living Planet").
    if numbered_part(text) && body_past_furniture(blocks, not_article, ni).is_some() {
        return true;
    }
    // A link standing before the line ("Read more: ...") ends the text above; it is
    // no item of a list the line would belong to, unless the line is a link too.
    let title_like = |x: &Block| {
        x.words_upto(MAX_PLAIN_WORDS) <= MAX_PLAIN_WORDS
            && x.kind == b.kind
            && !find::ends_with_any(x.text.trim_end(), SENTENCE_END)
            && !byline_or_date(x)
            && (x.links < 0.5 || b.links >= 0.5)
    };
    !title_like(next) && (!title_like(prev) || styled(prev) || numbered_part(prev.text.trim()))
}

/// The line after `i` when the two are plain title lines between running text (a
/// paragraph before, and after the second).
fn plain_pair(blocks: &[Block], not_article: &[bool], i: usize) -> Option<usize> {
    let b = blocks.get(i)?;
    let (_, prev) = neighbour(blocks, not_article, i, false)?;
    let (ni, next) = neighbour(blocks, not_article, i, true)?;
    let line = |x: &Block| !styled(x) && title_shape(x) && x.kind == b.kind && x.links < 0.5;
    let ok = line(b)
        && line(next)
        && body_after(prev, b.words())
        && body_past_furniture(blocks, not_article, ni)
            .is_some_and(|n| body_after(n, next.words()));
    ok.then_some(ni)
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
    fn plain_exclamations_are_titles_only_as_the_outline_s_style() {
        let mut blocks = vec![
            p(LONG),
            p("Where the River Starts"),
            p(LONG),
            p("And Then the Islands!"),
            p(LONG),
            p("Where the River Ends"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["Where the River Starts", "Where the River Ends"]
        );
        blocks[1] = p("Great, let's get started!");
        assert_eq!(
            found(&blocks),
            [
                "Great, let's get started!",
                "And Then the Islands!",
                "Where the River Ends"
            ]
        );
    }

    #[test]
    fn a_short_first_sentence_may_follow_a_heading() {
        let blocks = vec![
            p(LONG),
            p("The First Winter"),
            p("It began with the snow."),
            p(LONG),
            p("The Second Winter"),
            p("It began"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["The First Winter"]);
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
    fn a_plain_line_after_a_link_line_is_no_list_item() {
        let blocks = vec![
            p(LONG),
            p("Read our guide to sourdough bread").linked(1.0),
            p("What You Need"),
            p(LONG),
            p("Flour and water"),
            p("Salt and yeast"),
            p(LONG),
            p("Five Loaves We Baked").linked(1.0),
            p("Ten Loaves We Sold").linked(1.0),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["What You Need"]);
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
        assert_eq!(infer(&blocks, &[false, false, false, true, false]), [1]);
    }

    #[test]
    fn a_plain_link_is_a_pointer_but_a_bold_link_a_heading() {
        let blocks = vec![
            p(LONG),
            p("Read the full transcript of his interview").linked(1.0),
            p(LONG),
            p("Learn More: Seven Tips for Video").linked(0.8),
            p(LONG),
            p("A trademark battle in the community").linked(1.0).bold(),
            p(LONG),
            p("Mapping with free software").linked(1.0).bold(),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "A trademark battle in the community",
                "Mapping with free software"
            ]
        );
    }

    #[test]
    fn a_bold_line_may_follow_a_heading_a_plain_one_may_not() {
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(1), "Existing solutions"),
            p("Add arguments to the runtime").bold(),
            p(LONG),
            Block::new(BlockKind::Heading(1), "Title of the post"),
            p("A subtitle in plain text"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["Add arguments to the runtime"]);
    }

    #[test]
    fn a_plain_line_under_a_linked_heading_is_no_subtitle() {
        // "Related: ..." as a linked heading points elsewhere; the line under it heads
        // the text that follows.
        let blocks = vec![
            p(LONG),
            Block::new(BlockKind::Heading(3), "Related: Our Bread Recipe").linked(0.8),
            p("What You Need for Jam"),
            p(LONG),
            Block::new(BlockKind::Heading(3), "Title of the post"),
            p("A subtitle in plain text"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["What You Need for Jam"]);
    }

    #[test]
    fn lines_in_small_print_or_captions_are_no_headings() {
        let blocks = vec![
            p(LONG),
            p("The slimmer frame of the new laptop").marked("div figure span small gray"),
            p(LONG),
            p("A harbour at dawn").marked("div wp-caption p wp-caption-text"),
            p(LONG),
            p("The Keyboard").marked("div entry-content p"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["The Keyboard"]);
    }

    #[test]
    fn a_pointer_may_follow_a_lead_in_word() {
        let blocks = vec![
            p(LONG),
            p("Where the River Starts"),
            p(LONG),
            p("Also: See our coverage of the fair").linked(0.9),
            p(LONG),
            p("Where the River Ends"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["Where the River Starts", "Where the River Ends"]
        );
    }

    #[test]
    fn a_link_in_capitals_is_a_promotion() {
        let blocks = vec![
            p(LONG),
            p("SIGN UP FOR OUR NEWSLETTER").linked(1.0),
            p(LONG),
            p("STAR QUITS THE DANCE SHOW").linked(1.0).bold(),
            p(LONG),
            p("Mapping with free software").linked(1.0).bold(),
            p(LONG),
            p("SCORES QUARANTINED"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["Mapping with free software", "SCORES QUARANTINED"]
        );
    }

    #[test]
    fn bold_headings_make_plain_lines_no_headings() {
        let blocks = vec![
            p(LONG),
            p("First Bold Title").bold(),
            p(LONG),
            p("A Plain Line Here"),
            p(LONG),
            p("Second Bold Title").bold(),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["First Bold Title", "Second Bold Title"]);
    }

    #[test]
    fn plain_headings_that_outnumber_the_bold_lines_stay() {
        let blocks = vec![
            p(LONG),
            p("Where the River Starts"),
            p(LONG),
            p("A Named Boat").bold(),
            p(LONG),
            p("Where the River Bends"),
            p(LONG),
            p("Another Named Boat").bold(),
            p(LONG),
            p("Where the River Ends"),
            p(LONG),
        ];
        assert_eq!(found(&blocks).len(), 5);
    }

    #[test]
    fn a_heading_its_first_sentence_repeats_is_no_name() {
        let blocks = vec![
            p(LONG),
            p("The northern camp"),
            p("The northern camp, also known as the Berm, lies in the desert near the border and holds thousands."),
            p(LONG),
            p("Mara Lind"),
            p("Mara Lind is a photographer who has worked along the border for many years and lives there."),
            p(LONG),
            p("Keyboard"),
            p("Keyboards are highly subjective, so a little context about how we type every day is important."),
            p(LONG),
            p("The southern camp"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["The northern camp", "Keyboard", "The southern camp"]
        );
    }

    #[test]
    fn a_heading_may_open_with_a_spanish_question_mark_or_a_price() {
        let blocks = vec![
            p(LONG),
            p("¿Qué cambia en la ciudad?"),
            p(LONG),
            p("$10 Off the Handheld Console"),
            p(LONG),
            p("- not a title at all"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["¿Qué cambia en la ciudad?", "$10 Off the Handheld Console"]
        );
    }

    #[test]
    fn a_plain_heading_over_its_sub_heading_in_a_plain_outline() {
        let blocks = vec![
            p(LONG),
            p("Where Things Stand"),
            p("The Paper Records"),
            p(LONG),
            p("Records Across Clinics"),
            p(LONG),
            p("Flour and water"),
            p("Salt and yeast"),
            p("Sugar and butter"),
            p(LONG),
            p("What Comes Next"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "Where Things Stand",
                "The Paper Records",
                "Records Across Clinics",
                "What Comes Next"
            ]
        );
    }

    #[test]
    fn a_smiley_is_no_closing_parenthesis() {
        let blocks = vec![
            p(LONG),
            p("It is a fake project to show the idea ;)"),
            p(LONG),
            p("The release plan (kovarex)"),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["The release plan (kovarex)"]);
    }

    #[test]
    fn an_ad_slot_does_not_part_a_heading_from_its_text() {
        let blocks = vec![
            p(LONG),
            p("Dark Echoes").bold(),
            Block::new(BlockKind::Caption, ""),
            p("Advertisement").marked("div js_ad-dynamic"),
            p(LONG),
            p("The Holy World").bold(),
            p(LONG),
        ];
        let not = crate::core::boilerplate::mark(&blocks);
        assert_eq!(infer(&blocks, &not), [1, 5]);
    }

    #[test]
    fn a_numbered_part_over_its_first_chapter_in_plain_text() {
        let blocks = vec![
            p(LONG),
            p("Part One: The Wars in Heaven"),
            p("The Living Planet"),
            p(LONG),
            p("The Dark Planet"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "Part One: The Wars in Heaven",
                "The Living Planet",
                "The Dark Planet"
            ]
        );
    }

    #[test]
    fn a_byline_before_a_plain_heading_is_no_list() {
        let blocks = vec![
            p(LONG),
            p("Posted by kovarex and others on 2019-02-15, all posts"),
            p("The release plan (kovarex)"),
            p(LONG),
            p("July 25, 2018"),
            p("The Issue Nobody Faced"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            ["The release plan (kovarex)", "The Issue Nobody Faced"]
        );
    }

    #[test]
    fn two_questions_are_two_sentences() {
        // Regression: a short word before "?" was taken for an abbreviation.
        let blocks = vec![
            p(LONG),
            p("Just how spoon-fed do you have to be? Have you no teeth?"),
            p(LONG),
        ];
        assert!(found(&blocks).is_empty());
    }

    #[test]
    fn reference_marks_end_sentences() {
        let blocks = vec![p(LONG), p("On this world, Samus was born. [M1]"), p(LONG)];
        assert!(found(&blocks).is_empty());
    }

    #[test]
    fn a_plain_question_of_two_sentences_heads_only_an_outline_of_questions() {
        let mut blocks = vec![
            p(LONG),
            p("So what is a sourdough starter?"),
            p(LONG),
            p("Fine. How do I feed it?"),
            p(LONG),
            p("And what comes after the first loaf?"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "So what is a sourdough starter?",
                "Fine. How do I feed it?",
                "And what comes after the first loaf?"
            ]
        );
        // One question of one sentence is no outline of questions: the line of two
        // asks in the text.
        blocks[5] = p("What Comes After the Loaf");
        assert_eq!(
            found(&blocks),
            [
                "So what is a sourdough starter?",
                "What Comes After the Loaf"
            ]
        );
    }

    #[test]
    fn a_numbered_line_in_lower_case_is_an_item_not_a_step() {
        let blocks = vec![
            p(LONG),
            p("1) flour and water").bold(),
            p(LONG),
            p("2. salt and yeast").bold(),
            p(LONG),
            p("3. Shape the Loaf").bold(),
            p(LONG),
            p("4) Bake It Hot").bold(),
            p(LONG),
            p("500 grams of flour, sifted twice").bold(),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "3. Shape the Loaf",
                "4) Bake It Hot",
                "500 grams of flour, sifted twice"
            ]
        );
    }

    #[test]
    fn a_plain_question_with_a_tag_asks_in_the_text() {
        let blocks = vec![
            p(LONG),
            p("Where the River Starts"),
            p(LONG),
            p("That was not very clear, was it?"),
            p(LONG),
            p("You know this story, don't you?"),
            p(LONG),
            p("When the river floods, what do we do?"),
            p(LONG),
            p("Who Is It?"),
            p(LONG),
        ];
        assert_eq!(
            found(&blocks),
            [
                "Where the River Starts",
                "When the river floods, what do we do?",
                "Who Is It?"
            ]
        );
    }

    #[test]
    fn one_word_its_first_sentence_repeats_is_no_name() {
        let blocks = vec![
            p(LONG),
            p("Sourdough"),
            p("Sourdough is bread raised by wild yeast and the bacteria that live with it in a starter."),
            p(LONG),
            p("Mara Lind"),
            p("Mara Lind is a baker who has run the village oven for many years and lives above it."),
            p(LONG),
        ];
        assert_eq!(found(&blocks), ["Sourdough"]);
    }
}
