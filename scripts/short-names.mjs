// Gives the module's imports and exports short names, in the .wasm and in its glue alike
// (and in the .wasm's types). wasm-bindgen
// names each imported JS function after the method and a 16-digit hash
// (`__wbg_appendChild_dbf7ad2f48413560`), and each snippet's module after a hashed path
// (`./snippets/article-widget-965bb3ba62787dcb/js/read.js`); every name is written
// twice, in the .wasm's import section and as a key of the glue's imports object, and
// the hashes do not compress; its exports are named after Rust paths
// (`wasm_bindgen__convert__closures_____invoke__h21dd59f23055ee5c`, `widget_loadComments`).
// Here each import module becomes a letter, each import of the main glue module and
// each export one or two letters. The exports that js/warm.js's worker calls by name
// keep theirs. Run by scripts/build-package.sh after wasm-opt and before the glue is
// minified.
//
//   node scripts/short-names.mjs OUT   (OUT/article_widget_bg.wasm, OUT/article_widget.js,
//                                       OUT/article_widget_bg.wasm.d.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The glue's own import module: its functions are keys of the imports object. */
const GLUE_MODULE = './article_widget_bg.js';
/** The exports js/warm.js's worker uses by name. */
const KEEP_EXPORTS = new Set(['memory', 'warm_buffer', 'warm']);

export function shortNames(out) {
  const wasmPath = join(out, 'article_widget_bg.wasm');
  const gluePath = join(out, 'article_widget.js');
  const typesPath = join(out, 'article_widget_bg.wasm.d.ts');
  let wasm = readFileSync(wasmPath);
  const size = wasm.length;
  let glue = readFileSync(gluePath, 'utf8');
  let types = readFileSync(typesPath, 'utf8');

  const section = findSection(wasm, 2, 'import');
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
    if (found !== 1) throw new Error(`short-names: ${what} is in the glue ${found} times, not once`);
    glue = glue.replace(new RegExp(pattern), to);
  };
  for (const [from, to] of moduleName) replaceOnce(`(["'])${escape(from)}\\1(?=\\s*:)`, `"${to}"`, `the module key ${from}`);
  for (const [from, to] of fieldName) replaceOnce(`(?<![\\w$])${escape(from)}(?=\\s*:)`, to, `the import ${from}`);

  const names = imports.map((i) => ({
    module: moduleName.get(i.module),
    field: i.module === GLUE_MODULE ? fieldName.get(i.field) : i.field,
    desc: i.desc,
  }));
  wasm = replaceSection(wasm, section, 2, [uleb(names.length), ...names.flatMap((i) => [name(i.module), name(i.field), i.desc])]);

  // The exports: the glue calls them as `wasm.NAME` (wasm = instance.exports); the
  // .wasm's types declare them as `export const NAME:`.
  const exportSection = findSection(wasm, 7, 'export');
  const exports = parseExports(wasm, exportSection);
  let renamed = 0;
  for (const e of exports) {
    if (KEEP_EXPORTS.has(e.name)) continue;
    const to = `_${shortName(renamed++)}`;
    glue = glue.replace(new RegExp(`(?<![\\w$])wasm\\.${escape(e.name)}(?![\\w$])`, 'g'), `wasm.${to}`);
    types = types.replace(new RegExp(`^export const ${escape(e.name)}:`, 'm'), `export const ${to}:`);
    e.name = to;
  }
  for (const keep of KEEP_EXPORTS) {
    if (!exports.some((e) => e.name === keep)) throw new Error(`short-names: the module exports no ${keep}`);
  }
  wasm = replaceSection(wasm, exportSection, 7, [uleb(exports.length), ...exports.flatMap((e) => [name(e.name), e.desc])]);

  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  writeFileSync(typesPath, types);
  return { imports: imports.length, modules: modules.length, exports: renamed, saved: size - wasm.length };
}

/** `wasm` with the section at `at` replaced by one of id `id` made of `parts`. */
function replaceSection(wasm, at, id, parts) {
  const body = Buffer.concat(parts);
  return Buffer.concat([wasm.subarray(0, at.start), Buffer.from([id]), uleb(body.length), body, wasm.subarray(at.end)]);
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

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Where the section of id `id` starts (its id byte), where its body starts, and its end. */
function findSection(wasm, id, what) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-names: not a WebAssembly module');
  for (let pos = 8; pos < wasm.length; ) {
    const [size, body] = readUleb(wasm, pos + 1);
    if (wasm[pos] === id) return { start: pos, body, end: body + size };
    pos = body + size;
  }
  throw new Error(`short-names: the module has no ${what} section`);
}

/** The exports: name, and the bytes of what is exported (kind and index, kept). */
function parseExports(wasm, { body, end }) {
  let [count, pos] = readUleb(wasm, body);
  const exports = [];
  while (count--) {
    const [len, at] = readUleb(wasm, pos);
    const name = wasm.toString('utf8', at, at + len);
    const descStart = at + len;
    pos = readUleb(wasm, descStart + 1)[1];
    exports.push({ name, desc: wasm.subarray(descStart, pos) });
  }
  if (pos !== end) throw new Error('short-names: the export section did not parse to its end');
  return exports;
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
    else throw new Error(`short-names: import kind ${kind} unknown`);
    imports.push({ module, field, desc: wasm.subarray(descStart, pos) });
  }
  if (pos !== end) throw new Error('short-names: the import section did not parse to its end');
  return imports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { imports, modules, exports, saved } = shortNames(process.argv[2]);
  console.log(`short-names: ${imports} imports from ${modules} modules and ${exports} exports renamed (${saved} bytes off the .wasm)`);
}
