//! The words of French, Spanish, Portuguese, German and Italian news that the
//! quotation finder reads: reporting verbs, roles, pronouns, the words that open a
//! sentence and are no names, prepositions and articles. Packed like the English
//! lists of [`super::lexicon`] (sorted, lower case, looked up with [`has`]); each test
//! asks for the language of the article being read ([`super::lang::current`]) and
//! says no for English, so English pages read as they always did.

use super::lang::{current, Lang};
use super::lexicon::{has, Words};
use super::names::Gender;
use std::borrow::Cow;

/// The word in lower case: ASCII letters and the capitals of Latin-1 ("É", "Ü",
/// "À"), by arithmetic (the full Unicode tables would cost the module kilobytes).
pub fn fold(w: &str) -> Cow<'_, str> {
    if !w
        .chars()
        .any(|c| c.is_ascii_uppercase() || latin1_capital(c))
    {
        return Cow::Borrowed(w);
    }
    Cow::Owned(w.chars().map(lower_char).collect())
}

fn latin1_capital(c: char) -> bool {
    matches!(c, 'À'..='Þ') && c != '×'
}

/// One letter in lower case (ASCII and Latin-1 capitals only).
pub fn lower_char(c: char) -> char {
    if latin1_capital(c) {
        char::from_u32(u32::from(c) + 32).unwrap_or(c)
    } else {
        c.to_ascii_lowercase()
    }
}

/// The words that open a sentence capitalised and are never names, of `lang`.
pub fn stop_words(lang: Lang) -> Option<Words> {
    match lang {
        Lang::En => None,
        Lang::Fr => Some(FR_STOP),
        Lang::Es => Some(ES_STOP),
        Lang::Pt => Some(PT_STOP),
        Lang::De => Some(DE_STOP),
        Lang::It => Some(IT_STOP),
    }
}

fn verbs(lang: Lang) -> Option<Words> {
    match lang {
        Lang::En => None,
        Lang::Fr => Some(FR_VERBS),
        Lang::Es => Some(ES_VERBS),
        Lang::Pt => Some(PT_VERBS),
        Lang::De => Some(DE_VERBS),
        Lang::It => Some(IT_VERBS),
    }
}

/// Whether `w` is a function word of the article's language that is never a name
/// ("Le", "Der", "Según").
pub fn is_stop(w: &str) -> bool {
    stop_words(current()).is_some_and(|s| has(s, &fold(w)))
}

/// A French verb with its pronoun after it ("dit-il", "a-t-elle", "répond-elle"):
/// the verb and the pronoun's gender.
pub fn inverted(w: &str) -> Option<(&str, Gender)> {
    if current() != Lang::Fr {
        return None;
    }
    for (tail, g) in [
        ("-t-il", Gender::Male),
        ("-t-elle", Gender::Female),
        ("-il", Gender::Male),
        ("-elle", Gender::Female),
    ] {
        if let Some(verb) = w.strip_suffix(tail).filter(|v| !v.is_empty()) {
            return Some((verb, g));
        }
    }
    None
}

/// Whether `w` is a reporting verb of the article's language ("dijo", "sagte", "a
/// déclaré", "ajoute-t-il").
pub fn is_verb(w: &str) -> bool {
    let Some(list) = verbs(current()) else {
        return false;
    };
    let w = inverted(w).map_or(w, |(v, _)| v);
    // "a" and "avait" only in "a-t-il ajouté": the auxiliary is no verb of saying.
    has(list, &fold(w)) && !matches!(w, "a" | "avait")
}

