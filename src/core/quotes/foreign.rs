//! The words of French, Spanish, Portuguese, German and Italian news that the
//! quotation finder reads: reporting verbs, roles, pronouns, the words that open a
//! sentence and are no names, prepositions and articles. Packed like the English
//! lists of [`super::lexicon`] (sorted, lower case, looked up with [`has`]); each test
//! asks for the language of the article being read ([`super::lang::current`]) and
//! says no for English, so English pages read as they always did. The shipped module
//! is near its size ceiling: the lists are short and the tests small on purpose.

use super::lang::{current, Lang};
use super::lexicon::{has, Words};
use super::names::Gender;
use std::borrow::Cow;

/// The word in lower case: ASCII letters and the capitals of Latin-1 ("É", "Ü",
/// "À"), by arithmetic (the full Unicode tables would cost the module kilobytes).
pub fn fold(w: &str) -> Cow<'_, str> {
    let mut chars = w.chars();
    match chars.next() {
        // A capital of Latin-1 opens a word ("État", "Über"); inside one, only in
        // words in capitals, which no list holds.
        Some(c) if !c.is_ascii() && lower_char(c) != c => {
            let mut out = String::with_capacity(w.len());
            out.push(lower_char(c));
            out.push_str(&chars.as_str().to_ascii_lowercase());
            Cow::Owned(out)
        }
        _ => super::names::lower(w),
    }
}

/// One letter in lower case (ASCII and Latin-1 capitals only).
pub fn lower_char(c: char) -> char {
    if matches!(c, 'À'..='Þ') && c != '×' {
        char::from_u32(u32::from(c) + 32).unwrap_or(c)
    } else {
        c.to_ascii_lowercase()
    }
}

/// What the finder reads of one language.
struct Tongue {
    /// The words that open a sentence capitalised and are never names.
    stop: Words,
    /// Its reporting verbs.
    verbs: Words,
    /// The pronouns that stand for a man, then for a woman, space-separated ("sie"
    /// is also "they": see [`super::german_she`]).
    male: &'static str,
    female: &'static str,
    /// The words that give a source as "according to" does, then those that do at
    /// a clause's start only ("Pour lui, ...", "..., so Krämer.").
    according: &'static str,
    opening: &'static str,
    /// The auxiliaries between a subject and its verb ("Lefèvre a jugé").
    auxiliaries: &'static str,
}

/// French, Spanish, Portuguese, German, Italian.
const TONGUES: [Tongue; 5] = [
    Tongue {
        stop: FR_STOP,
        verbs: FR_VERBS,
        male: "il lui",
        female: "elle",
        according: "selon",
        opening: "pour",
        auxiliaries: "a avait aurait ont",
    },
    Tongue {
        stop: ES_STOP,
        verbs: ES_VERBS,
        male: "él",
        female: "ella",
        according: "según",
        opening: "para",
        auxiliaries: "ha había habría han",
    },
    Tongue {
        stop: PT_STOP,
        verbs: PT_VERBS,
        male: "ele",
        female: "ela",
        according: "segundo",
        opening: "para",
        auxiliaries: "tinha tem havia",
    },
    Tongue {
        stop: DE_STOP,
        verbs: DE_VERBS,
        male: "er",
        female: "sie",
        according: "laut",
        opening: "für so",
        auxiliaries: "hat hatte habe",
    },
    Tongue {
        stop: IT_STOP,
        verbs: IT_VERBS,
        male: "lui egli",
        female: "lei ella",
        according: "secondo",
        opening: "per",
        auxiliaries: "ha aveva avrebbe hanno",
    },
];

fn tongue_of(lang: Lang) -> Option<&'static Tongue> {
    let k = match lang {
        Lang::En => return None,
        Lang::Fr => 0,
        Lang::Es => 1,
        Lang::Pt => 2,
        Lang::De => 3,
        Lang::It => 4,
    };
    TONGUES.get(k)
}

/// The article's language, when it is not English.
fn tongue() -> Option<&'static Tongue> {
    tongue_of(current())
}

/// Whether the space-separated `words` hold `w`.
fn among(words: &str, w: &str) -> bool {
    words.split(' ').any(|x| x == w)
}

/// The words that open a sentence capitalised and are never names, of `lang`.
pub fn stop_words(lang: Lang) -> Option<Words> {
    tongue_of(lang).map(|t| t.stop)
}

