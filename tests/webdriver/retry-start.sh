#!/usr/bin/env bash
# Runs COMMAND (wasm-bindgen-test-runner's tests in a browser) up to five times, again
# only when its browser never came up: the runner started a session ("Running headless
# tests in ...") but no test ran ("running N tests"). WebKitGTK's MiniBrowser fails to
# start about once in fifteen here, and the runner then gives up after 60 s; Chromium's
# runner page sometimes stays on "Loading scripts..." (two of the module's files are
# never served), which the driver would wait out for 150 s (webdriver.json). So a run
# whose session has not started a test STALL_S seconds (default 75) after it began is
# stopped here (its whole process group: the runner, the driver, the browser) and run
# again. A test that ran and failed, or a build that failed, is reported at once.
# Usage: tests/webdriver/retry-start.sh COMMAND [ARGS...]
set -uo pipefail

STALL_S=${STALL_S:-75}
log=$(mktemp "${TMPDIR:-/tmp}/aw-retry.XXXXXX")
trap 'rm -f "$log"' EXIT

started() { grep -q '^Running headless tests in ' "$log"; }
ran() { grep -q '^running [0-9]* tests\?$' "$log"; }

for try in 1 2 3 4 5; do
  : >"$log"
  # A session of its own: its process group is the command and all it started.
  setsid "$@" >"$log" 2>&1 &
  pid=$!
  tail -n +1 -f --pid="$pid" "$log" &
  shown=$!
  since=""
  stalled=""
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ -z "$since" ] && started; then since=$SECONDS; fi
    if [ -n "$since" ] && ! ran && [ $((SECONDS - since)) -ge "$STALL_S" ]; then
      stalled=1
      kill -TERM -- "-$pid" 2>/dev/null
      sleep 2
      kill -KILL -- "-$pid" 2>/dev/null
      break
    fi
  done
  wait "$pid"
  status=$?
  wait "$shown" 2>/dev/null
  if [ -z "$stalled" ] && [ "$status" -eq 0 ]; then
    exit 0
  fi
  if [ -z "$stalled" ] && { ! started || ran; }; then
    exit "$status"
  fi
  if [ -n "$stalled" ]; then
    echo "retry-start.sh: no test ran ${STALL_S} s after the browser session began (try $try of 5)" >&2
  else
    echo "retry-start.sh: the browser did not start (try $try of 5)" >&2
  fi
done
exit 1