/// The gender of a pronoun of the article's language that stands for one person
/// ("il", "elle", "er", "lui", "ela", "él"; French "dit-il"). German "sie" is also
/// "they" and the polite "you": see [`super::attribution`] for when it is "she".
pub fn pronoun_gender(w: &str) -> Option<Gender> {
    let l = fold(w);
    let g = match (current(), &*l) {
        (Lang::Fr, "il") | (Lang::Es, "él") | (Lang::Pt, "ele") | (Lang::De, "er") => Gender::Male,
        (Lang::It | Lang::Fr, "lui") | (Lang::It, "egli") => Gender::Male,
        (Lang::Fr, "elle") | (Lang::Es, "ella") | (Lang::Pt, "ela") | (Lang::De, "sie") => {
            Gender::Female
        }
        (Lang::It, "lei" | "ella") => Gender::Female,
        _ => return inverted(w).map(|(_, g)| g),
    };
    Some(g)
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
    if has(TITLES, l) {
        return true;
    }
    // "Bundeswirtschaftsminister", "Bahn-Vorständin", "EU-Kommissarin".
    lang == Lang::De
        && l.char_indices()
            .skip(3)
            .any(|(i, _)| l.get(i..).is_some_and(|t| t.len() >= 4 && has(TITLES, t)))
}

