//! Names in the text: runs of capitalised words that may be a person, with the role
//! words before them ("U.S. Defense Secretary Pete Hegseth") or after them ("Jane
//! Smith, deputy commissioner for parks").

use super::lexicon::{
    has, FEMALE_NAMES, HONORIFICS, MALE_NAMES, NATIONALITIES, NOT_PERSON, PARTICLES, STOP, TITLES,
};
use super::tokens::Tok;
use super::{foreign, lang};
use crate::core::lexicon::is_calendar_word;
use std::borrow::Cow;

/// A run of capitalised words in the text that may be a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token of the run (the role words before the name included).
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// The name words, titles stripped.
    pub name: Vec<String>,
    /// The role words found before the name, or else after it, if any.
    pub role: Option<String>,
    /// Whether the name is followed by a possessive ("Hegseth’s").
    pub possessive: bool,
    /// Whether an honorific came with it ("Mr. Biden"): a person, however short.
    pub honorific: bool,
    /// Whether the name is a woman's or a man's, as its honorific, role or common
    /// first name says ("Mrs.", "spokeswoman", "Susan"); `None` when they do not.
    pub gender: Option<Gender>,
}

/// The grammatical gender "he" and "she" pick out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// "she", "her".
    Female,
    /// "he", "his", "him".
    Male,
}

/// The gender of a pronoun or a possessive: "she"/"her" or "he"/"his"/"him".
pub(super) fn pronoun_gender(w: &str) -> Option<Gender> {
    match &*lower(w) {
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        _ => foreign::pronoun_gender(w),
    }
}

/// The gender a word of a name or a role gives: an honorific, a role that says it
/// ("congresswoman", "chairman", "actress"), or a common first name.
fn word_gender(w: &str) -> Option<Gender> {
    let l = lower(w);
    let bare = l.trim_end_matches('.');
    if matches!(
        bare,
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess"
    ) || bare.ends_with("woman")
        || bare.ends_with("ess") && bare.len() > 5
        || has(FEMALE_NAMES, bare)
    {
        return Some(Gender::Female);
    }
    if matches!(bare, "mr" | "sir" | "lord" | "king" | "prince")
        || (bare.ends_with("man") && is_title(w))
        || has(MALE_NAMES, bare)
    {
        return Some(Gender::Male);
    }
    foreign::gender_of(w, is_title(w))
}

/// The word in lower case, copied only when it has a capital: most words of a text
/// have none, and the lookups run for every word.
pub(super) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// "he" or "she": a pronoun that stands for one person.
pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(&*lower(w), "he" | "she") || foreign::pronoun_gender(w).is_some()
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word is written all in capitals (two letters or more): "PENCE".
pub(super) fn is_shouted(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(char::is_uppercase)
}

/// Whether a mention is one word in capitals, an acronym ("FBI", "N.T.S.B.").
pub(super) fn is_shouted_name(m: &Mention) -> bool {
    m.name.len() == 1 && m.name.iter().all(|w| is_shouted(w))
}

/// Whether a mention stands among words in capitals (a headline in capitals, "HOW
/// THE REST OF THE WORLD PAYS"): there a word in capitals is no acronym.
pub(super) fn in_capitals(toks: &[(usize, Tok<'_>)], m: &Mention) -> bool {
    let shouted = |k: usize| match word(toks, k) {
        Some(w) => is_shouted(w),
        None => false,
    };
    shouted(m.from.wrapping_sub(1)) || shouted(m.to)
}

pub(super) fn is_name_word(w: &str) -> bool {
    if !is_cap(w) {
        return false;
    }
    // A contraction ("Don't", "It's") is no name; "O'Brien" is.
    let contraction = w
        .split(['\'', '’'])
        .nth(1)
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_lowercase));
    let l = lower(w);
    let bare = l.trim_end_matches('.');
    let foreign_word = lang::foreign() && foreign_non_name(w);
    !contraction
        && !has(STOP, bare)
        && !has(HONORIFICS, bare)
        && !is_calendar_word(bare)
        && !foreign_word
}

