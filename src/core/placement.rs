//! Placing the widget's parts without moving what the reader already sees.
//!
//! The widget mounts after the page has painted. Anything it collapses or inserts
//! above or inside the first screen would push visible text around (a layout shift),
//! so: a section whose heading the reader can already see (or has scrolled past)
//! stays open, and the contents and the key-quotes panel go at the first section
//! boundary below the first screen. What lies below the fold is free to change: the
//! reader has not seen it yet.

use super::sections::Section;
use super::settings::QuotesAt;

/// Where one of the widget's own parts (the contents, the key-quotes panel) goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    /// Before the heading of section `i`.
    BeforeSection(usize),
    /// At the top of the article.
    Top,
    /// At the end of the article.
    End,
    /// Inside the element the embedder's selector matches.
    Selector(String),
    /// Not put in the page at mount: every place for it is on the first screen (a
    /// short article the reader sees to its end), where it would push down what the
    /// reader sees below it.
    Held,
}

/// What the reader sees at mount, as the web layer measured it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Screen {
    /// For each section, index for index, whether its heading starts above the bottom
    /// of the window (on screen, or scrolled past).
    pub seen: Vec<bool>,
    /// Whether the top of the article is above the bottom of the window.
    pub top_seen: bool,
    /// Whether the end of the article is above the bottom of the window with
    /// something the page shows after it (a footer, the next post): what follows
    /// the article is on the first screen too.
    pub end_seen: bool,
}

impl Screen {
    /// A screen on which nothing of the article is seen yet (no measurement, as in
    /// a document that is not laid out): every part goes where the settings say.
    pub fn unseen(sections: usize) -> Screen {
        Screen {
            seen: vec![false; sections],
            top_seen: false,
            end_seen: false,
        }
    }

    fn seen(&self, i: usize) -> bool {
        self.seen.get(i).copied().unwrap_or(false)
    }

    /// The first section whose heading the reader has not seen, if any.
    fn first_unseen(&self, sections: &[Section]) -> Option<usize> {
        (0..sections.len()).find(|&i| !self.seen(i))
    }
}

/// Keeps open every collapsible section whose heading the reader has already seen:
/// collapsing it would pull up everything below it on the screen.
pub fn keep_seen_open(sections: &mut [Section], screen: &Screen) {
    for (i, s) in sections.iter_mut().enumerate() {
        if screen.seen(i) {
            s.open = true;
        }
    }
}

/// Whether section `i` may change its open state without the reader asking (a
/// remembered state being put back): not when the reader already sees it.
pub fn may_close(screen: &Screen, i: usize) -> bool {
    !screen.seen(i)
}

/// Where the contents go: at the top of the article when the reader has not seen
/// it yet, else before the first section heading below the first screen (the end of
/// the article when every heading is seen).
pub fn contents_spot(sections: &[Section], screen: &Screen) -> Spot {
    if !screen.top_seen {
        return Spot::Top;
    }
    below_the_fold(sections, screen)
}

/// Where the key-quotes panel goes: as `quotes_at` asks, moved down to the first
/// section heading below the first screen when that place is already seen.
pub fn quotes_spot(sections: &[Section], screen: &Screen, quotes_at: &QuotesAt) -> Spot {
    match quotes_at {
        QuotesAt::Selector(s) => Spot::Selector(s.clone()),
        QuotesAt::End => end(screen),
        QuotesAt::Top if !screen.top_seen => Spot::Top,
        QuotesAt::Lead => match sections.first() {
            Some(_) if !screen.seen(0) => Spot::BeforeSection(0),
            None if !screen.top_seen => Spot::Top,
            _ => below_the_fold(sections, screen),
        },
        QuotesAt::Top => below_the_fold(sections, screen),
    }
}

fn below_the_fold(sections: &[Section], screen: &Screen) -> Spot {
    screen
        .first_unseen(sections)
        .map_or_else(|| end(screen), Spot::BeforeSection)
}

