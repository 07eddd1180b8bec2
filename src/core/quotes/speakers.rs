//! Who said it: names in the text around a quotation, the reporting verb that ties a
//! name to the quotation, and a small registry of the people named so far, so that
//! "he said" and "Hegseth said" resolve to the full name given earlier.

use super::scan::Tok;

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

/// A run of capitalised words in the text that may be a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token of the run (the role words before the name included).
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// The name words, titles stripped.
    pub name: Vec<String>,
    /// The role words found before the name, if any.
    pub role: Option<String>,
    /// Whether the name is followed by a possessive ("Hegseth’s").
    pub possessive: bool,
}

/// Words that are capitalised at the start of a sentence but are never names.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "for",
    "if",
    "when",
    "while",
    "whether",
    "although",
    "though",
    "because",
    "since",
    "after",
    "before",
    "during",
    "despite",
    "following",
    "according",
    "as",
    "at",
    "by",
    "in",
    "into",
    "on",
    "onto",
    "of",
    "to",
    "with",
    "without",
    "from",
    "about",
    "against",
    "over",
    "under",
    "between",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "there",
    "here",
    "what",
    "who",
    "whom",
    "whose",
    "which",
    "why",
    "how",
    "where",
    "then",
    "now",
    "still",
    "also",
    "meanwhile",
    "however",
    "instead",
    "yes",
    "no",
    "not",
    "all",
    "some",
    "many",
    "most",
    "more",
    "much",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "one",
    "two",
    "other",
    "another",
    "such",
    "only",
    "even",
    "just",
    "again",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "first",
    "new",
    "mr",
    "mrs",
    "ms",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "let",
    "once",
    "until",
    "unless",
    "after",
    "asked",
    "speaking",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "oh",
    "well",
    "please",
    "like",
    "nearly",
    "given",
    "anyway",
    "example",
    "indeed",
    "perhaps",
    "maybe",
    "thus",
    "hence",
    "otherwise",
    "tonight",
    "finally",
    "second",
    "third",
    "overall",
    "besides",
    "sure",
    "ok",
    "okay",
    "thanks",
    "thank",
    "dear",
    "hello",
    "hi",
    "wow",
    "sorry",
    "hey",
    "says",
    "said",
    "so-called",
    "enter",
    "see",
    "note",
    "update",
    "read",
    "watch",
];

/// Words that give a person's office or job; stripped from the front of a name and
/// kept as the role.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "gov.",
    "governor",
    "mayor",
    "general",
    "gen.",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "director",
    "ceo",
    "cfo",
    "cto",
    "chairman",
    "chairwoman",
    "chair",
    "professor",
    "prof.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "judge",
    "justice",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "former",
    "defense",
    "defence",
    "foreign",
    "press",
    "deputy",
    "acting",
    "executive",
    "officer",
    "commissioner",
    "leader",
    "speaker",
    "attorney",
    "lawyer",
    "analyst",
    "economist",
    "coach",
    "manager",
    "founder",
    "co-founder",
    "editor",
    "reporter",
    "author",
    "agent",
    "sheriff",
    "detective",
    "captain",
    "capt.",
    "lt.",
    "col.",
    "sgt.",
    "senior",
    "adviser",
    "advisor",
    "aide",
    "official",
    "lawmaker",
    "head",
    "minority",
    "majority",
    "state",
    "interior",
    "finance",
    "treasury",
    "health",
    "trade",
    "national",
    "security",
    "white",
    "house",
    "kremlin",
    "opposition",
    "party",
    "union",
    "team",
    "campaign",
    "company",
    "firm",
    "presidential",
    "candidate",
    "nominee",
    "gop",
    "democratic",
    "republican",
    "labour",
    "conservative",
    "rabbi",
    "reverend",
    "rev.",
    "father",
    "sister",
    "brother",
    "bishop",
    "cardinal",
    "archbishop",
    "lord",
    "lady",
    "sir",
    "dame",
    "researcher",
    "scientist",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "designer",
    "developer",
    "engineer",
    "owner",
    "president-elect",
    "elect",
    "emeritus",
    "associate",
    "assistant",
    "u.s.",
    "u.k.",
    "us",
    "uk",
    "eu",
    "un",
    "nato",
    "fbi",
    "cia",
    "nasa",
    "general",
    "commander",
    "admiral",
    "colonel",
    "sergeant",
    "lieutenant",
    "major",
];

