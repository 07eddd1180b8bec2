// The embed tags of the README's "Blogger: one tag" section, as a blogger copies them
// (the inline loader first, then the shorter <script src>), pointed at `embed`, the
// embed's address here in place of https://YOUR-HOST/article-widget/embed.js. The demo
// server and the package tests serve these very tags, so the README cannot drift from
// what is measured and tested.
import { readFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);
const HOSTED = 'https://YOUR-HOST/article-widget/embed.js';

export function readmeTags(embed) {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf('### Blogger: one tag');
  const end = readme.indexOf('\n### ', start + 1);
  if (start < 0) throw new Error('README.md has no "### Blogger: one tag" section');
  const tags = [...readme.slice(start, end).matchAll(/```html\n(<script[^\n]*<\/script>)\n```/g)].map((m) => m[1]);
  const [loader, src] = tags;
  if (tags.length !== 2 || !loader.includes(HOSTED) || !src.includes(HOSTED)) {
    throw new Error(`README.md's "Blogger: one tag" section should hold two one-line tags with ${HOSTED}`);
  }
  return { loader: loader.replace(HOSTED, embed), src: src.replace(HOSTED, embed) };
}
