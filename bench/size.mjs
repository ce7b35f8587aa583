// size.mjs — the bytes a page pays before its first graph frame, next to the peers.
//
//   node bench/size.mjs [WEB_DIR]      (default build/web-release/web; bench/setup.sh first)
//
// rgv: every file the sample page (index.html + sample-slice.json) fetches before its
// first graph frame, recorded in headless Chromium, measured on disk (raw, gzip -9,
// brotli 11), and the time from navigation to that frame on 127.0.0.1 (median of 3).
// Peers: the minified builds their npm packages ship (bench/package.json): sigma.js +
// graphology (sigma.min.js needs graphology beside it) and cytoscape.min.js. Those are
// the libraries alone: a page using them also fetches its data and its own code.
// Prints a markdown table; a benchmark, not a test (tests/browser/budget.mjs holds the
// budget).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { startSuite } from '../tests/browser/harness.mjs';
import { startServer } from '../tools/serve.mjs';
import { firstFrame, measure } from '../tests/browser/first_frame.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(process.argv[2] ?? path.join(here, '../build/web-release/web'));
const kb = (n) => (n / 1000).toFixed(1);

const suite = await startSuite('bench_size', webDir);
const runs = [];
for (let i = 0; i < 3; i++) runs.push(await firstFrame(suite, webDir));
const { files } = runs[0];
const times = runs.map((r) => r.ms).sort((a, b) => a - b);

