// peers.mjs — the JavaScript layout peers, one run per call, for bench/run.sh.
//   node --no-experimental-fetch bench/peers.mjs ENGINE GRAPH.json OUT.json [--iterations N]
// ENGINE: d3 (d3-force: manyBody + link + forceX/Y, its default 300-tick schedule),
//         fa2 (graphology-layout-forceatlas2, inferred settings, barnesHutOptimize on),
//         ngraph (ngraph.forcelayout defaults, stepped until it reports stable).
// Writes {"x": [...], "y": [...]} in the graph file's node order (scored by our C++ scorer)
// and prints one JSON line: iterations, ms_per_iter, total_ms.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

const [engine, graphPath, outPath, ...rest] = process.argv.slice(2);
const itArg = rest.indexOf('--iterations');
const maxIter = itArg >= 0 ? Number(rest[itArg + 1]) : 0; // 0: the engine's own schedule
const data = JSON.parse(readFileSync(graphPath, 'utf8'));
const links = data.links || data.edges;
const ids = data.nodes.map((n) => String(n.id));
const index = new Map(ids.map((id, i) => [id, i]));
// Seeded start (mulberry32), the same for every JS peer.
let seed = 1;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };

let xs = [], ys = [], iterations = 0, ms = 0;
const now = () => Number(process.hrtime.bigint()) / 1e6;

if (engine === 'd3') {
  const d3 = require('d3-force');
  const nodes = ids.map((id) => ({ id }));
  const ls = links.map((l) => ({ source: String(l.source), target: String(l.target) }));
  const sim = d3.forceSimulation(nodes)
    .force('charge', d3.forceManyBody())
    .force('link', d3.forceLink(ls).id((d) => d.id))
    .force('x', d3.forceX()).force('y', d3.forceY())
    .stop();
  const n = maxIter || Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
  const t0 = now();
  for (let i = 0; i < n; ++i) sim.tick();
  ms = now() - t0; iterations = n;
  xs = nodes.map((d) => d.x); ys = nodes.map((d) => d.y);
} else if (engine === 'fa2') {
  const Graph = require('graphology');
  const forceAtlas2 = require('graphology-layout-forceatlas2');
  const g = new Graph({ type: 'undirected', multi: false });
  ids.forEach((id) => g.addNode(id, { x: rand() * 1000, y: rand() * 1000 }));
  for (const l of links) { const s = String(l.source), t = String(l.target);
    if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t); }
  const n = maxIter || 300;
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true };
  const t0 = now();
  const pos = forceAtlas2(g, { iterations: n, settings });
  ms = now() - t0; iterations = n;
  xs = ids.map((id) => pos[id].x); ys = ids.map((id) => pos[id].y);
} else if (engine === 'ngraph') {
  const createGraph = require('ngraph.graph');
  const createLayout = require('ngraph.forcelayout');
  const g = createGraph();
  ids.forEach((id) => g.addNode(id));
  for (const l of links) { const s = String(l.source), t = String(l.target); if (s !== t) g.addLink(s, t); }
  const layout = createLayout(g, { random: { next: () => rand(), nextDouble: () => rand() } });
  const n = maxIter || 1000;
  const t0 = now();
  let stable = false;
  while (iterations < n && !stable) { stable = layout.step(); ++iterations; }
  ms = now() - t0;
  xs = ids.map((id) => layout.getNodePosition(id).x); ys = ids.map((id) => layout.getNodePosition(id).y);
} else {
  console.error('unknown engine ' + engine); process.exit(2);
}
writeFileSync(outPath, JSON.stringify({ x: xs, y: ys }));
console.log(JSON.stringify({ iterations, ms_per_iter: ms / iterations, total_ms: ms }));
