//! The key quotes: whole statements with a speaker, the best first, one from each
//! speaker before a second from any, spread over sections, and never the same words
//! twice (a quotation repeated in a photo caption is shown once).

use super::Quote;
use crate::core::find;

/// Whether a quotation is a whole statement, not a scare quote, a title or a slogan.
pub fn is_statement(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 5 {
        return false;
    }
    // Spanish opens a question or an exclamation with its own mark ("¡Es el día...").
    let first = text
        .chars()
        .find(|c| !matches!(c, '¿' | '¡'))
        .unwrap_or(' ');
    if !first.is_uppercase() && !first.is_numeric() {
        return false;
    }
    if text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return false;
    }
    // Title case through and through: a title or a slogan.
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 10 < words.len() * 8
}

/// The words of a text in lower case, letters and digits only: two copies of a
/// quotation compare equal however their marks and spaces differ.
fn key_of(text: &str) -> String {
    text.split(find::not_alphanumeric)
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How good a statement is as a key quote, by its length and whether it is a whole
/// sentence.
fn score(q: &Quote) -> f64 {
    let words = q.text.split_whitespace().count() as f64;
    // Prefer 12 to 40 words; very long quotations read badly in a summary.
    let length = if words > 40.0 {
        40.0 - (words - 40.0) / 2.0
    } else {
        words.min(40.0)
    };
    let sentence = if find::ends_with_any(q.text.trim_end(), &['.', '!', '?', ',']) {
        5.0
    } else {
        0.0
    };
    length + sentence
}

/// Marks up to `wanted` key quotes. `in_caption` says, for each quote, whether it
/// stands in a caption (where a quotation repeated from the text is dropped first).
pub fn pick_key_quotes(quotes: &mut [Quote], in_caption: &[bool], wanted: usize) {
    let keys: Vec<String> = quotes.iter().map(|q| key_of(&q.text)).collect();
    let mut candidates: Vec<(usize, f64)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speaker.is_some() && is_statement(&q.text))
        .filter(|&(i, _)| {
            // A copy in a caption of a quotation in the text goes; the text's stays.
            let caption = in_caption.get(i).copied().unwrap_or(false);
            !(caption
                && keys.iter().enumerate().any(|(j, k)| {
                    j != i && Some(k) == keys.get(i) && !in_caption.get(j).copied().unwrap_or(false)
                }))
        })
        .map(|(i, q)| (i, score(q)))
        .collect();
    // Whether the candidates have more than one speaker (no sort: it would cost the
    // module a sorting routine of its own).
    let first_speaker = candidates
        .first()
        .and_then(|&(i, _)| quotes.get(i))
        .map(|q| &q.speaker);
    let several = candidates
        .iter()
        .any(|&(i, _)| quotes.get(i).map(|q| &q.speaker) != first_speaker);
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < wanted && !candidates.is_empty() {
        let speaker_of = |i: usize| quotes.get(i).and_then(|q| q.speaker.as_ref());
        let section_of = |i: usize| quotes.get(i).and_then(|q| q.section_id.as_ref());
        let heard: Vec<Option<&String>> = chosen.iter().map(|&c| speaker_of(c)).collect();
        // While some speaker has no key quote yet, only they are candidates.
        let unheard_left = several
            && candidates
                .iter()
                .any(|&(qi, _)| !heard.contains(&speaker_of(qi)));
        let best = candidates
            .iter()
            .enumerate()
            .filter(|&(_, &(qi, _))| !unheard_left || !heard.contains(&speaker_of(qi)))
            .map(|(ci, &(qi, s))| {
                let same_speaker = heard.iter().filter(|&&h| h == speaker_of(qi)).count();
                let same_section = chosen
                    .iter()
                    .filter(|&&c| section_of(c) == section_of(qi))
                    .count();
                let s = s * 0.7f64.powi(same_speaker as i32) * 0.85f64.powi(same_section as i32);
                (ci, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(ci, _)| ci);
        let Some(ci) = best else { break };
        let qi = candidates.remove(ci).0;
        // The same words again (a pull quote, a caption) are not a second key quote.
        let key = keys.get(qi);
        candidates.retain(|&(other, _)| keys.get(other) != key);
        chosen.push(qi);
    }
    for i in chosen {
        if let Some(q) = quotes.get_mut(i) {
            q.key = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, speaker: &str) -> Quote {
        Quote {
            text: text.into(),
            speaker: Some(speaker.into()),
            guess: None,
            role: None,
            section_id: None,
            key: false,
            text_fragment: String::new(),
            block: 0,
            parts: Vec::new(),
            more: Vec::new(),
        }
    }

    fn keys(quotes: &[Quote]) -> Vec<&str> {
        quotes
            .iter()
            .filter(|q| q.key)
            .map(|q| q.text.as_str())
            .collect()
    }

    #[test]
    fn every_speaker_before_a_second_from_anyone() {
        let mut q = vec![
            quote(
                "We will build the longest bridge the valley has ever seen, and soon.",
                "Ann Lee",
            ),
            quote(
                "We will pay for it with the tolls of the first twenty years, not taxes.",
                "Ann Lee",
            ),
            quote("The river will rise before the bridge is done.", "Bo Diaz"),
            quote("Nobody asked the fishermen what they think.", "Cy Moss"),
        ];
        pick_key_quotes(&mut q, &[false; 4], 3);
        assert_eq!(
            keys(&q),
            [
                "We will pay for it with the tolls of the first twenty years, not taxes.",
                "The river will rise before the bridge is done.",
                "Nobody asked the fishermen what they think."
            ]
        );
    }

    #[test]
    fn a_quotation_repeated_in_a_caption_is_shown_once() {
        let mut q = vec![
            quote(
                "The tide took the pier in one night and left us the posts.",
                "Ann Lee",
            ),
            quote(
                "The tide took the pier in one night and left us the posts.",
                "Ann Lee",
            ),
        ];
        pick_key_quotes(&mut q, &[true, false], 3);
        assert_eq!(q.iter().map(|q| q.key).collect::<Vec<_>>(), [false, true]);
    }
}
