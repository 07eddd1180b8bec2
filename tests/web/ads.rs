//! Ad slots inside the article: never hidden by a collapsed section, never moved,
//! wrapped or resized, never article; `destroy()` gives them back with what the ad
//! script put in them meanwhile.

use super::*;

/// How each kind of ad network marks its slot, as a page (or the network's script)
/// leaves it in the article; the last one is the blogger's own, named by `adSlots`.
const SLOTS: &[(&str, &str)] = &[
    (
        "AdSense unit",
        r#"<ins class="adsbygoogle" style="display:block;width:300px;height:250px" data-ad-client="ca-pub-0000000000000000" data-ad-slot="1111111111"></ins>"#,
    ),
    (
        "AdSense auto ad",
        r#"<div class="google-auto-placed ap_container" style="width:100%;height:auto;clear:both;text-align:center"><ins class="adsbygoogle adsbygoogle-noablate" data-ad-format="auto" style="display:block;margin:auto;width:320px;height:100px"></ins></div>"#,
    ),
    (
        "Google Publisher Tag",
        r#"<div id="div-gpt-ad-1234567890123-0" style="min-width:300px;min-height:250px"></div>"#,
    ),
    (
        "Amazon",
        r#"<div id="amzn-assoc-ad-0a1b2c3d" style="height:200px"></div>"#,
    ),
    (
        "Ezoic",
        r#"<div id="ezoic-pub-ad-placeholder-101" style="height:90px"></div>"#,
    ),
    (
        "Mediavine",
        r#"<div class="mv-ad-box" data-slotid="content_1" style="height:250px"></div>"#,
    ),
    (
        "an ad network's frame",
        r#"<iframe src="about:blank#contextual.media.net" width="300" height="250" style="border:0"></iframe>"#,
    ),
    (
        "labelled, in a wrapper",
        r#"<div class="in-post-ad"><div class="ad-label">Advertisement</div><ins class="adsbygoogle" style="display:block;height:120px"></ins><script>/* the network's push */</script></div>"#,
    ),
    (
        "the adSlots option",
        r#"<div class="house-promo" style="height:150px"></div>"#,
    ),
];

/// The widget's stylesheet in the page, as a page has it, until dropped (other tests
/// run without it).
struct Stylesheet(Element);

impl Stylesheet {
    fn add() -> Stylesheet {
        let style = doc().create_element("style").unwrap();
        style.set_text_content(Some(include_str!("../../styles/article-widget.css")));
        doc().head().unwrap().append_child(&style).unwrap();
        Stylesheet(style)
    }
}