/// A capitalised word of a language other than English that is no name: a function
/// word ("Le", "Der", "Según"), an elided article before a noun ("L'État",
/// "Dell'Ambiente"), a German common noun or adjective by its ending ("Regierung",
/// "Politisch").
fn foreign_non_name(w: &str) -> bool {
    let elided = w.find('\'').or_else(|| w.find('’')).is_some_and(|i| i <= 4);
    elided || foreign::is_stop(w) || foreign::is_common_german(w)
}

/// Honorifics: part of how a name is written, neither a name nor a role.
pub(super) fn is_honorific(w: &str) -> bool {
    has(HONORIFICS, lower(w).trim_end_matches('.'))
}

pub(super) fn is_title(w: &str) -> bool {
    let l = lower(w);
    has(TITLES, &l)
        || (l.ends_with('.') && has(TITLES, l.trim_end_matches('.')))
        || foreign::is_title(w)
}

fn is_demonym(w: &str) -> bool {
    let l = lower(w);
    is_cap(w)
        && ["ian", "ean", "ese", "ish", "ic", "an"]
            .iter()
            .any(|s| l.ends_with(s))
        && l.chars().count() > 4
}

/// Words of nationality that end a place or a people ("East Asian"), never a name.
pub(super) fn is_nationality(w: &str) -> bool {
    has(NATIONALITIES, &lower(w))
}

/// The word without its possessive ending, and whether it had one ("Trump’s" ->
/// "Trump"; "Jones'" -> "Jones").
pub(super) fn split_possessive(w: &str) -> (&str, bool) {
    for s in ["'s", "’s"] {
        if let Some(stem) = w.strip_suffix(s).filter(|s| !s.is_empty()) {
            return (stem, true);
        }
    }
    for s in ["'", "’"] {
        if let Some(stem) = w.strip_suffix(s).filter(|s| s.ends_with('s')) {
            return (stem, true);
        }
    }
    (w, false)
}

pub(super) fn word<'a>(toks: &[(usize, Tok<'a>)], i: usize) -> Option<&'a str> {
    match toks.get(i) {
        Some((_, Tok::Word(w))) => Some(w),
        _ => None,
    }
}

