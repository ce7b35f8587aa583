// wasm_breakdown.mjs — where the bytes of a wasm module go, by library.
//
//   node bench/wasm_breakdown.mjs build.wasm
//
// The module must carry function names (link with --profiling-funcs, or keep the name
// section). Sums each function's code-section body by the library its (demangled) name
// belongs to, and gzips each group's bodies on their own: an estimate of what the group
// adds to the download (gzip across groups shares less, so the parts sum to a little more
// than the whole). Data segments are reported as one row: they cannot be told apart.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';

const file = process.argv[2];
if (!file) { console.error('usage: node bench/wasm_breakdown.mjs MODULE.wasm'); process.exit(2); }
const buf = readFileSync(file);
let pos = 8;
const u32 = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const str = () => { const n = u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };

let imports = 0;
const bodies = []; // [start, end] in buf
const names = new Map();
const sections = [];
let dataBytes = 0;
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos, end = pos + size;
  let label = `section ${id}`;
  if (id === 0) label = `custom "${str()}"`;
  sections.push({ id, label, size });
  if (id === 2) { // imports: count the function ones (they take function indices first)
    const n = u32();
    for (let i = 0; i < n; i++) {
      str(); str();
      const kind = buf[pos++];
      if (kind === 0) { u32(); imports++; }
      else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    const n = u32();
    for (let i = 0; i < n; i++) { const s = u32(); bodies.push([pos, pos + s]); pos += s; }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0 && label === 'custom "name"') {
    while (pos < end) {
      const sub = buf[pos++];
      const len = u32();
      const subEnd = pos + len;
      if (sub === 1) {
        const n = u32();
        for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, str()); }
      }
      pos = subEnd;
    }
  }
  pos = end;
}
if (names.size === 0) { console.error(`${file}: no function names (link with --profiling-funcs)`); process.exit(1); }

const raw = bodies.map((_, i) => names.get(i + imports) ?? `f${i}`);
const demangled = execFileSync('c++filt', { input: raw.join('\n'), maxBuffer: 1 << 28 }).toString().split('\n');

// First match wins; the patterns read demangled names.
const GROUPS = [
  ['harfbuzz', /(^|[^A-Za-z])(hb_|OT::|AAT::|CFF::|_hb_|hb_\w+)|^(OT|AAT|CFF)::/],
  ['fribidi', /fribidi/i],
  ['stb_truetype', /stbtt|stbrp|stbtt__/],
  ['imgui', /ImGui|^Im[A-Z]|[^A-Za-z]Im[A-Z][a-z]|ImFont|ImDraw|ImStb|ImGuiInputText|stb_textedit|STB_TEXTEDIT|ImVector|ImPool|ImChunk/],
  ['SDL2', /SDL|^Emscripten_|Emscripten[A-Z]/],
  ['nlohmann/json', /nlohmann/],
  ['rgv', /rgv::|^rgv_|^main$|\(anonymous namespace\)/],
  ['libc++', /^std::|std::__2|^void std::|^bool std::|__cxa|__cxx|operator new|operator delete/],
];
const groups = new Map(GROUPS.map(([g]) => [g, { bytes: 0, n: 0, parts: [] }]));
groups.set('libc / other', { bytes: 0, n: 0, parts: [] });
demangled.slice(0, bodies.length).forEach((name, i) => {
  // Templates of std:: instantiated for our types count as ours when they name rgv::.
  let g = 'libc / other';
  for (const [k, re] of GROUPS) if (re.test(name)) { g = k; break; }
  if (g === 'libc++' && /rgv::/.test(name)) g = 'rgv';
  if (g === 'libc++' && /nlohmann/.test(name)) g = 'nlohmann/json';
  const [a, b] = bodies[i];
  const e = groups.get(g);
  e.bytes += b - a; e.n++; e.parts.push(buf.subarray(a, b));
});
const gz = (b) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
const total = buf.length;
console.log(`${file}: ${total} bytes, gzip -9 ${gz(buf)}; ${bodies.length} functions, ${imports} imported`);
console.log('| group | functions | code bytes | gzip alone |');
console.log('|---|---:|---:|---:|');
let codeSum = 0;
for (const [g, e] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
  codeSum += e.bytes;
  console.log(`| ${g} | ${e.n} | ${e.bytes} | ${gz(Buffer.concat(e.parts))} |`);
}
console.log(`| data segments | | ${dataBytes} | ${gz(buf.subarray(...(() => { let p = 8, r = [0, 0]; for (const s of sections) { p += 1; let v = s.size, l = 1; while (v >= 128) { v >>>= 7; l++; } p += l; if (s.id === 11) r = [p, p + s.size]; p += s.size; } return r; })()))} |`);
console.log(`| other sections (types, imports, exports, tables, names) | | ${total - codeSum - dataBytes} | |`);
if (process.env.RGV_BREAKDOWN_TOP) {
  const n = Number(process.env.RGV_BREAKDOWN_TOP);
  const all = demangled.slice(0, bodies.length).map((name, i) => [bodies[i][1] - bodies[i][0], name]);
  all.sort((a, b) => b[0] - a[0]);
  for (const [s, name] of all.slice(0, n)) console.log(String(s).padStart(8), name.slice(0, 150));
}
