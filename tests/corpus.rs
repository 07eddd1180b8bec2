//! The 24 real pages of the corpus, as the browser reader saw them
//! (`tests/fixtures/corpus/*/blocks*.txt`, written by `scripts/dump-blocks.mjs`),
//! planned natively.
//!
//! - Demoted headings: each page's own h2 to h4 are the gold; the same page with
//!   them turned into bold paragraphs and into plain paragraphs must still give them
//!   as sections. Section F1 (titles, micro-averaged over every page, so that a
//!   heading inferred on a page without any counts against) is held to a floor in all
//!   three.
//! - Golden key quotes: `quotes.native.txt`, and no quotation from a box.
//! - Golden sections: every page's sections in the three forms are compared with
//!   `tests/fixtures/corpus/sections.native.txt`; `UPDATE_GOLDEN=1 cargo test --test
//!   corpus` writes it anew (review the diff before committing).
#![cfg(not(target_arch = "wasm32"))]

use article_widget::core::sections::fold;
use article_widget::core::{boilerplate, fixture, plan, Block, IdSet, Settings};
use std::fmt::Write;

#[path = "common/section_f1.rs"]
mod section_f1;
use section_f1::Counts;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/");

/// The floor of section F1 in each form of the corpus.
const F1_FLOOR: f64 = 0.91;

/// Own headings of the pages that are not their article's outline: plugin and
/// site boxes inside the root (newsletter price plans, "About the Author", a
/// related-links box), read by hand, one `page <TAB> title` a line. The widget drops
/// them as boilerplate; the browser golden test reads the same file.
fn not_outline() -> Vec<(String, String)> {
    std::fs::read_to_string([CORPUS, "not-outline.txt"].concat())
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

const FORMS: &[(&str, &str)] = &[("own", ""), ("bold", "-bold"), ("plain", "-plain")];

fn pages() -> Vec<String> {
    std::fs::read_to_string([CORPUS, "pages.txt"].concat())
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// The blocks of one page in one form, and its gold headings (title, level).
fn load(page: &str, suffix: &str) -> (Vec<Block>, Vec<(String, u8)>) {
    let path = [CORPUS, page, "/blocks", suffix, ".txt"].concat();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut blocks = Vec::new();
    let mut gold = Vec::new();
    let skip = not_outline();
    for line in text.lines() {
        let (b, level) = fixture::from_line(line).unwrap_or_else(|| panic!("{path}: {line}"));
        if let Ok(level) = level.parse::<u8>() {
            let title = fold(&b.text);
            if !skip.iter().any(|(p, t)| p == page && *t == title) {
                gold.push((title, level));
            }
        }
        blocks.push(b);
    }
    (blocks, gold)
}

/// Runs every page in every form: the counts of each form, and the sections found
/// as golden-file lines.
fn measure() -> (Vec<(&'static str, Counts)>, String, String) {
    let mut totals = Vec::new();
    let mut golden = String::new();
    let mut report = String::new();
    for &(form, suffix) in FORMS {
        let mut all = Counts::default();
        for page in pages() {
            let (blocks, gold) = load(&page, suffix);
            let p = plan(&blocks, &Settings::default(), &IdSet::new());
            let mut c = Counts::default();
            let top_gold = gold.iter().map(|g| g.1).min().unwrap_or(2);
            let top_found = p.sections.iter().map(|s| s.level).min().unwrap_or(2);
            let mut left: Vec<&(String, u8)> = gold.iter().collect();
            for s in &p.sections {
                let _ = writeln!(
                    golden,
                    "{form}\t{page}\t{}{}\t{}",
                    s.level,
                    if s.inferred { " ~" } else { "" },
                    s.title
                );
                if let Some(k) = left.iter().position(|g| g.0 == s.title) {
                    if left[k].1 - top_gold == s.level - top_found {
                        c.level_right += 1;
                    }
                    left.remove(k);
                    c.tp += 1;
                } else {
                    c.fp += 1;
                }
            }
            c.fn_ = left.len();
            if c.fp + c.fn_ > 0 {
                let missed: Vec<&str> = left.iter().map(|g| g.0.as_str()).collect();
                let extra: Vec<&str> = p
                    .sections
                    .iter()
                    .filter(|s| !gold.iter().any(|g| g.0 == s.title))
                    .map(|s| s.title.as_str())
                    .collect();
                let _ = writeln!(
                    report,
                    "{form:5} {page:26} tp {:2} fp {:2} fn {:2}  missed {missed:?}  extra {extra:?}",
                    c.tp, c.fp, c.fn_
                );
            }
            all.tp += c.tp;
            all.fp += c.fp;
            all.fn_ += c.fn_;
            all.level_right += c.level_right;
        }
        totals.push((form, all));
    }
    (totals, golden, report)
}

#[test]
fn demoted_headings_are_found_and_golden_sections_hold() {
    let (totals, golden, report) = measure();
    eprintln!("{report}");
    for (form, c) in &totals {
        eprintln!(
            "{form:5}: section F1 {:.3} (tp {}, fp {}, fn {}), levels right {}/{}",
            c.f1(),
            c.tp,
            c.fp,
            c.fn_,
            c.level_right,
            c.tp
        );
    }
    let path = [CORPUS, "sections.native.txt"].concat();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &golden).unwrap();
    } else {
        let want = std::fs::read_to_string(&path)
            .expect("no golden file: run with UPDATE_GOLDEN=1 and review it");
        let diff: Vec<String> = want
            .lines()
            .filter(|l| !golden.lines().any(|g| g == *l))
            .map(|l| format!("- {l}"))
            .chain(
                golden
                    .lines()
                    .filter(|g| !want.lines().any(|l| l == *g))
                    .map(|g| format!("+ {g}")),
            )
            .collect();
        assert!(
            diff.is_empty(),
            "sections differ from {path}:\n{}",
            diff.join("\n")
        );
    }
    for (form, c) in &totals {
        assert!(
            c.f1() >= F1_FLOOR,
            "section F1 of the {form} form is {:.3}, under {F1_FLOOR}",
            c.f1()
        );
    }
}

/// The share of a page's words in blocks marked as boxes stays small: a class name
/// around the whole article (a theme's "post-author-wrap") must not make it all
/// boilerplate.
#[test]
fn boxes_are_a_small_part_of_every_page() {
    let mut report = String::new();
    for page in pages() {
        let (blocks, _) = load(&page, "");
        let marked = boilerplate::mark(&blocks);
        let all: usize = blocks.iter().map(Block::words).sum();
        let boxed: usize = blocks
            .iter()
            .zip(&marked)
            .filter(|(_, &m)| m)
            .map(|(b, _)| b.words())
            .sum();
        let share = boxed as f64 / all.max(1) as f64;
        let _ = writeln!(
            report,
            "{page:26} {boxed:5} of {all:5} words in boxes ({:.0} %)",
            share * 100.0
        );
        assert!(
            share < 0.3,
            "{page}: {boxed} of {all} words taken for boxes"
        );
    }
    eprintln!("{report}");
}

/// Lists the blocks of one page taken for boxes, to review them:
/// `PAGE=wapo-1 cargo test --test corpus print_boxes -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_boxes() {
    let page = std::env::var("PAGE").unwrap_or_default();
    let (blocks, _) = load(&page, "");
    for (i, (b, m)) in blocks.iter().zip(boilerplate::mark(&blocks)).enumerate() {
        if m {
            let t: String = b.text.chars().take(90).collect();
            let k: String = b
                .marks
                .chars()
                .rev()
                .take(60)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            eprintln!("{i:4} {:?} l{:.1} [{k}] {t}", b.kind, b.links);
        }
    }
}

