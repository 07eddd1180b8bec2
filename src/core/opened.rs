//! The sections' open states after mount, and what opens and closes them: a
//! section's toggle, "Expand all" and "Collapse all", a link or a key quote into a
//! section, find in page, printing, and the held closes coming due (`held`).
//!
//! This is the one record of which section is open. The web layer applies the
//! changes an input returns (the toggle's `aria-expanded`, the bodies' `hidden`), sends
//! a `toggle` event for each when the reader made them, and stores the state when
//! told to.

use super::held::Held;

/// What opens or closes sections.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// A section's own toggle: it flips.
    Toggle(usize),
    /// The contents' "Expand all" / "Collapse all": expands when any is closed.
    ToggleAll,
    /// `expandAll()` (true), `collapseAll()` (false), find in page (true).
    SetAll(bool),
    /// A link, a key quote or a find-in-page match inside these sections (the
    /// innermost first): they open.
    OpenAround(&'a [usize]),
    /// The page is about to print: every section opens, for now.
    BeforePrint,
    /// Printing is over: every section as it was before.
    AfterPrint,
}

/// What an input changed.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// Each section to open (`true`) or close, in order.
    pub set: Vec<(usize, bool)>,
    /// Whether the reader made them: each is told as a `toggle` event.
    pub by_reader: bool,
    /// Whether the state is to be stored for the page now.
    pub store: bool,
}

/// The open state of every section, and what printing put aside.
#[derive(Debug)]
pub struct Opened {
    /// Whether each section has a toggle; one without is always open.
    toggles: Vec<bool>,
    open: Vec<bool>,
    before_print: Option<Vec<bool>>,
}

impl Opened {
    /// The sections as mounted: (has a toggle, starts open) each.
    pub fn new(sections: impl Iterator<Item = (bool, bool)>) -> Opened {
        let (toggles, open) = sections.map(|(t, o)| (t, o || !t)).unzip();
        Opened {
            toggles,
            open,
            before_print: None,
        }
    }

    /// Whether section `i` is open (an unknown one is not).
    pub fn is_open(&self, i: usize) -> bool {
        self.open.get(i).copied().unwrap_or(false)
    }

