// When the widget asks for its bytes: nothing but the embed's own 2 KB (which holds
// its wait for the paint) before the page's first contentful paint and its load event
// (on the one-tag page, whose inline loader asks for nothing before the load event, and
// the page with the shorter src tag), nothing but the 1 KB wait (after-paint.js) on the
// demo, and it still mounts.
// And the embed mounts in its steps: read, the plan's three parts, apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onlyLoopback } from '../../scripts/browser.mjs';
import { demoAndBrowser } from './support.mjs';

const it = demoAndBrowser();

async function timeline(path) {
  const context = await it.browser.newContext({ viewport: { width: 412, height: 823 } });
  const blocked = await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(new URL(path, it.server.url).href);
  await page.waitForFunction(() => window.articleWidget?.mounted ?? window.articleWidget?.widget?.mounted, null, {
    timeout: 20000,
  });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const widget = performance
      .getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.startsWith('/pkg/'))
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime }));
    return { load: nav.loadEventStart, fcp, widget };
  });
  await context.close();
  assert.deepEqual(blocked, []);
  return t;
}

// What each page may fetch of the widget before its load event, and before its first
// contentful paint: the src tag itself is fetched while the page loads; the loader
// imports it after the load event, where the first paint may still be a frame away.
for (const [path, beforeLoad, beforePaint] of [
  ['/one-tag.html', [], ['/pkg/embed.js']],
  ['/one-tag-src.html', ['/pkg/embed.js'], ['/pkg/embed.js']],
  ['/', ['/pkg/after-paint.js'], ['/pkg/after-paint.js']],
]) {
  test(`${path}: of the widget, nothing but ${beforePaint.join(', ') || 'nothing'} is fetched before the first paint`, async () => {
    const t = await timeline(path);
    assert.ok(t.fcp > 0, 'no first contentful paint reported');
    assert.ok(t.widget.some((r) => r.path === '/pkg/article_widget_bg.wasm'), `no .wasm fetched: ${JSON.stringify(t.widget)}`);
    const at = `load ${t.load}, first paint ${t.fcp}: ${JSON.stringify(t.widget)}`;
    const early = (time) => t.widget.filter((r) => r.start < time).map((r) => r.path);
    assert.deepEqual(early(t.load).filter((p) => !beforeLoad.includes(p)), [], `fetched before load (${at})`);
    assert.deepEqual(early(t.fcp).filter((p) => !beforePaint.includes(p)), [], `fetched before the first paint (${at})`);
  });
}

// Takes the rehearsal away (js/rehearse.js gives up at once without createHTMLDocument).
function noRehearsal() {
  DOMImplementation.prototype.createHTMLDocument = () => {
    throw new Error('no rehearsal');
  };
}

// The module's prepareMount wrapped (minified: "local as prepareMount" in the glue's
// export list) to note each step taken, "read", "plan" and "mount" for the page's
// article and "rehearsal read" ... for an article in another document (rehearse.js),
// with a performance mark at the start and end of the page's mount in its steps.
async function noteSteps(page) {
  await page.addInitScript(() => {
    window.__steps = [];
  });
  await page.route('**/pkg/article_widget.js', async (route) => {
    const res = await route.fetch();
    const js = await res.text();
    const local = /([\w$]+) as prepareMount\b/.exec(js)?.[1];
    assert.ok(local, 'no prepareMount export in the glue');
    const body = js.replace(`${local} as prepareMount`, '__noted as prepareMount') + `
function __noted(root, options) {
  const own = (typeof root === 'string' ? document.querySelector(root) : root)?.ownerDocument === document;
  const note = (step) => window.__steps.push(own ? step : 'rehearsal ' + step);
  if (own) performance.mark('aw-steps-start');
  const p = ${local}(root, options);
  note('read');
  const plan = p.plan.bind(p);
  const mount = p.mount.bind(p);
  p.plan = () => { const more = plan(); note('plan'); return more; };
  p.mount = () => { const w = mount(); note('mount'); if (own) performance.mark('aw-steps-end'); return w; };
  return p;
}`;
    await route.fulfill({ response: res, body });
  });
}

