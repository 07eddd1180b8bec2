// The widget's life cycle: mounting twice, destroying twice, two widgets in one page,
// an article's iframes across mount and destroy, and 1,000 mount/destroy cycles on the
// demo article with the event listeners, JS heap, DOM nodes and WebAssembly memory
// measured before and after.
//
// The demo page (www/index.html, served by scripts/serve.mjs start()) is loaded with
// an init script that wraps EventTarget.prototype.addEventListener and
// removeEventListener before any module loads (support.mjs instrument()), so that
// window.__listeners() counts the listeners alive; the demo's own widget is destroyed
// first and the test mounts its own. The heap is read through the DevTools protocol
// after a forced collection (HeapProfiler.collectGarbage, Runtime.getHeapUsage,
// Memory.getDOMCounters). Every request that is not for 127.0.0.1 is aborted and
// recorded; the last test asserts that there was none.
//
// Run after `make package`: node --test tests/e2e/lifecycle.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../scripts/serve.mjs';
import { launchChromium } from '../../scripts/browser.mjs';
import { instrument, openWatched } from './support.mjs';

const BODY = '#post-body-7318405593424166051';
const WAIT = 30_000;
const CYCLES = 1000;
// Cycles run first, so that compiled code and caches are in place when measuring
// (the first thousand grow the heap by some 150 KiB that later ones do not).
const WARMUP = 1000;
// Growth allowed over the measured 1,000 cycles, after a forced garbage collection:
// 128 bytes a cycle (what stays of a cycle in a leak is far more: its plan alone).
const HEAP_BOUND = 128 * 1024;
const NODE_BOUND = 0;

let server;
let browser;
const blocked = [];

