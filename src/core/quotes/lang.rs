//! The language an article is written in, for the quotation finder: the page's
//! declared `lang` (its first subtag), else a guess from common function words. A
//! guess that is not clear keeps English, so a wrong one never costs English pages.
//!
//! The language is held for the time of one [`find`](super::find) in a thread-local
//! cell, read by the word tests of the finder ([`current`]): passing it down every
//! one of them (names, verbs, marks, attribution) would add an argument to each. A
//! [`Scope`] sets it and puts the one before back when dropped.

use super::foreign::stop_words;
use super::lexicon::{has, STOP};
use crate::core::Block;
use std::cell::Cell;

/// A language whose quotations and speakers the finder reads by its own rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    Pt,
    De,
    It,
}

/// The languages other than English, in the order they are guessed.
const OTHERS: [Lang; 5] = [Lang::Fr, Lang::Es, Lang::Pt, Lang::De, Lang::It];

impl Lang {
    /// The language of a `lang` attribute's first subtag (`"pt-br"` is Portuguese);
    /// `None` for one the finder has no rules of its own for.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let first = tag.split(['-', '_']).next().unwrap_or_default();
        Some(match first.to_ascii_lowercase().as_str() {
            "en" => Lang::En,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "pt" => Lang::Pt,
            "de" => Lang::De,
            "it" => Lang::It,
            _ => return None,
        })
    }

    /// Whether a sentence may leave out its subject ("«...», añadió."): the verb then
    /// speaks for the person last named.
    pub fn drops_subject(self) -> bool {
        matches!(self, Lang::Es | Lang::Pt | Lang::It)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language of the article being read (English outside a [`Scope`]).
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Whether the article being read is in a language other than English.
pub fn foreign() -> bool {
    current() != Lang::En
}

/// Sets the language while it lives.
pub struct Scope(Lang);

impl Scope {
    pub fn new(lang: Lang) -> Scope {
        Scope(CURRENT.with(|c| c.replace(lang)))
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// The language of an article: the declared one, else the guess of [`guess`]. A
/// declared language without rules of its own (Dutch, Polish) reads as English.
pub fn of(declared: &str, blocks: &[Block]) -> Lang {
    if declared.trim().is_empty() {
        guess(blocks)
    } else {
        Lang::from_tag(declared.trim()).unwrap_or(Lang::En)
    }
}

/// How many words [`guess`] reads.
const GUESS_WORDS: usize = 400;

/// The language whose function words the article's first words use most, when it
/// uses them clearly more than English ones (more than twice as many, and ten or
/// more); else English.
pub fn guess(blocks: &[Block]) -> Lang {
    // Counts of function words: English's first, then those of [`OTHERS`].
    let mut counts = [0usize; 6];
    let mut seen = 0usize;
    for b in blocks {
        for w in b
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            let w = super::foreign::fold(w);
            if has(STOP, &w) {
                if let Some(c) = counts.first_mut() {
                    *c += 1;
                }
            }
            for (k, &l) in OTHERS.iter().enumerate() {
                if stop_words(l).is_some_and(|s| has(s, &w)) {
                    if let Some(c) = counts.get_mut(k + 1) {
                        *c += 1;
                    }
                }
            }
            seen += 1;
            // Most pages are English, and say so within a few sentences.
            if seen % 50 == 0 {
                let (english, best) = tally(&counts);
                if seen >= GUESS_WORDS || (english >= 15 && english > 3 * best.1) {
                    return decide(english, best);
                }
            }
        }
    }
    let (english, best) = tally(&counts);
    decide(english, best)
}

/// English's count, and the language other than English with the most.
fn tally(counts: &[usize; 6]) -> (usize, (Lang, usize)) {
    let english = counts.first().copied().unwrap_or(0);
    let mut best = (Lang::En, 0usize);
    for (k, &l) in OTHERS.iter().enumerate() {
        let c = counts.get(k + 1).copied().unwrap_or(0);
        if c > best.1 {
            best = (l, c);
        }
    }
    (english, best)
}

fn decide(english: usize, best: (Lang, usize)) -> Lang {
    if best.1 >= 10 && best.1 > 2 * english {
        best.0
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::BlockKind;

    fn para(text: &str) -> Vec<Block> {
        vec![Block::new(BlockKind::Paragraph, text)]
    }

    #[test]
    fn the_first_subtag_of_the_declared_language() {
        assert_eq!(of("pt-BR", &[]), Lang::Pt);
        assert_eq!(of("fr", &[]), Lang::Fr);
        assert_eq!(
            of("nl", &para("Les syndicats ont appelé à la grève.")),
            Lang::En
        );
    }

    #[test]
    fn a_guess_from_function_words_and_english_when_unsure() {
        let fr = "Les syndicats ont appelé jeudi à une nouvelle journée de grève contre le projet de loi, qui sera examiné dans les prochains jours par les députés avec une majorité fragile et une opposition qui ne cède pas.";
        assert_eq!(guess(&para(fr)), Lang::Fr);
        let de = "Die Bundesregierung will das umstrittene Gesetz noch vor der Sommerpause durch den Bundestag bringen, und die Opposition hat sich dagegen ausgesprochen, weil es nicht mit den Ländern abgestimmt ist.";
        assert_eq!(guess(&para(de)), Lang::De);
        let en = "The council will close the ferry terminal for six months while engineers replace the piles, and the mayor said that a bus would run every twenty minutes for the people of the island.";
        assert_eq!(guess(&para(en)), Lang::En);
        // A few French words in an English text are no French article.
        let mixed = "The chef said the menu du jour was a question of savoir faire, and that the café would stay open.";
        assert_eq!(guess(&para(mixed)), Lang::En);
    }

    #[test]
    fn a_scope_puts_the_language_before_back() {
        assert_eq!(current(), Lang::En);
        {
            let _s = Scope::new(Lang::De);
            assert_eq!(current(), Lang::De);
        }
        assert_eq!(current(), Lang::En);
    }
}
