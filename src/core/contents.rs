//! The table of contents: whether the article gets one, and each entry's reading
//! time.

/// Words read in a minute, for the reading times.
pub const WORDS_PER_MINUTE: usize = 230;

/// Whether the contents show: only for two sections or more (one entry is no map).
pub fn shows(toc: bool, sections: usize) -> bool {
    toc && sections >= 2
}

/// What the contents' one button says for sections that are each `(has a toggle,
/// open)`: "Expand all" while any section with a toggle is closed, else "Collapse
/// all"; `None` (no button) when no section has a toggle, where it would do nothing.
pub fn all_button(sections: impl Iterator<Item = (bool, bool)>) -> Option<&'static str> {
    let mut any = false;
    for (toggle, open) in sections {
        if toggle && !open {
            return Some("Expand all");
        }
        any |= toggle;
    }
    any.then_some("Collapse all")
}

/// The reading time of `words`, in whole minutes, at least one.
pub fn minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// "3 min", as the contents show it.
pub fn minutes_label(words: usize) -> String {
    [minutes(words).to_string().as_str(), " min"].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_rounds_up_to_whole_minutes() {
        assert_eq!(minutes(0), 1);
        assert_eq!(minutes(230), 1);
        assert_eq!(minutes(231), 2);
        assert_eq!(minutes_label(1000), "5 min");
    }

    #[test]
    fn the_all_button_says_what_it_will_do_and_is_gone_with_no_toggle() {
        assert_eq!(
            all_button([(true, true), (true, false)].into_iter()),
            Some("Expand all")
        );
        assert_eq!(
            all_button([(true, true), (false, false)].into_iter()),
            Some("Collapse all")
        );
        assert_eq!(
            all_button([(false, true), (false, false)].into_iter()),
            None
        );
    }

    #[test]
    fn one_section_gets_no_contents() {
        assert!(!shows(true, 1));
        assert!(shows(true, 2));
        assert!(!shows(false, 5));
    }
}
