// The one-tag embed's tasks, cold, as a phone runs them: each step of the mount
// (read, sections, quotes, the widget's own elements, apply) on /one-tag.html in a
// fresh browser under CPU throttling, from a Chrome trace: each step's task (wall and
// main-thread time), the WebAssembly it compiled on first call (V8 compiles a
// function when it is first called, on the main thread: bytes of function bodies),
// and every long task (50 ms or more) from the embed's start on, with the steps in it,
// and the longest task before the widget mounted (steps or not: rehearse.js's too).
// The bytes compiled per step repeat from run to run; times spread with the machine.
//
//   node bench/tasks.mjs [--runs N] [--cpu RATE] [--no-warm-up]   (make bench-tasks; after make package)
//
// The embed is served from js/embed.js with a performance mark at its start; the steps
// are marked by mountAfterPaint (js/index.js) itself.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/browser.mjs';
import { start } from '../scripts/serve.mjs';
import { ROOT } from './pages.mjs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, cpu: { type: 'string', default: '4' }, 'no-warm-up': { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
// --no-warm-up: the same start-up with warmUp's two parts taken away (no Worker for its
// worker, no createHTMLDocument for its rehearsal: both give up at once), to show what
// they buy.
const NO_WARM_UP = args['no-warm-up'];
const CPU = Number(args.cpu);
const STEPS = ['read', 'sections', 'quotes', 'build', 'apply'];

/** js/embed.js with a mark at its start (after its wait for the page's first paint);
 * the steps are marked by mountAfterPaint itself (article-widget:read, :plan, :apply,
 * each ended by :done, and :mounted). */
function instrumentedEmbed() {
  const s = readFileSync(resolve(ROOT, 'js/embed.js'), 'utf8');
  const from = 'await afterFirstPaint();';
  if (!s.includes(from)) throw new Error(`bench/tasks.mjs: js/embed.js has no "${from}" any more: update the mark`);
  return s.replace(from, `${from} performance.mark('article-widget:embed');`);
}

