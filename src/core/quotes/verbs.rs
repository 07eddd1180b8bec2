//! Reporting verbs ("said", "stating", "argued", "replies"): their forms from the base
//! forms of the lexicon, and which of them may stand before their subject.

use super::lexicon::{has, INVERTIBLE, IRREGULAR, VERBS};
use super::names::lower;

/// Whether `found` holds a base form `w` may be a form of: itself, or what is left
/// when an ending is taken off ("stated" -> "stat", "state"; "snapped" -> "snap";
/// "replied" -> "reply"). Works on characters, so a word of any script is safe; it
/// copies a stem only to add a letter to it.
fn any_base(w: &str, found: impl Fn(&str) -> bool) -> bool {
    if found(w) {
        return true;
    }
    // The stem and one ASCII letter, on the stack for a word of a usual length.
    let plus = |stem: &str, c: u8| {
        let mut buf = [0u8; 24];
        match buf.get_mut(..stem.len() + 1) {
            Some(dst) => {
                let (head, last) = dst.split_at_mut(stem.len());
                head.copy_from_slice(stem.as_bytes());
                last.fill(c);
                std::str::from_utf8(dst).is_ok_and(&found)
            }
            None => found(&format!("{stem}{}", char::from(c))),
        }
    };
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
                if a == b && stem.chars().count() > 2 && stem.get(..at).is_some_and(&found) {
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
    let w = lower(word);
    has(IRREGULAR, &w) || any_base(&w, |b| has(VERBS, b))
}

/// Whether a form of a reporting verb may come before its subject ("said Hegseth").
pub fn invertible(word: &str) -> bool {
    let w = lower(word);
    match &*w {
        "said" | "says" | "wrote" | "writes" => return true,
        "told" | "tells" | "asked" | "asks" => return false,
        _ => {}
    }
    any_base(&w, |b| has(INVERTIBLE, b))
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
