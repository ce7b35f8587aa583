// api.mjs — the JS API of web/rgv.js in headless Chromium: create, load (URL, object,
// failure), each event with its payload, the commands (select, focus, filter, colour
// mode), the exports, expand / undo, the keyboard walk, and destroy. Each feature is its
// own check, so a command the C++ side lacks fails only its own line.
//
//   node tests/browser/api.mjs WEB_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir] = process.argv.slice(2);
if (!webDir) { console.error('usage: api.mjs WEB_DIR'); process.exit(2); }
const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));
const byType = {};
for (const n of sample.nodes) byType[n.type] = (byType[n.type] ?? 0) + 1;
const work = sample.nodes.find((n) => n.type === 'work').id;

// A small slice that hangs off one of the sample's works: what an expansion would fetch.
const extra = { schema: 'rgv-slice', version: 1, nodes: [
  { id: work, type: 'work', label: 'anchor' },
  { id: 'person:expand-a', type: 'person', label: 'Expanded Person A' },
  { id: 'person:expand-b', type: 'person', label: 'Expanded Person B' }],
edges: [{ source: 'person:expand-a', target: work, type: 'authored' }, { source: 'person:expand-b', target: work, type: 'authored' }] };

const t = await startSuite('browser_api', webDir);
const page = await t.blankPage(`
  <button id="before">before</button>
  <div id="g" style="width: 900px; height: 600px"></div>
  <button id="after">after</button>`);
await page.route(`${t.base}extra/**`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(extra) }));
// Create without a slice, listen to everything, then load: no event can be missed.
await page.evaluate(async () => {
  const { createResearchGraph, EVENTS } = await import('./rgv.js');
  window.events = [];
  const v = await createResearchGraph(document.getElementById('g'));
  for (const name of EVENTS) v.on(name, (payload) => window.events.push([name, payload]));
  window.rgv = v;
});
const events = (name) => page.evaluate((n) => window.events.filter(([e]) => e === n).map(([, p]) => p), name);
const state = () => page.evaluate(() => window.rgv.state());
const clear = () => page.evaluate(() => { window.events.length = 0; });

await t.step('canvas made inside the container, focusable, sized to it', async () => {
  const info = await page.evaluate(() => {
    const c = document.querySelector('#g canvas');
    const r = c.getBoundingClientRect();
    return { tab: c.tabIndex, w: r.width, h: r.height, label: c.getAttribute('aria-label') };
  });
  return { ok: info.tab === 0 && info.w === 900 && info.h === 600 && !!info.label, detail: JSON.stringify(info) };
});

await t.step('load(URL) resolves true', () => page.evaluate(() => window.rgv.load('sample-slice.json')));
await waitReady(page).catch(() => {});
await t.step('"load" event with nodes, edges and format', async () => {
  await page.waitForFunction(() => window.events.some(([e]) => e === 'load'), null, { timeout: 10000 });
  const [p] = await events('load');
  return { ok: p.nodes === sample.nodes.length && p.edges === sample.edges.length && typeof p.format === 'string' && p.format !== '',
           detail: JSON.stringify(p) };
});
await t.step('"progress" events with phase and value in 0..1', async () => {
  await page.waitForFunction(() => window.events.some(([e]) => e === 'progress'), null, { timeout: 10000 });
  const ps = await events('progress');
  return { ok: ps.every((p) => typeof p.phase === 'string' && p.value >= 0 && p.value <= 1), detail: JSON.stringify(ps.slice(0, 3)) };
});
await t.step('stats() counts nodes and edges by type', async () => {
  const s = await page.evaluate(() => window.rgv.stats());
  return { ok: s.nodes === sample.nodes.length && s.edges === sample.edges.length && JSON.stringify(Object.entries(s.byType).sort()) === JSON.stringify(Object.entries(byType).sort()),
           detail: JSON.stringify(s) };
});