/// Words that make a capitalised run an organisation or a place, not a person.
const NOT_PERSON: &[&str] = &[
    "group",
    "house",
    "council",
    "department",
    "ministry",
    "university",
    "college",
    "school",
    "party",
    "union",
    "court",
    "agency",
    "committee",
    "office",
    "company",
    "inc",
    "corp",
    "ltd",
    "bank",
    "association",
    "institute",
    "foundation",
    "center",
    "centre",
    "times",
    "post",
    "news",
    "journal",
    "review",
    "network",
    "service",
    "services",
    "commission",
    "administration",
    "government",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "army",
    "force",
    "forces",
    "police",
    "church",
    "hospital",
    "museum",
    "club",
    "league",
    "airlines",
    "airport",
    "street",
    "avenue",
    "road",
    "city",
    "county",
    "state",
    "states",
    "kingdom",
    "republic",
    "federation",
    "nations",
    "organization",
    "organisation",
    "corporation",
    "press",
    "media",
    "studios",
    "records",
    "games",
    "labs",
    "technologies",
    "systems",
    "project",
    "program",
    "programme",
    "fund",
    "board",
    "bureau",
    "authority",
    "guard",
    "navy",
    "reserve",
    "exchange",
    "market",
    "day",
    "week",
    "act",
    "bill",
    "law",
    "war",
    "cup",
    "awards",
    "prize",
    "island",
    "islands",
    "river",
    "lake",
    "park",
    "square",
    "bridge",
    "tower",
    "hall",
    "stadium",
    "hotel",
    "library",
    "festival",
    "summit",
    "conference",
    "talks",
    "treaty",
    "agreement",
    "channel",
    "radio",
    "tv",
    "television",
    "magazine",
    "blog",
    "google",
    "facebook",
    "twitter",
    "apple",
    "microsoft",
    "amazon",
    "youtube",
    "instagram",
    "reuters",
    "ukraine",
    "russia",
    "china",
    "america",
    "europe",
    "israel",
    "iran",
    "gaza",
    "nato",
    "contact",
    "general",
    "assembly",
    "street",
    "valley",
    "north",
    "south",
    "east",
    "west",
    "coast",
    "middle",
    "sea",
    "ocean",
    "power",
    "people",
    "labs",
    "lab",
    "llc",
];

/// Words between a subject and its reporting verb that do not break the tie.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "again",
    "repeatedly",
    "recently",
    "once",
    "further",
    "reportedly",
    "publicly",
    "quickly",
    "simply",
    "just",
    "has",
    "had",
    "have",
    "would",
    "will",
    "was",
    "is",
    "earlier",
    "subsequently",
    "finally",
    "flatly",
    "bluntly",
    "often",
    "never",
    "had",
    "once",
    "still",
    "already",
    "angrily",
    "calmly",
    "quietly",
    "softly",
    "firmly",
    "told",
    "who",
];

const PREPOSITIONS: &[&str] = &[
    "of", "to", "with", "for", "on", "in", "at", "by", "from", "about", "against", "over", "into",
    "than", "like",
];

