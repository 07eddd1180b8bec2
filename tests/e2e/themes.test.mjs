// The widget's own elements look as designed on any page. A post of our own is served
// twice: as it is, and under a theme whose rules reach for what the widget builds
// (ID-weighted rules for lists with their own counters, quotations with a background
// image, asides and navs floated as sidebars, links, buttons, figures and headings:
// the kinds of rule seen leaking into the widget on real blogs). With the widget
// mounted at 390x844, the contents, the key-quotes panel and the comments facade (and,
// mounted after the first paint, the navigator's button and open sheet) must have,
// element for element and pseudo-element for pseudo-element, the same box and look in
// both (what they inherit, the font family and the colour, aside), and the theme's
// background image must never be fetched for them.
// Run after `make package`: node --test tests/e2e/themes.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { serve } from '../package/server.mjs';
import { REPO } from './support.mjs';

const PARA =
  'The harbour trust met on Tuesday night to decide what happens to the old net sheds, and the room was full long before the chairman opened the meeting.';

const THEME = `
#main ol { counter-reset: item; list-style: none; padding-left: 0; }
#main ol li::before { content: counter(item) ". "; counter-increment: item; font-weight: 700; color: #c00; }
#main blockquote { background: #eee url(/theme/quote-mark.png) no-repeat 8px 8px; padding: 1em 1em 1em 60px; margin: 2em; font-size: 1.4em; font-style: italic; border-left: 6px solid #c00; }
#main nav, #main aside { float: right; width: 30%; display: flex; margin: 0 0 1em 1em; background: #ffe; }
#main a { color: #c00; text-decoration: none; border-bottom: 2px dotted; text-transform: uppercase; }
#main button { background: #000; color: #ff0; border: 0; padding: 1em; text-transform: uppercase; }
#main figure { margin: 3em; border: 5px solid #c00; }
#main figcaption::before { content: "Photo: "; }
#main h2, #main h3 { font-size: 40px; letter-spacing: 0.2em; border-bottom: 3px solid; }
#main li { margin: 1em 0; line-height: 3; }
`;

function page(theme, afterPaint = false) {
  const body = [
    `<p>${PARA}</p>`,
    ...[
      ['The Sheds', '"We have looked after these sheds for forty years and we are not walking away now," said Ruth Allen, who chairs the fishermen\'s association.'],
      ['The Vote', '"Nobody on this board wants to see the sheds knocked down, but somebody has to pay for the roof," said Tomas Reed, the trust\'s treasurer.'],
      ['What Comes Next', '"If the town can raise half of it by spring, the trust will find the other half," Ruth Allen said after the vote.'],
    ].flatMap(([h, q]) => [`<h2>${h}</h2>`, `<p>${PARA}</p>`, `<p>${q}</p>`, `<p>${PARA}</p>`]),
  ].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/article-widget/article-widget.css">
<style>body{margin:0 16px;font:17px/1.6 Georgia,serif;color:#222;background:#fff} ${theme}</style></head>
<body><div id="main"><article><h1>The Net Sheds</h1><div class="post-body">${body}</div></article>
<div id="comments"><h3>Comments</h3><template data-article-widget-comments><script src="/theme/comments.js"></script></template></div></div>
<script type="module">
  import init, { mount, mountAfterPaint } from '/article-widget/index.js';
  const options = { comments: '#comments', remember: false, open: 'all' };
  if (${afterPaint}) {
    // After the first paint the top of the article is on screen: the parts wait in
    // the navigator, whose sheet the test opens.
    window.articleWidget = await mountAfterPaint('.post-body', options);
  } else {
    await init();
    window.articleWidget = mount('.post-body', options);
  }
  window.__ready = true;
</script></body></html>`;
}

// The look of every element of the contents and the key-quotes panel, and of its
// ::before and ::after, in document order.
function looks() {
  const PROPS = ['display', 'float', 'position', 'width', 'height', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width', 'border-right-width', 'border-bottom-width',
    'border-left-width', 'background-image', 'background-color', 'font-size', 'font-style', 'font-weight', 'letter-spacing',
    'line-height', 'text-transform', 'text-decoration-line', 'list-style-type', 'content', 'counter-increment'];
  const out = [];
  for (const e of document.querySelectorAll(window.__looksOf || '.aw-toc, .aw-toc *, .aw-quotes, .aw-quotes *, .aw-comments-facade, .aw-comments-facade *')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(e, pseudo);
      if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
      out.push({ what: `${e.className || e.localName}${pseudo ?? ''}`, ...Object.fromEntries(PROPS.map((p) => [p, s.getPropertyValue(p)])) });
    }
  }
  return out;
}

let server;
let browser;
before(async () => {
  server = await serve({
    mounts: [['/article-widget/', `${REPO}pkg`]],
    pages: {
      '/plain.html': () => page(''),
      '/themed.html': () => page(THEME),
      '/plain-nav.html': () => page('', true),
      '/themed-nav.html': () => page(THEME, true),
    },
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function looksOf(path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await onlyLoopback(context);
  const asked = [];
  context.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20_000 });
    const counts = await page.evaluate(() => [document.querySelectorAll('.aw-toc-item').length, document.querySelectorAll('.aw-quote').length]);
    if (path.includes('-nav')) {
      await page.click('.aw-nav-button');
      await page.evaluate(() => (window.__looksOf = '.aw-nav, .aw-nav *'));
    }
    return { looks: await page.evaluate(looks), counts, asked };
  } finally {
    await context.close();
  }
}

for (const [what, path] of [
  ['the contents, the key-quotes panel and the comments facade', ''],
  ["the navigator's button and its open sheet", '-nav'],
]) test(`a theme's rules do not reach ${what}`, async () => {
  const plain = await looksOf(`/plain${path}.html`);
  const themed = await looksOf(`/themed${path}.html`);
  assert.deepEqual(plain.counts, [3, 3], 'three sections and three key quotes');
  assert.deepEqual(themed.counts, plain.counts);
  assert.ok(!themed.asked.includes('/theme/quote-mark.png'), "the theme's image was fetched for the panel");
  assert.equal(themed.looks.length, plain.looks.length, 'the same elements and pseudo-elements');
  for (const [i, want] of plain.looks.entries()) assert.deepEqual(themed.looks[i], want, `${want.what}, element ${i}`);
});
