// Where mount() spends its time: a CPU profile (Chrome DevTools Protocol, Profiler
// domain) of repeated mount() + destroy() on one page, summed by function (self
// time), the top functions printed and the profile written for DevTools.
//
//   node bench/profile.mjs [PAGE] [--times N] [--options JSON]
//
// PAGE is a corpus page name, or `seed`, `seed-xN` (the seed repeated N times) or
// `seed-xN-h2` (the same with its sub-headings made <h2>); by default the corpus
// page with the slowest median mount() in test-results/bench.json. Run after
// `make package` (and a `make bench` for the default page). --options adds to the
// mount's options (`--options '{"quotes":false}'`: the sections alone, the floor's job).
//
// pkg/ has no function names (wasm-opt drops them), so this builds a copy of the module
// that keeps them: wasm-bindgen and wasm-opt with pkg's flags plus -g, from the same
// release build (target/wasm32-unknown-unknown/release/article_widget.wasm), in a
// temporary folder; the browser gets it in place of /pkg/'s. Without that build the
// profile names WebAssembly functions by number.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, onlyLoopback } from '../scripts/browser.mjs';
import { start } from '../scripts/serve.mjs';
import { ROOT, SEED_ROOT, corpusPages, routeBenchPages } from './pages.mjs';
import { inlineSnippets } from '../scripts/inline-snippets.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    times: { type: 'string', default: '20' },
    top: { type: 'string', default: '20' },
    options: { type: 'string', default: '{}' },
  },
});
const TIMES = Number(args.times);
const TOP = Number(args.top);
const OPTIONS = JSON.parse(args.options);
const SHOWN = JSON.stringify({ comments: false, ...OPTIONS });

function defaultPage() {
  try {
    const r = JSON.parse(readFileSync(resolve(ROOT, 'test-results/bench.json'), 'utf8'));
    const corpus = r.pages.filter((p) => p.kind === 'corpus' && !p.error);
    corpus.sort((a, b) => b.stats.mount.median - a.stats.mount.median);
    if (corpus.length) return corpus[0].name;
  } catch {
    // no benchmark yet
  }
  return 'seed';
}

function target(name, origin) {
  const seed = /^seed(?:-x(\d+))?(-h2)?$/.exec(name);
  if (seed) return { url: `${origin}bench/seed.html`, selector: SEED_ROOT, repeat: Number(seed[1] ?? 1), realHeadings: !!seed[2] };
  const page = corpusPages().find((p) => p.name === name);
  if (!page) throw new Error(`no page ${name} (a corpus page, or seed, seed-x10, seed-x100, seed-x100-h2, ...)`);
  return { url: `${origin}bench/corpus/${name}.html`, selector: page.selector, repeat: 1 };
}

