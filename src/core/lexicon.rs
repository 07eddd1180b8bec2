//! Word lists: the [`Words`] type every list of the core is, and the names of months
//! and weekdays that the section finder and the quotation finder share.

/// A list of distinct words packed into bytes, grouped by length: for each length
/// present, in increasing order, a byte for the length, a byte for the count, and the
/// words of that length back to back, in sorted order. A lookup skips to the group of
/// its word's length and bisects it at a fixed stride, with no separator to scan for
/// (what most of the quote finder's time went to when the list was one string of
/// lines). As a `&[&str]` each word would cost the module a pointer and a length
/// besides its letters. Made at compile time by [`words!`] from sorted literals.
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static [u8]);

/// A [`Words`] list from string literals in sorted order, distinct and non-empty:
/// anything else does not compile.
#[macro_export]
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const SOURCE: &str = concat!($($w, "\n"),*);
        const PACKED: [u8; $crate::core::lexicon::packed_len(SOURCE)] =
            $crate::core::lexicon::pack(SOURCE);
        $crate::core::lexicon::Words(&PACKED)
    }};
}

/// The bytes [`pack`] makes of `source` (words, each followed by a line break): the
/// letters, and two bytes for each length present.
pub const fn packed_len(source: &str) -> usize {
    let b = source.as_bytes();
    let mut lengths = [false; 256];
    let (mut i, mut start, mut letters, mut groups) = (0, 0, 0, 0);
    while i < b.len() {
        if b[i] == b'\n' {
            let len = i - start;
            assert!(len > 0 && len < 256, "a listed word is empty or too long");
            if !lengths[len] {
                lengths[len] = true;
                groups += 1;
            }
            letters += len;
            start = i + 1;
        }
        i += 1;
    }
    letters + 2 * groups
}

/// `source` (sorted, distinct words, each followed by a line break) as a [`Words`]
/// list's bytes. Fails to compile, in a `const`, when the words are out of order.
pub const fn pack<const N: usize>(source: &str) -> [u8; N] {
    let b = source.as_bytes();
    let mut out = [0u8; N];
    // The words in order, and the longest.
    let (mut i, mut start, mut prev, mut longest) = (0, 0, None::<(usize, usize)>, 0);
    while i < b.len() {
        if b[i] == b'\n' {
            if let Some((ps, pe)) = prev {
                assert!(before(b, ps, pe, start, i), "a list's words are not sorted");
            }
            prev = Some((start, i));
            if i - start > longest {
                longest = i - start;
            }
            start = i + 1;
        }
        i += 1;
    }
    let mut o = 0;
    let mut len = 1;
    while len <= longest {
        let mut count = 0;
        let (mut i, mut start) = (0, 0);
        while i < b.len() {
            if b[i] == b'\n' {
                if i - start == len {
                    count += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        if count > 0 {
            assert!(count < 256, "a list has over 255 words of one length");
            out[o] = len as u8;
            out[o + 1] = count as u8;
            o += 2;
            let (mut i, mut start) = (0, 0);
            while i < b.len() {
                if b[i] == b'\n' {
                    if i - start == len {
                        let mut k = start;
                        while k < i {
                            out[o] = b[k];
                            o += 1;
                            k += 1;
                        }
                    }
                    start = i + 1;
                }
                i += 1;
            }
        }
        len += 1;
    }
    assert!(o == N);
    out
}

/// Whether the word `b[a..ae]` sorts strictly before `b[c..ce]`.
const fn before(b: &[u8], a: usize, ae: usize, c: usize, ce: usize) -> bool {
    let mut k = 0;
    while a + k < ae && c + k < ce {
        if b[a + k] != b[c + k] {
            return b[a + k] < b[c + k];
        }
        k += 1;
    }
    ae - a < ce - c
}

impl Words {
    /// Whether the list holds `word` (exactly: lists hold lower-case words).
    pub fn has(self, word: &str) -> bool {
        let w = word.as_bytes();
        let mut rest = self.0;
        while let [len, count, tail @ ..] = rest {
            let (len, count) = (usize::from(*len), usize::from(*count));
            if len > w.len() {
                return false;
            }
            if len == w.len() {
                let (mut lo, mut hi) = (0, count);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    match w.cmp(tail.get(mid * len..(mid + 1) * len).unwrap_or_default()) {
                        std::cmp::Ordering::Equal => return true,
                        std::cmp::Ordering::Less => hi = mid,
                        std::cmp::Ordering::Greater => lo = mid + 1,
                    }
                }
                return false;
            }
            rest = tail.get(len * count..).unwrap_or_default();
        }
        false
    }

    /// The words, shortest first, each length in sorted order.
    #[cfg(test)]
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        let mut rest = self.0;
        let mut words = Vec::new();
        while let [len, count, tail @ ..] = rest {
            let (len, count) = (usize::from(*len), usize::from(*count));
            for k in 0..count {
                words.push(std::str::from_utf8(&tail[k * len..(k + 1) * len]).unwrap());
            }
            rest = &tail[len * count..];
        }
        words.into_iter()
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

    /// Whether `list` is in order, shortest first and sorted within a length, and
    /// free of duplicates (what [`Words::has`] needs).
    pub fn sorted_and_unique(list: Words) -> bool {
        let words: Vec<&str> = list.iter().collect();
        words
            .windows(2)
            .all(|w| (w[0].len(), w[0]) < (w[1].len(), w[1]))
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
    #[should_panic(expected = "not sorted")]
    fn a_list_out_of_order_is_refused() {
        let _: [u8; 8] = pack("cat\ndog\nant\n");
    }

    #[test]
    #[should_panic(expected = "not sorted")]
    fn a_list_with_a_word_twice_is_refused() {
        let _: [u8; 8] = pack("ant\ncat\ncat\n");
    }

    #[test]
    fn calendar_words() {
        assert!(is_calendar_word("Thursday"));
        assert!(is_calendar_word("SEPTEMBER"));
        assert!(!is_calendar_word("Sept"));
        assert!(!is_calendar_word("Mayor"));
    }
}