/// The base forms of the reporting verbs.
const VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "write",
    "note",
    "explain",
    "ask",
    "answer",
    "reply",
    "respond",
    "claim",
    "argue",
    "insist",
    "warn",
    "announce",
    "declare",
    "suggest",
    "mention",
    "describe",
    "recall",
    "continue",
    "conclude",
    "acknowledge",
    "admit",
    "agree",
    "observe",
    "remark",
    "comment",
    "confirm",
    "deny",
    "emphasize",
    "emphasise",
    "stress",
    "tweet",
    "shout",
    "whisper",
    "cry",
    "exclaim",
    "joke",
    "quip",
    "complain",
    "urge",
    "predict",
    "promise",
    "vow",
    "assert",
    "maintain",
    "contend",
    "concede",
    "testify",
    "reveal",
    "recount",
    "accuse",
    "repeat",
    "reiterate",
    "wonder",
    "counter",
    "retort",
    "caution",
    "advise",
    "boast",
    "laugh",
    "muse",
    "speak",
    "sigh",
    "scream",
    "yell",
    "plead",
    "demand",
    "proclaim",
    "affirm",
    "allege",
    "lament",
    "mutter",
    "murmur",
    "opine",
    "pledge",
    "propose",
    "reckon",
    "recommend",
    "reflect",
    "snap",
    "swear",
    "threaten",
    "hint",
    "call",
    "describe",
    "tell",
    "continue",
    "begin",
    "interject",
    "point",
    "put",
    "recall",
    "report",
    "post",
    "thunder",
    "gush",
    "concur",
    "elaborate",
];

const IRREGULAR: &[&str] = &[
    "said", "says", "saying", "told", "tells", "telling", "wrote", "written", "writes", "writing",
    "spoke", "speaks", "speaking", "began", "begins", "swore", "put", "puts",
];

/// Verbs that may stand before their subject ("said Hegseth", "added the mayor").
/// Others take a person as their object ("urged Yoon", "told Smith").
const INVERTIBLE: &[&str] = &[
    "say",
    "add",
    "write",
    "continue",
    "explain",
    "note",
    "recall",
    "reply",
    "insist",
    "argue",
    "conclude",
    "laugh",
    "agree",
    "comment",
    "observe",
    "remark",
    "recount",
    "quip",
    "joke",
    "exclaim",
    "respond",
    "counter",
    "retort",
    "muse",
    "declare",
    "state",
    "admit",
    "acknowledge",
    "concede",
    "stress",
    "emphasize",
    "emphasise",
    "confirm",
    "tweet",
    "sigh",
    "mutter",
    "murmur",
    "shout",
    "whisper",
];

/// Whether a form of a reporting verb may come before its subject.
fn invertible(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "said" | "says" | "wrote" | "writes" => return true,
        "told" | "tells" | "asked" | "asks" => return false,
        _ => {}
    }
    INVERTIBLE.iter().any(|b| {
        w == *b
            || w.strip_suffix('s').is_some_and(|x| x == *b)
            || w.strip_suffix("es").is_some_and(|x| x == *b)
            || w.strip_suffix("ed")
                .is_some_and(|x| x == *b || format!("{x}e") == *b)
            || w.strip_suffix('d').is_some_and(|x| x == *b)
            || w.strip_suffix("ied").is_some_and(|x| format!("{x}y") == *b)
    })
}

/// Whether `word` is a form of a reporting verb ("said", "stating", "argued").
pub fn is_reporting_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if IRREGULAR.contains(&w.as_str()) || VERBS.contains(&w.as_str()) {
        return true;
    }
    let base_ok = |b: &str| VERBS.contains(&b);
    let try_stem = |stem: &str| {
        base_ok(stem)
            || base_ok(&format!("{stem}e"))
            || (stem.len() > 2 && {
                // Doubled consonant: "snapped" -> "snap".
                let b = stem.as_bytes();
                b[b.len() - 1] == b[b.len() - 2] && base_ok(&stem[..stem.len() - 1])
            })
    };
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        if base_ok(&format!("{stem}y")) {
            return true;
        }
    }
    if let Some(stem) = w.strip_suffix("ing").or_else(|| w.strip_suffix("ed")) {
        if try_stem(stem) {
            return true;
        }
    }
    if let Some(stem) = w.strip_suffix("es").or_else(|| w.strip_suffix('s')) {
        if base_ok(stem) || base_ok(&format!("{stem}e")) {
            return true;
        }
    }
    false
}

