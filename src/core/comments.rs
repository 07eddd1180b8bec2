//! Decisions about the comment area that need no page: which links ask for the
//! comments, the count a theme prints, and the facade button's words.

/// Whether a URL fragment asks for the comments by its name alone: `#comments`, or
/// one comment (`#c123`, `#comment-123`, as Blogger and WordPress name them). A
/// fragment naming any element inside the comment area asks too; the web layer
/// checks that.
pub fn hash_wants_comments(hash: &str) -> bool {
    let h = hash.trim_start_matches('#');
    let one = h.strip_prefix("comment-").or_else(|| h.strip_prefix('c'));
    h == "comments" || one.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The comment count in a heading such as "12 comments" or "1 Comment:" (how
/// Blogger themes write it).
pub fn count_in_heading(text: &str) -> Option<u32> {
    let mut words = text.split_whitespace();
    let n = words.next()?.parse().ok()?;
    words
        .next()?
        .to_ascii_lowercase()
        .starts_with("comment")
        .then_some(n)
}

/// The comment count from a `data-num-comments` attribute.
pub fn count_in_attribute(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// What the widget did with the comment area, as the `mounted` event's `comments`
/// reports it. None of these stops the rest of the widget: a comment area the
/// widget cannot defer is left exactly as the page has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentsState {
    /// The comment system waits behind the facade until the reader wants it.
    Lazy,
    /// The `comments` option is off.
    Off,
    /// No comment area: the `comments` selector matches nothing, or no usual one is
    /// in the page.
    NotFound,
    /// A comment area, but nothing in it the widget can load later (a live comment
    /// list or form, a placeholder, a script already run): left as it is.
    NotLazy,
}

impl CommentsState {
    /// The name the `mounted` event's `comments` carries.
    pub fn name(self) -> &'static str {
        match self {
            CommentsState::Lazy => "lazy",
            CommentsState::Off => "off",
            CommentsState::NotFound => "not-found",
            CommentsState::NotLazy => "not-lazy",
        }
    }

    /// The one console line that says why comments were left alone (`None` when they
    /// are lazy or off, or when the page has no comment area and the caller named
    /// none). `selector` is the one the caller named, if any.
    pub fn note(self, selector: Option<&str>) -> Option<String> {
        let named = |s: &str| ["\"", s, "\""].concat();
        let what = selector.map_or_else(|| "the comment area".to_string(), named);
        match self {
            CommentsState::Lazy | CommentsState::Off => None,
            // A page with no comment area is common and nothing to tell; a selector
            // the caller named that matches nothing is.
            CommentsState::NotFound => selector.map(|s| {
                [
                    "article-widget: comments left as they are: no element matches ",
                    &named(s),
                    "; the rest of the widget is mounted",
                ]
                .concat()
            }),
            CommentsState::NotLazy => Some(
                [
                    "article-widget: comments left as they are: ",
                    &what,
                    " holds nothing to load later (a live comment list or form, or a placeholder); to load it lazily, park the comment system in a <template data-article-widget-comments> inside it",
                ]
                .concat(),
            ),
        }
    }
}

/// When comments that load as the reader comes near load. They load when the comment
/// area is near the view but not on screen. What the comment system renders changes
/// the area's height and arrangement, so while the reader sees the facade it stays (its
/// button loads them), until the area is out of view again: each of the reader's
/// scrolls measures it again meanwhile.
#[derive(Debug, Default)]
pub struct Nearness {
    /// The area is near and on screen: comments wait until it is not on screen.
    seen: bool,
}

impl Nearness {
    /// The area came near the view (`near`) or left it; `seen`: it is on screen.
    /// Whether the comments load now.
    pub fn near(&mut self, near: bool, seen: bool) -> bool {
        self.seen = near && seen;
        near && !seen
    }

    /// Whether a scroll of the reader's is to measure the area again.
    pub fn waiting(&self) -> bool {
        self.seen
    }

    /// The comments are loading (by any way): nothing waits for the area any more.
    pub fn loading(&mut self) {
        self.seen = false;
    }
}

/// The facade button's words for a count.
pub fn button_label(count: Option<u32>) -> String {
    match count {
        Some(1) => "Show 1 comment".to_string(),
        Some(n) => ["Show ", &n.to_string(), " comments"].concat(),
        None => "Show comments".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_links_are_told_by_their_fragment() {
        for yes in ["#comments", "comments", "#c123", "#comment-45"] {
            assert!(hash_wants_comments(yes), "{yes}");
        }
        for no in [
            "",
            "#",
            "#c",
            "#comment-",
            "#cats",
            "#c12a",
            "#section-2",
            "#comment-x1",
            "#c١٢",
        ] {
            assert!(!hash_wants_comments(no), "{no}");
        }
    }

    #[test]
    fn the_count_is_read_from_a_heading() {
        assert_eq!(count_in_heading("12 comments"), Some(12));
        assert_eq!(count_in_heading(" 1 Comment: "), Some(1));
        assert_eq!(count_in_heading("Post a Comment"), None);
        assert_eq!(count_in_heading("12"), None);
        assert_eq!(count_in_heading("12 replies"), None);
        assert_eq!(count_in_heading("人 comments"), None);
        assert_eq!(count_in_attribute(" 7 "), Some(7));
        assert_eq!(count_in_attribute("-1"), None);
    }

    #[test]
    fn comments_left_alone_are_reported_not_thrown() {
        assert_eq!(CommentsState::Lazy.name(), "lazy");
        assert_eq!(CommentsState::NotLazy.name(), "not-lazy");
        assert_eq!(CommentsState::NotFound.name(), "not-found");
        assert_eq!(CommentsState::Off.name(), "off");
        assert_eq!(CommentsState::Lazy.note(Some("#comments")), None);
        assert_eq!(CommentsState::Off.note(None), None);
        let n = CommentsState::NotLazy.note(Some("#comments")).unwrap();
        assert!(
            n.contains("\"#comments\" holds nothing to load later"),
            "{n}"
        );
        assert!(n.contains("<template data-article-widget-comments>"), "{n}");
        let n = CommentsState::NotFound.note(Some("#talk")).unwrap();
        assert!(n.contains("no element matches \"#talk\""), "{n}");
        assert_eq!(CommentsState::NotFound.note(None), None);
    }

    #[test]
    fn the_button_says_how_many() {
        assert_eq!(button_label(None), "Show comments");
        assert_eq!(button_label(Some(1)), "Show 1 comment");
        assert_eq!(button_label(Some(0)), "Show 0 comments");
        assert_eq!(button_label(Some(30)), "Show 30 comments");
    }

    #[test]
    fn comments_load_near_the_view_but_not_in_it() {
        let mut n = Nearness::default();
        assert!(n.near(true, false));
        assert!(!n.near(true, true), "the reader sees the facade: it stays");
        assert!(n.waiting(), "each scroll measures the area again");
        assert!(n.near(true, false), "out of view now: they load");
        assert!(!n.waiting());
        assert!(!n.near(false, false));
    }

    #[test]
    fn comments_that_load_otherwise_stop_the_wait() {
        let mut n = Nearness::default();
        n.near(true, true);
        n.loading();
        assert!(!n.waiting());
    }
}