const row = (name, f) => `| ${name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`;
const sum = (list) => list.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
console.log(`first graph frame of index.html: ${times.join(' / ')} ms after navigation (median ${times[1]} ms, 127.0.0.1)`);
console.log('');
console.log('| file | raw KB | gzip KB | brotli KB |');
console.log('|---|---:|---:|---:|');
for (const f of files) console.log(row(`rgv: ${f.file}`, f));
console.log(row('**rgv, first frame in all**', sum(files)));
const peer = (label, rels) => {
  const paths = rels.map((r) => path.join(here, 'node_modules', r));
  if (!paths.every((p) => fs.existsSync(p))) { console.log(`| ${label} | (run bench/setup.sh) | | |`); return; }
  const version = (pkg) => JSON.parse(fs.readFileSync(path.join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  const names = rels.map((r) => `${r.split('/')[0]} ${version(r.split('/')[0])}`).join(' + ');
  console.log(row(`${label} (${names})`, sum(paths.map(measure))));
};
peer('sigma.js + graphology', ['sigma/dist/sigma.min.js', 'graphology/dist/graphology.umd.min.js']);
peer('cytoscape', ['cytoscape/dist/cytoscape.min.js']);
suite.check('the first frame fetched the wasm', files.some((f) => f.file.endsWith('.wasm')));

// [SECTION] time to the first frame, local and on slow 4G, next to sigma.js
// Both served gzipped (-9, as a host would), both showing sample-slice.json: rgv's sample
// page, and a page with graphology + sigma.js drawing the slice's nodes and edges (sunflower
// positions: the slice has none; sigma.js runs no layout). Slow 4G as Chromium's network
// throttling through CDP: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, no cache.
const sigmaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rgv-sigma-'));
const haveSigma = fs.existsSync(path.join(here, 'node_modules/sigma/dist/sigma.min.js'));
if (haveSigma) {
  fs.copyFileSync(path.join(here, 'node_modules/sigma/dist/sigma.min.js'), path.join(sigmaDir, 'sigma.min.js'));
  fs.copyFileSync(path.join(here, 'node_modules/graphology/dist/graphology.umd.min.js'), path.join(sigmaDir, 'graphology.umd.min.js'));
  fs.copyFileSync(path.join(webDir, 'sample-slice.json'), path.join(sigmaDir, 'sample-slice.json'));
  fs.writeFileSync(path.join(sigmaDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>html, body { margin: 0; height: 100%; } #g { position: absolute; inset: 0; }</style></head><body><div id="g"></div>
<script src="graphology.umd.min.js"></script><script src="sigma.min.js"></script>
<script>
fetch('sample-slice.json').then((r) => r.json()).then((slice) => {
  const Graph = window.graphology.Graph ?? window.graphology;
  const SigmaClass = window.Sigma.Sigma ?? window.Sigma.default ?? window.Sigma;
  const g = new Graph({ multi: true });
  slice.nodes.forEach((n, i) => g.addNode(n.id, { label: n.label, size: 5,
    x: Math.sqrt(i) * Math.cos(i * 2.39996), y: Math.sqrt(i) * Math.sin(i * 2.39996) }));
  slice.edges.forEach((e) => { if (g.hasNode(e.source) && g.hasNode(e.target)) g.addEdge(e.source, e.target); });
  const r = new SigmaClass(g, document.getElementById('g'));
  // sigma draws its first frame inside the constructor: listen, then draw again.
  r.once('afterRender', () => { window.firstFrame ??= performance.now(); });
  r.refresh();
});
</script></body></html>`);
}
const rgvServer = await startServer(webDir, 0, { gzip: true });
const sigmaServer = await startServer(sigmaDir, 0, { gzip: true });
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
// ms from navigation to the first frame: rgv ready with a frame of the slice drawn, sigma's
// first afterRender; read in the page (performance.now() counts from navigation).
async function timeToFrame(url, throttle) {
  const page = await suite.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await (await page.waitForFunction(() => {
    const v = window.rgv;
    if (v && !v.destroyed) { const s = v.state(); if (s.status === 'ready' && s.frames > 1) window.firstFrame ??= performance.now(); }
    return window.firstFrame;
  }, null, { polling: 'raf', timeout: 120000 })).jsonValue();
  await page.waitForTimeout(throttle ? 1500 : 300); // what comes after the first frame (the wasm's second part) is not in ms
  await page.close();
  return { ms, bytes };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timing = [];
for (const [label, url] of [['rgv (index.html)', `http://127.0.0.1:${rgvServer.address().port}/index.html`],
  ...(haveSigma ? [['sigma.js + graphology', `http://127.0.0.1:${sigmaServer.address().port}/index.html`]] : [])]) {
  const local = [];
  const slow = [];
  for (let i = 0; i < 3; i++) { local.push((await timeToFrame(url, false)).ms); slow.push((await timeToFrame(url, true)).ms); }
  timing.push([label, median(local), median(slow)]);
}
console.log('');
console.log('| page (the sample slice, gzipped) | first frame, local (ms, median of 3) | first frame, slow 4G (ms, median of 3) |');
console.log('|---|---:|---:|');
for (const [label, local, slow] of timing) console.log(`| ${label} | ${local.toFixed(0)} | ${slow.toFixed(0)} |`);
if (!haveSigma) console.log('| sigma.js + graphology | (run bench/setup.sh) | |');

// [SECTION] memory of an idle viewer, start of a 40-viewer page
// One compact viewer of the sample, idle (asleep after a second with nothing to do): its
// wasm linear memory (state().wasmMemory) and what it adds to the page's JS heap (after
// forced GCs, against the same page before the viewer). Then forty compact viewers made
// at once on one page (a list of researchers): when the first, the second and the last
// resolved (the wasm is fetched and compiled once; each viewer instantiates it).
const rgvBase = `http://127.0.0.1:${rgvServer.address().port}/`;
const mem = await (async () => {
  const page = await suite.newPage();
  await page.goto(`${rgvBase}two.html`, { waitUntil: 'commit' }); // an origin with rgv.js; the page is replaced below
  await page.setContent('<div id="g" style="width: 640px; height: 420px"></div>');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const heap = async () => {
    for (let i = 0; i < 3; i++) { await cdp.send('HeapProfiler.collectGarbage'); await page.waitForTimeout(200); }
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.evaluate(async (base) => { window.rgvModule = await import(`${base}rgv.js`); }, rgvBase);
  const before = await heap();
  const wasm = await page.evaluate(async () => {
    window.v = await window.rgvModule.createResearchGraph(document.getElementById('g'), { src: 'sample-slice.json', mode: 'compact' });
    await new Promise((r) => setTimeout(r, 3000)); // laid out, drawn, asleep
    return window.v.state().wasmMemory;
  });
  const after = await heap();
  await page.close();
  return { wasm, js: after - before };
})();
const forty = await (async () => {
  const page = await suite.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${rgvBase}two.html`, { waitUntil: 'commit' });
  await page.setContent('<style>body{margin:0} .v{width:420px;height:260px;margin:0 0 40px 20px}</style><div id="list"></div>');
  return page.evaluate(async (base) => {
    const { createResearchGraph } = await import(`${base}rgv.js`);
    const t0 = performance.now();
    const starts = [];
    await Promise.all(Array.from({ length: 40 }, (_, i) => {
      const div = document.createElement('div');
      div.className = 'v';
      document.getElementById('list').append(div);
      return createResearchGraph(div, { src: 'sample-slice.json', mode: 'compact' }).then(() => { starts[i] = performance.now() - t0; });
    }));
    return { first: starts[0], second: starts[1], all: Math.max(...starts) };
  }, rgvBase).finally(() => page.close());
})();
const MB = (b) => (b / 1048576).toFixed(1);
console.log('');
console.log('| viewers | figure |');
console.log('|---|---:|');
console.log(`| one idle compact viewer of the sample: wasm memory | ${MB(mem.wasm)} MB |`);
console.log(`| the same viewer: JS heap it adds | ${MB(mem.js)} MB |`);
console.log(`| 40 compact viewers made at once: first ready | ${forty.first.toFixed(0)} ms |`);
console.log(`| second ready | ${forty.second.toFixed(0)} ms |`);
console.log(`| all 40 ready | ${forty.all.toFixed(0)} ms |`);
suite.check('an idle viewer reports its memory', mem.wasm > 0);
rgvServer.close();
sigmaServer.close();
fs.rmSync(sigmaDir, { recursive: true, force: true });
await suite.finish();
