// Every install snippet of README.md, run as it stands there (run after `make package`).
// Each is read from README.md at test time, by its section's heading and code fence,
// and never copied here:
//
//   - "Blogger: one tag": the inline loader tag and the shorter `<script src>` tag (read
//     by scripts/readme-tags.mjs), each in a small Blogger-like blog page
//     (fixtures/blog.html), with https://YOUR-HOST/article-widget/ replaced by this
//     test's server, which serves the packed package's files there;
//   - "Plain HTML": the module snippet, and the one-tag alternative the section gives in
//     its text, in a page whose article is `article .content` (fixtures/plain.html), the
//     package's files at /article-widget/;
//   - "npm and a bundler": `npm install article-widget` (the packed tarball, installed
//     into a temporary project), the snippet's JS as the project's main.js, built with
//     Vite 7 (`vite build`) and opened: it mounts on #post-body, and destroy() gives the
//     page back;
//   - "In a Vitest or Jest test": vitest.config.js and article.test.js written exactly
//     as the README's blocks, run with `npx vitest run` under happy-dom (the config as
//     written) and under jsdom (its `// or 'jsdom'`), with the packages the section says
//     to install. Those come from this repository's node_modules (package.json pins
//     them; `npm ci` installs them), linked into the temporary projects: nothing is
//     fetched.
//
// Pages load in headless Chromium with every request not to 127.0.0.1 aborted; each page
// must log no console error or warning, and nothing may be blocked. The temporary
// projects live in a folder of os.tmpdir(), removed at the end.
//
// (tests/package/ runs the package's own fixtures: its TypeScript types, its Vite app,
// its one-tag pages with every option; of the README it runs the loader tag with an
// option added. This file runs the snippets themselves, unchanged.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { readmeTags } from '../../scripts/readme-tags.mjs';
import { serve } from '../package/server.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const PKG = join(REPO, 'pkg');
const VITE = join(REPO, 'node_modules/vite/bin/vite.js');
const HOSTED = 'https://YOUR-HOST/article-widget/';
const WAIT = 20_000;

const fixture = (name) => readFileSync(join(HERE, 'fixtures', name), 'utf8');
const ARTICLE = fixture('article.html');
// The article's sections: each of its sub-headings, over 20 words each.
const SECTIONS = ARTICLE.match(/<h3>/g).length;
// A fixture page with the article, and `content` in place of `<!-- marker -->`.
const page = (name, marker, content) => {
  const html = fixture(name).replace('<!-- ARTICLE -->', ARTICLE);
  return marker ? html.replace(`<!-- ${marker} -->`, () => content) : html;
};

// ---- The README's snippets -------------------------------------------------------------

const readme = () => readFileSync(join(REPO, 'README.md'), 'utf8');

/** The text of the README's `### heading` section, up to the next heading. */
function section(heading) {
  const text = readme();
  const start = text.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `README.md has no "### ${heading}" section`);
  const rest = text.slice(start + 1);
  const end = rest.slice(4).search(/\n#{1,3} /);
  return end < 0 ? rest : rest.slice(0, end + 4);
}

