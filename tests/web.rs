//! Browser tests: the widget mounted on small Blogger-like articles in a real page
//! (Chromium and Firefox, headless).
#![cfg(target_arch = "wasm32")]

use article_widget::{analyze, mount, prepare_mount, Widget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, Node};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/ads.rs"]
mod ads;
#[path = "web/reader.rs"]
mod reader;

const LONG: &str = "This paragraph is long enough to be running text of the article, with more than twenty words in it and a full stop at the end.";

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh article in the page, built with text nodes only; returns its root. It
/// goes below the first screen (after a spacer, with the window scrolled to the top),
/// where the widget changes what it likes: the reader has not seen it yet.
fn article(id: &str, lines: &[(&str, &str)]) -> Element {
    let d = doc();
    if let Some(old) = d.get_element_by_id(id) {
        old.remove();
    }
    if d.get_element_by_id("t-first-screen").is_none() {
        let spacer = d.create_element("div").unwrap();
        spacer.set_id("t-first-screen");
        spacer.set_attribute("style", "height: 300vh").unwrap();
        d.body()
            .unwrap()
            .insert_before(&spacer, d.body().unwrap().first_child().as_ref())
            .unwrap();
    }
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    let root = d.create_element("div").unwrap();
    root.set_id(id);
    root.set_class_name("post-body");
    for (tag, text) in lines {
        let e = d.create_element(tag).unwrap();
        e.set_text_content(Some(text));
        root.append_child(&e).unwrap();
    }
    d.body().unwrap().append_child(&root).unwrap();
    root
}

fn seed_like(id: &str) -> Element {
    article(
        id,
        &[
            ("div", LONG),
            ("div", "Donald Trump spoke with reporters on Wednesday about the talks and what comes next for everyone."),
            ("div", "Shifting Stance on Ukraine"),
            ("div", "\"Chasing this illusionary goal will only prolong the war and cause more suffering,\" Donald Trump said today."),
            ("div", LONG),
            ("div", "A Path to Peace?"),
            ("div", LONG),
            ("div", "\"It's an interesting question,\" he said. \"I think they have to make peace.\""),
            ("div", "Meeting Set for Munich"),
            ("div", LONG),
        ],
    )
}

fn html(e: &Element) -> String {
    e.outer_html()
}

/// `html` with the digits taken out: each widget numbers its ids anew.
fn strip_numbers(s: &str) -> String {
    s.chars().filter(|c| !c.is_ascii_digit()).collect()
}

