//! Reading one block's text: where its quotations are, its words and punctuation,
//! and where its sentences end.

/// A quotation inside one block: byte offsets into the block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where the opening mark starts.
    pub open: usize,
    /// Where the quoted text starts (after the opening mark).
    pub start: usize,
    /// Where the quoted text ends (before the closing mark).
    pub end: usize,
    /// Where the closing mark ends.
    pub close: usize,
}

/// The closing marks that can end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”'],
        '"' => &['"', '”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‹' => &['›'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '‚')
}

/// Whether `c` may open a quotation here, given the characters around it.
fn opens(c: char, before: Option<char>, after: Option<char>) -> bool {
    let after_ok = after.is_some_and(|a| !a.is_whitespace());
    let before_ok = before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    match c {
        '"' | '‘' | '‚' => after_ok && before_ok,
        '“' | '„' => after_ok,
        // French sets a space inside guillemets.
        '«' | '‹' | '「' | '『' => after.is_some(),
        _ => false,
    }
}

/// Whether `c`, a possible closing mark, really closes here (and is not an
/// apostrophe as in "don’t" or "Trump’s").
fn closes(c: char, before: Option<char>, after: Option<char>) -> bool {
    if matches!(c, '»' | '›' | '」' | '』') {
        return true;
    }
    let before_ok = before.is_some_and(|b| !b.is_whitespace());
    if is_single(c) {
        return before_ok && after.is_none_or(|a| !a.is_alphanumeric());
    }
    before_ok
}

/// The top-level quotations of a text. A mark that is never closed in the text is
/// skipped, so an unbalanced mark never swallows what follows. Nested quotations of
/// another style stay inside their outer one. Single marks count only in a text that
/// has no double ones (where they are the primary style).
pub fn spans(text: &str) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let has_double = chars
        .iter()
        .any(|&(_, c)| matches!(c, '“' | '"' | '„' | '«' | '「'));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|x| x.1);
        if (is_single(c) && has_double) || !opens(c, before, after) {
            i += 1;
            continue;
        }
        let wanted = closers(c);
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (_, d) = chars[j];
            let b = Some(chars[j - 1].1);
            let a = chars.get(j + 1).map(|x| x.1);
            if wanted.contains(&d) && closes(d, b, a) {
                found = Some(j);
                break;
            }
            // The same mark opening again means the first was never closed.
            if d == c && opens(d, b, a) {
                break;
            }
            j += 1;
        }
        match found {
            Some(j) if j > i + 1 => {
                let (cpos, cm) = chars[j];
                out.push(Span {
                    open: pos,
                    start: pos + c.len_utf8(),
                    end: cpos,
                    close: cpos + cm.len_utf8(),
                });
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// One token of a block's text outside its quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// A word (letters, digits, inner apostrophes, hyphens, and the dots of an
    /// abbreviation such as "U.S.").
    Word(&'a str),
    /// A punctuation mark that matters to sentences and clauses.
    Punct(char),
    /// A quotation: the index of its [`Span`].
    Quote(usize),
}

/// Words ending in a dot that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "capt",
    "sgt", "prof", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "mt", "ft", "rev", "hon", "pres",
    "sec", "dept", "approx", "e.g", "i.e",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let single_initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    single_initial || w.contains('.') || ABBREVIATIONS.contains(&w.to_ascii_lowercase().as_str())
}

/// Splits `text` into tokens, with each quotation of `spans` as one token.
/// Each token comes with its byte offset.
pub fn tokens<'a>(text: &'a str, spans: &[Span]) -> Vec<(usize, Tok<'a>)> {
    let mut out = Vec::new();
    let mut next_span = 0;
    let mut i = 0;
    let bytes = text.len();
    while i < bytes {
        if let Some(s) = spans.get(next_span) {
            if i >= s.open {
                out.push((s.open, Tok::Quote(next_span)));
                i = s.close;
                next_span += 1;
                continue;
            }
        }
        let limit = spans.get(next_span).map_or(bytes, |s| s.open);
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let mut j = i;
            for (k, d) in text[i..limit].char_indices() {
                let ok = d.is_alphanumeric()
                    || (matches!(d, '\'' | '’' | '-' | '.' | '&')
                        && text[i + k + d.len_utf8()..limit]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                if !ok {
                    break;
                }
                j = i + k + d.len_utf8();
            }
            // A dot right after the word belongs to it when it is an abbreviation.
            let word_end = if text[j..limit].starts_with('.') && is_abbreviation(&text[i..j]) {
                j + 1
            } else {
                j
            };
            out.push((i, Tok::Word(&text[i..word_end])));
            i = word_end;
        } else {
            if matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '—' | '–' | '(' | ')') {
                out.push((i, Tok::Punct(c)));
            } else if c == '-' && text[i + 1..].starts_with('-') {
                out.push((i, Tok::Punct('—')));
            }
            i += c.len_utf8();
        }
    }
    out
}

