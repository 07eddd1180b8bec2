// Gives the module's imports short names, in the .wasm and in its glue alike. wasm-bindgen
// names each imported JS function after the method and a 16-digit hash
// (`__wbg_appendChild_dbf7ad2f48413560`), and each snippet's module after a hashed path
// (`./snippets/article-widget-965bb3ba62787dcb/js/read.js`); every name is written
// twice, in the .wasm's import section and as a key of the glue's imports object, and
// the hashes do not compress. Here each import module becomes a letter and each import
// of the main glue module one or two letters. Run by scripts/build-package.sh after
// wasm-opt and before the glue is minified.
//
//   node scripts/short-imports.mjs OUT   (OUT/article_widget_bg.wasm, OUT/article_widget.js)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The glue's own import module: its functions are keys of the imports object. */
const GLUE_MODULE = './article_widget_bg.js';

export function shortImports(out) {
  const wasmPath = join(out, 'article_widget_bg.wasm');
  const gluePath = join(out, 'article_widget.js');
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');

  const section = importSection(wasm);
  const imports = parseImports(wasm, section);
  const modules = [...new Set(imports.map((i) => i.module))];
  const moduleName = new Map(modules.map((m, k) => [m, shortName(k)]));
  const fieldName = new Map();
  for (const i of imports) {
    if (i.module === GLUE_MODULE && !fieldName.has(i.field)) fieldName.set(i.field, shortName(fieldName.size));
  }

  // The glue: each module is a quoted key ("./article_widget_bg.js": {...}), each glue
  // import an unquoted key (__wbg_add_cf82c8d153d93ae1: function ...). Every name must
  // be found exactly once, or the build stops: a glue of another shape is not guessed at.
  const replaceOnce = (pattern, to, what) => {
    const found = glue.match(new RegExp(pattern, 'g'))?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${what} is in the glue ${found} times, not once`);
    glue = glue.replace(new RegExp(pattern), to);
  };
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const [from, to] of moduleName) replaceOnce(`(["'])${escape(from)}\\1(?=\\s*:)`, `"${to}"`, `the module key ${from}`);
  for (const [from, to] of fieldName) replaceOnce(`(?<![\\w$])${escape(from)}(?=\\s*:)`, to, `the import ${from}`);

  const names = imports.map((i) => ({
    module: moduleName.get(i.module),
    field: i.module === GLUE_MODULE ? fieldName.get(i.field) : i.field,
    desc: i.desc,
  }));
  const body = Buffer.concat([uleb(names.length), ...names.flatMap((i) => [name(i.module), name(i.field), i.desc])]);
  const rewritten = Buffer.concat([wasm.subarray(0, section.start), Buffer.from([2]), uleb(body.length), body, wasm.subarray(section.end)]);
  writeFileSync(wasmPath, rewritten);
  writeFileSync(gluePath, glue);
  return { imports: imports.length, modules: modules.length, saved: wasm.length - rewritten.length };
}

/** Identifiers a, b, ..., Z, aa, ab, ...: never a JS keyword that matters as a key. */
function shortName(k) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  for (k += 1; k > 0; k = Math.floor((k - 1) / letters.length)) s = letters[(k - 1) % letters.length] + s;
  return s;
}

function readUleb(buf, pos) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

function name(s) {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([uleb(b.length), b]);
}

/** Where the import section (id 2) starts (its id byte) and ends. */
function importSection(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports: not a WebAssembly module');
  for (let pos = 8; pos < wasm.length; ) {
    const id = wasm[pos];
    const [size, body] = readUleb(wasm, pos + 1);
    if (id === 2) return { start: pos, body, end: body + size };
    pos = body + size;
  }
  throw new Error('short-imports: the module has no import section');
}

/** The imports: module, field, and the bytes of what is imported (kept as they are). */
function parseImports(wasm, { body, end }) {
  let [count, pos] = readUleb(wasm, body);
  const str = () => {
    const [len, at] = readUleb(wasm, pos);
    pos = at + len;
    return wasm.toString('utf8', at, pos);
  };
  const limits = () => {
    const [flags, at] = readUleb(wasm, pos);
    pos = readUleb(wasm, at)[1];
    if (flags & 1) pos = readUleb(wasm, pos)[1];
  };
  const imports = [];
  while (count--) {
    const module = str();
    const field = str();
    const descStart = pos;
    const kind = wasm[pos++];
    if (kind === 0) pos = readUleb(wasm, pos)[1];
    else if (kind === 1) (pos++, limits());
    else if (kind === 2) limits();
    else if (kind === 3) pos += 2;
    else if (kind === 4) pos = readUleb(wasm, pos + 1)[1];
    else throw new Error(`short-imports: import kind ${kind} unknown`);
    imports.push({ module, field, desc: wasm.subarray(descStart, pos) });
  }
  if (pos !== end) throw new Error('short-imports: the import section did not parse to its end');
  return imports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { imports, modules, saved } = shortImports(process.argv[2]);
  console.log(`short-imports: ${imports} imports from ${modules} modules renamed (${saved} bytes off the .wasm)`);
}
