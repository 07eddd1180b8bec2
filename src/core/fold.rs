//! Short lines folded for the word lists: lower case, Latin letters without their
//! accents, curly apostrophes straight, one space between words, and the signs
//! boxes put around their headings trimmed. The box headings (`boilerplate.rs`) and
//! the ad labels (`ads.rs`) are looked up this way.

use super::find;

/// The letters U+00C0 to U+00FF without their accents, in lower case (`*`: a sign).
const LATIN_1: &[u8; 64] = b"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";

/// The same for U+0100 to U+017F (Polish, Czech, Hungarian, Turkish letters).
const LATIN_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A character as the word lists have it: lower case, Latin letters without their
/// accents, curly apostrophes straight.
fn fold_char(c: char) -> char {
    let n = u32::from(c) as usize;
    let plain = match n {
        0xC0..=0xFF => LATIN_1.get(n - 0xC0),
        0x100..=0x17F => LATIN_A.get(n - 0x100),
        0x2018 | 0x2019 | 0x2BC => return '\'',
        _ => return c.to_ascii_lowercase(),
    };
    match plain {
        Some(&b) if b != b'*' => char::from(b),
        _ => c,
    }
}

/// The most words a line looked up in the word lists may have.
const KEY_WORDS: usize = 6;

/// A short line folded for the word lists: [`fold_char`], one space between words,
/// and the signs boxes put around their headings ("Related:", "Read more »", "—")
/// trimmed at both ends. `None` for a line of more than [`KEY_WORDS`] words.
pub fn heading_key(text: &str) -> Option<String> {
    let mut key = String::new();
    for (n, word) in text.split_whitespace().enumerate() {
        if n == KEY_WORDS {
            return None;
        }
        if n > 0 {
            key.push(' ');
        }
        key.extend(word.chars().map(fold_char));
    }
    Some(key.trim_matches(find::not_alphanumeric).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_keys_fold_case_accents_and_signs() {
        assert_eq!(
            heading_key("  À LIRE\u{a0}aussi : ").as_deref(),
            Some("a lire aussi")
        );
        assert_eq!(heading_key("» Czytaj TEŻ").as_deref(), Some("czytaj tez"));
        assert_eq!(
            heading_key("Über den Autor").as_deref(),
            Some("uber den autor")
        );
        assert_eq!(heading_key("one two three four five six seven"), None);
    }
}