/// Whether `w` is a function word of the article's language that is never a name
/// ("Le", "Der", "Según").
pub fn is_stop(w: &str) -> bool {
    tongue().is_some_and(|t| has(t.stop, &fold(w)))
}

/// A French verb with its pronoun after it ("dit-il", "a-t-elle", "répond-elle"):
/// the verb and the pronoun's gender.
pub fn inverted(w: &str) -> Option<(&str, Gender)> {
    if current() != Lang::Fr {
        return None;
    }
    let (verb, p) = w.rsplit_once('-')?;
    let g = match p {
        "il" => Gender::Male,
        "elle" => Gender::Female,
        _ => return None,
    };
    let verb = verb.strip_suffix("-t").unwrap_or(verb);
    (!verb.is_empty()).then_some((verb, g))
}

/// Whether `w` is a reporting verb of the article's language ("dijo", "sagte", "a
/// déclaré", "ajoute-t-il").
pub fn is_verb(w: &str) -> bool {
    let w = inverted(w).map_or(w, |(v, _)| v);
    tongue().is_some_and(|t| has(t.verbs, &fold(w)))
}

/// The gender of a pronoun of the article's language that stands for one person
/// ("il", "elle", "er", "lui", "ela", "él"; French "dit-il").
pub fn pronoun_gender(w: &str) -> Option<Gender> {
    let t = tongue()?;
    let l = fold(w);
    if among(t.male, &l) {
        Some(Gender::Male)
    } else if among(t.female, &l) {
        Some(Gender::Female)
    } else {
        inverted(w).map(|(_, g)| g)
    }
}

/// Whether the word from byte `from` on is a role's stem and at most four bytes
/// more.
fn role_from(l: &str, from: usize) -> bool {
    (from + 3..=l.len())
        .rev()
        .take_while(|&i| i + 4 >= l.len())
        .any(|i| l.get(from..i).is_some_and(|stem| has(TITLES, stem)))
}

/// Whether `w` gives a role ("ministre", "portavoz", "Umweltministerin"): a German
/// compound by its last part.
pub fn is_title(w: &str) -> bool {
    let lang = current();
    if lang == Lang::En {
        return false;
    }
    let l = fold(w);
    let l = l.trim_end_matches('.');
    role_from(l, 0) || (lang == Lang::De && l.char_indices().skip(3).any(|(i, _)| role_from(l, i)))
}

/// The gender a role or a first name of the article's language says by its ending:
/// German "Ministerin"; "la ministra", "Lucía", "Giorgio" (not Italian "Luca" or
/// "Andrea").
pub fn gender_of(w: &str, title: bool) -> Option<Gender> {
    let l = fold(w);
    match (current(), l.chars().last()?) {
        (Lang::De, 'n') if title && l.ends_with("in") => Some(Gender::Female),
        (Lang::Es | Lang::Pt | Lang::It, 'a') if l != "luca" && l != "andrea" => {
            Some(Gender::Female)
        }
        (Lang::Es | Lang::Pt | Lang::It, 'o') => Some(Gender::Male),
        _ => None,
    }
}

/// Whether `w` is a preposition of the article's language: a name after it is no
/// subject ("aus Leipzig", "de la ville").
pub fn is_preposition(w: &str) -> bool {
    current() != Lang::En && has(PREPS, &fold(w))
}

/// Whether `w` is an auxiliary of the article's language, between a subject and its
/// verb ("Lefèvre a jugé", "Greco ha parlato", "Kühn hat gesagt").
pub fn is_auxiliary(w: &str) -> bool {
    tongue().is_some_and(|t| among(t.auxiliaries, w))
}

/// A definite article of the article's language, read as "the": `Some(None)` for
/// one on its own ("la"), `Some(Some(noun))` for one elided before its noun
/// ("l'entraîneur").
pub fn definite(w: &str) -> Option<Option<&str>> {
    if current() == Lang::En {
        return None;
    }
    if let Some(noun) = w
        .strip_prefix(['l', 'L'])
        .and_then(|r| r.strip_prefix(['\'', '’']))
        .filter(|n| !n.is_empty())
    {
        return Some(Some(noun));
    }
    has(DEFINITE, &fold(w)).then_some(None)
}

