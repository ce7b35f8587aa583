// wasm-split.mjs — splits the viewer's wasm into what the first frame needs and the rest.
//
//   node tools/wasm-split.mjs ORIG.wasm FIRST_FRAME.txt PRIMARY.wasm DEFERRED.wasm
//
// ORIG is the module em++ linked with -sSPLIT_MODULE=1 --profiling-funcs (its .orig, with
// function names). FIRST_FRAME lists the functions the first frames of the sample pages ran
// (tools/wasm-split-profile.mjs writes it: one line per function, the first 16 hex digits
// of the SHA-1 of its name, then the name cut short for a reader). Those stay in PRIMARY,
// fetched before the first frame; every other function goes to DEFERRED, which rgv.js
// fetches after the first frame (web/assets.js). A function missing from the list (new
// code) lands in DEFERRED: still correct, the first call of it loads DEFERRED on the spot;
// browser_budget fails when the sample page needed it before its first frame.
// Binaryen's wasm-split does the splitting; this script picks the names and then drops the
// name section from both outputs (names are only for splitting; 0.7 MB).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';

// [SECTION] wasm sections
// Calls fn(id, start, end, nameOfCustom) for every section of buf; returns nothing.
export function sections(buf, fn) {
  let pos = 8;
  const u32 = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  while (pos < buf.length) {
    const start = pos;
    const id = buf[pos++];
    const size = u32();
    const body = pos;
    let custom = null;
    if (id === 0) { const n = u32(); custom = buf.toString('utf8', pos, pos + n); }
    fn(id, start, body + size, custom, body);
    pos = body + size;
  }
}

// The function names of a module's name section (subsection 1), in index order.
export function functionNames(buf) {
  const names = [];
  sections(buf, (id, start, end, custom, body) => {
    if (custom !== 'name') return;
    let pos = body;
    const u32 = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
    const own = u32(); pos += own; // the section's own name
    while (pos < end) {
      const sub = buf[pos++];
      const len = u32();
      const subEnd = pos + len;
      if (sub === 1) {
        const n = u32();
        for (let i = 0; i < n; i++) { const idx = u32(); const l = u32(); names[idx] = buf.toString('utf8', pos, pos + l); pos += l; }
      }
      pos = subEnd;
    }
  });
  return names;
}

export function withoutNames(buf) {
  const parts = [buf.subarray(0, 8)];
  sections(buf, (id, start, end, custom) => { if (custom !== 'name') parts.push(buf.subarray(start, end)); });
  return Buffer.concat(parts);
}

// Binaryen writes names with these characters escaped (its symbol maps and --keep-funcs
// read them that way): "(" as \28 and so on.
export const escapeName = (name) => name.replace(/[^A-Za-z0-9_.$!#%&'*+\-/:<=>?@^`|~\\]/g,
  (c) => [...Buffer.from(c, 'utf8')].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join(''));
export const nameKey = (escaped) => createHash('sha1').update(escaped).digest('hex').slice(0, 16);

// [SECTION] split
function main() {
  const [orig, list, primaryOut, deferredOut] = process.argv.slice(2);
  if (!deferredOut) { console.error('usage: node tools/wasm-split.mjs ORIG.wasm FIRST_FRAME.txt PRIMARY.wasm DEFERRED.wasm'); process.exit(2); }
  const buf = readFileSync(orig);
  const names = functionNames(buf).filter(Boolean);
  if (names.length === 0) { console.error(`wasm-split: ${orig} has no function names (link with --profiling-funcs)`); process.exit(1); }
  const wanted = new Set(readFileSync(list, 'utf8').split('\n').map((l) => l.split(' ')[0]).filter((k) => /^[0-9a-f]{16}$/.test(k)));
  const keep = names.map(escapeName).filter((n) => wanted.has(nameKey(n)));
  const tmp = mkdtempSync(path.join(tmpdir(), 'rgv-split-'));
  try {
    const keepFile = path.join(tmp, 'keep.txt');
    writeFileSync(keepFile, keep.join('\n') + '\n');
    execFileSync('wasm-split', ['--enable-mutable-globals', '--export-prefix=%', orig,
      `--keep-funcs=@${keepFile}`, '-o1', path.join(tmp, 'p.wasm'), '-o2', path.join(tmp, 'd.wasm')], { stdio: ['ignore', 'ignore', 'inherit'] });
    const gz = (b) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
    const p = withoutNames(readFileSync(path.join(tmp, 'p.wasm')));
    const d = withoutNames(readFileSync(path.join(tmp, 'd.wasm')));
    writeFileSync(primaryOut, p);
    writeFileSync(deferredOut, d);
    console.log(`wasm-split: ${keep.length} of ${names.length} functions (${wanted.size} listed) in the first frame's module: `
      + `${p.length} bytes (gzip ${gz(p)}); deferred ${d.length} bytes (gzip ${gz(d)})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
