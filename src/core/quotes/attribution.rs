//! Attribution: which name, pronoun or source in a quotation's sentence is its
//! speaker, from the reporting verb that ties them ("...," Hegseth said; said
//! Hegseth; according to X; Name: "..."; "..." — Name).

use super::lexicon::{
    has, AFTER_NAME, BETWEEN, CLAUSE_OPENERS, DETERMINERS, ORG_NOUNS, PREPOSITIONS,
    STATEMENT_NOUNS, STOP,
};
use super::names::{is_cap, is_pronoun, is_title, lower, split_possessive, word, Mention};
use super::people::is_not_person;
use super::tokens::{is_past, Tok};
use super::verbs::{invertible, is_reporting_verb};
use super::{foreign, lang};
use crate::core::lexicon::is_calendar_word;

fn tok<'a>(toks: &[(usize, Tok<'a>)], i: usize) -> Option<Tok<'a>> {
    toks.get(i).map(|&(_, t)| t)
}

/// Who a quotation's frame names as its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A mention, by its index in the sentence's mentions: the subject of a reporting
    /// verb, so a new name is taken as a person (or, failing that, as an
    /// organisation speaking: "the White House said").
    Named(usize),
    /// A mention that counts only if it is a person already known or clearly one
    /// (the subject of a sentence with no verb of saying beside it).
    Known(usize),
    /// A pronoun ("he", "she"), by its token index.
    Pronoun(usize),
    /// A source the text describes without a name ("a senior adviser", "one
    /// Clinton aide", "the Vermont senator"), by its tokens `from..to`.
    Described(usize, usize),
    /// An outlet that relays the words ("..., Quill said, according to Radio
    /// Dover"), by its index in the mentions: a person only if one already known.
    Outlet(usize),
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
        // "a Harbour Board comment", "an Oslo-style retort": a name that an article
        // opens modifies a noun; it is no subject.
        .filter(|&k| {
            ms.get(k).is_some_and(|m| {
                m.from == 0
                    || !word(toks, m.from - 1).is_some_and(|w| matches!(&*lower(w), "a" | "an"))
            })
        })
        .map(Who::Named)
}

