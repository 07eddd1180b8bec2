#!/usr/bin/env bash
# Builds the npm package in pkg/: the release wasm, its wasm-bindgen JS glue (--target
# web), the module shrunk with wasm-opt -Oz, the stylesheet, the hand-written entry,
# one-tag embed and types from js/, a README for npm and a package.json. Offline: every
# tool comes from scripts/ensure-tools.sh. Prints the sizes of what ships.
# `make pack` then packs pkg/ into pkg/article-widget-<version>.tgz.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

out=pkg
wasm_in=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/article_widget.wasm
wasm_out=$out/article_widget_bg.wasm
wasm_opt=node_modules/.bin/wasm-opt

cargo build --release --target wasm32-unknown-unknown --lib

rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" "$wasm_in"

# The module's own JS (js/read.js, imported by the Rust side as a snippet) goes into
# the glue itself: one file to fetch, not a second round trip after the first.
node scripts/inline-snippets.mjs "$out"

# The features rustc 1.95 enables by default for wasm32-unknown-unknown, plus the
# reference types wasm-bindgen's externref table uses. wasm-opt drops the name and
# producers sections (no -g), which is a third of the unoptimised file.
# --low-memory-unused: Rust puts nothing in the first kilobyte of memory (its stack
# starts at 1 MiB), so addresses there can fold into load offsets; --converge runs
# the passes until the file stops shrinking (together about 0.7 KB gzip).
"$wasm_opt" -Oz --low-memory-unused --converge \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  -o "$wasm_out.opt" "$wasm_out"
mv "$wasm_out.opt" "$wasm_out"

# Short import and export names (a letter or two for wasm-bindgen's hashed ones), in the .wasm
# and in the glue's imports object alike: 4.4 KB gzip of hashes that do not compress.
node scripts/short-names.mjs "$out"

# The stylesheet, minified (its comments are for this repository's readers).
node_modules/.bin/esbuild styles/article-widget.css --minify --legal-comments=none \
  --log-level=warning --outfile="$out/article-widget.css"

# The package's own modules and types (js/): index.js re-exports the generated module
# under the hand-written index.d.ts and imports rehearse.js (for warmUp) and
# after-paint.js (for mountAfterPaint); embed.js is the one-tag embed, which imports
# after-paint.js, roots.js and the entry.
cp js/index.js js/index.d.ts js/embed.js js/embed.d.ts js/after-paint.js js/roots.js js/rehearse.js js/article-widget.css.d.ts "$out/"

# The error codes, defined once in Rust (Error::CODES): the list of
# isArticleWidgetError in index.js and the TypeScript union ArticleWidgetErrorCode.
cargo run --quiet --example error_codes | node scripts/fill-error-codes.mjs "$out"

# The shipped JS minified (esbuild, pinned in package.json): the glue, the entry, the
# embed, the paint wait, the root finder and the rehearsal. Exports, import paths and
# import.meta.url are kept; the glue's pointer to its types goes back on top. The embed
# takes the paint wait in (bundled): a page with the <script src> tag fetches the embed
# while it loads, and a second file then would count against its largest paint.
for f in article_widget.js index.js embed.js after-paint.js roots.js rehearse.js; do
  bundle=()
  if [ "$f" = embed.js ]; then
    bundle=(--bundle --external:./index.js --external:./roots.js)
  fi
  node_modules/.bin/esbuild "$out/$f" "${bundle[@]}" --minify --format=esm --legal-comments=none \
    --log-level=warning --outfile="$out/$f.min"
  mv "$out/$f.min" "$out/$f"
done
sed -i '1i /* @ts-self-types="./article_widget.d.ts" */' "$out/article_widget.js"
# Chrome's explicit compile hint, first in the file: nearly every function of the glue
# and the embed runs while the widget mounts, so V8 compiles them all at once, off the
# main thread while the file streams in, instead of each on its first call, on the
# main thread (which was as much time as compiling the WebAssembly in the cold steps).
for f in article_widget.js index.js embed.js after-paint.js roots.js rehearse.js; do
  sed -i '1i //# allFunctionsCalledOnLoad' "$out/$f"
done

# Version, description and licence come from Cargo.toml's [package] table, and the
# repository (for the README's link to the full documentation) when it names one.
cargo_field() {
  sed -n '/^\[package\]/,/^\[/ s/^'"$1"' *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1
}
version=$(cargo_field version)
description=$(cargo_field description)
license=$(cargo_field license)
repository=$(cargo_field repository)

VERSION="$version" DESCRIPTION="$description" LICENSE="$license" REPOSITORY="$repository" \
  node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
const env = process.env;
const pkg = {
  name: "article-widget",
  version: env.VERSION,
  description: env.DESCRIPTION,
  license: env.LICENSE,
  ...(env.REPOSITORY ? { repository: { type: "git", url: env.REPOSITORY }, homepage: `${env.REPOSITORY}#readme` } : {}),
  keywords: ["blogger", "blog", "article", "table-of-contents", "collapsible", "quotes", "comments", "lazy-loading", "webassembly"],
  type: "module",
  main: "./index.js",
  module: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.js" },
    "./embed": { types: "./embed.d.ts", default: "./embed.js" },
    "./article-widget.css": { types: "./article-widget.css.d.ts", default: "./article-widget.css" },
    "./article_widget_bg.wasm": "./article_widget_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "index.js",
    "index.d.ts",
    "embed.js",
    "embed.d.ts",
    "roots.js",
    "after-paint.js",
    "rehearse.js",
    "article_widget.js",
    "article_widget_bg.wasm",
    "article-widget.css",
    "article-widget.css.d.ts",
  ],
  sideEffects: ["./article-widget.css", "./embed.js"],
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
const docs = env.REPOSITORY
  ? `Every option, the events, the error codes and lazy comments on Blogger: ${env.REPOSITORY}#readme`
  : "Every option, the events and the error codes are documented in the types (`index.d.ts`) and in the README of the source repository.";
const readme = readFileSync("js/README.npm.md", "utf8").split("{{DOCS}}").join(docs);
writeFileSync("pkg/README.md", readme);
'
# wasm-bindgen writes a .gitignore of "*" into the out dir; npm pack would honour it.
rm -f "$out/.gitignore"

size_line() {
  printf '%-28s %9d bytes  %8d gzip -9\n' "$1" "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}
echo "Package in $out/ (version $version):"
size_line "$wasm_out"
size_line "$out/article_widget.js"
size_line "$out/article-widget.css"
size_line "$out/embed.js"
