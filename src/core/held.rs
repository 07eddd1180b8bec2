//! Changes the reader would see move, held until their place is out of view.
//!
//! At mount the web layer measures what the reader sees (`placement::Screen`). A
//! section the reader sees (or has scrolled past) stays open and keeps its look, and
//! a part whose place is seen is not put in yet: each such change is held here. As
//! the reader scrolls, the web layer measures each held change's region, and
//! `Held::due` gives back the changes that may be made now: those wholly below the
//! view (the reader has not seen them yet), and those wholly above it, made while
//! the engine (or the web layer) keeps the reader's place. A change that shortens
//! the page waits while the page below the view is shorter than what it takes away:
//! the view would be pushed up against the page's end. After one scroll through,
//! the page is the one a reader arriving at its top gets. The reader's own choices
//! (a toggle, a link, "Expand all") win over a held state.

use super::placement::{Screen, Spot};
use super::sections::Section;
use super::stored;

/// One of the widget's own parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The table of contents.
    Contents,
    /// The key-quotes panel.
    Quotes,
}

/// A change to the page that waits until the reader cannot see it happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Section `i`'s heading, a line of text the widget made a heading, takes the
    /// heading look (larger, bold).
    Heading(usize),
    /// Section `i` closes: its wanted state (the `open` option, or the state the
    /// reader left on this page) is closed.
    Close(usize),
    /// A part goes in the page at its spot.
    Put(Part, Spot),
    /// The comment area takes the room the comments will need (so that nothing
    /// below it moves when they load).
    Reserve,
}

/// Where a held change's region stands against the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Wholly above the top of the window: made now, keeping the reader's place.
    Above,
    /// On screen, or measured nowhere (not laid out): still held.
    Seen,
    /// Wholly below the bottom of the window: made now, nothing seen moves.
    Below,
}

impl Place {
    /// Where the region from `top` to `bottom` (window coordinates; a point has
    /// `top == bottom`) stands in a window `height` tall. A region the page does not
    /// lay out (no size: not measured) is held.
    pub fn of(top: f64, bottom: f64, height: f64) -> Place {
        if height.is_nan() || height <= 0.0 || !top.is_finite() || !bottom.is_finite() {
            Place::Seen
        } else if bottom <= 0.0 {
            Place::Above
        } else if top >= height {
            Place::Below
        } else {
            Place::Seen
        }
    }
}

/// What may be made now.
#[derive(Debug, Default, PartialEq)]
pub struct Batch {
    /// The changes, in the order they are to be made.
    pub changes: Vec<Change>,
    /// Whether one of them is above the view: the view must then scroll by what the
    /// changes moved, so that what the reader sees stays where it is.
    pub keep_place: bool,
}

/// The changes held, in the order they are to be made.
#[derive(Debug, Default, PartialEq)]
pub struct Held {
    changes: Vec<Change>,
}

/// What mounting makes at once: the parts to put in the page now, and the rest held.
#[derive(Debug, PartialEq)]
pub struct Mount {
    /// The parts to put in the page now, each at its spot.
    pub now: Vec<(Part, Spot)>,
    /// The parts that stand in the navigator's rail beside the article for good (the
    /// page has a free margin: `Screen::rail`).
    pub railed: Vec<Part>,
    /// Whether the comment area takes its room now.
    pub reserve: bool,
    /// What waits.
    pub held: Held,
}

