// Lazy comments, one fixture page per way blogs embed a comment system
// (tests/fixtures/comments/): giscus-like and utterances-like scripts parked in a
// <template> or <textarea>, Disqus's loader parked in a <noscript>, Blogger's form
// iframe waiting for its address, a commentsScript option, and a consent (click only)
// page. The third party is a stand-in served from a second origin on 127.0.0.1; the
// request log shows exactly when it is asked for anything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { start } from '../../scripts/serve.mjs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/comments/', import.meta.url));
const WAIT = 15_000;

let server;
let browser;

before(async () => {
  server = await start({
    port: 0,
    commentsPort: 0,
    mounts: [['/fixtures/comments/', FIXTURES]],
    commentsDir: `${FIXTURES}origin`,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture page; returns the page and the live list of requests to the comments origin. */
async function open(name, { hash = '', route } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = await onlyLoopback(context);
  if (route) await context.route(`${server.commentsUrl}**`, route);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const third = [];
  const problems = [];
  page.on('request', (r) => {
    if (r.url().startsWith(server.commentsUrl)) third.push(r.url().slice(server.commentsUrl.length - 1));
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}fixtures/comments/${name}${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget, null, { timeout: WAIT });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.articleWidget), 'mounted');
  return { page, third, blocked, problems, close: () => context.close() };
}

const settle = (page) => page.waitForTimeout(300);

for (const [name, expected] of [
  ['giscus.html', ['/giscus-client.js', '/frame.html?repo=blog%2Fsite&term=pathname']],
  ['utterances.html', ['/utterances-client.js', '/frame.html?repo=blog%2Fsite&term=pathname']],
  ['disqus.html', ['/disqus-embed.js']],
  ['blogger-frame.html', ['/frame.html?blogID=1&postID=2']],
  ['script-option.html', ['/giscus-client.js', '/frame.html?repo=&term=']],
]) {
  describe(name, () => {
    test('nothing before the reader comes near, the comment system once after', async () => {
      const t = await open(name);
      await settle(t.page);
      assert.deepEqual(t.third, [], 'no request to the comments origin before the trigger');
      const loaded = t.page.evaluate(
        () => new Promise((resolve, reject) => {
          const post = document.getElementById('post');
          post.addEventListener('article-widget:comments-loaded', () => resolve(), { once: true });
          post.addEventListener('article-widget:comments-failed', (e) => reject(new Error(e.detail.reason)), { once: true });
        }),
      );
      // Near: the comment area just below the window (a reader scrolling down comes
      // there before seeing it; one who lands on it sees the button until they click
      // or scroll on, since what loads would move what they see).
      await t.page.evaluate(() => {
        const area = document.querySelector('.aw-comments-facade');
        window.scrollTo(0, area.getBoundingClientRect().top + scrollY - innerHeight - 100);
      });
      await loaded;
      await t.page.waitForFunction((n) => performance.getEntriesByType('resource').length >= n, 1);
      await settle(t.page);
      // Scroll away and back, click the (hidden) facade: still once.
      await t.page.evaluate(() => { window.scrollTo(0, 0); window.scrollTo(0, document.body.scrollHeight); window.articleWidget.loadComments(); });
      await settle(t.page);
      assert.deepEqual(t.third, expected);
      assert.deepEqual(t.blocked, []);
      assert.deepEqual(t.problems, []);
      await t.close();
    });
  });
}

test('the count the page shows is on the button (Blogger heading, data-num-comments)', async () => {
  for (const [name, label] of [['blogger-frame.html', 'Show 2 comments'], ['disqus.html', 'Show 12 comments'], ['giscus.html', 'Show comments']]) {
    const t = await open(name);
    assert.equal(await t.page.textContent('.aw-comments-button'), label);
    await t.close();
  }
});

test('a link to one comment loads the comments at once and scrolls to it', async () => {
  const t = await open('disqus.html', { hash: '#comment-5001' });
  await t.page.waitForSelector('#comment-5001', { timeout: WAIT });
  await t.page.waitForFunction(() => {
    const r = document.getElementById('comment-5001').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: WAIT });
  assert.deepEqual(t.third, ['/disqus-embed.js']);
  assert.match(await t.page.textContent('#comment-5001'), /post-42/, 'the parked config ran');
  await t.close();
});

test('#comments loads at once without scrolling first', async () => {
  const t = await open('giscus.html', { hash: '#comments' });
  await t.page.waitForSelector('iframe.stand-in-frame', { timeout: WAIT });
  assert.deepEqual(t.third.slice(0, 1), ['/giscus-client.js']);
  await t.close();
});

test('consent mode: scrolling loads nothing, a click loads once', async () => {
  const t = await open('consent.html');
  await t.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await t.page.waitForTimeout(800);
  assert.deepEqual(t.third, [], 'scrolling alone fetched something');
  await t.page.click('.aw-comments-button');
  await t.page.waitForSelector('iframe.stand-in-frame', { timeout: WAIT });
  assert.equal(t.third.filter((u) => u === '/giscus-client.js').length, 1);
  await t.close();
});

test('preconnect only after pointer-over or focus of the facade', async () => {
  const t = await open('consent.html');
  const hints = () => t.page.evaluate(() => [...document.querySelectorAll('link[rel=preconnect]')].map((l) => l.href));
  assert.deepEqual(await hints(), []);
  await t.page.hover('.aw-comments-button');
  const found = await hints();
  assert.equal(found.length, 1);
  const [href] = found;
  assert.equal(new URL(href).origin, new URL(server.commentsUrl).origin);
  assert.deepEqual(t.third, [], 'a hint is no request for the comment system');
  await t.close();
});

test('a failed load shows a message and a retry loads it', async () => {
  let first = true;
  const t = await open('consent.html', {
    route: (route) => {
      if (first && route.request().url().endsWith('/giscus-client.js')) {
        first = false;
        return route.abort('connectionrefused');
      }
      return route.continue();
    },
  });
  await t.page.click('.aw-comments-button');
  await t.page.waitForSelector('.aw-comments-status:not(:empty)', { timeout: WAIT });
  assert.match(await t.page.textContent('.aw-comments-status'), /Comments could not be loaded/);
  assert.equal(await t.page.textContent('.aw-comments-button'), 'Try again');
  await t.page.click('.aw-comments-button');
  await t.page.waitForSelector('iframe.stand-in-frame', { timeout: WAIT });
  assert.equal(await t.page.isHidden('.aw-comments-facade'), true);
  await t.close();
});

test('requests and bytes before the reader asks, against the same system loaded eagerly', async () => {
  const measure = async (name) => {
    const t = await open(name);
    await t.page.waitForTimeout(1000);
    const entries = await t.page.evaluate((origin) => performance.getEntriesByType('resource')
      .filter((e) => e.name.startsWith(origin)).map((e) => e.transferSize || e.encodedBodySize), server.commentsUrl);
    await t.close();
    return { requests: t.third.length, bytes: entries.reduce((a, b) => a + b, 0) };
  };
  const lazy = await measure('giscus.html');
  const eager = await measure('eager.html');
  console.log(`comments origin before the trigger: lazy ${lazy.requests} requests / ${lazy.bytes} bytes; eager ${eager.requests} requests / ${eager.bytes} bytes`);
  assert.equal(lazy.requests, 0);
  assert.ok(eager.requests >= 2, 'the eager page fetches the comment system at load');
});

test('a strict Content-Security-Policy page that requires Trusted Types', async () => {
  // script-src 'self' 'wasm-unsafe-eval' and the comments origin, no inline script or
  // style, require-trusted-types-for 'script' with the widget's policy allowed.
  const t = await open('csp.html');
  assert.ok(await t.page.locator('.aw-toggle').count() >= 2, 'sections');
  assert.equal(await t.page.locator('.aw-quotes, .aw-toc').count() >= 1, true);
  await t.page.click('.aw-comments-button');
  await t.page.waitForSelector('iframe.stand-in-frame', { timeout: WAIT });
  assert.deepEqual(await t.page.evaluate(() => window.__violations), []);
  assert.deepEqual(t.problems, []);
  assert.deepEqual(t.third, ['/giscus-client.js', '/frame.html?repo=blog%2Fsite&term=pathname']);
  await t.close();
});
