// render.mjs — frame time of rgv next to sigma.js on the same graphs, in one headless
// Chromium run, plus the native viewer under Xvfb. Run by bench/render.sh (which builds
// and installs what this needs); prints a markdown table and writes it into
// bench/RESULTS.md ("## Render frame time") and README.md ("### Performance").
//
//   node bench/render.mjs --web DIR --native BIN --out DIR [--sizes 1000,10000,100000]
//                         [--frames 240] [--rounds 2] [--engines rgv,sigma] [--no-write]
//
// Index
//   1. options
//   2. graphs        deterministic: clustered positions, ~3 edges per node, mostly local
//   3. staging       one folder served by one server: rgv's web build, sigma, the graphs
//   4. browser       per size and round: rgv and sigma.js in turn (order alternates)
//   5. interaction   100k: input-to-pixels time of hover, wheel and drag through real mouse events
//   6. native        rgv --bench-frames under xvfb-run
//   7. report        table, RESULTS.md, README.md
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);

// 1. options --------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const webDir = path.resolve(opt('web', path.join(repo, 'build/web-release/web')));
const nativeBin = opt('native', path.join(repo, 'build/native-release/rgv'));
const outDir = path.resolve(opt('out', path.join(repo, 'build/bench-render')));
const sizes = opt('sizes', '1000,10000,100000').split(',').map(Number);
const frames = Number(opt('frames', '240'));
const rounds = Number(opt('rounds', '2'));
const engines = opt('engines', 'rgv,sigma').split(',');
const write = !args.includes('--no-write') && engines.length === 2;
const WARMUP = 20;
const CAP_MS = 60000; // per run: at 100k on a slow software rasteriser, fewer frames
const W = 1280;
const H = 800;

// 2. graphs ---------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Wei', 'Lars', 'Priya', 'Omar', 'Yuki', 'Elena', 'Tomas', 'Amara', 'Jun', 'Sofia', 'Ravi',
  'Ines', 'Kofi', 'Mei', 'Pavel', 'Lucia', 'Hassan', 'Nora', 'Diego'];
const LAST = ['Okafor', 'Lindqvist', 'Zhang', 'Moreau', 'Haddad', 'Tanaka', 'Novak', 'Ferreira', 'Iyer', 'Kowalski',
  'Nakamura', 'Schmidt', 'Rossi', 'Mensah', 'Petrov', 'Garcia', 'Chen', 'Dubois', 'Sato', 'Andersen'];
const WORDS = ['graph', 'neural', 'sparse', 'learning', 'robust', 'networks', 'efficient', 'quantized', 'attention',
  'models', 'inference', 'hardware', 'adversarial', 'memory', 'scalable', 'training', 'embedding', 'analysis',
  'distributed', 'accelerator', 'bayesian', 'optimization', 'vision', 'language'];
const TOPICS = ['Machine learning', 'Computer vision', 'Graph theory', 'Hardware security', 'Signal processing',
  'Optimization', 'Bioinformatics', 'Robotics', 'Databases', 'Cryptography'];
const KIND_COLOR = { work: '#4e79a7', person: '#f28e2b', topic: '#59a14f', institution: '#b07aa1' };

