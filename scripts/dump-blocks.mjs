// Dumps the blocks of each corpus page as the browser reader sees them, so that
// `cargo test` checks the sections (and quotes) of all 24 pages natively
// (tests/corpus.rs), as Readability checks its corpus. Three files a page, under
// tests/fixtures/corpus/NAME/:
//   blocks.txt        the page as it is;
//   blocks-bold.txt   its own h2 to h4 headings turned into <p><b>...</b></p>;
//   blocks-plain.txt  the same headings turned into plain <p>...</p>.
// In all three the page's own headings carry their level in the last column (the
// gold of the demoted-heading measure). Headings inside quotations, tables, asides,
// figures, code, navigation, forms and details are not the article's outline and are
// left as they are.
//
// Usage: node scripts/dump-blocks.mjs [NAME...]   (builds a debug wasm with the
// reader's dump export into target/dump-pkg/ first; releases do not ship it).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, onlyLoopback } from './browser.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = `${REPO}tests/fixtures/corpus/`;
const OUT = `${REPO}target/dump-pkg/`;
const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readFileSync(`${CORPUS}pages.txt`, 'utf8').split('\n').filter(Boolean);
const roots = JSON.parse(readFileSync(`${CORPUS}roots.json`, 'utf8'));

function stripScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

const env = { ...process.env, CARGO_BUILD_JOBS: process.env.CARGO_BUILD_JOBS || '1' };
execFileSync('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--lib'], { cwd: REPO, stdio: 'inherit', env });
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', OUT, `${REPO}target/wasm32-unknown-unknown/debug/article_widget.wasm`], {
  cwd: REPO,
  stdio: 'inherit',
  env,
});

const browser = await launchChromium();
try {
  for (const name of pages) {
    for (const variant of ['', 'bold', 'plain']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await onlyLoopback(context);
      await context.route('http://127.0.0.1:9/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/page.html') {
          return route.fulfill({ contentType: 'text/html', body: stripScripts(readFileSync(`${CORPUS}${name}/source.html`, 'utf8')) });
        }
        if (path.startsWith('/dump/')) return route.fulfill({ path: `${OUT}${path.slice('/dump/'.length)}` });
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto('http://127.0.0.1:9/page.html', { waitUntil: 'domcontentloaded' });
      const text = await page.evaluate(
        async ({ selector, variant }) => {
          const m = await import('/dump/article_widget.js');
          await m.default();
          const root = document.querySelector(selector);
          const own = [...root.querySelectorAll('h2, h3, h4')]
            .filter((h) => {
              // Only containers inside the article count (lwn-1's article sits in a
              // layout table).
              const c = h.closest('blockquote, table, aside, figure, pre, nav, form, details');
              return !(c && root.contains(c));
            })
            .filter((h) => h.textContent.trim());
          for (const h of own) {
            const level = h.localName.slice(1);
            if (!variant) {
              h.setAttribute('data-gold', level);
              continue;
            }
            const p = document.createElement('p');
            p.setAttribute('data-gold', level);
            let into = p;
            if (variant === 'bold') {
              into = document.createElement('b');
              p.append(into);
            }
            into.append(...h.childNodes);
            h.replaceWith(p);
          }
          return m.__readBlocks(root);
        },
        { selector: roots[name], variant },
      );
      const file = `${CORPUS}${name}/blocks${variant ? `-${variant}` : ''}.txt`;
      writeFileSync(file, text);
      await context.close();
    }
    console.log(`dumped ${name}`);
  }
} finally {
  await browser.close();
}
