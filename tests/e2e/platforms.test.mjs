// The widget on a post as each common blog platform publishes it
// (tests/fixtures/platforms/: WordPress with Jetpack, Blogger, Ghost, Substack,
// Medium), each with the boxes its plugins put inside the post body: share and like
// buttons, related posts, author boxes, newsletter sign-ups, tags, comment counts.
// For each page, in headless Chromium:
//   - the embed's root detection (js/roots.js) finds the platform's usual root;
//   - analyze() gives exactly the post's own sections (none from a box) and finds its
//     quotations with their speakers, and no quotation from a box;
//   - mount() makes a contents list of those sections only, indented by relative
//     level (the article's top level flush) and numbered 1, 2, 2.1, 3...; no box ends
//     up inside a section body (collapsing a section hides no share button); and
//     destroy() gives the page back exactly.
// Run after `make package`: node --test tests/e2e/platforms.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { REPO } from './support.mjs';

const DIR = `${REPO}tests/fixtures/platforms/`;

const PAGES = {
  wordpress: {
    root: '.entry-content',
    sections: ['Three days under water', 'The people who kept it running', 'What changes now'],
    speakers: ['Petra Lund', 'Anton Varga', 'Hanna Oja'],
    boxes: ['.sharedaddy', '#jp-relatedposts', '.saboxplugin-wrap', '.wp-block-jetpack-subscriptions'],
    notQuoted: ['It has outlived four councils', 'I only write down what the town already knows'],
  },
  'wordpress-no-headings': {
    root: '.entry-content',
    sections: [],
    speakers: ['Petra Lund', 'Anton Varga', 'Hanna Oja'],
    boxes: ['.sharedaddy', '#jp-relatedposts', '.saboxplugin-wrap'],
    notQuoted: ['It has outlived four councils', 'I only write down what the town already knows'],
  },
  blogger: {
    root: '.post-body',
    sections: ['Before sunrise on the east shore', 'What the beavers changed', 'The totals'],
    speakers: ['Ruth Allen', 'Tomas Reed'],
    boxes: ['a[href="/2024/04/spring-count.html"]', 'a[href="/2023/05/beaver-dam.html"]'],
    notQuoted: [],
  },
  ghost: {
    root: '.gh-content',
    sections: ['What people bring', 'What we cannot fix', 'The second year'],
    speakers: ['Jonas Berg'],
    boxes: ['.kg-bookmark-card', '.gh-post-upgrade-cta'],
    notQuoted: [],
  },
  substack: {
    root: '.available-content',
    sections: ['The compartment', 'The conductor', 'Breakfast at the border', 'Was it worth it'],
    levels: [2, 2, 3, 2],
    numbers: ['1', '2', '2.1', '3'],
    speakers: ['Maria Huber', 'Luca Ferri'],
    boxes: ['.subscription-widget-wrap-editor', '.button-wrapper'],
    notQuoted: [],
  },
  medium: {
    // The story inside Medium's article element: its tags, "Written by" and "More
    // from" boxes around it are not article (roots.js scores the paragraphs).
    root: 'article > div',
    sections: ['Read the change before the diff', 'Ask, do not tell', 'Approve with comments'],
    speakers: ['Priya Natarajan'],
    boxes: ['a[href="/p/naming-things"]', 'a[href^="/tag/code-review"]'],
    notQuoted: ['Be kind to the next reader'],
  },
};

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function open(name) {
  // A window shorter than these short posts: one that shows a whole post and what
  // follows it gets no contents at mount (nothing on screen may move; placement.rs),
  // and the contents are what this test reads.
  const context = await browser.newContext({ viewport: { width: 1280, height: 500 } });
  const blocked = await onlyLoopback(context);
  await context.route('http://127.0.0.1:9/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/page.html') return route.fulfill({ contentType: 'text/html', body: readFileSync(`${DIR}${name}.html`, 'utf8') });
    if (path === '/js/roots.js') return route.fulfill({ path: `${REPO}js/roots.js`, contentType: 'text/javascript' });
    if (path.startsWith('/pkg/')) return route.fulfill({ path: `${REPO}${path.slice(1)}` });
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('http://127.0.0.1:9/page.html', { waitUntil: 'domcontentloaded' });
  return { context, page, errors, blocked };
}