/// Whether `w` opens a description of a source ("l'entraîneur", "son avocate", "die
/// Ministerin", "il sindaco").
pub fn is_article(w: &str) -> bool {
    definite(w).is_some()
        || (current() != Lang::En
            && among(
                "un une una uno um uma ein eine einer son sa ses su sus seu sua suo sein seine ihr ihre",
                &fold(w),
            ))
}

/// Whether `w` says whose words follow, as "according to" does ("selon", "según",
/// "segundo", "laut", "secondo"); `opening` says whether it opens its sentence or
/// clause, where "pour", "para", "per", "für" and "so" do too.
pub fn is_according(w: &str, opening: bool) -> bool {
    let l = fold(w);
    tongue().is_some_and(|t| l == t.according || (opening && among(t.opening, &l)))
}

/// Whether a German word reads as a common noun or an adjective, never a name, by
/// its ending ("Regierung", "Wirtschaft", "Politisch", "Sicherheit").
pub fn is_common_german(w: &str) -> bool {
    current() == Lang::De && {
        let l = fold(w);
        [
            "ung", "heit", "keit", "schaft", "isch", "ische", "ischen", "lich", "liche", "tion",
            "tät",
        ]
        .iter()
        .any(|s| l.ends_with(s))
    }
}

/// French words that open a sentence capitalised and are never names; also what [`super::lang::guess`] counts (so for each language).
const FR_STOP: Words = crate::words![
    "après", "au", "aussi", "avec", "ce", "ces", "cette", "dans", "de", "depuis", "des", "du",
    "elle", "en", "enfin", "est", "et", "il", "ils", "la", "le", "les", "leur", "lors", "mais",
    "ni", "nous", "on", "ou", "par", "pas", "pendant", "plus", "pour", "puis", "que", "qui", "sa",
    "selon", "ses", "si", "son", "sur", "un", "une", "à",
];

/// Spanish words that open a sentence capitalised and are never names.
const ES_STOP: Words = crate::words![
    "a", "al", "ante", "así", "aunque", "como", "con", "cuando", "de", "del", "desde", "después",
    "durante", "el", "ella", "en", "entre", "es", "esa", "este", "fue", "ha", "la", "las", "lo",
    "los", "más", "no", "o", "para", "pero", "por", "que", "se", "según", "sin", "sobre", "su",
    "sus", "tras", "un", "una", "y", "ya", "él",
];

/// Portuguese words that open a sentence capitalised and are never names.
const PT_STOP: Words = crate::words![
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "depois", "desde", "do", "dos",
    "durante", "e", "ela", "ele", "em", "entre", "foi", "já", "mais", "mas", "na", "nas", "no",
    "nos", "não", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "segundo", "sem",
    "seu", "sua", "também", "um", "uma", "à", "é",
];

/// German words that open a sentence capitalised and are never names.
const DE_STOP: Words = crate::words![
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "beim", "da", "dann", "das", "dass",
    "dem", "den", "der", "deren", "des", "dessen", "die", "diese", "doch", "durch", "ein", "eine",
    "einem", "einen", "einer", "er", "es", "für", "gegen", "heute", "im", "in", "ist", "laut",
    "man", "mit", "nach", "nicht", "noch", "nun", "nur", "oder", "schon", "sein", "seine", "seit",
    "sie", "sind", "so", "um", "und", "unter", "vom", "von", "vor", "war", "was", "wenn", "wie",
    "wir", "wird", "zu", "zum", "zur", "über",
];

/// Italian words that open a sentence capitalised and are never names.
const IT_STOP: Words = crate::words![
    "a", "agli", "ai", "al", "alla", "anche", "che", "con", "da", "dal", "dalla", "dei", "del",
    "della", "delle", "di", "dopo", "e", "ed", "gli", "ha", "i", "il", "in", "la", "le", "lei",
    "lo", "lui", "ma", "nei", "nel", "nella", "non", "o", "per", "però", "più", "poi", "quando",
    "questo", "se", "secondo", "senza", "si", "sono", "su", "sul", "sulla", "tra", "un", "una",
    "è",
];

