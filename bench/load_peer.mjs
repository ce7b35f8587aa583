// load_peer.mjs — the JavaScript peer of rgv_load_bench: JSON.parse of a slice file and a
// graphology graph built from it (every node with its attributes, every edge directed or
// not as the file says). Not a test; bench/load.sh runs it with --expose-gc.
//   node --expose-gc bench/load_peer.mjs FILE [REPEAT=5]
// Prints one JSON line: median ms, and peak heap = the most of process.memoryUsage()
// .heapUsed above the level before the run (gc'd first; the file text is read before,
// as for rgv), sampled after JSON.parse and after the graph is built.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { MultiGraph } = require('graphology');

const [file, repeatArg] = process.argv.slice(2);
const repeat = Math.max(1, Number(repeatArg || 5));
const text = readFileSync(file, 'utf8');
const gc = globalThis.gc || (() => {});

function load() {
  const doc = JSON.parse(text);
  const afterParse = process.memoryUsage().heapUsed;
  const g = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  for (const n of doc.nodes) {
    g.addNode(n.id, { type: n.type, label: n.label, x: n.x, y: n.y, ...(n.attrs || {}) });
  }
  for (const e of doc.edges) {
    const attrs = { type: e.type, weight: e.weight ?? 1, ...(e.attrs || {}) };
    if (e.directed) g.addDirectedEdge(e.source, e.target, attrs);
    else g.addUndirectedEdge(e.source, e.target, attrs);
  }
  return { g, doc, afterParse };
}

const ms = [];
let peak = 0, kept = 0, nodes = 0, edges = 0;
for (let r = 0; r < repeat; r++) {
  gc();
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const { g, doc, afterParse } = load();
  ms.push(performance.now() - t0);
  const afterBuild = process.memoryUsage().heapUsed;
  peak = Math.max(peak, afterParse - base, afterBuild - base);
  nodes = g.order; edges = g.size;
  doc.nodes = doc.edges = null; // only the graph is kept, as rgv keeps only its model
  // Measured on the first load only: later bases can still hold the previous graph (a
  // stack slot V8 keeps alive), which would hide the graph's size.
  if (r === 0) {
    globalThis.keep = g;
    gc();
    kept = process.memoryUsage().heapUsed - base;
    globalThis.keep = null;
  }
}
ms.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: +ms[ms.length >> 1].toFixed(1), ms_min: +ms[0].toFixed(1),
  peak_heap: peak, model_heap: kept, file_bytes: Buffer.byteLength(text), nodes, edges }));
