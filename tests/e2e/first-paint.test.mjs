// When the widget asks for its bytes: nothing but the embed's own 2 KB before the
// page's first contentful paint and its load event (on the one-tag page, whose inline
// loader asks for nothing before the load event, the page with the shorter src tag,
// and the demo), and it still mounts.
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
  ['/', [], []],
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

test('the one-tag embed mounts in steps: read, the three parts of the plan, apply', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__steps = [];
  });
  await page.route('**/pkg/article_widget.js', async (route) => {
    const res = await route.fetch();
    const js = await res.text();
    // Wrap the module's prepareMount (minified: "local as prepareMount" in its export
    // list) to note each step the embed takes.
    const local = /(\w+) as prepareMount\b/.exec(js)?.[1];
    assert.ok(local, 'no prepareMount export in the glue');
    const body = js.replace(`${local} as prepareMount`, '__noted as prepareMount') + `
function __noted(root, options) {
  const p = ${local}(root, options);
  window.__steps.push('read');
  const plan = p.plan.bind(p);
  const mount = p.mount.bind(p);
  p.plan = () => { const more = plan(); window.__steps.push('plan'); return more; };
  p.mount = () => { const w = mount(); window.__steps.push('mount'); return w; };
  return p;
}`;
    await route.fulfill({ response: res, body });
  });
  await page.goto(new URL('/one-tag.html', it.server.url).href);
  await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
  const steps = await page.evaluate(() => window.__steps);
  await context.close();
  assert.deepEqual(steps, ['read', 'plan', 'plan', 'plan', 'mount']);
});

// The embed compiles the core's WebAssembly in a throwaway worker (js/embed.js warmUp,
// src/web/warm.rs): V8 compiles a function on its first call, and the worker's compiled
// code is the page's too. Counted: the functions V8 compiles on the page's main thread
// over the whole mount, with the worker and with Worker taken away (the same page).
test("the core's WebAssembly compiles in a worker, not on the page's main thread", async () => {
  const compiledOnMain = async (withWorker) => {
    const context = await it.browser.newContext();
    await onlyLoopback(context);
    const page = await context.newPage();
    if (!withWorker) await page.addInitScript(() => delete window.Worker);
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

test('warmUp() resolves for a bad selector, an empty element and a page without Worker, and never rejects', async () => {
  const context = await it.browser.newContext();
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(new URL('/', it.server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'mounted', null, { timeout: 20000 });
  const results = await page.evaluate(async () => {
    const { warmUp } = await import('/pkg/article_widget.js');
    const settle = (p) => p.then((v) => `resolved ${v}`, (e) => `rejected ${e}`);
    const out = [await settle(warmUp('###')), await settle(warmUp(document.createElement('div'))), await settle(warmUp(null))];
    window.Worker = undefined;
    out.push(await settle(warmUp('#post-body-7318405593424166051')));
    return out;
  });
  await context.close();
  assert.deepEqual(results, Array(4).fill('resolved undefined'));
});