await t.step('"hover" event with the node under the mouse', async () => {
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(700);
  const s = await state();
  const [id, [x, y]] = Object.entries(s.screen ?? {}).find(([nid]) => nid !== s.focus) ?? [null, [0, 0]];
  if (!id) return { ok: false, detail: 'no screen positions in state()' };
  const box = await page.locator('#g canvas').boundingBox();
  await clear();
  await page.mouse.move(box.x + x, box.y + y);
  await page.waitForFunction(() => window.events.some(([e, p]) => e === 'hover' && p.id), null, { timeout: 5000 });
  const hovers = await events('hover');
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  return { ok: hovers.some((p) => p.id === id), detail: `${id} vs ${JSON.stringify(hovers)}` };
});

await t.step('select(id) selects and fires "select" {id}', async () => {
  await clear();
  await page.evaluate((id) => window.rgv.select(id), work);
  await page.waitForFunction(() => window.events.some(([e]) => e === 'select'), null, { timeout: 5000 });
  const s = await state();
  const sel = await events('select');
  return { ok: s.selected === work && sel.at(-1).id === work, detail: `${s.selected} ${JSON.stringify(sel)}` };
});
await t.step('select(null) clears', async () => {
  await page.evaluate(() => window.rgv.select(null));
  return (await state()).selected === null;
});
await t.step('focus(id) moves the camera onto the node', async () => {
  const before = (await state()).camera;
  await page.evaluate((id) => window.rgv.focus(id), work);
  await page.waitForTimeout(800);
  const after = (await state()).camera;
  return { ok: JSON.stringify(before) !== JSON.stringify(after), detail: JSON.stringify([before, after]) };
});
await t.step('focus(unknown id) throws with the viewer\'s message', async () => {
  const msg = await page.evaluate(() => { try { window.rgv.focus('nope:nope'); return null; } catch (e) { return e.message; } });
  return { ok: typeof msg === 'string' && msg.includes('nope:nope'), detail: String(msg) };
});
await t.step('setFilter hides a type (visible_nodes)', async () => {
  await page.evaluate(() => window.rgv.setFilter({ typesHidden: ['topic'] }));
  const s = await state();
  await page.evaluate(() => window.rgv.setFilter({}));
  return { ok: s.visibleNodes === sample.nodes.length - byType.topic, detail: `${s.visibleNodes}` };
});
await t.step('setColorMode("community")', async () => {
  await page.evaluate(() => window.rgv.setColorMode('community'));
  const s = await state();
  await page.evaluate(() => window.rgv.setColorMode('type'));
  return { ok: s.colorMode === 'community', detail: String(s.colorMode) };
});
await t.step('setColorMode("rainbow") throws', async () =>
  page.evaluate(() => { try { window.rgv.setColorMode('rainbow'); return false; } catch { return true; } }));

await t.step('exportSVG() returns an SVG document', async () => {
  const svg = await page.evaluate(() => window.rgv.exportSVG());
  return { ok: /^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg) && svg.trim().endsWith('</svg>'), detail: svg.slice(0, 80) };
});
await t.step('exportJSON() returns the slice with positions', async () => {
  const doc = JSON.parse(await page.evaluate(() => window.rgv.exportJSON()));
  return { ok: Array.isArray(doc.nodes) && doc.nodes.length === sample.nodes.length && doc.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)),
           detail: JSON.stringify(doc).slice(0, 120) };
});
await t.step('exportPNG(2) resolves to a PNG Blob twice the graph area\'s size', async () => {
  const area = (await state()).graphArea;
  const r = await page.evaluate(async () => {
    const blob = await window.rgv.exportPNG(2);
    const head = [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())];
    const bmp = await createImageBitmap(blob);
    // Count pixels that are not the background: the picture must show the graph.
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let drawn = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 40) drawn++;
    return { type: blob.type, head, w: bmp.width, h: bmp.height, drawn };
  });
  return { ok: r.type === 'image/png' && r.head[1] === 0x50 && r.w === Math.round(area[2] * 2) && r.h === Math.round(area[3] * 2) && r.drawn > 5000, detail: JSON.stringify(r) };
});