before(async () => {
  server = await start({ port: 0, commentsPort: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The demo page with its own widget destroyed: the article as the page serves it, the
// module loaded (window.__aw), the listener count running.
async function openDemo() {
  const opened = await openWatched(browser, blocked);
  const { page } = opened;
  await page.addInitScript(instrument);
  await page.goto(server.url, { waitUntil: 'load', timeout: WAIT });
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget, null, { timeout: WAIT });
  const state = await page.evaluate(async (pkg) => {
    const mod = await import(pkg);
    window.__aw = mod;
    window.__wasm = await mod.default();
    window.articleWidget?.widget?.destroy();
    return document.documentElement.dataset.articleWidget;
  }, `${server.url}pkg/article_widget.js`);
  assert.equal(state, 'mounted', 'the demo did not mount its widget');
  return opened;
}

function assertNoProblems(watch) {
  assert.deepEqual(watch.pageErrors.map((e) => e.text), [], 'uncaught exceptions');
  assert.deepEqual(watch.consoleErrors.map((e) => `${e.text} (${e.url})`), [], 'console errors');
}

describe('mount twice, destroy twice', () => {
  let opened;

  before(async () => {
    opened = await openDemo();
  });

  after(async () => {
    await opened?.context.close();
  });

  test('a second mount on the same root throws already-mounted and changes nothing', async () => {
    const r = await opened.page.evaluate((body) => {
      const root = document.querySelector(body);
      const w = window.__aw.mount(root, { comments: '#comments' });
      const html = document.documentElement.outerHTML;
      const listeners = window.__listeners();
      const out = {};
      for (const [name, target] of [['element', root], ['selector', body]]) {
        try {
          window.__aw.mount(target, { comments: '#comments' });
          out[name] = { accepted: true };
        } catch (e) {
          out[name] = { isError: e instanceof Error, code: e.code, message: e.message };
        }
      }
      out.unchanged = document.documentElement.outerHTML === html;
      out.listeners = window.__listeners() - listeners;
      out.stillMounted = w.mounted;
      w.destroy();
      return out;
    }, BODY);
    for (const name of ['element', 'selector']) {
      assert.equal(r[name].accepted, undefined, `a second mount by ${name} was accepted`);
      assert.equal(r[name].isError, true);
      assert.equal(r[name].code, 'already-mounted', r[name].message);
      assert.match(r[name].message, /already mounted/);
    }
    assert.ok(r.unchanged, 'the refused mount changed the page');
    assert.equal(r.listeners, 0, 'the refused mount added listeners');
    assert.equal(r.stillMounted, true);
  });

  test('destroy twice: the second does nothing; one destroyed event; the page is as it was', async () => {
    const r = await opened.page.evaluate((body) => {
      const root = document.querySelector(body);
      const html = document.documentElement.outerHTML;
      const listeners = window.__listeners();
      let destroyed = 0;
      const count = () => {
        destroyed += 1;
      };
      document.addEventListener('article-widget:destroyed', count);
      const w = window.__aw.mount(root, { comments: '#comments' });
      const mountedListeners = window.__listeners() - listeners;
      w.destroy();
      const once = document.documentElement.outerHTML === html;
      let second = null;
      try {
        w.destroy();
      } catch (e) {
        second = `${e.code}: ${e.message}`;
      }
      // The handle is spent; its other methods must not throw either.
      const spent = {};
      for (const m of ['expandAll', 'collapseAll', 'loadComments']) {
        try {
          w[m]();
          spent[m] = 'ok';
        } catch (e) {
          spent[m] = String(e.message);
        }
      }
      document.removeEventListener('article-widget:destroyed', count);
      // The root can be mounted again after destroy.
      const again = window.__aw.mount(root, { comments: '#comments' });
      const remounted = again.mounted && root.querySelectorAll('.aw-heading').length;
      again.destroy();
      return {
        once,
        twice: document.documentElement.outerHTML === html,
        second,
        spent,
        destroyed,
        mountedListeners,
        listeners: window.__listeners() - listeners,
        mounted: w.mounted,
        plan: w.plan,
        remounted,
      };
    }, BODY);
    assert.ok(r.once, 'the first destroy did not restore the page');
    assert.ok(r.twice, 'the second destroy changed the page');
    assert.equal(r.second, null, 'the second destroy threw');
    assert.deepEqual(r.spent, { expandAll: 'ok', collapseAll: 'ok', loadComments: 'ok' });
    assert.equal(r.destroyed, 1, 'article-widget:destroyed was sent more or less than once');
    assert.ok(r.mountedListeners > 0, 'the listener count saw no listener of the widget (is the wrapper in place?)');
    assert.equal(r.listeners, 0, 'listeners left after destroy');
    assert.equal(r.mounted, false);
    assert.equal(r.remounted, 5, 'the root could not be mounted again with its five sections');
    assertNoProblems(opened.watch);
  });

  test('destroy after the page removed the article from the document does not throw', async () => {
    const r = await opened.page.evaluate((body) => {
      const root = document.querySelector(body);
      const parent = root.parentNode;
      const next = root.nextSibling;
      const html = root.outerHTML;
      const w = window.__aw.mount(root, { comments: false });
      root.remove();
      let error = null;
      try {
        w.destroy();
      } catch (e) {
        error = e.message;
      }
      parent.insertBefore(root, next);
      return { error, restored: root.outerHTML === html };
    }, BODY);
    assert.equal(r.error, null);
    assert.ok(r.restored, 'the detached article was not restored');
    assertNoProblems(opened.watch);
  });
});

describe('two articles in one page', () => {
  let opened;

  before(async () => {
    opened = await openDemo();
  });

  after(async () => {
    await opened?.context.close();
  });

  test('each works on its own; ids stay unique; destroying one leaves the other', async () => {
    const r = await opened.page.evaluate((body) => {
      const first = document.querySelector(body);
      // A second article: a copy of the post, without its ids.
      const second = first.cloneNode(true);
      second.removeAttribute('id');
      second.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
      second.classList.add('second-post');
      first.parentNode.insertBefore(second, first.nextSibling);
      const html = document.documentElement.outerHTML;
      const firstHtml = first.outerHTML;
      const listeners = window.__listeners();

      const a = window.__aw.mount(first, { comments: '#comments', open: 'none' });
      const b = window.__aw.mount(second, { comments: false, open: 'none' });
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      const state = (root) => [...root.querySelectorAll('button.aw-toggle')].map((t) => t.getAttribute('aria-expanded'));
      const labelledOk = [...document.querySelectorAll('[aria-labelledby], [aria-controls]')].every((e) =>
        `${e.getAttribute('aria-labelledby') ?? ''} ${e.getAttribute('aria-controls') ?? ''}`
          .split(/\s+/)
          .filter(Boolean)
          .every((id) => document.getElementById(id) && (e.closest('.aw-root') === document.getElementById(id).closest('.aw-root') || !e.closest('.aw-root'))),
      );
      const before = { a: state(first), b: state(second) };
      first.querySelector('button.aw-toggle').click();
      const afterClick = { a: state(first), b: state(second) };
      b.expandAll();
      const afterExpand = { a: state(first), b: state(second) };
      const panels = { a: first.querySelectorAll('.aw-quotes').length, b: second.querySelectorAll('.aw-quotes').length };
      a.destroy();
      const firstBack = first.outerHTML === firstHtml;
      const bStill = b.mounted && second.querySelectorAll('.aw-heading').length;
      b.collapseAll();
      const bWorks = state(second).every((s) => s === 'false');
      b.destroy();
      return {
        dupes,
        labelledOk,
        before,
        afterClick,
        afterExpand,
        panels,
        firstBack,
        bStill,
        bWorks,
        restored: document.documentElement.outerHTML === html,
        listeners: window.__listeners() - listeners,
      };
    }, BODY);
    assert.deepEqual(r.dupes, [], 'duplicate ids in the page with two widgets');
    assert.ok(r.labelledOk, 'an aria reference points to the other widget or to nothing');
    assert.deepEqual(r.before.a, ['false', 'false', 'false', 'false', 'false']);
    assert.deepEqual(r.before.b, r.before.a);
    assert.deepEqual(r.afterClick.a, ['true', 'false', 'false', 'false', 'false']);
    assert.deepEqual(r.afterClick.b, r.before.b, 'a click in one article toggled the other');
    assert.deepEqual(r.afterExpand.a, r.afterClick.a, 'expandAll on one widget opened the other');
    assert.deepEqual(r.afterExpand.b, ['true', 'true', 'true', 'true', 'true']);
    assert.deepEqual(r.panels, { a: 1, b: 1 });
    assert.ok(r.firstBack, 'destroying the first did not give it back');
    assert.equal(r.bStill, 5, 'destroying the first took the second down');
    assert.ok(r.bWorks, 'the second no longer works after the first was destroyed');
    assert.ok(r.restored, 'the page is not as it was');
    assert.equal(r.listeners, 0, 'listeners left');
    assertNoProblems(opened.watch);
  });
});

// Once a bug: the remembered state was keyed by path and root id, so id-less
// articles shared it and one closed the other's sections after a reload.
test('two articles without ids each remember their own sections across a reload', async () => {
  const { context, page } = await openWatched(browser, blocked);
  try {
    const url = `${server.url}lifecycle/two/`;
    const para = 'This paragraph has more than enough words in it for the widget to read it as prose of the article.';
    const article = (name) =>
      `<article><h2>${name} one</h2><p>${para}</p><p>${para}</p><h2>${name} two</h2><p>${para}</p><p>${para}</p>` +
      `<h2>${name} three</h2><p>${para}</p><p>${para}</p></article>`;
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        // Below a tall header: sections the reader already sees keep their state
        // (restoring a closed one would move the screen), so both articles start
        // below the first screen here.
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Two</title></head><body><div style="height: 3000px">Header</div>${article('Alpha')}${article('Beta')}</body></html>`,
      }),
    );
    // Mounts both (default options: the first section open), optionally opens Alpha's
    // third section, and returns each article's toggle states.
    const visit = (click) =>
      page.evaluate(
        async ({ pkg, click }) => {
          const mod = await import(pkg);
          await mod.default();
          const [a, b] = document.querySelectorAll('article');
          mod.mount(a, { comments: false });
          mod.mount(b, { comments: false });
          if (click) a.querySelectorAll('button.aw-toggle')[2].click();
          const state = (root) => [...root.querySelectorAll('button.aw-toggle')].map((t) => t.getAttribute('aria-expanded'));
          return { alpha: state(a), beta: state(b) };
        },
        { pkg: `${server.url}pkg/article_widget.js`, click },
      );
    await page.goto(url, { waitUntil: 'load', timeout: WAIT });
    const first = await visit(true);
    assert.deepEqual(first, { alpha: ['true', 'false', 'true'], beta: ['true', 'false', 'false'] });
    await page.reload({ waitUntil: 'load', timeout: WAIT });
    const second = await visit(false);
    assert.deepEqual(second.alpha, ['true', 'false', 'true'], 'Alpha did not keep what the reader opened');
    assert.deepEqual(second.beta, ['true', 'false', 'false'], "Beta took Alpha's remembered state");
  } finally {
    await context.close();
  }
});

// Moving an iframe in the document reloads it: the widget must leave them in place.
test("mount and destroy keep the article's iframes loaded", async () => {
  const { context, page } = await openWatched(browser, blocked);
  try {
    const url = `${server.url}lifecycle/iframe/`;
    const para = 'This paragraph has more than enough words in it for the widget to read it as prose of the article.';
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Iframe</title></head><body><article id="a">
<h2>First part</h2><p>${para}</p><p>${para}</p>
<h2>Second part</h2><p>${para}</p><iframe title="Embedded" srcdoc="<p>embedded player</p>"></iframe><p>${para}</p>
</article></body></html>`,
      }),
    );
      await page.goto(url, { waitUntil: 'load', timeout: WAIT });
      const r = await page.evaluate(async (pkg) => {
        const mod = await import(pkg);
        await mod.default();
        const frame = document.querySelector('iframe');
        // A mark in the embedded document: a reload makes a new document without it.
        frame.contentWindow.__mark = 'kept';
        await new Promise((r) => setTimeout(r, 100));
        const control = frame.contentWindow.__mark ?? null;
        const w = mod.mount('#a', { comments: false, open: 'all' });
        await new Promise((r) => setTimeout(r, 100));
        const afterMount = frame.contentWindow?.__mark ?? null;
        frame.contentWindow.__mark = 'kept';
        w.destroy();
        await new Promise((r) => setTimeout(r, 100));
        return { control, afterMount, afterDestroy: frame.contentWindow?.__mark ?? null };
      }, `${server.url}pkg/article_widget.js`);
      assert.equal(r.control, 'kept', 'the mark does not survive even without the widget');
      assert.deepEqual(r, { control: 'kept', afterMount: 'kept', afterDestroy: 'kept' }, 'the iframe was reloaded');
    } finally {
      await context.close();
    }
});

