//! Word lists shared by the section finder and the quotation finder: names of months
//! and weekdays, in lower case, sorted, looked up by binary search.

/// The months, in lower case, sorted.
pub const MONTHS: &[&str] = &[
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
pub const WEEKDAYS: &[&str] = &[
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
    MONTHS.binary_search(&w.as_str()).is_ok() || WEEKDAYS.binary_search(&w.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [MONTHS, WEEKDAYS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert_eq!((MONTHS.len(), WEEKDAYS.len()), (12, 7));
    }

    #[test]
    fn calendar_words() {
        assert!(is_calendar_word("Thursday"));
        assert!(is_calendar_word("SEPTEMBER"));
        assert!(!is_calendar_word("Sept"));
        assert!(!is_calendar_word("Mayor"));
    }
}