test('the one-tag embed mounts in steps: read, the three parts of the plan, apply, after its rehearsal', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await noteSteps(page);
  await page.goto(new URL('/one-tag.html', it.server.url).href);
  await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
  const steps = await page.evaluate(() => window.__steps);
  await context.close();
  // The rehearsal (js/rehearse.js): its reading, a bare mount (read and mounted at
  // once), then the plan's steps and the full mount.
  const rehearsal = ['read', 'read', 'mount', 'plan', 'plan', 'plan', 'mount'].map((s) => `rehearsal ${s}`);
  assert.deepEqual(steps, [...rehearsal, 'read', 'plan', 'plan', 'plan', 'mount']);
});

// The DOM layer's WebAssembly (which no worker can run) compiles in the rehearsal
// (js/rehearse.js), before the page's mount: counted, the functions V8 compiles on the
// main thread during the page's mount in its steps, with the rehearsal and without it
// (createHTMLDocument taken away, where the rehearsal gives up at once).
test("the DOM layer's WebAssembly compiles in the rehearsal, not in the mount's steps", async () => {
  const compiledInSteps = async (rehearsal) => {
    const context = await it.browser.newContext();
    await onlyLoopback(context);
    const page = await context.newPage();
    await noteSteps(page);
    if (!rehearsal) await page.addInitScript(noRehearsal);
    await it.browser.startTracing(page, { categories: ['v8.wasm', 'devtools.timeline', 'blink.user_timing'] });
    await page.goto(new URL('/one-tag.html', it.server.url).href);
    await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
    const steps = await page.evaluate(() => window.__steps);
    const events = JSON.parse((await it.browser.stopTracing()).toString('utf8')).traceEvents;
    await context.close();
    assert.equal(steps.some((s) => s.startsWith('rehearsal')), rehearsal, `steps: ${steps}`);
    const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
    const [from, to] = [mark('aw-steps-start'), mark('aw-steps-end')];
    assert.ok(from > 0 && to > from, 'no marks around the mount');
    const main = events.find((e) => e.name === 'ParseHTML')?.tid;
    return new Set(
      events.filter((e) => e.name === 'wasm.CompileLazy' && e.tid === main && e.ts >= from && e.ts <= to).map((e) => e.args?.func_index),
    ).size;
  };
  const without = await compiledInSteps(false);
  const withRehearsal = await compiledInSteps(true);
  console.log(`functions compiled on the main thread in the mount's steps: ${withRehearsal} after the rehearsal, ${without} without`);
  assert.ok(without > 50, `only ${without} functions compiled in the steps without the rehearsal: is the trace event still wasm.CompileLazy?`);
  assert.ok(withRehearsal < without * 0.2, `${withRehearsal} functions compiled in the steps after the rehearsal, ${without} without`);
});

// The rehearsal leaves no trace in the page: one widget, one mounted event, no other
// event of the widget, nothing stored but the page's widget's own state.
test('the rehearsal leaves nothing in the page: one widget, one mounted event, its storage only', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['mounted', 'toggle', 'quote', 'comments-loading', 'comments-loaded', 'comments-failed', 'destroyed', 'error']) {
      document.addEventListener(`article-widget:${name}`, (e) => window.__events.push(name), true);
      window.addEventListener(`article-widget:${name}`, (e) => window.__events.push(`window ${name}`), true);
    }
  });
  await page.goto(new URL('/one-tag.html', it.server.url).href);
  await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    events: window.__events,
    tocs: document.querySelectorAll('.aw-toc').length,
    panels: document.querySelectorAll('.aw-quotes').length,
    stored: Object.keys(sessionStorage),
    highlights: typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.size : 0,
  }));
  await context.close();
  assert.deepEqual(state.events, ['window mounted', 'mounted']);
  assert.equal(state.tocs, 1);
  assert.equal(state.panels, 1);
  assert.ok(state.stored.every((k) => k.startsWith('article-widget:/one-tag.html#')), `stored: ${state.stored}`);
  assert.ok(state.highlights <= 1, `highlights: ${state.highlights}`);
});

