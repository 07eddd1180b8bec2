//! Whether the page has a free margin beside the article for the navigator's rail.
//!
//! On a wide screen the contents and the key quotes stand in a rail in the margin
//! to the right of the article, sticky as the reader scrolls (as an encyclopedia's
//! contents sidebar does): in reach from anywhere, taking no room in the article, so
//! nothing moves. The margin is free when the rail fits between the article and the
//! page's right edge and nothing of the page (a sidebar, an ad, a fixed bar) lies in
//! its column beside the article; otherwise the navigator is a corner button.

/// A box in window coordinates: left, top, right, bottom.
type Rect = [f64; 4];

fn meets(a: &Rect, b: &[f64]) -> bool {
    matches!(b, [l, t, r, bt] if *l < a[2] && *r > a[0] && *t < a[3] && *bt > a[1])
}

/// The rail's width and its gaps, in rem (the stylesheet's `14rem` and the `1rem`
/// either side).
const WIDTH_REM: f64 = 14.0;
const GAP_REM: f64 = 1.0;

/// Whether the rail fits in the margin: its column beside the article, with a gap
/// either side, inside the page and clear of everything else the page shows.
/// `measured` is what the web layer read around the article, as numbers (see
/// `js/read.js`'s `margin`): the page's right edge (the window's width without its
/// scroll bar), one rem in pixels, 1 when an ancestor of the article clips or
/// scrolls its content (the rail would be cut off, or not stick) or the article is
/// positioned so the rail cannot stand beside it, the article's box, then the box of
/// each element the page shows beside the article and its ancestors (their
/// siblings). A box is four numbers: left, top, right, bottom.
pub fn fits(measured: &[f64]) -> bool {
    let [page_right, rem, boxed, left, top, right, bottom, ..] = *measured else {
        return false;
    };
    if boxed != 0.0 || rem.is_nan() || rem <= 0.0 || bottom <= top || left.is_nan() {
        return false;
    }
    let from = right + GAP_REM * rem;
    let column: Rect = [from, top, from + WIDTH_REM * rem, bottom];
    let others = measured.get(7..).unwrap_or_default();
    column[2] + GAP_REM * rem <= page_right && !others.chunks(4).any(|o| meets(&column, o))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article 720 px wide in the middle of a window `width` wide, at rem 16 px,
    /// with `others` beside it.
    fn centred(width: f64, others: &[[f64; 4]]) -> Vec<f64> {
        let left = (width - 720.0) / 2.0;
        let mut v = vec![width, 16.0, 0.0, left, 200.0, left + 720.0, 3000.0];
        v.extend(others.iter().flatten());
        v
    }

    #[test]
    fn the_rail_stands_in_a_margin_wide_enough_for_it_and_its_gaps() {
        // 14 rem and two gaps of 1 rem: 256 px.
        assert!(fits(&centred(1920.0, &[])));
        assert!(fits(&centred(1240.0, &[])), "a 260 px margin holds 256 px");
        assert!(!fits(&centred(1200.0, &[])), "a 240 px margin does not");
        assert!(!fits(&centred(390.0, &[])));
    }

    #[test]
    fn a_sidebar_ad_or_bar_beside_the_article_takes_the_margin() {
        // A sidebar beside the article.
        assert!(!fits(&centred(1920.0, &[[1340.0, 300.0, 1640.0, 900.0]])));
        // A header above the article and a footer below it leave the margin free.
        let above_below = [[0.0, 0.0, 1920.0, 150.0], [0.0, 3100.0, 1920.0, 3300.0]];
        assert!(fits(&centred(1920.0, &above_below)));
        // Something far to the right of the rail's column does not count.
        assert!(fits(&centred(1920.0, &[[1700.0, 300.0, 1900.0, 900.0]])));
    }

    #[test]
    fn a_clipping_ancestor_or_no_measure_gives_no_rail() {
        let mut boxed = centred(1920.0, &[]);
        boxed[2] = 1.0;
        assert!(!fits(&boxed));
        assert!(!fits(&[]), "nothing measured (no layout)");
        let mut nan = centred(1920.0, &[]);
        nan[1] = f64::NAN;
        assert!(!fits(&nan));
        // A box cut short is not read as one.
        let mut short = centred(1920.0, &[]);
        short.extend([1340.0, 300.0]);
        assert!(fits(&short));
    }
}
