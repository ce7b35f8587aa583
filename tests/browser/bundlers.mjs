// bundlers.mjs — the npm package in the bundlers people use, with no configuration and no
// files copied: the packed tarball installed (offline) into one small host app, which is
// built by `vite build`, served by the Vite dev server (which pre-bundles the package),
// bundled and served by esbuild, and built by webpack 5 (the project's devDependencies).
// Each result opens in Chromium: two viewers draw the sample (state, and the pixels under
// the nodes), an Arabic label fetches its font piece through the bundler's own URLs, the
// wasm is fetched once for both viewers (compiled once per page), and no problem shows. A
// missing wasm and a wasm URL answered with HTML show the message naming the URL.
// Prints both viewers' start times (wasm + fonts, no slice) for each bundler.
//
//   node tests/browser/bundlers.mjs WEB_DIR OUT_DIR
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { startSuite } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const [webDir, outArg] = process.argv.slice(2);
if (!webDir || !outArg) { console.error('usage: bundlers.mjs WEB_DIR OUT_DIR'); process.exit(2); }
const out = path.resolve(outArg, 'bundlers-test');
fs.rmSync(out, { recursive: true, force: true });
const app = path.join(out, 'app');
fs.mkdirSync(path.join(app, 'src'), { recursive: true });
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  return r.stdout;
};
const nodeModule = (p) => import(path.join(root, 'node_modules', p));

// The host app: what a user writes. Two viewers, one after the other, each started without
// a slice first so the start time is the module's and the fonts' only.
const HTML = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>host</title></head><body>
<div id="a" style="width: 640px; height: 420px"></div><div id="b" style="width: 420px; height: 300px"></div>
<script type="module" src="${script}"></script></body></html>`;
const MAIN = `import { createResearchGraph } from 'research-graph-viewer';
import 'research-graph-viewer/element';
import slice from './slice.json';

