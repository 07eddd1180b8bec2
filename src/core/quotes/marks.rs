//! Where a block's quotations are: its quotation marks, paired.
//!
//! Every offset is a byte offset taken from `char_indices`, so it always falls on a
//! character boundary; text is cut only with `get()`.

use crate::core::find;

/// A quotation inside one block: byte offsets into the block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where the opening mark starts.
    pub open: usize,
    /// Where the quoted text starts (after the opening mark).
    pub start: usize,
    /// Where the quoted text ends (before the closing mark).
    pub end: usize,
    /// Where the closing mark ends.
    pub close: usize,
}

/// One character of the text, or two apostrophes read as one double mark: archive
/// text of some publishers writes “ and ” as '' (''like this''), and reads the same
/// way as a straight " does.
#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    c: char,
}

/// The text as marks: characters, with each pair of apostrophes as one `"`.
fn marks(text: &str) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::with_capacity(text.len());
    let mut it = text.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if c == '\'' && it.peek().is_some_and(|&(_, d)| d == '\'') {
            it.next();
            out.push(Mark {
                pos,
                len: 2,
                c: '"',
            });
        } else {
            out.push(Mark {
                pos,
                len: c.len_utf8(),
                c,
            });
        }
    }
    out
}

/// The closing marks that can end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        // Mixed marks are common in pasted text: “like this," and "like this”.
        '“' => &['”', '"'],
        '"' => &['"', '”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‹' => &['›'],
        // German also quotes »like this« and ›like this‹.
        '»' => &['«'],
        '›' => &['‹'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '‚')
}

/// Whether `c` may open a quotation here, given the characters around it.
fn opens(c: char, before: Option<char>, after: Option<char>) -> bool {
    let after_ok = after.is_some_and(|a| !a.is_whitespace());
    let before_ok = before.is_none_or(|b| {
        b.is_whitespace() || matches!(b, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
    });
    match c {
        '"' | '‘' | '‚' => after_ok && before_ok,
        '“' | '„' => after_ok,
        // French sets a space inside guillemets.
        '«' | '‹' | '「' | '『' => after.is_some(),
        // German »...«: right against its first word, never after one (a French »
        // closes after a space or a word, and a comma or a space follows it).
        '»' | '›' => super::lang::current() == super::lang::Lang::De && after_ok && before_ok,
        _ => false,
    }
}

/// Whether `c`, a possible closing mark, really closes here (and is not an
/// apostrophe as in "don’t" or "Trump’s"). `before2` is the character before
/// `before`: a space between the last word's punctuation and the mark (`right, ''`,
/// `'a flight,' "`) still closes.
fn closes(c: char, before2: Option<char>, before: Option<char>, after: Option<char>) -> bool {
    if matches!(c, '»' | '›' | '」' | '』') {
        return true;
    }
    // The German closing « and ‹ stand right after the last word.
    if matches!(c, '«' | '‹') {
        return before.is_some_and(|b| !b.is_whitespace());
    }
    let spaced = !is_single(c)
        && before.is_some_and(char::is_whitespace)
        && before2.is_some_and(|b| matches!(b, ',' | '.' | '?' | '!' | '\'' | '’'))
        && after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ')'));
    let before_ok = spaced || before.is_some_and(|b| !b.is_whitespace());
    if is_single(c) {
        return before_ok && after.is_none_or(|a| !a.is_alphanumeric());
    }
    before_ok
}

/// Whether a text has a double quotation mark (or two apostrophes standing for one).
pub fn has_double(text: &str) -> bool {
    // One pass over the bytes (it runs on every block): `"`, `''`, and the UTF-8 of
    // “ (E2 80 9C), „ (E2 80 9E), « (C2 AB) and 「 (E3 80 8C).
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'"' => true,
        b'\'' => at(i + 1) == Some(b'\''),
        0xC2 => at(i + 1) == Some(0xAB),
        0xE2 => at(i + 1) == Some(0x80) && matches!(at(i + 2), Some(0x9C | 0x9E)),
        0xE3 => at(i + 1) == Some(0x80) && at(i + 2) == Some(0x8C),
        _ => false,
    })
}