/// The end of the article, unless the reader sees it (and what follows it).
fn end(screen: &Screen) -> Spot {
    if screen.end_seen {
        Spot::Held
    } else {
        Spot::End
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(n: usize) -> Vec<Section> {
        (0..n)
            .map(|i| Section {
                id: format!("s{i}"),
                title: format!("Part {i}"),
                level: 2,
                inferred: false,
                heading: i * 3,
                end: i * 3 + 3,
                kept: Vec::new(),
                collapsible: true,
                open: false,
                words: 100,
            })
            .collect()
    }

    fn screen(seen: &[bool], top_seen: bool) -> Screen {
        Screen {
            seen: seen.to_vec(),
            top_seen,
            end_seen: false,
        }
    }

    #[test]
    fn sections_the_reader_sees_stay_open() {
        let mut s = sections(3);
        keep_seen_open(&mut s, &screen(&[true, false, false], true));
        let open: Vec<bool> = s.iter().map(|s| s.open).collect();
        assert_eq!(open, [true, false, false]);
        assert!(!may_close(&screen(&[true, false, false], true), 0));
        assert!(may_close(&screen(&[true, false, false], true), 1));
    }

    #[test]
    fn parts_go_to_the_top_when_the_article_is_not_seen_yet() {
        let s = sections(3);
        let sc = screen(&[false, false, false], false);
        assert_eq!(contents_spot(&s, &sc), Spot::Top);
        assert_eq!(
            quotes_spot(&s, &sc, &QuotesAt::Lead),
            Spot::BeforeSection(0)
        );
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::Top), Spot::Top);
    }

    #[test]
    fn parts_move_below_the_first_screen_when_their_place_is_seen() {
        let s = sections(4);
        let sc = screen(&[true, true, false, false], true);
        assert_eq!(contents_spot(&s, &sc), Spot::BeforeSection(2));
        assert_eq!(
            quotes_spot(&s, &sc, &QuotesAt::Lead),
            Spot::BeforeSection(2)
        );
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::Top), Spot::BeforeSection(2));
    }

    #[test]
    fn the_lead_spot_stays_when_the_first_heading_is_below_the_fold() {
        let s = sections(2);
        let sc = screen(&[false, false], true);
        assert_eq!(
            quotes_spot(&s, &sc, &QuotesAt::Lead),
            Spot::BeforeSection(0)
        );
        assert_eq!(contents_spot(&s, &sc), Spot::BeforeSection(0));
    }

    #[test]
    fn a_fully_seen_article_takes_its_parts_at_the_end() {
        let s = sections(2);
        let sc = screen(&[true, true], true);
        assert_eq!(contents_spot(&s, &sc), Spot::End);
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::Lead), Spot::End);
    }

    /// A short article seen to its end on the first screen (a layout shift of 0.008
    /// on a real page at 1280x900: the panel went at the end and pushed the footer).
    #[test]
    fn parts_are_held_back_when_the_whole_article_and_its_end_are_seen() {
        let s = sections(2);
        let sc = Screen {
            end_seen: true,
            ..screen(&[true, true], true)
        };
        assert_eq!(contents_spot(&s, &sc), Spot::Held);
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::Lead), Spot::Held);
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::End), Spot::Held);
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::Top), Spot::Held);
        let sc = Screen {
            end_seen: true,
            ..screen(&[true, false], true)
        };
        assert_eq!(contents_spot(&s, &sc), Spot::BeforeSection(1));
    }

    #[test]
    fn the_embedder_s_choices_are_kept() {
        let s = sections(2);
        let sc = screen(&[true, true], true);
        assert_eq!(quotes_spot(&s, &sc, &QuotesAt::End), Spot::End);
        assert_eq!(
            quotes_spot(&s, &sc, &QuotesAt::Selector("#side".into())),
            Spot::Selector("#side".into())
        );
    }

    #[test]
    fn an_unmeasured_screen_changes_nothing() {
        let mut s = sections(2);
        let sc = Screen::unseen(2);
        keep_seen_open(&mut s, &sc);
        assert!(s.iter().all(|s| !s.open));
        assert_eq!(contents_spot(&s, &sc), Spot::Top);
        // A screen shorter than the sections (a mismatch) counts the rest as unseen.
        assert_eq!(
            quotes_spot(&s, &Screen::default(), &QuotesAt::Lead),
            Spot::BeforeSection(0)
        );
    }
}