/// French reporting verbs as news writes them ("a déclaré", "explique"; "ajoute-t-il" once its pronoun is taken off).
const FR_VERBS: Words = crate::words![
    "admet",
    "affirme",
    "affirmé",
    "ajoutait",
    "ajoute",
    "ajouté",
    "assure",
    "assuré",
    "averti",
    "avertit",
    "avoue",
    "commente",
    "commenté",
    "conclut",
    "confie",
    "confié",
    "demande",
    "disait",
    "dit",
    "déclare",
    "déclaré",
    "dénonce",
    "dénoncé",
    "déplore",
    "estimait",
    "estime",
    "estimé",
    "expliquait",
    "explique",
    "expliqué",
    "indique",
    "indiqué",
    "insiste",
    "lance",
    "lancé",
    "martelé",
    "martèle",
    "nuance",
    "observe",
    "poursuit",
    "précise",
    "précisé",
    "prévenu",
    "prévient",
    "raconte",
    "raconté",
    "rappelle",
    "reconnaît",
    "reconnu",
    "regrette",
    "réagi",
    "réagit",
    "répond",
    "répondu",
    "résume",
    "rétorque",
    "souligne",
    "souligné",
    "tempère",
    "tempéré",
    "témoigne",
    "écrit",
];

/// Spanish reporting verbs ("dijo", "afirmó", "ha dicho").
const ES_VERBS: Words = crate::words![
    "admite",
    "admitió",
    "advierte",
    "advirtió",
    "afirma",
    "afirmó",
    "agregó",
    "anunció",
    "apuntó",
    "asegura",
    "aseguró",
    "añade",
    "añadió",
    "comentó",
    "concluyó",
    "confesó",
    "contó",
    "criticó",
    "cuenta",
    "declaró",
    "defendió",
    "denunció",
    "destacó",
    "dice",
    "dicho",
    "dijeron",
    "dijo",
    "exclamó",
    "explica",
    "explicó",
    "indicaron",
    "indicó",
    "insistió",
    "lamentó",
    "manifestó",
    "opinó",
    "precisó",
    "reconoce",
    "reconoció",
    "recordó",
    "relató",
    "responde",
    "respondió",
    "resumió",
    "señala",
    "señaló",
    "sostiene",
    "sostuvo",
    "subrayó",
];

/// Portuguese reporting verbs ("disse", "afirmou", "acrescentou").
const PT_VERBS: Words = crate::words![
    "acrescenta",
    "acrescentou",
    "admitiu",
    "afirma",
    "afirmou",
    "alertou",
    "assegurou",
    "avaliou",
    "comentou",
    "completou",
    "concluiu",
    "confessou",
    "conta",
    "contou",
    "declarou",
    "defendeu",
    "destacou",
    "disse",
    "diz",
    "escreveu",
    "explica",
    "explicou",
    "frisou",
    "garante",
    "garantiu",
    "insistiu",
    "lembra",
    "lembrou",
    "observou",
    "reconheceu",
    "referiu",
    "responde",
    "respondeu",
    "ressaltou",
    "salientou",
    "sublinhou",
];

/// German reporting verbs ("sagte", "erklärte", "fügte ... hinzu").
const DE_VERBS: Words = crate::words![
    "antwortete",
    "begründete",
    "bekräftigte",
    "berichtete",
    "betont",
    "betonte",
    "ergänzte",
    "erklärt",
    "erklärte",
    "erzählt",
    "erzählte",
    "fordert",
    "forderte",
    "fragte",
    "fügte",
    "kritisierte",
    "kündigte",
    "lobt",
    "lobte",
    "mahnte",
    "meint",
    "meinte",
    "sagt",
    "sagte",
    "sagten",
    "schreibt",
    "schrieb",
    "sprach",
    "teilte",
    "unterstrich",
    "versicherte",
    "warnte",
];

/// Italian reporting verbs ("ha detto", "ha spiegato", "dice").
const IT_VERBS: Words = crate::words![
    "afferma",
    "affermato",
    "aggiunge",
    "aggiunto",
    "ammesso",
    "ammette",
    "annunciato",
    "assicurato",
    "commenta",
    "commentato",
    "concluso",
    "confermato",
    "denunciato",
    "detto",
    "dice",
    "dichiarato",
    "disse",
    "insistito",
    "lamentato",
    "osserva",
    "osservato",
    "parlato",
    "precisato",
    "racconta",
    "raccontato",
    "replicato",
    "ricorda",
    "ricordato",
    "risponde",
    "risposto",
    "scritto",
    "scrive",
    "sottolinea",
    "sottolineato",
    "spiega",
    "spiegato",
];

