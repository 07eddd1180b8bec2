// Puts the module's own JS snippets (the files a `#[wasm_bindgen(module = "/js/...")]`
// imports, which wasm-bindgen copies to OUT/snippets/) into the glue OUT/article_widget.js
// itself, and removes OUT/snippets: one file to fetch, not a second round trip after
// the first. Run by scripts/build-package.sh (and bench/profile.mjs on its named build).
//
//   node scripts/inline-snippets.mjs OUT
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function inlineSnippets(out) {
  const glue = join(out, 'article_widget.js');
  const inlined = new Set();
  const keyed = new Set();
  // Each snippet's text once, its `export`s made plain declarations.
  const inline = (path) => {
    if (inlined.has(path)) return '';
    inlined.add(path);
    return readFileSync(join(out, path), 'utf8').replace(/^export /gm, '') + '\n';
  };
  // The names a snippet exports, for a namespace import (which wasm-bindgen makes
  // when the module calls a snippet's function directly, with no glue in between).
  const exported = (path) =>
    [...readFileSync(join(out, path), 'utf8').matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm)].map((m) => m[1]);
  const js = readFileSync(glue, 'utf8')
    .replace(/^import \{[^}]*\} from '\.\/(snippets\/[^']+)';\n/gm, (_, path) => inline(path))
    .replace(
      /^import \* as ([\w$]+) from ["']\.\/(snippets\/[^'"]+)["'];?\n/gm,
      (_, name, path) => `${inline(path)}const ${name} = { ${exported(path).join(', ')} };\n`,
    )
    // wasm-bindgen may list one snippet twice in the imports object: once is enough.
    .replace(/^(\s*)["']\.\/(snippets\/[^'"]+)["']: ([\w$]+),?\n/gm, (entry, indent, path, name) =>
      keyed.has(path) ? '' : (keyed.add(path), `${indent}"./${path}": ${name},\n`),
    );
  if (/^import .*\.\/snippets\//m.test(js)) throw new Error('inline-snippets: a snippet import was left in the glue');
  writeFileSync(glue, js);
  rmSync(join(out, 'snippets'), { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) inlineSnippets(process.argv[2]);
