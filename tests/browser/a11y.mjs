// a11y.mjs — screen-reader and keyboard access of web/rgv.js: the canvas' name and role,
// the visually hidden list that mirrors the slice (type, label, connections), the live
// region announcing the selection, and data text that must stay text: a label holding a
// <script> tag shows as text, creates no element and opens no dialog.
//
//   node tests/browser/a11y.mjs WEB_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir] = process.argv.slice(2);
if (!webDir) { console.error('usage: a11y.mjs WEB_DIR'); process.exit(2); }
const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));

const t = await startSuite('browser_a11y', webDir);
const page = await t.blankPage('<div id="g" style="width: 800px; height: 520px"></div>');
await page.evaluate(async () => {
  const { createResearchGraph } = await import('./rgv.js');
  window.loads = 0;
  window.rgv = await createResearchGraph(document.getElementById('g'));
  window.rgv.on('load', () => { window.loads++; });
  await window.rgv.load('sample-slice.json');
});
await waitReady(page).catch(() => {});
await page.waitForFunction(() => window.loads > 0, null, { timeout: 10000 }).catch(() => {});

await t.step('canvas has a role, an accessible name and a description', async () => {
  const r = await page.evaluate(() => {
    const c = window.rgv.canvas;
    const desc = document.getElementById(c.getAttribute('aria-describedby'));
    return { role: c.getAttribute('role'), label: c.getAttribute('aria-label'), desc: desc?.textContent ?? '' };
  });
  return { ok: r.role === 'application' && r.label === 'Research graph' && r.desc.includes('Arrow keys'), detail: JSON.stringify(r) };
});

const mirror = () => page.evaluate(() => [...document.querySelectorAll('#g .rgv-mirror li')].map((li) => ({ id: li.dataset.id, text: li.textContent })));
await t.step('hidden list has one item per node', async () => {
  const items = await mirror();
  return { ok: items.length === sample.nodes.length, detail: `${items.length} vs ${sample.nodes.length}` };
});
await t.step('each item says the node\'s type, label and connections', async () => {
  const items = new Map((await mirror()).map((i) => [i.id, i.text]));
  const label = new Map(sample.nodes.map((n) => [n.id, n.label ?? n.id]));
  const bad = [];
  for (const n of sample.nodes) {
    const text = items.get(n.id) ?? '';
    const neighbours = new Set(sample.edges.flatMap((e) => (e.source === n.id ? [e.target] : e.target === n.id ? [e.source] : [])));
    const ok = text.startsWith(`${n.type}: ${n.label}`) && [...neighbours].every((m) => text.includes(label.get(m)));
    if (!ok) bad.push(`${n.id}: ${text.slice(0, 80)}`);
  }
  return { ok: bad.length === 0, detail: bad.slice(0, 3).join(' | ') };
});
await t.step('hidden list is visually hidden but not display:none', async () => {
  const r = await page.evaluate(() => {
    const m = document.querySelector('#g .rgv-mirror');
    const s = getComputedStyle(m);
    const b = m.getBoundingClientRect();
    return { display: s.display, w: b.width, h: b.height, hidden: m.getAttribute('aria-hidden') };
  });
  return { ok: r.display !== 'none' && r.w <= 1 && r.h <= 1 && r.hidden === null, detail: JSON.stringify(r) };
});
await t.step('live region announces a selection with its type and connection count', async () => {
  const focusNode = sample.nodes.find((n) => n.id === sample.focus);
  await page.evaluate((id) => window.rgv.select(id), focusNode.id);
  const r = await page.evaluate(() => { const l = document.querySelector('#g .rgv-live'); return { live: l.getAttribute('aria-live'), text: l.textContent }; });
  const degree = new Set(sample.edges.flatMap((e) => (e.source === focusNode.id ? [e.target] : e.target === focusNode.id ? [e.source] : []))).size;
  return { ok: r.live === 'polite' && r.text === `Selected ${focusNode.label}, person, ${degree} connections`, detail: JSON.stringify(r) };
});
await t.step('a click selection is announced too', async () => {
  await page.evaluate(() => window.rgv.select(null));
  await page.waitForTimeout(600);
  const s = await page.evaluate(() => window.rgv.state());
  const [id, [x, y]] = Object.entries(s.screen ?? {}).find(([nid]) => nid !== s.focus) ?? [null, [0, 0]];
  if (!id) return { ok: false, detail: 'no screen positions' };
  const box = await page.locator('#g canvas').boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  await page.waitForFunction(() => document.querySelector('#g .rgv-live').textContent.startsWith('Selected'), null, { timeout: 5000 });
  const text = await page.evaluate(() => document.querySelector('#g .rgv-live').textContent);
  const label = sample.nodes.find((n) => n.id === id)?.label;
  return { ok: text.startsWith(`Selected ${label}`), detail: `${text} (clicked ${id})` };
});

// Hostile labels: markup in the data must reach the DOM as text only.
const evil = '<script>alert(1)</script>';
const evilImg = '<img src=x onerror=alert(2)>';
await page.evaluate(async ([a, b]) => {
  window.loads = 0;
  await window.rgv.load({ schema: 'rgv-slice', version: 1, focus: 'p', profile: { name: a },
    nodes: [{ id: 'p', type: 'person', label: a }, { id: 'w', type: 'work', label: b }, { id: 't', type: 'topic', label: 'Plain topic' }],
    edges: [{ source: 'p', target: 'w', type: 'authored' }, { source: 'w', target: 't', type: 'about' }] });
}, [evil, evilImg]);
await page.waitForFunction(() => window.loads > 0, null, { timeout: 10000 }).catch(() => {});
await page.evaluate(() => window.rgv.select('p'));
await page.waitForTimeout(1000);
await t.step('script-tag label shows as text in the hidden list', async () => {
  const items = await mirror();
  const p = items.find((i) => i.id === 'p');
  return { ok: !!p && p.text.startsWith(`person: ${evil}`) && p.text.includes(evilImg), detail: JSON.stringify(items) };
});
await t.step('script-tag label shows as text in the live region', async () => {
  const text = await page.evaluate(() => document.querySelector('#g .rgv-live').textContent);
  return { ok: text.startsWith(`Selected ${evil}`), detail: text };
});
await t.step('no element made from the data (no script, no img in the container)', async () => {
  const n = await page.evaluate(() => document.querySelectorAll('#g script, #g img, #g [onerror]').length);
  return { ok: n === 0, detail: `${n} elements` };
});
await t.step('no alert dialog opened', () => ({ ok: page.dialogs.length === 0, detail: page.dialogs.join(', ') }));
await t.step('the profile page shows data as text (works list, header)', async () => {
  const p = await t.newPage();
  await p.route(`${t.base}sample-slice.json`, async (route) => {
    const doc = structuredClone(sample);
    doc.profile.name = evil;
    doc.nodes.find((n) => n.type === 'work').label = evilImg;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) });
  });
  await p.goto(`${t.base}profile.html`);
  await waitReady(p).catch(() => {});
  const r = await p.evaluate(() => ({
    h1: document.querySelector('h1').textContent,
    titles: [...document.querySelectorAll('.work h3')].map((h) => h.textContent),
    bad: document.querySelectorAll('main script, main img').length,
  }));
  await p.close();
  return { ok: r.h1 === evil && r.titles.includes(evilImg) && r.bad === 0 && p.dialogs.length === 0, detail: JSON.stringify(r) };
});
t.check('no page errors', page.errors.length === 0, page.errors.join(' | '));
await t.finish();