/// The stems of roles and offices in the five languages ("minist" of "ministre", "ministra", "Ministerin"): a role is a stem and at most four more bytes; a German compound ends in one ("Umweltministerin").
const TITLES: Words = crate::words![
    "abgeordnet",
    "abogad",
    "adjoint",
    "advogad",
    "alcald",
    "allenat",
    "anwalt",
    "anwält",
    "assessor",
    "avocat",
    "avvocat",
    "bürgermeister",
    "capitain",
    "capitan",
    "capitán",
    "capitão",
    "chef",
    "coach",
    "commandant",
    "commissair",
    "conseill",
    "consejer",
    "coordenador",
    "deputad",
    "deputat",
    "diputad",
    "directeu",
    "director",
    "directric",
    "direktor",
    "diretor",
    "direttor",
    "délégu",
    "député",
    "economist",
    "entraîneu",
    "entrenador",
    "expert",
    "fiscal",
    "governador",
    "governator",
    "jef",
    "juez",
    "juge",
    "kanzler",
    "kapitän",
    "kommissar",
    "leiter",
    "minist",
    "ministr",
    "porta-voz",
    "portavo",
    "porte-parole",
    "prefeit",
    "presid",
    "procur",
    "profesor",
    "professeu",
    "professor",
    "präsident",
    "président",
    "secretari",
    "secretári",
    "segretari",
    "senador",
    "senator",
    "sindac",
    "sprecher",
    "sénateu",
    "trainer",
    "treinador",
    "vereador",
    "vorsitzend",
    "vorständ",
];

/// Prepositions (and their contractions) of the five languages: a name after one is governed, no subject.
const PREPS: Words = crate::words![
    "a", "al", "alla", "an", "antes", "après", "até", "au", "auf", "aus", "aux", "avant", "bei",
    "com", "con", "contra", "da", "dal", "dalla", "das", "de", "del", "della", "dem", "depois",
    "der", "des", "desde", "después", "di", "do", "dopo", "dos", "du", "durante", "em", "für",
    "gegen", "hasta", "in", "lors", "mit", "na", "nach", "nel", "nella", "no", "par", "para",
    "pela", "pelo", "per", "por", "pour", "prima", "sobre", "su", "sul", "sur", "tra", "tras",
    "von", "vor", "während", "zu", "zum", "zur", "à", "über",
];

/// The definite articles of the five languages, read as "the".
const DEFINITE: Words = crate::words![
    "a", "as", "das", "dem", "den", "der", "die", "el", "gli", "i", "il", "la", "las", "le", "les",
    "lo", "los", "o", "os",
];

#[cfg(test)]
mod tests {
    use super::super::lang::Scope;
    use super::*;

    #[test]
    fn lists_are_read_only_for_their_language() {
        assert!(!is_verb("dijo") && !is_title("ministre") && !is_stop("Der"));
        let _s = Scope::new(Lang::Es);
        assert!(is_verb("dijo") && is_verb("Añadió") && !is_verb("sagte"));
        assert!(is_title("ministra") && is_stop("Según") && is_according("según", false));
        assert!(!is_title("minis") && !is_title("ministerialmente"));
    }

    #[test]
    fn french_inverted_pronouns() {
        let _s = Scope::new(Lang::Fr);
        assert!(is_verb("ajoute-t-il") && is_verb("dit-il") && !is_verb("a-t-il"));
        assert_eq!(pronoun_gender("a-t-elle"), Some(Gender::Female));
        assert_eq!(pronoun_gender("Il"), Some(Gender::Male));
        assert_eq!(definite("l'entraîneur"), Some(Some("entraîneur")));
    }

    #[test]
    fn german_compounds_and_common_nouns() {
        let _s = Scope::new(Lang::De);
        assert!(is_title("Bundeswirtschaftsminister") && is_title("EU-Kommissarin"));
        assert_eq!(gender_of("Umweltministerin", true), Some(Gender::Female));
        assert!(!is_title("Schluss") && !is_title("Anna"));
        assert!(is_common_german("Politisch") && !is_common_german("Schmidt"));
    }

    #[test]
    fn latin1_capitals_fold() {
        assert_eq!(fold("ÜBER"), "über");
        assert_eq!(fold("État"), "état");
        assert_eq!(fold("×"), "×");
    }
}