await t.step('expand(anchor, url) merges and the mirror lists the new nodes', async () => {
  const ok = await page.evaluate((id) => window.rgv.expand(id, 'extra/one.json'), work);
  const s = await page.evaluate(() => window.rgv.stats());
  const listed = await page.evaluate(() => [...document.querySelectorAll('#g .rgv-mirror li')].some((li) => li.textContent.includes('Expanded Person A')));
  return { ok: ok && s.nodes === sample.nodes.length + 2 && listed, detail: `${ok} ${s.nodes} listed=${listed}` };
});
await t.step('undo() takes the expansion back', async () => {
  await page.evaluate(() => window.rgv.undo());
  const s = await page.evaluate(() => window.rgv.stats());
  return { ok: s.nodes === sample.nodes.length, detail: `${s.nodes}` };
});
await t.step('"expand" event from the viewer fetches the template URL and merges', async () => {
  await page.evaluate(() => window.rgv.setExpandTemplate('extra/{id}.json'));
  await clear();
  // The C++ side emits "expand" when the user asks to expand a node: the details panel of
  // a selected work or person has the button.
  await page.evaluate((id) => window.rgv.select(id), work);
  await page.waitForTimeout(400);
  const s = await state();
  if (!Array.isArray(s.actions)) return { ok: false, detail: 'state() has no "actions" boxes to click (C++ side)' };
  const target = s.actions.find((a) => a.action === 'expand');
  if (!target) return { ok: false, detail: 'no expand control on screen' };
  const box = await page.locator('#g canvas').boundingBox();
  await page.mouse.click(box.x + (target.box[0] + target.box[2]) / 2, box.y + (target.box[1] + target.box[3]) / 2);
  await page.waitForFunction(() => window.events.some(([e]) => e === 'expand'), null, { timeout: 5000 });
  const [p] = await events('expand');
  return { ok: p.url.startsWith('extra/') && typeof p.id === 'string', detail: JSON.stringify(p) };
});
await t.step('"action" event {action, id} from the viewer\'s controls', async () => {
  await page.evaluate(() => window.rgv.setMode('compact'));
  await page.waitForTimeout(300);
  const s = await state();
  if (!Array.isArray(s.actions)) return { ok: false, detail: 'state() has no "actions" boxes to click (C++ side)' };
  const target = s.actions.find((a) => ['follow', 'claim', 'connect', 'open-explorer'].includes(a.action));
  if (!target) return { ok: false, detail: `no action control on screen: ${JSON.stringify(s.actions)}` };
  await clear();
  const box = await page.locator('#g canvas').boundingBox();
  await page.mouse.click(box.x + (target.box[0] + target.box[2]) / 2, box.y + (target.box[1] + target.box[3]) / 2);
  await page.waitForFunction(() => window.events.some(([e]) => e === 'action'), null, { timeout: 5000 });
  const [p] = await events('action');
  return { ok: p.action === target.action && typeof p.id === 'string', detail: JSON.stringify(p) };
});