impl Held {
    /// Settles the start of each section and part for the screen the reader has at
    /// mount. `sections` come with the `open` option's state; each takes its wanted
    /// state (`saved`, the state the reader left on this page, wins over the option),
    /// except that a collapsible section the reader sees stays open, with its close
    /// held. An inferred heading the reader sees keeps the look of its text, with
    /// its heading look held. `parts` are where the settings put each part: those
    /// whose place the reader sees are held; with a free margin beside the article
    /// (`screen.rail`), every part the settings do not put in an element of the
    /// embedder's stands in the rail instead, whatever is seen. `comments` is whether the reader sees
    /// the comment area, when comments load later: its room is held while seen.
    pub fn at_mount(
        sections: &mut [Section],
        screen: &Screen,
        saved: Option<&str>,
        parts: Vec<(Part, Spot)>,
        comments: Option<bool>,
    ) -> Mount {
        let mut changes = Vec::new();
        for (i, s) in sections.iter_mut().enumerate() {
            let wanted = saved.map_or(s.open, |saved| stored::is_open(saved, &s.id));
            if !screen.seen(i) {
                s.open = wanted;
                continue;
            }
            if s.inferred {
                changes.push(Change::Heading(i));
            }
            s.open = true;
            if s.collapsible && !wanted {
                changes.push(Change::Close(i));
            }
        }
        let mut now = Vec::new();
        let mut railed = Vec::new();
        for (part, spot) in parts {
            if screen.rail && !matches!(spot, Spot::Selector(_)) {
                railed.push(part);
            } else if screen.sees(&spot) {
                changes.push(Change::Put(part, spot));
            } else {
                now.push((part, spot));
            }
        }
        if comments == Some(true) {
            changes.push(Change::Reserve);
        }
        Mount {
            now,
            railed,
            reserve: comments == Some(false),
            held: Held { changes },
        }
    }

    /// The changes still held, in order: the web layer measures each one's region.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether a part still waits for its spot (it is in the navigator meanwhile).
    pub fn holds_parts(&self) -> bool {
        self.changes.iter().any(|c| matches!(c, Change::Put(..)))
    }

    /// Whether nothing is held any more (the web layer stops measuring).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Takes the changes that may be made now, given each held one's region (top
    /// and bottom in window coordinates, index for index with `changes()`; a change
    /// not measured stays), the window's `height` and the `room` between the bottom
    /// of the window and the end of the page. While `parts_in_use` (the reader has
    /// them open in the navigator), the parts stay where they are.
    pub fn due(
        &mut self,
        regions: &[(f64, f64)],
        height: f64,
        mut room: f64,
        parts_in_use: bool,
    ) -> Batch {
        let mut batch = Batch::default();
        let mut kept = Vec::with_capacity(self.changes.len());
        for (i, c) in self.changes.drain(..).enumerate() {
            let (top, bottom) = regions.get(i).copied().unwrap_or((f64::NAN, f64::NAN));
            let mut place = Place::of(top, bottom, height);
            if parts_in_use && matches!(c, Change::Put(..)) {
                place = Place::Seen;
            }
            // Closing takes away at most the section's height.
            if matches!(c, Change::Close(_)) && place != Place::Seen {
                let takes = bottom - top;
                if takes > room {
                    place = Place::Seen;
                } else {
                    room -= takes;
                }
            }
            match place {
                Place::Seen => kept.push(c),
                Place::Above => {
                    batch.keep_place = true;
                    batch.changes.push(c);
                }
                Place::Below => batch.changes.push(c),
            }
        }
        self.changes = kept;
        batch
    }

    /// The reader opened or closed section `i` (a toggle, a link into it, find in
    /// page): their choice stands, and its held close is dropped.
    pub fn reader_chose(&mut self, i: usize) {
        self.changes.retain(|c| *c != Change::Close(i));
    }

    /// The reader opened or closed every section ("Expand all", "Collapse all").
    pub fn reader_chose_all(&mut self) {
        self.changes.retain(|c| !matches!(c, Change::Close(_)));
    }

