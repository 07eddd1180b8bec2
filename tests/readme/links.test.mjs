// Every relative link of README.md, docs/*.md and bench/README.md names a file that is
// there (the part after `#` is not checked). Links inside code (fenced or inline) are
// not links. No browser, no package: runs in a moment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FILES = [
  'README.md',
  'bench/README.md',
  ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
];

/** The targets of a Markdown text's inline links and images, code left out. */
function linkTargets(markdown) {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

test('the docs hold the pages the README links to', () => {
  for (const f of ['architecture', 'browsers', 'safety', 'quotes', 'real-pages', 'start-up']) {
    assert.ok(FILES.includes(`docs/${f}.md`), `docs/${f}.md is missing`);
  }
});

for (const file of FILES) {
  test(`every relative link of ${file} resolves`, () => {
    const targets = linkTargets(readFileSync(join(REPO, file), 'utf8'));
    const relativeOnes = targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
    for (const target of relativeOnes) {
      const path = join(dirname(join(REPO, file)), decodeURIComponent(target.split('#')[0]));
      assert.ok(existsSync(path), `${file} links to ${target}, which is not there (${relative(REPO, path)})`);
    }
  });
}
