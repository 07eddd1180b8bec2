//! Times the quote finder on one paragraph that holds many direct quotations, the
//! worst case for work per block.
//!
//! ```sh
//! cargo run --release --example quotes_long_block -- [QUOTATIONS] [RUNS] [KIND] [show]
//! ```
//!
//! Builds one paragraph of QUOTATIONS (1,200 unless told) short quotations, with a
//! sentence of narration after every third, plans it RUNS times (3 unless told) and
//! prints the best time and how many quotes were found. KIND is how each quotation
//! reads: `said` (attributed after it, the default), `bare` (no attribution), `he`
//! (a pronoun's), `and` (all in one sentence that never ends) or `unclosed` (marks
//! that nothing closes); any other KIND is taken as the text of one quotation.
//! `show` prints each quote's speaker and text after the time.

use article_widget::core::{plan, Block, BlockKind, IdSet, Settings};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1200);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let kind = args.next().unwrap_or_else(|| "said".into());
    let sentence = match kind.as_str() {
        "bare" => "“We will rebuild the bridge.” ",
        "he" => "“We will rebuild the bridge,” he said. ",
        "and" => "“We will rebuild the bridge,” said Maria Lopez, and ",
        "unclosed" => "“We will rebuild the bridge, said Maria Lopez, the mayor. ",
        "said" => "“We will rebuild the bridge,” said Maria Lopez, the mayor. ",
        own => own,
    };
    let filler = "The council met on Monday in the old hall by the river, and the talks went on late into the night. ";
    let mut text = String::new();
    for k in 0..n {
        text.push_str(sentence);
        if k % 3 == 0 && kind != "and" {
            text.push_str(filler);
        }
    }
    let blocks = vec![Block::new(BlockKind::Paragraph, &text)];
    let (settings, taken) = (Settings::default(), IdSet::new());
    let mut best = f64::INFINITY;
    let mut quotes = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        quotes = plan(&blocks, &settings, &taken).quotes;
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    let found = quotes.len();
    println!(
        "{n} quotations ({kind}), {} bytes in one paragraph: {found} quotes, best of {runs}: {best:.1} ms",
        text.len()
    );
    if args.next().as_deref() == Some("show") {
        for q in &quotes {
            println!("{:?} <- {:?}", q.text, q.speaker);
        }
    }
}
