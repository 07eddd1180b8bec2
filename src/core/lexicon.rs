//! Word lists: the [`Words`] type every list of the core is, and the names of months
//! and weekdays that the section finder and the quotation finder share.

/// A sorted list of distinct words packed into one string, each word followed by a
/// line break, looked up by binary search over the bytes. As a `&[&str]` each word
/// would cost the module a pointer and a length besides its letters (8 bytes a word,
/// over a thousand words, and numbers that compress badly). Made with [`words!`].
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static str);

/// A [`Words`] list from string literals, in sorted order (a test checks each list).
#[macro_export]
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        $crate::core::lexicon::Words(concat!($($w, "\n"),*))
    };
}

impl Words {
    /// Whether the list holds `word` (exactly: lists hold lower-case words).
    pub fn has(self, word: &str) -> bool {
        let b = self.0.as_bytes();
        let w = word.as_bytes();
        // [lo, hi) always starts at a word and ends after a line break.
        let (mut lo, mut hi) = (0, b.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = b
                .get(lo..mid)
                .and_then(|s| s.iter().rposition(|&c| c == b'\n'))
                .map_or(lo, |i| lo + i + 1);
            let Some(len) = b
                .get(start..hi)
                .and_then(|s| s.iter().position(|&c| c == b'\n'))
            else {
                return false;
            };
            let end = start + len;
            match w.cmp(b.get(start..end).unwrap_or_default()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => hi = start,
                std::cmp::Ordering::Greater => lo = end + 1,
            }
        }
        false
    }

    /// The words, in order.
    #[cfg(test)]
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split_terminator('\n')
    }

    /// How many words it holds.
    #[cfg(test)]
    pub fn len(self) -> usize {
        self.iter().count()
    }

    /// Whether it holds none.
    #[cfg(test)]
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

/// The months, in lower case, sorted.
pub const MONTHS: Words = crate::words![
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "may",
    "november",
    "october",
    "september",
];

/// The days of the week, in lower case, sorted.
pub const WEEKDAYS: Words = crate::words![
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Whether `word` (any case, a trailing dot allowed) names a month or a day of the week.
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.has(&w) || WEEKDAYS.has(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `list` is sorted and free of duplicates (what [`Words::has`] needs).
    pub fn sorted_and_unique(list: Words) -> bool {
        let words: Vec<&str> = list.iter().collect();
        words.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [MONTHS, WEEKDAYS] {
            assert!(sorted_and_unique(list), "{list:?}");
        }
        assert_eq!((MONTHS.len(), WEEKDAYS.len()), (12, 7));
    }

    #[test]
    fn words_are_found_by_binary_search() {
        let list = crate::words!["a", "ab", "b", "ba", "cat", "dog", "é", "ü"];
        assert!(sorted_and_unique(list));
        for w in list.iter() {
            assert!(list.has(w), "{w}");
        }
        for w in [
            "", "aa", "abc", "c", "ca", "do", "dogs", "z", "e", "éé", "\n", "a\nab",
        ] {
            assert!(!list.has(w), "{w:?}");
        }
        assert!(!crate::words![].has("") && crate::words![].is_empty());
        assert!(crate::words!["only"].has("only") && !crate::words!["only"].has("onl"));
        assert_eq!(list.len(), 8);
    }

    #[test]
    fn calendar_words() {
        assert!(is_calendar_word("Thursday"));
        assert!(is_calendar_word("SEPTEMBER"));
        assert!(!is_calendar_word("Sept"));
        assert!(!is_calendar_word("Mayor"));
    }
}
