// wasm-split-profile.mjs — which functions the viewer's first frames run: writes the list
// tools/wasm-split.mjs keeps in the first frame's module (src/platform/wasm_first_frame.txt).
//
//   node tools/wasm-split-profile.mjs [BUILD_DIR]     default build/web-release
//
// Needs the web build (BUILD_DIR/web) and what its link left in BUILD_DIR/wasm-split/: the
// module instrumented by wasm-split (it records which functions ran) and the .orig with
// names. Opens the sample pages in headless Chromium with the instrumented module — the
// explorer (index.html), the profile page (profile.html) and two compact viewers
// (two.html) — waits for each viewer's first frames, reads each one's profile, merges them
// and writes the list. Run it (then rebuild) when browser_budget says the first frame
// loaded the deferred module, or to shrink the first download after code moved.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, exposeModules } from '../tests/browser/harness.mjs';
import { functionNames, escapeName, nameKey } from './wasm-split.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.resolve(process.argv[2] ?? path.join(root, 'build/web-release'));
const instrumented = path.join(build, 'wasm-split/rgv_viewer.instrumented.wasm');
const orig = path.join(build, 'wasm-split/rgv_viewer.wasm.orig');
const out = path.join(root, 'src/platform/wasm_first_frame.txt');
for (const f of [instrumented, orig]) if (!existsSync(f)) { console.error(`wasm-split-profile: ${f} is missing (build ${build} first)`); process.exit(1); }

const PAGES = [['index.html', 'window.rgv ? [window.rgv] : null'], ['profile.html', 'window.rgv ? [window.rgv] : null'],
  ['two.html', 'window.viewers ?? null']];
const tmp = mkdtempSync(path.join(tmpdir(), 'rgv-profile-'));
const profiles = [];
const suite = await startSuite('wasm-split-profile', path.join(build, 'web'));
const wasm = readFileSync(instrumented);
for (const [file, viewers] of PAGES) {
  await suite.step(`${file}: the first frames' functions`, async () => {
    const page = await suite.newPage();
    await exposeModules(page);
    await page.route((u) => u.pathname.endsWith('/rgv_viewer.wasm'), (r) => r.fulfill({ contentType: 'application/wasm', body: wasm }));
    // The instrumented module is whole: its second part is an empty module.
    await page.route((u) => u.pathname.endsWith('/rgv_viewer.deferred.wasm'), (r) => r.fulfill({ contentType: 'application/wasm',
      body: Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]) }));
    await page.goto(suite.base + file);
    await page.waitForFunction(`(() => { const vs = ${viewers}; return vs && vs.length > 0 && vs.every((v) => { const s = v.state(); return s.status === 'ready' && s.frames > 10; }); })()`, null, { timeout: 60000 });
    const got = await page.evaluate(() => window.rgvModules.map((m) => {
      const size = 1 << 20;
      const p = m._malloc(size);
      const n = m.asm.__write_profile(p, size);
      return Array.from(m.HEAPU8.subarray(p, p + n));
    }));
    got.forEach((bytes, i) => { const f = path.join(tmp, `${profiles.length}.prof`); writeFileSync(f, Buffer.from(bytes)); profiles.push(f); });
    await page.close();
    return { ok: got.length > 0 && page.errors.length === 0, detail: page.errors.join('; ') };
  });
}
await suite.browser.close();
const merged = path.join(tmp, 'merged.prof');
execFileSync('wasm-split', ['--merge-profiles', ...profiles, '-o', merged], { stdio: 'inherit' });
execFileSync('wasm-split', ['--enable-mutable-globals', '--export-prefix=%', orig, `--profile=${merged}`, '--symbolmap',
  '-o1', path.join(tmp, 'p.wasm'), '-o2', path.join(tmp, 'd.wasm')], { stdio: ['ignore', 'ignore', 'inherit'] });
const defined = new Set(functionNames(readFileSync(orig)).filter(Boolean).map(escapeName));
const kept = readFileSync(path.join(tmp, 'p.wasm.symbols'), 'utf8').split('\n')
  .map((l) => l.slice(l.indexOf(':') + 1)).filter((n) => defined.has(n)); // not the imports
const lines = [...new Set(kept.map((n) => `${nameKey(n)} ${n.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).slice(0, 72)}`))].sort();
writeFileSync(out, '# The functions the first frames of index.html, profile.html and two.html run: kept in\n'
  + '# rgv_viewer.wasm, the rest in rgv_viewer.deferred.wasm. Written by tools/wasm-split-profile.mjs;\n'
  + '# each line: the first 16 hex digits of the SHA-1 of the function\'s name, the name cut short.\n' + lines.join('\n') + '\n');
rmSync(tmp, { recursive: true, force: true });
console.log(`wasm-split-profile: ${lines.length} functions from ${profiles.length} viewers -> ${path.relative(root, out)}`);
await suite.finish();
