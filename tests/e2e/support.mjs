// Helpers shared by the browser tests of tests/e2e/ (not a test file itself: node
// --test only runs *.test.mjs here).
//
// Every page a test opens gets its requests routed by onlyLoopback (anything not for
// 127.0.0.1 is aborted and recorded) and its console errors and uncaught exceptions
// recorded, each with the phase the test was in when it happened, so that a test can
// tell the page's own failures (while it loads) from the widget's.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { start } from '../../scripts/serve.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Folds runs of white space into one space and trims. */
export function fold(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The error codes the README documents (its "Error codes" table), read at test time so
 * that a code the widget throws but the README does not list fails the test.
 */
export function documentedCodes() {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const start = readme.indexOf('### Error codes');
  if (start < 0) throw new Error('README.md has no "### Error codes" section');
  const table = readme.slice(start).split(/\n(?=#)/)[0];
  const codes = [...table.matchAll(/^\|\s*`([a-z-]+)`\s*\|/gm)].map((m) => m[1]);
  if (codes.length === 0) throw new Error('README.md lists no error code');
  return new Set(codes);
}

/**
 * Removes the page's own <script> elements from an HTML source. The HTML tokenizer
 * ends a script's text at the first `</script`, as this does; the corpus pages hold
 * no `<!--<script` escape, and the tests check that no script element is left.
 */
export function stripScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/**
 * A new browser context whose requests are routed by onlyLoopback into `blocked`, and
 * a page in it whose console errors, uncaught exceptions, requests and failed
 * requests are recorded with the current phase (`watch.phase`, set by the test).
 */
export async function openWatched(browser, blocked, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  await onlyLoopback(context, blocked);
  const page = await context.newPage();
  const watch = {
    phase: 'load',
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    failed: [],
    inPhase(list, phase) {
      return list.filter((x) => x.phase === phase);
    },
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      watch.consoleErrors.push({ phase: watch.phase, text: msg.text(), url: msg.location()?.url ?? '' });
    }
  });
  page.on('pageerror', (err) => watch.pageErrors.push({ phase: watch.phase, text: `${err.name}: ${err.message}`, stack: err.stack ?? '' }));
  let inflight = 0;
  let lastActivity = Date.now();
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    lastActivity = Date.now();
  };
  page.on('request', (req) => {
    inflight += 1;
    lastActivity = Date.now();
    watch.requests.push({ phase: watch.phase, url: req.url(), type: req.resourceType() });
  });
  page.on('requestfinished', done);
  page.on('requestfailed', (req) => {
    done();
    watch.failed.push({ phase: watch.phase, url: req.url(), error: req.failure()?.errorText });
  });
  /** Resolves once no request has been in flight for `quietMs` (at most `timeoutMs`). */
  watch.settle = async (quietMs = 150, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (inflight === 0 && Date.now() - lastActivity >= quietMs) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  };
  return { context, page, watch };
}

/** Pads or clips `s` to `n` characters, for the summary tables. */
export function cell(s, n) {
  const t = String(s);
  return t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n);
}

/**
 * An init script (page.addInitScript(instrument)) run before anything else in a page:
 * window.__pwn(what) records a call in window.__pwned (the sink of every injected
 * payload), and window.__listeners() counts the event listeners added and not yet
 * removed, through wrappers around EventTarget.prototype.addEventListener and
 * removeEventListener (a listener added twice counts once, as the DOM does; one
 * registered with `once` counts until it is removed).
 */
export function instrument() {
  window.__pwned = [];
  window.__pwn = (what) => window.__pwned.push(String(what));
  const live = new Map();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (target, type, fn, options) => {
    const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    return { target, type, fn, capture };
  };
  const same = (a, b) => a.target === b.target && a.type === b.type && a.fn === b.fn && a.capture === b.capture;
  let id = 0;
  EventTarget.prototype.addEventListener = function addEventListener(type, fn, options) {
    if (fn) {
      const k = key(this, type, fn, options);
      if (![...live.values()].some((v) => same(v, k))) live.set((id += 1), k);
    }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, fn, options) {
    const k = key(this, type, fn, options);
    for (const [i, v] of live) if (same(v, k)) live.delete(i);
    return remove.call(this, type, fn, options);
  };
  window.__listeners = () => live.size;
}

/**
 * The demo server and a Chromium for one test file: started before its tests and
 * stopped after them. Returns an object whose `server` and `browser` are set once
 * started.
 */
export function demoAndBrowser() {
  const it = { server: null, browser: null };
  before(async () => {
    it.server = await start({ port: 0, commentsPort: 0 });
    it.browser = await launchChromium();
  });
  after(async () => {
    await it.browser?.close();
    await it.server?.close();
  });
  return it;
}
