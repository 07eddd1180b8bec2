// Dumps the blocks of the saved real pages of ../shared/realpages/ whose article has
// sub-headings of its own, in three forms, for the measure of inferred headings
// (examples/headings_eval.rs, `make headings-report`): the pages nobody here tuned on.
//
// For each page the root is the one the one-tag embed finds (js/roots.js). Its
// article headings are the h2 to h4 inside it (not in a quotation, table, aside,
// figure, code, navigation, form or details) whose text is a paragraph of the article
// text a person marked (ground-truth.json): a "Related stories" heading is not one.
// A page with at least one is written, as scripts/dump-blocks.mjs writes the corpus:
//   OUT/<id>/blocks.txt        the page as it is;
//   OUT/<id>/blocks-bold.txt   its article headings turned into <p><b>...</b></p>;
//   OUT/<id>/blocks-plain.txt  the same headings turned into plain <p>...</p>;
// the article headings carrying their level in the last column. Other headings are
// left as they are. Pages are served with their scripts and <base> taken out.
//
// Usage: node scripts/dump-realpages-headings.mjs [OUT]   (default /tmp/realpages-headings;
// builds the debug wasm with the reader's dump export into target/dump-pkg/ first).
// Says so and writes nothing when ../shared/realpages is not there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, onlyLoopback } from './browser.mjs';
import { loadPages } from '../tests/realpages/check.mjs';
import { stripScripts } from '../tests/e2e/support.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const FROM = join(REPO, '../shared/realpages');
const OUT = process.argv[2] || '/tmp/realpages-headings';
const PKG = `${REPO}target/dump-pkg/`;

if (!existsSync(join(FROM, 'ground-truth.json'))) {
  console.log(`headings: ${FROM} is not there; nothing dumped`);
  process.exit(0);
}
const pages = loadPages(FROM).filter((p) => p.saved);

const env = { ...process.env, CARGO_BUILD_JOBS: process.env.CARGO_BUILD_JOBS || '1' };
execFileSync('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--lib'], { cwd: REPO, stdio: 'inherit', env });
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', PKG, `${REPO}target/wasm32-unknown-unknown/debug/article_widget.wasm`], {
  cwd: REPO,
  stdio: 'inherit',
  env,
});

/** In the page: the three forms' blocks, or null when the article has no headings. */
async function readForms({ body }) {
  const m = await import('/dump/article_widget.js');
  const { findRoot } = await import('/js/roots.js');
  await m.default();
  const root = findRoot(document);
  if (!root) return null;
  const squash = (t) => t.replace(/\s+/g, ' ').trim();
  const paragraphs = new Set(body.split('\n').map(squash).filter(Boolean));
  const own = [...root.querySelectorAll('h2, h3, h4')].filter((h) => {
    const c = h.closest('blockquote, table, aside, figure, pre, nav, form, details');
    return !(c && root.contains(c)) && paragraphs.has(squash(h.textContent));
  });
  if (!own.length) return null;
  const gold = own.map((h) => [squash(h.textContent), h.localName.slice(1)]);
  // The level goes in the last column of the block each heading became, found by its
  // text, in order (the dump's own data-gold column is not filled by this reader).
  const read = () => {
    let at = 0;
    const lines = m.__readBlocks(root).split('\n');
    for (const [title, level] of gold) {
      const k = lines.findIndex((l, i) => {
        const c = l.split('\t');
        return i >= at && /^(h[2-4]|p|line)$/.test(c[0]) && c[6] === title;
      });
      if (k < 0) continue;
      const c = lines[k].split('\t');
      c[7] = level;
      lines[k] = c.join('\t');
      at = k + 1;
    }
    return lines.join('\n');
  };
  const forms = { '': read() };
  // Bold: <p><b>…</b></p> in the heading's place.
  const bolds = own.map((h) => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    p.append(b);
    b.append(...h.childNodes);
    h.replaceWith(p);
    return b;
  });
  forms.bold = read();
  // Plain: the <b> taken away.
  for (const b of bolds) b.replaceWith(...b.childNodes);
  forms.plain = read();
  return forms;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
let written = 0;
try {
  const queue = [...pages];
  await Promise.all(
    [0, 1].map(async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await onlyLoopback(context);
        await context.route('http://127.0.0.1:9/**', (route) => {
          const path = new URL(route.request().url()).pathname;
          if (path === '/page.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: stripScripts(p.html()).replace(/<base\b[^>]*>/gi, '') });
          if (path.startsWith('/dump/')) return route.fulfill({ path: `${PKG}${path.slice('/dump/'.length)}` });
          if (path === '/js/roots.js') return route.fulfill({ path: `${REPO}js/roots.js` });
          return route.abort();
        });
        try {
          const page = await context.newPage();
          await page.goto('http://127.0.0.1:9/page.html', { waitUntil: 'domcontentloaded' });
          const forms = await page.evaluate(readForms, { body: p.body });
          if (forms) {
            mkdirSync(join(OUT, p.id), { recursive: true });
            for (const [form, text] of Object.entries(forms)) {
              writeFileSync(join(OUT, p.id, `blocks${form ? `-${form}` : ''}.txt`), text);
            }
            written += 1;
          }
        } catch (e) {
          console.log(`headings: ${p.id.slice(0, 10)} not read: ${String(e.message).split('\n')[0]}`);
        }
        await context.close();
      }
    }),
  );
} finally {
  await browser.close();
}
console.log(`headings: ${written} of ${pages.length} pages have article headings; blocks in ${OUT}`);
