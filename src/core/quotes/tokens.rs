//! A block's text outside its quotations, as words and punctuation, and where its
//! sentences end.
//!
//! Offsets come from `char_indices` and text is cut with `get()`: a word that ends
//! in a letter of several bytes (“Hi there,” 人ed.) is one more word, never a panic.

use super::lexicon::{has, ABBREVIATIONS};
use super::marks::Span;
use super::verbs::is_reporting_verb;
use crate::core::find;

/// One token of a block's text outside its quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// A word (letters, digits, inner apostrophes, hyphens, and the dots of an
    /// abbreviation such as "U.S.").
    Word(&'a str),
    /// A punctuation mark that matters to sentences and clauses.
    Punct(char),
    /// A quotation: the index of its [`Span`].
    Quote(usize),
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let mut chars = w.chars();
    let single_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_initial || find::has_char(w, '.') || has(ABBREVIATIONS, &w.to_ascii_lowercase())
}

/// Splits `text` into tokens, with each quotation of `spans` as one token.
/// Each token comes with its byte offset.
pub fn tokens<'a>(text: &'a str, spans: &[Span]) -> Vec<(usize, Tok<'a>)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    // The byte offset of character `k` (the text's length past the end).
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut next_span = 0;
    let mut i = 0;
    while let Some(&(p, c)) = chars.get(i) {
        if let Some(s) = spans.get(next_span) {
            if p >= s.open {
                out.push((s.open, Tok::Quote(next_span)));
                next_span += 1;
                while chars.get(i).is_some_and(|&(q, _)| q < s.close) {
                    i += 1;
                }
                continue;
            }
        }
        let limit = spans.get(next_span).map_or(text.len(), |s| s.open);
        let inside = |k: usize| pos(k) < limit;
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while inside(j) {
                let Some(d) = at(j) else { break };
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && inside(j + 1)
                    && at(j + 1).is_some_and(char::is_alphanumeric);
                if !(d.is_alphanumeric() || joins) {
                    break;
                }
                j += 1;
            }
            let word = text.get(p..pos(j)).unwrap_or("");
            // A dot right after the word belongs to it when it is an abbreviation.
            if inside(j) && at(j) == Some('.') && is_abbreviation(word) {
                j += 1;
            }
            out.push((p, Tok::Word(text.get(p..pos(j)).unwrap_or(word))));
            i = j;
        } else {
            if matches!(
                c,
                '.' | '!' | '?' | ',' | ';' | ':' | '—' | '–' | '―' | '(' | ')'
            ) {
                out.push((p, Tok::Punct(if c == '―' { '—' } else { c })));
            } else if c == '-' && at(i + 1) == Some('-') {
                out.push((p, Tok::Punct('—')));
                i += 1;
            }
            i += 1;
        }
    }
    out
}

