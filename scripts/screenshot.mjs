// Takes a screenshot of the demo page as a reader sees it, for the README and for
// looking at changes: node scripts/screenshot.mjs [out.png] [scrollY] [width] [height]
import { start } from './serve.mjs';
import { launchChromium, onlyLoopback } from './browser.mjs';

const [out = 'docs/screenshot.png', scrollY = '0', width = '900', height = '1400'] = process.argv.slice(2);
const server = await start({ port: 0, commentsPort: 0 });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: +width, height: +height } });
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget);
  await page.evaluate((y) => window.scrollTo(0, y), +scrollY);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
  await server.close();
}
