import { chromium } from 'playwright-core';
const b = await chromium.connectOverCDP(`http://127.0.0.1:${process.argv[2]}`);
const ctx = b.contexts()[0];
const page = ctx.pages().find(p => p.url().includes('wbg'));
console.log(await page.evaluate(() => JSON.stringify(performance.getEntriesByType('resource').map(r => [r.name, Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize, r.encodedBodySize]))));
console.log(await page.evaluate(() => [...document.scripts].map(s => s.type + ' ' + s.src + ' ' + s.textContent.slice(0, 400)).join('\n')));
process.exit(0);
