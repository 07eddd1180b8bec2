//! Section F1 on real pages the rules were not written from: the blocks that
//! `scripts/dump-realpages-headings.mjs` writes (one folder a page, each with
//! `blocks.txt`, `blocks-bold.txt` and `blocks-plain.txt`, the article's own headings
//! marked with their level), planned natively in the three forms as tests/corpus.rs
//! plans the corpus.
//!
//! The pages are split in two halves by id: the first is for tuning (its misses and
//! extras are listed with `--details`), the second is held out and only counted.
//!
//! `cargo run --example headings_eval -- [DIR] [--details]` (default DIR
//! /tmp/realpages-headings); `make headings-report` dumps and runs it.

use article_widget::core::sections::fold;
use article_widget::core::{fixture, plan, Block, IdSet, Settings};

#[path = "../tests/common/section_f1.rs"]
mod section_f1;
use section_f1::Counts;

const FORMS: &[(&str, &str)] = &[("own", ""), ("bold", "-bold"), ("plain", "-plain")];

/// One page in one form: its counts, and its missed and extra titles.
fn measure(path: &std::path::Path) -> Option<(Counts, Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut blocks: Vec<Block> = Vec::new();
    let mut gold = Vec::new();
    for line in text.lines() {
        let (b, level) = fixture::from_line(line)?;
        if level.parse::<u8>().is_ok() {
            gold.push(fold(&b.text));
        }
        blocks.push(b);
    }
    let p = plan(&blocks, &Settings::default(), &IdSet::new());
    let mut c = Counts::default();
    let mut extra = Vec::new();
    for s in &p.sections {
        if let Some(k) = gold.iter().position(|g| *g == s.title) {
            gold.remove(k);
            c.tp += 1;
        } else {
            c.fp += 1;
            extra.push(s.title.clone());
        }
    }
    c.fn_ = gold.len();
    Some((c, gold, extra))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let details = args.iter().any(|a| a == "--details");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("/tmp/realpages-headings", String::as_str);
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("headings: {dir} is not there; run scripts/dump-realpages-headings.mjs first");
        return;
    };
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("blocks.txt").exists())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    ids.sort();
    let half = ids.len().div_ceil(2);
    let gold_count = |id: &String| {
        std::fs::read_to_string(std::path::Path::new(dir).join(id).join("blocks.txt"))
            .map(|t| t.lines().filter(|l| l.ends_with(['2', '3', '4'])).count())
            .unwrap_or(0)
    };
    let halves = [
        ("tuning", ids.get(..half).unwrap_or(&[])),
        ("held-out", ids.get(half..).unwrap_or(&[])),
    ];
    for (name, part) in halves {
        let headings: usize = part.iter().map(gold_count).sum();
        println!(
            "{name}: {} pages, {headings} headings ({} to {})",
            part.len(),
            part.first().map_or("", |s| s.get(..8).unwrap_or(s)),
            part.last().map_or("", |s| s.get(..8).unwrap_or(s)),
        );
        for &(form, suffix) in FORMS {
            let mut all = Counts::default();
            for id in part {
                let path = std::path::Path::new(dir)
                    .join(id)
                    .join(format!("blocks{suffix}.txt"));
                let Some((c, missed, extra)) = measure(&path) else {
                    println!("  {id}: {} unreadable", path.display());
                    continue;
                };
                if details && name == "tuning" && c.fp + c.fn_ > 0 {
                    println!(
                        "  {form:5} {} tp {:2} fp {:2} fn {:2} missed {missed:?} extra {extra:?}",
                        id.get(..10).unwrap_or(id),
                        c.tp,
                        c.fp,
                        c.fn_
                    );
                }
                all.tp += c.tp;
                all.fp += c.fp;
                all.fn_ += c.fn_;
            }
            println!(
                "  {form:5}: section F1 {:.3} (tp {}, fp {}, fn {})",
                all.f1(),
                all.tp,
                all.fp,
                all.fn_
            );
        }
    }
}