/// The sentences of a token list, as ranges of token indexes. Quotations are opaque:
/// a sentence ends inside one only at its closing mark.
pub fn sentences(text: &str, spans: &[Span], toks: &[(usize, Tok<'_>)]) -> Vec<(usize, usize)> {
    let starts_sentence = |t: Option<&(usize, Tok<'_>)>| match t {
        None => true,
        Some((_, Tok::Word(w))) => w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        Some((_, Tok::Quote(_))) => true,
        Some((_, Tok::Punct(c))) => *c == '(',
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (k, (_, t)) in toks.iter().enumerate() {
        let ends = match t {
            Tok::Punct('.' | '!' | '?') => {
                !matches!(toks.get(k + 1), Some((_, Tok::Punct(_))))
                    && starts_sentence(toks.get(k + 1))
            }
            Tok::Quote(q) => {
                let inner = text[spans[*q].start..spans[*q].end].trim_end();
                inner.ends_with(['.', '!', '?', '…'])
                    && !matches!(toks.get(k + 1), Some((_, Tok::Punct(_))))
                    && starts_sentence(toks.get(k + 1))
            }
            _ => false,
        };
        if ends {
            out.push((from, k + 1));
            from = k + 1;
        }
    }
    if from < toks.len() {
        out.push((from, toks.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        spans(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn many_mark_styles() {
        assert_eq!(quoted("He said “yes to that” today."), vec!["yes to that"]);
        assert_eq!(
            quoted("He said \"yes to that\" today."),
            vec!["yes to that"]
        );
        assert_eq!(quoted("Il a dit « oui » hier."), vec![" oui "]);
        assert_eq!(quoted("Er sagte „ja bitte“ heute."), vec!["ja bitte"]);
        assert_eq!(quoted("彼は「はい」と言った"), vec!["はい"]);
        assert_eq!(quoted("She said ‘not now’, and left."), vec!["not now"]);
    }

    #[test]
    fn apostrophes_and_unbalanced_marks() {
        assert_eq!(
            quoted("Trump’s stance isn’t new, it’s old."),
            Vec::<&str>::new()
        );
        assert_eq!(quoted("An \"open mark and no close."), Vec::<&str>::new());
        assert_eq!(
            quoted("“Open never closed. Then “a real one” here."),
            vec!["a real one"]
        );
        // Single marks inside double ones are nested, not quotations of their own.
        assert_eq!(
            quoted("“He said ‘go’ to me,” she said."),
            vec!["He said ‘go’ to me,"]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let text =
            "U.S. Defense Secretary Pete Hegseth spoke. \"It ends. Now,\" he said. Mr. Smith left.";
        let sp = spans(text);
        let toks = tokens(text, &sp);
        let sents = sentences(text, &sp, &toks);
        assert_eq!(sents.len(), 3, "{toks:?}");
        assert_eq!(toks[0].1, Tok::Word("U.S."));
    }
}
