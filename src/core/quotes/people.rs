//! The people (and other sources) an article names, so that "he said" and "Hegseth
//! said" resolve to the full name given earlier.

use super::lexicon::{has, NOT_PERSON, PLACE_WORDS};
use super::names::{is_nationality, lower, Mention};

/// A person named in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The fullest name given ("Pete Hegseth").
    pub name: String,
    /// The role the text gave with the name ("U.S. Defense Secretary").
    pub role: Option<String>,
}

/// The people named so far, and who was named last.
#[derive(Debug, Default)]
pub struct People {
    /// Everyone named, in order of first mention.
    pub list: Vec<Person>,
    /// The person named last (as a subject, a speaker, or a name in the text).
    pub last: Option<usize>,
    /// While set, names are only looked up: captions and headings name people in
    /// their own way ("President Donald J. Trump, Feb. 11") and register no one.
    pub frozen: bool,
}

/// Whether a mention names an organisation or a place, not a person.
pub fn is_not_person(m: &Mention) -> bool {
    // Organisations and places end in a word that says so ("White House",
    // "Contact Group"); a first name that is also such a word ("Bill Shorten")
    // does not make its bearer one.
    if m.name
        .last()
        .is_some_and(|w| has(NOT_PERSON, &lower(w)) || is_nationality(w))
    {
        return true;
    }
    // Places: "South Carolina", "East Asia", "United States".
    if m.name.len() > 1 && m.name.iter().any(|w| has(PLACE_WORDS, &lower(w))) && m.role.is_none() {
        return true;
    }
    // An acronym (NATO, FBI) is an organisation.
    m.name.len() == 1
        && m.name
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c == '.'))
}

fn initial_of(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    (a.chars().count() == 1 && b.starts_with(a)) || (b.chars().count() == 1 && a.starts_with(b))
}

impl People {
    /// The person a mention names, registering a new one when the mention is clearly
    /// a person (it has a role, or two or more name words and nothing of an
    /// organisation), or when `speaking` says it is the subject of a reporting verb.
    pub fn resolve(&mut self, m: &Mention, speaking: bool) -> Option<usize> {
        if is_not_person(m) {
            return None;
        }
        let last = m.name.last()?;
        let first = m.name.first()?;
        let found = self
            .list
            .iter()
            .position(|p| {
                let mut pw = p.name.split(' ');
                let p_first = pw.next().unwrap_or_default();
                let p_last = pw.next_back().unwrap_or(p_first);
                p_last == last.as_str()
                    && (m.name.len() == 1
                        || !p.name.contains(' ')
                        || p_first == first
                        || initial_of(p_first, first))
            })
            .or_else(|| {
                // A first name alone, for someone named in full before.
                (m.name.len() == 1)
                    .then(|| {
                        self.list.iter().position(|p| {
                            p.name.split(' ').next() == Some(last.as_str()) && p.name.contains(' ')
                        })
                    })
                    .flatten()
            });
        if let Some(k) = found {
            if self.frozen {
                return Some(k);
            }
            if let Some(p) = self.list.get_mut(k) {
                if m.name.len() > p.name.split(' ').count() {
                    p.name = m.name.join(" ");
                }
                if p.role.is_none() {
                    p.role = m.role.clone();
                }
            }
            return Some(k);
        }
        let clear = m.role.is_some() || m.name.len() >= 2;
        if self.frozen || !(clear || speaking) || m.name.len() > 4 {
            return None;
        }
        self.list.push(Person {
            name: m.name.join(" "),
            role: m.role.clone(),
        });
        Some(self.list.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &[&str]) -> Mention {
        Mention {
            from: 0,
            to: 1,
            name: name.iter().map(|s| s.to_string()).collect(),
            role: None,
            possessive: false,
        }
    }

    #[test]
    fn short_names_resolve_to_full_ones() {
        let mut people = People::default();
        let a = people.resolve(&m(&["Pete", "Hegseth"]), false);
        assert_eq!(people.resolve(&m(&["Hegseth"]), false), a);
        assert_eq!(people.resolve(&m(&["Pete"]), false), a);
        assert_eq!(people.resolve(&m(&["P.", "Hegseth"]), false), a);
        assert_eq!(people.resolve(&m(&["Munich"]), false), None);
        assert_eq!(people.resolve(&m(&["White", "House"]), false), None);
        assert!(people.resolve(&m(&["Smith"]), true).is_some());
        assert!(
            people.resolve(&m(&["Jones"]), false).is_none(),
            "one word, not speaking"
        );
    }

    #[test]
    fn places_and_acronyms_are_not_people() {
        assert!(is_not_person(&m(&["South", "Dakota"])));
        assert!(is_not_person(&m(&["NATO"])));
        assert!(!is_not_person(&m(&["Bill", "Shorten"])));
    }
}
