//! Ad slots in the article. A blogger's in-article ads (AdSense units, auto ads,
//! Google Publisher Tag, Amazon, Ezoic, Mediavine, ad-network frames, and the slots
//! the `adSlots` option names) are the blogger's income: the widget never hides
//! them. The web layer finds them by [`slot_selector`] and reports each as a
//! [`BlockKind::Ad`] block; here they, and the labels that announce them
//! ("Advertisement", "Anzeige"), are kept out of the article (no section, heading,
//! quote or reading time) and kept visible: the sections are cut around them.

use super::lexicon::Words;
use super::{fold, Block, BlockKind};

/// How the ad networks mark their slots, as one CSS selector list: the slot itself,
/// which the widget never moves, wraps or resizes. AdSense units and the containers
/// auto ads insert; Google Publisher Tag (Ad Manager); Amazon; Ezoic, Mediavine and
/// Raptive (AdThrive); AMP's ad elements; and frames served by ad networks (Media.net
/// fills its slots with these).
const SLOTS: &str = "ins.adsbygoogle,.google-auto-placed,div[id^=div-gpt-ad],\
[id^=amzn-assoc-ad],[id^=amzn_assoc_ad],[id^=ezoic-pub-ad],.ezoic-ad,.mv-ad-box,\
.adthrive-ad,amp-ad,amp-embed,iframe[id^=_mN_],iframe[src*=doubleclick\\.net],\
iframe[src*=googlesyndication\\.com],iframe[src*=amazon-adsystem\\.com],\
iframe[src*=media\\.net],iframe[src*=adnxs\\.com],iframe[src*=criteo],\
iframe[src*=pubmatic\\.com],iframe[src*=rubiconproject\\.com],iframe[src*=taboola\\.com]";

/// The selector of every ad slot: the networks' markup, and `extra` (the
/// `adSlots` option) when given.
pub fn slot_selector(extra: Option<&str>) -> String {
    match extra.map(str::trim).filter(|e| !e.is_empty()) {
        Some(extra) => [SLOTS, ",", extra].concat(),
        None => SLOTS.to_string(),
    }
}

/// The labels pages put over or under an ad slot, folded as the box headings are
/// (lower case, no accents: `fold::heading_key`), in the languages bloggers
/// write.
const LABELS: Words = crate::words![
    "ad",
    "ads",
    "advert",
    "advertentie",
    "advertisement",
    "advertisements",
    "advertising",
    "annuncio",
    "anzeige",
    "article continues below advertisement",
    "continue reading below",
    "pubblicita",
    "publicidad",
    "publicidade",
    "publicite",
    "reklama",
    "reklame",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "werbung",
];

/// Whether `text` is only an ad label ("Advertisement", "- Anzeige -").
pub fn is_label(text: &str) -> bool {
    text.len() <= 60 && fold::heading_key(text).is_some_and(|k| LABELS.has(&k))
}

/// Which blocks the sections must leave visible, index for index: the ad slots, and
/// the ad labels beside them.
pub fn kept(blocks: &[Block]) -> Vec<bool> {
    let ad = |i: usize| blocks.get(i).is_some_and(|b| b.kind == BlockKind::Ad);
    let mut out = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        out.push(ad(i) || (is_label(&b.text) && (ad(i + 1) || i.checked_sub(1).is_some_and(ad))));
    }
    out
}

/// Whether a block is an ad slot or an ad label: never article.
pub fn is_ad(b: &Block) -> bool {
    b.kind == BlockKind::Ad || is_label(&b.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }

    fn slot() -> Block {
        Block::new(BlockKind::Ad, "")
    }

    #[test]
    fn labels_are_known_in_several_languages_and_trimmed() {
        for l in [
            "Advertisement",
            "- Anzeige -",
            "PUBLICIDADE",
            "Publicité",
            "(Sponsored)",
        ] {
            assert!(is_label(l), "{l}");
        }
        for l in [
            "",
            "Adverts are everywhere these days.",
            "Advertisement for a new car",
        ] {
            assert!(!is_label(l), "{l}");
        }
    }

    #[test]
    fn slots_and_the_labels_beside_them_are_kept() {
        let blocks = [
            p("Text."),
            p("Advertisement"),
            slot(),
            p("Anzeige"),
            p("More."),
        ];
        assert_eq!(kept(&blocks), [false, true, true, true, false]);
    }

    #[test]
    fn a_label_with_no_slot_beside_it_is_not_kept_but_is_no_article() {
        let blocks = [p("Text."), p("Advertisement"), p("More.")];
        assert_eq!(kept(&blocks), [false, false, false]);
        assert!(is_ad(&blocks[1]));
    }

    #[test]
    fn the_option_adds_to_the_networks_selectors() {
        assert!(slot_selector(None).starts_with("ins.adsbygoogle,"));
        assert!(slot_selector(Some(".my-ad")).ends_with(",.my-ad"));
        assert!(!slot_selector(Some("  ")).ends_with(','));
    }
}
