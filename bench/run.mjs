// The benchmark of article-widget (a benchmark: it measures and reports, it asserts
// no times). Run after `make package`:
//
//   node bench/run.mjs            full run (make bench): test-results/bench.json
//   node bench/run.mjs --quick    one run on a few pages (make bench-check):
//                                 test-results/bench-check.json; fails only when the
//                                 benchmark itself cannot run or the floor and the
//                                 widget disagree on the seed's sections
//
// Options: --runs N, --warmup N, --startup-runs N, --lighthouse-runs N (0: none; 3 in
// the full run, none in the quick one), --pages a,b,c (corpus pages),
// --out FILE. Headless Chromium (scripts/browser.mjs), pages on 127.0.0.1 only: every
// other request fails (and is counted).
//
// What it measures, each over several runs after a warm-up (median, min, max):
//   - shipped size of pkg/ (bench/size.mjs);
//   - start-up of the demo page with a cold cache (a new browser context per run, its
//     requests not intercepted: the page from the server, other hosts failed by the browser):
//     module import start -> init() done -> widget mounted; the longest task during
//     mount (Long Tasks API, which reports tasks of 50 ms and more) and the cumulative
//     layout shift over load + 1 s;
//   - mount() and analyze() on the seed article, on every corpus page (scripts
//     stripped; { comments: false }; destroy() between runs) and on the seed repeated 10
//     and 100 times (as it is, and with its sub-headings made <h2>); mount() without quotes; and the plain-JavaScript floor
//     (bench/floor.js) on the same pages in the same runs;
//   - Lighthouse mobile on the demo and the one-tag page, each with and without the
//     widget (bench/lighthouse.mjs).

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOOPBACK_ONLY_ARG, launchChromium, onlyLoopback, watchOffLoopback } from '../scripts/browser.mjs';
import { start } from '../scripts/serve.mjs';
import { ROOT, SEED_ROOT, STARTUP_PATH, corpusPages, routeBenchPages, serverPages } from './pages.mjs';
import { shippedSizes, sizeTable } from './size.mjs';
import { lighthouse, table as lighthouseTable } from './lighthouse.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    'startup-runs': { type: 'string' },
    pages: { type: 'string' },
    out: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
  },
});
const QUICK = args.quick;
const RUNS = Number(args.runs ?? (QUICK ? 1 : 11));
const WARMUP = Number(args.warmup ?? (QUICK ? 1 : 3));
const STARTUP_RUNS = Number(args['startup-runs'] ?? (QUICK ? 1 : 9));
const QUICK_PAGES = ['blogger', 'v8-blog'];
const OUT = resolve(ROOT, args.out ?? (QUICK ? 'test-results/bench-check.json' : 'test-results/bench.json'));
const VIEWPORT = { width: 1280, height: 720 };
const WAIT = 60_000;

// ---------------------------------------------------------------- statistics

function stats(xs) {
  if (!xs || xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

const fmt = (v, digits) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (digits !== undefined) return v.toFixed(digits);
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
};
const triple = (s, digits) => (s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '–');

function table(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (align[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- start-up

async function startupRun(browser, server, blocked) {
  // No request interception here: the page and the package come from the server as
  // they would from a CDN, and the browser fails any other host (LOOPBACK_ONLY_ARG).
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    watchOffLoopback(context, blocked);
    const page = await context.newPage();
    await page.goto(new URL(STARTUP_PATH, server.url).href, { waitUntil: 'load', timeout: WAIT });
    await page.waitForFunction(() => document.documentElement.dataset.articleWidget, null, { timeout: WAIT });
    // Measured over load + 1 s.
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const state = document.documentElement.dataset.articleWidget;
      if (state !== 'mounted') return { error: window.benchError ?? document.getElementById('widget-error')?.textContent ?? state };
      const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      const resource = (suffix) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix));
      const nav = performance.getEntriesByType('navigation')[0];
      const js = resource('/pkg/article_widget.js');
      const wasm = resource('/pkg/article_widget_bg.wasm');
      const importStart = js.startTime;
      // mountAfterPaint's own marks (js/index.js).
      const initDone = mark('article-widget:loaded');
      const mountStart = mark('article-widget:read');
      const mounted = mark('article-widget:mounted');
      const loadEnd = nav.loadEventEnd;
      const windowEnd = loadEnd + 1000;
      const { longtasks, shifts, longtaskError, shiftError } = window.benchEntries;
      const overlapping = longtasks.filter((t) => t.start < mounted && t.start + t.duration > importStart);
      const cls = shifts
        .filter((s) => !s.hadRecentInput && s.start <= windowEnd)
        .reduce((sum, s) => sum + s.value, 0);
      return {
        importStart,
        toInit: initDone - importStart,
        toMounted: mounted - importStart,
        init: initDone - mark('article-widget:start'),
        mount: mounted - mountStart,
        jsFetch: js.responseEnd - js.startTime,
        wasmFetch: wasm ? wasm.responseEnd - wasm.startTime : null,
        load: loadEnd,
        longestTaskDuringMount: Math.max(0, ...overlapping.map((t) => t.duration)),
        longestTask: Math.max(0, ...longtasks.map((t) => t.duration)),
        longTasks: longtasks.length,
        cls,
        shifts: shifts.length,
        shiftSources: shifts
          .filter((s) => !s.hadRecentInput && s.start <= windowEnd)
          .map((s) => `${s.value.toFixed(4)} at ${Math.round(s.start)} ms${s.mounted ? ' (mounted)' : ''}: ${s.sources.join('; ')}`),
        observerErrors: [longtaskError, shiftError].filter(Boolean),
      };
    });
  } finally {
    await context.close();
  }
}

