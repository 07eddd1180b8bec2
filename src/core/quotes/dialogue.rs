//! Dialogue as Spanish, French, Portuguese and Italian write it: a paragraph that
//! opens with a dash is spoken, and the narrator's words ("dijo Castro", "répond-elle")
//! stand between dashes ("—No —dijo Castro—. Nunca.") or after a comma ("— Oui,
//! répond-elle."). Interviews print their questions the same way; a question with no
//! narrator's words is the interviewer's and no quotation.

use super::marks::Span;
use super::verbs::is_reporting_verb;

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–')
}

/// The spoken parts of a paragraph of dialogue, as spans of its text (none when it
/// does not open with a dash).
pub fn spans(text: &str) -> Vec<Span> {
    let end = text.trim_end().len();
    let lead = text.len() - text.trim_start().len();
    let Some(dash) = text.get(lead..).and_then(|t| t.chars().next()) else {
        return Vec::new();
    };
    if !is_dash(dash) {
        return Vec::new();
    }
    let after_dash = lead + dash.len_utf8();
    let start = skip(text, after_dash, char::is_whitespace);
    if start >= end {
        return Vec::new();
    }
    // A dash after a space opens the narrator's words; the next dash closes them.
    let inner = text
        .get(start..end)
        .unwrap_or("")
        .char_indices()
        .scan(' ', |prev, (i, c)| {
            let found = is_dash(c) && prev.is_whitespace();
            *prev = c;
            Some((start + i, found))
        })
        .find(|&(_, found)| found)
        .map(|(i, _)| i);
    if let Some(inner) = inner {
        let first = Span {
            open: lead,
            start,
            end: trimmed_end(text, start, inner),
            close: inner,
        };
        let from = inner
            + text
                .get(inner..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
        let closing = text
            .get(from..end)
            .and_then(|t| t.find(is_dash))
            .map(|i| from + i);
        let mut out = vec![first];
        if let Some(c) = closing {
            let dash_len = text
                .get(c..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            let s2 = skip(text, c + dash_len, |ch| {
                ch.is_whitespace() || matches!(ch, '.' | ',' | ';' | ':')
            });
            let speaks = text
                .get(s2..end)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric));
            if speaks {
                out.push(Span {
                    open: s2,
                    start: s2,
                    end,
                    close: end,
                });
            }
        }
        return out;
    }
    // "— Oui, mais il faut agir, répond-elle sans hésiter.": a comma, then a verb of
    // saying within the next two words.
    let body = text.get(start..end).unwrap_or("");
    for (i, _) in body.match_indices(", ") {
        let said = body
            .get(i + 2..)
            .unwrap_or("")
            .split_whitespace()
            .take(2)
            .any(|w| is_reporting_verb(w.trim_end_matches(['.', ',', ';'])));
        if said {
            return vec![Span {
                open: lead,
                start,
                end: start + i,
                close: start + i,
            }];
        }
    }
    if body.ends_with('?') {
        return Vec::new();
    }
    vec![Span {
        open: lead,
        start,
        end,
        close: end,
    }]
}

/// Whether a paragraph is a question of an interview's dialogue, with no narrator's
/// words ("— Porque escolheu a madeira?").
pub fn is_question(text: &str) -> bool {
    text.trim_start().starts_with(is_dash) && spans(text).is_empty()
}

/// The first byte at or after `from` whose character `skip_it` does not skip.
fn skip(text: &str, from: usize, skip_it: impl Fn(char) -> bool) -> usize {
    text.get(from..)
        .and_then(|t| t.char_indices().find(|&(_, c)| !skip_it(c)))
        .map_or(text.len(), |(i, _)| from + i)
}

/// Where the text between `start` and `end` ends once its trailing spaces go.
fn trimmed_end(text: &str, start: usize, end: usize) -> usize {
    start + text.get(start..end).map_or(0, |t| t.trim_end().len())
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
        assert!(spans("The end — or not.").is_empty());
        assert!(spans("—").is_empty() && spans("— ").is_empty());
    }
}
