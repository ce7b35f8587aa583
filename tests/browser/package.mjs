// package.mjs — the npm package: tools/package-dist.mjs assembles dist/ from the web
// build, `npm pack` packs it, `npm install` of the tarball works offline in a fresh app,
// TypeScript resolves the package's types, and a page in a sub-folder of that app imports
// the viewer from node_modules and runs it (wasm and font found relative to the module).
//
//   node tests/browser/package.mjs WEB_DIR OUT_DIR
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const [webDir, outArg] = process.argv.slice(2);
if (!webDir || !outArg) { console.error('usage: package.mjs WEB_DIR OUT_DIR'); process.exit(2); }
const out = path.resolve(outArg, 'package-test');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'app/pages/deep'), { recursive: true });
const dist = path.join(out, 'dist');
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  return r.stdout;
};

const app = path.join(out, 'app');
const t = await startSuite('browser_package', app);
let tarball = '';
await t.step('package-dist assembles dist/', () => {
  run(process.execPath, [path.join(root, 'tools/package-dist.mjs'), webDir, dist], root);
  const pkg = JSON.parse(fs.readFileSync(path.join(dist, 'package.json'), 'utf8'));
  return { ok: pkg.name === 'research-graph-viewer' && pkg.types === './rgv.d.ts' && pkg.exports['.'].default === './rgv.js', detail: JSON.stringify(pkg).slice(0, 120) };
});
await t.step('npm pack holds module, wasm, font, types and README', () => {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], dist));
  tarball = path.join(out, info.filename);
  const files = info.files.map((f) => f.path).sort();
  const want = ['README.md', 'fonts/pieces.json', 'fonts/base.ttf', 'package.json', 'research-graph.d.ts', 'research-graph.js', 'rgv.d.ts', 'rgv.js', 'rgv_viewer.mjs', 'rgv_viewer.wasm', 'rgv_viewer.deferred.wasm'];
  return { ok: fs.existsSync(tarball) && want.every((f) => files.includes(f)), detail: files.join(', ') };
});
await t.step('npm install of the tarball (offline) in a fresh app', () => {
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
  return fs.existsSync(path.join(app, 'node_modules/research-graph-viewer/rgv_viewer.wasm'));
});
await t.step('TypeScript resolves the package\'s types by its name', () => {
  fs.writeFileSync(path.join(app, 'use.ts'), `import { createResearchGraph, type ResearchGraphViewer } from 'research-graph-viewer';
import 'research-graph-viewer/element';
export const make = (el: HTMLElement): Promise<ResearchGraphViewer> => createResearchGraph(el, { src: 'x.json', mode: 'explorer' });
export const tag = document.createElement('research-graph').ready;
`);
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler',
    strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] }, files: ['use.ts'] }));
  run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', app], app);
});
fs.copyFileSync(path.join(root, 'assets/sample-slice.json'), path.join(app, 'pages/deep/slice.json'));
fs.writeFileSync(path.join(app, 'pages/deep/index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/node_modules/research-graph-viewer/research-graph.js"></script></head><body>
<div id="g" style="width: 600px; height: 400px"></div>
<research-graph id="el" src="slice.json" style="width: 600px; height: 300px"></research-graph>
<script type="module">
  import { createResearchGraph } from '/node_modules/research-graph-viewer/rgv.js';
  window.rgv = await createResearchGraph(document.getElementById('g'), { src: 'slice.json' });
</script></body></html>`);
await t.step('a page in a sub-folder runs the installed viewer (API and element)', async () => {
  const page = await t.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') || r.url().endsWith('.ttf')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${t.base}pages/deep/index.html`);
  await waitReady(page);
  await page.waitForFunction(() => document.getElementById('el').viewer?.state().status === 'ready', null, { timeout: 60000 });
  const s = await page.evaluate(() => [window.rgv.stats().nodes, document.getElementById('el').stats().nodes]);
  const where = [...new Set(wasm)];
  return { ok: s[0] === 55 && s[1] === 55 && where.every((p) => p.startsWith('/node_modules/research-graph-viewer/')) && page.errors.length === 0,
           detail: `${s} ${where.join(' ')} ${page.errors.join(' | ')}` };
});
await t.finish();
