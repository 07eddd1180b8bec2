//! Dialogue as Spanish, French, Portuguese and Italian write it: a paragraph that
//! opens with a dash is spoken, and the narrator's words ("dijo Castro", "répond-elle")
//! stand between dashes ("—No —dijo Castro—. Nunca.") or after a comma ("— Oui,
//! répond-elle."). Interviews print their questions the same way; a question with no
//! narrator's words is the interviewer's and no quotation.

use super::marks::Span;
use super::verbs::is_reporting_verb;

const DASHES: [char; 3] = ['—', '―', '–'];

/// The spoken parts of a paragraph of dialogue, as spans of its text (none when it
/// does not open with a dash).
pub fn spans(text: &str) -> Vec<Span> {
    let end = text.trim_end().len();
    let lead = text.len() - text.trim_start().len();
    let Some(body) = text.get(lead..end).and_then(|b| b.strip_prefix(DASHES)) else {
        return Vec::new();
    };
    let start = end - body.trim_start().len();
    let said = text.get(start..end).unwrap_or("");
    if said.is_empty() {
        return Vec::new();
    }
    // The narrator's words open at a dash after a space and close at the next dash,
    // where the spoken words go on; or they follow a comma and a verb of saying.
    let inner = said.match_indices(DASHES).find(|&(i, _)| {
        said.get(..i)
            .is_some_and(|b| b.ends_with(char::is_whitespace))
    });
    let (cut, resume) = match inner {
        Some((i, d)) => {
            let from = i + d.len();
            let next = said
                .get(from..)
                .and_then(|r| r.match_indices(DASHES).next());
            (i, next.map(|(j, d)| from + j + d.len()))
        }
        None => {
            let comma = said.match_indices(", ").map(|(i, _)| i).find(|&i| {
                said.get(i + 2..)
                    .unwrap_or("")
                    .split_whitespace()
                    .take(2)
                    .any(|w| is_reporting_verb(w.trim_end_matches('.').trim_end_matches(',')))
            });
            match comma {
                Some(i) => (i, None),
                None if said.ends_with('?') => return Vec::new(),
                None => (said.len(), None),
            }
        }
    };
    let spoken_end = start + said.get(..cut).map_or(0, |s| s.trim_end().len());
    let mut out = vec![Span {
        open: lead,
        start,
        end: spoken_end,
        close: start + cut,
    }];
    if let Some(r) = resume {
        let rest = said.get(r..).unwrap_or("");
        let words = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if words.chars().any(char::is_alphanumeric) {
            let s2 = end - words.len();
            out.push(Span {
                open: s2,
                start: s2,
                end,
                close: end,
            });
        }
    }
    out
}

/// Whether a paragraph is a question of an interview's dialogue, with no narrator's
/// words ("— Porque escolheu a madeira?").
pub fn is_question(text: &str) -> bool {
    text.trim_start().starts_with(DASHES) && spans(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::lang::{Lang, Scope};
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        spans(text)
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect()
    }

    #[test]
    fn the_narrators_words_between_dashes() {
        let _s = Scope::new(Lang::Es);
        assert_eq!(
            parts("—No vamos a ceder —dijo Carlos García—. Es nuestra posición."),
            ["No vamos a ceder", "Es nuestra posición."]
        );
        assert_eq!(parts("— Muda a atenção — diz, a rir."), ["Muda a atenção"]);
    }

    #[test]
    fn the_narrators_words_after_a_comma() {
        let _s = Scope::new(Lang::Fr);
        assert_eq!(
            parts("— Oui, mais il faut agir, répond-elle sans hésiter."),
            ["Oui, mais il faut agir"]
        );
        assert_eq!(
            parts("— Nous partirons demain."),
            ["Nous partirons demain."]
        );
    }

    #[test]
    fn a_question_alone_and_no_dash_are_none() {
        assert!(spans("—¿Por qué el mar otra vez?").is_empty());
        assert!(is_question("— Porque escolheu a madeira?"));
        assert!(spans("The end — or not.").is_empty());
        assert!(spans("—").is_empty() && spans("— ").is_empty());
    }
}
