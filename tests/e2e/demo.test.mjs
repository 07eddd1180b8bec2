// End-to-end test of the demo page (www/index.html) in headless Chromium.
//
// The page is served by scripts/serve.mjs on two free ports of 127.0.0.1: the demo
// origin and the comments origin (the stand-in comment system). Every request is
// routed: anything not addressed to 127.0.0.1 is aborted and recorded, and the last
// test asserts that nothing had to be. All requests are written to
// test-results/requests.log; a full-page screenshot goes to test-results/demo.png.
//
// Run after `make package` (the page loads /pkg/): node --test tests/e2e/

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start } from '../../scripts/serve.mjs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const REQUEST_LOG = `${RESULTS}requests.log`;
const SCREENSHOT = `${RESULTS}demo.png`;

const BODY = '#post-body-7318405593424166051';
const SECTION_TITLES = [
  'Shifting U.S. Stance on Ukraine',
  "Trump's Position on Ukraine's Role in Peace Talks",
  'A Path to Peace?',
  'Meeting Set for Munich',
  'The Political Debate Continues',
];
// Waits are on events and conditions; these are only upper bounds.
const WAIT = 20_000;

let server;
let browser;
const blocked = [];

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(REQUEST_LOG, '');
  server = await start({ port: 0, commentsPort: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens the demo in a new browser context and waits until the page's module script has
// mounted the widget (or failed to). Returns the page and what it logged.
async function openDemo(label) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const requests = [];
  const problems = [];

  await onlyLoopback(context, blocked);

  const page = await context.newPage();
  page.on('request', (req) => {
    requests.push(req.url());
    appendFileSync(REQUEST_LOG, `${label}\t${req.method()}\t${req.url()}\n`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  await page.goto(server.url, { waitUntil: 'load', timeout: WAIT });
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget, null, { timeout: WAIT });
  const state = await page.evaluate(() => document.documentElement.dataset.articleWidget);
  const errorBox = await page.locator('#widget-error').textContent();
  assert.equal(state, 'mounted', `the widget did not mount: ${errorBox}`);

  const commentsRequests = () => requests.filter((u) => u.startsWith(server.commentsUrl));
  const commentsScriptRequests = () => requests.filter((u) => new URL(u).pathname === '/comments.js');
  return { context, page, requests, problems, commentsRequests, commentsScriptRequests };
}

// Resolves once the stand-in comment system has run (it sets window.__commentsLoaded).
function commentsLoaded(page) {
  return page.waitForFunction(() => window.__commentsLoaded === true, null, { timeout: WAIT });
}

// The state of one section toggle and of the section bodies it controls.
async function toggleState(toggle) {
  return toggle.evaluate((button) => {
    const ids = (button.getAttribute('aria-controls') || '').split(/\s+/).filter(Boolean);
    return {
      expanded: button.getAttribute('aria-expanded'),
      hidden: ids.map((id) => {
        const body = document.getElementById(id);
        return body ? body.getAttribute('hidden') : 'missing';
      }),
    };
  });
}

function assertConsistent(state, where) {
  assert.ok(state.hidden.length > 0, `${where}: aria-controls names no element`);
  assert.ok(!state.hidden.includes('missing'), `${where}: aria-controls names a missing element`);
  if (state.expanded === 'true') {
    assert.deepEqual(state.hidden, state.hidden.map(() => null), `${where}: expanded but hidden`);
  } else {
    assert.equal(state.expanded, 'false', `${where}: aria-expanded is ${state.expanded}`);
    assert.deepEqual(state.hidden, state.hidden.map(() => 'until-found'), `${where}: collapsed but not hidden="until-found"`);
  }
}

describe('demo page: sections, key quotes and analyze()', () => {
  let demo;

  before(async () => {
    demo = await openDemo('sections');
  });

  after(async () => {
    await demo?.context.close();
  });

  test('mounts with no console error, page error or failed request', async () => {
    assert.ok(await demo.page.evaluate(() => typeof window.articleWidget?.widget?.destroy === 'function'));
    assert.deepEqual(demo.problems, []);
  });

  test('turns the five typed sub-headings into collapsible sections', async () => {
    const headings = demo.page.locator(`${BODY} .aw-heading`);
    assert.equal(await headings.count(), 5);
    const titles = await headings.evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(titles, SECTION_TITLES);
    for (let i = 0; i < 5; i += 1) {
      const toggle = headings.nth(i).locator('button.aw-toggle');
      assert.equal(await toggle.count(), 1, `heading ${i} has no toggle`);
      assertConsistent(await toggleState(toggle), `section ${i}`);
    }
  });

  test('a click on a toggle flips aria-expanded and the hidden attribute', async () => {
    const toggle = demo.page.locator(`${BODY} .aw-heading button.aw-toggle`).first();
    const initial = await toggleState(toggle);
    assertConsistent(initial, 'before click');

    await toggle.click();
    const flipped = await toggleState(toggle);
    assertConsistent(flipped, 'after one click');
    assert.notEqual(flipped.expanded, initial.expanded);

    await toggle.click();
    assert.deepEqual(await toggleState(toggle), initial);
  });

  test('Enter and Space on a focused toggle flip it', async () => {
    const toggle = demo.page.locator(`${BODY} .aw-heading button.aw-toggle`).nth(1);
    const initial = await toggleState(toggle);

    await toggle.focus();
    await demo.page.keyboard.press('Enter');
    const afterEnter = await toggleState(toggle);
    assertConsistent(afterEnter, 'after Enter');
    assert.notEqual(afterEnter.expanded, initial.expanded);

    await demo.page.keyboard.press('Space');
    assert.deepEqual(await toggleState(toggle), initial);
  });

  test('shows a key-quotes panel with the Hegseth quote', async () => {
    const panel = demo.page.locator('aside.aw-quotes');
    assert.equal(await panel.count(), 1);
    // The panel's heading sits one level under the post title (Blogger's h3): an h4.
    assert.equal((await panel.locator('h4.aw-quotes-title').textContent()).trim(), 'Key quotes');
    const quotes = await panel.locator('li.aw-quote').evaluateAll((items) =>
      items.map((li) => ({
        text: li.querySelector('.aw-quote-text')?.textContent.trim() ?? '',
        speaker: li.querySelector('.aw-quote-speaker')?.textContent.trim() ?? '',
      })),
    );
    assert.ok(quotes.length >= 3, `only ${quotes.length} key quotes: ${JSON.stringify(quotes)}`);
    const hegseth = quotes.find((q) => q.speaker.includes('Pete Hegseth'));
    assert.ok(hegseth, `no quote by Pete Hegseth: ${JSON.stringify(quotes)}`);
    assert.match(hegseth.text, /^\W*Chasing this illusionary goal/);
  });

  test('analyze() returns the five sections', async () => {
    const result = await demo.page.evaluate((body) => window.articleWidget.analyze(body), BODY);
    assert.deepEqual(
      result.sections.map((s) => s.title),
      SECTION_TITLES,
    );
    for (const section of result.sections) {
      assert.equal(typeof section.id, 'string');
      assert.ok(section.id.length > 0);
      assert.equal(typeof section.level, 'number');
      assert.equal(typeof section.inferred, 'boolean');
    }
    assert.ok(Array.isArray(result.quotes));
    assert.deepEqual(demo.problems, []);
  });
});

// A page of its own: the interactions above move the page near the comments, which
// rightly loads them.
describe('demo page: comments load when the reader scrolls to them', () => {
  let demo;

  before(async () => {
    demo = await openDemo('scroll');
  });

  after(async () => {
    await demo?.context.close();
  });

  test('fetches nothing from the comments origin before the reader scrolls', async () => {
    await demo.page.waitForLoadState('networkidle', { timeout: WAIT });
    assert.deepEqual(demo.commentsRequests(), []);
    assert.equal(await demo.page.evaluate(() => window.__commentsLoaded), undefined);
    assert.equal(await demo.page.locator('#comments .aw-comments-facade button.aw-comments-button').count(), 1);
  });

  test('scrolling down to the bottom loads the comment system once', async () => {
    const form = demo.page.waitForResponse((res) => new URL(res.url()).pathname === '/comment-iframe.html', {
      timeout: WAIT,
    });
    // As a reader scrolls with a wheel (100 px a notch) from a screen above the comment
    // area: they load as they come near, before the reader sees the area. (A jump that
    // lands on the area shows its button: what the comment system renders would move
    // what the reader sees.)
    await demo.page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const area = document.querySelector('#comments');
      scrollTo(0, area.getBoundingClientRect().top + scrollY - 2 * innerHeight);
      await frame();
      for (let n = 0; n < 400 && scrollY + innerHeight < document.documentElement.scrollHeight - 1; n++) {
        scrollBy(0, 100);
        await frame();
      }
    });
    await commentsLoaded(demo.page);
    await form;
    assert.equal(demo.commentsScriptRequests().length, 1, demo.commentsScriptRequests().join('\n'));
    assert.equal(await demo.page.locator('#comments script[src$="/comments.js"]').count(), 1);
    assert.equal(await demo.page.locator('#comment-holder li.comment').count(), 2);
    assert.deepEqual(demo.problems, []);
  });

  test('saves a full-page screenshot to test-results/demo.png', async () => {
    await demo.page.evaluate(() => window.scrollTo(0, 0));
    await demo.page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});

describe('demo page: "Show comments" clicked', () => {
  let demo;

  before(async () => {
    demo = await openDemo('click');
  });

  after(async () => {
    await demo?.context.close();
  });

  test('the button loads the comment system without scrolling', async () => {
    await demo.page.waitForLoadState('networkidle', { timeout: WAIT });
    assert.deepEqual(demo.commentsRequests(), []);
    const button = demo.page.locator('#comments button.aw-comments-button');
    assert.equal((await button.textContent()).trim(), 'Show comments');
    // A dispatched click, not locator.click(): that would scroll the button into view
    // and let the scroll trigger load the comments instead.
    assert.equal(await demo.page.evaluate(() => window.scrollY), 0);
    await button.dispatchEvent('click');
    await commentsLoaded(demo.page);
    assert.equal(demo.commentsScriptRequests().length, 1, demo.commentsScriptRequests().join('\n'));
    assert.equal(await demo.page.locator('#comment-holder li.comment').count(), 2);
    assert.deepEqual(demo.problems, []);
  });
});

test('no request left 127.0.0.1', () => {
  assert.deepEqual(blocked, []);
});
