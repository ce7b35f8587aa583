// element.mjs — the <research-graph> custom element (web/research-graph.js): it starts a
// viewer, dispatches rgv-* CustomEvents that bubble out of its shadow root, reloads when
// `src` changes, follows `mode` / `color-mode` / `theme` / `label` / `font`, keeps its
// viewer when moved and frees it when removed.
//
//   node tests/browser/element.mjs WEB_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { exposeModules, startSuite } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir] = process.argv.slice(2);
if (!webDir) { console.error('usage: element.mjs WEB_DIR'); process.exit(2); }
const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));
const small = { schema: 'rgv-slice', version: 1, nodes: [
  { id: 'a', type: 'person', label: 'Ada' }, { id: 'b', type: 'work', label: 'Notes' }, { id: 'c', type: 'topic', label: 'Engines' }],
edges: [{ source: 'a', target: 'b', type: 'authored' }, { source: 'b', target: 'c', type: 'about' }] };

const t = await startSuite('browser_element', webDir);
// exposeModules: the openUrl check plays the C++ side (see harness.mjs).
const page = await t.blankPage(`
  <div id="host"><div id="other"></div></div>
  <script>
    window.seen = [];
    for (const name of ['rgv-ready', 'rgv-load', 'rgv-error', 'rgv-select', 'rgv-progress', 'rgv-hover', 'rgv-action', 'rgv-expand'])
      document.addEventListener(name, (e) => window.seen.push({ type: e.type, detail: e.type === 'rgv-ready' ? {} : e.detail,
        bubbles: e.bubbles, composed: e.composed, target: e.target.id }));
  </script>
  <script type="module" src="research-graph.js"></script>
  <research-graph id="rg" src="sample-slice.json" mode="compact" theme="dark" label="Graph of Ada" style="width: 700px; height: 420px"></research-graph>`, {}, exposeModules);