/// Whether the name at token `from` is governed by a preposition: right before it,
/// over "the", or before the name it follows after a comma ("in Salem, Oregon").
fn governed(toks: &[(usize, Tok<'_>)], ms: &[Mention], from: usize, lo: usize) -> bool {
    let mut k = from;
    while k > lo {
        match tok(toks, k - 1) {
            Some(Tok::Word(w)) if has(PREPOSITIONS, &lower(w)) || foreign::is_preposition(w) => {
                return true
            }
            Some(Tok::Word(w))
                if w.eq_ignore_ascii_case("the") || foreign::definite(w).is_some() =>
            {
                k -= 1
            }
            // Not "In Salem, Ada Quill said": the name after the comma ends its
            // clause too.
            // A place, or a name of one word: not "the head of the Harbour Board, Ada
            // Quill, said".
            Some(Tok::Punct(','))
                if ms.iter().any(|m| {
                    m.from == k
                        && !matches!(tok(toks, m.to), Some(Tok::Word(_)))
                        && (m.name.len() == 1 || is_not_person(m))
                }) =>
            {
                match ms.iter().find(|m| m.to + 1 == k) {
                    Some(m) => k = m.from,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    false
}

/// Whether token `k` ends a clause for a description's sake: the frame's edge, a
/// punctuation mark, or a quotation.
fn clause_edge(toks: &[(usize, Tok<'_>)], k: usize) -> bool {
    !matches!(tok(toks, k), Some(Tok::Word(_)))
}

/// Whether `w` ends a description: a relative pronoun, an auxiliary after its first
/// word ("the Oslo senator would"), or a verb of saying. A capitalised word is a
/// name's ("a State Department official"), even when it spells a verb.
fn ends_description(w: &str, past_first: bool) -> bool {
    let l = lower(w);
    if matches!(&*l, "who" | "whose" | "which" | "that") {
        return true;
    }
    // "die Ministerin bei einem Besuch": a preposition ends it in the other
    // languages, where the description is the whole subject.
    !is_cap(w)
        && ((past_first && (has(BETWEEN, &l) || foreign::is_preposition(w)))
            || is_reporting_verb(w))
}

/// A description starting at token `from` with a determiner ("a senior adviser",
/// "one Clinton aide", "the party's treasurer"): its end, at the next punctuation
/// mark, quotation, relative pronoun or verb, within twelve words.
fn description_from(toks: &[(usize, Tok<'_>)], from: usize, hi: usize) -> Option<usize> {
    // A name's possessive works as a determiner: "Quill's campaign", "Quill's
    // lawyer".
    let possessive = |w: &str| is_cap(w) && split_possessive(w).1;
    let by_name = word(toks, from).is_some_and(possessive);
    if !by_name
        && !word(toks, from).is_some_and(|w| has(DETERMINERS, &lower(w)) || foreign::is_article(w))
    {
        return None;
    }
    // After a name, a role of a word or two ("Quill's press secretary").
    let longest = if by_name { 3 } else { 13 };
    let mut k = from + 1;
    while k < hi && k < from + longest {
        match word(toks, k) {
            Some(w) if !ends_description(w, k > from + 1) => k += 1,
            _ => break,
        }
    }
    (k > from + 1 && (k >= hi || clause_edge(toks, k) || word(toks, k).is_some())).then_some(k)
}

/// The subjects of the clause `toks[lo..to]`, in order: its names and pronouns that
/// open a clause (after a comma, a conjunction, "the" or a title) and that no
/// preposition governs.
fn clause_subject(toks: &[(usize, Tok<'_>)], ms: &[Mention], lo: usize, to: usize) -> Vec<Who> {
    let governed = |k: usize| governed(toks, ms, k, lo);
    (lo..to)
        .filter(|&k| !governed(k))
        .filter(|&k| {
            k == lo
                || !matches!(tok(toks, k - 1), Some(Tok::Word(_)))
                || word(toks, k - 1).is_some_and(|w| {
                    is_title(w)
                        || (w.eq_ignore_ascii_case("the") && !governed(k - 1))
                        || has(CLAUSE_OPENERS, &lower(w))
                })
        })
        .filter_map(|k| {
            if word(toks, k).is_some_and(is_pronoun) {
                return Some(Who::Pronoun(k));
            }
            // "One Harbour Party aide has called it “...”", "The Oslo harbour master
            // told ...": a description that opens the clause, up to its verb.
            // It ends at its verb (or an auxiliary), and "the" needs a name or a
            // role in it ("the talk was" is no source).
            if let Some(det) = word(toks, k).map(lower) {
                if matches!(&*det, "a" | "an" | "one" | "the") {
                    let at_verb = |end: usize| {
                        word(toks, end)
                            .is_some_and(|w| is_reporting_verb(w) || has(BETWEEN, &lower(w)))
                    };
                    let says_who = |end: usize| {
                        &*det != "the"
                            || (k + 1..end)
                                .any(|j| word(toks, j).is_some_and(|w| is_cap(w) || is_title(w)))
                    };
                    return description_from(toks, k, to)
                        .filter(|&end| end < to && end > k + 1 && at_verb(end) && says_who(end))
                        .map(|end| Who::Described(k, end));
                }
            }
            // "Quill's campaign said": the campaign, by its candidate's name.
            if let Some(m) = ms.iter().find(|m| m.from == k && m.possessive) {
                return word(toks, m.to)
                    .is_some_and(|w| has(ORG_NOUNS, &lower(w)))
                    .then_some(Who::Described(m.to - 1, m.to + 1));
            }
            // Not a label ("CALLOWAY: Well, ..."): a transcript's speaker.
            ms.iter()
                .position(|m| {
                    m.from == k
                        && !m.possessive
                        && !matches!(tok(toks, m.to), Some(Tok::Punct(':')))
                })
                .map(|i| {
                    // "Quill and Berg issued a statement": the two of them.
                    let pair = ms
                        .get(i)
                        .filter(|a| word(toks, a.to) == Some("and"))
                        .and_then(|a| {
                            ms.iter()
                                .find(|b| {
                                    b.from == a.to + 1
                                        && !b.possessive
                                        && word(toks, b.to).is_some()
                                })
                                .map(|b| Who::Described(a.from, b.to))
                        });
                    pair.unwrap_or(Who::Known(i))
                })
        })
        .take(4)
        .collect()
}

/// The subject right before the verb at `v` (skipping "also", "later", ..., and an
/// appositive between commas), or right after it ("said Hegseth", "added a
/// spokeswoman").
fn subject_of(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    v: usize,
    lo: usize,
    hi: usize,
) -> Option<Who> {
    // "dit-il", "répond-elle": the verb holds its subject.
    if word(toks, v).is_some_and(|w| foreign::inverted(w).is_some()) {
        return Some(Who::Pronoun(v));
    }
    // "Quill was asked by host Ola Berg": the one who asked.
    if v > lo
        && v + 2 < hi
        && word(toks, v + 1) == Some("by")
        && word(toks, v - 1).is_some_and(|w| matches!(w, "was" | "is" | "were" | "been"))
    {
        if let Some(who @ Who::Named(_)) = who_at(toks, ms, v + 2, false) {
            return Some(who);
        }
    }
    let mut k = v;
    while k > lo {
        k -= 1;
        match tok(toks, k) {
            Some(Tok::Word(w)) if has(BETWEEN, &lower(w)) || foreign::is_auxiliary(w) => continue,
            // "Quill smiled and said": over the verb before "and".
            Some(Tok::Word("and")) if k > lo + 1 && word(toks, k - 1).is_some_and(is_past) => {
                k -= 1;
                continue;
            }
            Some(Tok::Word(_)) => {
                if let Some(who) = who_at(toks, ms, k, true) {
                    // "Quill said he has put together “...”", "Quill, noting that
                    // he ...": the pronoun is the subject of the verb before it.
                    if let Who::Pronoun(p) = who {
                        let before = (p >= 2 && word(toks, p - 1) == Some("that"))
                            .then(|| p - 2)
                            .or(p.checked_sub(1))
                            .filter(|&b| {
                                b > lo && b < v && word(toks, b).is_some_and(is_reporting_verb)
                            });
                        if let Some(outer) = before.and_then(|b| subject_of(toks, ms, b, lo, hi)) {
                            return Some(outer);
                        }
                    }
                    // "Nick of Arachnid Labs says": the person, not the organisation.
                    if let Who::Named(m) = who {
                        let from = ms.get(m).map_or(0, |m| m.from);
                        if from >= 2 && word(toks, from - 1) == Some("of") {
                            if let Some(Who::Named(p)) = who_at(toks, ms, from - 2, true) {
                                return Some(Who::Named(p));
                            }
                        }
                        // "Quill's Facebook post": a noun of things said, the words of
                        // the one whose it is.
                        if has(STATEMENT_NOUNS, word(toks, v).unwrap_or_default()) {
                            if let Some(p) = ms.iter().position(|o| {
                                o.possessive && Some(o.to) == ms.get(m).map(|x| x.from)
                            }) {
                                return Some(Who::Named(p));
                            }
                        }
                    }
                    return Some(who);
                }
                // "..." one Clinton aide said: a description that opens the clause.
                let start = (lo..=k)
                    .rev()
                    .take(8)
                    .take_while(|&j| matches!(tok(toks, j), Some(Tok::Word(_))))
                    .last();
                if let Some(s) = start.filter(|&s| s == lo || clause_edge(toks, s - 1)) {
                    if description_from(toks, s, v) == Some(v) {
                        return Some(Who::Described(s, v));
                    }
                }
                break;
            }
            // "Jane Smith, the harbour master, said": over the appositive to the name.
            // "Jane Smith, the harbour master, said", "the assailant, John Doe,
            // told", "Jane Smith, Republican of Ohio, said": the name right before
            // this comma, else before an earlier one (the appositive between).
            // "Ada Quill (D-Kent) said": over the parenthesis to the name.
            Some(Tok::Punct(')')) => {
                let open = (lo..k)
                    .rev()
                    .take(8)
                    .find(|&j| matches!(tok(toks, j), Some(Tok::Punct('('))));
                match open {
                    Some(j) => {
                        k = j;
                        continue;
                    }
                    None => break,
                }
            }
            Some(Tok::Punct(',')) if k + 1 == v => {
                // "“...” that Berg can catch Holm, said Ada Quill, an aide": the name
                // after an inverted verb, ending its clause, speaks; the one before
                // the comma is what was said about. Not "Ada Quill, an aide, says
                // Holm will ...", where it is the subject of what was said.
                if let (Some("said"), Some(Who::Named(i))) =
                    (word(toks, v), who_at(toks, ms, v + 1, false))
                {
                    if let Some(m) = ms.get(i) {
                        if !matches!(tok(toks, m.to), Some(Tok::Word(_) | Tok::Quote(_))) {
                            break;
                        }
                    }
                }
                // A name a preposition governs ("master of Vigo") is no subject.
                // After a participle ("Quill went after Berg, calling him “...”"), only
                // the clause's first such name: the main clause's subject.
                let ing = word(toks, v).is_some_and(|w| w.ends_with("ing"));
                let free_at = |m: &Mention| !governed(toks, ms, m.from, lo);
                let first = ms
                    .iter()
                    .position(|m| m.from >= lo && !m.possessive && free_at(m));
                let free = |who: &Who| match *who {
                    Who::Named(m) => ms.get(m).is_some_and(free_at) && (!ing || first == Some(m)),
                    _ => true,
                };
                // The commas of the clause, the first first: its subject is the name
                // before the earliest one ("Clinton, at a meeting in Columbus, Ohio,
                // said": Clinton, not Ohio).
                let mut commas: Vec<usize> = (lo..=k)
                    .rev()
                    .take(40)
                    .take_while(|&j| !matches!(tok(toks, j), Some(Tok::Quote(_))))
                    .filter(|&j| j > lo && matches!(tok(toks, j), Some(Tok::Punct(','))))
                    .collect();
                commas.reverse();
                for c in commas {
                    // "Quill (D-Kent), noting the size of it, said": over the
                    // parenthesis.
                    let at = if matches!(tok(toks, c - 1), Some(Tok::Punct(')'))) {
                        (lo..c)
                            .rev()
                            .take(8)
                            .find(|&j| matches!(tok(toks, j), Some(Tok::Punct('('))))
                            .map_or(c - 1, |j| j.saturating_sub(1))
                    } else {
                        c - 1
                    };
                    if let Some(who) = who_at(toks, ms, at, true).filter(free) {
                        return Some(who);
                    }
                }
                // "Sanders stepped up his attacks, saying ...": a participle after a
                // comma has the main clause's subject, found below (step 6).
                break;
            }
            _ => break,
        }
    }
    if v + 1 < hi && word(toks, v).is_some_and(invertible) {
        // "said Ada Quill." or "said Ada Quill on Monday", not "said Ada Quill is
        // ...": there the name is the subject of what was said.
        let ends_clause = |who: &Who| match *who {
            Who::Named(m) => ms.get(m).is_some_and(|m| match word(toks, m.to) {
                // "says Ali “...”": the name is what the quotation is about.
                None => !matches!(tok(toks, m.to), Some(Tok::Quote(_))),
                Some(w) => {
                    let l = lower(w);
                    // Any word in the other languages: "dijo Molina a los
                    // periodistas", "sagte Kühn der Zeitung".
                    is_cap(w)
                        || has(PREPOSITIONS, &l)
                        || is_calendar_word(&l)
                        || has(AFTER_NAME, &l)
                        || lang::foreign()
                }
            }),
            // "said he." but not "saying he “...”", "says he is": there the pronoun is
            // the subject of what was said.
            // "fügte er hinzu", "sagte sie unter Tränen".
            Who::Pronoun(p) => match tok(toks, p + 1) {
                Some(Tok::Word(_)) => lang::foreign(),
                Some(Tok::Quote(_)) => false,
                _ => true,
            },
            _ => true,
        };
        if let Some(who) = who_at(toks, ms, v + 1, false).filter(ends_clause) {
            return Some(who);
        }
        if let Some(who) = named_after_role(toks, ms, v + 1, hi).filter(ends_clause) {
            return Some(who);
        }
        // "said the Florida senator can “...”": the subject of what was said.
        let embedded = |end: usize| {
            matches!(tok(toks, end), Some(Tok::Quote(_)))
                || word(toks, end).is_some_and(|w| w != "who" && has(BETWEEN, &lower(w)))
        };
        if let Some(end) = description_from(toks, v + 1, hi).filter(|&e| !embedded(e)) {
            // "said his oldest friend, Bruce Doe": the name in apposition. In the
            // other languages the role runs on after a preposition first ("ha detto
            // il segretario regionale del sindacato, Franco Leone").
            let comma = if lang::foreign() {
                (end..hi.min(end + 10))
                    .take_while(|&j| matches!(tok(toks, j), Some(Tok::Word(_) | Tok::Punct(','))))
                    .find(|&j| matches!(tok(toks, j), Some(Tok::Punct(','))))
            } else {
                Some(end).filter(|&e| matches!(tok(toks, e), Some(Tok::Punct(','))))
            };
            if let Some(c) = comma {
                if let Some(who @ Who::Named(_)) = who_at(toks, ms, c + 1, false) {
                    return Some(who);
                }
            }
            // "said the town's harbour pilot Ada Quill": the name the role ends in.
            if let Some(k) = ms.iter().position(|m| {
                m.to == end
                    && (m.from > v + 2 || (lang::foreign() && m.from > v + 1))
                    && !m.possessive
                    && !word(toks, m.from - 1).is_some_and(|w| has(PREPOSITIONS, &lower(w)))
            }) {
                return Some(Who::Named(k));
            }
            return Some(Who::Described(v + 1, end));
        }
    }
    None
}

/// A name and a verb in the past (or the verb, then the name) at `at`, the clause
/// ending after them: "Quill barked.", "Quill charged in her speech", "beamed
/// Ada Quill of Dover".
fn name_and_past_verb(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    at: usize,
    hi: usize,
) -> Option<Who> {
    // In the other languages any verb, by what it is not: "», soupire Bernard
    // Chollet", "», s'inquiète Annie Perrot".
    let past = |k: usize| word(toks, k).is_some_and(|w| is_past(w) || foreign_verb(w));
    let ends = |k: usize| {
        k >= hi
            || match tok(toks, k) {
                Some(Tok::Word(w)) => has(PREPOSITIONS, &lower(w)) || has(AFTER_NAME, &lower(w)),
                Some(Tok::Punct(_)) | None => true,
                Some(Tok::Quote(_)) => false,
            }
    };
    let name = |k: usize| ms.iter().position(|m| m.from == k && !m.possessive);
    if let Some(i) = name(at) {
        let to = ms.get(i).map_or(at, |m| m.to);
        return (past(to) && ends(to + 1)).then_some(Who::Named(i));
    }
    let i = name(at + 1).filter(|_| past(at))?;
    let to = ms.get(i).map_or(at, |m| m.to);
    ends(to).then_some(Who::Named(i))
}

/// Whether a word of a language other than English may be a verb: in lower case,
/// four letters or more, and no function word, preposition, article or auxiliary.
fn foreign_verb(w: &str) -> bool {
    lang::foreign()
        && !is_cap(w)
        && w.chars().count() >= 4
        && !foreign::is_stop(w)
        && !foreign::is_preposition(w)
        && !foreign::is_article(w)
        && !foreign::is_auxiliary(w)
}

/// A name after role words that follow an inverted verb ("said pollster Ada Quill",
/// "said former tech executive Ada Quill", "said the town's harbour master Ada
/// Quill"): at most five words before it, none a function word, a preposition or a
/// verb of saying (a possessive name among them is part of the role).
fn named_after_role(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    from: usize,
    hi: usize,
) -> Option<Who> {
    let mut k = from;
    while k < hi && k < from + 6 {
        // A name that opens the role is the role's ("said Harbour pollster Ada
        // Quill"), and so is a possessive one ("said the town's pilot Ada Quill").
        if let Some((i, m)) = ms.iter().enumerate().find(|(_, m)| m.from == k) {
            if !m.possessive && k > from {
                return Some(Who::Named(i));
            }
            k = m.to;
            continue;
        }
        let w = word(toks, k)?;
        let l = lower(w);
        if has(STOP, &l)
            || has(PREPOSITIONS, &l)
            || foreign::is_preposition(w)
            || is_reporting_verb(w)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// The outlet that relays a quotation its frame has attributed already ("...," Quill
/// said, according to Radio Dover / reports Radio Dover / the Dover Gazette reported):
/// news gives the words as the outlet's.
fn relayed_by(toks: &[(usize, Tok<'_>)], ms: &[Mention], q: usize, hi: usize) -> Option<Who> {
    let the = |j: usize| j + usize::from(word(toks, j).is_some_and(|w| lower(w) == "the"));
    let reports = |j: usize| word(toks, j).is_some_and(|w| matches!(w, "reports" | "reported"));
    let mut spoke = false;
    for k in q + 1..hi {
        match tok(toks, k) {
            Some(Tok::Word(w)) => spoke |= is_reporting_verb(w),
            Some(Tok::Punct(',')) if spoke => {
                let at = if word(toks, k + 1).is_some_and(|w| lower(w) == "according")
                    && word(toks, k + 2) == Some("to")
                {
                    the(k + 3)
                } else if reports(k + 1) {
                    the(k + 2)
                } else {
                    let at = the(k + 1);
                    match ms.iter().find(|m| m.from == at && !m.possessive) {
                        Some(m) if reports(m.to) => at,
                        _ => continue,
                    }
                };
                return match who_at(toks, ms, at, false) {
                    Some(Who::Named(m)) => Some(Who::Outlet(m)),
                    _ => description_from(toks, at, hi).map(|end| Who::Described(at, end)),
                };
            }
            _ => {}
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
    // "Quill was asked, “...?”": a question put to Quill by someone the text does
    // not name. An empty description: a frame, and no speaker.
    if q >= lo + 3
        && word(toks, q - 2) == Some("asked")
        && word(toks, q - 3) == Some("was")
        && matches!(tok(toks, q - 1), Some(Tok::Punct(_)))
    {
        return vec![Who::Described(q, q)];
    }
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
    out.extend(relayed_by(toks, ms, q, next_q));
    // The nearest reporting verb before the quotation with its subject (step 5):
    // before all that comes after it when the quotation is that verb's object
    // ("Quill claimed that “...”, one of Berg's aides said").
    let mut before = Vec::new();
    for v in (prev_q..q).rev() {
        if is_verb(v) {
            before.extend(subject_of(toks, ms, v, lo, q));
        }
    }
    let object = q > prev_q
        && (is_verb(q - 1) || (word(toks, q - 1) == Some("that") && (prev_q..q - 1).any(is_verb)));
    if object {
        out.append(&mut before);
    }

    // 1. After the quotation: "...," Hegseth said / said Hegseth / he said.
    // Not the verb of a relative clause ("“...” of Berg, whom she called", "in a
    // finish that he said was fine"): it is about someone else, up to its comma.
    // Nor one of a clause that a conjunction opens after the quotation ("Quill
    // accuses Berg of “...” and Rand says ...").
    // Up to its comma: "“...” and against the plan, Quill said" is one clause.
    let mut new_clause = word(toks, q + 1).is_some_and(|w| {
        matches!(
            &*lower(w),
            "and" | "but" | "while" | "whereas" | "because" | "although"
        )
    }) && (word(toks, q + 2).is_some_and(is_pronoun)
        || ms.iter().any(|m| m.from == q + 2));
    let after = if new_clause { q + 1 } else { next_q };
    let mut relative = false;
    for v in q + 1..next_q.min(q + 40) {
        match tok(toks, v) {
            Some(Tok::Punct(',')) => {
                relative = false;
                new_clause = false;
            }
            Some(Tok::Word(w)) if matches!(&*lower(w), "that" | "whom" | "whose" | "which") => {
                relative = true;
            }
            _ => {}
        }
        if is_verb(v) && !relative && !new_clause {
            let had = out.len();
            out.extend(subject_of(toks, ms, v, q + 1, next_q));
            // "«...», añadió.": Spanish, Portuguese and Italian leave the subject
            // out; the verb right after the quotation speaks for the person last
            // named, as "he" would.
            let named = out
                .get(had..)
                .unwrap_or_default()
                .iter()
                .any(|w| !matches!(w, Who::Described(..)));
            if !named && lang::current().drops_subject() && v <= q + 3 {
                out.push(Who::Pronoun(v));
            }
        }
    }
    // 1b. Right after the quotation, a name and a verb in the past that the
    //     lexicon does not know ("...,” Quill barked.", "...,” beamed Ada
    //     Quill."): news attributes a quotation so, whatever the verb.
    // The other languages set the comma outside the marks: "«...», soupire X".
    let past_at =
        q + 1 + usize::from(lang::foreign() && matches!(tok(toks, q + 1), Some(Tok::Punct(','))));
    if let Some(who) = name_and_past_verb(toks, ms, past_at, after) {
        out.push(who);
    }
    // 2. A dash right after the quotation: "..." — Jane Smith, 34, of Leeds.
    if matches!(tok(toks, q + 1), Some(Tok::Punct('—' | '–'))) {
        out.extend(who_at(toks, ms, q + 2, false));
    }
    // 3. A "Name:" right before the quotation; else the subject of the clause the
    //    colon ends ("When X asked, Rubio fired back: "...""), the name after its
    //    last comma.
    if q >= 2 && matches!(tok(toks, q - 1), Some(Tok::Punct(':'))) {
        // Not the one spoken to ("telling CNBC:", "told the Valley Gazette:", "to
        // the Dutch daily Harbour Post:").
        let addressed = |who: &Who| match *who {
            // The words right before the name, back to a mark: a verb or a
            // preposition among the last two, or "to" among the last four.
            Who::Named(m) => ms.get(m).is_some_and(|m| {
                let mut j = m.from;
                while j + 4 > m.from && j > 0 {
                    j -= 1;
                    let Some(w) = word(toks, j) else { break };
                    if w == "to"
                        || (j + 2 >= m.from
                            && (is_reporting_verb(w) || has(PREPOSITIONS, &lower(w))))
                    {
                        return true;
                    }
                }
                false
            }),
            _ => false,
        };
        out.extend(who_at(toks, ms, q - 2, true).filter(|w| !addressed(w)));
        let clause = (prev_q..q - 1)
            .rev()
            .find(|&k| matches!(tok(toks, k), Some(Tok::Punct(','))));
        if let Some(c) = clause {
            out.extend(who_at(toks, ms, c + 1, false));
        }
    }
    // 4. "according to X" anywhere in the sentence: the source of what follows.
    for k in lo..hi.saturating_sub(2) {
        if word(toks, k).is_some_and(|w| lower(w) == "according") && word(toks, k + 1) == Some("to")
        {
            // "according to the Valley Gazette": the name after the article.
            let at = if word(toks, k + 2).is_some_and(|w| lower(w) == "the")
                && word(toks, k + 3).is_some_and(is_cap)
            {
                k + 3
            } else {
                k + 2
            };
            out.extend(who_at(toks, ms, at, false));
            if let Some(end) = description_from(toks, k + 2, hi) {
                out.push(Who::Described(k + 2, end));
            }
        }
    }
    // 4b. The same in the other languages: "selon X", "según X", "laut X", "secondo
    //     lui", and at a clause's start "pour X,", "para X,", "..., so X."; over a
    //     role to the name in apposition ("Según el portavoz del partido, Andrés
    //     Molina, ...").
    if lang::foreign() {
        for k in lo..hi {
            let opening = k == lo || matches!(tok(toks, k - 1), Some(Tok::Punct(_)));
            if !word(toks, k).is_some_and(|w| foreign::is_according(w, opening)) {
                continue;
            }
            // The pronoun or name right after it, else the first name of its
            // clause ("Para el entomólogo Luis Herrero", "Según el portavoz del
            // partido, Andrés Molina").
            let first_name = || {
                ms.iter()
                    .position(|m| {
                        m.from > k
                            && m.from <= k + 12
                            && !m.possessive
                            && !word(toks, m.from - 1).is_some_and(foreign::is_preposition)
                            && (k + 1..m.from).all(|j| {
                                matches!(tok(toks, j), Some(Tok::Word(_) | Tok::Punct(',')))
                            })
                    })
                    .map(Who::Named)
            };
            out.extend(who_at(toks, ms, k + 1, false).or_else(first_name));
        }
    }
    // 5. Before it: the nearest reporting verb with its subject (taken first, above,
    //    when the quotation is that verb's object).
    if !object {
        out.extend(before);
    }
    // 6. A reporting verb with no subject beside it ("Trump, echoing X, said ..."), a
    //    statement ("X issued a statement: ..."), a quotation introduced by a colon,
    //    or none of these ("Rubio bemoaned a climate in which people "hate each
    //    other""): the sentence's subject, the first name or pronoun before the verb
    //    (or the quotation) that no preposition governs, if it is a person already.
    let verb = (lo..hi)
        .find(|&k| {
            k != q && (is_verb(k) || word(toks, k).is_some_and(|w| has(STATEMENT_NOUNS, &lower(w))))
        })
        .filter(|&k| k < q)
        .unwrap_or(q);
    let subjects = clause_subject(toks, ms, lo, verb);
    out.extend(subjects.iter().copied());
    if verb < q {
        // With a verb of saying, the subject nearest it speaks, even one not named
        // before ("Quill went on to say, “...”", "Quill lashed out, saying “...”").
        if let Some(&Who::Known(m)) = subjects.last() {
            out.push(Who::Named(m));
        }
        // A participle that opens the sentence has no subject before it ("Speaking
        // to Radio Dover on Monday, Quill called him “...”"): the subject before
        // the quotation, then.
        out.extend(clause_subject(toks, ms, lo, q));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::marks::spans;
    use super::super::names::mentions;
    use super::super::tokens::tokens;
    use super::*;

    /// The first candidate for the first quotation of `text`, as words.
    fn first(text: &str) -> Option<String> {
        let sp = spans(text);
        let toks = tokens(text, &sp);
        let ms = mentions(&toks);
        let q = toks.iter().position(|(_, t)| matches!(t, Tok::Quote(_)))?;
        let words = |a: usize, b: usize| {
            (a..b)
                .filter_map(|k| word(&toks, k))
                .collect::<Vec<_>>()
                .join(" ")
        };
        match attribute(&toks, &ms, 0, toks.len(), q).first()? {
            Who::Named(m) | Who::Known(m) | Who::Outlet(m) => ms.get(*m).map(|m| m.name.join(" ")),
            Who::Pronoun(p) => word(&toks, *p).map(str::to_string),
            Who::Described(a, b) => Some(words(*a, *b)),
        }
    }

    #[test]
    fn descriptions_without_a_name() {
        assert_eq!(
            first("“The vote is lost,” one Harbour Party aide said on Friday."),
            Some("one Harbour Party aide".into())
        );
        assert_eq!(
            first("“The vote is lost,” said a senior adviser to the mayor, who asked not to be named."),
            Some("a senior adviser to the mayor".into())
        );
    }

    #[test]
    fn the_outlet_that_relays_the_words() {
        for (text, who) in [
            (
                "“The pier will hold,” Mira Holm said, according to the Harbour Gazette.",
                "Harbour Gazette",
            ),
            (
                "“The pier will hold,” said Mira Holm, the mayor, reports Radio Dover.",
                "Radio Dover",
            ),
            (
                "“The pier will hold,” Mira Holm said on Monday, the Harbour Gazette reported.",
                "Harbour Gazette",
            ),
            (
                "“The pier will hold,” Holm told reporters, according to a Radio Dover account.",
                "a Radio Dover account",
            ),
            (
                "“The pier will hold,” Mira Holm said, adding that Ola Berg agreed.",
                "Mira Holm",
            ),
        ] {
            assert_eq!(first(text).as_deref(), Some(who), "{text}");
        }
    }

    #[test]
    fn not_the_verb_of_a_clause_a_conjunction_opens_after_it() {
        assert_eq!(
            first("Mira Holm accuses Ola Berg of “sinking the port” and Bo Rand says he is “losing the town.”"),
            Some("Mira Holm".into())
        );
        // One clause up to its comma.
        assert_eq!(
            first("“The pier will hold” and against all odds, Mira Holm said."),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_quotation_as_the_object_of_the_verb_before_it() {
        assert_eq!(
            first("But even as Mira Holm claimed on Monday that “the pier will hold for years,” one of the harbour pilots said the tide was late."),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_one_who_asks_in_the_passive() {
        assert_eq!(
            first(
                "Mira Holm was asked by host Ola Berg whether the ferry would “ever sail again.”"
            ),
            Some("Ola Berg".into())
        );
    }

    #[test]
    fn two_names_speak_together() {
        assert_eq!(
            first("Mira Holm and Ola Berg issued a statement calling the plan “a step toward a new pier.”"),
            Some("Mira Holm and Ola Berg".into())
        );
    }

    #[test]
    fn over_a_verb_and_and() {
        assert_eq!(
            first("When asked whom she backed, Mira Holm smiled and said, “I am waiting for Ola Berg.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn a_role_in_lower_case_before_the_name() {
        assert_eq!(
            first("Harbour Party front-runner Mira Holm is questioning whether the ferry would “ever sail again.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn over_a_long_appositive() {
        assert_eq!(
            first("“We stay,” Holm, the harbour master of the town and the longest serving pilot on the whole coast by a wide margin after her win in the Vigo race, said when Ola Berg asked her."),
            Some("Holm".into())
        );
    }

    #[test]
    fn not_a_name_that_modifies_a_noun() {
        assert_eq!(
            first("Mira Holm posted a Harbour Board comment of her own, saying, “We stay.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn a_place_after_a_governed_place_and_a_participle() {
        assert_eq!(
            first("Speaking at a fair in Bergen, Norway, Mira Holm went after Ola Berg, calling him “a coward.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("The town's stance toward Norway, which the mayor, Mira Holm, called “a friend,” has softened."),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn a_pronoun_after_a_participle_is_what_was_said_about() {
        assert_eq!(
            first("Mira Holm, the mayor of Vigo, endorsed Ola Berg on Friday, saying he “never lost a boat.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("After the race, Mira Holm praised Ola Berg and said he “never lost a boat.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_subject_of_the_clause_a_colon_ends() {
        assert_eq!(
            first("When Bo Rand said the ferry was late, Mira Holm fired back: “It never is.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn over_an_appositive_to_the_name() {
        assert_eq!(
            first("Tomas Ruiz, the harbour master of Vigo, warned, “Nobody sails today.”"),
            Some("Tomas Ruiz".into())
        );
    }

    #[test]
    fn a_name_in_apposition() {
        assert_eq!(
            first("“We warned them,” the skipper, Ola Berg, told the radio."),
            Some("Ola Berg".into())
        );
        assert_eq!(
            first("“We warned them,” Ola Berg, Liberal of Bergen, said."),
            Some("Ola Berg".into())
        );
        assert_eq!(
            first("“We warned them,” said his oldest friend, Ola Berg, who was there."),
            Some("Ola Berg".into())
        );
        assert_eq!(
            first("“We warned them,” said a Coast Guard officer."),
            Some("a Coast Guard officer".into())
        );
    }

    #[test]
    fn a_name_after_role_words_after_the_verb() {
        assert_eq!(
            first("“The tide is late,” said pollster Ada Quill."),
            Some("Ada Quill".into())
        );
        assert_eq!(
            first("“The tide is late,” said former ferry executive Ada Quill on Friday."),
            Some("Ada Quill".into())
        );
        assert_eq!(
            first("“The tide is late,” said the council's harbour pilot Ada Quill."),
            Some("Ada Quill".into())
        );
        assert_eq!(
            first("“The tide is late,” said Dover pollster Ada Quill."),
            Some("Ada Quill".into())
        );
        // Not a name governed by a preposition, nor one past a clause.
        assert_eq!(
            first("“The tide is late,” said reporters at Radio Dover."),
            None
        );
        assert_eq!(
            first("“The tide is late,” said everyone that Ada Quill met."),
            None
        );
    }

    #[test]
    fn an_inverted_verb_and_the_subject_of_what_was_said() {
        assert_eq!(
            first("Mira Holm (D-Kent) said Ola Berg is “not fit for the job.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm said Ola Berg was “not fit for the job.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("“Not fit for the job,” said Ola Berg on Monday."),
            Some("Ola Berg".into())
        );
        assert_eq!(
            first("“Not fit for the job,” said Ola Berg, who runs the port."),
            Some("Ola Berg".into())
        );
    }

    #[test]
    fn not_the_verb_of_a_relative_clause_after_the_quotation() {
        assert_eq!(
            first("Mira Holm said she had begun “to show the town the real plan” of Ola Berg, whom she called a fraud."),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn a_name_and_a_verb_the_lexicon_does_not_know() {
        assert_eq!(
            first("“You never listened,” Mira Holm barked in her speech."),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("“What a night for the town!” beamed Ola Berg of Tromsø."),
            Some("Ola Berg".into())
        );
        // Not the object of a sentence that goes on.
        assert_eq!(
            first("“What a night for the town!” Ola Berg wanted the crowd to hear."),
            None
        );
    }

    #[test]
    fn the_subject_of_a_clause_after_a_conjunction_or_a_time() {
        assert_eq!(
            first("The meeting ran so long that Mira Holm was moved to say, “Wake me up.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("And Mira Holm gloated: “I told you so.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first(
                "The board blamed Ola Berg, who Mira Holm on Friday called “a danger to the port.”"
            ),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm (D-Kent), noting the size of the crowd, said, “We will win.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_speaker_and_the_subject_of_what_was_said() {
        assert_eq!(
            first("Mira Holm says Berg “never once missed a tide.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm said the Oslo senator can “bring the ferry back.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm, noting that he has built “the best crew on the coast,” smiled."),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Holm says he is “ready to sail by spring” with Ola Berg, in a race that he said was fair."),
            Some("Holm".into())
        );
    }

    #[test]
    fn a_relative_clause_ends_at_its_comma() {
        assert_eq!(
            first("“It was better” than that of the harbour master, Holm said."),
            Some("Holm".into())
        );
        assert_eq!(
            first("“It was better,” said a harbour pilot who has worked the coast."),
            Some("a harbour pilot".into())
        );
    }

    #[test]
    fn a_description_that_opens_the_clause() {
        assert_eq!(
            first("One Harbour Party aide has called the plan “a tide of nonsense.”"),
            Some("One Harbour Party aide".into())
        );
        assert_eq!(
            first("The Oslo harbour master told the crowd the pier would “hold for years.”"),
            Some("The Oslo harbour master".into())
        );
    }

    #[test]
    fn a_campaign_by_its_candidates_name() {
        assert_eq!(
            first("Quill’s campaign brushed the story aside, telling the radio, “We never said that.”"),
            Some("Quill’s campaign".into())
        );
        assert_eq!(
            first("“We never said that,” Quill's lawyer said."),
            Some("Quill's lawyer".into())
        );
    }

    #[test]
    fn a_participle_opens_the_sentence() {
        assert_eq!(
            first("Speaking to Radio Dover on Monday in Kent, Mira Holm called the mayor “a steady hand at the helm.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_earliest_name_of_the_clause_and_not_the_one_spoken_to() {
        assert_eq!(
            first("Mira Holm, at a fair in Bergen, Norway, said she was “not going back.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm praised the crew, telling Radio Bergen: “They saved us.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Ola Berg said the Oslo senator would “bring the ferry back.”"),
            Some("Ola Berg".into())
        );
    }

    #[test]
    fn a_participle_after_a_comma() {
        assert_eq!(
            first("In Bergen, Mira Holm stepped up her attacks on the plan, saying, “It will sink the town.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn a_dash_after_the_quotation() {
        assert_eq!(
            first("“I never miss the market on Saturdays.” — Edda Lind, 34, of Tromsø"),
            Some("Edda Lind".into())
        );
    }

    #[test]
    fn a_verb_far_after_the_quotation() {
        assert_eq!(
            first("“Without the ferry” to the islands, the mainland and the rest of the coast, Mira Holm said, “we are cut off.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_sentence_subject_with_no_verb_of_saying() {
        assert_eq!(
            first("Mira Holm also bemoaned a council in which people “never listen to the fishermen.”"),
            Some("Mira Holm".into())
        );
        assert_eq!(
            first("Mira Holm issued a statement, “We will rebuild the pier.”"),
            Some("Mira Holm".into())
        );
    }

    #[test]
    fn the_name_after_an_inverted_verb_and_not_the_one_before_its_comma() {
        assert_eq!(
            first("“He can claim it, but it seems very unlikely” that Berg can catch Holm, said Ada Quill, a former campaign aide.")
                .as_deref(),
            Some("Ada Quill")
        );
        // There the name after the verb is what was said about.
        assert_eq!(
            first("Ada Quill, a ferry pilot from Dover, said Holm will “win the vote.”").as_deref(),
            Some("Ada Quill")
        );
    }

    #[test]
    fn a_question_put_to_someone_is_an_empty_frame() {
        assert_eq!(
            first("Ola Berg was asked, “Would you do it again?”").as_deref(),
            Some("")
        );
    }

    #[test]
    fn a_post_is_the_words_of_the_one_whose_it_is() {
        assert_eq!(
            first("From Berg's Facebook post: “We must move past the quarrel of this spring.”")
                .as_deref(),
            Some("Berg")
        );
    }

    #[test]
    fn not_the_paper_the_words_were_given_to() {
        assert_eq!(
            first("Ada Quill explained what went wrong to the Dutch daily Harbour Post: “It was careless.”")
                .as_deref(),
            Some("Ada Quill")
        );
    }
}
