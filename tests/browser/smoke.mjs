// smoke.mjs — the browser test of the walking skeleton: serve the web build on
// 127.0.0.1, open it in headless Chromium (playwright-core, Debian's /usr/bin/chromium),
// wait for the graph, and check through the page's JS hook (window.rgv.state()) that the
// counts match the sample; check the canvas shows drawn pixels in the graph area; save
// the screenshot in the build folder. Then the error path: a broken ?src= shows its
// message. Each check prints a line; the process exits non-zero on the first failure.
//
//   node tests/browser/smoke.mjs WEB_DIR OUT_DIR
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir, outDir] = process.argv.slice(2);
if (!webDir || !outDir) { console.error('usage: smoke.mjs WEB_DIR OUT_DIR'); process.exit(2); }

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name} ${detail}`); }
}

const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));
const server = await startServer(webDir, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => window.rgv && window.rgv.state().status === 'ready' && window.rgv.state().frames > 30,
                             null, { timeout: 60000 });
  // Let the layout settle so the screenshot shows the finished picture.
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 }).catch(() => {});
  const state = await page.evaluate(() => window.rgv.state());
  check('sample loads', state.status === 'ready' && state.error === '', JSON.stringify(state.error));
  check('node count matches the sample', state.nodes === sample.nodes.length, `${state.nodes} vs ${sample.nodes.length}`);
  check('edge count matches the sample', state.edges === sample.edges.length, `${state.edges} vs ${sample.edges.length}`);
  check('focus is the researcher', state.focus === sample.focus, state.focus);
  check('profile name shown', state.profileName === sample.profile.name, state.profileName);
  check('labels placed', state.labels.length > 5, String(state.labels.length));
  // No two labels overlap on screen (boxes as the renderer placed them).
  const overlaps = [];
  for (let i = 0; i < state.labels.length; i++) {
    for (let j = i + 1; j < state.labels.length; j++) {
      const [a, b] = [state.labels[i].box, state.labels[j].box];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) overlaps.push(`${state.labels[i].id} / ${state.labels[j].id}`);
    }
  }
  check('no two labels overlap', overlaps.length === 0, overlaps.join(', '));

  const shot = path.join(outDir, 'browser-smoke.png');
  await page.screenshot({ path: shot });
  const png = PNG.sync.read(fs.readFileSync(shot));
  const [ax, ay, aw, ah] = state.graphArea;
  let drawn = 0;
  for (let y = Math.ceil(ay); y < ay + ah; y++) {
    for (let x = Math.ceil(ax); x < ax + aw; x++) {
      const i = (y * png.width + x) * 4;
      // Background is (248, 248, 246): count clearly different pixels.
      if (Math.abs(png.data[i] - 248) + Math.abs(png.data[i + 1] - 248) + Math.abs(png.data[i + 2] - 246) > 24) drawn++;
    }
  }
  check('graph area has drawn pixels', drawn > 2000, `${drawn} pixels`);
  let panel = 0;
  for (let y = 0; y < png.height; y++) for (let x = 0; x < ax; x++) if (png.data[(y * png.width + x) * 4] < 100) panel++;
  check('side panel has text', ax === 0 || panel > 500, `${panel} dark pixels`);
  check('no page errors', errors.length === 0, errors.join(' | '));
  console.log(`screenshot: ${shot}`);

  // High DPI: at devicePixelRatio 2 the canvas backing store is twice its CSS size and
  // the viewer knows the ratio (fonts are rasterised for it).
  const hi = await browser.newPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  await hi.goto(base, { waitUntil: 'load' });
  await hi.waitForFunction(() => window.rgv && window.rgv.state().status === 'ready' && window.rgv.state().frames > 10,
                           null, { timeout: 60000 });
  const dpr = await hi.evaluate(() => {
    const c = document.querySelector('canvas');
    return { ratio: window.rgv.state().pixelRatio, w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  check('DPR 2: backing store is CSS size x 2', dpr.ratio === 2 && dpr.w === dpr.cw * 2 && dpr.h === dpr.ch * 2, JSON.stringify(dpr));
  await hi.screenshot({ path: path.join(outDir, 'browser-dpr2.png') });
  await hi.close();

  // A broken slice: the page shows the error, no crash.
  const bad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await bad.goto(`${base}?src=does-not-exist.json`, { waitUntil: 'load' });
  await bad.waitForFunction(() => window.rgv && window.rgv.state().error !== '', null, { timeout: 60000 });
  const badState = await bad.evaluate(() => window.rgv.state());
  check('missing slice reports its error', badState.error === 'does-not-exist.json: HTTP 404 Not Found', badState.error);
  await bad.screenshot({ path: path.join(outDir, 'browser-error.png') });
} catch (err) {
  check('browser run', false, err.stack);
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
