// Reads the widget's error codes (`code<TAB>when` lines from examples/error_codes.rs,
// that is Error::CODES of src/core/error.rs) on standard input and puts them into the
// package in OUT_DIR: the list of isArticleWidgetError in index.js and the TypeScript
// union ArticleWidgetErrorCode in index.d.ts. Run by scripts/build-package.sh.
//
//   cargo run --quiet --example error_codes | node scripts/fill-error-codes.mjs pkg
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const codes = readFileSync(0, 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));
if (!out || codes.length < 5 || codes.some((c) => c.length !== 2 || !/^[a-z]+(-[a-z]+)+$/.test(c[0]))) {
  console.error('fill-error-codes: expected an output folder and code<TAB>when lines on standard input');
  process.exit(1);
}

function fill(file, placeholder, text) {
  const path = join(out, file);
  const src = readFileSync(path, 'utf8');
  if (!src.includes(placeholder)) {
    console.error(`fill-error-codes: ${path} has no ${placeholder}`);
    process.exit(1);
  }
  writeFileSync(path, src.replace(placeholder, text));
}

fill('index.js', '/* CODES */', `\n  ${codes.map(([c]) => `'${c}'`).join(',\n  ')},\n`);
fill(
  'index.d.ts',
  '  /* CODES: the package build puts here every code of src/core/error.rs (Error::CODES), with when it is thrown. */\n  string;',
  codes.map(([c, when]) => `  /** ${when} */\n  | '${c}'`).join('\n') + ';',
);
