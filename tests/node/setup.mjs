// Puts a DOM (jsdom or happy-dom) on Node's globalThis as test runners do, and loads
// the package from pkg/ into it.
//
// "vitest": the window's own property names are copied onto globalThis as getters,
// and window, self, top and parent become globalThis, and document.defaultView too
// (as Vitest's jsdom and happy-dom environments do). "global": the same copy, with
// `window` left the DOM's own window (as global-jsdom and Jest setups that copy the
// globals do).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

// The DOM classes Node has its own of, which Vitest overrides with the window's.
const OVERRIDE = ['Event', 'EventTarget', 'CustomEvent', 'DOMException', 'AbortController',
  'AbortSignal', 'MessageEvent', 'URL', 'URLSearchParams'];
const SKIP = ['window', 'self', 'top', 'parent'];

/**
 * Sets up `dom` with `body` as the page's body, in `style`; returns the package's API,
 * the window and the list of errors thrown in event listeners.
 */
export async function setup(dom, style, body) {
  const page = `<!doctype html><html><head></head><body>${body}</body></html>`;
  const url = 'http://127.0.0.1/2026/12/post.html';
  let win;
  if (dom === 'jsdom') {
    const { JSDOM } = await import('jsdom');
    win = new JSDOM(page, { url, pretendToBeVisual: true }).window;
  } else if (dom === 'happy-dom') {
    const { Window } = await import('happy-dom');
    win = new Window({ url });
    win.document.write(page);
  } else {
    throw new Error(`unknown DOM ${dom}`);
  }
  for (const key of Object.getOwnPropertyNames(win)) {
    if (SKIP.includes(key) || (key in globalThis && !OVERRIDE.includes(key))) continue;
    Object.defineProperty(globalThis, key, {
      get: () => win[key],
      set: (v) => { win[key] = v; },
      configurable: true,
    });
  }
  if (style === 'vitest') {
    for (const key of SKIP) globalThis[key] = globalThis;
    Object.defineProperty(win.document, 'defaultView', { get: () => globalThis, configurable: true });
  } else if (style === 'global') {
    globalThis.window = win;
  } else {
    throw new Error(`unknown style ${style}`);
  }
  // An exception in one of the widget's listeners does not reach the code that
  // clicked: both DOMs report it as an error event on the window. Keep them.
  const errors = [];
  win.addEventListener('error', (e) => errors.push(e.error ?? e.message));
  const api = await import(new URL('pkg/index.js', `file://${REPO}`).href);
  api.initSync({ module: readFileSync(`${REPO}pkg/article_widget_bg.wasm`) });
  return { api, win, errors };
}