async function run(page, spec) {
  return page.evaluate(async ({ root: selector, boxes }) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/pkg/article-widget.css';
    const loaded = new Promise((resolve) => css.addEventListener('load', resolve));
    document.head.append(css);
    await loaded;
    const m = await import('/pkg/article_widget.js');
    await m.default();
    const { findRoot } = await import('/js/roots.js');
    const root = document.querySelector(selector);
    const found = findRoot(document);
    const plan = m.analyze(root, { comments: false });
    const before = root.outerHTML;
    const w = m.mount(root, { comments: false, open: 'none' });
    // Contents waiting for their place (the reader sees the top of the article) are
    // in the navigator's sheet: open it to measure them.
    root.querySelector('.aw-nav-sheet .aw-toc') && root.querySelector('.aw-nav-button').click();
    const toc = [...root.querySelectorAll('.aw-toc-item')].map((li) => ({
      title: li.querySelector('.aw-toc-link').textContent,
      depth: Number(li.dataset.depth),
      number: li.dataset.number,
      indent: Math.round(li.getBoundingClientRect().left - root.querySelector('.aw-toc-list').getBoundingClientRect().left),
    }));
    const boxed = boxes.map((b) => [...root.querySelectorAll(b)].some((e) => e.closest('.aw-section-body')));
    w.destroy();
    return {
      foundRight: found === root,
      sections: plan.sections.map((s) => [s.title, s.level]),
      quotes: plan.quotes.map((q) => ({ text: q.text, speaker: q.speaker ?? null })),
      toc,
      boxed,
      restored: root.outerHTML === before,
    };
  }, spec);
}

for (const [name, spec] of Object.entries(PAGES)) {
  test(`${name}: the platform's root, its own sections and quotes, no box`, async () => {
    const { context, page, errors } = await open(name);
    const r = await run(page, spec);
    await context.close();
    assert.deepEqual(errors, []);
    assert.ok(r.foundRight, `roots.js does not find ${spec.root}`);
    assert.deepEqual(r.sections.map((s) => s[0]), spec.sections, 'sections');
    if (spec.levels) {
      const top = Math.min(...r.sections.map((s) => s[1]));
      assert.deepEqual(r.sections.map((s) => s[1] - top + 2), spec.levels, 'levels');
    }
    const speakers = new Set(r.quotes.map((q) => q.speaker));
    for (const s of spec.speakers) assert.ok(speakers.has(s), `no quote by ${s}: ${JSON.stringify(r.quotes)}`);
    for (const t of spec.notQuoted) assert.ok(!r.quotes.some((q) => q.text.includes(t)), `a box was quoted: ${t}`);
    // The contents list: the sections only (two or more), the top level flush.
    if (spec.sections.length >= 2) {
      assert.deepEqual(r.toc.map((t) => t.title), spec.sections, 'contents');
      const tops = r.toc.filter((t) => t.depth === 0);
      assert.ok(tops.length > 0 && tops.every((t) => t.indent === tops[0].indent), 'top level not flush');
      for (const t of r.toc.filter((x) => x.depth > 0)) assert.ok(t.indent > tops[0].indent, `${t.title} not indented`);
      if (spec.numbers) assert.deepEqual(r.toc.map((t) => t.number), spec.numbers, 'numbers');
    } else {
      assert.equal(r.toc.length, 0, 'a contents list without sections');
    }
    assert.deepEqual(r.boxed, spec.boxes.map(() => false), `a box inside a section body: ${spec.boxes}`);
    assert.ok(r.restored, 'destroy() did not restore the root');
  });
}