/** Body sizes of the module's functions, by function index (imports first). */
function functionSizes(buf) {
  let p = 8;
  let imported = 0;
  const sizes = new Map();
  const u = () => {
    let r = 0;
    let shift = 0;
    let b;
    do {
      b = buf[p++];
      r |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return r >>> 0;
  };
  const skipName = () => {
    const n = u(); // (not p += u(): that reads p before u() moves it)
    p += n;
  };
  while (p < buf.length) {
    const id = buf[p++];
    const len = u();
    const end = p + len;
    if (id === 2) {
      for (let n = u(); n > 0; n--) {
        skipName();
        skipName();
        const kind = buf[p++];
        if (kind === 0) (u(), imported++);
        else if (kind === 1) (p++, buf[p++] & 1 ? (u(), u()) : u());
        else if (kind === 2) (buf[p++] & 1 ? (u(), u()) : u());
        else if (kind === 3) p += 2;
        else if (kind === 4) (p++, u());
      }
    } else if (id === 10) {
      for (let n = u(), i = 0; i < n; i++) {
        const size = u();
        sizes.set(imported + i, size);
        p += size;
      }
    }
    p = end;
  }
  return sizes;
}

async function run(browser, server, embed, sizes) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  if (NO_WARM_UP) {
    await page.addInitScript(() => {
      delete window.Worker;
      DOMImplementation.prototype.createHTMLDocument = () => {
        throw new Error('no rehearsal');
      };
    });
  }
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.abort();
    if (url.pathname === '/pkg/embed.js') return route.fulfill({ contentType: 'text/javascript', body: embed });
    return route.continue();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await page.goto(new URL('/one-tag.html', server.url).href);
  await page.waitForFunction(() => performance.getEntriesByName('article-widget:mounted').length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  await page.close();

  const marks = trace.filter((e) => e.cat?.includes('blink.user_timing') && e.name?.startsWith('article-widget:')).sort((a, b) => a.ts - b.ts);
  const main = marks[0]?.tid;
  const tasks = trace.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === main);
  const lazy = trace.filter((e) => e.name === 'wasm.CompileLazy' && e.tid === main);
  const steps = [];
  const begins = marks.filter((m) => ['article-widget:read', 'article-widget:plan', 'article-widget:apply'].includes(m.name));
  begins.forEach((m, i) => {
    const endMark = marks.find((e) => e.name === 'article-widget:done' && e.ts >= m.ts);
    const task = tasks.find((t) => t.ts <= m.ts && t.ts + t.dur >= endMark.ts);
    const compiled = lazy.filter((e) => e.ts >= m.ts && e.ts <= endMark.ts);
    // Time of the step's own trace events by kind (complete events on the main thread
    // between the marks): what the cold step spends compiling its WebAssembly and its
    // JavaScript on first call.
    const within = (names) =>
      trace
        .filter((e) => e.ph === 'X' && e.tid === main && names.includes(e.name) && e.ts >= m.ts && e.ts <= endMark.ts)
        .reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
    steps.push({
      compileMs: within(['wasm.CompileLazy']),
      jsCompileMs: within(['V8.CompileCode', 'V8.ParseFunction']),
      // Style and layout the step forces (reading geometry or computed styles).
      layoutMs: within(['UpdateLayoutTree', 'Layout']),
      step: STEPS[i] ?? `step ${i + 1}`,
      wall: (task?.dur ?? 0) / 1000,
      thread: (task?.tdur ?? 0) / 1000,
      compiledBytes: compiled.reduce((a, e) => a + (sizes.get(e.args?.func_index) ?? 0), 0),
    });
  });
  const startTs = marks.find((m) => m.name === 'article-widget:embed')?.ts ?? 0;
  const long = tasks
    .filter((t) => t.ts >= startTs - 1000 && t.dur >= 50_000)
    .map((t) => ({
      ms: t.dur / 1000,
      steps: begins.filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur).map((m) => STEPS[begins.indexOf(m)]),
    }));
  // The longest task from the embed's start to the mount's end, whatever it runs (the
  // rehearsal of rehearse.js, the glue's start, a step).
  const mountedTs = marks.find((m) => m.name === 'article-widget:mounted')?.ts ?? Infinity;
  const longest = Math.max(0, ...tasks.filter((t) => t.ts >= startTs && t.ts <= mountedTs).map((t) => t.dur / 1000));
  return { steps, long, longest, toMounted: (mountedTs - startTs) / 1000 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

async function main() {
  const sizes = functionSizes(readFileSync(resolve(ROOT, 'pkg/article_widget_bg.wasm')));
  const embed = instrumentedEmbed();
  const server = await start({ port: 0, commentsPort: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, server, embed, sizes));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`The one-tag embed's steps, cold, CPU ${CPU}x slower, ${RUNS} run(s)${NO_WARM_UP ? ', without warmUp' : ''}: median (min-max)`);
  console.log('step       task ms              main thread ms       wasm compiled on first call   of it, compiling: wasm, JS ms; style+layout ms');
  const names = runs[0].steps.map((s) => s.step);
  names.forEach((name, i) => {
    const col = (k) => {
      const xs = runs.map((r) => r.steps[i]?.[k] ?? NaN);
      return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`;
    };
    const bytes = median(runs.map((r) => r.steps[i]?.compiledBytes ?? 0));
    const ms = (k) => median(runs.map((r) => r.steps[i]?.[k] ?? NaN)).toFixed(1);
    console.log(
      `${name.padEnd(10)} ${col('wall').padEnd(20)} ${col('thread').padEnd(20)} ${`${bytes.toLocaleString('en')} bytes`.padEnd(29)} ${ms('compileMs')}, ${ms('jsCompileMs')}; ${ms('layoutMs')}`,
    );
  });
  const long = runs.map((r) => r.long.filter((t) => t.steps.length).length);
  const blocking = runs.map((r) => r.long.filter((t) => t.steps.length).reduce((a, t) => a + t.ms - 50, 0));
  console.log(`tasks of 50 ms or more holding a step: median ${median(long)} a run; their time over 50 ms: median ${median(blocking).toFixed(0)} ms`);
  const all = runs.map((r) => r.long.length);
  const allBlocking = runs.map((r) => r.long.reduce((a, t) => a + t.ms - 50, 0));
  const longest = runs.map((r) => r.longest);
  console.log(
    `every task of 50 ms or more from the embed's start on (the rehearsal's too): median ${median(all)} a run, ${median(allBlocking).toFixed(0)} ms over 50; ` +
      `the longest task before the widget mounted: median ${median(longest).toFixed(1)} ms (${Math.min(...longest).toFixed(1)}-${Math.max(...longest).toFixed(1)})`,
  );
  const toMounted = runs.map((r) => r.toMounted);
  console.log(
    `from the embed's start (after the page's first paint) to mounted: median ${median(toMounted).toFixed(0)} ms (${Math.min(...toMounted).toFixed(0)}-${Math.max(...toMounted).toFixed(0)})`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
