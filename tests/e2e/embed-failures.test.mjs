// A failed mount of the one-tag embed leaves the document exactly as it was: for every
// error code the embed can meet on a page, the whole document (head and body, the
// embed's stylesheet included) after the failure is the document before it, byte for
// byte. Each page carries the README's Blogger tag with one attribute that makes the
// mount fail, and is loaded in headless Chromium with every request not to 127.0.0.1
// blocked.
//
// The codes the embed cannot meet on a page: root-not-element and bad-options (the
// embed passes a selector or an element and an object), no-document (there is one),
// already-mounted (the embed mounts once a page), dom-error and internal-error (no page
// input makes them; tests/web.rs fails a mount half-way by hand).
// Run after `make package`: node --test tests/e2e/embed-failures.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { readmeTags } from '../../scripts/readme-tags.mjs';
import { serve } from '../package/server.mjs';
import { REPO } from './support.mjs';

const PARAGRAPH =
  'The ferry to the island runs twice a day in winter, and the harbour master says the timetable will not change before the spring storms have passed.';

const PAGE = (tag) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title>
<link rel="stylesheet" href="/theme.css"></head>
<body>
<div class="post-outer"><h3 class="post-title">The island ferry</h3>
<div class="post-body entry-content" id="post-body-1">
<p>${PARAGRAPH}</p><h2>Winter</h2><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
<h2>Spring</h2><p>${PARAGRAPH}</p><p>“We will add a third crossing in May,” said Ida Berg, the harbour master.</p>
</div></div>
<div id="empty-post"> </div>
<div id="comments"><h4>Post a Comment</h4><p>Comments are shown to readers who sign in.</p></div>
${tag}
</body></html>`;

// Each case: the attributes added to the README's tag, and the code it fails with.
const CASES = {
  'root-not-found': ' data-article="#no-such-post"',
  'bad-selector': ' data-article="##post["',
  'empty-article': ' data-article="#empty-post"',
  'unknown-option': ' data-max-quote="3"',
  'bad-option': ' data-open="some"',
  'bad-comments-url': ' data-comments-script="javascript:alert(1)"',
  'load-failed': '',
};

let server;
let browser;
before(async () => {
  const { loader } = readmeTags('/article-widget/embed.js');
  const pages = {
    // No article at all: the embed's own root finding fails.
    '/no-article.html': () => PAGE(loader).replace(/<div class="post-outer">[\s\S]*?<\/div><\/div>/, '<p>Short.</p>'),
  };
  for (const [code, attrs] of Object.entries(CASES)) {
    pages[`/${code}.html`] = () => PAGE(loader.replace('<script ', `<script${attrs} `));
  }
  server = await serve({ mounts: [['/article-widget/', `${REPO}pkg`]], pages });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The document as it was when the page had loaded (before the tag's load listener),
// and the embed's error event.
function watch() {
  addEventListener('load', () => (window.__before = document.documentElement.outerHTML), { once: true });
  window.__failed = new Promise((r) => document.addEventListener('article-widget:error', (e) => r(e.detail.code)));
}

async function failOn(path, { noWasm = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const blocked = await onlyLoopback(context);
  if (noWasm) await context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const page = await context.newPage();
  await page.addInitScript(watch);
  try {
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const code = await page.evaluate(() => Promise.race([window.__failed, new Promise((r) => setTimeout(() => r('no error in 15 s'), 15_000))]));
    // Whatever the embed had started settles (its worker ends, its stylesheet's load).
    await page.waitForTimeout(300);
    const { before: was, after: now, widget } = await page.evaluate(() => ({
      before: window.__before,
      after: document.documentElement.outerHTML,
      widget: window.articleWidget,
    }));
    return { code, was, now, widget, blocked };
  } finally {
    await context.close();
  }
}

for (const code of Object.keys(CASES)) {
  test(`a mount that fails with ${code} leaves the whole document as it was`, async () => {
    const r = await failOn(`/${code}.html`, { noWasm: code === 'load-failed' });
    assert.equal(r.code, code);
    assert.ok(r.was && r.was.includes('post-body-1'), 'the document before was recorded');
    assert.equal(r.now, r.was, `${code}: the document changed`);
    assert.equal(r.widget, undefined);
    assert.deepEqual(r.blocked, []);
  });
}

test('a page with no article: root-not-found, and the whole document as it was', async () => {
  const r = await failOn('/no-article.html');
  assert.equal(r.code, 'root-not-found');
  assert.equal(r.now, r.was);
  assert.doesNotMatch(r.now, /article-widget\.css/);
});
