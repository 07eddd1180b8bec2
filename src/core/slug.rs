//! Readable, stable ids from titles, and the set of ids a page already has.

use super::{find, number};

/// A set of ids, kept sorted and looked up by binary search: the page's ids and those
/// given out. (A hash set would ship its hasher and table code in the module.)
#[derive(Clone, Debug, Default)]
pub struct IdSet(Vec<String>);

impl IdSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|s| s.as_str().cmp(id))
    }

    /// Whether `id` is in the set.
    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Adds `id`; returns whether it was new.
    pub fn insert(&mut self, id: String) -> bool {
        match self.find(&id) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, id);
                true
            }
        }
    }

    /// Takes `id` out; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IdSet {
    /// The set of `ids`: in linear time when they come in ascending order (as the
    /// web layer reads them), each out-of-order one inserted where it belongs.
    /// (No sort: it would ship a sort of strings in the module.)
    pub fn from_ascending(ids: impl IntoIterator<Item = String>) -> Self {
        let mut set = IdSet::new();
        for id in ids {
            if set.0.last().is_none_or(|last| *last < id) {
                set.0.push(id);
            } else {
                set.insert(id);
            }
        }
        set
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        IdSet::from_ascending(ids)
    }
}

/// Turns a title into an id: letters and digits (any script; ASCII lowered) joined by
/// hyphens, at most 64 characters, never empty.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in title.chars() {
        if joins_previous(c) && !c.is_alphanumeric() {
            // A mark belongs to the letter before it: kept after a kept letter (so a
            // decomposed "é" or a Hindi vowel sign does not split its word), dropped
            // where a word would start with it.
            if !pending_dash && !out.is_empty() {
                out.push(c);
            }
        } else if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                trim_joiners(&mut out);
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
    trim_joiners(&mut out);
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Drops invisible joiners and variation selectors that end a word: they only join
/// what follows them, and nothing follows.
fn trim_joiners(out: &mut String) {
    while find::ends_with_any(out, &['\u{200c}', '\u{200d}'])
        || out.ends_with(|c| matches!(c, '\u{fe00}'..='\u{fe0f}'))
    {
        out.pop();
    }
}

/// Combining marks and joiners that belong to the character before them, which
/// `char::is_alphanumeric` does not count as letters: accents typed as separate code
/// points (U+0301), Cyrillic, Hebrew and Arabic marks, the vowel signs and viramas of
/// the Indic scripts, Thai vowel marks, variation selectors, zero-width (non-)joiners.
/// Ranges rather than Unicode tables, which would weigh the module down.
fn joins_previous(c: char) -> bool {
    match c as u32 {
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 => true,
        0x05C4 | 0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 => true,
        0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED => true,
        // The Indic blocks: everything that is not a letter or digit but their
        // punctuation (danda, double danda, abbreviation sign) is a sign or mark.
        0x0964 | 0x0965 | 0x0970 => false,
        0x0900..=0x0DFF => true,
        0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E => true,
        0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF => true,
        0xFE00..=0xFE0F | 0xFE20..=0xFE2F => true,
        _ => false,
    }
}

/// Where [`unique`] goes on counting, for each base it found taken: the next suffix
/// to try. The ids taken only ever grow between calls, so a suffix once taken stays
/// taken: a thousand headings of one title ("Update", on a live blog) cost a thousand
/// tries, not half a million.
#[derive(Debug, Default)]
pub(crate) struct Counters(Vec<(String, usize)>);

/// Makes `base` unique: `base`, then `base-2`, `base-3`, ... whatever `taken` says,
/// `taken` only ever holding more between calls with the same `counters`.
pub(crate) fn unique(
    base: &str,
    counters: &mut Counters,
    mut taken: impl FnMut(&str) -> bool,
) -> String {
    let i = match counters.0.binary_search_by(|(b, _)| b.as_str().cmp(base)) {
        Ok(i) => i,
        Err(_) if !taken(base) => return base.to_string(),
        Err(i) => {
            counters.0.insert(i, (base.to_string(), 2));
            i
        }
    };
    let Some((_, next)) = counters.0.get_mut(i) else {
        return base.to_string();
    };
    loop {
        let mut id = [base, "-"].concat();
        number::push_uint(&mut id, *next as u64);
        *next += 1;
        if !taken(&id) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_sets_hold_each_id_once_in_any_order() {
        let mut ids: IdSet = ["b", "a", "c", "a"].map(String::from).into_iter().collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.contains("a") && ids.contains("c") && !ids.contains("d"));
        assert!(ids.insert("d".into()) && !ids.insert("b".into()));
        assert!(ids.remove("a") && !ids.remove("a") && !ids.contains("a"));
        assert!(ids.contains("d") && ids.len() == 3);
        assert!(IdSet::new().is_empty());
        let sorted = IdSet::from_ascending(["a", "b", "b", "c"].map(String::from));
        assert_eq!(sorted.len(), 3);
        assert!(sorted.contains("b") && sorted.contains("c"));
    }

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

    /// Regression: a decomposed accent (e + U+0301), a Hindi vowel sign or virama, or
    /// Hebrew points split the word they belong to ("cafe-", "ह-न-द").
    #[test]
    fn combining_marks_stay_in_their_word() {
        assert_eq!(slugify("Cafe\u{301} au lait"), "cafe\u{301}-au-lait");
        assert_eq!(slugify("re\u{301}sume\u{301}"), "re\u{301}sume\u{301}");
        assert_eq!(slugify("हिन्दी समाचार"), "हिन्दी-समाचार");
        assert_eq!(slugify("שָׁלוֹם עולם"), "שָׁלוֹם-עולם");
        assert_eq!(slugify("ภาษาไทย ง่าย"), "ภาษาไทย-ง่าย");
        // A mark with no letter before it starts nothing.
        assert_eq!(slugify("\u{301}\u{308} Über"), "Über");
        assert_eq!(slugify("\u{301}"), "section");
        // Emoji and their joiners are not words; the danda is punctuation.
        assert_eq!(slugify("👩\u{200d}👩\u{200d}👧 Family"), "family");
        assert_eq!(slugify("नमस्ते। दुनिया"), "नमस्ते-दुनिया");
        // A joiner stays inside a word (Persian) and goes where the word ends.
        assert_eq!(slugify("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(slugify("said\u{200d} it\u{fe0f}"), "said-it");
    }

    #[test]
    fn unique_counts_up() {
        let taken = ["a", "a-2"];
        let mut counters = Counters::default();
        assert_eq!(unique("a", &mut counters, |c| taken.contains(&c)), "a-3");
        assert_eq!(unique("b", &mut counters, |c| taken.contains(&c)), "b");
    }

    #[test]
    fn a_thousand_ids_of_one_base_take_linear_time() {
        // Regression: each id counted up from "-2" again, half a million tries for a
        // thousand headings named alike.
        let mut used = IdSet::new();
        let mut counters = Counters::default();
        let mut tries = 0;
        used.insert("update-7".into());
        for k in 0..1000 {
            let id = unique("update", &mut counters, |c| {
                tries += 1;
                used.contains(c)
            });
            let want = match k {
                0 => "update".to_string(),
                // update-7 was taken before: it is skipped, once.
                1..=5 => format!("update-{}", k + 1),
                _ => format!("update-{}", k + 2),
            };
            assert_eq!(id, want);
            assert!(used.insert(id));
        }
        assert!(tries < 2100, "{tries} tries");
    }
}