async function startup(browser, server, blocked) {
  const runs = [];
  for (let i = 0; i < 1 + STARTUP_RUNS; i++) {
    const r = await startupRun(browser, server, blocked);
    if (r.error) throw new Error(`the demo page did not mount: ${r.error}`);
    if (i > 0 || QUICK) runs.push(r); // the first run warms the browser up (kept in quick mode)
    if (QUICK) break;
  }
  const keys = ['importStart', 'toInit', 'toMounted', 'init', 'mount', 'jsFetch', 'wasmFetch', 'longestTaskDuringMount', 'longestTask', 'cls'];
  const out = { runs: runs.length, observerErrors: [...new Set(runs.flatMap((r) => r.observerErrors))] };
  for (const k of keys) out[k] = stats(runs.map((r) => r[k]).filter((v) => v !== null));
  out.raw = runs;
  return out;
}

// ---------------------------------------------------------------- mount and analyze

async function measurePage(page, server, { url, selector, repeat = 1, realHeadings = false, runs = RUNS, warmup = WARMUP, warmUp = false }) {
  await page.goto(url, { waitUntil: 'load', timeout: WAIT });
  const harness = `${server.url}bench/harness.js`;
  return page.evaluate(
    async ({ harness, selector, runs, warmup, repeat, realHeadings, warmUp }) => {
      const h = await import(harness);
      return h.measure({ selector, runs, warmup, repeat, realHeadings, warmUp });
    },
    { harness, selector, runs, warmup, repeat, realHeadings, warmUp },
  );
}