describe(`${CYCLES} mount/destroy cycles on the demo article`, () => {
  let opened;
  let cdp;

  before(async () => {
    opened = await openDemo();
    cdp = await opened.context.newCDPSession(opened.page);
    await cdp.send('Memory.enable').catch(() => {});
  });

  after(async () => {
    await cdp?.detach().catch(() => {});
    await opened?.context.close();
  });

  async function measure() {
    // Two collections: the first may only queue finalizers (wasm-bindgen's handles).
    await cdp.send('HeapProfiler.collectGarbage');
    await opened.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const page = await opened.page.evaluate(() => ({
      listeners: window.__listeners(),
      wasm: window.__wasm.memory.buffer.byteLength,
    }));
    return { heap: heap.usedSize, nodes: dom.nodes, domListeners: dom.jsEventListeners, ...page };
  }

  function cycles(n) {
    return opened.page.evaluate(
      ({ body, n }) => {
        const root = document.querySelector(body);
        const html = root.outerHTML;
        const t0 = performance.now();
        let mountedListeners = 0;
        for (let i = 0; i < n; i += 1) {
          const w = window.__aw.mount(root, { comments: '#comments' });
          if (i % 10 === 0) {
            root.querySelector('button.aw-toggle')?.click();
            w.expandAll();
            w.collapseAll();
            mountedListeners = Math.max(mountedListeners, window.__listeners());
          }
          w.destroy();
        }
        return { ms: performance.now() - t0, restored: root.outerHTML === html, mountedListeners };
      },
      { body: BODY, n },
    );
  }

  test('listeners do not grow; heap, DOM nodes and wasm memory stay within bounds', async () => {
    const initial = await measure();
    for (let done = 0; done < WARMUP; done += 100) await cycles(100);
    const start = await measure();
    let ms = 0;
    let mountedListeners = 0;
    for (let done = 0; done < CYCLES; done += 100) {
      const r = await cycles(100);
      assert.ok(r.restored, `the article was not restored after cycle ${done + 100}`);
      ms += r.ms;
      mountedListeners = Math.max(mountedListeners, r.mountedListeners);
    }
    const end = await measure();
    const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
    console.log(
      [
        `${CYCLES} mount/destroy cycles (after ${WARMUP} to warm up): ${ms.toFixed(0)} ms, ${(ms / CYCLES).toFixed(2)} ms a cycle`,
        `  warm-up: JS heap ${kib(initial.heap)} -> ${kib(start.heap)}, DOM nodes ${initial.nodes} -> ${start.nodes}, listeners ${initial.listeners} -> ${start.listeners}, wasm ${kib(initial.wasm)} -> ${kib(start.wasm)}`,
        `  listeners (wrapper): ${start.listeners} -> ${end.listeners} (${mountedListeners} while mounted)`,
        `  listeners (DevTools): ${start.domListeners} -> ${end.domListeners}`,
        `  JS heap used: ${kib(start.heap)} -> ${kib(end.heap)} (${end.heap - start.heap >= 0 ? '+' : ''}${kib(end.heap - start.heap)}; bound ${kib(HEAP_BOUND)})`,
        `  DOM nodes: ${start.nodes} -> ${end.nodes}`,
        `  wasm memory: ${kib(start.wasm)} -> ${kib(end.wasm)}`,
      ].join('\n'),
    );
    assert.ok(mountedListeners > start.listeners, 'no listener of the widget was counted (is the wrapper in place?)');
    assert.equal(start.listeners, initial.listeners, 'listeners grew during the warm-up');
    assert.equal(end.listeners, start.listeners, 'listeners grew');
    assert.ok(end.domListeners <= start.domListeners, `DevTools counts ${end.domListeners - start.domListeners} more listeners`);
    assert.ok(end.heap - start.heap <= HEAP_BOUND, `the JS heap grew by ${kib(end.heap - start.heap)}`);
    assert.ok(end.nodes - start.nodes <= NODE_BOUND, `${end.nodes - start.nodes} more DOM nodes`);
    assert.equal(end.wasm, start.wasm, 'the WebAssembly memory grew');
    assertNoProblems(opened.watch);
  });
});

test('no request left 127.0.0.1', () => {
  assert.deepEqual(blocked, []);
});
