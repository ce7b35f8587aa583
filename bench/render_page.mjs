// render_page.mjs — the page side of bench/render.mjs: shows one generated graph with rgv
// or with sigma.js (render.html?engine=rgv|sigma&n=N) and measures frame times while the
// camera moves on every frame.
//
// Index
//   1. camera path   the same for both viewers (and for the native `rgv --bench-frames`)
//   2. rgv           createResearchGraph, compact mode (the graph fills the canvas), pinned nodes
//   3. sigma.js      graphology + Sigma with their defaults
//   4. measuring     frame intervals from requestAnimationFrame, frames really drawn
//
// Both viewers use their default settings apart from what makes them comparable: the
// same 1280x800 canvas at devicePixelRatio 1, the same positions, no layout running.

// 1. camera path ----------------------------------------------------------------------------
// Zoom 1x..2.3x the fitted view and a loop of about 120 x 80 px around its centre, one
// period in 240 frames. src/platform/platform_native.cpp (bench_step) drives the same one.
const zoomAt = (k) => 2 ** (1.2 * (1 - Math.cos((2 * Math.PI * k) / 240)) / 2);
const offsetAt = (k) => {
  const phase = (2 * Math.PI * k) / 240;
  return [120 * Math.sin(phase), 80 * Math.sin(2 * phase)];
};

const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const n = params.get('n');
const container = document.getElementById('graph');

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(s);
  });
}
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// 2. rgv ------------------------------------------------------------------------------------
async function setupRgv() {
  const { createResearchGraph } = await import('./rgv.js');
  const viewer = await createResearchGraph(container, { src: `data/graph-${n}.slice.json`, mode: 'compact' });
  // Every node is pinned: the layout stops after its first step. Wait for that.
  for (let i = 0; i < 600; i++) {
    const s = viewer.state();
    if (s.status === 'ready' && s.layout.converged) break;
    if (s.error) throw new Error(s.error);
    await nextFrame();
  }
  for (let i = 0; i < 10; i++) await nextFrame();
  window.rgvViewer = viewer; // for the interaction probe in render.mjs
  const state = viewer.state();
  return {
    nodes: state.nodes,
    edges: state.edges,
    // Relative commands (what a host page or a mouse does): zoom at the centre, then pan.
    move(k) {
      const [ox0, oy0] = offsetAt(k - 1);
      const [ox1, oy1] = offsetAt(k);
      const z = zoomAt(k);
      viewer.zoomBy(z / zoomAt(k - 1));
      viewer.panBy(-(ox1 - ox0) * z, -(oy1 - oy0) * z);
    },
    drawn: () => viewer.state().framesDrawn, // frames rgv drew (it skips those that would look the same)
  };
}

// 3. sigma.js -------------------------------------------------------------------------------
async function setupSigma() {
  await loadScript('graphology.umd.min.js');
  await loadScript('sigma.min.js');
  const Graph = window.graphology.Graph ?? window.graphology;
  const SigmaClass = window.Sigma.Sigma ?? window.Sigma.default ?? window.Sigma;
  const data = await (await fetch(`data/graph-${n}.graphology.json`)).json();
  const graph = new Graph();
  graph.import(data);
  const renderer = new SigmaClass(graph, container);
  let drawn = 0;
  renderer.on('afterRender', () => { drawn++; });
  for (let i = 0; i < 10; i++) await nextFrame();
  window.sigmaRenderer = renderer;
  const camera = renderer.getCamera();
  const base = camera.getState();
  // Pixels per framed-graph unit at ratio 1, so the loop is as many pixels as rgv's.
  const a = renderer.framedGraphToViewport({ x: 0.5, y: 0.5 });
  const b = renderer.framedGraphToViewport({ x: 0.6, y: 0.5 });
  const pxPerUnit = Math.hypot(b.x - a.x, b.y - a.y) / 0.1;
  return {
    nodes: graph.order,
    edges: graph.size,
    move(k) {
      const [ox, oy] = offsetAt(k);
      camera.setState({ x: base.x + ox / pxPerUnit, y: base.y + oy / pxPerUnit, ratio: base.ratio / zoomAt(k) });
    },
    drawn: () => drawn,
  };
}

// 4. measuring ------------------------------------------------------------------------------
// Interval between consecutive animation frames while the camera changes on each one. The
// browser runs without vsync (render.mjs's flags), so the interval is the time the page,
// the GPU process and the compositor need per frame, not the display's refresh.
//
// WebGL calls only queue commands for the GPU process: without a wait, a frame "ends" when
// its commands are sent, and a slow rasteriser drops or merges frames out of sight (rgv
// measured 6.6 ms a frame at 100k nodes that way, when the pixels took far longer). So
// each tick first reads one pixel from every WebGL canvas in the container: that returns
// only after the GPU has run everything sent before it, for both viewers alike.
const syncTarget = new Map(); // canvas -> context (or null: not WebGL)
function syncGpu() {
  const pixel = new Uint8Array(4);
  for (const canvas of container.querySelectorAll('canvas')) {
    if (!syncTarget.has(canvas)) {
      // getContext returns the context the page made (or null for another kind).
      let gl = null;
      try { gl = canvas.getContext('webgl2') || canvas.getContext('webgl'); } catch { gl = null; }
      syncTarget.set(canvas, gl);
    }
    const gl = syncTarget.get(canvas);
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  }
}

window.syncGpu = syncGpu; // for the interaction probe in render.mjs

async function measure(viewer, frames, warmup, capMs) {
  const intervals = [];
  const drawnBefore = viewer.drawn();
  let k = 0;
  let last = 0;
  let started = 0;
  let first = 0;
  await new Promise((resolve, reject) => {
    const tick = () => {
      syncGpu();
      const now = performance.now();
      // A slow viewer warms up for at most a tenth of the cap, not `warmup` whole frames.
      if (k <= warmup && k > 1 && now - first > capMs / 10) warmup = k;
      if (k === 1) first = now;
      if (k > warmup) intervals.push(now - last);
      if (k === warmup) started = now;
      last = now;
      k++;
      const done = intervals.length >= frames || (k > warmup && now - started > capMs);
      if (done) { resolve(); return; }
      try { viewer.move(k); } catch (err) { reject(err); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return { intervals, ticks: k, drawn: viewer.drawn() - drawnBefore };
}

window.bench = (async () => {
  const t0 = performance.now();
  const viewer = engine === 'rgv' ? await setupRgv() : await setupSigma();
  const loadMs = performance.now() - t0;
  return {
    nodes: viewer.nodes,
    edges: viewer.edges,
    loadMs,
    run: (frames, warmup, capMs) => measure(viewer, frames, warmup, capMs),
  };
})();
window.benchRun = async (frames, warmup, capMs) => {
  const b = await window.bench;
  const r = await b.run(frames, warmup, capMs);
  return { nodes: b.nodes, edges: b.edges, loadMs: b.loadMs, ...r };
};
window.benchInfo = async () => {
  const b = await window.bench;
  return { nodes: b.nodes, edges: b.edges, loadMs: b.loadMs };
};
