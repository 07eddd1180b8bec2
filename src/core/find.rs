//! Where one piece of text occurs in another, compared byte by byte. The standard
//! library's `str::find(&str)` brings its two-way searcher and the panic messages of
//! string slicing (with `char`'s debug printing) into the shipped module; the needles
//! here are a few letters long, so a plain scan costs nothing and weighs far less.

/// The byte offset of the first `needle` in `text`, if any (0 for an empty needle).
/// Both are UTF-8, so a match always starts and ends on a character boundary.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    find_from(text, needle, 0)
}

/// The byte offset of the first `needle` in `text` at or after `from`.
pub fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return (from <= text.len()).then_some(from);
    };
    let mut from = from;
    while let Some(i) = text.get(from..)?.iter().position(|&b| b == first) {
        let at = from + i;
        if text.get(at + 1..)?.starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `c` occurs in `text`. (`str::contains(char)` is generic and, for a
/// character outside ASCII, searches with the two-way searcher above.)
pub fn has_char(text: &str, c: char) -> bool {
    text.chars().any(|x| x == c)
}

/// Whether `c` is neither a letter nor a digit: where the word splitters cut. One
/// function for them all, so that `split` and `trim_matches` are compiled once for it
/// and not once for each closure.
pub fn not_alphanumeric(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Whether `text` ends with one of `chars`: `str::ends_with` for a set of
/// characters, compiled once instead of once for each size of array.
pub fn ends_with_any(text: &str, chars: &[char]) -> bool {
    text.chars().next_back().is_some_and(|c| chars.contains(&c))
}

/// Whether `needle` occurs in `text`.
pub fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_str_find_finds() {
        let texts = [
            "",
            "a",
            "abc",
            "Wait. Then go. ",
            "déjà vu, déjà",
            "aaab",
            "ab",
        ];
        let needles = ["", "a", "b", ". ", "déjà", "jà", "aab", "abc", "x", "ab"];
        for t in texts {
            for n in needles {
                assert_eq!(find(t, n), t.find(n), "{t:?} {n:?}");
                assert_eq!(contains(t, n), t.contains(n), "{t:?} {n:?}");
                let from = t.len() / 2;
                let expected = t.get(from..).and_then(|r| r.find(n)).map(|i| from + i);
                if t.is_char_boundary(from) {
                    assert_eq!(find_from(t, n, from), expected, "{t:?} {n:?} {from}");
                }
            }
        }
        assert_eq!(find_from("ab", "", 3), None);
        assert!(ends_with_any("déjà", &['a', 'à']) && !ends_with_any("", &['a']));
        assert!(has_char("déjà", 'à') && has_char("a b", ' ') && !has_char("ab", 'c'));
    }
}