    /// Each section as (has a toggle, is open), for the contents' button.
    pub fn states(&self) -> impl Iterator<Item = (bool, bool)> + '_ {
        self.toggles.iter().copied().zip(self.open.iter().copied())
    }

    /// The sections stored as open for the page: those with a toggle that are open
    /// and wanted so (one held open only because the reader saw it is not).
    pub fn stored_open<'a>(&'a self, held: &'a Held) -> impl Iterator<Item = usize> + 'a {
        self.states()
            .enumerate()
            .filter(move |&(i, (toggle, open))| toggle && held.wanted_open(i, open))
            .map(|(i, _)| i)
    }

    /// What `input` does; the reader's choices also win over the closes `held` holds.
    pub fn input(&mut self, input: Input, held: &mut Held) -> Changes {
        let mut out = Changes::default();
        match input {
            Input::Toggle(i) => {
                if i >= self.open.len() {
                    return out;
                }
                held.reader_chose(i);
                let want = !self.open[i];
                self.set(i, want, &mut out);
                out.by_reader = true;
                out.store = !out.set.is_empty();
            }
            Input::ToggleAll => {
                let any_closed = self.states().any(|(toggle, open)| toggle && !open);
                return self.input(Input::SetAll(any_closed), held);
            }
            Input::SetAll(open) => {
                held.reader_chose_all();
                for i in 0..self.open.len() {
                    self.set(i, open, &mut out);
                }
                out.by_reader = true;
                // Stored even when nothing changed: the held closes no longer count.
                out.store = true;
            }
            Input::OpenAround(around) => {
                let n = self.open.len();
                for &i in around.iter().filter(|&&i| i < n) {
                    held.reader_chose(i);
                    self.set(i, true, &mut out);
                }
                out.by_reader = true;
                out.store = !out.set.is_empty();
            }
            Input::BeforePrint => {
                if self.before_print.is_none() {
                    self.before_print = Some(self.open.clone());
                }
                for i in 0..self.open.len() {
                    self.set(i, true, &mut out);
                }
            }
            Input::AfterPrint => {
                if let Some(saved) = self.before_print.take() {
                    for (i, open) in saved.into_iter().enumerate() {
                        self.set(i, open, &mut out);
                    }
                }
            }
        }
        out
    }

    /// A held close came due (`held::Change::Close`): whether it closed the section
    /// (it may be closed already).
    pub fn close_held(&mut self, i: usize) -> bool {
        self.flip_to(i, false)
    }

    /// Sets section `i`, noting the change in `out`.
    fn set(&mut self, i: usize, open: bool, out: &mut Changes) {
        if self.flip_to(i, open) {
            out.set.push((i, open));
        }
    }

    /// Sets section `i`: whether it changed (a section without a toggle stays open).
    fn flip_to(&mut self, i: usize, open: bool) -> bool {
        match (self.toggles.get(i), self.open.get_mut(i)) {
            (Some(&true), Some(now)) if *now != open => {
                *now = open;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sections as (has a toggle, open); no held change.
    fn opened(states: &[(bool, bool)]) -> (Opened, Held) {
        (Opened::new(states.iter().copied()), Held::default())
    }

    fn open_flags(o: &Opened) -> Vec<bool> {
        o.states().map(|(_, open)| open).collect()
    }

    #[test]
    fn a_section_without_a_toggle_is_open_and_stays_open() {
        let (mut o, mut held) = opened(&[(false, false), (true, false)]);
        assert_eq!(open_flags(&o), [true, false]);
        assert_eq!(o.input(Input::Toggle(0), &mut held).set, []);
        assert_eq!(o.input(Input::SetAll(false), &mut held).set, []);
        assert!(o.is_open(0));
    }

    #[test]
    fn a_toggle_flips_its_section_and_is_stored() {
        let (mut o, mut held) = opened(&[(true, true), (true, false)]);
        let c = o.input(Input::Toggle(1), &mut held);
        assert_eq!(
            c,
            Changes {
                set: vec![(1, true)],
                by_reader: true,
                store: true
            }
        );
        assert_eq!(o.input(Input::Toggle(1), &mut held).set, [(1, false)]);
        assert_eq!(o.input(Input::Toggle(7), &mut held), Changes::default());
    }

    #[test]
    fn the_contents_button_expands_when_any_is_closed_else_collapses() {
        let (mut o, mut held) = opened(&[(true, true), (true, false), (false, true)]);
        assert_eq!(o.input(Input::ToggleAll, &mut held).set, [(1, true)]);
        assert_eq!(
            o.input(Input::ToggleAll, &mut held).set,
            [(0, false), (1, false)]
        );
    }

    #[test]
    fn expand_all_is_stored_even_when_nothing_changed() {
        let (mut o, mut held) = opened(&[(true, true)]);
        let c = o.input(Input::SetAll(true), &mut held);
        assert!(c.set.is_empty() && c.store && c.by_reader);
    }

    #[test]
    fn a_link_opens_every_section_around_its_target_and_nothing_else() {
        let (mut o, mut held) = opened(&[(true, false), (true, false), (true, true)]);
        let c = o.input(Input::OpenAround(&[1, 0, 2, 9]), &mut held);
        assert_eq!(c.set, [(1, true), (0, true)]);
        assert!(c.store);
        let again = o.input(Input::OpenAround(&[1]), &mut held);
        assert!(again.set.is_empty() && !again.store);
    }

    #[test]
    fn printing_opens_everything_and_then_puts_each_section_back() {
        let (mut o, mut held) = opened(&[(true, false), (true, true), (true, false)]);
        let c = o.input(Input::BeforePrint, &mut held);
        assert_eq!(c.set, [(0, true), (2, true)]);
        assert!(!c.by_reader && !c.store);
        // A second beforeprint (some engines send two) keeps the first state.
        o.input(Input::BeforePrint, &mut held);
        let c = o.input(Input::AfterPrint, &mut held);
        assert_eq!(c.set, [(0, false), (2, false)]);
        assert_eq!(open_flags(&o), [false, true, false]);
        assert_eq!(o.input(Input::AfterPrint, &mut held), Changes::default());
    }

    #[test]
    fn a_held_close_closes_an_open_section_once() {
        let (mut o, _) = opened(&[(true, true), (false, true)]);
        assert!(o.close_held(0));
        assert!(!o.close_held(0));
        assert!(!o.close_held(1), "a section without a toggle stays open");
    }

    #[test]
    fn what_is_stored_is_the_open_sections_with_a_toggle() {
        let (o, held) = opened(&[(true, true), (false, true), (true, false)]);
        assert_eq!(o.stored_open(&held).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn the_readers_choice_wins_over_a_held_close() {
        use crate::core::placement::Screen;
        // Two closed sections, both on the first screen: held open, their closes held.
        let mut s = crate::core::sections::sample(2, false);
        let screen = Screen {
            seen: vec![true, true],
            top_seen: true,
            end_seen: false,
            rail: false,
        };
        let mut held = Held::at_mount(&mut s, &screen, None, vec![], None).held;
        let mut o = Opened::new(s.iter().map(|s| (s.collapsible, s.open)));
        assert_eq!(open_flags(&o), [true, true]);
        assert_eq!(o.stored_open(&held).count(), 0, "stored as wanted: closed");
        o.input(Input::OpenAround(&[0]), &mut held);
        assert_eq!(o.stored_open(&held).collect::<Vec<_>>(), [0]);
        o.input(Input::SetAll(true), &mut held);
        assert_eq!(o.stored_open(&held).collect::<Vec<_>>(), [0, 1]);
        assert!(held.changes().is_empty());
    }
}
