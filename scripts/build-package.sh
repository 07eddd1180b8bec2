#!/usr/bin/env bash
# Builds the npm package in pkg/: the release wasm, its wasm-bindgen JS glue (--target
# web), the module shrunk with wasm-opt -Oz, the stylesheet and a package.json. Offline:
# every tool comes from scripts/ensure-tools.sh. Prints the sizes of what ships.
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

# The features rustc 1.95 enables by default for wasm32-unknown-unknown, plus the
# reference types wasm-bindgen's externref table uses. wasm-opt drops the name and
# producers sections (no -g), which is a third of the unoptimised file.
"$wasm_opt" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  -o "$wasm_out.opt" "$wasm_out"
mv "$wasm_out.opt" "$wasm_out"

cp styles/article-widget.css "$out/"

# Version, description and licence come from Cargo.toml's [package] table.
cargo_field() {
  sed -n '/^\[package\]/,/^\[/ s/^'"$1"' *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1
}
version=$(cargo_field version)
description=$(cargo_field description)
license=$(cargo_field license)

VERSION="$version" DESCRIPTION="$description" LICENSE="$license" node --input-type=module -e '
import { writeFileSync } from "node:fs";
const pkg = {
  name: "article-widget",
  version: process.env.VERSION,
  description: process.env.DESCRIPTION,
  license: process.env.LICENSE,
  type: "module",
  main: "article_widget.js",
  module: "article_widget.js",
  types: "article_widget.d.ts",
  files: [
    "article_widget.js",
    "article_widget.d.ts",
    "article_widget_bg.wasm",
    "article_widget_bg.wasm.d.ts",
    "article-widget.css",
  ],
  sideEffects: ["*.css"],
  exports: {
    ".": { types: "./article_widget.d.ts", default: "./article_widget.js" },
    "./article-widget.css": "./article-widget.css",
    "./article_widget_bg.wasm": "./article_widget_bg.wasm",
  },
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
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
