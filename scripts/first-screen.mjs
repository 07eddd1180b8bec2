// The one-tag page's first screen on a phone, before the module runs and after the
// widget mounted, for the README: node scripts/first-screen.mjs [outDir] [width] [height]
// writes outDir/one-tag-phone-before.png and -after.png and prints how many pixels
// differ between them (0: the reader's first screen has not moved). The module is held back
// until the first picture is taken; the second is taken once the widget has mounted.
import { start } from './serve.mjs';
import { holdBack, launchChromium, onlyLoopback } from './browser.mjs';
import { inflateSync } from 'node:zlib';

const [outDir = 'docs', width = '412', height = '823'] = process.argv.slice(2);
const server = await start({ port: 0, commentsPort: 0 });
const browser = await launchChromium();
let failed = false;
try {
  {
    const context = await browser.newContext({
      viewport: { width: +width, height: +height },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    const blocked = await onlyLoopback(context);
    const release = await holdBack(context, '**/pkg/article_widget.js');
    const page = await context.newPage();
    await page.goto(`${server.url}one-tag.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.images].every((i) => i.complete));
    const name = (when) => `${outDir}/one-tag-phone-${when}.png`;
    const before = await page.screenshot({ path: name('before') });
    release();
    await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
    // The stylesheet and the mount's last task, then a frame.
    await page.waitForTimeout(500);
    const after = await page.screenshot({ path: name('after') });
    const sections = await page.evaluate(() => document.querySelectorAll('.aw-toggle').length);
    await context.close();
    const diff = differingPixels(before, after);
    console.log(`${name('before')}, ${name('after')}: ${diff} of ${width}x${height} pixels differ; ${sections} section toggles`);
    if (blocked.length) console.log(`requests not to 127.0.0.1 (aborted): ${blocked.join(' ')}`);
    if (sections === 0 || diff > 0) failed = true;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

/** How many pixels of two PNG screenshots (8-bit RGB or RGBA, as Chromium writes them) differ. */
function differingPixels(a, b) {
  const [pa, pb] = [decode(a), decode(b)];
  if (pa.width !== pb.width || pa.height !== pb.height) return pa.width * pa.height;
  let n = 0;
  for (let i = 0; i < pa.pixels.length; i += pa.channels) {
    for (let c = 0; c < pa.channels; c++) {
      if (pa.pixels[i + c] !== pb.pixels[i + c]) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** A PNG's pixels, unfiltered (no interlacing; 8 bits a channel). */
function decode(png) {
  let pos = 8;
  let width = 0, height = 0, channels = 0;
  const data = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[body[9]];
      if (body[8] !== 8 || !channels || body[12] !== 0) throw new Error('unsupported PNG');
    } else if (type === 'IDAT') data.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += left;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [da, db, dc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        v += da <= db && da <= dc ? left : db <= dc ? up : upLeft;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}