/// "New" before a capitalised word opens a place's name ("New Hampshire"), though
/// it is no name word on its own ("New details emerged").
fn new_place(toks: &[(usize, Tok<'_>)], i: usize) -> bool {
    word(toks, i) == Some("New") && word(toks, i + 1).is_some_and(is_name_word)
}

/// The role an appositive after a name gives: ", deputy commissioner for parks," or
/// ", a spokeswoman for the council". Lower-case words up to the next comma or the
/// end of the sentence, with a title among the first few; `None` otherwise.
fn role_after(toks: &[(usize, Tok<'_>)], at: usize) -> Option<String> {
    if !matches!(toks.get(at), Some((_, Tok::Punct(',')))) {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut k = at + 1;
    while let Some(w) = word(toks, k) {
        words.push(w);
        k += 1;
        if words.len() > 12 {
            return None;
        }
    }
    // The phrase must end the clause: a comma, a full stop, the end.
    if !matches!(
        toks.get(k),
        None | Some((_, Tok::Punct(',' | '.' | ';' | '—')))
    ) {
        return None;
    }
    let start = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(&*lower(w), "a" | "an" | "the")),
    );
    let first = words.get(start)?;
    // "Smith, the mayor", "Smith, deputy commissioner for parks", "Smith, former
    // chief of staff": a title among the first three words, none of them a verb's
    // sign ("Smith, who said"), and the phrase starts in lower case (else it is
    // the next name of a list).
    let titled = words.iter().skip(start).take(3).any(|w| is_title(w));
    if !titled || is_cap(first) && !is_title(first) {
        return None;
    }
    Some(words.get(start..)?.join(" "))
}

/// The runs of capitalised words in `toks` that may be names, with the role words
/// before them (or after them, in an appositive).
pub fn mentions(toks: &[(usize, Tok<'_>)]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(w) = word(toks, i) else {
            i += 1;
            continue;
        };
        let (stem, _) = split_possessive(w);
        if !is_name_word(stem) && !is_title(stem) && !new_place(toks, i) {
            i += 1;
            continue;
        }
        // Collect the run: capitalised words, titles, and "of" between them
        // ("Secretary of State Marco Rubio"), ending at a possessive.
        let start = i;
        let mut words: Vec<&str> = Vec::new();
        let mut possessive = false;
        while let Some(w) = word(toks, i) {
            let (stem, poss) = split_possessive(w);
            // "of" joins titles ("Secretary of State Marco Rubio"), not a name to an
            // organisation ("Nick of Arachnid Labs").
            let joins = if w == "of" {
                words.iter().all(|w| is_title(w) || is_demonym(w))
            } else {
                has(PARTICLES, w)
            };
            let particle = joins && !words.is_empty() && word(toks, i + 1).is_some_and(is_cap);
            if !(is_name_word(stem) || is_title(stem) || particle || new_place(toks, i)) {
                break;
            }
            words.push(stem);
            i += 1;
            if poss {
                possessive = true;
                break;
            }
        }
        if words.is_empty() {
            // "A's": a word that only looked like a name before its possessive.
            i = start + 1;
            continue;
        }
        // Split the titles (and the words that modify them) off the front: all up
        // to the last title that has name words after it ("Northern League leader
        // Matteo Salvini", "Log Cabin Republicans president Gregory Angelo").
        let mut cut = 0;
        for (k, w) in words.iter().enumerate() {
            // A word like a demonym before a name is a first name ("Jillian Soto",
            // "Brian Fallon"); before a title it is part of the role ("Iranian
            // President ...").
            let titleish = is_title(w)
                || *w == "of"
                || (is_cap(w) && words.get(k + 1).is_some_and(|n| is_title(n)));
            if titleish && k + 1 < words.len() {
                cut = k + 1;
            } else {
                break;
            }
        }
        if let Some(k) = words.iter().rposition(|w| is_title(w)).filter(|&k| {
            k >= cut
                && words
                    .get(k + 1..)
                    .is_some_and(|r| r.iter().any(|w| !is_title(w)))
        }) {
            cut = k + 1;
        }
        // A run of titles alone ("President") names nobody.
        // Titles before the first name word go; after it they are part of the name
        // ("Martin Luther King") or make it an organisation ("the Clinton campaign").
        let rest = words.get(cut..).unwrap_or_default();
        let lead = rest.iter().take_while(|w| is_title(w)).count();
        let lead = if lead == rest.len() { 0 } else { lead };
        let mut name: Vec<String> = rest
            .get(lead..)
            .unwrap_or_default()
            .iter()
            .filter(|w| !is_honorific(w))
            .map(|w| w.to_string())
            .collect();
        // Five name words or more are a role in capitals before a name ("Harbour
        // County Clerk Ada Quill"): the name is the last two (three with an
        // initial or a particle in the middle), unless the run is an organisation.
        let mut lead_role: Vec<String> = Vec::new();
        // German runs its role words in capitals too ("Kuratorin Miriam Ostrowski",
        // "Winters Enkel Paul Winter"): there three words are already a role and a
        // name.
        let long = if lang::current() == lang::Lang::De {
            3
        } else {
            5
        };
        if name.len() >= long && !name.last().is_some_and(|w| has(NOT_PERSON, &lower(w))) {
            let middle = name.len() - 2;
            let keep = if name
                .get(middle)
                .is_some_and(|w| has(PARTICLES, w) || w.trim_end_matches('.').chars().count() == 1)
            {
                3
            } else {
                2
            };
            lead_role = name.drain(..name.len() - keep).collect();
        }
        // "Mr. King": after an honorific even a title word is a name.
        let honorific = words.iter().any(|w| is_honorific(w));
        let after_honorific = cut > 0 && words.get(cut - 1).is_some_and(|w| is_honorific(w));
        // "ministra de Vivienda", "Bürgermeister von Cochem": what a role is of, no
        // name (a name's own particle is capitalised: "Tommaso De Luca").
        let of_role = lang::foreign() && name.first().is_some_and(|w| has(PARTICLES, w));
        if name.is_empty() || of_role || (name.iter().all(|w| is_title(w)) && !after_honorific) {
            continue;
        }
        // Role words written in lower case before the run ("press secretary Karoline
        // Leavitt", "Kremlin spokesperson Dmitry Peskov").
        let mut role_from = start;
        while role_from > 0 {
            match word(toks, role_from - 1) {
                Some(w) if is_title(w) && !has(STOP, &lower(w)) => role_from -= 1,
                Some(w) if is_cap(w) && role_from < start && is_name_word(w) => role_from -= 1,
                _ => break,
            }
        }
        let mut role_words: Vec<&str> = (role_from..start).filter_map(|k| word(toks, k)).collect();
        role_words.extend(words.get(..cut).unwrap_or_default().iter().copied());
        role_words.retain(|w| !is_honorific(w));
        while role_words
            .last()
            .is_some_and(|w| matches!(&*lower(w), "of" | "the" | "a" | "an"))
        {
            role_words.pop();
        }
        let role = if role_words.iter().any(|w| is_title(w)) {
            Some(role_words.join(" "))
        } else if !lead_role.is_empty() {
            Some(lead_role.join(" "))
        } else if possessive {
            None
        } else {
            role_after(toks, i)
        };
        // The honorific or role words before the name, else its first name.
        let gender = (role_from..start)
            .filter_map(|k| word(toks, k))
            .chain(words.iter().copied())
            .filter(|w| is_honorific(w) || is_title(w))
            .find_map(word_gender)
            .or_else(|| name.first().and_then(|w| word_gender(w)));
        out.push(Mention {
            from: role_from.min(start),
            to: i,
            name,
            role,
            possessive,
            honorific,
            gender,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::marks::spans;
    use super::super::tokens::tokens;
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let sp = spans(text);
        let toks = tokens(text, &sp);
        mentions(&toks)
            .into_iter()
            .map(|m| (m.name.join(" "), m.role))
            .collect()
    }

    #[test]
    fn titles_become_roles() {
        assert_eq!(
            names("U.S. Defense Secretary Pete Hegseth stated that"),
            vec![("Pete Hegseth".into(), Some("U.S. Defense Secretary".into()))]
        );
        assert_eq!(
            names("According to Kremlin spokesperson Dmitry Peskov, Putin agreed"),
            vec![
                ("Dmitry Peskov".into(), Some("Kremlin spokesperson".into())),
                ("Putin".into(), None)
            ]
        );
        assert_eq!(
            names("Vice President JD Vance and Secretary of State Marco Rubio are set"),
            vec![
                ("JD Vance".into(), Some("Vice President".into())),
                ("Marco Rubio".into(), Some("Secretary of State".into()))
            ]
        );
        assert_eq!(
            names("When asked, Trump’s team said"),
            vec![("Trump".into(), None)]
        );
    }

    #[test]
    fn an_organisation_before_the_title_is_part_of_the_role() {
        assert_eq!(
            names("Harbour Rowing Club Captain Mia Okafor said"),
            vec![(
                "Mia Okafor".into(),
                Some("Harbour Rowing Club Captain".into())
            )]
        );
        assert_eq!(
            names("Martin Luther King spoke"),
            vec![("Martin Luther King".into(), None)]
        );
        assert_eq!(
            names("Harbour Rowing Club captain Mia Okafor said"),
            vec![(
                "Mia Okafor".into(),
                Some("Harbour Rowing Club captain".into())
            )]
        );
    }

    #[test]
    fn roles_after_the_name() {
        assert_eq!(
            names("said Arlo Penhaligon, deputy commissioner for parks and gardens."),
            vec![(
                "Arlo Penhaligon".into(),
                Some("deputy commissioner for parks and gardens".into())
            )]
        );
        assert_eq!(
            names("Nadia Voss, a spokeswoman for the harbour board, said"),
            vec![(
                "Nadia Voss".into(),
                Some("spokeswoman for the harbour board".into())
            )]
        );
        // A list of names, or a clause, is no role.
        assert_eq!(
            names("Nadia Voss, Arlo Penhaligon and others came"),
            vec![
                ("Nadia Voss".into(), None),
                ("Arlo Penhaligon".into(), None)
            ]
        );
        assert_eq!(names("Nadia Voss, who runs it, said")[0].1, None);
    }

    #[test]
    fn a_possessive_stop_word_does_not_stall() {
        // Regression: "A's" passed the first test of a name but not the second, and
        // the scan never moved on (a real page hung the browser tab).
        assert_eq!(
            names("The A's won. So did Plan B's team."),
            vec![("Plan B".into(), None)]
        );
    }

    #[test]
    fn the_gender_a_name_gives() {
        let g = |text: &str| {
            let toks = tokens(text, &spans(text));
            mentions(&toks).first().and_then(|m| m.gender)
        };
        assert_eq!(g("Mrs. Quill said"), Some(Gender::Female));
        assert_eq!(g("Mr. Quill said"), Some(Gender::Male));
        assert_eq!(g("Congresswoman Ada Quill said"), Some(Gender::Female));
        assert_eq!(g("party chairman Bo Quill said"), Some(Gender::Male));
        assert_eq!(g("Susan Quill said"), Some(Gender::Female));
        assert_eq!(g("John Quill said"), Some(Gender::Male));
        assert_eq!(g("Senator Quill said"), None);
        assert_eq!(pronoun_gender("Her"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), None);
    }

    #[test]
    fn new_before_a_name_is_a_place() {
        assert_eq!(
            names("in Nashua, New Hampshire, Quill said")[1].0,
            "New Hampshire"
        );
        assert!(names("New details emerged").is_empty());
    }

    #[test]
    fn a_long_run_of_capitals_is_a_role_and_a_name() {
        assert_eq!(
            names("Harbour County Clerk Ada Quill said"),
            vec![("Ada Quill".into(), Some("Harbour County Clerk".into()))]
        );
        assert_eq!(
            names("Port Dover Fire Warden Ada M. Quill said")[0].0,
            "Ada M. Quill"
        );
        // An organisation keeps its name.
        assert_eq!(
            names("the Port Dover Harbour Rowing Club said")[0].0,
            "Port Dover Harbour Rowing Club"
        );
    }

    #[test]
    fn first_names_that_end_like_a_demonym() {
        // Regression: "Jillian", "Brian", "Susan" were cut off as if they were
        // "Canadian" before a name.
        assert_eq!(names("said Jillian Moss")[0].0, "Jillian Moss");
        assert_eq!(names("Brian Fallow said")[0].0, "Brian Fallow");
        assert_eq!(
            names("Iranian President Hamid Sadeghi said"),
            vec![("Hamid Sadeghi".into(), Some("Iranian President".into()))]
        );
    }

    #[test]
    fn a_title_word_after_an_honorific_is_a_name() {
        assert_eq!(names("Mr. Bishop said"), vec![("Bishop".into(), None)]);
        assert_eq!(names("Ms. Major left")[0].0, "Major");
    }

    #[test]
    fn shouted_words() {
        assert!(is_shouted("PENCE") && is_shouted("O'NEILL"));
        assert!(!is_shouted("Pence") && !is_shouted("A") && !is_shouted("人"));
    }
}
