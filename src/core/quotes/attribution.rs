//! Attribution: which name, pronoun or source in a quotation's sentence is its
//! speaker, from the reporting verb that ties them ("...," Hegseth said; said
//! Hegseth; according to X; Name: "...").

use super::lexicon::{has, BETWEEN, PREPOSITIONS};
use super::names::{is_pronoun, is_title, lower, word, Mention};
use super::tokens::Tok;
use super::verbs::{invertible, is_reporting_verb};

fn tok<'a>(toks: &[(usize, Tok<'a>)], i: usize) -> Option<Tok<'a>> {
    toks.get(i).map(|&(_, t)| t)
}

pub enum Who {
    /// A mention, by its index in the sentence's mentions: the subject of a reporting
    /// verb, so a new name is taken as a person.
    Named(usize),
    /// A mention that counts only if it is a person already known or clearly one
    /// (the subject of a sentence with no verb of saying beside it).
    Known(usize),
    /// A pronoun ("he", "she"), by its token index.
    Pronoun(usize),
}

fn who_at(toks: &[(usize, Tok<'_>)], ms: &[Mention], i: usize, ending: bool) -> Option<Who> {
    if word(toks, i).is_some_and(is_pronoun) {
        return Some(Who::Pronoun(i));
    }
    ms.iter()
        .position(|m| {
            if ending {
                m.to == i + 1
            } else {
                m.from <= i && i < m.to && !m.possessive
            }
        })
        .filter(|&k| !ending || ms.get(k).is_some_and(|m| !m.possessive))
        .map(Who::Named)
}

/// The subject right before the verb at `v` (skipping "also", "later", ...), or right
/// after it ("said Hegseth").
fn subject_of(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    v: usize,
    lo: usize,
    hi: usize,
) -> Option<Who> {
    let mut k = v;
    while k > lo {
        k -= 1;
        match tok(toks, k) {
            Some(Tok::Word(w)) if has(BETWEEN, &lower(w)) => continue,
            Some(Tok::Word(_)) => {
                if let Some(who) = who_at(toks, ms, k, true) {
                    // "Nick of Arachnid Labs says": the person, not the organisation.
                    if let Who::Named(m) = who {
                        let from = ms.get(m).map_or(0, |m| m.from);
                        if from >= 2 && word(toks, from - 1) == Some("of") {
                            if let Some(Who::Named(p)) = who_at(toks, ms, from - 2, true) {
                                return Some(Who::Named(p));
                            }
                        }
                    }
                    return Some(who);
                }
                break;
            }
            _ => break,
        }
    }
    if v + 1 < hi && word(toks, v).is_some_and(invertible) {
        if let Some(who) = who_at(toks, ms, v + 1, false) {
            return Some(who);
        }
    }
    None
}

/// The candidates for the speaker of the quotation at token `q` in the sentence
/// `toks[lo..hi]`, the likeliest first. The caller takes the first that names a
/// person it can resolve.
pub fn attribute(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    lo: usize,
    hi: usize,
    q: usize,
) -> Vec<Who> {
    let is_verb = |k: usize| word(toks, k).is_some_and(is_reporting_verb);
    // The frame around this quotation: up to the neighbouring quotations.
    let prev_q = (lo..q)
        .rev()
        .find(|&k| matches!(tok(toks, k), Some(Tok::Quote(_))))
        .map_or(lo, |k| k + 1);
    let next_q = (q + 1..hi)
        .find(|&k| matches!(tok(toks, k), Some(Tok::Quote(_))))
        .unwrap_or(hi);
    let mut out = Vec::new();

    // 1. After the quotation: "...," Hegseth said / said Hegseth / he said.
    for v in q + 1..next_q.min(q + 9) {
        if is_verb(v) {
            out.extend(subject_of(toks, ms, v, q + 1, next_q));
        }
    }
    // 2. A "Name:" right before the quotation.
    if q >= 2 && matches!(tok(toks, q - 1), Some(Tok::Punct(':'))) {
        out.extend(who_at(toks, ms, q - 2, true));
    }
    // 3. "according to X" anywhere in the sentence: the source of what follows.
    for k in lo..hi.saturating_sub(2) {
        if word(toks, k).is_some_and(|w| lower(w) == "according") && word(toks, k + 1) == Some("to")
        {
            out.extend(who_at(toks, ms, k + 2, false));
        }
    }
    // 4. Before it: the nearest reporting verb with its subject.
    for v in (prev_q..q).rev() {
        if is_verb(v) {
            out.extend(subject_of(toks, ms, v, lo, q));
        }
    }
    // 5. A reporting verb with no subject beside it ("Trump, echoing X, said ..."),
    //    or a quotation introduced by a colon ("... in his introduction: "..."): the
    //    sentence's subject, the first name or pronoun before the verb (or the
    //    quotation) that no preposition governs, if it is a person already.
    let colon = q >= 1 && matches!(tok(toks, q - 1), Some(Tok::Punct(':')));
    let verb = (lo..hi)
        .find(|&k| k != q && is_verb(k))
        .or(colon.then_some(q));
    if let Some(verb) = verb {
        out.extend(
            (lo..verb)
                .filter(|&k| {
                    k == lo || !word(toks, k - 1).is_some_and(|w| has(PREPOSITIONS, &lower(w)))
                })
                .filter(|&k| {
                    k == lo
                        || !matches!(tok(toks, k - 1), Some(Tok::Word(_)))
                        || word(toks, k - 1).is_some_and(is_title)
                })
                .find_map(|k| {
                    if word(toks, k).is_some_and(is_pronoun) {
                        return Some(Who::Pronoun(k));
                    }
                    ms.iter()
                        .position(|m| m.from == k && !m.possessive)
                        .map(Who::Known)
                }),
        );
    }
    out
}
