// Tests of the npm package as its users get it (run after `make package`):
//
//   - pkg/ is packed with `npm pack` and the tarball installed into a fresh project
//     (cached in node_modules/.cache/article-widget-package/<tarball hash>/, so that a
//     warm run installs nothing);
//   - package.json, and the types against src/core/settings.rs (every option), the
//     README's error codes and tsc (a file that uses the API right passes, one that
//     misuses it fails on exactly the marked lines);
//   - a Vite 7 project built with `vite build` that imports the package (the API, and the
//     embed bundled), served on 127.0.0.1;
//   - a plain HTML page that imports the installed files;
//   - the one-tag embed in a Blogger-like page (tests/package/fixtures/blogger.html): the
//     options from data-* attributes, a tag pasted twice, a typo'd attribute.
// Pages load in headless Chromium with every request not to 127.0.0.1 aborted; each page
// must log no console error (but where one is the point) and nothing may be blocked.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import {
  copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { readmeTags } from '../../scripts/readme-tags.mjs';
import { serve } from './server.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const PKG = join(REPO, 'pkg');
const CACHE = join(REPO, 'node_modules/.cache/article-widget-package');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const VITE = join(REPO, 'node_modules/vite/bin/vite.js');
const WAIT = 20_000;

const BLOGGER = readFileSync(join(HERE, 'fixtures/blogger.html'), 'utf8');
// The seed article's sections (see tests/e2e/demo.test.mjs).
const SEED_SECTIONS = 5;

let work; // the cache folder of this tarball
let app; // the project the tarball is installed in
let installed; // app/node_modules/article-widget
let packed; // npm pack's report
let server; // the package files, the plain page and the Blogger-like pages
let viteServer; // the Vite build
let browser;

function run(cmd, args, opts = {}) {
  return new Promise((resolveRun) => {
    execFile(cmd, args, { maxBuffer: 16 << 20, timeout: 120_000, ...opts }, (error, stdout, stderr) => {
      resolveRun({ code: error ? (error.code ?? 1) : 0, stdout, stderr, error });
    });
  });
}