    /// Whether section `i`, open now, is wanted open: what is stored for the page
    /// (a section held open only because the reader saw it is stored closed).
    pub fn wanted_open(&self, i: usize, open: bool) -> bool {
        open && !self.changes.contains(&Change::Close(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::sections::sample as sections;

    /// Three closed sections, all seen at mount (their closes held), no parts.
    fn all_three_seen() -> Held {
        let mut s = sections(3, false);
        Held::at_mount(
            &mut s,
            &screen(&[true, true, true], false),
            None,
            vec![],
            None,
        )
        .held
    }

    fn screen(seen: &[bool], top_seen: bool) -> Screen {
        Screen {
            seen: seen.to_vec(),
            top_seen,
            end_seen: false,
            rail: false,
        }
    }

    fn parts() -> Vec<(Part, Spot)> {
        vec![
            (Part::Contents, Spot::Top),
            (Part::Quotes, Spot::BeforeSection(0)),
        ]
    }

    fn open(s: &[Section]) -> Vec<bool> {
        s.iter().map(|s| s.open).collect()
    }

    #[test]
    fn nothing_seen_means_nothing_held() {
        let mut s = sections(3, false);
        let m = Held::at_mount(&mut s, &Screen::unseen(3), None, parts(), None);
        assert!(m.held.is_empty());
        assert_eq!(m.now, parts());
        assert_eq!(open(&s), [false, false, false]);
    }

    #[test]
    fn a_seen_section_stays_open_with_its_look_and_its_close_held() {
        let mut s = sections(3, false);
        s[0].inferred = true;
        s[2].inferred = true;
        let m = Held::at_mount(
            &mut s,
            &screen(&[true, true, false], true),
            None,
            parts(),
            None,
        );
        assert_eq!(open(&s), [true, true, false]);
        assert_eq!(
            m.held.changes(),
            [
                Change::Heading(0),
                Change::Close(0),
                Change::Close(1),
                Change::Put(Part::Contents, Spot::Top),
                Change::Put(Part::Quotes, Spot::BeforeSection(0)),
            ]
        );
        assert!(m.now.is_empty());
    }

    #[test]
    fn with_a_free_margin_the_parts_stand_in_the_rail_whatever_is_seen() {
        for top_seen in [true, false] {
            let mut s = sections(2, false);
            let mut sc = screen(&[top_seen, false], top_seen);
            sc.rail = true;
            let mut wanted = parts();
            wanted.push((Part::Quotes, Spot::Selector("#side".into())));
            let m = Held::at_mount(&mut s, &sc, None, wanted, None);
            assert_eq!(m.railed, [Part::Contents, Part::Quotes]);
            // The embedder's own element is still the embedder's choice.
            assert_eq!(m.now, [(Part::Quotes, Spot::Selector("#side".into()))]);
            assert!(!m.held.holds_parts());
        }
    }

    #[test]
    fn a_section_wanted_open_holds_no_close() {
        let mut s = sections(2, true);
        let m = Held::at_mount(&mut s, &screen(&[true, false], false), None, vec![], None);
        assert!(m.held.is_empty(), "{:?}", m.held);
        assert_eq!(open(&s), [true, true]);
        let mut s = sections(2, false);
        s[0].collapsible = false;
        let m = Held::at_mount(&mut s, &screen(&[true, false], false), None, vec![], None);
        assert!(m.held.is_empty());
    }

    #[test]
    fn the_stored_state_wins_over_the_option() {
        let mut s = sections(3, true);
        let m = Held::at_mount(
            &mut s,
            &screen(&[true, false, false], false),
            Some("s2"),
            vec![],
            None,
        );
        // Unseen sections take the stored state at once; the seen one waits.
        assert_eq!(open(&s), [true, false, true]);
        assert_eq!(m.held.changes(), [Change::Close(0)]);
    }

    #[test]
    fn the_comment_area_takes_its_room_now_only_when_unseen() {
        let mut s = sections(1, true);
        let m = Held::at_mount(&mut s, &Screen::unseen(1), None, vec![], Some(false));
        assert!(m.reserve && m.held.is_empty());
        let m = Held::at_mount(&mut s, &Screen::unseen(1), None, vec![], Some(true));
        assert!(!m.reserve);
        assert_eq!(m.held.changes(), [Change::Reserve]);
        let m = Held::at_mount(&mut s, &Screen::unseen(1), None, vec![], None);
        assert!(!m.reserve && m.held.is_empty());
    }

    #[test]
    fn places_of_regions_against_the_window() {
        assert_eq!(Place::of(-300.0, -10.0, 800.0), Place::Above);
        assert_eq!(Place::of(-300.0, 0.0, 800.0), Place::Above);
        assert_eq!(Place::of(-300.0, 1.0, 800.0), Place::Seen);
        assert_eq!(Place::of(500.0, 900.0, 800.0), Place::Seen);
        assert_eq!(Place::of(800.0, 900.0, 800.0), Place::Below);
        // A point (a part's spot): seen at the top edge, above once scrolled past.
        assert_eq!(Place::of(0.5, 0.5, 800.0), Place::Seen);
        assert_eq!(Place::of(-0.5, -0.5, 800.0), Place::Above);
        // Nothing measured: held.
        assert_eq!(Place::of(0.0, 0.0, 0.0), Place::Seen);
        assert_eq!(Place::of(f64::NAN, 1.0, 800.0), Place::Seen);
    }

    #[test]
    fn due_changes_leave_in_order_and_say_when_to_keep_the_place() {
        let mut s = sections(3, false);
        for s in &mut s {
            s.inferred = true;
        }
        let mut h = Held::at_mount(
            &mut s,
            &screen(&[true, true, false], true),
            None,
            parts(),
            None,
        )
        .held;
        // Heading(0) Close(0) Heading(1) Close(1) Put(Contents) Put(Quotes), in a
        // window 800 tall with a long page below it.
        let (seen, above, below) = ((10.0, 50.0), (-500.0, -20.0), (900.0, 1300.0));
        let b = h.due(
            &[seen, seen, below, below, seen, seen],
            800.0,
            5000.0,
            false,
        );
        assert_eq!(b.changes, [Change::Heading(1), Change::Close(1)]);
        assert!(!b.keep_place);
        let b = h.due(
            &[above, above, (-3.0, -3.0), (0.5, 0.5)],
            800.0,
            5000.0,
            false,
        );
        assert_eq!(
            b.changes,
            [
                Change::Heading(0),
                Change::Close(0),
                Change::Put(Part::Contents, Spot::Top)
            ]
        );
        assert!(b.keep_place);
        assert_eq!(
            h.changes(),
            [Change::Put(Part::Quotes, Spot::BeforeSection(0))]
        );
        // Fewer regions than changes: the rest stays held.
        assert_eq!(h.due(&[], 800.0, 5000.0, false), Batch::default());
        assert!(!h.is_empty());
    }

    #[test]
    fn parts_open_in_the_navigator_stay_there() {
        let mut s = sections(1, false);
        let mut h = Held::at_mount(&mut s, &screen(&[true], true), None, parts(), None).held;
        assert!(h.holds_parts());
        let above = (-10.0, -10.0);
        // Close(0), then the two parts.
        let b = h.due(&[above, above, above], 800.0, 5000.0, true);
        assert_eq!(b.changes, [Change::Close(0)]);
        let b = h.due(&[above, above], 800.0, 5000.0, false);
        assert_eq!(b.changes.len(), 2);
        assert!(!h.holds_parts());
    }

    #[test]
    fn a_close_waits_while_the_page_below_is_too_short_for_it() {
        let mut h = all_three_seen();
        // Near the end of the page: 300 px below the window. Closing the first
        // section (400 px) would push the view up against the end; the second
        // (250 px) fits, and then the room left is too short for the third.
        let regions = [(-900.0, -500.0), (-450.0, -200.0), (-150.0, -20.0)];
        let b = h.due(&regions, 800.0, 300.0, false);
        assert_eq!(b.changes, [Change::Close(1)]);
        assert_eq!(h.changes(), [Change::Close(0), Change::Close(2)]);
        // Back up the page, with room below: both go.
        let b = h.due(&[(-900.0, -500.0), (-150.0, -20.0)], 800.0, 2000.0, false);
        assert_eq!(b.changes, [Change::Close(0), Change::Close(2)]);
        assert!(b.keep_place);
    }

    #[test]
    fn the_reader_s_choice_drops_a_held_close() {
        let mut h = all_three_seen();
        assert!(!h.wanted_open(1, true));
        h.reader_chose(1);
        assert!(h.wanted_open(1, true));
        assert_eq!(h.changes(), [Change::Close(0), Change::Close(2)]);
        h.reader_chose_all();
        assert!(h.is_empty());
        assert!(!h.wanted_open(0, false));
    }
}