function summarize(r) {
  if (r.error) return r;
  const s = {};
  for (const [k, xs] of Object.entries(r.times)) s[k] = stats(xs);
  const perK = (x) => (x && r.words ? (x.median / r.words) * 1000 : null);
  return {
    ...r,
    stats: s,
    ratio: s.mount && s.floor ? s.mount.median / s.floor.median : null,
    ratioPlain: s.plain && s.floor ? s.plain.median / s.floor.median : null,
    mountPer1kWords: perK(s.mount),
    floorPer1kWords: perK(s.floor),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  const result = {
    date: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    runs: RUNS,
    warmup: WARMUP,
    startupRuns: STARTUP_RUNS,
    cpus: cpus().length,
    loadBefore: loadavg()[0],
  };
  result.size = shippedSizes();

  let demoHtml = '';
  const server = await start({ port: 0, commentsPort: 0, pages: serverPages(() => demoHtml) });
  const browser = await launchChromium([LOOPBACK_ONLY_ARG]);
  const blocked = [];
  try {
    result.browser = browser.version();
    demoHtml = await (await fetch(server.url)).text();
    // The server compresses each file once, on its first request (brotli at quality 11
    // takes about a second for the .wasm): done here, as a CDN has it done, not in a run.
    for (const f of ['article_widget_bg.wasm', 'article_widget.js', 'article-widget.css', 'index.js', 'after-paint.js', 'rehearse.js']) {
      await (await fetch(new URL(`pkg/${f}`, server.url), { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
    }

    result.startup = await startup(browser, server, blocked);

    const context = await browser.newContext({ viewport: VIEWPORT });
    await onlyLoopback(context, blocked);
    await routeBenchPages(context, server.url, demoHtml);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    let corpus = corpusPages();
    if (args.pages) {
      const want = new Set(args.pages.split(','));
      corpus = corpus.filter((p) => want.has(p.name));
    } else if (QUICK) {
      corpus = corpus.filter((p) => QUICK_PAGES.includes(p.name));
    }
    const seedUrl = `${server.url}bench/seed.html`;
    // The 70,000-word copies take a second a run (layout included): fewer runs.
    const synthetic = (repeat, realHeadings) => ({
      name: `seed ×${repeat}${realHeadings ? ', h2' : ''}`, kind: 'synthetic', url: seedUrl, selector: SEED_ROOT, repeat, realHeadings,
      ...(repeat >= 100 ? { runs: Math.min(RUNS, Math.max(3, Math.ceil(RUNS / 2))), warmup: Math.min(WARMUP, 1) } : {}),
    });
    const targets = [
      { name: 'seed', kind: 'seed', url: seedUrl, selector: SEED_ROOT },
      // The same, its first mount after the entry's warmUp(), as the embed mounts.
      { name: 'seed, warmUp()', kind: 'seed-warmed', url: seedUrl, selector: SEED_ROOT, warmUp: true },
      synthetic(10, false),
      ...(QUICK ? [synthetic(10, true)] : [synthetic(100, false), synthetic(10, true), synthetic(100, true)]),
      ...corpus.map((p) => ({ name: p.name, kind: 'corpus', url: `${server.url}bench/corpus/${p.name}.html`, selector: p.selector, rootSource: p.rootSource })),
    ];
    result.pages = [];
    for (const t of targets) {
      const started = Date.now();
      let r;
      try {
        r = summarize(await measurePage(page, server, t));
      } catch (err) {
        r = { error: { code: 'bench-failed', message: err.message.split('\n')[0] } };
      }
      const { url: _url, ...target } = t;
      result.pages.push({ ...target, ...r, seconds: (Date.now() - started) / 1000 });
      process.stderr.write(`  ${t.name}: ${r.error ? `error ${r.error.code}` : `${fmt(r.stats.mount.median)} ms`} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    }
    result.pageErrors = pageErrors;
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  // Lighthouse mobile on the demo and the one-tag page, with and without the widget
  // (bench/lighthouse.mjs; about 15 s a run). Not in the quick run.
  const lhRuns = Number(args['lighthouse-runs'] ?? (QUICK ? 0 : 3));
  if (lhRuns > 0) result.lighthouse = await lighthouse({ runs: lhRuns, log: () => {} });
  result.blockedRequests = blocked.length;
  result.blockedHosts = [...new Set(blocked.map((u) => new URL(u).hostname))].sort();
  result.seconds = (Date.now() - t0) / 1000;
  result.loadAfter = loadavg()[0];

  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  report(result);
  return check(result);
}

function report(r) {
  const out = [];
  out.push(`article-widget benchmark (${r.mode}: ${r.runs} run(s) after ${r.warmup} warm-up; Chromium ${r.browser}; ${r.seconds.toFixed(0)} s)`);
  out.push(`machine: ${r.cpus} CPUs, load average ${r.loadBefore.toFixed(1)} before and ${r.loadAfter.toFixed(1)} after (other work on the machine shows as spread)`);
  out.push('');
  out.push('Shipped size (bytes)');
  out.push(sizeTable(r.size));
  out.push('');

  const s = r.startup;
  out.push(`Start-up on the demo page, cold cache (new browser context per run, ${s.runs} run(s)): median (min–max)`);
  out.push("  marks of mountAfterPaint, which the demo calls; import start: fetch start of /pkg/article_widget.js");
  out.push(table(['', 'ms'], [
    ['module import start (since navigation start)', triple(s.importStart)],
    ['import start -> init() done', triple(s.toInit)],
    ['import start -> widget mounted', triple(s.toMounted)],
    ['  of which init() (wasm fetch, compile, instantiate)', triple(s.init)],
    ['  of which the mount in its tasks (prepareMount() to mount(), turns between)', triple(s.mount)],
    ['  JS glue fetch / wasm fetch', `${triple(s.jsFetch)} / ${triple(s.wasmFetch)}`],
    ['longest task during mount (0: none of 50 ms or more)', triple(s.longestTaskDuringMount)],
    ['longest task over load + 1 s', triple(s.longestTask)],
    ['cumulative layout shift over load + 1 s (score)', triple(s.cls, 4)],
  ], ['l', 'r']));
  if (s.observerErrors.length) out.push(`  observer errors: ${s.observerErrors.join('; ')}`);
  const moved = (s.raw ?? []).flatMap((r) => r.shiftSources ?? []);
  if (moved.length) out.push(`  layout shifts seen: ${moved.join(' | ')}`);
  out.push('');

  const fewer = r.pages.filter((p) => p.times && p.times.mount.length !== r.runs);
  out.push(`mount() / analyze() / floor per page (ms, median (min–max) of ${r.runs} run(s)${fewer.length ? `, ${fewer.map((p) => `${p.name}: ${p.times.mount.length}`).join(', ')}` : ''}); sections: widget/floor`);
  out.push('  mount: mount(root, { comments: false }); no quotes: the same with quotes: false; floor: bench/floor.js;');
  out.push('  1st: the first (cold) mount() and floor on the freshly loaded page ("seed, warmUp()": the first mount after the entry\'s warmUp()); w/floor: mount / floor medians');
  const rows = r.pages.map((p) => {
    if (p.error) return [p.name, '–', '–', `${p.error.code}: ${p.error.message}`.slice(0, 60), '', '', '', '', '', '', ''];
    return [
      p.name + (p.rootSource === 'bench fallback' ? ' *' : ''),
      p.words.toLocaleString('en-US'),
      `${p.sections}/${p.floorSections}`,
      `${fmt(p.first.mount)} / ${fmt(p.first.floor)}`,
      triple(p.stats.mount),
      triple(p.stats.analyze),
      triple(p.stats.plain),
      triple(p.stats.floor),
      fmt(p.ratio, 1),
      fmt(p.mountPer1kWords),
      fmt(p.floorPer1kWords, 3),
    ];
  });
  out.push(table(['page', 'words', 'sect', '1st mount / floor', 'mount', 'analyze', 'mount, no quotes', 'floor', 'w/floor', 'mount/1k w', 'floor/1k w'], rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  const fallbacks = r.pages.filter((p) => p.rootSource === 'bench fallback');
  if (fallbacks.length) {
    out.push(`  * root not in roots.json; the bench's own: ${fallbacks.map((p) => `${p.name} ${p.selector}`).join(', ')}`);
  }
  const framed = r.pages.filter((p) => p.iframes);
  if (framed.length) {
    out.push(`  iframes inside the article root (wrapping a section moves them, and a moved iframe is reloaded): ${framed.map((p) => `${p.name} ${p.iframes}`).join(', ')}`);
  }
  const notRestored = r.pages.filter((p) => p.restored && (p.restored.widget === false || p.restored.floor === false));
  for (const p of notRestored) {
    out.push(`  ! ${p.name}: the page was not put back exactly by ${[p.restored.widget === false && 'destroy()', p.restored.floor === false && 'the floor'].filter(Boolean).join(' and ')}`);
  }
  const ok = r.pages.filter((p) => !p.error && p.ratio);
  if (ok.length) {
    const ratios = stats(ok.map((p) => p.ratio));
    const corpus = ok.filter((p) => p.kind === 'corpus');
    const sum = (k) => corpus.reduce((a, p) => a + p.stats[k].median, 0);
    out.push(`  widget/floor ratio over ${ok.length} pages: median ${fmt(ratios.median, 1)}, min ${fmt(ratios.min, 1)}, max ${fmt(ratios.max, 1)}`);
    if (corpus.length) {
      out.push(`  corpus (${corpus.length} pages) summed medians: mount ${fmt(sum('mount'))} ms, analyze ${fmt(sum('analyze'))} ms, no quotes ${fmt(sum('plain'))} ms, floor ${fmt(sum('floor'))} ms`);
    }
  }
  const seed = r.pages.find((p) => p.name === 'seed');
  if (seed && !seed.error) {
    out.push(`  seed sections: widget ${seed.sections} (${seed.collapsible} collapsible), floor ${seed.floorSections} (${seed.floorCollapsible} collapsible)`);
  }
  if (r.lighthouse) {
    out.push('');
    out.push(lighthouseTable(r.lighthouse));
  }
  out.push(`  requests blocked (not 127.0.0.1): ${r.blockedRequests}${r.pageErrors.length ? `; page errors: ${r.pageErrors.length}` : ''}`);
  out.push(`  written: ${OUT.slice(ROOT.length + 1)}`);
  console.log(out.join('\n'));
}

// Whether the benchmark worked (times are reported, never judged).
function check(r) {
  const problems = [];
  const seed = r.pages.find((p) => p.name === 'seed');
  if (!seed || seed.error) problems.push(`the seed article could not be measured: ${seed?.error?.message}`);
  else if (Math.abs(seed.sections - seed.floorSections) > 1) {
    problems.push(`on the seed the widget finds ${seed.sections} sections and the floor ${seed.floorSections}: the floor no longer does the same job`);
  }
  for (const p of r.pages) if (p.restored?.floor === false) problems.push(`the floor did not put ${p.name} back`);
  if (QUICK) for (const p of r.pages) if (p.error) problems.push(`${p.name}: ${p.error.code}: ${p.error.message}`);
  for (const p of problems) console.error(`bench: ${p}`);
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench: ${err.stack ?? err}`);
    process.exit(2);
  },
);
