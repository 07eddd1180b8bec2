//! Section F1: sections found against a page's own headings, counted over pages
//! (shared by tests/corpus.rs and examples/headings_eval.rs through `#[path]`).

/// Matched, extra and missed section titles, summed over pages.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Matched sections whose depth under the page's top level is the gold's (the
    /// corpus test counts them; the real-page measure has no levels to compare).
    #[allow(dead_code)]
    pub level_right: usize,
}

impl Counts {
    /// The F1 score of the titles.
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}
