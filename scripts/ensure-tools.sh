#!/usr/bin/env bash
# Installs what building and testing the project needs, and nothing when all of it is
# already here. Safe to run again and again: each piece is checked first, and each
# piece it has to install prints one line. Installer output goes to a log that is shown
# only when the installer fails.
#
# Pieces: the wasm32 Rust target, rustfmt and clippy, the wasm-bindgen CLI at the exact
# version in Cargo.lock, Chromium + chromedriver + Firefox ESR (Debian packages),
# WebKitWebDriver + MiniBrowser + Xvfb (Debian packages), geckodriver, and the npm
# devDependencies (wasm-opt from binaryen, playwright-core, selenium-webdriver).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log=$(mktemp "${TMPDIR:-/tmp}/ensure-tools.XXXXXX")
trap 'rm -f "$log"' EXIT

# run DESCRIPTION COMMAND...: announce one install, run it quietly, show the log if it fails.
run() {
  local what=$1
  shift
  echo "ensure-tools: installing $what"
  if ! "$@" >"$log" 2>&1; then
    echo "ensure-tools: installing $what failed; last lines of its output:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "ensure-tools: '$*' needs root; run this script as root or install sudo" >&2
    exit 1
  fi
}

for tool in cargo rustup node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ensure-tools: '$tool' is not on PATH; install Rust (rustup) and Node.js 20 first" >&2
    exit 1
  fi
done

# Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  run "rust target wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    run "rust component $component" rustup component add "$component"
  fi
done

# wasm-bindgen CLI: must equal the wasm-bindgen crate version the build links, else
# wasm-bindgen stops with "rust Wasm file schema version ... this binary schema version".
# Read it from Cargo.lock; before the first lock exists, from the `=x.y.z` pin in Cargo.toml.
wb_version=""
if [ -f Cargo.lock ]; then
  wb_version=$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' Cargo.lock)
fi
if [ -z "$wb_version" ]; then
  wb_version=$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)
fi
if [ -z "$wb_version" ]; then
  echo "ensure-tools: cannot find the wasm-bindgen version in Cargo.lock or Cargo.toml" >&2
  exit 1
fi
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have_wb" != "$wb_version" ] || [ "$have_runner" != "$wb_version" ]; then
  # Not --locked: the CLI's own lock file pins crates this registry no longer resolves.
  run "wasm-bindgen-cli $wb_version (takes a few minutes)" \
    cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# Browsers and drivers from Debian: Chromium and chromedriver, Firefox ESR, and for the
# WebDriver tests (tests/webdriver/) WebKitGTK's WebKitWebDriver with its MiniBrowser
# (webkit2gtk-driver) and an X server for MiniBrowser, which has no headless mode (Xvfb;
# xauth for xvfb-run). One package-list update for whatever is missing.
need_browsers=false
need_webkit=false
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v firefox-esr >/dev/null 2>&1; then
  need_browsers=true
fi
if ! command -v WebKitWebDriver >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1 || ! command -v xauth >/dev/null 2>&1; then
  need_webkit=true
fi
if $need_browsers || $need_webkit; then
  run "apt package lists" as_root env DEBIAN_FRONTEND=noninteractive apt-get update
fi
if $need_browsers; then
  run "chromium chromium-driver firefox-esr (apt)" \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver firefox-esr
fi
if $need_webkit; then
  # Without recommends: WebKitGTK's pull in GStreamer plugins and more, which no test uses.
  run "webkit2gtk-driver xvfb xauth (apt)" \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth
fi

# geckodriver is not packaged in Debian 12.
if ! command -v geckodriver >/dev/null 2>&1; then
  run "geckodriver (takes a few minutes)" cargo install geckodriver --locked
fi

# npm devDependencies: wasm-opt (binaryen), playwright-core and selenium-webdriver.
# A node_modules that lost its contents (emptied, or half-removed) counts as missing.
if [ ! -x node_modules/.bin/wasm-opt ] || { [ -f package-lock.json ] && [ node_modules -ot package-lock.json ]; }; then
  if [ -f package-lock.json ]; then
    run "npm packages (npm ci)" npm ci --no-audit --no-fund
  else
    run "npm packages (npm install)" npm install --no-audit --no-fund
  fi
  # npm writes package-lock.json after node_modules; keep node_modules the newer one.
  touch node_modules
fi