const arabic = { ...slice, nodes: [...slice.nodes, { id: 'topic:arabic', type: 'topic', label: 'علم البيانات' }] };
const params = new URLSearchParams(location.search);
const options = Object.fromEntries(['wasmUrl', 'fontPieces'].filter((k) => params.has(k)).map((k) => [k, params.get(k)]));
window.errors = [];
(async () => {
  const t0 = performance.now();
  const a = await createResearchGraph(document.getElementById('a'), options);
  a.on('error', ({ message }) => window.errors.push(message));
  const t1 = performance.now();
  const b = await createResearchGraph(document.getElementById('b'), options);
  window.startMs = [t1 - t0, performance.now() - t1];
  await a.load(arabic);
  await b.load(slice);
  window.viewers = [a, b];
})().catch((err) => { window.startError = err.message; });
`;
fs.writeFileSync(path.join(app, 'src/main.js'), MAIN);
fs.copyFileSync(path.join(root, 'assets/sample-slice.json'), path.join(app, 'src/slice.json'));
fs.writeFileSync(path.join(app, 'index.html'), HTML('/src/main.js'));

const t = await startSuite('browser_bundlers', app);
let tarball = '';
await t.step('the package packs, with LICENSE, licenses/ and fonts/files.js', () => {
  const dist = path.join(out, 'dist');
  run(process.execPath, [path.join(root, 'tools/package-dist.mjs'), webDir, dist], root);
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], dist));
  tarball = path.join(out, info.filename);
  const files = new Set(info.files.map((f) => f.path));
  const pkg = JSON.parse(fs.readFileSync(path.join(dist, 'package.json'), 'utf8'));
  const want = ['LICENSE', 'licenses/README.md', 'licenses/fribidi-LGPL-2.1.txt', 'fonts/files.js', 'assets.js', 'rgv.js'];
  const entries = ['.', './rgv.js', './element', './research-graph.js', './rgv_viewer.wasm', './rgv_viewer.deferred.wasm', './fonts/*'];
  return { ok: want.every((f) => files.has(f)) && pkg.license === 'MIT' && entries.every((e) => pkg.exports[e]),
           detail: `${want.filter((f) => !files.has(f))} ${pkg.license} ${Object.keys(pkg.exports)}` };
});
await t.step('npm install of the tarball (offline) in the host app', () => {
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
  return fs.existsSync(path.join(app, 'node_modules/research-graph-viewer/fonts/files.js'));
});

// Opens `url`; both viewers ready, the graph's pixels, the Arabic piece, one fetch of each
// part of the wasm (the second comes after the first frame: both viewers load it).
const check = async (label, url) => {
  await t.step(`${label}: two viewers draw the sample, with the Arabic piece, each part of the wasm fetched once`, async () => {
    const page = await t.newPage();
    const fetched = [];
    page.on('response', (r) => fetched.push([r.url(), r.status(), r.headers()['content-type'] ?? '']));
    await page.goto(url);
    await page.waitForFunction(() => window.startError || (window.viewers
      && window.viewers.every((v) => { const s = v.state(); return s.status === 'ready' && s.frames > 10 && s.layout.converged && s.deferredWasm.status === 'loaded'; })),
    null, { timeout: 90000 });
    const err = await page.evaluate(() => window.startError);
    if (err) return { ok: false, detail: err };
    await page.waitForTimeout(300);
    const [state, startMs, problems] = await page.evaluate(() => [window.viewers[0].state(), window.startMs,
      [...document.querySelectorAll('.rgv-problem')].map((e) => e.textContent)]);
    // The pixel under each node is not the background's (the corner's) colour.
    const png = PNG.sync.read(await page.locator('#a canvas').screenshot());
    const at = (x, y) => { const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; };
    const bg = at(2, png.height - 3);
    const [gx, gy, gw, gh] = state.graphArea;
    const inside = Object.values(state.screen).filter(([x, y]) => x > gx + 4 && y > gy + 4 && x < gx + gw - 4 && y < gy + gh - 4);
    const drawn = inside.filter(([x, y]) => at(x, y).some((v, i) => Math.abs(v - bg[i]) > 24)).length;
    const wasm = fetched.filter(([u]) => u.endsWith('.wasm'));
    // Two files came (webpack names both by a bare hash), each once.
    const goodWasm = wasm.filter(([, s, type]) => s === 200 && type === 'application/wasm').map(([u]) => u);
    const eachOnce = goodWasm.length === 2 && new Set(goodWasm).size === 2;
    // The base piece and the Arabic one (webpack's names are bare hashes): two font files.
    const fonts = new Set(fetched.filter(([u, s]) => /\.(ttf|otf)$/.test(u) && s === 200).map(([u]) => u));
    const arabic = fonts.size === 2;
    console.log(`     ${label}: first viewer started in ${startMs[0].toFixed(0)} ms, the second in ${startMs[1].toFixed(0)} ms; `
      + `wasm requests: ${wasm.map(([u, s, type]) => `${new URL(u).pathname} ${s} ${type}`).join(', ')}`);
    await page.close();
    return { ok: state.nodes === 56 && inside.length >= 20 && drawn >= inside.length * 0.8 && eachOnce && arabic
               && problems.length === 0 && page.errors.filter((e) => !/Failed to load resource/.test(e)).length === 0,
             detail: `nodes ${state.nodes}, drawn ${drawn}/${inside.length}, wasm ${goodWasm.length} ok, fonts ${[...fonts].map((u) => new URL(u).pathname)}, problems ${problems} ${page.errors.join(' | ')}` };
  });
};
// The message shown in the viewer (and the rejection) for a wasm that is not there.
const checkMissing = async (label, url, message) => {
  await t.step(`${label}: the viewer names the URL that failed`, async () => {
    const page = await t.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.startError, null, { timeout: 60000 });
    const [err, shown] = await page.evaluate(() => [window.startError, document.querySelector('#a .rgv-problem')?.textContent]);
    await page.close();
    const want = message(new URL(url).origin);
    return { ok: err === want && shown === want, detail: `\n  got   ${err}\n  shown ${shown}\n  want  ${want}` };
  });
};
const HINT = 'set the wasmUrl or assetsBase option to where the package\'s files are served';

// Vite: the production build, served as static files (no node_modules there).
const vite = await nodeModule('vite/dist/node/index.js');
let viteOut = '';
await t.step('vite build', async () => {
  const started = Date.now();
  await vite.build({ root: app, logLevel: 'error', configFile: false, build: { outDir: path.join(out, 'vite-dist') } });
  viteOut = path.join(out, 'vite-dist');
  const files = fs.readdirSync(path.join(viteOut, 'assets'));
  console.log(`     vite build: ${((Date.now() - started) / 1000).toFixed(1)} s, ${files.length} files in assets/`);
  return { ok: files.some((f) => /^rgv_viewer-.*\.wasm$/.test(f)) && files.some((f) => /^arabic-.*\.ttf$/.test(f)), detail: files.slice(0, 8).join(' ') };
});
if (viteOut) {
  const server = await startServer(viteOut, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  await check('vite build', base);
  const wasmFile = fs.readdirSync(path.join(viteOut, 'assets')).find((f) => /^rgv_viewer-.*\.wasm$/.test(f));
  fs.renameSync(path.join(viteOut, 'assets', wasmFile), path.join(viteOut, 'moved.wasm'));
  await checkMissing('vite build without its wasm', base, (origin) => `rgv: expected a wasm file at ${origin}/assets/${wasmFile} (got HTTP 404)`
    + ` or at ${origin}/node_modules/research-graph-viewer/rgv_viewer.wasm (got HTTP 404); ${HINT}`);
  server.close();
}

// The Vite dev server: the package is pre-bundled into node_modules/.vite/deps/.
let devServer = null;
await t.step('vite dev server starts', async () => {
  devServer = await vite.createServer({ root: app, logLevel: 'error', configFile: false, server: { port: 0, host: '127.0.0.1' } });
  await devServer.listen();
});
if (devServer?.httpServer) {
  const base = `http://127.0.0.1:${devServer.httpServer.address().port}/`;
  await check('vite dev', base);
  // An SPA fallback answers a wrong URL with the page itself.
  await checkMissing('vite dev with a wrong wasmUrl', `${base}?wasmUrl=/no/rgv_viewer.wasm`,
    (origin) => `rgv: expected a wasm file at ${origin}/no/rgv_viewer.wasm (got text/html); ${HINT}`);
  await t.step('vite dev with a wrong fontPieces: the viewer runs, shows the URL and fires "error"', async () => {
    const page = await t.newPage();
    await page.goto(`${base}?fontPieces=/no/pieces.json`);
    await page.waitForFunction(() => window.viewers && window.errors.length > 0, null, { timeout: 60000 });
    const [errors, shown, status] = await page.evaluate(() => [window.errors,
      document.querySelector('#a .rgv-problem')?.textContent, window.viewers[0].state().status]);
    await page.close();
    const want = `rgv: expected a font manifest (JSON) at ${new URL(base).origin}/no/pieces.json (got text/html); `
      + 'set the fontPieces or assetsBase option to where the package\'s fonts/ are served; the text is drawn with a basic ASCII font';
    return { ok: errors.length === 1 && errors[0] === want && shown === want && status === 'ready', detail: `\n  got   ${errors}\n  want  ${want}` };
  });
  await devServer.close();
}

