// Lighthouse (the `lighthouse` npm package, 12.2.3: 13 needs Node 22) on the demo page
// and on the one-tag pages (/one-tag.html: the same post as a Blogger user publishes it
// with the README's tag at the end of the body and nothing in <head>; /one-tag-src.html:
// the same with the README's shorter <script src> tag), each with the widget and
// without it (the package's requests blocked), in the same run. Mobile, as Lighthouse's
// default simulates it (slow 4G, 4x slower CPU); the server sends files compressed, as
// a CDN does. Medians of RUNS runs of each; the runs of the six pages interleave, so
// that the machine's load falls on all alike.
//
//   node bench/lighthouse.mjs [--runs N] [--out FILE]
//
// Used by bench/run.mjs (make bench); prints a table and returns the figures.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { start } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../scripts/browser.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

export const PAGES = [
  { name: 'demo', path: '/' },
  { name: 'one tag', path: '/one-tag.html' },
  { name: 'src tag', path: '/one-tag-src.html' },
];

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  si: 'speed-index',
};

function run(url, widget, out) {
  const args = [
    CLI,
    url,
    '--quiet',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    // The page's own requests only (the demo's comment stand-in is on a second port).
    ...(widget ? [] : ['--blocked-url-patterns=*/pkg/*']),
  ];
  return new Promise((resolveRun, reject) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, timeout: 180_000 },
      (err, _stdout, stderr) => {
        if (err) return reject(new Error(`lighthouse failed on ${url}: ${stderr || err.message}`));
        const lhr = JSON.parse(readFileSync(out, 'utf8'));
        if (lhr.runtimeError) return reject(new Error(`lighthouse: ${lhr.runtimeError.message}`));
        const figures = {};
        for (const [k, id] of Object.entries(METRICS)) figures[k] = lhr.audits[id]?.numericValue ?? NaN;
        const items = lhr.audits['network-requests']?.details?.items ?? [];
        figures.bytes = items.reduce((a, r) => a + (r.transferSize || 0), 0);
        figures.widgetBytes = items
          .filter((r) => new URL(r.url).pathname.startsWith('/pkg/'))
          .reduce((a, r) => a + (r.transferSize || 0), 0);
        figures.score = lhr.categories.performance.score;
        resolveRun(figures);
      },
    );
  });
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs Lighthouse `runs` times on each page with and without the widget. */
export async function lighthouse({ runs = 3, log = console.log } = {}) {
  const server = await start({ port: 0, commentsPort: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'aw-lighthouse-'));
  const samples = {};
  try {
    for (let i = 0; i < runs; i++) {
      for (const page of PAGES) {
        for (const widget of [true, false]) {
          const key = `${page.name}|${widget}`;
          const out = join(dir, `${i}.json`);
          (samples[key] ??= []).push(await run(new URL(page.path, server.url).href, widget, out));
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
  const rows = [];
  for (const page of PAGES) {
    for (const widget of [true, false]) {
      const xs = samples[`${page.name}|${widget}`];
      const row = { page: page.name, widget, runs: xs.length };
      for (const k of [...Object.keys(METRICS), 'bytes', 'widgetBytes', 'score']) row[k] = median(xs.map((x) => x[k]));
      row.clsMax = Math.max(...xs.map((x) => x.cls));
      row.tbtMax = Math.max(...xs.map((x) => x.tbt));
      rows.push(row);
    }
  }
  log(table(rows));
  return rows;
}

export function table(rows) {
  const lines = [
    `Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU), compressed files; medians of ${rows[0]?.runs ?? 0} runs`,
    'page      widget   FCP ms   LCP ms   LCP vs without     CLS (max)     TBT ms (max)   transferred (widget)   score',
  ];
  for (const r of rows) {
    const base = rows.find((b) => b.page === r.page && !b.widget);
    const vs = r.widget && base ? `${(((r.lcp - base.lcp) / base.lcp) * 100).toFixed(1).padStart(6)} %` : '        ';
    lines.push(
      [
        r.page.padEnd(9),
        (r.widget ? 'with' : 'without').padEnd(7),
        r.fcp.toFixed(0).padStart(7),
        r.lcp.toFixed(0).padStart(8),
        vs.padStart(14),
        `${r.cls.toFixed(3)} (${r.clsMax.toFixed(3)})`.padStart(16),
        `${r.tbt.toFixed(0)} (${r.tbtMax.toFixed(0)})`.padStart(15),
        `${(r.bytes / 1000).toFixed(1)} KB (${(r.widgetBytes / 1000).toFixed(1)})`.padStart(22),
        r.score.toFixed(2).padStart(7),
      ].join('  '),
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  await lighthouse({ runs: Number(values.runs ?? 3) });
}