await page.route(`${t.base}mono.ttf`, (route) => route.fulfill({ contentType: 'font/ttf', body: fs.readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf') }));
await page.route(`${t.base}small.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(small) }));
const seen = (type) => page.evaluate((ty) => window.seen.filter((e) => e.type === ty), type);
const waitSeen = (type, count = 1) => page.waitForFunction(([ty, n]) => window.seen.filter((e) => e.type === ty).length >= n, [type, count], { timeout: 30000 });

await t.step('element is defined and typed as ResearchGraphElement', () =>
  page.evaluate(() => customElements.get('research-graph') === document.getElementById('rg').constructor));
await t.step('rgv-ready fires with the viewer', async () => { await waitSeen('rgv-ready'); });
await t.step('rgv-load bubbles out of the shadow root (composed) with the counts', async () => {
  await waitSeen('rgv-load');
  const [e] = await seen('rgv-load');
  return { ok: e.bubbles && e.composed && e.target === 'rg' && e.detail.nodes === sample.nodes.length && e.detail.edges === sample.edges.length,
           detail: JSON.stringify(e) };
});
await t.step('canvas lives in the shadow root, sized to the element', async () => {
  const r = await page.evaluate(() => {
    const el = document.getElementById('rg');
    const c = el.shadowRoot.querySelector('canvas');
    const b = c?.getBoundingClientRect();
    return { w: b?.width, h: b?.height, light: el.querySelectorAll('canvas').length };
  });
  return { ok: r.w === 700 && r.h === 420 && r.light === 0, detail: JSON.stringify(r) };
});
await t.step('mode attribute is applied at start', async () => {
  const mode = await page.evaluate(() => document.getElementById('rg').viewer.state().mode);
  return { ok: mode === 'compact', detail: String(mode) };
});
await t.step('theme attribute at start: "dark"', async () => {
  const th = await page.evaluate(() => document.getElementById('rg').viewer.state().theme);
  return { ok: th?.name === 'dark' && th.dark === true, detail: JSON.stringify(th) };
});
await t.step('theme attribute change: a JSON object of colours', async () => {
  await page.evaluate(() => document.getElementById('rg').setAttribute('theme', '{"base": "light", "accent": "#ff8800"}'));
  const th = await page.evaluate(() => document.getElementById('rg').viewer.state().theme);
  return { ok: th.name === 'custom' && th.dark === false && th.colors.accent.toLowerCase().startsWith('#ff8800'), detail: JSON.stringify(th) };
});
await t.step('theme attribute: bad JSON or a bad colour fires rgv-error, the theme stays usable', async () => {
  const before = (await seen('rgv-error')).length;
  await page.evaluate(() => document.getElementById('rg').setAttribute('theme', '{"base": "dark",'));
  await page.evaluate(() => document.getElementById('rg').setAttribute('theme', '{"accent": "orange"}'));
  const errs = (await seen('rgv-error')).slice(before).map((e) => e.detail.message);
  await page.evaluate(() => document.getElementById('rg').setAttribute('theme', 'light'));
  const th = await page.evaluate(() => document.getElementById('rg').viewer.state().theme);
  return { ok: errs.length === 2 && errs[0].includes('theme attribute is not valid JSON') && errs[1].includes('"accent" must be a colour')
    && th.name === 'light', detail: JSON.stringify([errs, th.name]) };
});
await t.step('label attribute: the canvas\'s name and the hidden list\'s heading, at start and on change', async () => {
  const read = () => page.evaluate(() => {
    const root = document.getElementById('rg').shadowRoot;
    return { aria: root.querySelector('canvas').getAttribute('aria-label'), heading: root.querySelector('.rgv-mirror h2').textContent };
  });
  const first = await read();
  await page.evaluate(() => document.getElementById('rg').setAttribute('label', 'Graph of Charles'));
  const second = await read();
  return { ok: first.aria === 'Graph of Ada' && first.heading.startsWith('Graph of Ada: ')
    && second.aria === 'Graph of Charles' && second.heading === `Graph of Charles: ${sample.nodes.length} nodes`, detail: JSON.stringify([first, second]) };
});
await t.step('font attribute change: the new font is fetched and the labels are drawn with it', async () => {
  const shot = async () => PNG.sync.read(await page.locator('#rg').screenshot());
  await page.waitForTimeout(500);
  const before = await shot();
  const fetched = page.waitForRequest((r) => r.url().endsWith('/mono.ttf'), { timeout: 10000 });
  await page.evaluate(() => document.getElementById('rg').setAttribute('font', 'mono.ttf'));
  await fetched;
  await page.waitForTimeout(800);
  const after = await shot();
  let changed = 0;
  for (let i = 0; i < before.data.length; i += 4) if (Math.abs(before.data[i] - after.data[i]) + Math.abs(before.data[i + 1] - after.data[i + 1]) > 60) changed++;
  return { ok: changed > 200, detail: `${changed} pixels changed` };
});
await t.step('rgv-openUrl is cancelable; preventDefault() on it keeps the link from opening', async () => {
  const r = await page.evaluate(() => {
    const opened = [];
    const realOpen = window.open;
    window.open = (...args) => { opened.push(args); return null; };
    const got = [];
    const onOpen = (e) => { got.push({ url: e.detail.url, cancelable: e.cancelable }); if (e.detail.url.endsWith('/keep')) e.preventDefault(); };
    document.addEventListener('rgv-openUrl', onOpen);
    try {
      // What the viewer's "Open link" button does: the C++ side emits openUrl.
      for (const url of ['https://example.org/keep', 'https://example.org/go']) window.rgvModules[0].onRgvEvent('openUrl', JSON.stringify({ url }));
    } finally {
      window.open = realOpen;
      document.removeEventListener('rgv-openUrl', onOpen);
    }
    return { got, opened };
  });
  return { ok: r.got.length === 2 && r.got.every((g) => g.cancelable) && JSON.stringify(r.opened) === JSON.stringify([['https://example.org/go', '_blank', 'noopener,noreferrer']]),
           detail: JSON.stringify(r) };
});
await t.step('select() on the element fires rgv-select with the id', async () => {
  await page.evaluate((id) => document.getElementById('rg').select(id), sample.focus);
  await waitSeen('rgv-select');
  const list = await seen('rgv-select');
  return { ok: list.at(-1).detail.id === sample.focus, detail: JSON.stringify(list) };
});
await t.step('changing src reloads the graph', async () => {
  await page.evaluate(() => document.getElementById('rg').setAttribute('src', 'small.json'));
  await waitSeen('rgv-load', 2);
  const e = (await seen('rgv-load')).at(-1);
  const s = await page.evaluate(() => document.getElementById('rg').stats());
  return { ok: e.detail.nodes === 3 && s.nodes === 3 && s.edges === 2, detail: JSON.stringify([e.detail, s]) };
});
await t.step('src to a missing file fires rgv-error and keeps the graph', async () => {
  const before = (await seen('rgv-error')).length; // the theme steps raised some already
  await page.evaluate(() => { document.getElementById('rg').src = 'gone.json'; });
  await waitSeen('rgv-error', before + 1);
  const e = (await seen('rgv-error')).at(-1);
  const s = await page.evaluate(() => document.getElementById('rg').stats());
  return { ok: e.detail.message === 'gone.json: HTTP 404 Not Found' && s.nodes === 3, detail: JSON.stringify([e.detail, s]) };
});
await t.step('mode attribute change switches the viewer to explorer', async () => {
  await page.evaluate(() => document.getElementById('rg').setAttribute('mode', 'explorer'));
  const mode = await page.evaluate(() => document.getElementById('rg').viewer.state().mode);
  return { ok: mode === 'explorer', detail: String(mode) };
});
await t.step('color-mode attribute change', async () => {
  await page.evaluate(() => document.getElementById('rg').setAttribute('color-mode', 'year'));
  const mode = await page.evaluate(() => document.getElementById('rg').viewer.state().colorMode);
  return { ok: mode === 'year', detail: String(mode) };
});
await t.step('moving the element keeps its viewer', async () => {
  const r = await page.evaluate(async () => {
    const el = document.getElementById('rg');
    const before = el.viewer;
    document.getElementById('other').append(el);
    await new Promise((res) => setTimeout(res, 100));
    return { same: el.viewer === before, alive: !before.destroyed, nodes: el.viewer?.stats().nodes };
  });
  return { ok: r.same && r.alive && r.nodes === 3, detail: JSON.stringify(r) };
});
await t.step('removing the element destroys its viewer', async () => {
  const r = await page.evaluate(async () => {
    const el = document.getElementById('rg');
    const v = el.viewer;
    el.remove();
    await new Promise((res) => setTimeout(res, 100));
    return { destroyed: v.destroyed, viewer: el.viewer, canvases: el.shadowRoot.querySelectorAll('canvas').length };
  });
  return { ok: r.destroyed && r.viewer === null && r.canvases === 0, detail: JSON.stringify(r) };
});
await t.step('an element made in script starts when attached', async () => {
  const r = await page.evaluate(async () => {
    const el = document.createElement('research-graph');
    el.style.height = '300px';
    el.src = 'small.json';
    document.body.append(el);
    await el.ready;
    const s = el.stats();
    el.remove();
    return s;
  });
  return { ok: r.nodes === 3, detail: JSON.stringify(r) };
});
const unexpected = page.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404'));
t.check('no page errors', unexpected.length === 0, unexpected.join(' | '));
await t.finish();