impl Drop for Stylesheet {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// An article of three sections, the second holding `slot` between two paragraphs.
fn with_slot(id: &str, slot: &str) -> (Element, Element) {
    let root = article(
        id,
        &[
            ("h2", "The First Part"),
            ("p", LONG),
            ("h2", "The Second Part"),
            ("p", LONG),
            ("p", LONG),
            ("h2", "The Third Part"),
            ("p", LONG),
        ],
    );
    let second = root.children().item(4).unwrap();
    second.insert_adjacent_html("beforebegin", slot).unwrap();
    let slot = second.previous_element_sibling().unwrap();
    (root, slot)
}

/// The slot itself (the element the network fills) inside what was inserted.
fn inner_slot(e: &Element) -> Element {
    e.query_selector("ins, [id]")
        .unwrap()
        .filter(|_| e.local_name() == "div" && e.get_attribute("id").is_none())
        .unwrap_or_else(|| e.clone())
}

fn size(e: &Element) -> (f64, f64) {
    let r = e.get_bounding_client_rect();
    (r.width(), r.height())
}

/// Whether `e` shows: nothing above it hides it and it has a size.
fn shows(e: &Element) -> bool {
    let (w, h) = size(e);
    e.closest("[hidden], [data-aw-collapsed]")
        .unwrap()
        .is_none()
        && w > 0.0
        && h > 0.0
}

fn resources() -> u32 {
    let perf = js_sys::Reflect::get(&web_sys::window().unwrap(), &"performance".into()).unwrap();
    let entries: js_sys::Function = js_sys::Reflect::get(&perf, &"getEntriesByType".into())
        .unwrap()
        .unchecked_into();
    js_sys::Array::from(&entries.call1(&perf, &"resource".into()).unwrap()).length()
}

fn ad_options() -> JsValue {
    opts(&[
        ("comments", false.into()),
        ("remember", false.into()),
        ("adSlots", ".house-promo".into()),
    ])
}

#[wasm_bindgen_test]
fn ad_slots_in_a_collapsed_section_stay_visible_in_place_and_unchanged() {
    let _css = Stylesheet::add();
    for (i, (kind, markup)) in SLOTS.iter().enumerate() {
        let (root, outer) = with_slot(&["t-ad-", &i.to_string()].concat(), markup);
        let slot = inner_slot(&outer);
        let before = html(&root);
        let parent = outer.parent_node().unwrap();
        let (prev, next) = (
            outer.previous_element_sibling().unwrap(),
            outer.next_element_sibling().unwrap(),
        );
        let measured = size(&slot);
        let requests = resources();
        let mut w = mount(root.clone().into(), ad_options()).unwrap();
        let buttons = all(&root, ".aw-toggle");
        assert_eq!(buttons.len(), 3, "{kind}: three sections");
        assert!(
            !expanded(&buttons[1]),
            "{kind}: the second starts collapsed"
        );
        let check = |when: &str| {
            assert!(shows(&slot), "{kind}: the slot shows {when}");
            assert_eq!(size(&slot), measured, "{kind}: the slot's size {when}");
            assert!(
                outer.parent_node().unwrap() == parent,
                "{kind}: the slot was moved {when}"
            );
            // Still between the paragraphs it was between.
            assert!(
                prev.compare_document_position(&outer) & Node::DOCUMENT_POSITION_FOLLOWING != 0
                    && next.compare_document_position(&outer) & Node::DOCUMENT_POSITION_PRECEDING
                        != 0,
                "{kind}: the slot left its place in the text {when}"
            );
        };
        check("when its section is collapsed");
        // A rule sets it apart from the collapsed heading above it.
        let gap = outer.previous_element_sibling().unwrap();
        assert_eq!(gap.class_name(), "aw-ad-gap", "{kind}");
        assert!(size(&gap).0 > 0.0, "{kind}: the rule shows");
        click(&buttons[1]);
        check("once its section is opened");
        assert_eq!(size(&gap).0, 0.0, "{kind}: no rule in an open section");
        click(&buttons[1]);
        check("once its section is closed again");
        w.collapse_all();
        check("after collapse all");
        // Nothing of it is article: no section, quote or words.
        let plan = analyze(root.clone().into(), ad_options()).unwrap();
        let titles = js_sys::Reflect::get(&plan, &"sections".into()).unwrap();
        assert_eq!(js_sys::Array::from(&titles).length(), 3, "{kind}");
        assert_eq!(
            resources(),
            requests,
            "{kind}: the widget fetched something"
        );
        // The network's script fills the slot meanwhile; destroy keeps what it did.
        slot.set_attribute("data-ad-status", "filled").unwrap();
        let expected = {
            let (copy, copy_outer) = with_slot("t-ad-copy", markup);
            inner_slot(&copy_outer)
                .set_attribute("data-ad-status", "filled")
                .unwrap();
            let h = html(&copy).replace("t-ad-copy", &["t-ad-", &i.to_string()].concat());
            copy.remove();
            h
        };
        assert_ne!(before, expected);
        w.destroy();
        assert_eq!(html(&root), expected, "{kind}: destroy gives the page back");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn an_ad_slot_added_after_the_mount_is_never_hidden() {
    let _css = Stylesheet::add();
    let (root, _) = with_slot("t-ad-late", "<div class=\"placeholder\"></div>");
    let before = html(&root);
    let requests = resources();
    let mut w = mount(root.clone().into(), ad_options()).unwrap();
    let buttons = all(&root, ".aw-toggle");
    assert!(!expanded(&buttons[2]), "the third section starts collapsed");
    // Auto ads put their own slot into the collapsed third section, between its
    // heading's body paragraphs.
    let body = doc()
        .get_element_by_id(&buttons[2].get_attribute("aria-controls").unwrap())
        .unwrap();
    let para = body.query_selector("p").unwrap().unwrap();
    para.insert_adjacent_html(
        "afterend",
        r#"<div class="google-auto-placed"><ins class="adsbygoogle adsbygoogle-noablate" style="display:block;height:100px"></ins></div>"#,
    )
    .unwrap();
    let slot = para.next_element_sibling().unwrap();
    let parent = slot.parent_node().unwrap();
    sleep(0).await;
    assert!(shows(&slot), "the late slot shows");
    assert!(
        slot.parent_node().unwrap() == parent,
        "the late slot was moved"
    );
    assert!(
        para.closest("[hidden]").unwrap().is_some(),
        "its paragraph stays collapsed"
    );
    // The toggle names the new bodies; opening and closing leaves the slot be.
    click(&buttons[2]);
    assert!(para.closest("[hidden]").unwrap().is_none(), "opened");
    click(&buttons[2]);
    assert!(
        shows(&slot),
        "the late slot shows after the section closed again"
    );
    for id in buttons[2]
        .get_attribute("aria-controls")
        .unwrap()
        .split(' ')
    {
        assert!(
            doc().get_element_by_id(id).is_some(),
            "aria-controls names {id}"
        );
    }
    // A slot added to an open section is kept out of its body too.
    click(&buttons[0]);
    let first = root.query_selector("p").unwrap().unwrap();
    first
        .insert_adjacent_html(
            "beforebegin",
            r#"<ins class="adsbygoogle" style="display:block;height:60px"></ins>"#,
        )
        .unwrap();
    let early = first.previous_element_sibling().unwrap();
    sleep(0).await;
    w.collapse_all();
    assert!(
        shows(&early),
        "a slot added to an open section shows once it is collapsed"
    );
    assert_eq!(resources(), requests, "the widget fetched something");
    w.destroy();
    // The page as it was, with the two slots the ad script added where it put them.
    let (copy, _) = with_slot("t-ad-late", "<div class=\"placeholder\"></div>");
    let paras = all(&copy, "p");
    paras[3]
        .insert_adjacent_html(
            "afterend",
            r#"<div class="google-auto-placed"><ins class="adsbygoogle adsbygoogle-noablate" style="display:block;height:100px"></ins></div>"#,
        )
        .unwrap();
    paras[0]
        .insert_adjacent_html(
            "beforebegin",
            r#"<ins class="adsbygoogle" style="display:block;height:60px"></ins>"#,
        )
        .unwrap();
    let expected = html(&copy);
    copy.remove();
    assert_ne!(before, expected);
    assert_eq!(html(&root), expected);
    // Its headings would change the level under the page's heading for the next test.
    root.remove();
}
