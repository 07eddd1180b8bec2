// The one-tag embed on real saved pages, measured: for each page, whether it mounts,
// the root's word recall and precision against the article text a person marked,
// whether every word is kept, whether destroy() restores the document, and the layout
// shift after the mount (tests/realpages/check.mjs). Prints the figures by failure
// kind and writes test-results/realpages.json.
//
//   node scripts/realpages-report.mjs                 the project's pages (tests/fixtures/realpages/: a sample and own/)
//   node scripts/realpages-report.mjs --shared        all of ../shared/realpages/ (says so when it is not there)
//   node scripts/realpages-report.mjs --dir D         another folder laid out the same way
//   --viewport phone|desktop (default phone), --only ID, --jobs N (default 3)
//
// Run after `make package`. Measures; fails only when the pages cannot be read.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, onlyLoopback } from './browser.mjs';
import { serve } from '../tests/package/server.mjs';
import { REPO } from '../tests/e2e/support.mjs';
import { checkPage, contextFor, failures, loadPages, withTag } from '../tests/realpages/check.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
let dir = opt('--dir', join(REPO, 'tests/fixtures/realpages'));
if (args.includes('--shared')) {
  dir = join(REPO, '../shared/realpages');
  if (!existsSync(dir)) {
    console.log(`realpages: ${dir} is not there; nothing measured`);
    process.exit(0);
  }
}
const viewport = opt('--viewport', 'phone');
const jobs = Number(opt('--jobs', 3));
const only = opt('--only', null);

const pages = loadPages(dir).filter((p) => !only || p.id.startsWith(only));
const server = await serve({
  mounts: [
    ['/article-widget/', join(REPO, 'pkg')],
    ['/comments/', join(REPO, 'tests/fixtures/realpages/own/comments')],
  ],
  pages: Object.fromEntries(pages.map((p) => [`/p/${p.id}.html`, () => withTag(p.html(), '/article-widget/embed.js', p.saved)])),
});
const browser = await launchChromium();
const results = [];
try {
  const queue = [...pages];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const context = await browser.newContext(contextFor(viewport));
        const blocked = await onlyLoopback(context);
        let r;
        try {
          r = await checkPage(context, `${server.url}/p/${p.id}.html`, p.body);
        } catch (e) {
          r = { mounted: false, code: `harness: ${String(e.message).split('\n')[0]}` };
        }
        await context.close();
        r.id = p.id;
        r.blocked = blocked.filter((u) => !/^data:/.test(u)).length;
        r.failures = failures(r);
        results.push(r);
        const f = r.mounted ? `r ${r.recall.toFixed(2)} p ${r.precision.toFixed(2)} cls ${r.shift.toFixed(4)} ${r.root}` : r.code;
        console.log(`${r.failures.length ? 'FAIL' : 'ok  '} ${p.id.slice(0, 10)} ${f}${r.failures.length ? `  [${r.failures.join(', ')}]` : ''}`);
      }
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

const kinds = new Map();
for (const r of results) for (const f of r.failures) kinds.set(f, (kinds.get(f) ?? 0) + 1);
const ok = results.filter((r) => r.failures.length === 0).length;
const mounted = results.filter((r) => r.mounted);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
console.log(`\n${dir}: ${results.length} pages, ${ok} pass every check; mounted ${mounted.length}`);
console.log(`root recall mean ${mean(mounted.map((r) => r.recall)).toFixed(3)}, precision mean ${mean(mounted.map((r) => r.precision)).toFixed(3)}`);
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${k}`);
mkdirSync(join(REPO, 'test-results'), { recursive: true });
writeFileSync(join(REPO, 'test-results/realpages.json'), JSON.stringify(results, null, 1));
