// Headless Chromium as every script and test here starts it: Debian's /usr/bin/chromium
// (or CHROMIUM_PATH), driven by playwright-core. The flags keep Chromium from calling
// Google's services, which this network refuses; --no-sandbox because tests run as root.
// chromium.launch starts from a fresh temporary profile and removes it on close.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Every host name but 127.0.0.1 fails to resolve: a request elsewhere fails in the
// browser itself, with no interception (which adds tens of milliseconds a request on
// this machine: measured start-ups use this instead of onlyLoopback).
export const LOOPBACK_ONLY_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Records in `blocked` every request of `context` not to 127.0.0.1, without holding
 * any request up: with LOOPBACK_ONLY_ARG the browser fails them itself.
 */
export function watchOffLoopback(context, blocked = []) {
  context.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && new URL(url).hostname !== '127.0.0.1') blocked.push(url);
  });
  return blocked;
}

/** Lets requests to 127.0.0.1 through and aborts every other, recording it in `blocked`. */
export async function onlyLoopback(context, blocked = []) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}

/**
 * Holds back every request of `context` for `pattern` until the returned function is
 * called (to see a page before a script of it arrives).
 */
export async function holdBack(context, pattern) {
  let release;
  const held = new Promise((r) => (release = r));
  await context.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
