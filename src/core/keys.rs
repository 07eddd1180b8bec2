//! Keys the widget answers on its own.

/// Whether a key press opens the browser's find bar: Ctrl+F or Cmd+F (any case), or
/// F3. Where the browser cannot find text in a collapsed section, the widget opens
/// every section on it.
pub fn opens_find_bar(key: &str, ctrl: bool, meta: bool) -> bool {
    key == "F3" || ((ctrl || meta) && key.eq_ignore_ascii_case("f"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_find_bar_keys() {
        assert!(opens_find_bar("f", true, false));
        assert!(opens_find_bar("F", false, true));
        assert!(opens_find_bar("F3", false, false));
        assert!(!opens_find_bar("f", false, false));
        assert!(!opens_find_bar("g", true, false));
        assert!(!opens_find_bar("F4", true, false));
        assert!(!opens_find_bar("ф", true, false));
    }
}
