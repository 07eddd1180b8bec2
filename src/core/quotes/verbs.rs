//! Reporting verbs ("said", "stating", "argued", "replies"): their forms from the base
//! forms of the lexicon, and which of them may stand before their subject.

use super::foreign;
use super::lexicon::{has, INVERTIBLE, IRREGULAR, VERBS};
use super::names::lower;

/// Whether the sorted `list` holds a base form `w` may be a form of: itself, or
/// what is left when an ending is taken off ("stated" -> "stat", "state";
/// "snapped" -> "snap"; "replied" -> "reply"). Works on characters, so a word of
/// any script is safe; a stem and a letter are compared without a copy.
fn any_base(w: &str, list: super::lexicon::Words) -> bool {
    let found = |b: &str| has(list, b);
    // The stem with one more letter (an ASCII one: "tri" + "y").
    let plus = |stem: &str, c: u8| {
        let mut word = String::with_capacity(stem.len() + 1);
        word.push_str(stem);
        word.push(char::from(c));
        has(list, &word)
    };
    if found(w) {
        return true;
    }
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        if plus(stem, b'y') {
            return true;
        }
    }
    for ending in ["ing", "ed"] {
        if let Some(stem) = w.strip_suffix(ending) {
            if found(stem) || plus(stem, b'e') {
                return true;
            }
            // A doubled consonant: "snapped" -> "snap".
            let mut rev = stem.char_indices().rev();
            if let (Some((at, a)), Some((_, b))) = (rev.next(), rev.next()) {
                if a == b && stem.chars().count() > 2 && stem.get(..at).is_some_and(found) {
                    return true;
                }
            }
        }
    }
    for ending in ["es", "s"] {
        if let Some(stem) = w.strip_suffix(ending) {
            if found(stem) || plus(stem, b'e') {
                return true;
            }
        }
    }
    false
}

/// Whether `word` is a form of a reporting verb ("said", "stating", "argued").
pub fn is_reporting_verb(word: &str) -> bool {
    if foreign::is_verb(word) {
        return true;
    }
    let w = lower(word);
    has(IRREGULAR, &w) || any_base(&w, VERBS)
}

/// Whether a form of a reporting verb may come before its subject ("said Hegseth").
pub fn invertible(word: &str) -> bool {
    // News in the other five languages puts any verb of saying before its subject
    // ("dijo García", "sagte Schmidt", "a déclaré Dupont").
    if foreign::is_verb(word) {
        return true;
    }
    let w = lower(word);
    match &*w {
        "said" | "says" | "wrote" | "writes" => return true,
        "told" | "tells" | "asked" | "asks" => return false,
        _ => {}
    }
    any_base(&w, INVERTIBLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms() {
        for w in [
            "said",
            "says",
            "stated",
            "stating",
            "argued",
            "replied",
            "told",
            "emphasized",
            "Added",
            "snapped",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in [
            "sad", "stake", "table", "Ukraine", "comes", "人ed", "éé", "ßed", "crowd", "pled",
        ] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }

    #[test]
    fn which_verbs_go_before_their_subject() {
        assert!(invertible("added") && invertible("Said") && invertible("replied"));
        assert!(!invertible("told") && !invertible("urged") && !invertible("人ed"));
    }
}
