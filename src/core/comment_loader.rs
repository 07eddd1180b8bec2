//! The loading of the comment system, as a state machine: when the connection is
//! warmed, when the area takes its room, when a load starts (once; again after a
//! failure), how the scripts' and frames' reports end it, and the facade's words at
//! each step. The web layer inserts and removes the elements, listens, and keeps the
//! timer; it asks here what each event means.

/// How far loading has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Nothing loaded yet: the facade's button waits.
    Idle,
    /// Started: this many scripts or frames have not answered yet.
    Loading(usize),
    /// Every script or frame has loaded.
    Loaded,
    /// A script failed, or nothing answered in time: the button offers a retry.
    Failed,
}

/// How one script or frame answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It has loaded.
    Loaded,
    /// It failed to load.
    Failed,
    /// Nothing answered within the `commentsTimeout`.
    TimedOut,
}

/// How an attempt ended, for the facade and the events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The comments are in: the facade goes (`comments-loaded`).
    Loaded,
    /// They are not: the facade says why and offers a retry (`comments-failed`); what
    /// the attempt added is taken out.
    Failed(&'static str),
}

/// The button's words while loading.
pub const LOADING: &str = "Loading comments…";
/// The button's words after a failure.
pub const RETRY: &str = "Try again";
/// The link to the comments' own page, after a failure (when the page has one).
pub const OPEN_PAGE: &str = "Open the comments page";
/// Why an attempt failed: the comment system could not be put in the page.
pub const NOT_STARTED: &str = "the comment system could not be started";
/// Why an attempt failed: a script or frame reported an error.
pub const NOT_LOADED: &str = "a script of the comment system did not load";
/// Why an attempt failed: nothing answered in time.
pub const NO_ANSWER: &str = "the comment system did not answer in time";

/// The status line's words after a failure.
pub fn failure_message(why: &str) -> String {
    ["Comments could not be loaded: ", why, "."].concat()
}

/// The loader's state, and what it did once only.
#[derive(Debug)]
pub struct Loader {
    state: State,
    preconnected: bool,
    reserved: bool,
}

impl Default for Loader {
    fn default() -> Loader {
        Loader {
            state: State::Idle,
            preconnected: false,
            reserved: false,
        }
    }
}

impl Loader {
    /// How far loading has come.
    #[cfg(test)]
    fn state(&self) -> State {
        self.state
    }

    /// The reader showed intent (hovered or focused the facade): whether to warm the
    /// connection to the comment system's origin now (once, and only before loading).
    pub fn preconnect(&mut self) -> bool {
        let now = !self.preconnected && self.state == State::Idle;
        self.preconnected = true;
        now
    }

    /// Whether the comment area takes its room now (once).
    pub fn reserve(&mut self) -> bool {
        !std::mem::replace(&mut self.reserved, true)
    }

    /// The reader asked for the comments (or they came near): whether a load starts
    /// now. Not while one is under way or after one succeeded; again after a failure.
    pub fn start(&mut self) -> bool {
        if matches!(self.state, State::Loading(_) | State::Loaded) {
            return false;
        }
        self.state = State::Loading(0);
        true
    }

    /// The comment system is in the page, with `waiting` scripts or frames to hear
    /// from (`None`: it could not be put in). Ends the attempt when nothing is left
    /// to wait for.
    pub fn started(&mut self, waiting: Option<usize>) -> Option<End> {
        match waiting {
            None => self.end(End::Failed(NOT_STARTED)),
            Some(0) => self.end(End::Loaded),
            Some(n) => {
                self.state = State::Loading(n);
                None
            }
        }
    }

    /// A script or frame answered (or the time ran out): how the attempt ended, if it
    /// did. Reports after the end are ignored.
    pub fn report(&mut self, outcome: Outcome) -> Option<End> {
        let State::Loading(pending) = self.state else {
            return None;
        };
        match outcome {
            Outcome::Failed => self.end(End::Failed(NOT_LOADED)),
            Outcome::TimedOut => self.end(End::Failed(NO_ANSWER)),
            Outcome::Loaded if pending <= 1 => self.end(End::Loaded),
            Outcome::Loaded => {
                self.state = State::Loading(pending - 1);
                None
            }
        }
    }

    fn end(&mut self, end: End) -> Option<End> {
        self.state = match end {
            End::Loaded => State::Loaded,
            End::Failed(_) => State::Failed,
        };
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_starts_once_and_ends_when_every_script_has_loaded() {
        let mut l = Loader::default();
        assert!(l.start());
        assert!(!l.start(), "one load at a time");
        assert_eq!(l.started(Some(2)), None);
        assert_eq!(l.state(), State::Loading(2));
        assert_eq!(l.report(Outcome::Loaded), None);
        assert_eq!(l.report(Outcome::Loaded), Some(End::Loaded));
        assert!(!l.start(), "loaded: never again");
        assert_eq!(l.report(Outcome::Failed), None, "late reports are ignored");
    }

    #[test]
    fn nothing_to_wait_for_is_loaded_at_once() {
        let mut l = Loader::default();
        l.start();
        assert_eq!(l.started(Some(0)), Some(End::Loaded));
    }

    #[test]
    fn a_failure_says_why_and_allows_a_retry() {
        for (outcome, why) in [
            (Outcome::Failed, NOT_LOADED),
            (Outcome::TimedOut, NO_ANSWER),
        ] {
            let mut l = Loader::default();
            l.start();
            l.started(Some(3));
            assert_eq!(l.report(outcome), Some(End::Failed(why)));
            assert_eq!(l.state(), State::Failed);
            assert!(l.start(), "the button offers a retry");
        }
        let mut l = Loader::default();
        l.start();
        assert_eq!(l.started(None), Some(End::Failed(NOT_STARTED)));
    }

    #[test]
    fn the_connection_is_warmed_once_and_only_before_loading() {
        let mut l = Loader::default();
        assert!(l.preconnect());
        assert!(!l.preconnect());
        let mut l = Loader::default();
        l.start();
        assert!(!l.preconnect(), "loading already: no use");
    }

    #[test]
    fn the_room_is_taken_once() {
        let mut l = Loader::default();
        assert!(l.reserve());
        assert!(!l.reserve());
    }

    #[test]
    fn the_failure_message_is_one_sentence() {
        assert_eq!(
            failure_message(NO_ANSWER),
            "Comments could not be loaded: the comment system did not answer in time."
        );
    }
}
