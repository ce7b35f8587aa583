// harness.mjs — what the browser tests share: serve WEB_DIR on 127.0.0.1, launch headless
// Chromium (playwright-core + Debian's /usr/bin/chromium, same flags as smoke.mjs), named
// checks that print `ok` / `FAIL` lines, and the final `NAME: N passed, M failed` line.
// A check that throws counts as failed and the run goes on with the next one.
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic'];

export async function startSuite(name, webDir, { chromiumArgs = [] } = {}) {
  let passed = 0;
  let failed = 0;
  const server = await startServer(webDir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...chromiumArgs],
  });
  const suite = {
    base,
    browser,
    check(label, ok, detail = '') {
      if (ok) { passed++; console.log(`ok   ${label}`); } else { failed++; console.log(`FAIL ${label} ${detail}`); }
      return ok;
    },
    // Runs fn; a throw is a failed check with the error's first line.
    async step(label, fn) {
      try {
        const result = await fn();
        if (result === undefined || result === true) return suite.check(label, true);
        if (result === false) return suite.check(label, false);
        return suite.check(label, result.ok, result.detail ?? '');
      } catch (err) {
        return suite.check(label, false, String(err.message ?? err).split('\n')[0]);
      }
    },
    // A page whose console errors and page errors are collected in page.errors.
    async newPage(options = {}) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
      page.errors = [];
      page.dialogs = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      return page;
    },
    // A same-origin page with this body (for tests of the API without an example page).
    // `before(page)` runs before the page loads (routes).
    async blankPage(html = '', options = {}, before = null) {
      const page = await suite.newPage(options);
      if (before) await before(page);
      const url = `${base}__test-${Math.random().toString(36).slice(2)}.html`;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${html}</body></html>` }));
      await page.goto(url);
      return page;
    },
    async finish() {
      await browser.close().catch(() => {});
      server.close();
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
  };
  return suite;
}

// In the page: waits until viewer `expr` (a JS expression) is ready with frames drawn.
export const waitReady = (page, expr = 'window.rgv', frames = 10) => page.waitForFunction(
  `(() => { const v = ${expr}; if (!v || v.destroyed) return false; const s = v.state(); return s.status === 'ready' && s.frames > ${frames}; })()`,
  null, { timeout: 60000 });

// Wraps the wasm module's factory for this page, so a test can play the C++ side: the
// options object rgv.js passes (whose onRgvEvent the C++ side calls) lands in
// window.rgvModules, in creation order.
export const exposeModules = (page) => page.route((url) => url.pathname.endsWith('/rgv_viewer.mjs') && !url.search, (route) => route.fulfill({
  contentType: 'text/javascript',
  body: "import real from './rgv_viewer.mjs?real'; export default (o) => { (window.rgvModules ??= []).push(o); return real(o); };" }));
