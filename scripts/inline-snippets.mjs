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
  const js = readFileSync(glue, 'utf8').replace(
    /^import \{[^}]*\} from '\.\/(snippets\/[^']+)';\n/gm,
    (_, path) => readFileSync(join(out, path), 'utf8').replace(/^export /gm, '') + '\n',
  );
  if (js.includes('./snippets/')) throw new Error('inline-snippets: a snippet import was left in the glue');
  writeFileSync(glue, js);
  rmSync(join(out, 'snippets'), { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) inlineSnippets(process.argv[2]);
