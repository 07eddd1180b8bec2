#!/usr/bin/env bash
# Runs COMMAND (wasm-bindgen-test-runner's tests in a browser) up to three times, again
# only when its browser never came up: the runner started a session ("Running headless
# tests in ...") but no test ran ("running N tests"). WebKitGTK's MiniBrowser fails to
# start about once in fifteen here, and the runner then gives up after 60 s; Chromium's
# renderer once never answered on a loaded machine ("Loading scripts..." until the
# driver's 300 s timeout). A test that ran and failed, or a build that failed, is
# reported at once.
# Usage: tests/webdriver/retry-start.sh COMMAND [ARGS...]
set -uo pipefail

log=$(mktemp "${TMPDIR:-/tmp}/aw-retry.XXXXXX")
trap 'rm -f "$log"' EXIT

for try in 1 2 3; do
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then
    exit 0
  fi
  if ! grep -q '^Running headless tests in ' "$log" || grep -q '^running [0-9]* tests\?$' "$log"; then
    exit "$status"
  fi
  echo "retry-start.sh: the browser did not start (try $try of 3)" >&2
done
exit 1
