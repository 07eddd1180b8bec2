//! The table of contents: whether the article gets one, and each entry's reading
//! time.

use super::number;

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

/// The most entries the contents list shows at first: on a long article it stays
/// short, and the rest comes on demand (400 sections made a list taller than twenty
/// phone screens).
pub const SHORT_LIST: usize = 12;

/// Which entries of the contents (each given by its depth, 0 for the article's top
/// level) show at first: all of a short list; of a long one the top level, when it
/// is short enough; else the first [`SHORT_LIST`] entries of the top level.
pub fn shown_at_first(depths: &[u8]) -> Vec<bool> {
    if depths.len() <= SHORT_LIST {
        return vec![true; depths.len()];
    }
    let mut top = 0;
    depths
        .iter()
        .map(|&d| {
            let show = d == 0 && top < SHORT_LIST;
            top += usize::from(d == 0);
            show
        })
        .collect()
}

/// The section being read: the last whose heading's top (`tops`, in window
/// coordinates; NaN for a heading not on the page, inside a closed section) is above
/// the upper third of a window `height` tall.
pub fn being_read(tops: impl Iterator<Item = f64>, height: f64) -> Option<usize> {
    let line = height / 3.0;
    let mut current = None;
    for (i, top) in tops.enumerate() {
        if top <= line {
            current = Some(i);
        }
    }
    current
}

/// The contents entry that marks the section being read: its own when the list
/// shows it, else the nearest shown entry above it of a higher level (the section
/// around it), else none: a mark on a hidden entry is one the reader never sees.
pub fn marked_entry(current: Option<usize>, depths: &[u8], shown: &[bool]) -> Option<usize> {
    let i = current?;
    if shown.get(i).copied().unwrap_or(true) {
        return Some(i);
    }
    let mut depth = *depths.get(i)?;
    for j in (0..i).rev() {
        let d = *depths.get(j)?;
        if d < depth {
            if shown.get(j).copied().unwrap_or(false) {
                return Some(j);
            }
            depth = d;
        }
    }
    None
}

/// The button that shows the rest of a long contents list: "Show all 400 sections".
pub fn show_all_label(total: usize) -> String {
    let mut label = String::from("Show all ");
    number::push_uint(&mut label, total as u64);
    label.push_str(" sections");
    label
}

/// The reading time of `words`, in whole minutes, at least one.
pub fn minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// "3 min", as the contents show it.
pub fn minutes_label(words: usize) -> String {
    let mut label = number::uint(minutes(words) as u64);
    label.push_str(" min");
    label
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
    fn a_long_contents_list_shows_its_top_level_or_its_first_entries() {
        assert_eq!(shown_at_first(&[0, 1, 0]), [true, true, true]);
        // Five parts of four sub-parts each: the five parts.
        let nested: Vec<u8> = (0..25).map(|i| u8::from(i % 5 != 0)).collect();
        let shown = shown_at_first(&nested);
        assert_eq!(shown.iter().filter(|&&s| s).count(), 5);
        assert!(shown.iter().zip(&nested).all(|(&s, &d)| s == (d == 0)));
        // 400 parts: the first twelve.
        let flat = shown_at_first(&[0; 400]);
        assert_eq!(flat.iter().filter(|&&s| s).count(), SHORT_LIST);
        assert!(flat.get(..SHORT_LIST).is_some_and(|f| f.iter().all(|&s| s)));
        assert_eq!(show_all_label(400), "Show all 400 sections");
    }

    #[test]
    fn one_section_gets_no_contents() {
        assert!(!shows(true, 1));
        assert!(shows(true, 2));
        assert!(!shows(false, 5));
    }

    #[test]
    fn the_section_being_read_is_the_last_heading_above_the_upper_third() {
        assert_eq!(
            being_read([-500.0, 100.0, 400.0].into_iter(), 900.0),
            Some(1)
        );
        assert_eq!(being_read([350.0, 800.0].into_iter(), 900.0), None);
        assert_eq!(
            being_read([-500.0, f64::NAN].into_iter(), 900.0),
            Some(0),
            "a heading in a closed section is not read"
        );
    }

    #[test]
    fn a_hidden_entry_marks_the_shown_section_around_it() {
        // Top-level 0 and 1 shown; 1's subsections 2 and 3 hidden; top-level 4 hidden.
        let depths = [0, 0, 1, 2, 0];
        let shown = [true, true, false, false, false];
        assert_eq!(marked_entry(Some(1), &depths, &shown), Some(1));
        assert_eq!(marked_entry(Some(3), &depths, &shown), Some(1));
        assert_eq!(marked_entry(Some(4), &depths, &shown), None);
        assert_eq!(marked_entry(None, &depths, &shown), None);
        let all = [true; 5];
        assert_eq!(marked_entry(Some(3), &depths, &all), Some(3));
    }
}
