//! Small things a reader ran into, each pinned by the test named after it.

use super::*;

#[wasm_bindgen_test]
fn read_in_context_moves_focus_to_the_quote_and_destroy_takes_it_back() {
    let root = seed_like("t-focus");
    let before = html(&root);
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let link = all(&root, ".aw-quote-link")[1].clone();
    link.unchecked_ref::<HtmlElement>().click();
    let focused = doc().active_element().expect("something has focus");
    assert!(focused != link, "focus stayed on the panel's link");
    assert!(
        focused
            .text_content()
            .unwrap()
            .contains("It's an interesting question"),
        "focus is on the quote's paragraph: {:?}",
        focused.text_content()
    );
    assert_eq!(focused.get_attribute("tabindex").as_deref(), Some("-1"));
    w.destroy();
    assert_eq!(html(&root), before, "the tabindex is taken back");
    root.remove();
}

#[wasm_bindgen_test]
fn no_collapse_all_button_when_no_section_has_a_toggle() {
    // Sections too short for a toggle: the contents show, the button would do nothing.
    let root = article(
        "t-no-toggle",
        &[
            ("h2", "First short part"),
            ("p", "Only a few words here."),
            ("h2", "Second short part"),
            ("p", "And a few more."),
        ],
    );
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert!(all(&root, ".aw-toggle").is_empty());
    let button = root
        .query_selector(".aw-toc-all")
        .unwrap()
        .expect("the button is built");
    assert!(
        button.has_attribute("hidden"),
        "the button shows with nothing to do"
    );
    w.destroy();
    // Its headings would change the level under the page's heading for the next test.
    root.remove();
    // With toggles it shows and says what it will do.
    let root = seed_like("t-toggle");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let button = root.query_selector(".aw-toc-all").unwrap().unwrap();
    assert!(!button.has_attribute("hidden"));
    assert_eq!(button.text_content().as_deref(), Some("Expand all"));
    w.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn a_second_widget_on_an_element_around_or_inside_a_mounted_one_is_refused() {
    let root = seed_like("t-nested");
    let inner = root.first_element_child().unwrap();
    let outer = root.parent_element().unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let after_one = html(&root);
    for other in [&inner, &outer] {
        let Err(err) = mount(other.clone().into(), no_comments()) else {
            panic!("a second widget was mounted");
        };
        assert_eq!(code_of(err), "already-mounted");
    }
    assert_eq!(html(&root), after_one, "the refused mounts changed nothing");
    assert_eq!(all(&outer, ".aw-quotes").len(), 1);
    w.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn a_long_contents_list_shows_its_first_entries_and_the_rest_on_demand() {
    // 30 sections (a reader saw 400: 11,000 px of list on a phone).
    let titles: Vec<String> = (1..=30)
        .map(|i| ["Part number ", &i.to_string()].concat())
        .collect();
    let spec: Vec<(&str, &str)> = titles
        .iter()
        .flat_map(|t| [("h2", t.as_str()), ("p", LONG)])
        .collect();
    let root = article("t-long-toc", &spec);
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let items = all(&root, ".aw-toc-item");
    assert_eq!(items.len(), 30);
    let shown = || {
        items
            .iter()
            .filter(|li| !li.has_attribute("hidden"))
            .count()
    };
    assert_eq!(shown(), 12, "the first twelve entries");
    let more = root
        .query_selector(".aw-toc-more")
        .unwrap()
        .expect("a show-all button");
    assert_eq!(more.text_content().as_deref(), Some("Show all 30 sections"));
    click(&more);
    assert_eq!(shown(), 30, "all after the click");
    assert!(more.has_attribute("hidden"), "the button is gone");
    let focused = doc().active_element().unwrap();
    assert_eq!(
        focused.text_content().as_deref(),
        Some("Part number 13"),
        "focus on the first entry shown"
    );
    w.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_section_being_read_is_marked_on_an_entry_the_reader_can_see() {
    // 13 parts of two levels: the list shows the first twelve parts at first, no detail.
    let titles: Vec<[String; 2]> = (1..=13)
        .map(|i| {
            let n = i.to_string();
            [["Part ", &n].concat(), ["Detail of part ", &n].concat()]
        })
        .collect();
    let spec: Vec<(&str, &str)> = titles
        .iter()
        .flat_map(|[part, detail]| {
            // Each part and detail taller than a window: one heading in its upper third.
            let body = [("p", LONG); 16];
            std::iter::once(("h2", part.as_str()))
                .chain(body)
                .chain(std::iter::once(("h3", detail.as_str())))
                .chain(body)
        })
        .collect();
    let root = article("t-reading-mark", &spec);
    let options = opts(&[
        ("comments", false.into()),
        ("remember", false.into()),
        ("open", "all".into()),
    ]);
    let mut w = mount(root.clone().into(), options).unwrap();
    let window = web_sys::window().unwrap();
    let read = |title: &str| {
        let heading = all(&root, "h2, h3")
            .into_iter()
            .find(|h| h.text_content().as_deref() == Some(title))
            .unwrap();
        let top = heading.get_bounding_client_rect().top() + window.scroll_y().unwrap();
        window.scroll_to_with_x_and_y(0.0, top - 10.0);
    };
    let marked = || -> Vec<String> {
        all(&root, ".aw-toc [aria-current]")
            .iter()
            .map(|a| a.text_content().unwrap_or_default())
            .collect()
    };
    read("Detail of part 3");
    sleep(200).await;
    let m = marked();
    assert!(
        m.len() == 1 && m[0].contains("Part 3"),
        "a hidden detail marks its part: {m:?}"
    );
    read("Part 13");
    sleep(200).await;
    assert_eq!(marked(), Vec::<String>::new(), "no mark on a hidden entry");
    // The headings of a closed section are not on the page: not the one being read.
    click(&all(&root, ".aw-toggle")[4]);
    read("Part 2");
    sleep(200).await;
    let m = marked();
    assert!(
        m.len() == 1 && m[0].contains("Part 2"),
        "closed part 3's detail is not read: {m:?}"
    );
    click(&root.query_selector(".aw-toc-more").unwrap().unwrap());
    read("Detail of part 13");
    sleep(200).await;
    let m = marked();
    assert!(
        m.len() == 1 && m[0].contains("Detail of part 13"),
        "the whole list shown: its own entry: {m:?}"
    );
    w.destroy();
    root.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}
