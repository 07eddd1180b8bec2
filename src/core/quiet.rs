//! When scrolling is the reader's. After a jump (a link followed, a key quote shown,
//! the place restored on a reload) the page scrolls on its own for a moment, and a
//! held change made then above the view would count as the page moving: held changes
//! wait until scrolling has been quiet for [`QUIET_MS`].

/// How long scrolling must be quiet after a jump before it is the reader's, in ms.
pub const QUIET_MS: f64 = 150.0;

/// Until when (ms, the clock the web layer passes) scrolling is not the reader's.
#[derive(Debug)]
pub struct Quiet {
    until: f64,
}

impl Quiet {
    /// Mounted at `now`: the browser may still be restoring the reader's place.
    pub fn at_mount(now: f64) -> Quiet {
        Quiet {
            until: now + QUIET_MS,
        }
    }

    /// A jump starts at `now`.
    pub fn jump(&mut self, now: f64) {
        self.until = now + QUIET_MS;
    }

    /// A jump waits for the next paint: no scroll is the reader's until it starts.
    pub fn jump_pending(&mut self) {
        self.until = f64::INFINITY;
    }

    /// A scroll at `now`: whether it is the reader's (held changes may be made). One
    /// within the quiet of a jump is the jump's and makes the quiet last longer.
    pub fn scrolled(&mut self, now: f64) -> bool {
        if now < self.until {
            self.until = now + QUIET_MS;
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_right_after_mount_is_the_browsers() {
        let mut q = Quiet::at_mount(1000.0);
        assert!(!q.scrolled(1100.0));
        assert!(!q.scrolled(1200.0), "each scroll in the quiet extends it");
        assert!(q.scrolled(1351.0));
    }

    #[test]
    fn a_jump_makes_the_next_scrolls_its_own() {
        let mut q = Quiet::at_mount(0.0);
        assert!(q.scrolled(500.0));
        q.jump(600.0);
        assert!(!q.scrolled(700.0));
        assert!(q.scrolled(900.0));
    }

    #[test]
    fn a_pending_jump_holds_until_it_starts() {
        let mut q = Quiet::at_mount(0.0);
        q.jump_pending();
        assert!(!q.scrolled(1e9));
        q.jump(2e9);
        assert!(q.scrolled(2e9 + QUIET_MS));
    }
}
