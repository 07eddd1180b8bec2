#!/usr/bin/env bash
# Runs a command with DISPLAY set to an X server of its own (Xvfb), ended afterwards:
# WebKitGTK's MiniBrowser has no headless mode. Xvfb picks a free display itself
# (-displayfd), so that runs started at the same moment do not race for one, as
# `xvfb-run -a` can. Usage: tests/webdriver/xvfb.sh COMMAND [ARGS...]
set -euo pipefail

dir=$(mktemp -d "${TMPDIR:-/tmp}/aw-xvfb.XXXXXX")
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; rm -rf "$dir"' EXIT

for _ in $(seq 100); do
  [ -s "$dir/display" ] && break
  if ! kill -0 "$xvfb" 2>/dev/null; then
    echo "xvfb.sh: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$dir/display" ]; then
  echo "xvfb.sh: Xvfb chose no display within 10 s" >&2
  exit 1
fi
DISPLAY=":$(head -n 1 "$dir/display")"
export DISPLAY
"$@"