async function ok(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

// Packs pkg/ and installs the tarball into a fresh project, unless the cache holds this
// very tarball installed already.
async function packAndInstall() {
  if (!existsSync(join(PKG, 'package.json'))) throw new Error('pkg/ is not built: run `make package`');
  mkdirSync(CACHE, { recursive: true });
  const dest = join(CACHE, `pack-${process.pid}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest);
  try {
    const r = await ok('npm', ['pack', '--json', '--pack-destination', dest], { cwd: PKG });
    [packed] = JSON.parse(r.stdout);
    const tgz = join(dest, packed.filename);
    const hash = createHash('sha256').update(readFileSync(tgz)).digest('hex').slice(0, 16);
    work = join(CACHE, hash);
    app = join(work, 'app');
    installed = join(app, 'node_modules/article-widget');
    if (!existsSync(join(work, 'installed'))) {
      for (const old of readdirSync(CACHE)) {
        if (old !== `pack-${process.pid}`) rmSync(join(CACHE, old), { recursive: true, force: true });
      }
      mkdirSync(app, { recursive: true });
      copyFileSync(tgz, join(work, 'article-widget.tgz'));
      writeFileSync(join(app, 'package.json'), JSON.stringify({
        name: 'article-widget-consumer',
        private: true,
        type: 'module',
        dependencies: { 'article-widget': 'file:../article-widget.tgz' },
      }, null, 2));
      await ok('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app });
      writeFileSync(join(work, 'installed'), `${packed.id}\n`);
    }
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

// OPTION_NAMES of src/core/settings.rs, the source of truth for the options.
function optionNames() {
  const settings = readFileSync(join(REPO, 'src/core/settings.rs'), 'utf8');
  const list = /pub const OPTION_NAMES: &\[&str\] = &\[([\s\S]*?)\];/.exec(settings);
  assert.ok(list, 'OPTION_NAMES not found in src/core/settings.rs');
  return [...list[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
}

// The project's sources: the Vite pages, the TypeScript files and their configs.
function writeApp() {
  const blogger = (tag) => BLOGGER.replace('<!-- EMBED -->', tag);
  writeFileSync(join(app, 'index.html'), blogger('<script type="module" src="/main.js"></script>'));
  writeFileSync(join(app, 'embed.html'), blogger('<script type="module" src="/embed-main.js"></script>'));
  for (const f of ['main.js', 'embed-main.js', 'vite.config.js']) copyFileSync(join(HERE, 'vite-app', f), join(app, f));
  mkdirSync(join(app, 'public'), { recursive: true });
  for (const f of ['comments.js', 'photo.svg']) copyFileSync(join(HERE, 'fixtures', f), join(app, 'public', f));
  rmSync(join(app, 'types'), { recursive: true, force: true });
  cpSync(join(HERE, 'types'), join(app, 'types'), { recursive: true });
  // For the compiler: keyof MountOptions is exactly OPTION_NAMES.
  writeFileSync(join(app, 'types/options.ts'), `import type { MountOptions } from 'article-widget';
type Names = ${optionNames().map((n) => `'${n}'`).join(' | ')};
type Untyped = Exclude<Names, keyof MountOptions>;
type Unknown = Exclude<keyof MountOptions, Names>;
export const untyped: [Untyped] extends [never] ? true : Untyped = true;
export const unknown: [Unknown] extends [never] ? true : Unknown = true;
`);
}

function tsconfig(name, files, resolution) {
  const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
  writeFileSync(join(app, name), JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module,
      moduleResolution: resolution,
      lib: ['es2022', 'dom'],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedSideEffectImports: true,
      skipLibCheck: false,
      noEmit: true,
    },
    files,
  }, null, 2));
  return ['node', [TSC, '-p', join(app, name), '--pretty', 'false']];
}

before(async () => {
  await packAndInstall();
  writeApp();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await viteServer?.close();
});

// Opens `url` in a new context (requests off 127.0.0.1 are aborted) and records console
// messages, page errors and the widget's document-level events.
async function open(url, { waitFor = 'mounted' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = await onlyLoopback(context, []);
  await context.addInitScript(() => {
    window.__events = [];
    for (const name of ['mounted', 'error', 'destroyed']) {
      document.addEventListener(`article-widget:${name}`, (e) => {
        window.__events.push({ name, detail: name === 'error' ? { code: e.detail.code, message: e.detail.message } : e.detail });
      });
    }
  });
  const page = await context.newPage();
  const log = { errors: [], warnings: [], requests: [], blocked };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`${e.name}: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url);
  if (waitFor === 'mounted') {
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'mounted'), null, { timeout: WAIT });
  } else if (waitFor === 'error') {
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'error'), null, { timeout: WAIT });
  }
  // Anything that would come late (a second mount) has had its chance by then.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const events = await page.evaluate(() => window.__events);
  return { context, page, log, events };
}

const count = (page, selector) => page.locator(selector).count();