fn code_of(err: JsValue) -> String {
    js_sys::Reflect::get(&err, &"code".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn message_of(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

fn opts(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn no_comments() -> JsValue {
    opts(&[("comments", false.into()), ("remember", false.into())])
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |r, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&r, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

/// Resolves with the next `name` event on `target`.
async fn next_event(target: &web_sys::EventTarget, name: &str) -> JsValue {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let o = web_sys::AddEventListenerOptions::new();
        o.set_once(true);
        target
            .add_event_listener_with_callback_and_add_event_listener_options(name, &resolve, &o)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap()
}

/// Puts `root` first in the page, scrolled to the top; the window's height.
fn first_in_page(root: &Element) -> f64 {
    let body = doc().body().unwrap();
    body.insert_before(root, body.first_child().as_ref())
        .unwrap();
    let window = web_sys::window().unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    window.inner_height().unwrap().as_f64().unwrap()
}

fn click(e: &Element) {
    e.unchecked_ref::<HtmlElement>().click();
}

fn expanded(e: &Element) -> bool {
    e.get_attribute("aria-expanded").as_deref() == Some("true")
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The text of each element under `root` that `sel` matches.
fn texts(root: &Element, sel: &str) -> Vec<String> {
    all(root, sel)
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn a_toggle_that_a_toggle_event_causes_toggles_too() {
    // Every listener of the widget calls one closure: a page's listener that clicks
    // another toggle from inside the widget's event runs that closure again before it
    // has returned.
    let root = seed_like("t-nested");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let buttons = all(&root, ".aw-toggle");
    let (first, second) = (expanded(&buttons[1]), expanded(&buttons[2]));
    let other = buttons[2].clone();
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = done.clone();
    let on_toggle = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if !seen.replace(true) {
            click(&other);
        }
    });
    root.add_event_listener_with_callback(
        "article-widget:toggle",
        on_toggle.as_ref().unchecked_ref(),
    )
    .unwrap();
    click(&buttons[1]);
    assert!(done.get(), "the toggle event came");
    assert_eq!(expanded(&buttons[1]), !first);
    assert_eq!(
        expanded(&buttons[2]),
        !second,
        "the nested click toggled too"
    );
    root.remove_event_listener_with_callback(
        "article-widget:toggle",
        on_toggle.as_ref().unchecked_ref(),
    )
    .unwrap();
    w.destroy();
}

#[wasm_bindgen_test]
fn sections_from_plain_lines_with_accessible_toggles() {
    let root = seed_like("t-sections");
    let mut w: Widget = mount(root.clone().into(), no_comments()).unwrap();
    let headings = all(&root, ".aw-heading");
    let titles: Vec<String> = headings.iter().map(|h| h.text_content().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Shifting Stance on Ukraine",
            "A Path to Peace?",
            "Meeting Set for Munich"
        ]
    );
    for h in &headings {
        assert_eq!(h.get_attribute("role").as_deref(), Some("heading"));
        let b = h
            .query_selector("button.aw-toggle")
            .unwrap()
            .expect("a toggle button");
        let controls = b.get_attribute("aria-controls").unwrap();
        let body = doc()
            .get_element_by_id(&controls)
            .expect("aria-controls names the body");
        let expanded = b.get_attribute("aria-expanded").unwrap();
        let hidden = body.get_attribute("hidden");
        assert_eq!(
            expanded == "false",
            hidden.as_deref() == Some("until-found")
        );
    }
    // The first section starts open, the others collapsed; a click flips one.
    let second = headings[1].query_selector("button").unwrap().unwrap();
    assert_eq!(
        second.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    second.unchecked_ref::<HtmlElement>().click();
    assert_eq!(
        second.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let body = doc()
        .get_element_by_id(&second.get_attribute("aria-controls").unwrap())
        .unwrap();
    assert!(!body.has_attribute("hidden"));
    second.unchecked_ref::<HtmlElement>().click();
    assert_eq!(body.get_attribute("hidden").as_deref(), Some("until-found"));
    w.destroy();
}

#[wasm_bindgen_test]
fn destroy_gives_the_page_back_exactly() {
    let root = seed_like("t-destroy");
    let before = html(&root);
    let first_child = root.first_child().unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert_ne!(html(&root), before);
    w.destroy();
    assert_eq!(html(&root), before);
    assert!(
        root.first_child().unwrap() == first_child,
        "the same nodes, not copies"
    );
    w.destroy(); // twice is harmless
    assert_eq!(html(&root), before);
    // It can be mounted again after.
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    w.destroy();
    assert_eq!(html(&root), before);
}

/// A mount that fails half-way (here the DOM refuses the third node move) leaves the
/// page as it was, throws a coded error, and the article can be mounted after.
#[wasm_bindgen_test]
fn a_mount_that_fails_half_way_leaves_the_page_as_it_was() {
    let root = seed_like("t-half");
    let before = html(&root);
    let first_child = root.first_child().unwrap();
    let sabotage = js_sys::Function::new_no_args(
        "const p = Node.prototype, real = p.appendChild; let n = 0;
         p.appendChild = function (c) {
           if (++n === 3) throw new DOMException('refused', 'HierarchyRequestError');
           return real.call(this, c);
         };
         return () => { p.appendChild = real; };",
    );
    let restore: js_sys::Function = sabotage.call0(&JsValue::NULL).unwrap().unchecked_into();
    let result = mount(root.clone().into(), no_comments());
    restore.call0(&JsValue::NULL).unwrap();
    let err = result.err().expect("the refused move fails the mount");
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("dom-error"));
    assert_eq!(html(&root), before, "nothing of the page changed");
    assert!(root.first_child().unwrap() == first_child, "the same nodes");
    let mut w = mount(root.clone().into(), no_comments()).expect("mounts after");
    w.destroy();
    assert_eq!(html(&root), before);
}

/// The widget takes its dark colours on a page that is dark: from the first opaque
/// background behind the article (however deep), else from light text on the bare
/// canvas; a half-transparent background does not count.
#[wasm_bindgen_test]
fn the_colours_follow_the_page_behind_the_article() {
    let cases = [
        ("", "background: rgb(17, 17, 17)", "dark"),
        ("", "background: rgb(250, 250, 245)", "light"),
        ("color: rgb(238, 238, 238)", "", "dark"),
        ("color: rgb(20, 20, 20)", "", "light"),
        (
            "color: rgb(20, 20, 20)",
            "background: rgba(0, 0, 0, 0.3)",
            "light",
        ),
    ];
    for (root_style, wrapper_style, want) in cases {
        let root = seed_like("t-look");
        let wrapper = doc().create_element("div").unwrap();
        wrapper.set_attribute("style", wrapper_style).unwrap();
        root.parent_node()
            .unwrap()
            .insert_before(&wrapper, Some(&root))
            .unwrap();
        wrapper.append_child(&root).unwrap();
        root.set_attribute("style", root_style).unwrap();
        let mut w = mount(root.clone().into(), no_comments()).unwrap();
        assert_eq!(
            root.get_attribute("data-aw-theme").as_deref(),
            Some(want),
            "text {root_style:?} on {wrapper_style:?}"
        );
        w.destroy();
        wrapper.remove();
    }
}

/// Section ids never repeat an id the page has, whatever its script (letters beyond
/// U+FFFF and from U+E000 to U+FFFF are where UTF-16 order and the module's differ).
#[wasm_bindgen_test]
fn section_ids_never_repeat_a_page_id_in_any_script() {
    let titles = [
        "𝐀𝐁", "Ａ", "ｂｃ", "𝐂", "alpha", "Ｚ", "𝐳𝐳", "omega", "ｘ", "𝟏𝟐", "β", "١٢", "ﾊﾝ", "𝑥",
    ];
    let mut lines: Vec<(&str, &str)> = Vec::new();
    for t in titles {
        lines.push(("h2", t));
        lines.push(("p", LONG));
    }
    let root = article("t-ids", &lines);
    // The page already uses every id the titles would make.
    let holder = doc().create_element("div").unwrap();
    for t in titles {
        let e = doc().create_element("span").unwrap();
        e.set_id(&article_widget::core::slugify(t));
        holder.append_child(&e).unwrap();
    }
    doc().body().unwrap().append_child(&holder).unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let ids: Vec<String> = all(&root, "h2.aw-heading").iter().map(|h| h.id()).collect();
    assert_eq!(ids.len(), titles.len());
    for id in &ids {
        let same = doc()
            .query_selector_all(&format!("[id=\"{id}\"]"))
            .unwrap()
            .length();
        assert_eq!(same, 1, "{id} is used once in the page");
    }
    w.destroy();
    holder.remove();
    // Its headings would stand before the next tests' articles.
    root.remove();
}

/// A widget dropped without `destroy()` (its handle garbage-collected, or `free()`d)
/// stops listening and observing: no toggle answers, and no observer calls into what
/// is gone (that would throw in the page).
#[wasm_bindgen_test]
async fn a_widget_dropped_without_destroy_stops_listening() {
    js_sys::Function::new_no_args(
        "window.__awErrors = [];
         window.addEventListener('error', (e) => window.__awErrors.push(String(e.message)));",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let root = seed_like("t-drop");
    let w = mount(root.clone().into(), no_comments()).unwrap();
    assert!(
        root.query_selector(".aw-toc").unwrap().is_some(),
        "contents, watched by an observer"
    );
    let button: HtmlElement = root
        .query_selector(".aw-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let before = button.get_attribute("aria-expanded");
    drop(w);
    button.click();
    assert_eq!(
        button.get_attribute("aria-expanded"),
        before,
        "no listener answers"
    );
    // Headings come into view and go again: an observer left behind would fire.
    root.scroll_into_view();
    sleep(300).await;
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    let errors = js_sys::Reflect::get(&js_sys::global(), &"__awErrors".into()).unwrap();
    let errors: js_sys::Array = errors.unchecked_into();
    assert_eq!(
        errors.length(),
        0,
        "errors in the page: {:?}",
        errors.to_vec()
    );
    root.remove();
}

#[wasm_bindgen_test]
fn key_quotes_panel_with_speakers() {
    let root = seed_like("t-quotes");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let panel = root
        .query_selector("aside.aw-quotes")
        .unwrap()
        .expect("the panel");
    let title_id = panel.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        doc()
            .get_element_by_id(&title_id)
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Key quotes")
    );
    let speakers = texts(&panel, ".aw-quote-name");
    assert_eq!(speakers, ["Donald Trump", "Donald Trump"]);
    let texts = texts(&panel, ".aw-quote-text");
    assert_eq!(
        texts[1],
        "It's an interesting question. I think they have to make peace."
    );
    // "Read in context" opens the collapsed section that holds the quote.
    let links = all(&panel, ".aw-quote-link");
    let path_btn = all(&root, ".aw-toggle")[1].clone();
    assert_eq!(
        path_btn.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    links[1].unchecked_ref::<HtmlElement>().click();
    assert_eq!(
        path_btn.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    w.destroy();
    assert!(root.query_selector(".aw-quotes").unwrap().is_none());
}

#[wasm_bindgen_test]
fn analyze_reports_the_plan_and_changes_nothing() {
    let root = seed_like("t-analyze");
    let before = html(&root);
    let plan = analyze("#t-analyze".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(html(&root), before);
    let sections = js_sys::Reflect::get(&plan, &"sections".into()).unwrap();
    let sections: js_sys::Array = sections.unchecked_into();
    assert_eq!(sections.length(), 3);
    let first = sections.get(0);
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    assert_eq!(
        get(&first, "id").as_string().as_deref(),
        Some("shifting-stance-on-ukraine")
    );
    assert_eq!(get(&first, "level").as_f64(), Some(2.0));
    assert_eq!(get(&first, "inferred").as_bool(), Some(true));
    let quotes: js_sys::Array = get(&plan, "quotes").unchecked_into();
    let q0 = quotes.get(0);
    assert_eq!(
        get(&q0, "speaker").as_string().as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        get(&q0, "sectionId").as_string().as_deref(),
        Some("shifting-stance-on-ukraine")
    );
    assert_eq!(get(&q0, "key").as_bool(), Some(true));
    // On a mounted root it answers with what mount applied.
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let again = analyze(root.clone().into(), JsValue::UNDEFINED).unwrap();
    let s2: js_sys::Array = get(&again, "sections").unchecked_into();
    assert_eq!(s2.length(), 3);
    w.destroy();
}

#[wasm_bindgen_test]
fn bad_input_gives_coded_errors_and_leaves_the_page_alone() {
    let root = seed_like("t-errors");
    let before = html(&root);
    let cases: Vec<(JsValue, JsValue, &str)> = vec![
        (
            "#does-not-exist".into(),
            JsValue::UNDEFINED,
            "root-not-found",
        ),
        ("##bad[".into(), JsValue::UNDEFINED, "bad-selector"),
        (JsValue::from(42), JsValue::UNDEFINED, "root-not-element"),
        (
            root.clone().into(),
            opts(&[("maxQuote", 3.into())]),
            "unknown-option",
        ),
        (
            root.clone().into(),
            opts(&[("sections", "yes".into())]),
            "bad-option",
        ),
        (
            root.clone().into(),
            JsValue::from("sections"),
            "bad-options",
        ),
        (
            root.clone().into(),
            opts(&[("comments", "[[".into())]),
            "bad-selector",
        ),
        (
            root.clone().into(),
            opts(&[("commentsScript", "javascript:alert(1)".into())]),
            "bad-comments-url",
        ),
        (
            root.clone().into(),
            opts(&[("exclude", "[[".into())]),
            "bad-selector",
        ),
    ];
    for (r, o, code) in cases {
        let err = mount(r, o).err().expect("mount must fail");
        let msg = message_of(&err);
        assert!(msg.starts_with("article-widget: "), "{msg}");
        assert_eq!(code_of(err), code, "{msg}");
        assert_eq!(html(&root), before, "{code} changed the page");
    }
    let empty = article("t-empty", &[("div", " "), ("p", "")]);
    assert_eq!(
        code_of(mount(empty.into(), no_comments()).err().unwrap()),
        "empty-article"
    );
    // A second mount on the same root is refused, and the first keeps working.
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert_eq!(
        code_of(mount(root.clone().into(), no_comments()).err().unwrap()),
        "already-mounted"
    );
    w.destroy();
    assert_eq!(html(&root), before);
}

#[wasm_bindgen_test]
fn hostile_text_stays_text() {
    let root = article(
        "t-hostile",
        &[
            ("div", LONG),
            ("div", "Why <img src=x onerror=alert(1)> Matters"),
            ("div", "\"Nothing <script>alert(1)</script> will run here, I promise you all,\" Jane Smith said."),
            ("div", LONG),
            ("div", "The <b>Second</b> Heading"),
            ("div", LONG),
        ],
    );
    let before_text = root.text_content().unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert!(
        root.query_selector("img, script, b").unwrap().is_none(),
        "markup in text was parsed"
    );
    assert_eq!(all(&root, ".aw-heading").len(), 2);
    let panel_text = root
        .query_selector(".aw-quote-text")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        panel_text.starts_with("Nothing <script>alert(1)</script> will run"),
        "{panel_text}"
    );
    w.destroy();
    assert_eq!(root.text_content().unwrap(), before_text);
}

#[wasm_bindgen_test]
fn mixed_script_and_astral_text_reads_exactly() {
    // Characters outside the Basic Multilingual Plane take two UTF-16 units and four
    // bytes: every title, id and quote after them must still come out whole.
    let root = article(
        "t-astral",
        &[
            ("h2", "\u{1F30D} \u{1D49C}ncient Maps of \u{6771}\u{4EAC}"),
            ("div", LONG),
            ("div", "\"Every \u{1F5FA}\u{FE0F} map lies a little, and that is the point of them,\" Ana Souza said."),
            ("div", LONG),
            ("h2", "\u{0627}\u{0644}\u{0639}\u{0631}\u{0628}\u{064A}\u{0629} and Greek \u{039B}\u{03CC}\u{03B3}\u{03BF}\u{03C2}"),
            ("div", LONG),
        ],
    );
    let divs = all(&root, "h2, div");
    divs[4].set_id("t-astral-\u{1F9ED}");
    // A lone surrogate, which only a script can put in a text node.
    let odd = doc().create_text_node("\u{FFFD}");
    js_sys::Reflect::set(
        &odd,
        &"data".into(),
        &js_sys::JSON::parse("\"x\\ud800y\"").unwrap(),
    )
    .unwrap();
    divs[1].append_child(&odd).unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let titles = texts(&root, ".aw-heading");
    assert_eq!(
        titles,
        [
            "\u{1F30D} \u{1D49C}ncient Maps of \u{6771}\u{4EAC}",
            "\u{0627}\u{0644}\u{0639}\u{0631}\u{0628}\u{064A}\u{0629} and Greek \u{039B}\u{03CC}\u{03B3}\u{03BF}\u{03C2}"
        ]
    );
    assert_eq!(
        divs[4].id(),
        "t-astral-\u{1F9ED}",
        "the heading keeps its own id"
    );
    let quote = root
        .query_selector(".aw-quote-text")
        .unwrap()
        .expect("the quote")
        .text_content()
        .unwrap();
    assert_eq!(
        quote,
        "Every \u{1F5FA}\u{FE0F} map lies a little, and that is the point of them."
    );
    let name = root.query_selector(".aw-quote-name").unwrap().unwrap();
    assert_eq!(name.text_content().as_deref(), Some("Ana Souza"));
    w.destroy();
    // Its real <h2>s would be the page's headings before the next test's article.
    root.remove();
}

#[wasm_bindgen_test]
fn find_in_page_and_deep_links_open_collapsed_sections() {
    let root = seed_like("t-links");
    // Give a paragraph inside the last (collapsed) section an id to link to.
    let target = root.last_element_child().unwrap();
    target.set_id("t-links-target");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let buttons = all(&root, ".aw-toggle");
    let body_of = |b: &Element| {
        doc()
            .get_element_by_id(&b.get_attribute("aria-controls").unwrap())
            .unwrap()
    };
    // The browser's find-in-page fires beforematch on the hidden body; it bubbles.
    let body = body_of(&buttons[1]);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    body.dispatch_event(&web_sys::Event::new_with_event_init_dict("beforematch", &init).unwrap())
        .unwrap();
    assert_eq!(
        buttons[1].get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    // A hash that points inside the last section opens it.
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("#t-links-target"))
        .unwrap();
    let ev = web_sys::HashChangeEvent::new("hashchange").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    assert_eq!(
        buttons[2].get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("#"))
        .unwrap();
    // Expand all and collapse all.
    w.collapse_all();
    assert!(buttons
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("false")));
    w.expand_all();
    assert!(buttons
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("true")));
    w.destroy();
}

#[wasm_bindgen_test]
fn headings_inside_text_runs_split_by_line_breaks() {
    // Blogger's editor often leaves one div with text runs and <br>s.
    let d = doc();
    let root = article("t-br", &[]);
    for (i, line) in [
        LONG,
        "First Plain Title",
        LONG,
        LONG,
        "Second Plain Title",
        LONG,
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            root.append_child(&d.create_element("br").unwrap()).unwrap();
            root.append_child(&d.create_element("br").unwrap()).unwrap();
        }
        root.append_child(&d.create_text_node(line)).unwrap();
    }
    let before = html(&root);
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let titles = texts(&root, ".aw-heading");
    assert_eq!(titles, ["First Plain Title", "Second Plain Title"]);
    assert_eq!(all(&root, ".aw-section-body").len(), 2);
    w.destroy();
    assert_eq!(html(&root), before);
}

#[wasm_bindgen_test]
fn comments_load_once_on_intent_and_not_before() {
    let d = doc();
    let root = seed_like("t-comments");
    let area = d.create_element("div").unwrap();
    area.set_id("t-comments-area");
    area.set_attribute("data-num-comments", "2").unwrap();
    let template = d.create_element("template").unwrap();
    template
        .set_attribute("data-article-widget-comments", "")
        .unwrap();
    let content = template
        .unchecked_ref::<web_sys::HtmlTemplateElement>()
        .content();
    let script = d.create_element("script").unwrap();
    script.set_text_content(Some(
        "window.__awTestComments = (window.__awTestComments || 0) + 1;",
    ));
    content.append_child(&script).unwrap();
    area.append_child(&template).unwrap();
    d.body().unwrap().append_child(&area).unwrap();
    let before = html(&area);
    let count = || {
        js_sys::Reflect::get(&js_sys::global(), &"__awTestComments".into())
            .unwrap()
            .as_f64()
            .unwrap_or(0.0)
    };

    let mut w = mount(
        root.into(),
        opts(&[
            ("comments", "#t-comments-area".into()),
            ("commentsOnClick", true.into()),
        ]),
    )
    .unwrap();
    let button = area
        .query_selector(".aw-comments-button")
        .unwrap()
        .expect("the facade");
    assert_eq!(button.text_content().as_deref(), Some("Show 2 comments"));
    assert_eq!(count(), 0.0, "nothing runs before the reader asks");
    assert!(!area.class_list().contains("aw-comments-reserved"));
    button.unchecked_ref::<HtmlElement>().click();
    // Once loading starts the area keeps room for what arrives.
    assert!(area.class_list().contains("aw-comments-reserved"));
    button.unchecked_ref::<HtmlElement>().click();
    w.load_comments();
    assert_eq!(count(), 1.0, "the comment system runs once");
    w.destroy();
    assert_eq!(html(&area), before);
    area.remove();
}

/// The comment area never stops the widget (issue: the README's tag, with its
/// `data-comments="#comments"`, mounted nothing on pages whose `#comments` holds a
/// live list or a theme's placeholder, or that have none): the sections mount, the
/// area is left exactly as it is, and the `mounted` event says what became of it.
#[wasm_bindgen_test]
fn a_comment_area_with_nothing_to_defer_is_left_alone_and_reported() {
    let d = doc();
    let area = d.create_element("div").unwrap();
    area.set_id("t-live-comments");
    area.set_class_name("comments");
    area.set_inner_html(
        "<h4>Post a Comment</h4><p>Please Select Embedded Mode To Show The Comment System.</p>\
         <iframe id=\"comment-editor\" src=\"about:srcdoc\"></iframe>",
    );
    d.body().unwrap().append_child(&area).unwrap();
    let before = html(&area);
    for (comments, state) in [
        (JsValue::from("#t-live-comments"), "not-lazy"),
        (JsValue::from("#t-no-such-comments"), "not-found"),
        (JsValue::TRUE, "not-lazy"),
        (JsValue::FALSE, "off"),
    ] {
        let root = seed_like("t-comments-left");
        let detail = std::rc::Rc::new(std::cell::RefCell::new(JsValue::UNDEFINED));
        let seen = detail.clone();
        let on_mounted = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |e: web_sys::CustomEvent| *seen.borrow_mut() = e.detail(),
        );
        root.add_event_listener_with_callback(
            "article-widget:mounted",
            on_mounted.as_ref().unchecked_ref(),
        )
        .unwrap();
        let mut w = mount(
            root.clone().into(),
            opts(&[("comments", comments.clone()), ("remember", false.into())]),
        )
        .unwrap_or_else(|e| panic!("{comments:?} stopped the mount: {}", message_of(&e)));
        assert!(
            !all(&root, "button[aria-expanded]").is_empty(),
            "{comments:?}: no sections"
        );
        let got = js_sys::Reflect::get(&detail.borrow(), &"comments".into()).unwrap();
        assert_eq!(got.as_string().as_deref(), Some(state), "{comments:?}");
        assert_eq!(html(&area), before, "{comments:?} changed the comment area");
        assert!(area
            .query_selector(".aw-comments-facade")
            .unwrap()
            .is_none());
        w.destroy();
        root.remove();
    }
    area.remove();
}

#[wasm_bindgen_test]
fn a_form_whose_field_is_named_id_does_not_break_reading() {
    // Regression: `form.id` is the field `<input name="id">`, not a string; reading
    // ids through the property trapped the module on a real news page.
    let d = doc();
    let form = d.create_element("form").unwrap();
    form.set_attribute("id", "search").unwrap();
    let input = d.create_element("input").unwrap();
    input.set_attribute("name", "id").unwrap();
    form.append_child(&input).unwrap();
    d.body().unwrap().append_child(&form).unwrap();
    let root = seed_like("t-clobber");
    root.append_child(&form).unwrap();
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert_eq!(all(&root, ".aw-heading").len(), 3);
    w.destroy();
    form.remove();
}

#[wasm_bindgen_test]
fn table_of_contents_links_opens_and_expands_all() {
    let root = seed_like("t-toc");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let toc = root.first_element_child().unwrap();
    assert_eq!(toc.class_name(), "aw-toc", "the contents come first");
    let links = all(&toc, ".aw-toc-link");
    let hrefs: Vec<String> = links
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "#shifting-stance-on-ukraine",
            "#a-path-to-peace",
            "#meeting-set-for-munich"
        ]
    );
    let times = texts(&toc, ".aw-toc-time");
    assert_eq!(times, ["1 min", "1 min", "1 min"]);
    let toggles = all(&root, ".aw-toggle");
    // A link opens its collapsed section (the browser then scrolls to it).
    assert!(!expanded(&toggles[2]));
    links[2]
        .add_event_listener_with_callback(
            "click",
            &js_sys::Function::new_with_args("e", "e.preventDefault()"),
        )
        .unwrap();
    click(&links[2]);
    assert!(expanded(&toggles[2]));
    // One button expands all, then collapses all.
    let all_button = toc.query_selector(".aw-toc-all").unwrap().unwrap();
    assert_eq!(all_button.text_content().as_deref(), Some("Expand all"));
    click(&all_button);
    assert!(toggles.iter().all(expanded));
    assert_eq!(all_button.text_content().as_deref(), Some("Collapse all"));
    click(&all_button);
    assert!(!toggles.iter().any(expanded));
    w.destroy();
    assert!(root.query_selector(".aw-toc").unwrap().is_none());
}

#[wasm_bindgen_test]
fn printing_shows_everything_then_restores_the_reader_state() {
    let root = seed_like("t-print");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let toggles = all(&root, ".aw-toggle");
    let before: Vec<bool> = toggles.iter().map(expanded).collect();
    assert_eq!(before, [true, false, false]);
    let win = web_sys::window().unwrap();
    win.dispatch_event(&web_sys::Event::new("beforeprint").unwrap())
        .unwrap();
    assert!(toggles.iter().all(expanded));
    assert_eq!(all(&root, ".aw-section-body[hidden]").len(), 0);
    win.dispatch_event(&web_sys::Event::new("afterprint").unwrap())
        .unwrap();
    assert_eq!(toggles.iter().map(expanded).collect::<Vec<_>>(), before);
    w.destroy();
}

#[wasm_bindgen_test]
fn open_sections_are_remembered_for_the_page() {
    let root = seed_like("t-remember");
    let with_comments_off = opts(&[("comments", false.into())]);
    let mut w = mount(root.clone().into(), with_comments_off.clone()).unwrap();
    let toggles = all(&root, ".aw-toggle");
    click(&toggles[0]); // close the first
    click(&toggles[2]); // open the last
    w.destroy();
    let mut w = mount(root.clone().into(), with_comments_off).unwrap();
    let toggles = all(&root, ".aw-toggle");
    assert_eq!(
        toggles.iter().map(expanded).collect::<Vec<_>>(),
        [false, false, true]
    );
    w.destroy();
    // Without `remember`, the configured state wins.
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let toggles = all(&root, ".aw-toggle");
    assert_eq!(
        toggles.iter().map(expanded).collect::<Vec<_>>(),
        [true, false, false]
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn a_comment_script_that_fails_shows_a_message_and_retry_works() {
    let d = doc();
    let root = seed_like("t-fail");
    let area = d.create_element("div").unwrap();
    area.set_id("t-fail-area");
    d.body().unwrap().append_child(&area).unwrap();
    let before = html(&area);
    let mut w = mount(
        root.clone().into(),
        opts(&[
            ("comments", "#t-fail-area".into()),
            ("commentsScript", "/no-such-comment-system.js".into()),
            ("commentsOnClick", true.into()),
        ]),
    )
    .unwrap();
    let button = area.query_selector(".aw-comments-button").unwrap().unwrap();
    let failed = next_event(root.as_ref(), "article-widget:comments-failed");
    click(&button);
    let detail = js_sys::Reflect::get(&failed.await, &"detail".into()).unwrap();
    let reason = js_sys::Reflect::get(&detail, &"reason".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(reason.contains("did not load"), "{reason}");
    let status = area.query_selector(".aw-comments-status").unwrap().unwrap();
    assert!(status
        .text_content()
        .unwrap()
        .starts_with("Comments could not be loaded"));
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    assert_eq!(
        area.query_selector_all("script").unwrap().length(),
        0,
        "the failed script is taken out"
    );
    // A retry starts again (and fails again here, cleanly).
    let failed = next_event(root.as_ref(), "article-widget:comments-failed");
    click(&button);
    assert_eq!(area.query_selector_all("script").unwrap().length(), 1);
    failed.await;
    w.destroy();
    assert_eq!(html(&area), before);
    area.remove();
}

#[wasm_bindgen_test]
fn preconnect_only_after_intent() {
    let d = doc();
    let root = seed_like("t-preconnect");
    let area = d.create_element("div").unwrap();
    area.set_id("t-preconnect-area");
    d.body().unwrap().append_child(&area).unwrap();
    let hints = || {
        d.query_selector_all("link[rel=preconnect][href='https://comments.example']")
            .unwrap()
            .length()
    };
    let mut w = mount(
        root.into(),
        opts(&[
            ("comments", "#t-preconnect-area".into()),
            ("commentsScript", "https://comments.example/embed.js".into()),
            ("commentsOnClick", true.into()),
        ]),
    )
    .unwrap();
    assert_eq!(hints(), 0);
    let facade = area.query_selector(".aw-comments-facade").unwrap().unwrap();
    facade
        .dispatch_event(&web_sys::Event::new("pointerover").unwrap())
        .unwrap();
    facade
        .dispatch_event(&web_sys::Event::new("pointerover").unwrap())
        .unwrap();
    assert_eq!(hints(), 1, "one hint, on the first intent");
    w.destroy();
    assert_eq!(hints(), 0);
    area.remove();
}

#[wasm_bindgen_test]
async fn embedded_frames_are_hidden_in_place_not_moved() {
    // Regression: wrapping a section moved its iframes, and a moved iframe reloads
    // (a video player starts over), on mount and again on destroy.
    let d = doc();
    let root = seed_like("t-frames");
    let holder = d.create_element("div").unwrap();
    let frame = d.create_element("iframe").unwrap();
    frame.set_attribute("srcdoc", "<p>player</p>").unwrap();
    holder.append_child(&frame).unwrap();
    // In the last (collapsed) section, between two paragraphs.
    let last = root.last_element_child().unwrap();
    root.insert_before(&holder, Some(&last)).unwrap();
    next_event(frame.as_ref(), "load").await;
    let loads =
        js_sys::Function::new_no_args("window.__awFrameLoads = (window.__awFrameLoads || 0) + 1");
    frame
        .add_event_listener_with_callback("load", &loads)
        .unwrap();
    let before = html(&root);
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    assert!(
        holder.parent_node().unwrap() == Node::from(root.clone()),
        "the frame's box stayed in place"
    );
    assert!(holder.has_attribute("data-aw-collapsed"));
    let toggles = all(&root, ".aw-toggle");
    click(&toggles[2]);
    assert!(!holder.has_attribute("data-aw-collapsed"));
    click(&toggles[2]);
    w.destroy();
    assert_eq!(html(&root), before);
    // Give a reload, if any, the time to happen.
    sleep(200).await;
    let reloads = js_sys::Reflect::get(&js_sys::global(), &"__awFrameLoads".into()).unwrap();
    assert!(reloads.is_undefined(), "the frame reloaded");
}

#[wasm_bindgen_test]
fn quotes_link_to_their_text_and_the_panel_goes_where_asked() {
    let root = seed_like("t-share");
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let share = root.query_selector(".aw-quote-share").unwrap().unwrap();
    let href = share.get_attribute("href").unwrap();
    assert!(
        // A prefix only the article has ("-,") comes before the quotation's words.
        href.starts_with("#:~:text=")
            && href.contains(
                "-,Chasing%20this%20illusionary%20goal,and%20cause%20more%20suffering%2C"
            ),
        "{href}"
    );
    assert!(
        !href.contains("#:~:text=Chasing%20this%20illusionary%20goal#"),
        "no second fragment"
    );
    w.destroy();
    for (at, check) in [("top", 1usize), ("end", 0)] {
        let mut w = mount(
            root.clone().into(),
            opts(&[
                ("comments", false.into()),
                ("remember", false.into()),
                ("quotesAt", at.into()),
            ]),
        )
        .unwrap();
        let panel = root.query_selector(".aw-quotes").unwrap().unwrap();
        let kids = root.children();
        let index = (0..kids.length())
            .position(|i| kids.item(i).unwrap() == panel)
            .unwrap();
        if check == 1 {
            assert_eq!(index, 1, "after the contents");
        } else {
            assert_eq!(index as u32, kids.length() - 1, "at the end");
        }
        w.destroy();
    }
    let d = doc();
    let aside = d.create_element("div").unwrap();
    aside.set_id("t-share-aside");
    d.body().unwrap().append_child(&aside).unwrap();
    let mut w = mount(
        root.clone().into(),
        opts(&[
            ("comments", false.into()),
            ("remember", false.into()),
            ("quotesAt", "#t-share-aside".into()),
        ]),
    )
    .unwrap();
    assert!(aside.query_selector(".aw-quotes").unwrap().is_some());
    w.destroy();
    assert_eq!(aside.child_element_count(), 0);
    let e = mount(
        root.clone().into(),
        opts(&[("comments", false.into()), ("quotesAt", "#nowhere".into())]),
    )
    .err()
    .unwrap();
    assert_eq!(code_of(e), "bad-option");
    aside.remove();
}

#[wasm_bindgen_test]
fn quotations_in_q_elements_are_found_and_highlighted() {
    let d = doc();
    let root = seed_like("t-q");
    let para = d.create_element("div").unwrap();
    para.append_child(&d.create_text_node("Jane Smith said "))
        .unwrap();
    let q = d.create_element("q").unwrap();
    q.set_text_content(Some(
        "the bridge will open in the spring, whatever happens next",
    ));
    para.append_child(&q).unwrap();
    para.append_child(&d.create_text_node(" on Monday."))
        .unwrap();
    root.insert_before(&para, root.first_child().as_ref())
        .unwrap();
    let plan = analyze(root.clone().into(), no_comments()).unwrap();
    let quotes: js_sys::Array = js_sys::Reflect::get(&plan, &"quotes".into())
        .unwrap()
        .unchecked_into();
    let q0 = quotes.get(0);
    let get = |k: &str| js_sys::Reflect::get(&q0, &k.into()).unwrap().as_string();
    assert_eq!(
        get("text").as_deref(),
        Some("the bridge will open in the spring, whatever happens next")
    );
    assert_eq!(get("speaker").as_deref(), Some("Jane Smith"));
    // The page's text is untouched by the marks the reader adds.
    assert_eq!(
        q.text_content().as_deref(),
        Some("the bridge will open in the spring, whatever happens next")
    );
}

#[wasm_bindgen_test]
fn a_quote_over_two_paragraphs_is_highlighted_across_them() {
    let root = article(
        "t-multi",
        &[
            ("div", LONG),
            (
                "div",
                "Jane Smith, the mayor, spoke at length on Monday about the bridge.",
            ),
            (
                "div",
                "\"We have waited for this bridge for ten years, and we will not wait any longer.",
            ),
            (
                "div",
                "\"The town needs it, the schools need it, and the shops need it,\" she said.",
            ),
        ],
    );
    let mut w = mount(root.clone().into(), no_comments()).unwrap();
    let texts = texts(&root, ".aw-quote-text");
    assert_eq!(
        texts,
        ["We have waited for this bridge for ten years, and we will not wait any longer. The town needs it, the schools need it, and the shops need it."]
    );
    click(&root.query_selector(".aw-quote-link").unwrap().unwrap());
    let registry = js_sys::Reflect::get(&js_sys::global(), &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .unwrap();
    if !registry.is_undefined() {
        let registry: js_sys::Map = registry.unchecked_into();
        let highlight: js_sys::Set = registry.get(&"aw-quote".into()).unchecked_into();
        let range: web_sys::Range = highlight.values().next().unwrap().value().unchecked_into();
        let start = range.start_container().unwrap().parent_element().unwrap();
        let end = range.end_container().unwrap().parent_element().unwrap();
        assert!(start
            .text_content()
            .unwrap()
            .starts_with("\"We have waited"));
        assert!(end
            .text_content()
            .unwrap()
            .starts_with("\"The town needs it"));
    }
    w.destroy();
}

/// What the reader sees at mount does not move, and the page becomes the one a reader
/// arriving at the top gets once it is out of view. On an article at the top of the
/// page, with `open: "none"`: the sections whose heading is on the first screen stay
/// open (their close held), the ones below close, no heading moves, and the contents,
/// whose place at the top is on screen, wait in the navigator. When the reader has
/// scrolled that screen away, the held closes are made and the contents take their
/// place, and the navigator goes.
#[wasm_bindgen_test]
async fn the_first_screen_stays_as_the_reader_sees_it() {
    let d = doc();
    // With the widget's stylesheet, as a page has it (the embed waits for it).
    let style = d.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../styles/article-widget.css")));
    d.head().unwrap().append_child(&style).unwrap();
    let root = d.create_element("div").unwrap();
    root.set_id("t-first");
    for i in 0..8 {
        let h = d.create_element("h2").unwrap();
        h.set_text_content(Some(&format!("Part number {i}")));
        root.append_child(&h).unwrap();
        for _ in 0..6 {
            let p = d.create_element("p").unwrap();
            p.set_text_content(Some(LONG));
            root.append_child(&p).unwrap();
        }
    }
    // Room below the article, as a page has (comments, footer): closing what is
    // above the view then never pushes the view against the end of the page.
    let below = d.create_element("div").unwrap();
    below.set_attribute("style", "height:20000px").unwrap();
    let height = first_in_page(&root);
    root.after_with_node_1(&below).unwrap();
    let headings = all(&root, "h2");
    let seen: Vec<bool> = headings
        .iter()
        .map(|h| h.get_bounding_client_rect().top() < height)
        .collect();
    let tops: Vec<f64> = headings
        .iter()
        .filter(|h| h.get_bounding_client_rect().top() < height)
        .map(|h| h.get_bounding_client_rect().top())
        .collect();
    assert!(
        seen[0] && !seen[7],
        "the test article must straddle the fold: {seen:?}"
    );
    let mut w = mount(
        root.clone().into(),
        opts(&[("open", "none".into()), ("comments", false.into())]),
    )
    .unwrap();
    let toggles = all(&root, ".aw-toggle");
    let open: Vec<bool> = toggles.iter().map(expanded).collect();
    let after: Vec<f64> = headings
        .iter()
        .take(tops.len())
        .map(|h| h.get_bounding_client_rect().top())
        .collect();
    // The contents in the article itself, not in the navigator's sheet.
    let placed = || {
        root.query_selector(".aw-toc")
            .unwrap()
            .filter(|t| t.closest(".aw-nav").unwrap().is_none())
    };
    let toc_at_mount = placed().is_some();
    let nav = root.query_selector(".aw-nav").unwrap();
    let nav_shown = nav.as_ref().is_some_and(|n| !n.has_attribute("hidden"));
    // The reader scrolls the first screen away (after the mount's own quiet time).
    sleep(200).await;
    let window = web_sys::window().unwrap();
    let last = headings[7].get_bounding_client_rect().top();
    window.scroll_by_with_x_and_y(0.0, last - 10.0);
    // Scroll events come a frame or more later (later still in WebKit under load):
    // the reader goes on scrolling a little until the changes are made.
    for n in 0..60 {
        sleep(50).await;
        if toggles.iter().all(|t| !expanded(t)) && placed().is_some() {
            break;
        }
        window.scroll_by_with_x_and_y(0.0, if n % 2 == 0 { 1.0 } else { -1.0 });
    }
    let open_later: Vec<bool> = toggles.iter().map(expanded).collect();
    let toc = placed();
    let toc_next = toc.as_ref().and_then(|t| t.next_element_sibling());
    let nav_later = nav.as_ref().is_some_and(|n| !n.has_attribute("hidden"));
    // Take the article out before asserting: it sits above every other test's.
    w.destroy();
    root.remove();
    below.remove();
    style.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    assert_eq!(open, seen, "open sections are exactly those seen");
    assert_eq!(after, tops, "a heading on the first screen moved");
    assert!(!toc_at_mount, "the contents' place is seen: they wait");
    assert!(nav_shown, "the navigator holds them meanwhile");
    assert_eq!(open_later, vec![false; 8], "the held closes were made");
    assert_eq!(
        toc_next.as_ref(),
        Some(&headings[0]),
        "the contents take their place at the top of the article"
    );
    assert!(!nav_later, "the navigator goes once nothing waits");
}

/// A section whose heading is below the first screen but a part of whose body the
/// page lays out on it (a theme's rail shown first on a phone, here a box placed at
/// the top of the article) stays open: collapsing it took that part off the screen
/// (a layout shift of 0.054 on a real news page).
#[wasm_bindgen_test]
fn a_section_whose_body_the_reader_sees_stays_open() {
    let d = doc();
    let root = d.create_element("div").unwrap();
    root.set_id("t-rail");
    root.set_attribute("style", "position: relative").unwrap();
    for i in 0..6 {
        let h = d.create_element("h2").unwrap();
        h.set_text_content(Some(&["Chapter number ", &i.to_string()].concat()));
        root.append_child(&h).unwrap();
        for _ in 0..6 {
            let p = d.create_element("p").unwrap();
            p.set_text_content(Some(LONG));
            root.append_child(&p).unwrap();
        }
    }
    // The last section's first paragraph, shown at the top of the article.
    let rail = d.create_element("p").unwrap();
    rail.set_text_content(Some(LONG));
    rail.set_attribute(
        "style",
        "position: absolute; top: 0; right: 0; width: 30%; margin: 0",
    )
    .unwrap();
    let last = all(&root, "h2").pop().unwrap();
    root.insert_before(&rail, last.next_sibling().as_ref())
        .unwrap();
    let height = first_in_page(&root);
    assert!(
        last.get_bounding_client_rect().top() > height,
        "the last heading must be below the fold"
    );
    let mut w = mount(
        root.clone().into(),
        opts(&[("open", "none".into()), ("comments", false.into())]),
    )
    .unwrap();
    let open: Vec<bool> = all(&root, ".aw-toggle").iter().map(expanded).collect();
    let shown = rail.get_bounding_client_rect().height() > 0.0;
    w.destroy();
    root.remove();
    assert_eq!(
        open.last(),
        Some(&true),
        "the section whose body is on screen closed: {open:?}"
    );
    assert!(shown, "the part of the body on the first screen was hidden");
}

/// `mount()` after only some parts of the plan makes the rest: the same sections and
/// quotes as a plain `mount()`, and the same page.
#[wasm_bindgen_test]
fn prepared_mount_after_the_sections_alone_makes_the_quotes() {
    let root = seed_like("t-prepared-part");
    let plain = {
        let mut w = mount(root.clone().into(), no_comments()).unwrap();
        let plan = js_sys::JSON::stringify(&w.plan()).unwrap();
        w.destroy();
        plan
    };
    let mut prepared = prepare_mount(root.clone().into(), no_comments()).unwrap();
    assert!(prepared.plan());
    let mut w = prepared.mount().unwrap();
    let staged = js_sys::JSON::stringify(&w.plan()).unwrap();
    assert_eq!(staged, plain, "a plan made in parts differs from mount()'s");
    let page = strip_numbers(&html(&root));
    w.destroy();
    // Every part made before mount(): the page as mount() left it.
    let mut prepared = prepare_mount(root.clone().into(), no_comments()).unwrap();
    while prepared.plan() {}
    let mut w = prepared.mount().unwrap();
    assert_eq!(js_sys::JSON::stringify(&w.plan()).unwrap(), plain);
    assert_eq!(
        strip_numbers(&html(&root)),
        page,
        "the page differs when the widget's elements were built first"
    );
    assert!(
        staged.as_string().unwrap().contains("\"speaker\""),
        "the seed has quotes"
    );
    w.destroy();
    root.remove();
}

/// `prepareMount` in steps: reading changes nothing, an article changed before the
/// last step is read anew (a heading taken out between the steps is not a section),
/// and the steps mount once.
#[wasm_bindgen_test]
fn prepared_mount_reads_again_when_the_article_changed() {
    let root = seed_like("t-prepared");
    let before = html(&root);
    let mut prepared = prepare_mount(root.clone().into(), no_comments()).unwrap();
    // The plan in its parts: the sections, the quotes, the widget's own elements
    // (detached); then nothing remains.
    assert!(prepared.plan(), "after the sections, the quotes remain");
    assert!(
        prepared.plan(),
        "after the quotes, the widget's elements remain"
    );
    assert!(!prepared.plan(), "the plan is made after three parts");
    assert!(!prepared.plan(), "a plan made stays made");
    assert_eq!(html(&root), before, "reading and planning changed the page");
    // The page changes between the tasks: the last sub-heading goes.
    let headings: Vec<Element> = all(&root, "div")
        .into_iter()
        .filter(|e| e.text_content().as_deref() == Some("Meeting Set for Munich"))
        .collect();
    headings[0].remove();
    let changed = html(&root);
    let mut w = prepared.mount().unwrap();
    let titles: Vec<String> = all(&root, ".aw-heading")
        .iter()
        .filter_map(|h| h.text_content())
        .collect();
    assert_eq!(
        titles.len(),
        2,
        "sections of the article as it was read: {titles:?}"
    );
    assert_eq!(code_of(prepared.mount().err().unwrap()), "already-mounted");
    w.destroy();
    assert_eq!(html(&root), changed);
    root.remove();
}
