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
import { startSuite } from '../tests/browser/harness.mjs';
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
await suite.finish();