// Keyboard only: Tab in, walk, Tab out.
await page.evaluate(() => { try { window.rgv.select(null); } catch { /* reported above */ } });
await page.focus('#before');
await page.keyboard.press('Tab');
await t.step('Tab moves focus into the canvas, with a visible focus ring', async () => {
  const r = await page.evaluate(() => ({ active: document.activeElement === window.rgv.canvas, outline: window.rgv.canvas.style.outline }));
  return { ok: r.active && r.outline.includes('solid'), detail: JSON.stringify(r) };
});
await t.step('ArrowRight selects a node and the live region says which', async () => {
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  const r = await page.evaluate(() => ({ sel: window.rgv.state().selected, live: document.querySelector('#g .rgv-live').textContent }));
  return { ok: typeof r.sel === 'string' && r.live.startsWith('Selected '), detail: JSON.stringify(r) };
});
await t.step('arrow keys walk to a neighbour', async () => {
  const first = (await state()).selected;
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  const second = (await state()).selected;
  const neighbours = sample.edges.filter((e) => e.source === first || e.target === first).map((e) => (e.source === first ? e.target : e.source));
  return { ok: second && second !== first && (neighbours.includes(second) || first === null), detail: `${first} -> ${second}` };
});
await t.step('Enter zooms onto the selection', async () => {
  const before = (await state()).camera;
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  const after = (await state()).camera;
  return { ok: JSON.stringify(before) !== JSON.stringify(after), detail: JSON.stringify([before, after]) };
});
await t.step('+ zooms in, - zooms out', async () => {
  const z0 = (await state()).camera.zoom;
  await page.keyboard.press('+');
  await page.waitForTimeout(400);
  const z1 = (await state()).camera.zoom;
  await page.keyboard.press('-');
  await page.waitForTimeout(400);
  const z2 = (await state()).camera.zoom;
  return { ok: z1 > z0 && z2 < z1, detail: `${z0} ${z1} ${z2}` };
});
await t.step('Escape clears the selection', async () => {
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  const r = await page.evaluate(() => ({ sel: window.rgv.state().selected, live: document.querySelector('#g .rgv-live').textContent }));
  return { ok: r.sel === null && r.live === 'Selection cleared', detail: JSON.stringify(r) };
});
await t.step('Tab leaves the canvas (no keyboard trap)', async () => {
  await page.keyboard.press('Tab');
  return { ok: await page.evaluate(() => document.activeElement?.id === 'after'), detail: await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60)) };
});
await t.step('Tab on the host page still moves focus (SDL does not swallow it)', async () => {
  await page.focus('#before');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  return { ok: await page.evaluate(() => document.activeElement?.id === 'before'), detail: await page.evaluate(() => document.activeElement?.tagName) };
});

await t.step('load(missing URL) resolves false, fires "error", keeps the graph', async () => {
  await clear();
  const before = (await page.evaluate(() => window.rgv.stats())).nodes;
  const ok = await page.evaluate(() => window.rgv.load('missing.json'));
  await page.waitForFunction(() => window.events.some(([e]) => e === 'error'), null, { timeout: 5000 });
  const [p] = await events('error');
  const s = await page.evaluate(() => window.rgv.stats());
  return { ok: ok === false && p.message === 'missing.json: HTTP 404 Not Found' && s.nodes === before && before > 0,
           detail: `${ok} ${JSON.stringify(p)} ${before} -> ${s.nodes}` };
});
await t.step('load(object) loads a slice given as an object', async () => {
  const ok = await page.evaluate(() => window.rgv.load({ schema: 'rgv-slice', version: 1, nodes: [
    { id: 'a', type: 'person', label: 'A' }, { id: 'b', type: 'work', label: 'B' }, { id: 'c', type: 'topic', label: 'C' }],
  edges: [{ source: 'a', target: 'b', type: 'authored' }] }));
  const s = await page.evaluate(() => window.rgv.stats());
  return { ok: ok && s.nodes === 3 && s.edges === 1, detail: JSON.stringify(s) };
});
await t.step('on() returns an unsubscribe; off() stops a listener', async () => page.evaluate(async () => {
  let n = 0;
  const fn = () => { n++; };
  const un = window.rgv.on('select', fn);
  un();
  window.rgv.select('a');
  await new Promise((r) => setTimeout(r, 300));
  return n === 0;
}));
await t.step('on("unknown") throws', () => page.evaluate(() => { try { window.rgv.on('nope', () => {}); return false; } catch { return true; } }));

await t.step('destroy() removes the canvas and is idempotent; methods then throw', async () => {
  const r = await page.evaluate(() => {
    const v = window.rgv;
    v.destroy();
    v.destroy();
    let threw = false;
    try { v.stats(); } catch { threw = true; }
    return { canvas: document.querySelectorAll('#g canvas').length, rest: document.querySelector('#g').children.length, threw, destroyed: v.destroyed };
  });
  return { ok: r.canvas === 0 && r.rest === 0 && r.threw && r.destroyed, detail: JSON.stringify(r) };
});
await page.waitForTimeout(300);
// The deliberate 404 (missing.json) is logged by Chromium itself; anything else is an error.
const unexpected = page.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404'));
t.check('no page errors', unexpected.length === 0, unexpected.join(' | '));
await t.finish();
