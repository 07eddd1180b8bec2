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
use crate::core::{find, Block};
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

// Read with `try_with`: `with` would bring a panic (and its message formatting) into
// the module for a case that never comes, the thread's end.
thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language of the article being read (English outside a [`Scope`]).
pub fn current() -> Lang {
    CURRENT.try_with(Cell::get).unwrap_or(Lang::En)
}

/// Whether the article being read is in a language other than English.
pub fn foreign() -> bool {
    current() != Lang::En
}

/// Sets the language while it lives.
pub struct Scope(Lang);

impl Scope {
    pub fn new(lang: Lang) -> Scope {
        Scope(CURRENT.try_with(|c| c.replace(lang)).unwrap_or(Lang::En))
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let _ = CURRENT.try_with(|c| c.set(self.0));
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

/// How many words [`guess`] reads at most.
const GUESS_WORDS: usize = 400;

/// The language whose function words the article's first words use most, when it
/// uses them clearly more than English ones (more than twice as many, and ten or
/// more); else English. Most pages are English and say so within fifty words.
pub fn guess(blocks: &[Block]) -> Lang {
    // English's count first, then those of [`OTHERS`].
    let mut counts = [0usize; 6];
    let mut n = 0;
    'blocks: for b in blocks {
        for w in b.text.split_whitespace() {
            let w = super::names::lower(w.trim_matches(find::not_alphanumeric));
            for (k, c) in counts.iter_mut().enumerate() {
                let list = match k.checked_sub(1) {
                    None => Some(STOP),
                    Some(o) => OTHERS.get(o).and_then(|&l| stop_words(l)),
                };
                *c += usize::from(list.is_some_and(|s| has(s, &w)));
            }
            n += 1;
            let english = counts.first().copied().unwrap_or(0);
            if n == 50 && counts.iter().skip(1).all(|&c| c * 3 < english) {
                return Lang::En;
            }
            if n >= GUESS_WORDS {
                break 'blocks;
            }
        }
    }
    let english = counts.first().copied().unwrap_or(0);
    let (lang, most) =
        OTHERS
            .iter()
            .zip(counts.iter().skip(1))
            .fold(
                (Lang::En, 0),
                |best, (&l, &c)| if c > best.1 { (l, c) } else { best },
            );
    if most >= 10 && most > 2 * english {
        lang
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
