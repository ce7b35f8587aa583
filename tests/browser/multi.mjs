// multi.mjs — several viewers on one page (web/two.html) stay independent: selection,
// keys, colour modes and destroy in one never reach the other; SDL's keyboard listeners
// sit on each viewer's canvas, not on the window. Then 20 create/destroy cycles on one
// page and what is left afterwards (after a forced GC): JS heap, live wasm memories,
// DOM nodes and listeners. Prints the figures.
//
//   node tests/browser/multi.mjs WEB_DIR
import { startSuite, waitReady } from './harness.mjs';

const [webDir] = process.argv.slice(2);
if (!webDir) { console.error('usage: multi.mjs WEB_DIR'); process.exit(2); }
const CYCLES = 20;

const t = await startSuite('browser_multi', webDir);
const page = await t.newPage({ viewport: { width: 1400, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await page.goto(`${t.base}two.html`);
await page.waitForFunction(() => window.viewers, null, { timeout: 60000 }).catch(() => {});
await waitReady(page, 'window.viewers?.[0]').catch(() => {});
await waitReady(page, 'window.viewers?.[1]').catch(() => {});
const st = (i) => page.evaluate((k) => window.viewers[k].state(), i);

await t.step('both viewers load', async () => {
  const [a, b] = [await st(0), await st(1)];
  return { ok: a.status === 'ready' && b.status === 'ready' && a.nodes > 0 && b.nodes === a.nodes, detail: `${a.status} ${b.status}` };
});
await t.step('two wasm instances, two canvases', async () => {
  const r = await page.evaluate(() => ({ canvases: document.querySelectorAll('canvas').length + document.querySelector('research-graph').shadowRoot.querySelectorAll('canvas').length,
    distinct: window.viewers[0].canvas !== window.viewers[1].canvas }));
  return { ok: r.canvases === 2 && r.distinct, detail: JSON.stringify(r) };
});
await t.step('no keyboard listener on window (SDL keys scoped to each canvas)', async () => {
  const { result } = await cdp.send('Runtime.evaluate', { includeCommandLineAPI: true, returnByValue: true,
    expression: '["keydown","keyup","keypress"].map((k) => (getEventListeners(window)[k] ?? []).length).join(",")' });
  return { ok: result.value === '0,0,0', detail: `window key listeners ${result.value}` };
});
await t.step('select in A leaves B alone', async () => {
  const focus = (await st(0)).focus;
  await page.evaluate((id) => window.viewers[0].select(id), focus);
  const [a, b] = [await st(0), await st(1)];
  return { ok: a.selected === focus && b.selected === null, detail: `${a.selected} / ${b.selected}` };
});
await t.step('keys in A move A only', async () => {
  await page.evaluate(() => window.viewers[0].select(null));
  const before = await st(1);
  await page.evaluate(() => window.viewers[0].canvas.focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('+');
  await page.waitForTimeout(400);
  const [a, b] = [await st(0), await st(1)];
  return { ok: a.selected !== null && b.selected === null && b.camera.zoom === before.camera.zoom,
           detail: `A ${a.selected} B ${b.selected} zoom ${before.camera.zoom}->${b.camera.zoom}` };
});
await t.step('colour modes are per viewer (A type, B community)', async () => {
  const [a, b] = [await st(0), await st(1)];
  return { ok: a.colorMode === 'type' && b.colorMode === 'community', detail: `${a.colorMode} / ${b.colorMode}` };
});
await t.step('status lines follow their own viewer', async () => {
  const r = await page.evaluate(() => [document.getElementById('status-a').textContent, document.getElementById('status-b').textContent]);
  return { ok: r[0].startsWith('Selected ') && !r[1].startsWith('Selected '), detail: JSON.stringify(r) };
});
await t.step('destroying A leaves B drawing', async () => {
  await page.evaluate(() => window.viewers[0].destroy());
  const f0 = (await st(1)).frames;
  await page.waitForTimeout(500);
  const f1 = (await st(1)).frames;
  return { ok: f1 > f0, detail: `${f0} -> ${f1}` };
});
await page.screenshot({ path: '/dev/null' }).catch(() => {});
t.check('no page errors on two.html', page.errors.length === 0, page.errors.join(' | '));

// Create / destroy cycles ----------------------------------------------------------------
const cyc = await t.blankPage('<div id="g" style="width: 640px; height: 420px"></div>');
cyc.on('crash', () => console.log('page crashed'));
const c2 = await cyc.context().newCDPSession(cyc);
await c2.send('HeapProfiler.enable');
async function measure() {
  for (let i = 0; i < 3; i++) { await c2.send('HeapProfiler.collectGarbage'); await cyc.waitForTimeout(200); }
  const heap = await c2.send('Runtime.getHeapUsage');
  const dom = await c2.send('Memory.getDOMCounters');
  const proto = await c2.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await c2.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const mem = await c2.send('Runtime.callFunctionOn', { objectId: objects.objectId, returnByValue: true,
    functionDeclaration: 'function () { return { count: this.length, bytes: this.reduce((s, m) => s + m.buffer.byteLength, 0) }; }' });
  const canvasProto = await c2.send('Runtime.evaluate', { expression: 'HTMLCanvasElement.prototype' });
  const canv = await c2.send('Runtime.queryObjects', { prototypeObjectId: canvasProto.result.objectId });
  const canvases = await c2.send('Runtime.callFunctionOn', { objectId: canv.objects.objectId, returnByValue: true, functionDeclaration: 'function () { return this.length; }' });
  const perf = await cyc.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await c2.send('Runtime.releaseObjectGroup', { objectGroup: 'console' }).catch(() => {});
  return { jsUsed: heap.usedSize, perfUsed: perf, wasmMemories: mem.result.value.count, wasmBytes: mem.result.value.bytes,
           canvases: canvases.result.value, nodes: dom.nodes, listeners: dom.jsEventListeners };
}
const cycle = (n) => cyc.evaluate(async (count) => {
  const { createResearchGraph } = await import('./rgv.js');
  for (let i = 0; i < count; i++) {
    const v = await createResearchGraph(document.getElementById('g'), { src: 'sample-slice.json' });
    await new Promise((r) => setTimeout(r, 150)); // let it draw a few frames
    if (v.state().status !== 'ready') throw new Error(`cycle ${i}: ${v.state().status} ${v.state().error}`);
    v.destroy();
  }
}, n);
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
let before;
let after;
await t.step('1 warm-up create/destroy cycle', async () => { await cycle(1); before = await measure(); });
await t.step(`${CYCLES} create/destroy cycles run`, async () => { await cycle(CYCLES); after = await measure(); });
if (before && after) {
  console.log(`heap after 1 cycle:   JS ${mb(before.jsUsed)} (performance.memory ${mb(before.perfUsed)}), wasm memories ${before.wasmMemories} (${mb(before.wasmBytes)}), canvases ${before.canvases}, DOM nodes ${before.nodes}, JS listeners ${before.listeners}`);
  console.log(`heap after ${1 + CYCLES} cycles: JS ${mb(after.jsUsed)} (performance.memory ${mb(after.perfUsed)}), wasm memories ${after.wasmMemories} (${mb(after.wasmBytes)}), canvases ${after.canvases}, DOM nodes ${after.nodes}, JS listeners ${after.listeners}`);
  t.check('no wasm memory survives its viewer', after.wasmMemories === 0, `${after.wasmMemories} live (${mb(after.wasmBytes)})`);
  t.check('JS heap grows < 2 MB over the cycles', after.jsUsed - before.jsUsed < 2 * 1048576, mb(after.jsUsed - before.jsUsed));
  t.check('no canvas survives', after.canvases === 0, String(after.canvases));
  t.check('listeners do not pile up', after.listeners - before.listeners <= 5, `${before.listeners} -> ${after.listeners}`);
}
// The probe must be able to see a live memory (a plain one: querying objects while a WebGL
// viewer runs crashed the SwiftShader renderer here).
await t.step('the probe counts a live wasm memory', async () => {
  await cyc.evaluate(() => { window.probe = new WebAssembly.Memory({ initial: 1 }); });
  const m = await measure();
  await cyc.evaluate(() => { window.probe = null; });
  return { ok: m.wasmMemories === 1 && m.wasmBytes === 65536, detail: JSON.stringify(m) };
});
t.check('no page errors in the cycles', cyc.errors.length === 0, cyc.errors.join(' | '));
await t.finish();