describe('the package', () => {
  test('package.json: name, version, exports, files, side effects, types', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const cargo = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
    assert.equal(pkg.name, 'article-widget');
    assert.equal(pkg.version, /^version = "(.*)"/m.exec(cargo)[1]);
    assert.equal(pkg.license, /^license = "(.*)"/m.exec(cargo)[1]);
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.types, './index.d.ts');
    assert.deepEqual(Object.keys(pkg.exports), [
      '.', './embed', './article-widget.css', './article_widget_bg.wasm', './package.json',
    ]);
    assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
    assert.deepEqual(pkg.exports['./embed'], { types: './embed.d.ts', default: './embed.js' });
    assert.deepEqual(pkg.sideEffects, ['./article-widget.css', './embed.js']);
    // Every file the exports name is in the tarball, and nothing else than `files`.
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const t of targets) assert.ok(existsSync(join(installed, t)), `${t} is missing from the package`);
    const shipped = packed.files.map((f) => f.path).sort();
    assert.deepEqual(shipped, [...pkg.files, 'README.md', 'package.json'].sort());
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    for (const s of ['npm install article-widget', "from 'article-widget'", 'embed.js', 'data-max-quotes']) {
      assert.ok(readme.includes(s), `the npm README lacks ${s}`);
    }
    assert.ok(!readme.includes('{{'), 'the npm README has a placeholder left');
    // The Blogger tags as the repository's README gives them, word for word.
    const hosted = 'https://YOUR-HOST/article-widget/embed.js';
    for (const [name, tag] of Object.entries(readmeTags(hosted))) {
      assert.ok(readme.includes(tag), `the npm README's ${name} tag is not the README's`);
    }
    console.log(`npm pack: ${packed.filename} ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`);
  });

  test('the types cover every option of src/core/settings.rs, and the error codes agree', () => {
    const names = optionNames();
    assert.ok(names.length >= 10);
    const dts = readFileSync(join(installed, 'index.d.ts'), 'utf8');
    const body = /export interface MountOptions \{([\s\S]*?)\n\}/.exec(dts)[1];
    const typed = [...body.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]);
    assert.deepEqual([...typed].sort(), [...names].sort(), 'MountOptions and OPTION_NAMES differ');
    // Each field is documented.
    for (const name of names) {
      assert.match(body, new RegExp(`\\*/\\n {2}${name}\\?:`), `MountOptions.${name} has no doc comment`);
    }
    // Error codes: the README's table, the Rust sources, index.d.ts and index.js.
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Error codes')).split(/\n(?=#)/)[0];
    const documented = [...table.matchAll(/^\|\s*`([a-z-]+)`\s*\|/gm)].map((m) => m[1]).sort();
    const rust = ['src/core/error.rs', 'src/web/errors.rs']
      .map((f) => readFileSync(join(REPO, f), 'utf8'))
      .join('\n');
    const thrown = [...new Set([
      ...[...rust.matchAll(/=> "([a-z]+(?:-[a-z]+)+)",?$/gm)].map((m) => m[1]),
      ...[...rust.matchAll(/&"code"\.into\(\), &"([a-z-]+)"/g)].map((m) => m[1]),
    ])].sort();
    const union = /export type ArticleWidgetErrorCode =([\s\S]*?);\n/.exec(dts)[1];
    const typedCodes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]).sort();
    const js = readFileSync(join(installed, 'index.js'), 'utf8');
    // (The shipped index.js is minified: its strings may be in either quotes.)
    const jsCodes = [.../new Set\(\[([\s\S]*?)\]\)/.exec(js)[1].matchAll(/['"]([a-z-]+)['"]/g)].map((m) => m[1]).sort();
    assert.deepEqual(thrown, documented, 'the codes the Rust code throws and the README table differ');
    assert.deepEqual(typedCodes, documented, 'ArticleWidgetErrorCode and the README table differ');
    assert.deepEqual(jsCodes, documented, 'isArticleWidgetError and the README table differ');
  });

  test('tsc --noEmit passes on a file that uses the API right (bundler and nodenext resolution)', async () => {
    const runs = await Promise.all([
      run(...tsconfig('tsconfig.good.json', ['types/good.ts', 'types/options.ts'], 'bundler')),
      run(...tsconfig('tsconfig.good-node.json', ['types/good.ts'], 'nodenext')),
    ]);
    for (const r of runs) assert.equal(r.code, 0, `tsc failed on good.ts:\n${r.stdout}${r.stderr}`);
  });

  test('tsc --noEmit fails on a file that misuses the API, on each misuse and nowhere else', async () => {
    const r = await run(...tsconfig('tsconfig.bad.json', ['types/bad.ts'], 'bundler'));
    assert.notEqual(r.code, 0, 'tsc passed on bad.ts');
    const source = readFileSync(join(app, 'types/bad.ts'), 'utf8').split('\n');
    const marked = source.flatMap((line, i) => (/\/\/ error$/.test(line) ? [i + 1] : []));
    const failed = [...new Set([...r.stdout.matchAll(/bad\.ts\((\d+),\d+\): error TS\d+/g)].map((m) => Number(m[1])))];
    assert.ok(marked.length >= 8);
    assert.deepEqual(failed.sort((a, b) => a - b), marked, `tsc's errors are not on the marked lines:\n${r.stdout}`);
    assert.match(r.stdout, /'maxQuote' does not exist in type 'MountOptions'\. Did you mean to write 'maxQuotes'\?/);
    for (const option of ['open', 'maxQuotes']) {
      const line = source.findIndex((l) => l.includes(`{ ${option}:`)) + 1;
      assert.ok(failed.includes(line), `no error for the misused option ${option}`);
    }
  });
});