/// The top-level quotations of a text. A mark that is never closed in the text is
/// skipped, so an unbalanced mark never swallows what follows. Nested quotations of
/// another style stay inside their outer one. Single marks count only in a text that
/// has no double ones (where they are the primary style).
pub fn spans(text: &str) -> Vec<Span> {
    spans_in(text, true)
}

/// [`spans`], with single marks counted only where `singles` allows: an article that
/// quotes with double marks anywhere uses single ones for quotations inside
/// quotations and for headlines ("Trump: ‘We Will Win.’"), not for its own quotes.
pub fn spans_in(text: &str, singles: bool) -> Vec<Span> {
    let ms = marks(text);
    let has_double = !singles
        || ms
            .iter()
            .any(|m| matches!(m.c, '“' | '"' | '„' | '«' | '「'));
    let at = |k: usize| ms.get(k).map(|m| m.c);
    let mut pairings: Vec<Pairing> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&m) = ms.get(i) {
        let before = i.checked_sub(1).and_then(at);
        if (is_single(m.c) && has_double) || !opens(m.c, before, at(i + 1)) {
            i += 1;
            continue;
        }
        // A scan of the marks after it finds the closer of most quotations within a
        // few hundred; past SCAN_MARKS, all closers of this mark are found at once.
        let found = match pairings.iter().find(|p| p.c == m.c) {
            Some(p) => p.closer(i),
            None => scan_closer(&ms, i, SCAN_MARKS).unwrap_or_else(|| {
                let p = Pairing::new(&ms, m.c);
                let found = p.closer(i);
                pairings.push(p);
                found
            }),
        };
        match found.and_then(|j| ms.get(j).map(|c| (j, *c))) {
            Some((j, cm)) if j > i + 1 => {
                out.push(Span {
                    open: m.pos,
                    start: m.pos + m.len,
                    end: cm.pos,
                    close: cm.pos + cm.len,
                });
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// How many marks after an opening one [`scan_closer`] reads before [`spans_in`]
/// turns to a [`Pairing`].
const SCAN_MARKS: usize = 2000;

/// The index of the mark that closes the quotation opened at mark `i`, by reading
/// the marks after it: `Some(None)` when the text ends first, `None` when no closer
/// is found within `limit` marks.
fn scan_closer(ms: &[Mark], i: usize, limit: usize) -> Option<Option<usize>> {
    let Some(c) = ms.get(i).map(|m| m.c) else {
        return Some(None);
    };
    let wanted = closers(c);
    // The same mark opening again is a quotation nested in this one ("He says,
    // "I'd like ten," you know."); when the text ends before the outer one is
    // closed, the first mark was never closed and is skipped.
    let mut depth = 0usize;
    for (j, m) in ms.iter().enumerate().skip(i + 1) {
        if j - i > limit {
            return None;
        }
        // Most marks are letters: neither this mark nor one that closes it.
        if m.c != c && !wanted.contains(&m.c) {
            continue;
        }
        match event(ms, c, j) {
            Some(true) => depth += 1,
            Some(false) if depth == 0 => return Some(Some(j)),
            Some(false) => depth -= 1,
            None => {}
        }
    }
    Some(None)
}

/// What mark `j` (never the first) does to a quotation that `c` opened before it:
/// opens one nested in it (`Some(true)`), closes one (`Some(false)`), or neither.
fn event(ms: &[Mark], c: char, j: usize) -> Option<bool> {
    let at = |k: usize| ms.get(k).map(|m| m.c);
    let d = at(j)?;
    let wanted = closers(c);
    if d != c && !wanted.contains(&d) {
        return None;
    }
    let (b2, b, a) = (
        j.checked_sub(2).and_then(at),
        at(j.checked_sub(1)?),
        at(j + 1),
    );
    let closing = wanted.contains(&d) && closes(d, b2, b, a);
    if d == c && opens(d, b, a) && !closing {
        Some(true)
    } else {
        closing.then_some(false)
    }
}

/// Where each quotation that one opening mark `c` starts closes, for all of a text's
/// marks at once. The same mark opening again is a quotation nested in the one
/// before ("He says, "I'd like ten," you know."), and a mark the text never closes
/// is no quotation: the closer of the mark at `i` is the first closing mark after it
/// at depth 0. Which marks open or close does not depend on `i`, so the depths are
/// counted once and each closer found by a search in them (scanning the text after
/// each mark instead was quadratic in a paragraph of marks that nothing closes).
struct Pairing {
    /// The opening mark.
    c: char,
    /// The marks that open a nested quotation (`true`) or close one, by index.
    events: Vec<(usize, bool)>,
    /// For each count of events passed, the count after the first event that then
    /// closes at depth 0 (the first whose depth falls below it), if any.
    drops: Vec<Option<usize>>,
}

impl Pairing {
    fn new(ms: &[Mark], c: char) -> Pairing {
        let events: Vec<(usize, bool)> = (1..ms.len())
            .filter_map(|j| event(ms, c, j).map(|e| (j, e)))
            .collect();
        let mut depths = Vec::with_capacity(events.len() + 1);
        let mut depth = 0isize;
        depths.push(depth);
        for &(_, opening) in &events {
            depth += if opening { 1 } else { -1 };
            depths.push(depth);
        }
        // The nearest later count of lower depth, with a stack, from the end.
        let mut drops = vec![None; depths.len()];
        let mut lower: Vec<(usize, isize)> = Vec::new();
        for (t, &d) in depths.iter().enumerate().rev() {
            while lower.last().is_some_and(|&(_, e)| e >= d) {
                lower.pop();
            }
            if let Some(slot) = drops.get_mut(t) {
                *slot = lower.last().map(|&(u, _)| u);
            }
            lower.push((t, d));
        }
        Pairing { c, events, drops }
    }

    /// The index of the mark that closes the quotation opened at mark `i`.
    fn closer(&self, i: usize) -> Option<usize> {
        let passed = self.events.partition_point(|&(j, _)| j <= i);
        let after = self.drops.get(passed).copied().flatten()?;
        self.events.get(after.checked_sub(1)?).map(|&(j, _)| j)
    }
}

/// Whether quoted text is a title or a slogan, not words someone said: every word
/// of four letters or more capitalised, at least two such words, and no mark of a
/// sentence or a clause inside ("Harbour Talk Tonight", "The Silent Tide", "Ride
/// the Wave"; not "Always Dover, Always Ohio", "Thank you Dover" or words in capitals).
/// Quotations are written in sentence case.
pub fn is_title(quoted: &str) -> bool {
    // German capitalises every noun: its quotations look like titles.
    if super::lang::current() == super::lang::Lang::De {
        return false;
    }
    let body = quoted.trim_end_matches(['.', ',', '!', '?', ' ']);
    // Words in capitals are shouted ("COMMON SENSE"), not a title.
    if body.contains([',', ';', '!', '?', ':'])
        || find::contains(body, ". ")
        || !body.chars().any(char::is_lowercase)
    {
        return false;
    }
    let mut long = 0;
    for w in body.split_whitespace() {
        // "you" or "we" is someone speaking ("Thank you Dover"), not a title.
        let bare = w.trim_matches(find::not_alphanumeric);
        if ["I", "me", "my", "we", "us", "our", "you", "your"]
            .iter()
            .any(|p| bare.eq_ignore_ascii_case(p))
        {
            return false;
        }
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            continue;
        };
        if letters.count() < 3 {
            continue;
        }
        if !first.is_uppercase() {
            return false;
        }
        long += 1;
    }
    long >= 2
}

/// An opening double mark after every quotation of `text` (from byte `after` on)
/// that nothing closes, followed by a sentence of four words or more: news style
/// for a quotation that goes on in the next paragraph ("..., Quill said. “We will
/// ..."). The quotation runs to the end of the text.
pub fn trailing_open(text: &str, after: usize) -> Option<Span> {
    let tail = text.get(after..)?;
    if !has_double(tail) {
        return None;
    }
    let ms = marks(text);
    let at = |k: usize| ms.get(k).map(|m| m.c);
    let mut doubles = ms
        .iter()
        .enumerate()
        .filter(|(_, m)| m.pos >= after && matches!(m.c, '“' | '"' | '„' | '«'));
    let (k, m) = doubles.next()?;
    if doubles.next().is_some() || !opens(m.c, k.checked_sub(1).and_then(at), at(k + 1)) {
        return None;
    }
    let start = m.pos + m.len;
    let rest = text.get(start..)?.trim_end();
    let sentence = find::ends_with_any(rest, &['.', '!', '?', '…'])
        && rest.split_whitespace().nth(3).is_some();
    sentence.then(|| {
        let end = start + rest.len();
        Span {
            open: m.pos,
            start,
            end,
            close: end,
        }
    })
}

/// The opening double mark a text starts with (after white space), if any: where it
/// starts, where the text after it starts, and the mark (two apostrophes read as `"`).
pub fn leading_mark(text: &str) -> Option<(usize, usize, char)> {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(lead..)?;
    if rest.starts_with("''") {
        return Some((lead, lead + 2, '"'));
    }
    let c = rest.chars().next()?;
    matches!(c, '“' | '"' | '«' | '„').then_some((lead, lead + c.len_utf8(), c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        spans(text)
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect()
    }

    #[test]
    fn many_mark_styles() {
        assert_eq!(quoted("He said “yes to that” today."), vec!["yes to that"]);
        assert_eq!(
            quoted("He said \"yes to that\" today."),
            vec!["yes to that"]
        );
        assert_eq!(quoted("Il a dit « oui » hier."), vec![" oui "]);
        assert_eq!(quoted("Er sagte „ja bitte“ heute."), vec!["ja bitte"]);
        assert_eq!(quoted("彼は「はい」と言った"), vec!["はい"]);
        assert_eq!(quoted("She said ‘not now’, and left."), vec!["not now"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(
            quoted("''We will open the pool in May,'' the manager said."),
            vec!["We will open the pool in May,"]
        );
        // An apostrophe inside stays an apostrophe; one ending a plural is no mark.
        assert_eq!(
            quoted("She called it ''the town's best-kept secret'' on the radio."),
            vec!["the town's best-kept secret"]
        );
        assert_eq!(quoted("The Joneses' dog isn't ours."), Vec::<&str>::new());
        assert_eq!(
            leading_mark("  ''Here we go"),
            Some((2, 4, '"')),
            "a paragraph may open with two apostrophes"
        );
    }

    #[test]
    fn nested_and_mixed_marks() {
        assert_eq!(
            quoted("“If a man says, “sell me ten,” you wonder,” she said."),
            vec!["If a man says, “sell me ten,” you wonder,"]
        );
        assert_eq!(
            quoted("\"If a man says, \"sell me ten,\" you wonder,\" she said."),
            vec!["If a man says, \"sell me ten,\" you wonder,"]
        );
        assert_eq!(quoted("“Mixed marks,\" she said."), vec!["Mixed marks,"]);
        assert_eq!(
            quoted("''A space before the close, '' she said."),
            vec!["A space before the close, "]
        );
        assert_eq!(
            quoted("\"It was 'a rush to the door,' \" she said."),
            vec!["It was 'a rush to the door,' "]
        );
    }

    #[test]
    fn single_marks_only_where_the_article_has_no_double_ones() {
        let text = "Mayor: ‘The Ferry Runs Again.’";
        assert_eq!(spans_in(text, true).len(), 1);
        assert!(spans_in(text, false).is_empty());
        assert!(has_double("He said ''yes''") && has_double("“a”") && !has_double("‘a’"));
        for double in ["a \"b\"", "„a“", "«a»", "「a」", "x''y"] {
            assert!(has_double(double), "{double}");
        }
        for none in ["‘a’", "it's", "a ' b ' c", "é à ü ‚a‘ ‹a›", "”", "—", "…"]
        {
            assert!(!has_double(none), "{none}");
        }
    }

    #[test]
    fn a_quotation_left_open_at_the_end_of_a_paragraph() {
        let text = "“It is late,” Quill said. “We will sail at dawn, whatever the sea.";
        let after = spans(text).last().map_or(0, |s| s.close);
        let s = trailing_open(text, after);
        assert_eq!(
            s.and_then(|s| text.get(s.start..s.end)),
            Some("We will sail at dawn, whatever the sea.")
        );
        // Not a stray mark, nor a few words.
        assert!(trailing_open("He is 6'3\" tall and we left.", 0).is_none());
        assert!(trailing_open("Quill said “no way.", 0).is_none());
        assert!(trailing_open("Quill said “We will sail” at dawn and “we go.", 0).is_none());
    }

    #[test]
    fn closers_found_at_once_are_those_a_scan_finds() {
        // Texts of marks, letters, spaces and punctuation, from a fixed generator.
        let pieces = [
            "“", "”", "\"", "''", "'", "‘", "’", "„", "«", "»", "a", "b", " ", " ", ",", ".",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k = usize::try_from(seed >> 59).unwrap_or(0) % pieces.len();
                text.push_str(pieces.get(k).copied().unwrap_or(" "));
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let ms = marks(&text);
            let mut pairings: Vec<Pairing> = Vec::new();
            for (i, m) in ms.iter().enumerate() {
                if pairings.iter().all(|p| p.c != m.c) {
                    pairings.push(Pairing::new(&ms, m.c));
                }
                let fast = pairings
                    .iter()
                    .find(|p| p.c == m.c)
                    .and_then(|p| p.closer(i));
                assert_eq!(
                    Some(fast),
                    scan_closer(&ms, i, usize::MAX),
                    "{text:?} at {i}"
                );
                // A scan cut short says so, and only then.
                if scan_closer(&ms, i, 3).is_some() {
                    assert_eq!(scan_closer(&ms, i, 3), Some(fast), "{text:?} at {i}");
                }
            }
        }
    }

    #[test]
    fn titles_and_slogans() {
        for t in ["Harbour Talk Tonight", "The Silent Tide,", "Ride the Wave"] {
            assert!(is_title(t), "{t}");
        }
        for t in [
            "go for it",
            "New Jersey values",
            "Thank you Dover",
            "VOTE DOVER FIRST",
            "Always Dover, Always Ohio",
            "Wait. Dover Wins.",
            "It is what it is.",
            "Yes",
            "We will win in Ohio, believe me.",
        ] {
            assert!(!is_title(t), "{t}");
        }
    }

    #[test]
    fn apostrophes_and_unbalanced_marks() {
        assert_eq!(
            quoted("Trump’s stance isn’t new, it’s old."),
            Vec::<&str>::new()
        );
        assert_eq!(quoted("An \"open mark and no close."), Vec::<&str>::new());
        assert_eq!(
            quoted("“Open never closed. Then “a real one” here."),
            vec!["a real one"]
        );
        // Far from its mark: the closers are then found all at once, the same.
        let far = format!(
            "“Open never closed. {}Then “a real one” and “a “nested” one” here.",
            "word ".repeat(SCAN_MARKS / 4)
        );
        assert_eq!(quoted(&far), vec!["a real one", "a “nested” one"]);
        // Single marks inside double ones are nested, not quotations of their own.
        assert_eq!(
            quoted("“He said ‘go’ to me,” she said."),
            vec!["He said ‘go’ to me,"]
        );
    }
}
