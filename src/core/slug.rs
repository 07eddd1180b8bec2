//! Readable, stable ids from titles.

/// Turns a title into an id: letters and digits (any script; ASCII lowered) joined by
/// hyphens, at most 64 characters, never empty.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            // ASCII is lowered; other scripts are kept as written (ids are
            // case-sensitive, and Unicode case tables would weigh the module down).
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Trump's" reads better as "trumps" than "trump-s".
        } else {
            pending_dash = true;
        }
        if out.chars().count() >= 64 {
            break;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Makes `base` unique: `base`, then `base-2`, `base-3`, ... whatever `taken` says.
pub(crate) fn unique(base: &str, mut taken: impl FnMut(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(
            slugify("Shifting U.S. Stance on Ukraine"),
            "shifting-u-s-stance-on-ukraine"
        );
        assert_eq!(slugify("A Path to Peace?"), "a-path-to-peace");
        assert_eq!(slugify("Trump's Position"), "trumps-position");
        assert_eq!(slugify("  Über   Größe "), "Über-größe");
        assert_eq!(slugify("?!"), "section");
    }

    #[test]
    fn unique_counts_up() {
        let taken = ["a", "a-2"];
        assert_eq!(unique("a", |c| taken.contains(&c)), "a-3");
        assert_eq!(unique("b", |c| taken.contains(&c)), "b");
    }
}
