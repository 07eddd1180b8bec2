//! The quotation finder measured on labelled news that is not part of this repository.
//!
//! ```sh
//! cargo run --release --example quotes_eval -- [GOLD.jsonl] [PRED.jsonl]
//! python3 ../shared/quotes-eval/score.py PRED.jsonl GOLD.jsonl --min-words 3 --merge-aware
//! ```
//!
//! Reads one JSON article a line (`doc`, `paragraphs`), gives the core one paragraph
//! block per paragraph (what the browser's reader makes of plain `<p>` elements), and
//! writes one PRED line per article with each quote's text, speaker (the name shown,
//! or null), guess (the weaker guess kept where the rules are not sure) and key.
//! `python3 scripts/quotes-keys.py PRED GOLD` scores the names shown and the guesses,
//! and the share of key quotes shown with a wrong name, by the scorer's own rules. Prints the
//! median and mean time of the quote finder per article (the best of three runs of
//! each, so that a busy machine skews it less).
//!
//! `--show DOC` prints, instead, the quotes and speakers found in one article (to
//! look at an error). Nothing of the articles is copied into the project: this only
//! measures.

use article_widget::core::{plan, Block, BlockKind, IdSet, Settings};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").map(|i| {
        let doc = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        doc
    });
    let mut args = args.into_iter();
    let gold = args
        .next()
        .unwrap_or_else(|| "../shared/quotes-eval/news-train.jsonl".into());
    let pred = match (&show, args.next()) {
        (Some(_), _) => std::env::temp_dir()
            .join("quotes-eval-show.jsonl")
            .to_string_lossy()
            .into_owned(),
        (None, Some(p)) => p,
        (None, None) => "test-results/quotes-eval-pred.jsonl".into(),
    };
    let file = match std::fs::File::open(&gold) {
        Ok(f) => f,
        Err(e) => {
            println!("no evaluation file at {gold} ({e}); nothing measured");
            return Ok(());
        }
    };
    if let Some(dir) = std::path::Path::new(&pred).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&pred)?);
    let settings = Settings::default();
    let taken = IdSet::new();
    let mut times: Vec<f64> = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let doc = v["doc"].as_str().unwrap_or_default().to_string();
        let blocks: Vec<Block> = v["paragraphs"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter_map(|p| p.as_str())
                    .map(|p| Block::new(BlockKind::Paragraph, p))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(want) = &show {
            if !doc.contains(want.as_str()) {
                continue;
            }
            for q in plan(&blocks, &settings, &taken).quotes {
                println!("[{}] {:?} <- {:?}", q.block, q.text, q.speaker);
            }
            continue;
        }
        let mut best = f64::INFINITY;
        let mut result = None;
        for _ in 0..3 {
            let t = Instant::now();
            let p = plan(&blocks, &settings, &taken);
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            result = Some(p);
        }
        times.push(best);
        let quotes: Vec<serde_json::Value> = result
            .map(|p| p.quotes)
            .unwrap_or_default()
            .into_iter()
            .map(|q| {
                serde_json::json!({
                    "text": q.text,
                    "speaker": q.speaker,
                    "guess": q.guess,
                    "key": q.key,
                })
            })
            .collect();
        let row = serde_json::json!({ "doc": doc, "quotes": quotes });
        writeln!(out, "{row}")?;
    }
    out.flush()?;
    if show.is_some() {
        return Ok(());
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    println!(
        "{} articles; plan() per article: median {median:.3} ms, mean {mean:.3} ms; wrote {pred}",
        times.len()
    );
    Ok(())
}
