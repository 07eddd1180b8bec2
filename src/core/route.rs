//! What the reader's clicks on the widget's own controls lead to, and when to scroll
//! to what the page's address points at. The web layer names what was hit (which
//! toggle, which contents link, the navigator's button) and what it measured; the
//! steps are decided here, and the web layer makes them. (Whether an address points
//! into the comments is `comments::hash_wants_comments`.)

/// One of the widget's own controls, as the web layer found it under a click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Section `i`'s toggle.
    Toggle(usize),
    /// The contents' link to section `i`.
    ContentsLink(usize),
    /// The contents' "Expand all" / "Collapse all".
    ContentsAll,
    /// The contents' "Show all" on a long list.
    ContentsMore,
    /// The navigator's corner button.
    NavButton,
    /// Any other link (a key quote's, the article's own).
    Link,
}

/// A step a click leads to, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Flip section `i` (the reader's toggle).
    Toggle(usize),
    /// Expand all, or collapse all when every section is open.
    ToggleAll,
    /// Open section `i` and every section around it (the link's own navigation
    /// then scrolls there).
    OpenAround(usize),
    /// Show the rest of a long contents list.
    ShowAllContents,
    /// Open the navigator's sheet, moving focus into it (`true`), or close it and
    /// give focus back to its button.
    SetSheet(bool),
}

/// What a click leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Click {
    /// First close the navigator's sheet, leaving focus where the link takes it.
    pub close_sheet: bool,
    /// Then this step, if any.
    pub step: Option<Step>,
}

/// What a click on `control` leads to. `in_sheet`: the control is in the
/// navigator's sheet; `sheet_open`: the sheet is open as a disclosure (a rail is
/// never open or closed).
pub fn click(control: Control, in_sheet: bool, sheet_open: bool) -> Click {
    // A link in the open sheet takes the reader into the article: the sheet closes.
    let link = matches!(control, Control::ContentsLink(_) | Control::Link);
    Click {
        close_sheet: link && in_sheet && sheet_open,
        step: match control {
            Control::NavButton => Some(Step::SetSheet(!sheet_open)),
            Control::Toggle(i) => Some(Step::Toggle(i)),
            Control::ContentsAll => Some(Step::ToggleAll),
            Control::ContentsMore => Some(Step::ShowAllContents),
            Control::ContentsLink(i) => Some(Step::OpenAround(i)),
            Control::Link => None,
        },
    }
}

/// When to scroll to the element the address points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    /// Not at all: the browser's own jump stands.
    No,
    /// Now (the address changed while the reader was on the page).
    Now,
    /// After the next paint: at mount, the jump goes in a frame of its own, after the
    /// mount's changes below the view are drawn (in the same frame, what they moved
    /// would count as the page moving).
    AfterPaint,
}

/// When to scroll to the address's target, once the sections around it are open.
/// `changed`: the fragment changed while the reader was on the page (not at mount);
/// `opened`: opening the sections around the target changed something; `seen`: the
/// target is on screen now.
pub fn jump(changed: bool, opened: bool, seen: bool) -> Scroll {
    if changed {
        Scroll::Now
    } else if opened || !seen {
        // At mount the browser jumped before the sections were made: the target may
        // have been collapsed, or moved by what the mount changed.
        Scroll::AfterPaint
    } else {
        Scroll::No
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(c: Click) -> (bool, Option<Step>) {
        (c.close_sheet, c.step)
    }

    #[test]
    fn a_toggle_flips_its_section_and_the_contents_buttons_do_theirs() {
        assert_eq!(
            steps(click(Control::Toggle(2), false, false)),
            (false, Some(Step::Toggle(2)))
        );
        assert_eq!(
            steps(click(Control::ContentsAll, false, false)),
            (false, Some(Step::ToggleAll))
        );
        assert_eq!(
            steps(click(Control::ContentsMore, true, true)),
            (false, Some(Step::ShowAllContents))
        );
        assert_eq!(steps(click(Control::Link, false, false)), (false, None));
    }

    #[test]
    fn a_contents_link_opens_its_section_and_closes_an_open_sheet() {
        let open = Some(Step::OpenAround(1));
        assert_eq!(
            steps(click(Control::ContentsLink(1), false, false)),
            (false, open)
        );
        assert_eq!(
            steps(click(Control::ContentsLink(1), true, true)),
            (true, open)
        );
        // In a rail (never open as a disclosure) nothing closes.
        assert_eq!(
            steps(click(Control::ContentsLink(1), true, false)),
            (false, open)
        );
        // A key quote's link in the sheet closes it too.
        assert_eq!(steps(click(Control::Link, true, true)), (true, None));
    }

    #[test]
    fn the_navigator_button_flips_the_sheet() {
        assert_eq!(
            steps(click(Control::NavButton, false, false)),
            (false, Some(Step::SetSheet(true)))
        );
        assert_eq!(
            steps(click(Control::NavButton, false, true)),
            (false, Some(Step::SetSheet(false)))
        );
    }

    #[test]
    fn an_address_changed_on_the_page_scrolls_now() {
        assert_eq!(jump(true, false, true), Scroll::Now);
    }

    #[test]
    fn at_mount_the_jump_waits_a_paint_only_when_needed() {
        // The target was in a closed section, or is off screen: jump after the paint.
        assert_eq!(jump(false, true, true), Scroll::AfterPaint);
        assert_eq!(jump(false, false, false), Scroll::AfterPaint);
        // The browser's own jump already shows it.
        assert_eq!(jump(false, false, true), Scroll::No);
    }
}