/** The section's code blocks fenced as `lang`, each without its fences. */
function fences(heading, lang) {
  return [...section(heading).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter((m) => m[1] === lang)
    .map((m) => m[2]);
}

function plainSnippets() {
  const heading = 'Plain HTML';
  const [module, ...more] = fences(heading, 'html');
  assert.equal(more.length, 0, `"${heading}" should hold one html block`);
  // The section's other form, given in its text as inline code.
  const tags = [...section(heading).matchAll(/`(<script [^`]*\/article-widget\/embed\.js[^`]*><\/script>)`/g)];
  assert.equal(tags.length, 1, `"${heading}" should give one embed tag in its text`);
  return { module, embed: tags[0][1] };
}

function npmSnippets() {
  const heading = 'npm and a bundler';
  const [install, ...moreSh] = fences(heading, 'sh');
  const [main, ...moreJs] = fences(heading, 'js');
  assert.equal(moreSh.length + moreJs.length, 0, `"${heading}" should hold one sh and one js block`);
  return { install: install.trim(), main };
}

function vitestSnippets() {
  const heading = 'In a Vitest or Jest test (jsdom or happy-dom)';
  const [install, ...moreSh] = fences(heading, 'sh');
  assert.equal(moreSh.length, 0, `"${heading}" should hold one sh block`);
  const js = fences(heading, 'js');
  const config = js.find((b) => b.startsWith('// vitest.config.js\n'));
  const testFile = js.find((b) => b.startsWith('// article.test.js\n'));
  assert.ok(config && testFile, `"${heading}" should hold vitest.config.js and article.test.js`);
  // `npm install [-D] names...`, also in a comment's alternative (`# or: npm install ...`).
  const installs = [...install.matchAll(/npm install((?: +[^\s#]+)+)/g)].map((m) => m[1].trim().split(/ +/));
  assert.match(install, /^npm install /, `"${heading}": its sh block should be npm install lines`);
  return { installs, config, testFile };
}

// ---- Processes and the temporary projects ---------------------------------------------

function run(cmd, args, opts = {}) {
  return new Promise((resolveRun) => {
    execFile(cmd, args, { maxBuffer: 16 << 20, timeout: 120_000, ...opts }, (error, stdout, stderr) => {
      resolveRun({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function ok(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

let tmp; // the temporary folder of this run
let tarball; // pkg/ packed
let app; // the project the README's `npm install article-widget` installed the tarball in
let installed; // app/node_modules/article-widget
let server; // the blog pages, the plain pages and the package files
let browser;

// A link node_modules/NAME -> TARGET in the project `dir`.
function link(dir, name, target) {
  const at = join(dir, 'node_modules', name);
  mkdirSync(join(at, '..'), { recursive: true });
  symlinkSync(target, at, 'dir');
}

before(async () => {
  if (!existsSync(join(PKG, 'article_widget_bg.wasm'))) throw new Error('pkg/ is not built: run `make package`');
  tmp = mkdtempSync(join(tmpdir(), 'article-widget-readme-'));
  const r = await ok('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: PKG });
  const [packed] = JSON.parse(r.stdout);
  tarball = join(tmp, packed.filename);
  // The README's `npm install article-widget`, in an empty folder as a reader runs it,
  // with the tarball for the name, from disk.
  const { install } = npmSnippets();
  assert.equal(install, 'npm install article-widget');
  assert.equal(packed.name, 'article-widget');
  app = join(tmp, 'app');
  mkdirSync(app);
  await ok('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app });
  installed = join(app, 'node_modules/article-widget');
  assert.ok(existsSync(join(installed, 'article_widget_bg.wasm')));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---- Pages in Chromium -----------------------------------------------------------------

// Opens `url` in a new context (requests off 127.0.0.1 are aborted), records console
// messages, page errors and the widget's events, and waits for `until` (an event name).
async function open(url, until = 'mounted') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = await onlyLoopback(context, []);
  await context.addInitScript(() => {
    window.__events = [];
    for (const name of ['mounted', 'error', 'destroyed']) {
      document.addEventListener(`article-widget:${name}`, (e) => {
        window.__events.push({
          name,
          code: e.detail?.code,
          toggles: document.querySelectorAll('button.aw-toggle[aria-expanded]').length,
        });
      });
    }
  });
  const p = await context.newPage();
  const log = { errors: [], warnings: [], blocked };
  p.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  p.on('pageerror', (e) => log.errors.push(`${e.name}: ${e.message}`));
  await p.goto(url);
  await p.waitForFunction((name) => window.__events.some((e) => e.name === name), until, { timeout: WAIT });
  await p.waitForLoadState('load');
  return { context, page: p, log };
}

async function close({ context, page: p, log }) {
  // The embed's warm-up worker ends once the widget mounted (2 s at most).
  for (let t = 0; t < 40 && p.workers().length; t++) await p.waitForTimeout(50);
  const events = await p.evaluate(() => window.__events.map((e) => e.name));
  await context.close();
  assert.deepEqual(log.errors, [], 'console errors');
  assert.deepEqual(log.warnings, [], 'console warnings');
  assert.deepEqual(log.blocked, [], 'requests off 127.0.0.1');
  return events;
}

// The widget on the page: its sections and toggles, key quotes, stylesheet; then
// destroy() gives back the article's element as it was before any script ran.
async function assertMountedAndDestroy(p, selector) {
  const state = await p.evaluate(() => ({
    mounted: window.articleWidget?.mounted,
    sections: window.articleWidget?.plan.sections.length,
    speakers: window.articleWidget?.plan.quotes.map((q) => q.speaker),
    toggles: document.querySelectorAll('button.aw-toggle[aria-expanded]').length,
    keyQuotes: document.querySelectorAll('.aw-quote').length,
    cursor: getComputedStyle(document.querySelector('.aw-toggle')).cursor,
  }));
  assert.equal(state.mounted, true);
  assert.equal(state.sections, SECTIONS);
  assert.equal(state.toggles, SECTIONS, 'every section gets a toggle');
  assert.ok(state.keyQuotes >= 1, 'key quotes shown');
  assert.ok(state.speakers.includes('Maria Lopez'), JSON.stringify(state.speakers));
  assert.equal(state.cursor, 'pointer', "the package's stylesheet applies");
  const back = await p.evaluate((sel) => {
    window.articleWidget.destroy();
    return {
      same: document.querySelector(sel).outerHTML === window.__before,
      left: document.querySelectorAll('[class^="aw-"], [class*=" aw-"]').length,
    };
  }, selector);
  assert.deepEqual(back, { same: true, left: 0 }, 'destroy() gives the page back');
}

describe('in Chromium', () => {
  before(async () => {
    const embed = () => `${server.url}/article-widget/embed.js`;
    const tags = () => readmeTags(embed());
    const plain = plainSnippets();
    const local = (snippet) => snippet.replaceAll(HOSTED, `${server.url}/article-widget/`);
    server = await serve({
      mounts: [
        // The package's files as the tarball ships them, at the tags' address.
        ['/article-widget/', installed],
        // The stand-in comment system the blog page parks in its comment area.
        ['/shared/', join(REPO, 'tests/package/fixtures')],
      ],
      pages: {
        '/blog/loader.html': () => page('blog.html', 'TAG', local(tags().loader)),
        '/blog/src.html': () => page('blog.html', 'TAG', local(tags().src)),
        '/plain.html': () => page('plain.html', 'SNIPPET', plain.module),
        '/plain-embed.html': () => page('plain.html', 'SNIPPET', plain.embed),
      },
    });
  });

  for (const [name, what] of [
    ['loader', "the README's Blogger tag (the inline loader)"],
    ['src', "the README's shorter <script src> tag"],
  ]) {
    test(`${what}, on a blog page, mounts on the post body and loads the comments when near`, async () => {
      const opened = await open(`${server.url}/blog/${name}.html`);
      const { page: p } = opened;
      assert.equal(await p.locator('#HTML1 script').count(), 1);
      assert.ok((await p.locator('.aw-comments-button').count()) === 1, 'data-comments="#comments"');
      // Down to just above the comment area: it loads as it comes near (one the
      // reader lands on keeps its button until they click or scroll on).
      await p.evaluate(() => {
        const area = document.querySelector('#comments');
        window.scrollTo(0, area.getBoundingClientRect().top + scrollY - innerHeight - 100);
      });
      await p.waitForFunction(() => window.__commentsLoaded === true, null, { timeout: WAIT });
      await assertMountedAndDestroy(p, '.post-body');
      assert.deepEqual(await close(opened), ['mounted', 'destroyed']);
    });
  }

  test("the plain HTML snippet mounts on `article .content` with its options", async () => {
    const opened = await open(`${server.url}/plain.html`);
    const { page: p } = opened;
    const state = await p.evaluate(() => ({
      openBelowFold: [...document.querySelectorAll('.aw-toggle[aria-expanded="true"]')].filter(
        (t) => t.getBoundingClientRect().top + scrollY >= innerHeight,
      ).length,
      keyQuotes: document.querySelectorAll('.aw-quote').length,
    }));
    assert.equal(state.openBelowFold, 0, "open: 'none'");
    assert.ok(state.keyQuotes <= 3, 'maxQuotes: 3');
    await assertMountedAndDestroy(p, 'article .content');
    assert.deepEqual(await close(opened), ['mounted', 'destroyed']);
  });

  test("the plain HTML section's one-tag form mounts on `article .content`", async () => {
    const opened = await open(`${server.url}/plain-embed.html`);
    await assertMountedAndDestroy(opened.page, 'article .content');
    assert.deepEqual(await close(opened), ['mounted', 'destroyed']);
  });

  test("npm and a bundler: the README's JS, built with Vite 7, mounts on #post-body and destroy() gives the page back", async () => {
    const { main } = npmSnippets();
    writeFileSync(join(app, 'main.js'), main);
    writeFileSync(join(app, 'index.html'), page('vite.html'));
    const r = await ok('node', [VITE, 'build', '--logLevel', 'warn'], { cwd: app });
    assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'vite build warned');
    const assets = readdirSync(join(app, 'dist/assets'));
    assert.ok(assets.some((f) => /^article_widget_bg-.*\.wasm$/.test(f)), `no wasm among the assets: ${assets}`);
    assert.ok(assets.some((f) => f.endsWith('.css')), `no stylesheet among the assets: ${assets}`);
    const dist = await serve({ mounts: [['/', join(app, 'dist')]] });
    try {
      const opened = await open(`${dist.url}/index.html`, 'destroyed');
      const { page: p } = opened;
      const events = await p.evaluate(() => window.__events);
      assert.deepEqual(events.map((e) => e.name), ['mounted', 'destroyed']);
      assert.equal(events[0].toggles, SECTIONS, 'every section had its toggle once mounted');
      const back = await p.evaluate(() => ({
        same: document.getElementById('post-body').outerHTML === window.__before,
        left: document.querySelectorAll('[class^="aw-"], [class*=" aw-"]').length,
      }));
      assert.deepEqual(back, { same: true, left: 0 }, 'destroy() gives the page back');
      await close(opened);
    } finally {
      await dist.close();
    }
  });
});

describe('the Vitest example', () => {
  const dev = (installs) => installs.filter((n) => n[0] === '-D' || n[0] === '--save-dev').map((n) => n.slice(1));

  test('the section installs the package, and vitest with happy-dom or jsdom, as devDependencies', () => {
    const { installs, config } = vitestSnippets();
    assert.ok(installs.some((names) => names.length === 1 && names[0] === 'article-widget'), JSON.stringify(installs));
    assert.deepEqual(dev(installs), [['vitest', 'happy-dom'], ['vitest', 'jsdom']]);
    assert.match(config, /environment: 'happy-dom'[ }]*;? *\/\/ or 'jsdom'/);
  });

  for (const environment of ['happy-dom', 'jsdom']) {
    test(`article.test.js passes with \`npx vitest run\` under ${environment}`, async () => {
      // A project with the packages the README installs: the packed package, and the
      // devDependencies it names for this environment, from this repository's
      // node_modules at the versions package-lock.json pins.
      const { installs, config, testFile } = vitestSnippets();
      const names = dev(installs).find((n) => n.includes(environment));
      assert.ok(names, `the README installs nothing for ${environment}`);
      const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
      const project = join(tmp, `vitest-${environment}`);
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), `${JSON.stringify({
        devDependencies: Object.fromEntries(names.map((n) => [n, lock.packages[`node_modules/${n}`].version])),
        dependencies: { 'article-widget': `file:${tarball}` },
      }, null, 2)}\n`);
      link(project, 'article-widget', installed);
      for (const name of names) link(project, name, join(REPO, 'node_modules', name));
      link(project, '.bin/vitest', '../vitest/vitest.mjs');
      const written = environment === 'happy-dom' ? config : config.replace("environment: 'happy-dom'", `environment: '${environment}'`);
      writeFileSync(join(project, 'vitest.config.js'), written);
      writeFileSync(join(project, 'article.test.js'), testFile);
      const r = await run('npx', ['--no', 'vitest', 'run'], { cwd: project, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
      const out = `${r.stdout}${r.stderr}`;
      assert.equal(r.code, 0, `npx vitest run failed under ${environment}:\n${out}`);
      assert.match(out, /Tests {2}1 passed \(1\)/, out);
      assert.match(out, /✓ article\.test\.js/, out);
      // Nothing logged: the example runs quietly.
      assert.doesNotMatch(out, /^(stdout|stderr) \|/m, out);
      console.log(`vitest under ${environment}: ${out.match(/Tests {2}.*/)[0].trim()}`);
    });
  }
});