/// Whether the tokens from `k` open with a short attribution ("Smith said",
/// "said Smith", "he asked", "Jane Smith replied"): a reporting verb within the
/// first four words, words only before it. A quotation that ends in "!" or "?" does
/// not end the sentence when its attribution follows.
fn attribution_follows(toks: &[(usize, Tok<'_>)], k: usize) -> bool {
    toks.iter()
        .skip(k)
        .take(4)
        .map_while(|(_, t)| match t {
            Tok::Word(w) => Some(*w),
            _ => None,
        })
        .any(|w| is_reporting_verb(w) || is_past(w))
}

/// Whether the tokens from `k` reply to a quotation with one of their own ("“Why
/// now?” Berg wrote back, “You look fine.”", "He answered: “...”"): that attribution
/// is the next quotation's, and the question someone else's.
fn answers_with_next(toks: &[(usize, Tok<'_>)], k: usize) -> bool {
    for j in k..k + 4 {
        if let Some((_, Tok::Word("back" | "answered" | "replied"))) = toks.get(j) {
            return matches!(toks.get(j + 1), Some((_, Tok::Punct(',' | ':'))))
                && matches!(toks.get(j + 2), Some((_, Tok::Quote(_))));
        }
    }
    false
}

/// A verb in the past the lexicon may not know ("barked", "beamed").
pub fn is_past(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the tokens from `k` are only a short attribution that ends the sentence
/// ("...here.” Quill said.", "...here.” said Ada Quill."): a quotation that ends
/// in a full stop still has it.
fn attribution_ends(toks: &[(usize, Tok<'_>)], k: usize) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .skip(k)
        .take(7)
        .map_while(|(_, t)| match t {
            Tok::Word(w) => Some(*w),
            _ => None,
        })
        .collect();
    let after = toks.get(k + words.len()).map(|(_, t)| *t);
    (1..=5).contains(&words.len())
        && matches!(after, None | Some(Tok::Punct('.')))
        && words.iter().any(|w| is_reporting_verb(w) || is_past(w))
}

/// The most tokens a sentence is read as. The longest sentence of the news the
/// finder is measured on has about 220; a longer run is text whose sentences do not
/// end (a paragraph of quotations joined by "and"), where the attribution of each
/// quotation, which reads its whole sentence, made the work grow with the square of
/// the paragraph and more. Such a run is cut into pieces of at most this many tokens.
pub const MAX_SENTENCE: usize = 500;

/// Pushes the sentence `from..to`, cut into pieces of at most [`MAX_SENTENCE`]
/// tokens: each piece ends at its last comma or semicolon past its middle (a
/// clause's end, so that a quotation keeps the attribution after it), else at the
/// bound.
fn push_bounded(out: &mut Vec<(usize, usize)>, toks: &[(usize, Tok<'_>)], from: usize, to: usize) {
    let mut from = from;
    while to - from > MAX_SENTENCE {
        let limit = from + MAX_SENTENCE;
        let cut = (from + MAX_SENTENCE / 2..limit)
            .rev()
            .find(|&k| matches!(toks.get(k), Some((_, Tok::Punct(',' | ';')))))
            .map_or(limit, |k| k + 1);
        out.push((from, cut));
        from = cut;
    }
    out.push((from, to));
}

/// The sentences of a token list, as ranges of token indexes (none longer than
/// [`MAX_SENTENCE`]). Quotations are opaque: a sentence ends inside one only at its
/// closing mark.
pub fn sentences(text: &str, spans: &[Span], toks: &[(usize, Tok<'_>)]) -> Vec<(usize, usize)> {
    let starts_sentence = |t: Option<&(usize, Tok<'_>)>| match t {
        None => true,
        Some((_, Tok::Word(w))) => w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        Some((_, Tok::Quote(_))) => true,
        Some((_, Tok::Punct(c))) => *c == '(',
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (k, (_, t)) in toks.iter().enumerate() {
        let ends = match t {
            Tok::Punct('.' | '!' | '?') => {
                !matches!(toks.get(k + 1), Some((_, Tok::Punct(_))))
                    && starts_sentence(toks.get(k + 1))
            }
            Tok::Quote(q) => {
                let inner = spans
                    .get(*q)
                    .and_then(|s| text.get(s.start..s.end))
                    .unwrap_or("")
                    .trim_end();
                find::ends_with_any(inner, &['.', '!', '?', '…'])
                    && !matches!(toks.get(k + 1), Some((_, Tok::Punct(_))))
                    && starts_sentence(toks.get(k + 1))
                    // After "?" or "!" an attribution belongs to the quotation; after
                    // "." it opens the next sentence ("...now." He added, "...").
                    && !(find::ends_with_any(inner, &['!', '?'])
                        && attribution_follows(toks, k + 1)
                        && !answers_with_next(toks, k + 1))
                    && !attribution_ends(toks, k + 1)
            }
            _ => false,
        };
        if ends {
            push_bounded(&mut out, toks, from, k + 1);
            from = k + 1;
        }
    }
    if from < toks.len() {
        push_bounded(&mut out, toks, from, toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::marks::spans;
    use super::*;

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let text =
            "U.S. Defense Secretary Pete Hegseth spoke. \"It ends. Now,\" he said. Mr. Smith left.";
        let sp = spans(text);
        let toks = tokens(text, &sp);
        let sents = sentences(text, &sp, &toks);
        assert_eq!(sents.len(), 3, "{toks:?}");
        assert_eq!(toks[0].1, Tok::Word("U.S."));
    }

    #[test]
    fn words_that_end_in_a_letter_of_several_bytes() {
        // Regression (the 人ed trap): byte offsets inside a multi-byte letter.
        for text in ["“Hi there,” 人ed.", "人.", "é-ü.x", "a’人", "Ω. Σ.", "--人"] {
            let sp = spans(text);
            let toks = tokens(text, &sp);
            for (p, t) in &toks {
                assert!(text.get(*p..).is_some(), "{text}");
                if let Tok::Word(w) = t {
                    assert!(!w.is_empty(), "{text}");
                }
            }
            let _ = sentences(text, &sp, &toks);
        }
        let text = "“Hi there,” 人ed.";
        let words: Vec<_> = tokens(text, &spans(text))
            .into_iter()
            .filter_map(|(_, t)| match t {
                Tok::Word(w) => Some(w),
                _ => None,
            })
            .collect();
        assert_eq!(words, ["人ed"]);
    }

    #[test]
    fn a_question_and_its_attribution_are_one_sentence() {
        let text = "“Who will pay for it?” Mira Holm asked. “Nobody knows.” The end.";
        let sp = spans(text);
        let toks = tokens(text, &sp);
        assert_eq!(sentences(text, &sp, &toks).len(), 3, "{toks:?}");
        // After a full stop the attribution is the next quotation's.
        let text = "Holm said it was “over now.” He added, “We go home.”";
        let sp = spans(text);
        let toks = tokens(text, &sp);
        assert_eq!(sentences(text, &sp, &toks).len(), 2, "{toks:?}");
        // Unless it ends the sentence; a verb the lexicon lacks counts too.
        for text in [
            "“It is over now.” Mira Holm said. The end.",
            "“It is over!” Mira Holm barked. The end.",
        ] {
            let sp = spans(text);
            let toks = tokens(text, &sp);
            assert_eq!(sentences(text, &sp, &toks).len(), 2, "{text}");
        }
    }

    #[test]
    fn a_sentence_that_never_ends_is_read_in_bounded_pieces() {
        let mut text = String::new();
        for _ in 0..400 {
            text.push_str("“We will rebuild the bridge,” said Maria Lopez, and ");
        }
        let sp = spans(&text);
        let toks = tokens(&text, &sp);
        assert!(toks.len() > 4 * MAX_SENTENCE);
        let sents = sentences(&text, &sp, &toks);
        assert!(sents
            .iter()
            .all(|&(lo, hi)| lo < hi && hi - lo <= MAX_SENTENCE));
        // The pieces cover the tokens in order, each cut after a comma.
        assert_eq!(sents.first().map(|s| s.0), Some(0));
        assert_eq!(sents.last().map(|s| s.1), Some(toks.len()));
        for w in sents.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert_eq!(toks.get(w[0].1 - 1).map(|t| t.1), Some(Tok::Punct(',')));
        }
        // A long sentence within the bound stays whole.
        let text = format!("{}.", "word, ".repeat(MAX_SENTENCE / 2 - 1));
        let toks = tokens(&text, &[]);
        assert_eq!(toks.len(), MAX_SENTENCE - 1);
        assert_eq!(sentences(&text, &[], &toks), [(0, toks.len())]);
    }

    #[test]
    fn dashes_of_every_kind() {
        let text = "A ― B -- C — D";
        let puncts = tokens(text, &[])
            .into_iter()
            .filter(|(_, t)| *t == Tok::Punct('—'))
            .count();
        assert_eq!(puncts, 3);
    }

    #[test]
    fn a_reply_with_a_quotation_of_its_own_opens_the_next_sentence() {
        for (text, n) in [
            ("“Why now?” Berg wrote back, “You look fine.”", 2),
            ("“Who will pay?” He answered: “Nobody knows.”", 2),
            ("“Who will pay?” Holm asked, “The town?”", 1),
        ] {
            let sp = spans(text);
            let toks = tokens(text, &sp);
            assert_eq!(sentences(text, &sp, &toks).len(), n, "{text}");
        }
    }
}