// esbuild: bundled into www/out/ and served by esbuild's own server from the app folder.
const esbuild = await nodeModule('esbuild/lib/main.js');
let esbuildCtx = null;
let esbuildPort = 0;
await t.step('esbuild bundles and serves', async () => {
  fs.mkdirSync(path.join(app, 'www'), { recursive: true });
  fs.writeFileSync(path.join(app, 'www/index.html'), HTML('/www/out/main.js'));
  esbuildCtx = await esbuild.context({ entryPoints: [path.join(app, 'src/main.js')], bundle: true, format: 'esm',
    outdir: path.join(app, 'www/out'), logLevel: 'error' });
  ({ port: esbuildPort } = await esbuildCtx.serve({ servedir: app, host: '127.0.0.1', port: 0 }));
});
if (esbuildPort) await check('esbuild', `http://127.0.0.1:${esbuildPort}/www/`);
await esbuildCtx?.dispose();

// webpack 5: its own asset handling, served as static files.
const { default: webpack } = await nodeModule('webpack/lib/index.js');
const wpOut = path.join(out, 'webpack-dist');
const built = await t.step('webpack 5 builds', async () => {
  const started = Date.now();
  const stats = await new Promise((resolve, reject) => webpack({ mode: 'development', devtool: false, context: app, entry: './src/main.js',
    output: { path: wpOut, publicPath: 'auto' }, performance: { hints: false }, infrastructureLogging: { level: 'error' } },
  (err, s) => (err ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toJson({ all: false, errors: true }).errors.map((e) => e.message).join(' / ').slice(0, 300));
  console.log(`     webpack: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  fs.writeFileSync(path.join(wpOut, 'index.html'), HTML('main.js'));
});
if (built) {
  const server = await startServer(wpOut, 0);
  await check('webpack', `http://127.0.0.1:${server.address().port}/`);
  server.close();
}
await t.finish();