// The embed compiles the core's WebAssembly in a throwaway worker (warmUp of
// js/index.js, src/web/warm.rs): V8 compiles a function on its first call, and the worker's compiled
// code is the page's too. Counted: the functions V8 compiles on the page's main thread
// over the whole mount, with the worker and with Worker taken away (the same page).
test("the core's WebAssembly compiles in a worker, not on the page's main thread", async () => {
  const compiledOnMain = async (withWorker) => {
    const context = await it.browser.newContext();
    await onlyLoopback(context);
    const page = await context.newPage();
    if (!withWorker) await page.addInitScript(() => delete window.Worker);
    // Without the rehearsal (see the next test), which compiles on the main thread too.
    await page.addInitScript(noRehearsal);
    await it.browser.startTracing(page, { categories: ['v8.wasm', 'devtools.timeline'] });
    await page.goto(new URL('/one-tag.html', it.server.url).href);
    await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
    const events = JSON.parse((await it.browser.stopTracing()).toString('utf8')).traceEvents;
    await context.close();
    const main = events.find((e) => e.name === 'ParseHTML')?.tid;
    return new Set(events.filter((e) => e.name === 'wasm.CompileLazy' && e.tid === main).map((e) => e.args?.func_index)).size;
  };
  const without = await compiledOnMain(false);
  const withWorker = await compiledOnMain(true);
  assert.ok(without > 100, `only ${without} functions compiled without the worker: is the trace event still wasm.CompileLazy?`);
  console.log(`functions compiled on the main thread: ${withWorker} with the worker, ${without} without`);
  assert.ok(withWorker < without * 0.6, `main thread compiled ${withWorker} functions with the worker, ${without} without`);
});

test('warmUp() resolves for a bad selector, an empty element and a page without Worker, never rejects, and leaves the page as it was', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(new URL('/', it.server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'mounted', null, { timeout: 20000 });
  const results = await page.evaluate(async () => {
    const { warmUp } = await import('/pkg/index.js');
    const settle = (p) => p.then((v) => `resolved ${v}`, (e) => `rejected ${e}`);
    const out = [await settle(warmUp('###')), await settle(warmUp(document.createElement('div'))), await settle(warmUp(null))];
    const worker = window.Worker;
    window.Worker = undefined;
    out.push(await settle(warmUp('#post-body-7318405593424166051')));
    window.Worker = worker;
    const glue = await import('/pkg/article_widget.js');
    return { out, tocs: document.querySelectorAll('.aw-toc').length, mounted: window.articleWidget.widget.mounted, glueWarmUp: 'warmUp' in glue };
  });
  await context.close();
  // One warmUp, the entry's: the glue's worker part is not a second one.
  assert.deepEqual(results, { out: Array(4).fill('resolved undefined'), tocs: 1, mounted: true, glueWarmUp: false });
});

// mountAfterPaint (the demo's start) leaves a performance mark at each step, in order:
// the page's own timing and the benchmark read them.
test('mountAfterPaint marks its steps in order: start, loaded, read, each plan part, apply, mounted', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(new URL('/', it.server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'mounted', null, { timeout: 20000 });
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('article-widget:'))
      .map((m) => m.name.slice('article-widget:'.length)),
  );
  await context.close();
  assert.deepEqual(marks, ['start', 'loaded', 'read', 'done', 'plan', 'done', 'plan', 'done', 'plan', 'done', 'apply', 'done', 'mounted']);
});

// A .wasm that does not load: mountAfterPaint rejects with load-failed (the demo shows
// its code) and the article is as the page has it.
test('mountAfterPaint rejects with load-failed when the WebAssembly does not load, and the page is untouched', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.route('**/pkg/article_widget_bg.wasm', (route) => route.abort());
  await page.goto(new URL('/', it.server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'error', null, { timeout: 20000 });
  const state = await page.evaluate(() => ({
    shown: document.getElementById('widget-error').textContent,
    widget: document.querySelectorAll('#post-body-7318405593424166051 [class^="aw-"], .aw-root, .aw-nav').length,
  }));
  await context.close();
  assert.match(state.shown, /\[load-failed\] article-widget: the module did not load/);
  assert.equal(state.widget, 0);
});