fn lower(w: &str) -> String {
    w.to_ascii_lowercase()
}

fn is_pronoun(w: &str) -> bool {
    matches!(lower(w).as_str(), "he" | "she")
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_word(w: &str) -> bool {
    // A contraction ("Don't", "It's") is no name; "O'Brien" is.
    let contraction = w
        .split(['\'', '’'])
        .nth(1)
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_lowercase));
    is_cap(w) && !contraction && !STOP.contains(&lower(w).trim_end_matches('.'))
}

/// Honorifics: part of how a name is written, neither a name nor a role.
fn is_honorific(w: &str) -> bool {
    matches!(
        lower(w).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "sir" | "dame"
    )
}

fn is_title(w: &str) -> bool {
    let l = lower(w);
    TITLES.contains(&l.as_str()) || TITLES.contains(&l.trim_end_matches('.'))
}

fn is_demonym(w: &str) -> bool {
    let l = lower(w);
    is_cap(w)
        && ["ian", "ean", "ese", "ish", "ic", "an"]
            .iter()
            .any(|s| l.ends_with(s))
        && l.len() > 4
}

/// Words of nationality that end a place or a people ("East Asian"), never a name.
fn is_nationality(w: &str) -> bool {
    matches!(
        lower(w).as_str(),
        "asian"
            | "european"
            | "american"
            | "african"
            | "russian"
            | "ukrainian"
            | "chinese"
            | "korean"
            | "japanese"
            | "british"
            | "french"
            | "german"
            | "italian"
            | "spanish"
            | "israeli"
            | "palestinian"
            | "iranian"
            | "indian"
            | "canadian"
            | "mexican"
            | "australian"
            | "arab"
            | "arabic"
            | "turkish"
            | "polish"
            | "dutch"
            | "swedish"
            | "brazilian"
            | "english"
            | "irish"
            | "scottish"
            | "welsh"
            | "latin"
            | "nordic"
    )
}

fn split_possessive(w: &str) -> (&str, bool) {
    for s in ["'s", "’s", "s'", "s’"] {
        if let Some(stem) = w.strip_suffix(s) {
            if !stem.is_empty() {
                let keep = if s.starts_with('s') {
                    &w[..w.len() - s.len() + 1]
                } else {
                    stem
                };
                return (keep, true);
            }
        }
    }
    (w, false)
}

fn word<'a>(toks: &[(usize, Tok<'a>)], i: usize) -> Option<&'a str> {
    match toks.get(i) {
        Some((_, Tok::Word(w))) => Some(w),
        _ => None,
    }
}