// N nodes in clusters of skewed sizes; each node links to ~3 others, mostly ones close by
// (a grid of cells around it), some anywhere in its cluster: what a laid-out
// co-authorship graph looks like. Every node has x, y and is pinned, so rgv's layout has
// nothing to move; sigma.js has no layout unless one is run.
function generate(n, seed) {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const R = 14 * Math.sqrt(n);
  const C = Math.max(3, Math.round(Math.sqrt(n) / 4));
  const weights = Array.from({ length: C }, (_, c) => 1 / (c + 1) ** 0.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const cum = [];
  weights.reduce((acc, w, c) => (cum[c] = acc + w / total), 0);
  const cx = [], cy = [];
  for (let c = 0; c < C; c++) {
    const r = 0.8 * R * Math.sqrt((c + 0.5) / C);
    cx.push(r * Math.cos(c * 2.39996));
    cy.push(r * Math.sin(c * 2.39996));
  }
  const x = new Float64Array(n), y = new Float64Array(n), cluster = new Int32Array(n);
  const members = Array.from({ length: C }, () => []);
  for (let i = 0; i < n; i++) {
    const u = rand();
    let c = cum.findIndex((v) => u <= v);
    if (c < 0) c = C - 1;
    const spread = 0.55 * R * Math.sqrt(weights[c] / total);
    x[i] = cx[c] + gauss() * spread;
    y[i] = cy[c] + gauss() * spread;
    cluster[i] = c;
    members[c].push(i);
  }
  // Cells of about 8 nodes for the local links.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) { x0 = Math.min(x0, x[i]); y0 = Math.min(y0, y[i]); x1 = Math.max(x1, x[i]); y1 = Math.max(y1, y[i]); }
  const cell = Math.sqrt(((x1 - x0) * (y1 - y0) / n) * 8);
  const gw = Math.floor((x1 - x0) / cell) + 1, gh = Math.floor((y1 - y0) / cell) + 1;
  const grid = new Map();
  const cellOf = (i) => Math.floor((x[i] - x0) / cell) + gw * Math.floor((y[i] - y0) / cell);
  for (let i = 0; i < n; i++) {
    const k = cellOf(i);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(i);
  }
  const seen = new Set();
  const edges = [];
  for (let i = 0; i < n; i++) {
    const gx = Math.floor((x[i] - x0) / cell), gy = Math.floor((y[i] - y0) / cell);
    for (let e = 0; e < 3; e++) {
      let j = -1;
      for (let attempt = 0; attempt < 6 && j < 0; attempt++) {
        if (rand() < 0.12) {
          const m = members[cluster[i]];
          j = m[Math.floor(rand() * m.length)];
        } else {
          const nx = gx + Math.floor(rand() * 3) - 1, ny = gy + Math.floor(rand() * 3) - 1;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const list = grid.get(nx + gw * ny);
          if (list) j = list[Math.floor(rand() * list.length)];
        }
        const key = Math.min(i, j) * n + Math.max(i, j);
        if (j === i || seen.has(key)) j = -1;
        else if (j >= 0) seen.add(key);
      }
      if (j >= 0) edges.push([i, j]);
    }
  }
  const types = [], labels = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    const pick = (list) => list[Math.floor(rand() * list.length)];
    if (u < 0.45) {
      types.push('work');
      const len = 4 + Math.floor(rand() * 5);
      const words = Array.from({ length: len }, () => pick(WORDS));
      labels.push(words.join(' ').replace(/^./, (ch) => ch.toUpperCase()));
    } else if (u < 0.85) {
      types.push('person');
      labels.push(`${pick(FIRST)} ${pick(LAST)}`);
    } else if (u < 0.95) {
      types.push('topic');
      labels.push(`${pick(TOPICS)} ${i}`);
    } else {
      types.push('institution');
      labels.push(`University of ${pick(LAST)}`);
    }
  }
  return { n, x, y, edges, types, labels, extent: Math.max(x1 - x0, y1 - y0) };
}

function writeGraphs(g, dir) {
  const round = (v) => Math.round(v * 100) / 100;
  const slice = {
    schema: 'rgv-slice', version: 1,
    meta: { generator: 'bench/render.mjs', nodes: g.n, edges: g.edges.length },
    nodes: Array.from({ length: g.n }, (_, i) => ({ id: `n${i}`, type: g.types[i], label: g.labels[i],
      x: round(g.x[i]), y: round(g.y[i]), pinned: true })),
    edges: g.edges.map(([s, t]) => ({ source: `n${s}`, target: `n${t}` })),
  };
  // sigma.js: the same positions (its y axis points up, rgv's down: flip, so both show
  // the same picture), node sizes in pixels like rgv's at the fitted zoom (at least 1.5 px,
  // rgv's minimum), the same colours by type.
  const degree = new Int32Array(g.n);
  for (const [s, t] of g.edges) { degree[s]++; degree[t]++; }
  const fitZoom = (Math.min(W, H) - 2 * 48) / g.extent;
  const base = { work: 5, person: 4, topic: 5.5, institution: 5.5 };
  const graphology = {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: Array.from({ length: g.n }, (_, i) => ({ key: `n${i}`, attributes: {
      x: round(g.x[i]), y: round(-g.y[i]), label: g.labels[i], color: KIND_COLOR[g.types[i]],
      size: Math.max(1.5, (base[g.types[i]] + 1.1 * Math.sqrt(Math.min(degree[i], 40))) * fitZoom) } })),
    edges: g.edges.map(([s, t]) => ({ source: `n${s}`, target: `n${t}` })),
  };
  fs.writeFileSync(path.join(dir, `graph-${g.n}.slice.json`), JSON.stringify(slice));
  fs.writeFileSync(path.join(dir, `graph-${g.n}.graphology.json`), JSON.stringify(graphology));
}