/// The gender a role word of the article's language gives ("Ministerin", "la
/// ministra", "directrice").
pub fn title_gender(w: &str) -> Option<Gender> {
    if !is_title(w) {
        return None;
    }
    let l = fold(w);
    match current() {
        Lang::De if l.ends_with("in") || l.ends_with("mutter") || l.ends_with("hebamme") => {
            Some(Gender::Female)
        }
        Lang::De => Some(Gender::Male),
        Lang::Es | Lang::Pt | Lang::It if l.ends_with('a') || l.ends_with("essa") => {
            Some(Gender::Female)
        }
        Lang::Es | Lang::Pt | Lang::It if l.ends_with('o') || l.ends_with("or") => {
            Some(Gender::Male)
        }
        Lang::Fr
            if ["trice", "euse", "ère", "ée", "ante", "ate"]
                .iter()
                .any(|s| l.ends_with(s)) =>
        {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The gender a first name of a Romance language says by its ending: "Lucía",
/// "Marta" are women, "Giorgio", "Paulo" men (not Italian "Luca" or "Andrea").
pub fn first_name_gender(w: &str) -> Option<Gender> {
    let lang = current();
    if !matches!(lang, Lang::Es | Lang::Pt | Lang::It) || w.chars().count() < 3 {
        return None;
    }
    let l = fold(w);
    if l.ends_with('a') && !(lang == Lang::It && matches!(&*l, "luca" | "andrea" | "nicola")) {
        Some(Gender::Female)
    } else if l.ends_with('o') {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether `w` is an auxiliary of the article's language, between a subject and its
/// verb ("Lefèvre a jugé", "Greco ha parlato", "Kühn hat gesagt").
pub fn is_auxiliary(w: &str) -> bool {
    match current() {
        Lang::En => false,
        Lang::Fr => matches!(w, "a" | "avait" | "aurait" | "ont"),
        Lang::Es => matches!(w, "ha" | "había" | "habría" | "han"),
        Lang::Pt => matches!(w, "tinha" | "tem" | "havia" | "terá"),
        Lang::De => matches!(w, "hat" | "hatte" | "habe" | "hätte"),
        Lang::It => matches!(w, "ha" | "aveva" | "avrebbe" | "hanno"),
    }
}

/// Whether `w` is a preposition of the article's language: a name after it is no
/// subject ("aus Leipzig", "de la ville").
pub fn is_preposition(w: &str) -> bool {
    current() != Lang::En && has(PREPS, &fold(w))
}

/// Whether `w` opens a description of a source ("l'entraîneur", "son avocate", "die
/// Ministerin", "il sindaco").
pub fn is_article(w: &str) -> bool {
    if current() == Lang::En {
        return false;
    }
    let l = fold(w);
    has(ARTICLES, &l) || ["l'", "l’"].iter().any(|a| l.starts_with(a) && l.len() > 3)
}

/// A definite article of the article's language read as "the", with the noun an
/// elided one holds ("la" -> ["the"], "l'entraîneur" -> ["the", "entraîneur"]).
pub fn definite(w: &str) -> Option<[Option<&str>; 2]> {
    let lang = current();
    if lang == Lang::En {
        return None;
    }
    for a in ["l'", "l’", "L'", "L’"] {
        if let Some(noun) = w.strip_prefix(a).filter(|n| !n.is_empty()) {
            return Some([Some("the"), Some(noun)]);
        }
    }
    let l = fold(w);
    let yes = match lang {
        Lang::Fr => matches!(&*l, "le" | "la" | "les"),
        Lang::Es => matches!(&*l, "el" | "la" | "los" | "las"),
        Lang::Pt => matches!(&*l, "o" | "a" | "os" | "as"),
        Lang::De => matches!(&*l, "der" | "die" | "das" | "den" | "dem"),
        Lang::It => matches!(&*l, "il" | "lo" | "la" | "i" | "gli" | "le"),
        Lang::En => false,
    };
    yes.then_some([Some("the"), None])
}

/// Whether `w` says whose words follow, as "according to" does ("selon", "según",
/// "segundo", "laut", "secondo"); `opening` says whether it opens its sentence or
/// clause, where "pour", "para", "per" and "für" do too ("Pour lui, ...").
pub fn is_according(w: &str, opening: bool) -> bool {
    let l = fold(w);
    match current() {
        Lang::En => false,
        Lang::Fr => l == "selon" || (opening && l == "pour"),
        Lang::Es => l == "según" || (opening && l == "para"),
        Lang::Pt => l == "segundo" || (opening && l == "para"),
        // "..., so Krämer.": "so" only after a comma, where it is no adverb.
        Lang::De => l == "laut" || (opening && (l == "für" || l == "so")),
        Lang::It => l == "secondo" || (opening && l == "per"),
    }
}

/// Whether a German word reads as a common noun or an adjective, never a name, by
/// its ending ("Regierung", "Wirtschaft", "Politisch", "Sicherheit").
pub fn is_common_german(w: &str) -> bool {
    current() == Lang::De
        && [
            "ung", "heit", "keit", "schaft", "isch", "ische", "ischen", "lich", "liche", "lichen",
            "tion", "tät", "ismus", "dienst", "verband", "amt",
        ]
        .iter()
        .any(|s| fold(w).ends_with(s))
}

/// French words that open a sentence capitalised and are never names; also what [`super::lang::guess`] counts.
pub const FR_STOP: Words = crate::words![
    "afin",
    "ainsi",
    "alors",
    "après",
    "au",
    "aucun",
    "aujourd'hui",
    "aussi",
    "autant",
    "aux",
    "avant",
    "avec",
    "c'est",
    "ce",
    "cela",
    "celle",
    "celui",
    "ces",
    "cet",
    "cette",
    "chaque",
    "chez",
    "comme",
    "comment",
    "contre",
    "côté",
    "d'après",
    "dans",
    "de",
    "depuis",
    "des",
    "dimanche",
    "donc",
    "dont",
    "du",
    "dès",
    "déjà",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "ensuite",
    "entre",
    "est",
    "et",
    "face",
    "hier",
    "il",
    "ils",
    "je",
    "jeudi",
    "jusqu'à",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lui",
    "lundi",
    "ma",
    "mais",
    "malgré",
    "mardi",
    "me",
    "mercredi",
    "mes",
    "moi",
    "moins",
    "mon",
    "même",
    "ni",
    "non",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "oui",
    "où",
    "par",
    "parce",
    "pas",
    "pendant",
    "plus",
    "pour",
    "pourquoi",
    "puis",
    "qu'il",
    "quand",
    "que",
    "quel",
    "quelle",
    "qui",
    "sa",
    "samedi",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "son",
    "sont",
    "sous",
    "sur",
    "toujours",
    "tous",
    "tout",
    "toute",
    "très",
    "un",
    "une",
    "vendredi",
    "vers",
    "vous",
    "y",
    "à",
    "été",
    "être",
];

/// Spanish words that open a sentence capitalised and are never names.
pub const ES_STOP: Words = crate::words![
    "a",
    "además",
    "ahora",
    "al",
    "algo",
    "allí",
    "ante",
    "antes",
    "aquí",
    "así",
    "aunque",
    "bien",
    "cada",
    "como",
    "con",
    "contra",
    "cuando",
    "de",
    "del",
    "desde",
    "después",
    "domingo",
    "donde",
    "durante",
    "e",
    "el",
    "ella",
    "ellas",
    "ellos",
    "en",
    "entre",
    "era",
    "es",
    "esa",
    "ese",
    "eso",
    "esta",
    "este",
    "esto",
    "está",
    "están",
    "fue",
    "ha",
    "hace",
    "han",
    "hasta",
    "hay",
    "jueves",
    "la",
    "las",
    "le",
    "les",
    "lo",
    "los",
    "lunes",
    "martes",
    "me",
    "mientras",
    "miércoles",
    "muy",
    "más",
    "ni",
    "no",
    "nos",
    "nunca",
    "o",
    "otra",
    "otro",
    "para",
    "pero",
    "poco",
    "por",
    "porque",
    "pues",
    "que",
    "quien",
    "se",
    "según",
    "ser",
    "si",
    "sin",
    "sobre",
    "solo",
    "son",
    "su",
    "sus",
    "sábado",
    "sí",
    "también",
    "tampoco",
    "tan",
    "todo",
    "todos",
    "tras",
    "un",
    "una",
    "uno",
    "viernes",
    "y",
    "ya",
    "yo",
    "él",
];

/// Portuguese words that open a sentence capitalised and are never names.
pub const PT_STOP: Words = crate::words![
    "a",
    "agora",
    "ainda",
    "antes",
    "ao",
    "aos",
    "apenas",
    "as",
    "assim",
    "até",
    "com",
    "como",
    "contra",
    "da",
    "das",
    "de",
    "depois",
    "desde",
    "do",
    "domingo",
    "dos",
    "durante",
    "e",
    "ela",
    "elas",
    "ele",
    "eles",
    "em",
    "entre",
    "então",
    "era",
    "essa",
    "esse",
    "esta",
    "este",
    "está",
    "eu",
    "foi",
    "hoje",
    "há",
    "isso",
    "isto",
    "já",
    "lhe",
    "mais",
    "mas",
    "mesmo",
    "muito",
    "na",
    "nas",
    "nem",
    "no",
    "nos",
    "não",
    "o",
    "onde",
    "ontem",
    "os",
    "ou",
    "para",
    "pela",
    "pelo",
    "perante",
    "pois",
    "por",
    "porque",
    "quando",
    "quarta-feira",
    "que",
    "quem",
    "quinta-feira",
    "se",
    "segunda-feira",
    "segundo",
    "sem",
    "ser",
    "seu",
    "sexta-feira",
    "sim",
    "sobre",
    "sua",
    "sábado",
    "são",
    "também",
    "tem",
    "terça-feira",
    "um",
    "uma",
    "à",
    "às",
    "é",
];

/// German words that open a sentence capitalised and are never names.
pub const DE_STOP: Words = crate::words![
    "aber",
    "alle",
    "allem",
    "als",
    "also",
    "am",
    "an",
    "auch",
    "auf",
    "aus",
    "außerdem",
    "bei",
    "beim",
    "bereits",
    "besonders",
    "bis",
    "da",
    "dabei",
    "dagegen",
    "daher",
    "damit",
    "dann",
    "das",
    "dass",
    "dem",
    "den",
    "denn",
    "der",
    "deren",
    "des",
    "deshalb",
    "dessen",
    "die",
    "dienstag",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "doch",
    "donnerstag",
    "dort",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "er",
    "erst",
    "es",
    "etwa",
    "freitag",
    "für",
    "gegen",
    "gestern",
    "heute",
    "hier",
    "ich",
    "ihm",
    "ihn",
    "ihnen",
    "ihr",
    "ihre",
    "im",
    "in",
    "ist",
    "ja",
    "jetzt",
    "kein",
    "keine",
    "laut",
    "man",
    "mehr",
    "mit",
    "mittwoch",
    "montag",
    "nach",
    "nein",
    "nicht",
    "noch",
    "nun",
    "nur",
    "ob",
    "oder",
    "ohne",
    "samstag",
    "schon",
    "sehr",
    "sein",
    "seine",
    "seit",
    "sie",
    "sind",
    "so",
    "sonntag",
    "sowie",
    "trotz",
    "um",
    "und",
    "uns",
    "unter",
    "viele",
    "vom",
    "von",
    "vor",
    "war",
    "waren",
    "was",
    "weil",
    "wenn",
    "wer",
    "wie",
    "wir",
    "wird",
    "wo",
    "während",
    "zu",
    "zudem",
    "zum",
    "zur",
    "zwar",
    "über",
];

/// Italian words that open a sentence capitalised and are never names.
pub const IT_STOP: Words = crate::words![
    "a",
    "ad",
    "agli",
    "ai",
    "al",
    "alla",
    "alle",
    "allo",
    "anche",
    "ancora",
    "che",
    "chi",
    "come",
    "con",
    "così",
    "cui",
    "da",
    "dagli",
    "dal",
    "dalla",
    "degli",
    "dei",
    "del",
    "della",
    "delle",
    "dello",
    "di",
    "domenica",
    "dopo",
    "dove",
    "e",
    "ed",
    "era",
    "essere",
    "fra",
    "giovedì",
    "già",
    "gli",
    "ha",
    "hanno",
    "i",
    "ieri",
    "il",
    "in",
    "io",
    "la",
    "le",
    "lei",
    "lo",
    "loro",
    "lui",
    "lunedì",
    "ma",
    "mai",
    "martedì",
    "mentre",
    "mercoledì",
    "molto",
    "ne",
    "nei",
    "nel",
    "nella",
    "nelle",
    "nello",
    "no",
    "noi",
    "non",
    "o",
    "oggi",
    "ogni",
    "oltre",
    "ora",
    "per",
    "perché",
    "però",
    "più",
    "poi",
    "quando",
    "quanto",
    "quello",
    "questa",
    "questo",
    "sabato",
    "se",
    "secondo",
    "sempre",
    "senza",
    "si",
    "sia",
    "solo",
    "sono",
    "su",
    "sul",
    "sulla",
    "tra",
    "tutti",
    "tutto",
    "un",
    "una",
    "uno",
    "venerdì",
    "è",
];

/// French reporting verbs, as news writes them ("a déclaré", "explique", "a-t-il ajouté": the participle or the present, the inverted pronoun taken off first).
pub const FR_VERBS: Words = crate::words![
    "a",
    "admet",
    "admis",
    "affirmait",
    "affirme",
    "affirmé",
    "ajoutait",
    "ajoute",
    "ajouté",
    "annonce",
    "annoncé",
    "assure",
    "assuré",
    "avait",
    "averti",
    "avertit",
    "avoue",
    "avoué",
    "commente",
    "commenté",
    "conclut",
    "confie",
    "confirme",
    "confirmé",
    "confié",
    "demande",
    "demandé",
    "disait",
    "dit",
    "déclarait",
    "déclare",
    "déclaré",
    "dénonce",
    "dénoncé",
    "déplore",
    "déploré",
    "estimait",
    "estime",
    "estimé",
    "expliquait",
    "explique",
    "expliqué",
    "glisse",
    "glissé",
    "indique",
    "indiqué",
    "insiste",
    "insisté",
    "juge",
    "jugé",
    "lance",
    "lancé",
    "lâche",
    "lâché",
    "martelé",
    "martèle",
    "note",
    "noté",
    "nuance",
    "nuancé",
    "observe",
    "observé",
    "poursuit",
    "poursuivi",
    "précise",
    "précisé",
    "prévenu",
    "prévient",
    "raconte",
    "raconté",
    "rappelle",
    "rappelé",
    "reconnaît",
    "reconnu",
    "regrette",
    "regretté",
    "réagi",
    "réagit",
    "répond",
    "répondu",
    "résume",
    "résumé",
    "rétorque",
    "rétorqué",
    "souligne",
    "souligné",
    "soutenu",
    "soutient",
    "tempère",
    "tempéré",
    "témoigne",
    "témoigné",
    "écrit",
];

/// Spanish reporting verbs ("dijo", "afirmó", "ha dicho").
pub const ES_VERBS: Words = crate::words![
    "admite",
    "admitió",
    "advierte",
    "advirtió",
    "afirma",
    "afirmado",
    "afirmó",
    "agregó",
    "anunció",
    "apuntó",
    "asegura",
    "asegurado",
    "aseguraron",
    "aseguró",
    "añade",
    "añadió",
    "comentó",
    "concluyó",
    "confesó",
    "contó",
    "criticó",
    "cuenta",
    "declara",
    "declarado",
    "declaró",
    "defendió",
    "denunció",
    "destaca",
    "destacó",
    "dice",
    "dicho",
    "dijeron",
    "dijo",
    "exclamó",
    "explica",
    "explicado",
    "explicaron",
    "explicó",
    "indica",
    "indicaron",
    "indicó",
    "insistió",
    "lamenta",
    "lamentó",
    "manifestó",
    "opina",
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
    "señalado",
    "señalaron",
    "señaló",
    "sostiene",
    "sostuvo",
    "subraya",
    "subrayó",
];

/// Portuguese reporting verbs ("disse", "afirmou", "acrescentou").
pub const PT_VERBS: Words = crate::words![
    "acrescenta",
    "acrescentou",
    "admitiu",
    "afirma",
    "afirmaram",
    "afirmou",
    "alertou",
    "assegurou",
    "avalia",
    "avaliou",
    "comentou",
    "completou",
    "concluiu",
    "confessou",
    "conta",
    "contou",
    "declara",
    "declarou",
    "defendeu",
    "destaca",
    "destacou",
    "disse",
    "disseram",
    "diz",
    "dizia",
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
    "sublinha",
    "sublinhou",
];

/// German reporting verbs ("sagte", "erklärte", "fügte ... hinzu"; "so" as in "..., so Krämer").
pub const DE_VERBS: Words = crate::words![
    "antwortete",
    "begründete",
    "bekräftigte",
    "berichtet",
    "berichtete",
    "betont",
    "betonte",
    "betonten",
    "ergänzt",
    "ergänzte",
    "erklärt",
    "erklärte",
    "erklärten",
    "erzählt",
    "erzählte",
    "fordert",
    "forderte",
    "fragte",
    "fügte",
    "kritisiert",
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
    "versichert",
    "versicherte",
    "warnt",
    "warnte",
];

/// Italian reporting verbs ("ha detto", "ha spiegato", "dice").
pub const IT_VERBS: Words = crate::words![
    "afferma",
    "affermato",
    "aggiunge",
    "aggiunto",
    "ammesso",
    "ammette",
    "annunciato",
    "assicura",
    "assicurato",
    "avvertito",
    "chiarito",
    "commenta",
    "commentato",
    "concluso",
    "conferma",
    "confermato",
    "denunciato",
    "detto",
    "dice",
    "diceva",
    "dichiara",
    "dichiarato",
    "disse",
    "evidenziato",
    "insistito",
    "lamentato",
    "osserva",
    "osservato",
    "parlato",
    "precisa",
    "precisato",
    "prosegue",
    "racconta",
    "raccontato",
    "replica",
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

/// Roles and offices in the five languages, in lower case ("ministre", "la ministra", "Bundeskanzler", "il sindaco"); a German compound ends in one ("Umweltministerin").
pub const TITLES: Words = crate::words![
    "abgeordnete",
    "abgeordneter",
    "abogada",
    "abogado",
    "adjoint",
    "adjointe",
    "advogada",
    "advogado",
    "alcalde",
    "alcaldesa",
    "allenatore",
    "allenatrice",
    "anwalt",
    "anwohner",
    "anwohnerin",
    "arquiteta",
    "arquiteto",
    "assessora",
    "assessore",
    "atacante",
    "atriz",
    "attaquant",
    "auteur",
    "autrice",
    "avocat",
    "avocate",
    "avvocata",
    "avvocato",
    "bürgermeister",
    "bürgermeisterin",
    "capitaine",
    "capitano",
    "capitán",
    "capitão",
    "capogruppo",
    "chef",
    "chefin",
    "chercheur",
    "chercheuse",
    "coach",
    "commandant",
    "commissaire",
    "concejal",
    "concejala",
    "conseiller",
    "conseillère",
    "consejera",
    "consejero",
    "coordenador",
    "coordenadora",
    "deputada",
    "deputado",
    "deputata",
    "deputato",
    "dezernent",
    "dezernentin",
    "diputada",
    "diputado",
    "directeur",
    "director",
    "directora",
    "directrice",
    "direktor",
    "direktorin",
    "diretor",
    "diretora",
    "direttore",
    "direttrice",
    "délégué",
    "déléguée",
    "député",
    "députée",
    "economista",
    "editor",
    "editora",
    "editore",
    "entraîneur",
    "entrenador",
    "entrenadora",
    "escritor",
    "escritora",
    "experte",
    "expertin",
    "fiscal",
    "fundador",
    "fundadora",
    "gewerkschafter",
    "glaciologue",
    "governador",
    "governadora",
    "governante",
    "governatore",
    "hebamme",
    "historiker",
    "historikerin",
    "jefa",
    "jefe",
    "juez",
    "jueza",
    "juge",
    "kanzler",
    "kanzlerin",
    "kapitän",
    "kommissar",
    "kommissarin",
    "kritiker",
    "kritikerin",
    "leiter",
    "leiterin",
    "maestra",
    "maestro",
    "maire",
    "minister",
    "ministerin",
    "ministra",
    "ministre",
    "ministro",
    "mutter",
    "porta-voz",
    "portavoce",
    "portavoz",
    "porte-parole",
    "prefeita",
    "prefeito",
    "preside",
    "president",
    "presidenta",
    "presidente",
    "procuratore",
    "procureur",
    "procureure",
    "profesor",
    "profesora",
    "professeur",
    "professeure",
    "professor",
    "professora",
    "professore",
    "professoressa",
    "präsident",
    "präsidentin",
    "président",
    "présidente",
    "realizador",
    "realizadora",
    "regista",
    "richter",
    "richterin",
    "secretaria",
    "secretario",
    "secretária",
    "secretário",
    "segretaria",
    "segretario",
    "senador",
    "senadora",
    "senatore",
    "sindaca",
    "sindaco",
    "sindicalista",
    "sprecher",
    "sprecherin",
    "sénateur",
    "sénatrice",
    "trainer",
    "trainerin",
    "treinador",
    "vater",
    "vereador",
    "vereadora",
    "vize",
    "vorsitzende",
    "vorsitzender",
    "vorständin",
];

/// Prepositions (and their contractions) of the five languages: a name after one is governed, no subject.
pub const PREPS: Words = crate::words![
    "a", "al", "alla", "an", "antes", "après", "até", "au", "auf", "aus", "aux", "avant", "bei",
    "com", "con", "contra", "da", "dal", "dalla", "das", "de", "del", "della", "dem", "depois",
    "der", "des", "desde", "después", "di", "do", "dopo", "dos", "du", "durante", "em", "für",
    "gegen", "hasta", "in", "lors", "mit", "na", "nach", "nel", "nella", "no", "par", "para",
    "pela", "pelo", "per", "por", "pour", "prima", "sobre", "su", "sul", "sur", "tra", "tras",
    "von", "vor", "während", "zu", "zum", "zur", "à", "über",
];

/// Articles and possessives that open a description of a source ("l'entraîneur", "son avocate", "die Ministerin").
pub const ARTICLES: Words = crate::words![
    "a", "as", "das", "dem", "den", "der", "die", "ein", "eine", "einer", "el", "gli", "i", "ihr",
    "ihre", "il", "l'", "la", "las", "le", "les", "lo", "los", "o", "os", "sa", "seine", "ses",
    "seu", "son", "su", "sua", "suo", "sus", "um", "uma", "un", "una", "une", "uno",
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
    }

    #[test]
    fn french_inverted_pronouns() {
        let _s = Scope::new(Lang::Fr);
        assert!(is_verb("ajoute-t-il") && is_verb("dit-il") && !is_verb("a-t-il"));
        assert_eq!(pronoun_gender("a-t-elle"), Some(Gender::Female));
        assert_eq!(pronoun_gender("Il"), Some(Gender::Male));
    }

    #[test]
    fn german_compounds_and_common_nouns() {
        let _s = Scope::new(Lang::De);
        assert!(is_title("Bundeswirtschaftsminister") && is_title("EU-Kommissarin"));
        assert_eq!(title_gender("Umweltministerin"), Some(Gender::Female));
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
