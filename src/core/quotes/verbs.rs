//! Reporting verbs ("said", "stating", "argued", "replies"): their forms from the base
//! forms of the lexicon, and which of them may stand before their subject.

use super::lexicon::{has, INVERTIBLE, IRREGULAR, VERBS};

/// The base forms a word may be a form of: itself, and what is left when an ending
/// is taken off ("stated" -> "stat", "state"; "snapped" -> "snap"; "replied" ->
/// "reply"). Works on characters, so a word of any script is safe.
fn bases(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        out.push(format!("{stem}y"));
    }
    for ending in ["ing", "ed"] {
        if let Some(stem) = w.strip_suffix(ending) {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            // A doubled consonant: "snapped" -> "snap".
            let mut rev = stem.chars().rev();
            if let (Some(a), Some(b)) = (rev.next(), rev.next()) {
                if a == b && stem.chars().count() > 2 {
                    let mut s = stem.to_string();
                    s.pop();
                    out.push(s);
                }
            }
        }
    }
    for ending in ["es", "s"] {
        if let Some(stem) = w.strip_suffix(ending) {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
        }
    }
    out
}

/// Whether `word` is a form of a reporting verb ("said", "stating", "argued").
pub fn is_reporting_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    has(IRREGULAR, &w) || bases(&w).iter().any(|b| has(VERBS, b))
}

/// Whether a form of a reporting verb may come before its subject ("said Hegseth").
pub fn invertible(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "said" | "says" | "wrote" | "writes" => return true,
        "told" | "tells" | "asked" | "asks" => return false,
        _ => {}
    }
    bases(&w).iter().any(|b| has(INVERTIBLE, b))
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
