// The README's one tag on real pages (tests/fixtures/realpages/): a sample of saved
// news and magazine pages with the article text a person marked (every seventh of the
// shared set, scripts/realpages-sample.mjs), and blog pages of the project's own
// making (own/: Blogger, WordPress classic and block themes, Ghost, a hand-made blog
// and a news page split over sections, with every kind of comment area: a live
// Blogger thread with its form frame, WordPress's #respond, Disqus's #disqus_thread, a
// theme's placeholder, parked markup, and none). At 390x844 and at 1280x900, with
// every request not to 127.0.0.1 blocked, each page must:
//   - mount (the comment area never stops it);
//   - have a root that holds 90 % of the article's words, 80 % of its words article;
//   - keep every word of the root;
//   - be given back exactly by destroy();
//   - show no layout shift from the mount to 5 s after it.
// The saved pages whose root misses the word figures are listed below with what the
// root holds besides the article, and must still mount, keep their words, restore and
// not shift; a listed page that comes to meet the figures fails the test, so that the
// list stays true. Run after `make package`: node --test tests/realpages/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { serve } from '../package/server.mjs';
import { REPO } from '../e2e/support.mjs';
import { MIN_PRECISION, MIN_RECALL, VIEWPORTS, checkPage, contextFor, loadPages, withTag } from './check.mjs';

const DIR = join(REPO, 'tests/fixtures/realpages');
const JOBS = 3;

// Saved pages whose root holds the article but also text the person who marked it
// left out, inside the element that holds the article's paragraphs (the root cannot
// leave it out without leaving paragraphs out): by id, what it is.
const ROOT_MISSES = {
  '4a44ab3e4c': 'the article continues in a second text block after an embedded video and a related-story box',
  '8380689f35': "a readers' letter and the team list inside the fact-check's content box",
  '8b19453030': 'a "most read" carousel, the headline, bylines and photo captions inside the article column',
  c69e539d68: "the company's standard paragraph at the end of a press release",
  ecb46e3e48: "a photo gallery's captions, each three times (full, truncated, remote)",
  f6ac15a4d9: 'a short article whose title, meta line and share buttons sit beside its paragraphs',
};

// What each page of the project's own making must give: the comment area's outcome,
// and for the seed's post its sections.
const OWN = {
  'blogger-seed': { comments: 'not-lazy', sections: 5 },
  'blogger-live-comments': { comments: 'not-lazy' },
  'blogger-parked': { comments: 'lazy' },
  'wordpress-classic': { comments: 'not-lazy' },
  'wordpress-block': { comments: 'not-lazy' },
  ghost: { comments: 'not-lazy' },
  handmade: { comments: 'not-found' },
  'news-split': { comments: 'not-lazy' },
};

const pages = loadPages(DIR);
let server;
let browser;
before(async () => {
  server = await serve({
    mounts: [
      ['/article-widget/', join(REPO, 'pkg')],
      ['/comments/', join(DIR, 'own/comments')],
    ],
    pages: Object.fromEntries(pages.map((p) => [`/p/${p.id}.html`, () => withTag(p.html(), '/article-widget/embed.js', p.saved)])),
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the sample holds saved pages and every kind of own page', () => {
  assert.ok(pages.filter((p) => p.saved).length >= 20, 'the saved sample is missing (scripts/realpages-sample.mjs)');
  assert.deepEqual(pages.filter((p) => !p.saved).map((p) => p.id).sort(), Object.keys(OWN).sort());
  for (const id of Object.keys(ROOT_MISSES)) assert.ok(pages.some((p) => p.id.startsWith(id)), `${id} is not in the sample`);
});

async function runAll(name) {
  const results = new Map();
  const queue = [...pages];
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const context = await browser.newContext(contextFor(name));
        const blocked = await onlyLoopback(context);
        try {
          const r = await checkPage(context, `${server.url}/p/${p.id}.html`, p.body);
          results.set(p.id, { ...r, blocked });
        } finally {
          await context.close();
        }
      }
    }),
  );
  return results;
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`the one tag on ${pages.length} real pages, ${name} (${viewport.width}x${viewport.height})`, async (t) => {
    const results = await runAll(name);
    for (const p of pages) {
      const r = results.get(p.id);
      await t.test(p.id, () => {
        assert.ok(r.mounted, `not mounted: ${r.code} ${r.message ?? ''}`);
        assert.ok(r.wordsKept, 'a word of the root was lost or added');
        assert.ok(r.restored, 'destroy() did not give the document back');
        assert.equal(r.shift, 0, `layout shift after the mount (${(r.moved ?? []).join(', ')})`);
        // The widget fetched nothing of its own off 127.0.0.1.
        assert.deepEqual(r.blocked.filter((u) => /article-widget|stand-in/.test(u)), []);
        const miss = Object.keys(ROOT_MISSES).find((id) => p.id.startsWith(id));
        const meets = r.recall >= MIN_RECALL && r.precision >= MIN_PRECISION;
        const figures = `recall ${r.recall.toFixed(3)}, precision ${r.precision.toFixed(3)}, root ${r.root}`;
        if (miss) assert.ok(!meets, `${p.id} meets the figures now (${figures}): take it off ROOT_MISSES`);
        else assert.ok(meets, `the root misses: ${figures}`);
        const own = OWN[p.id];
        if (own) {
          assert.equal(r.detail.comments, own.comments, 'what became of the comments');
          if (own.sections) assert.equal(r.detail.sections, own.sections);
          if (own.sections) assert.ok(r.detail.keyQuotes >= 3, `key quotes: ${r.detail.keyQuotes}`);
        }
      });
    }
  });
}
