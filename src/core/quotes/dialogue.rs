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
/// does not open with a dash). One pass over the characters, without patterns: the
/// shipped module is near its size ceiling.
pub fn spans(text: &str) -> Vec<Span> {
    let end = text.trim_end().len();
    let mut chars = text
        .char_indices()
        .take_while(|&(i, _)| i < end)
        .skip_while(|&(_, c)| c.is_whitespace());
    let Some((lead, dash)) = chars.next().filter(|&(_, c)| is_dash(c)) else {
        return Vec::new();
    };
    // Where the spoken words start, where they stop (a dash after a space that opens
    // the narrator's words, or a comma before a verb of saying), and where the
    // narrator's words close with a dash and the spoken ones go on.
    let (mut start, mut cut, mut closed, mut resume) = (None, None, false, None);
    let mut prev = dash;
    for (i, c) in chars {
        match (start, cut) {
            (None, _) if !c.is_whitespace() => start = Some(i),
            (Some(_), None) if is_dash(c) && prev.is_whitespace() => cut = Some(i),
            (Some(_), None) if c == ',' && verb_after(text.get(i + 1..).unwrap_or("")) => {
                cut = Some(i);
                break;
            }
            (Some(_), Some(_)) if !closed => closed = is_dash(c),
            (Some(_), Some(_)) if c.is_alphanumeric() => {
                resume = Some(i);
                break;
            }
            _ => {}
        }
        prev = c;
    }
    let Some(start) = start else {
        return Vec::new();
    };
    if cut.is_none() && text.get(..end).is_some_and(|t| t.ends_with('?')) {
        return Vec::new();
    }
    let cut = cut.unwrap_or(end);
    let spoken = start + text.get(start..cut).map_or(0, |t| t.trim_end().len());
    let mut out = vec![Span {
        open: lead,
        start,
        end: spoken,
        close: cut,
    }];
    if let Some(r) = resume {
        out.push(Span {
            open: r,
            start: r,
            end,
            close: end,
        });
    }
    out
}

/// Whether a verb of saying is among the first two words of `rest`.
fn verb_after(rest: &str) -> bool {
    rest.split_whitespace()
        .take(2)
        .any(|w| is_reporting_verb(w.trim_end_matches('.').trim_end_matches(',')))
}

/// Whether a paragraph is a question of an interview's dialogue, with no narrator's
/// words ("— Porque escolheu a madeira?").
pub fn is_question(text: &str) -> bool {
    text.trim_start().starts_with(is_dash) && spans(text).is_empty()
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