// The package's module with its names kept, or null.
function namedBuild() {
  const input = resolve(process.env.CARGO_TARGET_DIR || resolve(ROOT, 'target'), 'wasm32-unknown-unknown/release/article_widget.wasm');
  const shipped = resolve(ROOT, 'pkg/article_widget_bg.wasm');
  if (!existsSync(input)) return null;
  if (statSync(input).mtimeMs > statSync(shipped).mtimeMs + 1000) {
    console.error('profile: the release build is newer than pkg/; names come from the newer build');
  }
  const dir = mkdtempSync(join(tmpdir(), 'aw-profile-'));
  const cargoBin = join(process.env.CARGO_HOME || join(process.env.HOME, '.cargo'), 'bin');
  const env = { ...process.env, PATH: `${cargoBin}:${process.env.PATH}` };
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', dir, input], { env, stdio: 'pipe' });
    const wasm = join(dir, 'article_widget_bg.wasm');
    execFileSync(resolve(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', '--low-memory-unused', '--converge', '-g',
      '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      '--strip-producers', '-o', `${wasm}.opt`, wasm], { env, stdio: 'pipe' });
    inlineSnippets(dir);
    return {
      dir,
      js: readFileSync(join(dir, 'article_widget.js')),
      wasm: readFileSync(`${wasm}.opt`),
    };
  } catch (err) {
    console.error(`profile: no named build (${err.message.split('\n')[0]}); WebAssembly functions are numbered`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

// Self time by function, and by kind. Native functions (the DOM API) are put with
// whoever called them: the widget, or the bench harness between runs (its layout
// flush, outside the timed mount).
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const path = (f) => f.url.replace(/^https?:\/\/[^/]+/, '');
  const codeKind = (where) => (where.endsWith('.wasm') || where.startsWith('wasm://') ? 'WebAssembly (the widget)'
    : where.endsWith('/article_widget.js') ? 'JS glue (article_widget.js)'
      : where.startsWith('/bench/') ? 'bench harness' : 'other JS');
  const fns = new Map();
  const kinds = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame: f } = byId.get(id);
    const name = f.functionName || '(anonymous)';
    const where = path(f);
    let kind;
    if (name === '(idle)') kind = 'idle';
    else if (name === '(program)') kind = 'browser (program: style, layout, DOM work outside JS)';
    else if (name === '(garbage collector)') kind = 'garbage collector';
    else if (where) kind = codeKind(where);
    else {
      let up = parent.get(id);
      while (up !== undefined && !byId.get(up).callFrame.url) up = parent.get(up);
      const caller = up === undefined ? 'other JS' : codeKind(path(byId.get(up).callFrame));
      kind = caller === 'bench harness' ? 'DOM API from the bench harness (layout flush between runs)'
        : caller === 'other JS' ? 'DOM API (other)' : 'DOM API called by the widget';
    }
    const key = `${name}\t${where || (kind.startsWith('DOM API') ? kind.replace('DOM API ', '') : '')}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
    if (kind !== 'idle') total += ms;
  }
  return { fns, kinds, total, inclusive: inclusiveTimes(profile, byId, parent) };
}

// Inclusive time of the calls into the package (mount, destroy) and of the widget's
// Rust modules (article_widget::web::read, ...::core::quotes::speakers, ...): a sample
// counts once for each of them on its stack.
function inclusiveTimes(profile, byId, parent) {
  const entry = new Set(['mount', 'destroy', 'analyze']);
  const out = new Map();
  const stackKeys = new Map();
  const keysOf = (id) => {
    if (stackKeys.has(id)) return stackKeys.get(id);
    const keys = new Set();
    for (let up = id; up !== undefined; up = parent.get(up)) {
      const f = byId.get(up).callFrame;
      if (f.url.endsWith('/article_widget.js') && entry.has(f.functionName)) keys.add(`${f.functionName}()`);
      const m = /^(?:<)?(article_widget::[a-z_:]+?)::(?:[A-Z<{]|h[0-9a-f]{16})/.exec(f.functionName);
      if (m) {
        const parts = m[1].split('::');
        for (let n = 3; n <= parts.length; n++) keys.add(parts.slice(0, n).join('::'));
      }
    }
    stackKeys.set(id, keys);
    return keys;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    for (const k of keysOf(profile.samples[i])) out.set(k, (out.get(k) ?? 0) + ms);
  }
  return out;
}

async function main() {
  const name = positionals[0] ?? defaultPage();
  const named = namedBuild();
  const server = await start({ port: 0, commentsPort: 0 });
  const browser = await launchChromium();
  try {
    const demoHtml = await (await fetch(server.url)).text();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await onlyLoopback(context);
    await routeBenchPages(context, server.url, demoHtml);
    if (named) {
      await context.route(`${server.url}pkg/article_widget.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: named.js }));
      await context.route(`${server.url}pkg/article_widget_bg.wasm`, (r) => r.fulfill({ contentType: 'application/wasm', body: named.wasm }));
    }
    const page = await context.newPage();
    const t = target(name, server.url);
    await page.goto(t.url, { waitUntil: 'load' });
    const harness = `${server.url}bench/harness.js`;
    const run = (times) => page.evaluate(async ({ harness, selector, times, repeat, realHeadings, options }) => {
      const h = await import(harness);
      return h.repeatMount({ selector, times, repeat, realHeadings, options });
    }, { harness, selector: t.selector, times, repeat: t.repeat, realHeadings: t.realHeadings, options: OPTIONS });
    await run(3); // warm up (and repeat the seed, once)
    t.repeat = 1;
    t.realHeadings = false;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const wall = await run(TIMES);
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();

    mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
    const file = `test-results/profile-${name}.cpuprofile`;
    writeFileSync(resolve(ROOT, file), JSON.stringify(profile));

    const { fns, kinds, total, inclusive } = selfTimes(profile);
    console.log(`CPU profile of ${TIMES} × mount(root, ${SHOWN}) + destroy() on ${name} (${(wall / TIMES).toFixed(2)} ms per mount + destroy + settle)`);
    console.log(`${named ? 'module with names (wasm-opt -Oz -g)' : 'pkg/ module (no names)'}; self time, sampled every 50 µs; written ${file}`);
    console.log('');
    console.log(`${'by kind'.padEnd(60)}       ms       %`);
    for (const [k, ms] of [...kinds].sort((a, b) => b[1] - a[1])) {
      if (k === 'idle') continue;
      console.log(`${k.padEnd(60)}${ms.toFixed(1).padStart(9)}${((ms / total) * 100).toFixed(1).padStart(8)}`);
    }
    console.log('');
    console.log(`${'inclusive: calls into the package, and the Rust modules'.padEnd(60)}       ms  per call`);
    for (const [k, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
      console.log(`${k.padEnd(60)}${ms.toFixed(1).padStart(9)}${(ms / TIMES).toFixed(2).padStart(10)}`);
    }
    console.log('');
    console.log(`${`top ${TOP} functions by self time`.padEnd(60)}       ms       %  where`);
    const top = [...fns].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    for (const [key, ms] of top) {
      const [fn, where] = key.split('\t');
      const short = fn.length > 60 ? `${fn.slice(0, 57)}...` : fn;
      console.log(`${short.padEnd(60)}${ms.toFixed(1).padStart(9)}${((ms / total) * 100).toFixed(1).padStart(8)}  ${where}`);
    }
  } finally {
    await browser.close();
    await server.close();
    if (named) rmSync(named.dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`profile: ${err.stack ?? err}`);
  process.exit(1);
});
