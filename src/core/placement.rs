//! Where the widget's parts go, and what the reader sees at mount.
//!
//! Every reader gets the same page: the contents and the key-quotes panel go where
//! the settings say, whatever the reader sees when the widget mounts. The widget
//! mounts after the page has painted, so anything it would insert, collapse or
//! restyle where the reader already sees it (or above, where it would push the view)
//! waits (`held.rs`) until its place is out of view.

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
    /// Whether the page has a free margin beside the article (`rail::fits`): the
    /// parts then stand in the navigator's rail there, for every reader at that width.
    pub rail: bool,
}

impl Screen {
    /// A screen on which nothing of the article is seen yet (no measurement, as in
    /// a document that is not laid out): every part goes where the settings say.
    pub fn unseen(sections: usize) -> Screen {
        Screen {
            seen: vec![false; sections],
            top_seen: false,
            end_seen: false,
            rail: false,
        }
    }

    /// Whether the reader sees section `i` (or has scrolled past it).
    pub fn seen(&self, i: usize) -> bool {
        self.seen.get(i).copied().unwrap_or(false)
    }

    /// Whether putting something at `spot` now would push down what the reader sees
    /// (an embedder's own element is the embedder's choice, and is never held).
    pub fn sees(&self, spot: &Spot) -> bool {
        match spot {
            Spot::BeforeSection(i) => self.seen(*i),
            Spot::Top => self.top_seen,
            Spot::End => self.end_seen,
            Spot::Selector(_) => false,
        }
    }
}

/// Where the key-quotes panel goes: as `quotes_at` asks. `Lead` is before the first
/// section heading, under the article's opening (the top when it has no sections).
pub fn quotes_spot(sections: &[Section], quotes_at: &QuotesAt) -> Spot {
    match quotes_at {
        QuotesAt::Selector(s) => Spot::Selector(s.clone()),
        QuotesAt::End => Spot::End,
        QuotesAt::Top => Spot::Top,
        QuotesAt::Lead if sections.is_empty() => Spot::Top,
        QuotesAt::Lead => Spot::BeforeSection(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(n: usize) -> Vec<Section> {
        crate::core::sections::sample(n, false)
    }

    #[test]
    fn the_panel_goes_where_the_settings_say_whatever_is_seen() {
        let s = sections(3);
        assert_eq!(quotes_spot(&s, &QuotesAt::Lead), Spot::BeforeSection(0));
        assert_eq!(quotes_spot(&[], &QuotesAt::Lead), Spot::Top);
        assert_eq!(quotes_spot(&s, &QuotesAt::Top), Spot::Top);
        assert_eq!(quotes_spot(&s, &QuotesAt::End), Spot::End);
        assert_eq!(
            quotes_spot(&s, &QuotesAt::Selector("#side".into())),
            Spot::Selector("#side".into())
        );
    }

    #[test]
    fn a_spot_is_seen_when_the_reader_sees_its_place() {
        let sc = Screen {
            seen: vec![true, false],
            top_seen: true,
            end_seen: false,
            rail: false,
        };
        assert!(sc.sees(&Spot::Top));
        assert!(sc.sees(&Spot::BeforeSection(0)));
        assert!(!sc.sees(&Spot::BeforeSection(1)));
        assert!(!sc.sees(&Spot::End));
        // A screen shorter than the sections (a mismatch) counts the rest as unseen.
        assert!(!sc.sees(&Spot::BeforeSection(7)));
        // The embedder's element is the embedder's choice.
        assert!(!sc.sees(&Spot::Selector("#side".into())));
        let all = Screen::unseen(2);
        assert!(!all.sees(&Spot::Top) && !all.sees(&Spot::End));
    }
}
