//! The quotation finder measured per language on the labelled articles of
//! `tests/fixtures/quotes-lang/` (written for this project): precision, recall and
//! speaker accuracy for French, Spanish, Portuguese, German and Italian next to
//! English, with the page's language declared and with it left for the finder to
//! tell. `make quotes-report` prints it.
//!
//! ```sh
//! cargo run --release --example quotes_lang [-- DIR] [--show ID] [--errors]
//! ```
//!
//! `--show ID` prints what the finder makes of one article (its language declared);
//! `--errors` lists every miss, stray quotation and wrong speaker.

#[path = "../tests/quotes_lang/score.rs"]
mod score;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").map(|i| {
        let id = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        id
    });
    let errors = args.iter().any(|a| a == "--errors");
    args.retain(|a| a != "--errors");
    let dir = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tests/fixtures/quotes-lang"));
    let articles = score::load(&dir)?;
    if let Some(id) = show {
        for a in articles.iter().filter(|a| a.id == id) {
            for q in score::run(a, true) {
                let key = if q.key { " (key)" } else { "" };
                let guess = q
                    .guess
                    .as_ref()
                    .map(|g| format!(" (guess {g:?})"))
                    .unwrap_or_default();
                println!("{:?} <- {:?}{guess}{key}", q.text, q.speaker);
            }
        }
        return Ok(());
    }
    if errors {
        for a in &articles {
            let found = score::run(a, true);
            let mut c = score::Counts::default();
            for (text, what) in score::score(a, &found, &mut c) {
                println!("[{}] {what}: {text:?}", a.id);
            }
        }
        println!();
    }
    println!(
        "Quotations per language ({}; labelled articles written for this project)",
        dir.display()
    );
    println!();
    let declared = score::by_language(&articles, true);
    let guessed = score::by_language(&articles, false);
    println!(
        "{:<4} {:>4} {:>6} {:>6} | {:>5} {:>5} {:>13} {:>5} {:>13} {:>5} {:>4} | undeclared: {:>5} {:>5} {:>5} {:>5}",
        "lang", "docs", "labels", "found", "P", "R", "speaker", "guess", "wrong key", "false", "keys", "P", "R", "spk", "wkey"
    );
    for (lang, c) in &declared {
        let g = guessed.get(lang).cloned().unwrap_or_default();
        println!(
            "{:<4} {:>4} {:>6} {:>6} | {:>5.3} {:>5.3} {:>5.3} ({:>2}/{:>2}) {:>5.3} {:>5.3} ({:>2}/{:>2}) {:>5} {:>4} | undeclared: {:>5.3} {:>5.3} {:>5.3} {:>5.3}",
            lang,
            c.articles,
            c.labels,
            c.found,
            c.precision(),
            c.recall(),
            c.speaker_accuracy(),
            c.right,
            c.judged,
            c.guess_accuracy(),
            c.key_wrong_share(),
            c.key_wrong,
            c.key_named,
            c.false_speakers,
            c.bad_keys,
            g.precision(),
            g.recall(),
            g.speaker_accuracy(),
            g.key_wrong_share(),
        );
    }
    println!();
    println!("P, R: quotations found against those labelled (titles count neither way).");
    println!("speaker: right among the matched quotations whose label names a speaker (a surname alone is right), by the name shown;");
    println!("  guess: the same with the guess analyze() keeps where no name is shown.");
    println!("wrong key: key quotes shown with a name that is wrong (another person, or a name where the label names nobody),");
    println!("  among the key quotes shown with a name that match a label.");
    println!("false: a speaker given where the label names nobody. keys: key quotes that are no labelled statement.");
    println!("undeclared: the same articles with no lang declared, the finder telling the language itself.");
    Ok(())
}
