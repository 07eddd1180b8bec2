// The key-quotes panel's share links ("Link to this quote") lead to the quotation in
// the article, not to the panel's own copy of it, in headless Chromium.
//
// A share link is the page's address with a text directive (#:~:text=...). The panel
// stands near the top of the article and shows each key quote's words, and a browser
// scrolls to the first match of a directive: the words alone would often find the
// panel. The widget gives each directive a prefix that only the article has (the words
// before the quotation with its opening mark). For every share link of the demo this
// test opens the demo at that address, as a reader following the link does, and
// checks that the quotation's paragraph in the article is in view and the panel's copy
// is not. (Before the prefix, three of the demo's four links landed on the panel; where
// the panel now stands, after the lead, the bare words of this demo's quotes happen to
// find the article first, so only the prefix makes it certain for any page.)
//
// Run after `make package` (the page loads /pkg/): node --test tests/e2e/quote-links.test.mjs

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { onlyLoopback } from '../../scripts/browser.mjs';
import { demoAndBrowser } from './support.mjs';

// Waits are on events and conditions; these are only upper bounds.
const WAIT = 20_000;
// How long the browser may take to scroll to the match once the widget has mounted.
const SETTLE_MS = 1500;

const demo = demoAndBrowser();
const blocked = [];

/** Opens `address` in a fresh context and waits for the widget to mount. */
async function open(address) {
  // 1000 px wide: no free margin beside the demo's article, so the panel stands in the
  // article (in a margin's rail it is beside the text and in view anywhere).
  const context = await demo.browser.newContext({ viewport: { width: 1000, height: 720 } });
  await onlyLoopback(context, blocked);
  const page = await context.newPage();
  await page.goto(address, { waitUntil: 'load', timeout: WAIT });
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget, null, { timeout: WAIT });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.articleWidget), 'mounted');
  return { context, page };
}

/**
 * Where the quotation `text` is on screen: whether the panel's copy is in the viewport,
 * and whether the article's element that holds its first words is.
 */
function whereIs(page, text) {
  return page.evaluate((text) => {
    const inView = (el) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
    };
    // Words only: the panel ends a part broken by its attribution in "." where the
    // article has ",".
    const fold = (s) => s.replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();
    const panel = document.querySelector('.aw-quotes');
    const copy = [...panel.querySelectorAll('.aw-quote-text')].find((b) => fold(b.textContent) === fold(text));
    // The article's first innermost element (outside the panel) whose text holds the
    // quotation's first words.
    const head = fold(text).split(' ').slice(0, 4).join(' ');
    const holds = (el) => !panel.contains(el) && fold(el.textContent).includes(head);
    let holder = null;
    const walker = document.createTreeWalker(document.querySelector('[data-article-widget]'), NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode; el && !holder; el = walker.nextNode()) {
      if (holds(el) && ![...el.children].some(holds)) holder = el;
    }
    // A panel in the navigator's rail stays in view (sticky) wherever the reader is.
    const railed = !!copy?.closest('.aw-nav[data-aw-rail]');
    return { panel: inView(copy) && !railed, article: inView(holder), found: !!copy && !!holder, scrollY: window.scrollY };
  }, text);
}

describe('share links of key quotes', () => {
  let links;

  before(async () => {
    const { context, page } = await open(demo.server.url);
    links = await page.$$eval('.aw-quote', (items) =>
      items.map((li) => ({
        text: li.querySelector('.aw-quote-text').textContent,
        href: li.querySelector('.aw-quote-share').getAttribute('href'),
      })),
    );
    await context.close();
  });

  test('the demo has share links with a prefix only the article has', () => {
    assert.ok(links.length >= 3, `only ${links.length} share links`);
    for (const { href } of links) {
      assert.match(href, /^#:~:text=[^,&]+-,/, `no prefix in ${href}`);
    }
  });

  test('each share link scrolls to the quotation in the article, not the panel', async () => {
    for (const { text, href } of links) {
      const { context, page } = await open(demo.server.url + href);
      await page.waitForTimeout(SETTLE_MS);
      const at = await whereIs(page, text);
      await context.close();
      assert.ok(at.found, `"${text}" is not both in the panel and in the article`);
      assert.ok(at.article && !at.panel, `${href} led to ${JSON.stringify(at)}`);
    }
  });

  test('no request left 127.0.0.1', () => {
    assert.deepEqual(blocked, []);
  });
});
