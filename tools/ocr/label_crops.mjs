// label_crops.mjs — the graph labels of a slice as a person sees them, large: opens the
// explorer in headless Chromium at a high device pixel ratio (13 px labels drawn with
// 52 device px at --dpr 4), waits until the layout has settled and no text waits for a
// font piece, and saves one PNG per placed label (its box, cropped from the canvas) with
// labels.json: [{id, text, file}]. tools/ocr-check.sh reads them with tesseract.
//
//   node tools/ocr/label_crops.mjs WEB_DIR SLICE.json OUT_DIR [--dpr 4] [--size 1280x800]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const [webDir, slicePath, outDir] = args;
if (!webDir || !slicePath || !outDir) {
  console.error('usage: label_crops.mjs WEB_DIR SLICE.json OUT_DIR [--dpr 4] [--size 1280x800]');
  process.exit(2);
}
const [width, height] = opt('--size', '1280x800').split('x').map(Number);
const dpr = Number(opt('--dpr', '4'));
fs.mkdirSync(outDir, { recursive: true });
const slice = fs.readFileSync(slicePath, 'utf8');

const server = await startServer(webDir, 0);
const browser = await chromium.launch({
  executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: 'light' });
  await page.route('**/ocr-slice.json', (route) => route.fulfill({ contentType: 'application/json', body: slice }));
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html?src=ocr-slice.json`);
  await page.waitForFunction(() => window.rgv && window.rgv.state().status === 'ready' && window.rgv.state().frames > 20, null, { timeout: 60000 });
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 }).catch(() => {});
  await page.waitForFunction(() => !window.rgv.state().fonts.pending, null, { timeout: 30000 });
  await page.waitForTimeout(800); // the camera's last flight
  const state = await page.evaluate(() => window.rgv.state());
  const canvas = await page.locator('canvas').first().boundingBox();
  const out = [];
  for (const [i, l] of state.labels.entries()) {
    const [x0, y0, x1, y1] = l.box;
    const file = `label-${String(i).padStart(2, '0')}.png`;
    // A margin of the background around the box: tesseract wants some quiet space.
    await page.screenshot({ path: path.join(outDir, file), clip: { x: canvas.x + x0 - 4, y: canvas.y + y0 - 4, width: x1 - x0 + 8, height: y1 - y0 + 8 } });
    out.push({ id: l.id, text: l.text, file });
  }
  fs.writeFileSync(path.join(outDir, 'labels.json'), JSON.stringify(out, null, 1));
  console.log(`${out.length} labels cropped at DPR ${dpr} into ${outDir}; fonts missing: ${JSON.stringify(state.fonts.missing)}`);
} finally {
  await browser.close();
  server.close();
}