/// The runs of capitalised words in `toks` that may be names, with the role words
/// before them.
pub fn mentions(toks: &[(usize, Tok<'_>)]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(w) = word(toks, i) else {
            i += 1;
            continue;
        };
        let (stem, _) = split_possessive(w);
        if !is_name_word(stem) && !is_title(stem) {
            i += 1;
            continue;
        }
        // Collect the run: capitalised words, titles, and "of" between them
        // ("Secretary of State Marco Rubio"), ending at a possessive.
        let start = i;
        let mut words: Vec<&str> = Vec::new();
        let mut possessive = false;
        while let Some(w) = word(toks, i) {
            let (stem, poss) = split_possessive(w);
            // "of" joins titles ("Secretary of State Marco Rubio"), not a name to an
            // organisation ("Nick of Arachnid Labs").
            let joins = match w {
                "of" => words.iter().all(|w| is_title(w) || is_demonym(w)),
                "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "la" | "le" | "di" => true,
                _ => false,
            };
            let particle = joins && !words.is_empty() && word(toks, i + 1).is_some_and(is_cap);
            if !(is_name_word(stem) || is_title(stem) || particle) {
                break;
            }
            words.push(stem);
            i += 1;
            if poss {
                possessive = true;
                break;
            }
        }
        if words.is_empty() {
            // "A's": a word that only looked like a name before its possessive.
            i = start + 1;
            continue;
        }
        // Split the titles (and the words that modify them) off the front.
        let mut cut = 0;
        for (k, w) in words.iter().enumerate() {
            let next_cap = words.get(k + 1).is_some_and(|n| is_cap(n));
            let titleish = is_title(w)
                || *w == "of"
                || (is_demonym(w) && next_cap)
                || (is_cap(w) && words.get(k + 1).is_some_and(|n| is_title(n)));
            if titleish && k + 1 < words.len() {
                cut = k + 1;
            } else {
                break;
            }
        }
        // A run of titles alone ("President") names nobody.
        let name: Vec<String> = words[cut..]
            .iter()
            .filter(|w| (!is_title(w) || words.len() - cut == 1) && !is_honorific(w))
            .map(|w| w.to_string())
            .collect();
        if name.is_empty() || name.iter().all(|w| is_title(w)) {
            continue;
        }
        // Role words written in lower case before the run ("press secretary Karoline
        // Leavitt", "Kremlin spokesperson Dmitry Peskov").
        let mut role_from = start;
        while role_from > 0 {
            match word(toks, role_from - 1) {
                Some(w) if is_title(w) && !STOP.contains(&lower(w).as_str()) => role_from -= 1,
                Some(w) if is_cap(w) && role_from < start && is_name_word(w) => role_from -= 1,
                _ => break,
            }
        }
        let mut role_words: Vec<&str> = (role_from..start).filter_map(|k| word(toks, k)).collect();
        role_words.extend(words[..cut].iter().copied());
        role_words.retain(|w| !is_honorific(w));
        while role_words
            .last()
            .is_some_and(|w| matches!(lower(w).as_str(), "of" | "the" | "a" | "an"))
        {
            role_words.pop();
        }
        let role = if role_words.iter().any(|w| is_title(w)) {
            Some(role_words.join(" "))
        } else {
            None
        };
        out.push(Mention {
            from: role_from.min(start),
            to: i,
            name,
            role,
            possessive,
        });
    }
    out
}

