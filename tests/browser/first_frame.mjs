// first_frame.mjs — what a page fetches before its first graph frame, shared by the size
// budget test (tests/browser/budget.mjs) and the benchmark (bench/size.mjs).
//
// Opens PAGE of the served web folder in Chromium, lists every request made until the
// viewer is ready with a frame drawn, and measures each same-origin file as it is on disk:
// raw bytes, gzip -9 and brotli (quality 11), which do not depend on the run.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { waitReady } from './harness.mjs';

export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotliBytes = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

export function measure(file) {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: gzipBytes(buf), brotli: brotliBytes(buf) };
}

// -> { files: [{ file, raw, gzip, brotli }], ms, deferredEarly } in request order; ms is
// navigation to ready; deferredEarly: the first frame loaded the wasm's second part.
export async function firstFrame(suite, webDir, page = 'index.html') {
  const p = await suite.newPage();
  const urls = [];
  p.on('request', (r) => urls.push(r.url()));
  const t0 = Date.now();
  await p.goto(`${suite.base}${page}`);
  await waitReady(p, 'window.rgv', 1); // the slice loaded and a frame of it drawn
  const ms = Date.now() - t0;
  // The wasm's second part is fetched once the slice is shown, for what comes later; it
  // counts only when the first frame needed it (it was loaded on the spot: early).
  const { early } = await p.evaluate(() => window.rgv.state().deferredWasm);
  const seen = new Set();
  const files = [];
  for (const u of urls) {
    const url = new URL(u);
    if (!u.startsWith(suite.base) || url.search || seen.has(url.pathname)) continue;
    if (!early && url.pathname.endsWith('/rgv_viewer.deferred.wasm')) continue;
    seen.add(url.pathname);
    const rel = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
    const onDisk = path.join(webDir, rel);
    if (fs.existsSync(onDisk)) files.push({ file: rel, ...measure(onDisk) });
  }
  await p.close();
  return { files, ms, deferredEarly: early };
}
