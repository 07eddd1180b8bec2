// The package entry (pkg/index.js) turns every failure that is not one of the widget's
// coded errors (a trap of the WebAssembly module, an exception from the DOM) into an
// Error with code `internal-error`, keeping what was thrown as `cause`. Runs under
// jsdom with its globals on globalThis, as Vitest's environment sets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const win = new JSDOM('<!doctype html><body><article id="a"><p>One paragraph of plain text, long enough to be an article.</p></article></body>', {
  url: 'http://127.0.0.1/',
}).window;
for (const key of Object.getOwnPropertyNames(win)) {
  if (['window', 'self', 'top', 'parent'].includes(key) || key in globalThis) continue;
  Object.defineProperty(globalThis, key, { get: () => win[key], configurable: true });
}
globalThis.window = globalThis;

const api = await import(new URL('pkg/index.js', `file://${REPO}`).href);
api.initSync({ module: readFileSync(`${REPO}pkg/article_widget_bg.wasm`) });

// An article whose child nodes cannot be read (the reader walks them from
// `firstChild`): the DOM throws `thrown` while the widget reads it.
function brokenRoot(thrown) {
  const root = document.createElement('article');
  root.append(document.createElement('p'));
  Object.defineProperty(root, 'firstChild', { get() { throw thrown; } });
  document.body.append(root);
  return root;
}

test('an exception from the DOM becomes internal-error, with the original as cause', () => {
  const boom = new TypeError('firstChild is broken');
  for (const call of [api.mount, api.analyze]) {
    assert.throws(() => call(brokenRoot(boom)), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, 'internal-error');
      assert.equal(e.cause, boom);
      assert.match(e.message, /internal error in (mount|analyze)\(\) \(TypeError: firstChild is broken\)/);
      assert.ok(api.isArticleWidgetError(e));
      return true;
    });
  }
});

test('a trap (WebAssembly.RuntimeError) becomes internal-error and says to reload', () => {
  const trap = new WebAssembly.RuntimeError('unreachable');
  assert.throws(() => api.mount(brokenRoot(trap)), (e) => {
    assert.equal(e.code, 'internal-error');
    assert.equal(e.cause, trap);
    assert.match(e.message, /reload the page/);
    return true;
  });
});

test('a thrown non-Error and a DOMException (numeric code) become internal-error too', () => {
  assert.throws(() => api.analyze(brokenRoot('a string')), (e) => e.code === 'internal-error' && e.cause === 'a string');
  const dom = new win.DOMException('gone', 'NotFoundError');
  assert.equal(typeof dom.code, 'number');
  assert.throws(() => api.analyze(brokenRoot(dom)), (e) => e.code === 'internal-error' && e.cause === dom);
});

test('the widget\'s own errors pass unchanged, and it still works after an internal error', () => {
  assert.throws(() => api.mount('#missing'), (e) => e.code === 'root-not-found' && e.cause === undefined);
  assert.throws(() => api.analyze(document.querySelector('#a'), { nope: 1 }), (e) => e.code === 'unknown-option');
  const plan = api.analyze('#a');
  assert.deepEqual(plan.sections, []);
  const w = api.mount('#a');
  assert.equal(w.mounted, true);
  w.destroy();
});
