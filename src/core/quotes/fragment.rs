//! Text directives (`#:~:text=...`) that lead a browser to a quotation in the
//! article.
//!
//! The key-quotes panel shows a copy of each key quote near the top of the page, and
//! a browser scrolls to the first match of a directive: a directive of the quoted
//! words alone would find the panel's copy first. So the directive carries a prefix,
//! the words just before the quotation in the article with its opening mark (the
//! mark alone when the quotation opens its paragraph): text only the article has.
//! A quotation without marks (a block quotation) gets a suffix instead, the words
//! after it.

/// How many words a text directive takes from each end of a long quotation.
const FRAGMENT_WORDS: usize = 4;
/// How many words of context the prefix or suffix takes.
const CONTEXT_WORDS: usize = 3;

/// Percent-encodes everything but unreserved ASCII (`,`, `-` and `&` have meanings
/// in a text directive).
fn encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 15] {
                if let Some(&h) = HEX.get(usize::from(nibble)) {
                    out.push(char::from(h));
                }
            }
        }
    }
}

/// The words of a quotation's parts in one block.
pub fn words_of<'a>(text: &'a str, parts: &[(usize, usize)]) -> Vec<&'a str> {
    parts
        .iter()
        .flat_map(|&(s, e)| text.get(s..e).unwrap_or("").split_whitespace())
        .collect()
}

/// The context a directive can carry, as (prefix, suffix): the last words before
/// the quotation, up to and with its opening mark (`told us, “`), when the quotation
/// does not open its block; else the first words after it, from its closing mark
/// (`” the baker`). Both are cut from the block's own text, so only the article has
/// them. `start` and `end` are where the quoted words start and end in `text`.
pub fn context(text: &str, start: usize, end: usize) -> (Option<String>, Option<String>) {
    let prefix = last_words(text.get(..start).unwrap_or("")).join(" ");
    // For a quotation that opens its block the prefix is its opening mark alone: the
    // panel's copy has no mark (a browser matches the text of the page, not the
    // marks a style sheet draws), and a suffix alone would not do, since a browser
    // takes the first match of the start, in the panel, and only then looks for the
    // end and the suffix after it.
    if !prefix.is_empty() {
        return (Some(prefix), None);
    }
    let after = text.get(end..).unwrap_or("");
    let suffix = after
        .split_whitespace()
        .take(CONTEXT_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    (
        None,
        suffix.chars().any(char::is_alphanumeric).then_some(suffix),
    )
}

/// The last [`CONTEXT_WORDS`] words of `before`, counting only those with a letter
/// or digit (a mark standing apart, as in `said “ Bread`, comes along without
/// counting). Read from the end, so the work is that of the words taken, not of
/// the whole text before (a paragraph of a thousand quotations).
fn last_words(before: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut counted = 0;
    for w in before.split_whitespace().rev() {
        if counted == CONTEXT_WORDS {
            break;
        }
        words.push(w);
        if w.chars().any(char::is_alphanumeric) {
            counted += 1;
        }
    }
    words.reverse();
    words
}

/// A text directive for the quotation's words: the whole text when it is short, else
/// its first and last words (`text=start,end`), with the context's prefix (`p-,`)
/// or suffix (`,-s`), percent-encoded as the syntax requires.
pub fn text_fragment(words: &[&str], prefix: Option<&str>, suffix: Option<&str>) -> String {
    let mut out = String::from("text=");
    if let Some(p) = prefix {
        encode_into(p, &mut out);
        out.push_str("-,");
    }
    let n = words.len();
    match (
        words.get(..FRAGMENT_WORDS),
        words.get(n.saturating_sub(FRAGMENT_WORDS)..),
    ) {
        (Some(head), Some(tail)) if n > FRAGMENT_WORDS * 2 => {
            encode_into(&head.join(" "), &mut out);
            out.push(',');
            encode_into(&tail.join(" "), &mut out);
        }
        _ => encode_into(&words.join(" "), &mut out),
    }
    if let Some(s) = suffix {
        out.push_str(",-");
        encode_into(s, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_quotations() {
        assert_eq!(text_fragment(&["a", "b,c"], None, None), "text=a%20b%2Cc");
        let long: Vec<&str> = "one two three four five six seven eight nine"
            .split(' ')
            .collect();
        assert_eq!(
            text_fragment(&long, None, None),
            "text=one%20two%20three%20four,six%20seven%20eight%20nine"
        );
    }

    #[test]
    fn context_only_the_article_has() {
        let text = "The baker told us, “Bread rises when it is ready.” Then she left.";
        let start = text.find("Bread").unwrap_or(0);
        let end = text.find(".”").map_or(0, |e| e + 1);
        assert_eq!(
            context(text, start, end),
            (Some("baker told us, “".to_string()), None)
        );
        let text = "“Bread rises when it is ready,” the baker said.";
        let end = text.find(",”").unwrap_or(0) + 1;
        assert_eq!(context(text, 3, end), (Some("“".to_string()), None));
        // A block quotation without marks: the words after it.
        let text = "Bread rises when it is ready. — Ada Baker";
        let (prefix, suffix) = context(text, 0, 29);
        assert_eq!(prefix, None);
        assert_eq!(suffix.as_deref(), Some("— Ada Baker"));
        assert_eq!(
            text_fragment(&["Bread", "rises"], None, suffix.as_deref()),
            "text=Bread%20rises,-%E2%80%94%20Ada%20Baker"
        );
    }
}
