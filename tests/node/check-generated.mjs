// Generated articles (src/core/textgen.rs, written by tests/generated.rs as JSON lines)
// through the whole widget under a DOM in Node:
//
//   node tests/node/check-generated.mjs jsdom|happy-dom ARTICLES.jsonl
//
// Each article is put in the page; analyze() and mount() either work or throw one of
// the widget's codes, never anything else; the toggles and "Show comments" are
// clicked; destroy() gives back the exact page. Articles the core traps on (known
// traps, see tests/regressions.rs) are left out here but one, which must come out as
// `internal-error`; it runs last, since a trap stops the module.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup } from './setup.mjs';

const [dom, file] = process.argv.slice(2);
const articles = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const { api, errors } = await setup(dom, 'vitest', '');

const COMMENTS = '<div id="comments"><template data-article-widget-comments><p class="parked">c</p></template></div>';
const seen = { dom, articles: 0, mounted: 0, coded: {}, sections: 0, quotes: 0, skippedTraps: 0 };
const scrolls = typeof Element.prototype.scrollIntoView === 'function';
for (const { seed, traps, html } of articles) {
  if (traps) {
    seen.skippedTraps++;
    continue;
  }
  seen.articles++;
  document.body.innerHTML = `<article id="post">${html}</article>${COMMENTS}`;
  const before = document.body.innerHTML;
  const root = document.querySelector('#post');
  const coded = (e) => {
    assert.ok(api.isArticleWidgetError(e) && e.code !== 'internal-error', `seed ${seed}: ${e?.stack ?? e}`);
    seen.coded[e.code] = (seen.coded[e.code] ?? 0) + 1;
  };
  let plan = null;
  try {
    plan = api.analyze(root);
  } catch (e) {
    coded(e);
  }
  assert.equal(document.body.innerHTML, before, `seed ${seed}: analyze() changed the page`);
  let widget = null;
  try {
    widget = api.mount(root);
  } catch (e) {
    coded(e);
    assert.equal(document.body.innerHTML, before, `seed ${seed}: a failed mount() changed the page`);
    continue;
  }
  assert.ok(plan, `seed ${seed}: mount() worked where analyze() did not`);
  seen.mounted++;
  seen.sections += plan.sections.length;
  seen.quotes += plan.quotes.length;
  widget.collapseAll();
  widget.expandAll();
  for (const b of root.querySelectorAll('button')) b.click();
  // Without scrollIntoView (jsdom) a link click would throw in the widget's listener.
  if (scrolls) for (const a of root.querySelectorAll('a.aw-quote-link, .aw-toc a')) a.click();
  document.querySelector('#comments button')?.click();
  widget.destroy();
  assert.equal(document.body.innerHTML, before, `seed ${seed}: destroy() did not restore the page`);
}

// One article the core traps on: the caller gets internal-error, and the page is as
// it was (the trap comes while planning, before anything is applied).
const trapping = articles.find((a) => a.traps);
if (trapping) {
  document.body.innerHTML = `<article id="post">${trapping.html}</article>${COMMENTS}`;
  const before = document.body.innerHTML;
  assert.throws(() => api.mount('#post'), (e) => e.code === 'internal-error' && e.cause instanceof WebAssembly.RuntimeError);
  assert.equal(document.body.innerHTML, before, 'a trap left the page changed');
  seen.trapBecameInternalError = true;
}
assert.deepEqual(errors.map(String), [], 'the widget threw in a listener');
console.log(JSON.stringify(seen));