// 3. staging --------------------------------------------------------------------------------
const www = path.join(outDir, 'www');
fs.mkdirSync(path.join(www, 'data'), { recursive: true });
fs.cpSync(webDir, www, { recursive: true });
fs.copyFileSync(path.join(here, 'node_modules/sigma/dist/sigma.min.js'), path.join(www, 'sigma.min.js'));
fs.copyFileSync(path.join(here, 'node_modules/graphology/dist/graphology.umd.min.js'), path.join(www, 'graphology.umd.min.js'));
fs.copyFileSync(path.join(here, 'render.html'), path.join(www, 'render.html'));
fs.copyFileSync(path.join(here, 'render_page.mjs'), path.join(www, 'render_page.mjs'));
const graphs = {};
for (const n of sizes) {
  const g = generate(n, 20240 + n);
  writeGraphs(g, path.join(www, 'data'));
  graphs[n] = { nodes: g.n, edges: g.edges.length };
  console.error(`graph ${n}: ${g.n} nodes, ${g.edges.length} edges`);
}
const sigmaVersion = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/sigma/package.json'), 'utf8')).version;

// 4. browser --------------------------------------------------------------------------------
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), count: s.length };
};

const server = await startServer(www, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
// No vsync and no frame-rate limit: requestAnimationFrame runs as fast as the page, the
// GPU process (SwiftShader) and the compositor allow, so a frame interval is a frame time.
const browser = await chromium.launch({
  executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
});
const browserVersion = browser.version();
const results = {}; // results[n][engine] = { intervals: [], drawn, ticks, loadMs }
async function openPage(engine, n) {
  const page = await browser.newPage({ viewport: { width: W, height: H }, deviceScaleFactor: 1 });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${base}render.html?engine=${engine}&n=${n}`);
  return page;
}
for (const n of sizes) {
  results[n] = {};
  for (let round = 0; round < rounds; round++) {
    for (const engine of round % 2 === 0 ? engines : [...engines].reverse()) {
      const page = await openPage(engine, n);
      const r = await page.evaluate(([f, w, c]) => window.benchRun(f, w, c), [frames, WARMUP, CAP_MS]);
      if (page.errors.length) throw new Error(`${engine} ${n}: ${page.errors[0]}`);
      const acc = (results[n][engine] ??= { intervals: [], drawn: 0, ticks: 0, loadMs: [] });
      acc.intervals.push(...r.intervals);
      acc.drawn += r.drawn;
      acc.ticks += r.ticks;
      acc.loadMs.push(r.loadMs);
      const st = stats(r.intervals);
      console.error(`${engine.padEnd(5)} ${n}: median ${st.median.toFixed(1)} ms, p95 ${st.p95.toFixed(1)} ms ` +
        `over ${st.count} frames (${r.drawn} drawn in ${r.ticks} ticks), set-up ${r.loadMs.toFixed(0)} ms`);
      if (n === 10000 && round === 0) {
        // The view where the run ended (with the default 240 frames: back at the fitted one).
        await page.screenshot({ path: path.join(outDir, `render-10k-${engine}.png`), timeout: 120000 })
          .catch((err) => console.error(`screenshot ${engine} 10k: ${err.message.split('\n')[0]}`));
      }
      if (n === Math.max(...sizes) && engine === 'rgv' && round === 0) {
        results[n].interaction = await probeInteraction(page);
        console.error(`rgv   ${n} interaction: ${JSON.stringify(results[n].interaction)}`);
      }
      await page.close();
    }
  }
}

// 5. interaction ----------------------------------------------------------------------------
// Real input (Playwright's mouse: CDP events the browser handles like a user's) on the
// largest graph, zoomed in 4x with the graph's left rim in view: for each event, the time
// from just before it is sent until the frame that shows it has been drawn (two animation
// frames later, then the GPU wait), while the mouse sweeps over nodes (a hover draws the
// highlight over the cached graph), while the wheel zooms and while a drag pans (both draw
// the whole graph). The CDP round trip is in every figure.
async function probeInteraction(page) {
  await page.evaluate(async () => {
    const next = () => new Promise((r) => requestAnimationFrame(r));
    window.rgvViewer.command({ cmd: 'fit' });
    for (let i = 0; i < 60; i++) await next();
    window.rgvViewer.zoomBy(4);
    // The picture 1200 px to the right: the graph's left rim near x = 320, empty
    // background left of it to start a drag from (a drag from a node moves the node).
    window.rgvViewer.panBy(1200, 0);
    for (let i = 0; i < 3; i++) await next();
    window.hovers = new Set();
    window.rgvViewer.on('hover', ({ id }) => { if (id) window.hovers.add(id); });
  });
  const respond = async (send) => {
    await page.evaluate(() => { window.syncGpu(); window.t0 = performance.now(); });
    await send();
    return page.evaluate(async () => {
      const next = () => new Promise((r) => requestAnimationFrame(r));
      await next();
      await next();
      window.syncGpu();
      return performance.now() - window.t0;
    });
  };
  const phase = async (events) => {
    const v = [];
    for (const send of events) v.push(await respond(send));
    v.sort((a, b) => a - b);
    return { median: v[Math.floor(v.length / 2)], p95: v[Math.min(v.length - 1, Math.floor(v.length * 0.95))], frames: v.length };
  };
  const hover = await phase(Array.from({ length: 16 }, (_, s) => () => page.mouse.move(200 + ((s * 53) % 880), 150 + ((s * 37) % 500))));
  const hovered = await page.evaluate(() => window.hovers.size);
  const wheel = await phase(Array.from({ length: 12 }, (_, s) => () => page.mouse.wheel(0, s < 6 ? -100 : 100)));
  // A drag pans only from empty space: find a spot left of the graph.
  let start = null;
  for (let x = 24; x <= 312 && !start; x += 24) {
    for (let y = 400; y <= 640 && !start; y += 24) {
      await page.mouse.move(x, y);
      const free = await page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
        return window.rgvViewer.state().hovered === null;
      });
      if (free) start = [x, y];
    }
  }
  if (!start) throw new Error('no empty spot to start a pan from');
  await page.mouse.down();
  const pan = await phase(Array.from({ length: 12 }, (_, s) => () => page.mouse.move(start[0] + (s + 1) * 24, start[1] + (s + 1) * 9)));
  await page.mouse.up();
  return { hover, hovered, wheel, pan };
}

await browser.close();
server.close();

if (engines.length < 2) process.exit(0); // a partial run (debugging): the lines above are all

// 6. native ---------------------------------------------------------------------------------
const native = {};
if (fs.existsSync(nativeBin)) {
  for (const n of sizes) {
    const file = path.join(www, 'data', `graph-${n}.slice.json`);
    const r = spawnSync('xvfb-run', ['-a', '-s', `-screen 0 ${W}x${H}x24`, nativeBin, '--size', `${W}x${H}`,
      '--bench-frames', String(frames), file], { encoding: 'utf8', timeout: 600000 });
    const line = (r.stdout || '').split('\n').find((l) => l.startsWith('{"bench"'));
    if (!line) { console.error(`native ${n}: no result (exit ${r.status}): ${(r.stderr || '').slice(-400)}`); continue; }
    native[n] = JSON.parse(line);
    console.error(`native ${n}: median ${native[n].median_ms.toFixed(1)} ms, p95 ${native[n].p95_ms.toFixed(1)} ms`);
  }
} else {
  console.error(`native: ${nativeBin} not found, skipped`);
}

// 7. report ---------------------------------------------------------------------------------
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const lines = [];
lines.push(`Chromium ${browserVersion} headless, WebGL2 on SwiftShader (software), no vsync; canvas ${W}x${H} at ` +
  `devicePixelRatio 1; sigma.js ${sigmaVersion} with graphology; ${os.cpus().length} cores shared with other work ` +
  `(load average ${os.loadavg()[0].toFixed(1)} at the end). Frame time = interval between animation frames while ` +
  `the camera zooms and pans on every frame, each frame waiting until the GPU has drawn the last one (a 1-pixel ` +
  `readPixels on every WebGL canvas of the viewer; without it a software GPU drops frames out of sight) ` +
  `(${frames} frames after up to ${WARMUP} warm-up, at most ${CAP_MS / 1000} s per viewer and size, ${rounds} ` +
  `round(s) per viewer, alternating which goes first). Both viewers with their defaults (labels on, edges drawn ` +
  'while moving), ' +
  'positions given and no layout running (rgv: every node pinned; sigma.js: no layout). rgv in compact mode, so ' +
  `the graph fills the canvas as sigma's does. Native: \`rgv --bench-frames ${frames}\`, release build, ` +
  `Xvfb + Mesa llvmpipe, ${W}x${H}.`);
lines.push('');
lines.push('| nodes | edges | rgv median ms | rgv p95 ms | sigma.js median ms | sigma.js p95 ms | rgv / sigma.js (median) | ' +
  'rgv native median ms | native p95 ms | frames drawn / measured (rgv, sigma.js) |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const n of sizes) {
  const r = stats(results[n].rgv.intervals), s = stats(results[n].sigma.intervals);
  const nat = native[n];
  lines.push(`| ${graphs[n].nodes} | ${graphs[n].edges} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(s.median)} | ` +
    `${fmt(s.p95)} | ${(r.median / s.median).toFixed(2)}x | ${nat ? fmt(nat.median_ms) : '—'} | ` +
    `${nat ? fmt(nat.p95_ms) : '—'} | ${results[n].rgv.drawn}/${results[n].rgv.ticks}, ` +
    `${results[n].sigma.drawn}/${results[n].sigma.ticks} |`);
}
const big = Math.max(...sizes);
const inter = results[big].interaction;
lines.push('');
lines.push(`Target: at ${big} nodes rgv's frame time at most 0.5x sigma.js's: ` +
  `${(stats(results[big].rgv.intervals).median / stats(results[big].sigma.intervals).median).toFixed(2)}x measured.`);
if (inter) {
  lines.push(`Interaction at ${big} nodes (rgv in the browser, zoomed in 4x at the graph's rim, Playwright mouse input): time from an ` +
    'input event to the drawn frame showing it (two animation frames and the GPU wait; the CDP round trip included), ' +
    `median / p95: the mouse sweeping over nodes ${fmt(inter.hover.median)} / ${fmt(inter.hover.p95)} ms ` +
    `(${inter.hover.frames} moves, ${inter.hovered} different nodes hovered; the highlight over the cached graph), ` +
    `wheel zoom ${fmt(inter.wheel.median)} / ${fmt(inter.wheel.p95)} ms, drag pan ${fmt(inter.pan.median)} / ` +
    `${fmt(inter.pan.p95)} ms (both draw the whole graph).`);
}
const table = lines.join('\n');
console.log(table);
fs.writeFileSync(path.join(outDir, 'render.md'), `${table}\n`);
fs.writeFileSync(path.join(outDir, 'render.json'), JSON.stringify({ graphs, native,
  browser: Object.fromEntries(sizes.map((n) => [n, {
    rgv: { ...stats(results[n].rgv.intervals), drawn: results[n].rgv.drawn, ticks: results[n].rgv.ticks, loadMs: results[n].rgv.loadMs },
    sigma: { ...stats(results[n].sigma.intervals), drawn: results[n].sigma.drawn, ticks: results[n].sigma.ticks, loadMs: results[n].sigma.loadMs },
    interaction: results[n].interaction ?? null }])) }, null, 2));

if (write) {
  const resultsPath = path.join(here, 'RESULTS.md');
  let text = fs.existsSync(resultsPath) ? fs.readFileSync(resultsPath, 'utf8') : '';
  text = text.replace(/\n## Render frame time\n[\s\S]*?(?=\n## |$)/, '').trimEnd();
  text += `\n\n## Render frame time\n\n\`bench/render.sh\` (see bench/README.md)\n\n${table}\n`;
  fs.writeFileSync(resultsPath, text);

  const readmePath = path.join(repo, 'README.md');
  let readme = fs.readFileSync(readmePath, 'utf8');
  const section = `### Performance\n\nFrame time while the camera moves, measured by \`bench/render.sh\` ` +
    `(details and the layout and load benchmarks in [bench/RESULTS.md](bench/RESULTS.md)). The machines ` +
    'this was measured on have no GPU: SwiftShader and llvmpipe rasterise on the CPU, so a frame takes ' +
    `seconds where a graphics card takes milliseconds; compare the ratios.\n\n${table}\n`;
  if (/\n### Performance\n/.test(readme)) {
    readme = readme.replace(/\n### Performance\n[\s\S]*?(?=\n#{2,3} |$)/, `\n${section}`);
  } else {
    // After "The pieces" section's build notes, before "Embedding".
    readme = readme.replace(/\n## Embedding\n/, `\n${section}\n## Embedding\n`);
  }
  fs.writeFileSync(readmePath, readme);
}
