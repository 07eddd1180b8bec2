//! The open/closed state the reader leaves on a page, kept in the session's storage:
//! its key, and its format (the ids of the open sections, one a line).

/// The key of a page's state: its path and the article's id (or, for an article
/// without one, `place`: its tag and its place among the page's elements of that
/// tag, as `article:0`).
pub fn key(path: &str, id: &str) -> String {
    ["article-widget:", path, "#", id].concat()
}

/// The state of a page whose open sections are `open`.
pub fn format<'a>(open: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for id in open {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(id);
    }
    out
}

/// Whether section `id` is open in the stored state `saved`.
pub fn is_open(saved: &str, id: &str) -> bool {
    saved.split('\n').any(|s| s == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_reads_back_what_was_stored() {
        let s = format(["intro", "day-two"].into_iter());
        assert_eq!(s, "intro\nday-two");
        assert!(is_open(&s, "intro") && is_open(&s, "day-two"));
        assert!(!is_open(&s, "day"), "ids match whole");
        assert!(
            !is_open(&format(std::iter::empty()), "intro"),
            "nothing open"
        );
    }

    #[test]
    fn the_key_names_the_page_and_the_article() {
        assert_eq!(
            key("/2024/05/trip.html", "post-1"),
            "article-widget:/2024/05/trip.html#post-1"
        );
        assert_eq!(key("/", "article:0"), "article-widget:/#article:0");
    }
}