impl People {
    /// The person a mention names, registering a new one when the mention is clearly
    /// a person (it has a role, or two or more name words and nothing of an
    /// organisation), or when `speaking` says it is the subject of a reporting verb.
    pub fn resolve(&mut self, m: &Mention, speaking: bool) -> Option<usize> {
        // Organisations and places end in a word that says so ("White House",
        // "Contact Group"); a first name that is also such a word ("Bill Shorten")
        // does not make its bearer one.
        if m.name
            .last()
            .is_some_and(|w| NOT_PERSON.contains(&lower(w).as_str()) || is_nationality(w))
        {
            return None;
        }
        // Places: "South Carolina", "East Asia", "United States".
        if m.name.len() > 1
            && m.name.iter().any(|w| {
                matches!(
                    lower(w).as_str(),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "united"
                        | "new"
                        | "san"
                        | "los"
                        | "las"
                        | "st."
                        | "saint"
                        | "fort"
                        | "mount"
                        | "lake"
                        | "cape"
                        | "port"
                )
            })
            && m.role.is_none()
        {
            return None;
        }
        if m.name
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c == '.'))
            && m.name.len() == 1
        {
            // An acronym (NATO, FBI) is an organisation.
            return None;
        }
        let last = m.name.last()?;
        let found = self
            .list
            .iter()
            .position(|p| {
                let pw: Vec<&str> = p.name.split(' ').collect();
                pw.last() == Some(&last.as_str())
                    && (m.name.len() == 1
                        || pw.len() == 1
                        || pw[0] == m.name[0]
                        || initial_of(pw[0], &m.name[0]))
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
            let full = m.name.join(" ");
            if m.name.len() > self.list[k].name.split(' ').count() {
                self.list[k].name = full;
            }
            if self.list[k].role.is_none() {
                self.list[k].role = m.role.clone();
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

fn initial_of(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    (a.chars().count() == 1 && b.starts_with(a)) || (b.chars().count() == 1 && a.starts_with(b))
}

/// Who a quotation's frame names as its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A mention, by its index in the sentence's mentions: the subject of a reporting
    /// verb, so a new name is taken as a person.
    Named(usize),
    /// A mention that counts only if it is a person already known or clearly one
    /// (the subject of a sentence with no verb of saying beside it).
    Known(usize),
    /// A pronoun ("he", "she"), by its token index.
    Pronoun(usize),
}

fn who_at(toks: &[(usize, Tok<'_>)], ms: &[Mention], i: usize, ending: bool) -> Option<Who> {
    if word(toks, i).is_some_and(is_pronoun) {
        return Some(Who::Pronoun(i));
    }
    ms.iter()
        .position(|m| {
            if ending {
                m.to == i + 1
            } else {
                m.from <= i && i < m.to && !m.possessive
            }
        })
        .filter(|&k| !ms[k].possessive || !ending)
        .map(Who::Named)
}

/// The subject right before the verb at `v` (skipping "also", "later", ...), or right
/// after it ("said Hegseth").
fn subject_of(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    v: usize,
    lo: usize,
    hi: usize,
) -> Option<Who> {
    let mut k = v;
    while k > lo {
        k -= 1;
        match toks[k].1 {
            Tok::Word(w) if BETWEEN.contains(&lower(w).as_str()) => continue,
            Tok::Word(_) => {
                if let Some(who) = who_at(toks, ms, k, true) {
                    // "Nick of Arachnid Labs says": the person, not the organisation.
                    if let Who::Named(m) = who {
                        let from = ms[m].from;
                        if from >= 2 && word(toks, from - 1) == Some("of") {
                            if let Some(Who::Named(p)) = who_at(toks, ms, from - 2, true) {
                                return Some(Who::Named(p));
                            }
                        }
                    }
                    return Some(who);
                }
                break;
            }
            _ => break,
        }
    }
    if v + 1 < hi && word(toks, v).is_some_and(invertible) {
        if let Some(who) = who_at(toks, ms, v + 1, false) {
            return Some(who);
        }
    }
    None
}

/// The candidates for the speaker of the quotation at token `q` in the sentence
/// `toks[lo..hi]`, the likeliest first. The caller takes the first that names a
/// person it can resolve.
pub fn attribute(
    toks: &[(usize, Tok<'_>)],
    ms: &[Mention],
    lo: usize,
    hi: usize,
    q: usize,
) -> Vec<Who> {
    let is_verb = |k: usize| word(toks, k).is_some_and(is_reporting_verb);
    // The frame around this quotation: up to the neighbouring quotations.
    let prev_q = (lo..q)
        .rev()
        .find(|&k| matches!(toks[k].1, Tok::Quote(_)))
        .map_or(lo, |k| k + 1);
    let next_q = (q + 1..hi)
        .find(|&k| matches!(toks[k].1, Tok::Quote(_)))
        .unwrap_or(hi);
    let mut out = Vec::new();

    // 1. After the quotation: "...," Hegseth said / said Hegseth / he said.
    for v in q + 1..next_q.min(q + 9) {
        if is_verb(v) {
            out.extend(subject_of(toks, ms, v, q + 1, next_q));
        }
    }
    // 2. A "Name:" right before the quotation.
    if q >= 2 && matches!(toks[q - 1].1, Tok::Punct(':')) {
        out.extend(who_at(toks, ms, q - 2, true));
    }
    // 3. "according to X" anywhere in the sentence: the source of what follows.
    for k in lo..hi.saturating_sub(2) {
        if word(toks, k).is_some_and(|w| lower(w) == "according") && word(toks, k + 1) == Some("to")
        {
            out.extend(who_at(toks, ms, k + 2, false));
        }
    }
    // 4. Before it: the nearest reporting verb with its subject.
    for v in (prev_q..q).rev() {
        if is_verb(v) {
            out.extend(subject_of(toks, ms, v, lo, q));
        }
    }
    // 5. A reporting verb with no subject beside it ("Trump, echoing X, said ..."),
    //    or a quotation introduced by a colon ("... in his introduction: "..."): the
    //    sentence's subject, the first name or pronoun before the verb (or the
    //    quotation) that no preposition governs, if it is a person already.
    let colon = q >= 1 && matches!(toks[q - 1].1, Tok::Punct(':'));
    let verb = (lo..hi)
        .find(|&k| k != q && is_verb(k))
        .or(colon.then_some(q));
    if let Some(verb) = verb {
        out.extend(
            (lo..verb)
                .filter(|&k| {
                    k == lo
                        || !word(toks, k - 1)
                            .is_some_and(|w| PREPOSITIONS.contains(&lower(w).as_str()))
                })
                .filter(|&k| {
                    k == lo
                        || !matches!(toks[k - 1].1, Tok::Word(_))
                        || word(toks, k - 1).is_some_and(is_title)
                })
                .find_map(|k| {
                    if word(toks, k).is_some_and(is_pronoun) {
                        return Some(Who::Pronoun(k));
                    }
                    ms.iter()
                        .position(|m| m.from == k && !m.possessive)
                        .map(Who::Known)
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::scan::{spans, tokens};
    use super::*;

    #[test]
    fn verb_forms() {
        for w in [
            "said",
            "says",
            "stated",
            "stating",
            "argued",
            "replied",
            "told",
            "emphasized",
            "Added",
            "snapped",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in ["sad", "stake", "table", "Ukraine", "comes"] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let sp = spans(text);
        let toks = tokens(text, &sp);
        mentions(&toks)
            .into_iter()
            .map(|m| (m.name.join(" "), m.role))
            .collect()
    }

    #[test]
    fn titles_become_roles() {
        assert_eq!(
            names("U.S. Defense Secretary Pete Hegseth stated that"),
            vec![("Pete Hegseth".into(), Some("U.S. Defense Secretary".into()))]
        );
        assert_eq!(
            names("According to Kremlin spokesperson Dmitry Peskov, Putin agreed"),
            vec![
                ("Dmitry Peskov".into(), Some("Kremlin spokesperson".into())),
                ("Putin".into(), None)
            ]
        );
        assert_eq!(
            names("Vice President JD Vance and Secretary of State Marco Rubio are set"),
            vec![
                ("JD Vance".into(), Some("Vice President".into())),
                ("Marco Rubio".into(), Some("Secretary of State".into()))
            ]
        );
        assert_eq!(
            names("When asked, Trump’s team said"),
            vec![("Trump".into(), None)]
        );
    }

    #[test]
    fn a_possessive_stop_word_does_not_stall() {
        // Regression: "A's" passed the first test of a name but not the second, and
        // the scan never moved on (a real page hung the browser tab).
        assert_eq!(
            names("The A's won. So did Plan B's team."),
            vec![("Plan B".into(), None)]
        );
    }

    #[test]
    fn short_names_resolve_to_full_ones() {
        let mut people = People::default();
        let m = |name: &[&str]| Mention {
            from: 0,
            to: 1,
            name: name.iter().map(|s| s.to_string()).collect(),
            role: None,
            possessive: false,
        };
        let a = people.resolve(&m(&["Pete", "Hegseth"]), false);
        assert_eq!(people.resolve(&m(&["Hegseth"]), false), a);
        assert_eq!(people.resolve(&m(&["Munich"]), false), None);
        assert_eq!(people.resolve(&m(&["White", "House"]), false), None);
        assert!(people.resolve(&m(&["Smith"]), true).is_some());
    }
}
