//! The people (and other sources) an article names, so that "he said" and "Hegseth
//! said" resolve to the full name given earlier.

use super::foreign;
use super::lang::{self, Lang};
use super::lexicon::{has, NOT_PERSON, ORG_NOUNS, PLACE_WORDS, TITLES};
use super::names::{is_cap, is_nationality, is_shouted, lower, split_possessive, Gender, Mention};
use crate::core::find;

/// What kind of source a registry entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person, by name.
    Person,
    /// An organisation, an outlet, a country ("the White House said", "Russia
    /// insisted"): a speaker, never what "he" or "she" stands for.
    Organisation,
    /// A source the text describes without a name ("a senior adviser").
    Description,
}

/// A person (or another source) named in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The fullest name given ("Pete Hegseth").
    pub name: String,
    /// The role the text gave with the name ("U.S. Defense Secretary").
    pub role: Option<String>,
    /// A person, an organisation or a description.
    pub kind: Kind,
    /// A woman or a man, when the text says which.
    pub gender: Option<Gender>,
    /// The text named this person clearly somewhere (two name words, a role, an
    /// honorific): a capitalised word alone before "said" may be no name at all
    /// ("Shortly", "Pollsters").
    pub clear: bool,
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
    /// The subject of the last sentence that had one: what a "he" or "she" opening
    /// the next sentence stands for.
    pub subject: Option<usize>,
    /// The people in the order they were last named, the latest last (at most a
    /// few): where a "she" goes when the person named last is a man.
    recent: Vec<usize>,
    /// The people named (or spoken of as "he" or "she") in the block read now, and
    /// in the block before it: a pronoun that looks back over them is sure only
    /// when no one else it could stand for is among them.
    pub here: Vec<usize>,
    pub before: Vec<usize>,
    /// The last description read was taken for the subject of the sentence before
    /// ("the candidate") or for the organisation that spoke last ("the company"):
    /// a guess.
    pub by_reference: bool,
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
    // German capitalises its nouns: "Politische Beobachter", "Deutsche Bahn".
    if m.name.iter().any(|w| foreign::is_common_german(w)) {
        return true;
    }
    // Places: "South Carolina", "East Asia", "United States".
    if m.name.len() > 1 && m.name.iter().any(|w| has(PLACE_WORDS, &lower(w))) && m.role.is_none() {
        return true;
    }
    // A people or a movement in the plural ("Tunisian Islamists", "Christians",
    // "Americans").
    if m.name.last().is_some_and(|w| {
        w.ends_with("ists")
            || w.ends_with("ians")
            || is_nationality(w.strip_suffix('s').unwrap_or_default())
    }) {
        return true;
    }
    // An acronym (NATO, FBI) is an organisation.
    m.name.len() == 1
        && m.name
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// Whether a mention clearly names a person: it has a role, an honorific, or two
/// name words not all in capitals (a headline's "FERRIES STRANDED" is no one).
fn clearly(m: &Mention) -> bool {
    m.role.is_some() || m.honorific || (m.name.len() >= 2 && !m.name.iter().all(|w| is_shouted(w)))
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
                if p.kind != Kind::Person {
                    return false;
                }
                let mut pw = p.name.split(' ');
                let p_first = pw.next().unwrap_or_default();
                let p_last = pw.next_back().unwrap_or(p_first);
                p_last == last.as_str()
                    && (m.name.len() == 1
                        || !find::has_char(&p.name, ' ')
                        || p_first == first
                        || initial_of(p_first, first))
            })
            .or_else(|| {
                // A first name alone, for someone named in full before.
                (m.name.len() == 1)
                    .then(|| {
                        self.list.iter().position(|p| {
                            p.kind == Kind::Person
                                && p.name.split(' ').next() == Some(last.as_str())
                                && find::has_char(&p.name, ' ')
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
                p.gender = p.gender.or(m.gender);
                p.clear |= clearly(m);
            }
            self.named(k);
            return Some(k);
        }
        let clear = clearly(m);
        if self.frozen || !(clear || speaking) || m.name.len() > 4 {
            return None;
        }
        // A capitalised word alone is a German noun as often as a name ("Schluss",
        // "Kontrollen"): a new person there needs a role, an honorific or a second
        // name word. A wrong name is worse than none.
        if lang::current() == Lang::De && !clear {
            return None;
        }
        let k = self.add(m.name.join(" "), m.role.clone(), Kind::Person);
        if let Some(p) = self.list.get_mut(k) {
            p.gender = m.gender;
            p.clear = clear;
        }
        self.named(k);
        Some(k)
    }

    /// The person a mention names if one is known already; registers no one.
    pub fn known(&mut self, m: &Mention) -> Option<usize> {
        let frozen = std::mem::replace(&mut self.frozen, true);
        let k = self.resolve(m, false);
        self.frozen = frozen;
        k
    }

    /// Notes that `k` was named just now.
    pub fn named(&mut self, k: usize) {
        self.note(k);
        self.recent.retain(|&r| r != k);
        if self.recent.len() >= 6 {
            self.recent.remove(0);
        }
        self.recent.push(k);
    }

    /// Whether "he" or "she" (of gender `g`) can stand for `k`: a person or a
    /// described source whose gender, if the text gave it, is `g`.
    pub fn fits(&self, k: usize, g: Option<Gender>) -> bool {
        self.list.get(k).is_some_and(|p| {
            p.kind != Kind::Organisation && (g.is_none() || p.gender.is_none() || p.gender == g)
        })
    }

    /// The person named most recently that "he" or "she" can stand for.
    pub fn recent_fitting(&self, g: Option<Gender>) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&k| self.fits(k, g))
    }

    /// Takes `g` as the gender of `k` when the text had not said it ("Ada Quill,
    /// who lost her seat, ...").
    pub fn learn_gender(&mut self, k: usize, g: Gender) {
        if let Some(p) = self.list.get_mut(k).filter(|p| p.kind == Kind::Person) {
            p.gender = p.gender.or(Some(g));
        }
    }

    fn add(&mut self, name: String, role: Option<String>, kind: Kind) -> usize {
        if let Some(k) = self
            .list
            .iter()
            .position(|p| p.kind == kind && kind != Kind::Person && p.name == name)
        {
            return k;
        }
        self.list.push(Person {
            name,
            role,
            kind,
            gender: None,
            clear: false,
        });
        self.list.len() - 1
    }

    /// An organisation (or a place standing for its government) that speaks: the
    /// subject of a reporting verb that is no person ("Twitter said in a statement").
    pub fn organisation(&mut self, m: &Mention) -> Option<usize> {
        if self.frozen || m.name.is_empty() || m.name.len() > 6 {
            return None;
        }
        Some(self.add(m.name.join(" "), None, Kind::Organisation))
    }

    /// A source described without a name, from its words ("a senior adviser to
    /// the mayor"). A definite description whose last word is a role ("the Vermont
    /// senator", "the former governor") is the person last named with that role,
    /// when there is one.
    pub fn described(&mut self, words: &[&str]) -> Option<usize> {
        self.by_reference = false;
        let head = words.first()?;
        // "la ministra", "die Ministerin", "l'attaquant" read as "the ...".
        let article = foreign::definite(head);
        let first = if article.is_some() {
            std::borrow::Cow::Borrowed("the")
        } else {
            lower(head)
        };
        let elided = article.flatten();
        let count = words.len() + usize::from(elided.is_some());
        let last = match (words.get(1..), elided) {
            (Some([]), Some(noun)) => role_word(noun),
            _ => words.last().map(|w| role_word(w))?,
        };
        // "Quill's campaign": an organisation by its candidate's name; "Quill's
        // lawyer": shown as it is.
        if let (Some(head), Some(rest)) = (words.first(), words.get(1..)) {
            let (stem, possessive) = split_possessive(head);
            if possessive && is_cap(head) && !rest.is_empty() && !self.frozen && words.len() <= 6 {
                if has(ORG_NOUNS, &last) {
                    let mut name = stem.to_string();
                    for w in rest {
                        name.push(' ');
                        name.push_str(w);
                    }
                    return Some(self.add(name, None, Kind::Organisation));
                }
                return Some(self.add(words.join(" "), None, Kind::Description));
            }
        }
        // "the Republican", "the President": a person's role alone, capitalised,
        // names no one; it is the holder of that role, as "the senator" is. Not "the
        // FBI", "the Kremlin", "the Party": those are organisations.
        let role_only = words.len() == 2
            && has(TITLES, &last)
            && !has(NOT_PERSON, &last)
            && !matches!(
                words.get(1).map(|w| w.as_bytes()),
                Some([_, b'A'..=b'Z', ..])
            )
            && !lang::foreign();
        let named = !role_only && words.iter().skip(1).any(|w| names_someone(w));
        if first == "the" && count >= 2 {
            let holder = self.list.iter().rposition(|p| {
                p.kind == Kind::Person
                    && p.role.as_deref().is_some_and(|r| {
                        r.split([' ', '-']).any(|w| {
                            let w = role_word(w);
                            // "die Ministerin" of "Umweltministerin Julia Neumann".
                            w == last || (lang::foreign() && w.ends_with(last.as_str()))
                        })
                    })
            });
            if holder.is_some() {
                return holder;
            }
            // "the Quill campaign": an organisation by its name; "the company", "the
            // group": the organisation that spoke last.
            if has(ORG_NOUNS, &last) {
                if named && !self.frozen {
                    let name = words.get(1..).unwrap_or_default().join(" ");
                    return Some(self.add(name, None, Kind::Organisation));
                }
                let org = self.list.iter().rposition(|p| p.kind == Kind::Organisation);
                if org.is_some() {
                    self.by_reference = true;
                    return org;
                }
            }
            // "the candidate", "the 46-year-old": a role or an age with no holder
            // named is the person the text is about, the last sentence's subject
            // (with a name in it, "the Florida senator" is shown as it is, below).
            if !named
                && (has(TITLES, &last)
                    || last.ends_with("-old")
                    || foreign::is_title(&last)
                    || last.ends_with("jährige"))
            {
                let subject = self
                    .subject
                    .filter(|&k| self.list.get(k).is_some_and(|p| p.kind == Kind::Person));
                if subject.is_some() {
                    self.by_reference = true;
                    return subject;
                }
            }
        }
        // "the New Zealand Department of Conservation": a name with its article, an
        // organisation.
        if first == "the"
            && words.len() >= 2
            && !role_only
            && words.last().is_some_and(|w| is_cap(w))
        {
            if self.frozen {
                return None;
            }
            let name = words.get(1..).unwrap_or_default().join(" ");
            return Some(self.add(name, None, Kind::Organisation));
        }
        // Without a proper name in it ("the minister", "a senior adviser", "the
        // report") a description says too little to show as a speaker: the labels
        // of this project leave such quotations without one. Twelve words at most,
        // as a description after a verb runs.
        if self.frozen || words.len() > 12 || !named {
            return None;
        }
        Some(self.add(words.join(" "), None, Kind::Description))
    }

    /// Notes that `k` was spoken of in this block ("he said", a speaker).
    pub fn note(&mut self, k: usize) {
        if !self.here.contains(&k) {
            self.here.push(k);
        }
    }

    /// Whether the name of `k` is one the panel may show: a person the text named
    /// clearly, an organisation by a name of two words or more, or one word that
    /// `common` does not find as an ordinary word of the article ("Shortly",
    /// "Pollsters" open a sentence capitalised; "Maddow" is a name); not a
    /// description ("a Democratic strategist"), which names no one.
    pub fn showable(&self, k: usize, common: impl Fn(&str) -> bool) -> bool {
        self.list.get(k).is_some_and(|p| match p.kind {
            Kind::Person if p.clear => true,
            Kind::Description => true,
            _ => find::has_char(&p.name, ' ') || !common(&p.name),
        })
    }

    /// Whether `k` is the only person (or described source) named in this block,
    /// and, with `before`, in the block before it.
    pub fn alone_here(&self, k: usize, before: bool) -> bool {
        let alone = |list: &[usize]| list.iter().all(|&j| j == k || !self.can_be_last(j));
        alone(&self.here) && (!before || alone(&self.before))
    }

    /// Starts a new block: who was named in this one is now who was named before
    /// (a block that names nobody, "We asked her.", leaves it as it was).
    pub fn next_block(&mut self) {
        if !self.here.is_empty() {
            self.before = std::mem::take(&mut self.here);
        }
    }

    /// Whether a pronoun of gender `g` that looks back past its sentence is sure
    /// to stand for `k`: `k` is named in this block (or, when not, in the block
    /// before) and nobody else it could stand for is (a "he" after a paragraph that
    /// names two men may be either). Only the first `seen` of this block's people
    /// count, and `also` (those its sentence names before the pronoun): a name
    /// after it is no one it looks back to.
    pub fn only_one(&self, k: usize, g: Option<Gender>, seen: usize, also: &[usize]) -> bool {
        let here = self.here.get(..seen).unwrap_or(&self.here);
        let near: &[usize] = if here.contains(&k) || also.contains(&k) {
            &[]
        } else if self.before.contains(&k) {
            &self.before
        } else {
            return false;
        };
        let rival = |list: &[usize]| list.iter().any(|&j| j != k && self.fits(j, g));
        !rival(near) && !rival(here) && !rival(also)
    }

    /// Whether `k` is something "he" or "she" can stand for.
    pub fn can_be_last(&self, k: usize) -> bool {
        self.list
            .get(k)
            .is_some_and(|p| p.kind != Kind::Organisation)
    }
}