describe('in a browser', () => {
  before(async () => {
    // The Vite project, built as its users would.
    const r = await ok('node', [VITE, 'build'], { cwd: app });
    assert.equal(`${r.stdout}${r.stderr}`.trim(), '', `vite build warned:\n${r.stdout}${r.stderr}`);
    const blog = (tags) => () => BLOGGER.replace('<!-- EMBED -->', tags);
    const tag = (attrs = '', src = '/article-widget/embed.js') => `<script type="module" src="${src}"${attrs}></script>`;
    viteServer = await serve({ mounts: [['/', join(app, 'dist')]] });
    // The package files without the WebAssembly (a host that did not upload it).
    const broken = join(app, 'broken');
    mkdirSync(broken, { recursive: true });
    for (const f of ['embed.js', 'after-paint.js', 'index.js', 'roots.js', 'rehearse.js', 'article_widget.js', 'article-widget.css']) copyFileSync(join(installed, f), join(broken, f));
    server = await serve({
      mounts: [
        ['/article-widget/', installed],
        ['/broken/', join(app, 'broken')],
        ['/', join(HERE, 'fixtures')],
      ],
      pages: {
        '/blog/options.html': blog(tag(' data-comments="#comments" data-open="none" data-max-quotes="2" data-toc="false" data-comments-on-click="true"')),
        '/blog/defaults.html': blog(tag()),
        // In <head>, async: the module may run before the post body is parsed.
        '/blog/head-async.html': () => BLOGGER.replace('</head>', `${tag(' async data-open="none"')}\n</head>`),
        '/blog/twice.html': blog(`${tag(' data-open="none"')}\n${tag(' data-open="none"')}`),
        '/blog/twice-urls.html': blog(`${tag('', '/article-widget/embed.js?copy=1')}\n${tag('', '/article-widget/embed.js?copy=2')}`),
        '/blog/typo.html': blog(tag(' data-comments="#comments" data-max-quote="3"')),
        '/blog/bad-value.html': blog(tag(' data-open="some"')),
        '/blog/no-article.html': blog(tag(' data-article="#no-such-post"')),
        '/blog/no-wasm.html': blog(tag('', '/broken/embed.js')),
        '/blog/selector-no-css.html': blog(tag(' data-article="#post-body-7318405593424166051" data-css="false" data-comments="false"')),
        '/blog/marked.html': blog('<script type="module" data-article-widget-embed data-open="all">import \'/article-widget/embed.js\';</script>'),
        '/blog/redirected.html': blog(tag(' data-open="all"', '/cdn/article-widget@latest/embed.js')),
        // The README's Blogger tag as it stands there, pointed at this host, with an option.
        '/blog/readme-tag.html': blog(readmeTags('/article-widget/embed.js').loader.replace('data-article-widget-embed=', 'data-open="all" data-article-widget-embed=')),
      },
      // A CDN's address of the latest version, redirected to a versioned one.
      redirects: { '/cdn/article-widget@latest/embed.js': '/article-widget/embed.js' },
    });
  });

  async function assertClean({ context, page, log }, allowWarnings = []) {
    // The embed's warm-up worker ends once the widget mounted or failed (2 s at most).
    for (let t = 0; t < 40 && page.workers().length; t++) await page.waitForTimeout(50);
    const workers = page.workers().length;
    await context.close();
    assert.equal(workers, 0, 'a worker of the embed still runs');
    assert.deepEqual(log.errors, [], 'console errors');
    assert.deepEqual(log.warnings.filter((w) => !allowWarnings.some((a) => w.includes(a))), [], 'console warnings');
    assert.deepEqual(log.blocked, [], 'requests off 127.0.0.1');
  }

  // With open: "none", the sections open after mount are only those whose heading the
  // reader already saw on the first screen (the widget never moves what is on
  // screen): none below it is open, and at least one section is collapsed or seen.
  async function openBelowTheFold(page) {
    return page.evaluate(() =>
      [...document.querySelectorAll('.aw-toggle[aria-expanded="true"]')].filter(
        (t) => t.closest('.aw-heading').getBoundingClientRect().top + scrollY >= innerHeight,
      ).length,
    );
  }

  test('a Vite 7 build that imports the package mounts the widget', async () => {
    const assets = readdirSync(join(app, 'dist/assets'));
    assert.ok(assets.some((f) => /^article_widget_bg-.*\.wasm$/.test(f)), `no wasm among the assets: ${assets}`);
    const p = await open(`${viteServer.url}/index.html`);
    const { page, log } = p;
    assert.equal(await page.evaluate(() => document.documentElement.dataset.result), 'mounted');
    assert.equal(await page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS);
    assert.equal(await page.evaluate(() => window.plannedSections), SEED_SECTIONS);
    assert.equal(await openBelowTheFold(page), 0, "open: 'none'");
    assert.ok((await count(page, '.aw-toggle')) > 0);
    assert.ok((await count(page, '.aw-quote')) >= 1 && (await count(page, '.aw-quote')) <= 3);
    // The stylesheet came through the bundle.
    assert.equal(await page.locator('.aw-toggle').first().evaluate((b) => getComputedStyle(b).cursor), 'pointer');
    assert.ok(log.requests.some((u) => /\/assets\/article_widget_bg-.*\.wasm$/.test(u)));
    assert.equal(p.events.filter((e) => e.name === 'mounted').length, 1);
    await assertClean(p);
  });

  test('the embed, bundled by Vite, mounts on the Blogger post body', async () => {
    const p = await open(`${viteServer.url}/embed.html`);
    const { page } = p;
    assert.equal(await page.evaluate(() => document.documentElement.dataset.result), 'mounted');
    assert.equal(await page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS);
    assert.equal(await page.locator('.aw-toggle').first().evaluate((b) => getComputedStyle(b).cursor), 'pointer');
    await assertClean(p);
  });

  test('a plain HTML page that imports the installed files mounts, and destroy() gives the page back', async () => {
    const p = await open(`${server.url}/plain.html`);
    const { page } = p;
    assert.equal(await count(page, '.aw-toggle'), 3);
    assert.equal(await openBelowTheFold(page), 0);
    assert.ok((await count(page, '.aw-quote')) >= 2);
    const restored = await page.evaluate(() => {
      window.articleWidget.destroy();
      return { mounted: window.articleWidget.mounted, toggles: document.querySelectorAll('.aw-toggle').length };
    });
    assert.deepEqual(restored, { mounted: false, toggles: 0 });
    await assertClean(p);
  });

  test('the one tag: options from data-* attributes, CSS loaded next to it, comments lazy', async () => {
    const p = await open(`${server.url}/blog/options.html`);
    const { page, log } = p;
    const state = await page.evaluate(() => ({
      mounted: window.articleWidget?.mounted,
      sections: window.articleWidget?.plan.sections.length,
      keyQuotes: window.articleWidget?.plan.quotes.filter((q) => q.key).length,
      css: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname),
      comments: Boolean(window.__commentsLoaded),
    }));
    assert.deepEqual(state, {
      mounted: true,
      sections: SEED_SECTIONS,
      keyQuotes: 2,
      css: ['/article-widget/article-widget.css'],
      comments: false,
    });
    assert.equal(await openBelowTheFold(page), 0, 'data-open="none"');
    assert.equal(await count(page, '.aw-quote'), 2, 'data-max-quotes="2"');
    assert.equal(await count(page, '.aw-toc'), 0, 'data-toc="false"');
    assert.equal(await page.locator('.aw-toggle').first().evaluate((b) => getComputedStyle(b).cursor), 'pointer');
    assert.deepEqual(p.events.map((e) => e.name), ['mounted']);
    // data-comments-on-click: scrolling to the comments loads nothing; the button does.
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await page.evaluate(() => Boolean(window.__commentsLoaded)), false);
    assert.ok(!log.requests.some((u) => u.endsWith('/comments.js')));
    await page.locator('.aw-comments-button').click();
    await page.waitForFunction(() => window.__commentsLoaded === true, null, { timeout: WAIT });
    await assertClean(p);
  });

  test('the one tag with no attribute finds the Blogger post body and the comments', async () => {
    const p = await open(`${server.url}/blog/defaults.html`);
    const { page } = p;
    assert.equal(await page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS);
    assert.equal(await count(page, '.aw-toggle[aria-expanded="true"]'), 1, "open: 'first' by default");
    assert.equal(await count(page, '.aw-comments-button'), 1);
    await assertClean(p);
  });

  test('the one tag in <head>, async, waits for the post body', async () => {
    const p = await open(`${server.url}/blog/head-async.html`);
    const { page } = p;
    assert.equal(await page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS);
    assert.equal(await openBelowTheFold(page), 0, 'data-open="none"');
    await assertClean(p);
  });

  test('the tag pasted twice mounts once', async () => {
    const p = await open(`${server.url}/blog/twice.html`);
    const { page } = p;
    assert.equal(await count(page, 'script[src$="embed.js"]'), 2);
    assert.deepEqual(p.events.map((e) => e.name), ['mounted']);
    assert.equal(await count(page, '.aw-quotes'), 1);
    assert.equal(await count(page, 'link[href$="article-widget.css"]'), 1);
    await assertClean(p);
  });

  test('the tag pasted twice with different addresses (two module instances) mounts once', async () => {
    const p = await open(`${server.url}/blog/twice-urls.html`);
    const { page, log } = p;
    assert.deepEqual(p.events.map((e) => e.name), ['mounted']);
    assert.equal(await count(page, '.aw-quotes'), 1);
    assert.equal(await count(page, 'link[href$="article-widget.css"]'), 1);
    assert.equal(log.warnings.filter((w) => w.includes('twice')).length, 1);
    await assertClean(p, ['twice']);
  });

  test("a typo'd data attribute is the widget's unknown-option error, and nothing mounts", async () => {
    const p = await open(`${server.url}/blog/typo.html`, { waitFor: 'error' });
    const { page, log } = p;
    assert.equal(log.errors.length, 1, log.errors.join('\n'));
    const [error] = log.errors;
    console.log(error);
    assert.match(error, /\[unknown-option\]/);
    assert.match(error, /unknown option "maxQuote"; did you mean "maxQuotes"\?/);
    assert.match(error, /data-max-quote\b/);
    assert.match(error, /data-max-quotes/);
    assert.deepEqual(p.events.map((e) => [e.name, e.detail.code]), [['error', 'unknown-option']]);
    const state = await page.evaluate(() => ({
      widget: window.articleWidget === undefined,
      touched: document.querySelectorAll('.aw-root, .aw-toggle, .aw-quotes, .aw-comments-facade').length,
    }));
    assert.deepEqual(state, { widget: true, touched: 0 });
    log.errors.length = 0;
    await assertClean(p);
  });

  test('a wrong value and a missing article are reported with their codes', async () => {
    for (const [page, code, text] of [
      ['bad-value', 'bad-option', /option "open" must be "none", "first" or "all".*data-open/],
      ['no-article', 'root-not-found', /#no-such-post/],
    ]) {
      const p = await open(`${server.url}/blog/${page}.html`, { waitFor: 'error' });
      assert.equal(p.log.errors.length, 1, p.log.errors.join('\n'));
      assert.match(p.log.errors[0], new RegExp(`\\[${code}\\]`));
      assert.match(p.log.errors[0], text);
      assert.deepEqual(p.events.map((e) => [e.name, e.detail.code]), [['error', code]]);
      p.log.errors.length = 0;
      await assertClean(p);
    }
  });

  test('a missing .wasm is reported as load-failed, and the page is shown', async () => {
    const p = await open(`${server.url}/blog/no-wasm.html`, { waitFor: 'error' });
    const { page, log } = p;
    const own = log.errors.filter((e) => e.startsWith('article-widget'));
    assert.equal(own.length, 1, log.errors.join('\n'));
    assert.match(own[0], /^article-widget \[load-failed\]: the widget was not mounted: /);
    assert.deepEqual(log.errors.filter((e) => !own.includes(e)), ['Failed to load resource: the server responded with a status of 404 (Not Found)']);
    assert.deepEqual(p.events.map((e) => [e.name, e.detail.code]), [['error', 'load-failed']]);
    assert.equal(await count(page, '.aw-toggle'), 0);
    log.errors.length = 0;
    await assertClean(p);
  });

  test('data-article picks the article, data-css="false" loads no stylesheet', async () => {
    const p = await open(`${server.url}/blog/selector-no-css.html`);
    const { page, log } = p;
    assert.equal(await page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS);
    assert.equal(await count(page, 'link[rel=stylesheet]'), 0);
    assert.ok(!log.requests.some((u) => u.endsWith('.css')));
    assert.equal(await count(page, '.aw-comments-facade'), 0, 'data-comments="false"');
    await assertClean(p);
  });

  test("the README's Blogger tag fetches nothing of the widget before the load event, then mounts with its options", async () => {
    const p = await open(`${server.url}/blog/readme-tag.html`);
    const { page } = p;
    const t = await page.evaluate(() => ({
      load: performance.getEntriesByType('navigation')[0].loadEventStart,
      widget: performance
        .getEntriesByType('resource')
        .filter((r) => new URL(r.name).pathname.startsWith('/article-widget/'))
        .map((r) => [new URL(r.name).pathname, r.startTime]),
    }));
    assert.ok(t.widget.some(([path]) => path === '/article-widget/article_widget_bg.wasm'), JSON.stringify(t.widget));
    assert.deepEqual(t.widget.filter(([, start]) => start < t.load), [], `fetched before load at ${t.load}`);
    const toggles = await count(page, '.aw-toggle');
    assert.ok(toggles > 0);
    assert.equal(await count(page, '.aw-toggle[aria-expanded="true"]'), toggles, 'data-open="all"');
    assert.equal(await count(page, '.aw-comments-button'), 1, 'data-comments="#comments"');
    assert.deepEqual(p.events.map((e) => e.name), ['mounted']);
    await assertClean(p);
  });

  for (const [name, what] of [
    ['marked', 'an inline module marked data-article-widget-embed'],
    ['redirected', 'a tag whose address redirects (a CDN\'s latest version)'],
  ]) {
    test(`${what} takes the options of its tag`, async () => {
      const p = await open(`${server.url}/blog/${name}.html`);
      const { page } = p;
      const toggles = await count(page, '.aw-toggle');
      assert.ok(toggles > 0);
      assert.equal(await count(page, '.aw-toggle[aria-expanded="true"]'), toggles, 'data-open="all"');
      await assertClean(p);
    });
  }

  test("Vite's dev server, with the package excluded from pre-bundling as the README says", async () => {
    const { createServer } = await import('vite');
    // A free port, named: the dev client's websocket connects to the configured one.
    const port = await new Promise((r) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => r(free));
      });
    });
    const dev = await createServer({
      root: app,
      configFile: join(app, 'vite.config.js'),
      cacheDir: join(app, 'node_modules/.vite'),
      optimizeDeps: { exclude: ['article-widget'] },
      server: { host: '127.0.0.1', port, strictPort: true },
      logLevel: 'error',
    });
    try {
      await dev.listen();
      const url = dev.resolvedUrls.local[0];
      for (const path of ['index.html', 'embed.html']) {
        const p = await open(`${url}${path}`);
        assert.equal(await p.page.evaluate(() => document.documentElement.dataset.result), 'mounted', path);
        assert.equal(await p.page.evaluate(() => window.articleWidget.plan.sections.length), SEED_SECTIONS, path);
        await assertClean(p);
      }
    } finally {
      await dev.close();
    }
  });
});