/// The key quotes of every page (own form), against
/// `tests/fixtures/corpus/quotes.native.txt` (`UPDATE_GOLDEN=1` writes it anew), and
/// no quotation from a box.
#[test]
fn golden_key_quotes_and_none_from_a_box() {
    let mut golden = String::new();
    for page in pages() {
        let (blocks, _) = load(&page, "");
        let p = plan(&blocks, &Settings::default(), &IdSet::new());
        let boxes = boilerplate::mark(&blocks);
        for q in &p.quotes {
            assert!(
                !boxes.get(q.block).copied().unwrap_or(false),
                "{page}: a quotation from a box: {}",
                q.text
            );
        }
        let _ = writeln!(golden, "{page}\t{} quotations", p.quotes.len());
        for q in p.quotes.iter().filter(|q| q.key) {
            let text: String = q.text.chars().take(60).collect();
            let _ = writeln!(
                golden,
                "{page}\tkey\t{}\t{text}",
                q.speaker.as_deref().unwrap_or("-")
            );
        }
    }
    let path = [CORPUS, "quotes.native.txt"].concat();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &golden).unwrap();
    } else {
        let want = std::fs::read_to_string(&path)
            .expect("no golden file: run with UPDATE_GOLDEN=1 and review it");
        assert_eq!(want, golden, "key quotes differ from {path}");
    }
}
