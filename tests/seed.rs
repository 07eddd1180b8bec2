//! The seed article, read as the web layer reads its Blogger body (the sub-headings
//! typed as plain lines), gives the five sections and the attributed quotations.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::core::{plan, Block, BlockKind, IdSet, Plan, Settings};

fn seed_blocks() -> Vec<Block> {
    let text = include_str!("fixtures/seed/article.txt");
    let body: Vec<&str> = text
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("President Donald J. Trump"))
        .take_while(|l| *l != "Post a Comment")
        .filter(|l| !l.is_empty())
        .collect();
    body.iter()
        .enumerate()
        .map(|(i, l)| {
            let kind = if i == 0 {
                BlockKind::Caption
            } else {
                BlockKind::Line
            };
            Block::new(kind, *l)
        })
        .collect()
}

fn seed_plan() -> Plan {
    plan(&seed_blocks(), &Settings::default(), &IdSet::new())
}

#[test]
fn five_inferred_sections() {
    let p = seed_plan();
    let titles: Vec<&str> = p.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Shifting U.S. Stance on Ukraine",
            "Trump's Position on Ukraine's Role in Peace Talks",
            "A Path to Peace?",
            "Meeting Set for Munich",
            "The Political Debate Continues",
        ]
    );
    assert!(p
        .sections
        .iter()
        .all(|s| s.inferred && s.level == 2 && s.collapsible));
    let ids: Vec<&str> = p.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[2], "a-path-to-peace");
    // The lead (caption and two paragraphs) stays before the first section.
    assert_eq!(p.sections[0].heading, 3);
}

#[test]
fn quotations_and_speakers() {
    let p = seed_plan();
    let got: Vec<(&str, Option<&str>)> = p
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    let trump = Some("Donald Trump");
    let hegseth = Some("Pete Hegseth");
    assert_eq!(
        got,
        [
            ("immediately", trump),
            ("unrealistic objective.", hegseth),
            ("Chasing this illusionary goal will only prolong the war and cause more suffering.", hegseth),
            ("some of it would come back.", trump),
            ("It's an interesting question. I think they have to make peace. Their people are being killed, and I think they have to make peace.", trump),
            ("I said that was not a good war to go into. And I think they have to make peace.", trump),
            ("robust security guarantees", hegseth),
            ("highly productive", trump),
            ("COMMON SENSE.", trump),
            ("root causes", Some("Dmitry Peskov")),
            ("Again, these negotiations are ongoing. I'm backing Ukraine. I'm backing Ukraine.", trump),
            ("just give it up.", Some("Kamala Harris")),
        ]
    );
    let hegseth_quote = &p.quotes[2];
    assert_eq!(
        hegseth_quote.role.as_deref(),
        Some("U.S. Defense Secretary")
    );
    assert_eq!(
        hegseth_quote.section_id.as_deref(),
        Some("shifting-u-s-stance-on-ukraine")
    );
}

#[test]
fn key_quotes_are_the_full_sentence_ones() {
    let p = seed_plan();
    let key: Vec<&str> = p
        .quotes
        .iter()
        .filter(|q| q.key)
        .map(|q| &q.text[..20])
        .collect();
    assert_eq!(
        key,
        [
            "Chasing this illusio",
            "It's an interesting ",
            "I said that was not ",
            "Again, these negotia"
        ]
    );
}

#[test]
fn the_same_article_gives_the_same_plan() {
    assert_eq!(seed_plan(), seed_plan());
}
