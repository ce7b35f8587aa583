// screenshot.mjs — a picture of the web viewer as a user sees it, for docs and for
// looking at changes: serves WEB_DIR, opens PAGE in headless Chromium, waits until the
// layout has settled, saves a PNG.
//
//   node tools/screenshot.mjs WEB_DIR OUT.png [--page index.html?src=...] [--size 1280x800] [--dpr 2]
//                             [--hover NODE_ID]   (the mouse over that node: its highlight)
//                             [--scheme light|dark] (the OS colour scheme the page sees)
//                             [--mobile]          (a phone: isMobile and hasTouch)
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const [webDir, out] = args;
if (!webDir || !out) { console.error('usage: screenshot.mjs WEB_DIR OUT.png [--page P] [--size WxH] [--dpr N]'); process.exit(2); }
const [width, height] = opt('--size', '1280x800').split('x').map(Number);

const server = await startServer(webDir, 0);
const browser = await chromium.launch({
  executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const mobile = args.includes('--mobile');
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: Number(opt('--dpr', '1')),
    colorScheme: opt('--scheme', 'light'), isMobile: mobile, hasTouch: mobile });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`page: ${m.text()}`); });
  await page.goto(`http://127.0.0.1:${server.address().port}/${opt('--page', 'index.html')}`);
  await page.waitForFunction(() => window.rgv && window.rgv.state().status !== 'building' && window.rgv.state().frames > 20, null, { timeout: 60000 });
  await page.waitForFunction(() => window.rgv.state().layout.converged || window.rgv.state().error, null, { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(600); // let the camera animation finish
  const hover = opt('--hover', '');
  if (hover) {
    const at = await page.evaluate((id) => window.rgv.state().screen[id], hover);
    if (!at) throw new Error(`--hover: no node "${hover}" on screen (state().screen lists graphs up to 500 nodes)`);
    const box = await page.locator('canvas').first().boundingBox();
    await page.mouse.move(box.x + at[0], box.y + at[1]);
    await page.waitForFunction((id) => window.rgv.state().hovered === id, hover, { timeout: 30000 });
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.close();
}