/// Whether a word of a description names someone: a capitalised word, but not a
/// German role or noun ("ein Polizeisprecher" names nobody).
fn names_someone(w: &str) -> bool {
    is_cap(w)
        && !(lang::current() == Lang::De
            && (super::names::is_title(w) || foreign::is_common_german(w)))
}

/// A role word in full and in lower case ("Sen." -> "senator").
fn role_word(w: &str) -> String {
    let l = lower(w);
    let full = match l.trim_end_matches('.') {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "sec" => "secretary",
        "pres" => "president",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        other => other,
    };
    full.to_string()
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
            honorific: false,
            gender: None,
        }
    }

    #[test]
    fn organisations_and_descriptions_speak_but_are_not_he_or_she() {
        let mut people = People::default();
        let org = people.organisation(&m(&["Harbour", "Board"]));
        assert_eq!(org, people.organisation(&m(&["Harbour", "Board"])));
        assert!(org.is_some_and(|k| !people.can_be_last(k)));
        let d = people.described(&["a", "senior", "Harbour", "Board", "adviser"]);
        assert!(d.is_some_and(|k| people.can_be_last(k)));
        assert_eq!(people.described(&["a", "senior", "adviser"]), None);
        assert_eq!(people.resolve(&m(&["Board"]), false), None);
    }

    #[test]
    fn the_company_and_the_candidate() {
        let mut people = People::default();
        let org = people.organisation(&m(&["Kessel", "Dam"]));
        let ada = people.resolve(&m(&["Ada", "Quill"]), false);
        people.subject = ada;
        assert_eq!(people.described(&["the", "company"]), org);
        assert_eq!(people.described(&["the", "candidate"]), ada);
        assert_eq!(people.described(&["the", "46-year-old"]), ada);
        assert_eq!(
            people.described(&["the", "woman"]),
            None,
            "no role: maybe someone new"
        );
    }

    #[test]
    fn a_long_description_that_names_someone() {
        let mut people = People::default();
        let words = [
            "one", "old", "friend", "of", "the", "Harbour", "Party", "who", "knows", "the", "pier",
        ];
        let k = people.described(&words);
        assert_eq!(
            k.and_then(|k| people.list.get(k)).map(|p| p.kind),
            Some(Kind::Description)
        );
    }

    #[test]
    fn a_campaign_by_its_candidates_name() {
        let mut people = People::default();
        let k = people.described(&["Quill’s", "campaign"]);
        let p = k.and_then(|k| people.list.get(k));
        assert_eq!(
            p.map(|p| (p.name.as_str(), p.kind)),
            Some(("Quill campaign", Kind::Organisation))
        );
        let k = people.described(&["Quill's", "lawyer"]);
        assert_eq!(
            k.and_then(|k| people.list.get(k)).map(|p| p.name.as_str()),
            Some("Quill's lawyer")
        );
    }

    #[test]
    fn a_name_with_its_article_is_an_organisation() {
        let mut people = People::default();
        let k = people.described(&["the", "Harbour", "Board", "of", "Leith"]);
        let p = k.and_then(|k| people.list.get(k));
        assert_eq!(
            p.map(|p| (p.name.as_str(), p.kind)),
            Some(("Harbour Board of Leith", Kind::Organisation))
        );
    }

    #[test]
    fn the_senator_is_the_senator_named_before() {
        let mut people = People::default();
        let mut sen = m(&["Ada", "Quill"]);
        sen.role = Some("Vermont Sen.".into());
        let ada = people.resolve(&sen, false);
        let _ = people.resolve(&m(&["Bo", "Rand"]), false);
        assert_eq!(people.described(&["the", "Vermont", "senator"]), ada);
        let other = people.described(&["the", "Harbour", "master"]);
        assert_ne!(other, ada);
        assert_eq!(
            other
                .and_then(|k| people.list.get(k))
                .map(|p| p.name.as_str()),
            Some("the Harbour master")
        );
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
    fn he_and_she_by_gender() {
        let mut people = People::default();
        let mut ada = m(&["Ada", "Quill"]);
        ada.gender = Some(Gender::Female);
        let ada = people.resolve(&ada, false);
        let bo = people.resolve(&m(&["Bo", "Rand"]), false);
        let mut tom = m(&["Tom", "Vale"]);
        tom.gender = Some(Gender::Male);
        let tom = people.resolve(&tom, false);
        assert_eq!(
            people.recent_fitting(Some(Gender::Female)),
            bo,
            "unknown fits"
        );
        if let Some(bo) = bo {
            people.learn_gender(bo, Gender::Male);
        }
        assert_eq!(people.recent_fitting(Some(Gender::Female)), ada);
        assert_eq!(people.recent_fitting(Some(Gender::Male)), tom);
        assert!(tom.is_some_and(|k| !people.fits(k, Some(Gender::Female))));
    }

    #[test]
    fn places_and_acronyms_are_not_people() {
        assert!(is_not_person(&m(&["South", "Dakota"])));
        assert!(is_not_person(&m(&["NATO"])));
        assert!(is_not_person(&m(&["Tunisian", "Islamists"])));
        assert!(!is_not_person(&m(&["Bill", "Shorten"])));
    }

    #[test]
    fn a_people_in_the_plural_is_no_person() {
        assert!(is_not_person(&m(&["Americans"])));
        assert!(!is_not_person(&m(&["Evans"])));
    }

    #[test]
    fn a_party_or_an_office_alone_is_its_holder_not_an_organisation() {
        let mut people = People::default();
        let ada = people.resolve(&m(&["Ada", "Quill"]), false);
        people.subject = ada;
        assert_eq!(people.described(&["the", "Republican"]), ada);
        assert!(people.by_reference, "a guess");
        let fbi = people.described(&["the", "FBI"]);
        assert!(
            fbi.is_some_and(|k| !people.can_be_last(k)),
            "an organisation"
        );
    }
}
