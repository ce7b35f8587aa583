// explorer.mjs — the explorer as a user meets it (issue #6), in headless Chromium, through
// the viewer's JS-visible state and screenshots saved to OUT_DIR/explorer-*.png:
//
//   0. work labels     at 1280x800 most works carry a (cited) label, none overlap
//   1. profile panel   every field of the profile card, works sorted by year (the toggle is
//                      clicked), the Follow / claim buttons raise "action" events
//   2. details panel   a selected work, person and topic
//   3. filters         a legend click hides a type; year range and topic filters give the
//                      counts computed here from the sample file
//   4. search          typed with the real keyboard; hits equal the fuzzy matches computed
//                      here; Enter focuses the top hit
//   5. colour / size   by community, by year, by citations: state and picture change
//   6. expand          a person's slice served through the URL template: old nodes keep
//                      their places, progress shows while it loads, undo restores
//   7. states          loading with real progress (a slow server, with and without
//                      Content-Length), error, empty slice, compact vs explorer
//   8. explorer page   the toolbar's colour / size selects follow the viewer
//
//   node tests/browser/explorer.mjs WEB_DIR OUT_DIR
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir, outDir] = process.argv.slice(2);
if (!webDir || !outDir) { console.error('usage: explorer.mjs WEB_DIR OUT_DIR'); process.exit(2); }
const sampleText = fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8');
const sample = JSON.parse(sampleText);
const byType = {};
for (const n of sample.nodes) byType[n.type] = (byType[n.type] ?? 0) + 1;
const nodeById = new Map(sample.nodes.map((n) => [n.id, n]));
const neighbours = new Map(sample.nodes.map((n) => [n.id, new Set()]));
for (const e of sample.edges) { neighbours.get(e.source).add(e.target); neighbours.get(e.target).add(e.source); }
const works = sample.nodes.filter((n) => n.type === 'work');

// The filter rule of src/core/filter.h, written again here: works pass on year and topic;
// other nodes stay when next to a passing work (or a chosen topic, or the researcher);
// nodes with no work at all (institutions) stay when next to such a node; the researcher
// always stays.
function expectedVisible({ years, topics = [], typesHidden = [] }) {
  const worksOk = new Set(works.filter((w) => (!years || (w.attrs.year >= years[0] && w.attrs.year <= years[1]))
    && (topics.length === 0 || topics.some((t) => neighbours.get(w.id).has(t)))).map((w) => w.id));
  const ring = new Set([sample.focus, ...topics]);
  for (const n of sample.nodes) if (n.type !== 'work' && [...neighbours.get(n.id)].some((m) => worksOk.has(m))) ring.add(n.id);
  let count = 0;
  for (const n of sample.nodes) {
    let keep = n.type === 'work' ? worksOk.has(n.id) : ring.has(n.id);
    const hasWork = [...neighbours.get(n.id)].some((m) => nodeById.get(m).type === 'work');
    if (!keep && n.type !== 'work' && !hasWork) keep = [...neighbours.get(n.id)].some((m) => ring.has(m) && nodeById.get(m).type !== 'work');
    if ((keep && !typesHidden.includes(n.type)) || n.id === sample.focus) count++; // the researcher always shows
  }
  return count;
}

// The search rule of src/core/search.h, written again here for ASCII labels: every
// white-space separated term of the query is a subsequence of the lower-cased label.
const isSubsequence = (term, text) => { let i = 0; for (const c of text) if (c === term[i]) i++; return i === term.length; };
const fuzzyMatches = (query) => {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return sample.nodes.filter((n) => terms.every((t) => isSubsequence(t, n.label.toLowerCase()))).map((n) => n.id);
};

// A person's own slice, as a server would give it for the expansion.
const person = 'person:deliang-fan';
const extra = { schema: 'rgv-slice', version: 1, focus: person, nodes: [
  { id: person, type: 'person', label: 'Deliang Fan' },
  { id: 'work:x-1', type: 'work', label: 'In-Memory Computing for Edge Inference', attrs: { year: 2023 } },
  { id: 'work:x-2', type: 'work', label: 'Bit-Flip Robust Training', attrs: { year: 2022 } },
  { id: 'person:x-coauthor', type: 'person', label: 'Expanded Coauthor' },
  { id: 'topic:cs.ET', type: 'topic', label: 'Emerging Technologies (cs.ET)' }],
edges: [
  { source: person, target: 'work:x-1', type: 'authored' }, { source: person, target: 'work:x-2', type: 'authored' },
  { source: 'person:x-coauthor', target: 'work:x-1', type: 'authored' }, { source: 'work:x-1', target: 'topic:cs.ET', type: 'about' },
  { source: person, target: 'person:x-coauthor', type: 'coauthor' }] };

const t = await startSuite('browser_explorer', webDir);
const shot = async (page, name) => {
  const file = path.join(outDir, `explorer-${name}.png`);
  await page.screenshot({ path: file });
  return file;
};
const settle = (page) => page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 30000 }).catch(() => {})
  .then(() => page.waitForTimeout(500));
const state = (page) => page.evaluate(() => window.rgv.state());
const center = (box) => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
// Waits until the viewer has drawn `n` more frames (software GL is slow: 10-20 a second).
const frames = async (page, n = 2) => {
  const f0 = await page.evaluate(() => window.rgv.state().frames);
  await page.waitForFunction(([f, k]) => window.rgv.state().frames >= f + k, [f0, n], { timeout: 10000 });
};
// A key held for a few frames: the UI reads keys as up or down once a frame, so a press
// and release in the same frame would be lost.
async function press(page, combo) {
  const keys = combo.split('+');
  for (const k of keys) await page.keyboard.down(k);
  await frames(page);
  for (const k of keys.reverse()) await page.keyboard.up(k);
  await frames(page);
}
// Like a user: move there, press, release, frames apart (the UI sees the hover first).
async function clickBox(page, box) {
  const c = await page.locator('canvas').first().boundingBox();
  const [x, y] = center(box);
  await page.mouse.move(c.x + x, c.y + y);
  await frames(page);
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
  await frames(page);
}
// The graph area as pixels (the viewer's own PNG export), kept in the page under `name`,
// and the number of pixels that differ from the picture kept as `other`.
const keepPicture = (page, name) => page.evaluate(async (key) => {
  const bmp = await createImageBitmap(await window.rgv.exportPNG(1));
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const g = c.getContext('2d');
  g.drawImage(bmp, 0, 0);
  (window.pictures ??= {})[key] = g.getImageData(0, 0, bmp.width, bmp.height).data;
}, name);
const pixelsChanged = (page, a, b) => page.evaluate(([ka, kb]) => {
  const [x, y] = [window.pictures[ka], window.pictures[kb]];
  if (x.length !== y.length) return -1;
  let n = 0;
  for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 60) n++;
  return n;
}, [a, b]);

// The explorer page, with the expansion template -------------------------------------------
const page = await t.newPage();
let releaseExpand;
const expandGate = new Promise((resolve) => { releaseExpand = resolve; });
await page.route(`${t.base}slices/**`, async (route) => {
  await expandGate; // held until the test has seen the progress
  await route.fulfill({ contentType: 'application/json', body: JSON.stringify(extra) });
});
await page.goto(`${t.base}index.html?expand=${encodeURIComponent('slices/{id}.json')}`);
await waitReady(page).catch(() => {});
await page.evaluate(() => {
  window.events = [];
  for (const name of ['action', 'expand', 'progress', 'error', 'load']) window.rgv.on(name, (p) => window.events.push([name, p]));
});
await settle(page);
const events = (name) => page.evaluate((n) => window.events.filter(([e]) => e === n).map(([, p]) => p), name);
const clearEvents = () => page.evaluate(() => { window.events.length = 0; });

// 0. work labels (issue #18) ------------------------------------------------------------------
// The default fitted view at 1280x800: the works carry labels (a title that does not fit is
// cited, "Li et al. 2022"), no two placed boxes overlap, and the researcher keeps theirs.
await t.step('labels: at 1280x800 at least 8 of the 10 works are labelled, no two labels overlap', async () => {
  const s = await state(page);
  const ls = s.labels ?? [];
  const workIds = new Set(works.map((w) => w.id));
  const labelled = ls.filter((l) => workIds.has(l.id));
  const overlaps = [];
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length; j++) {
      const [a, b] = [ls[i].box, ls[j].box];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) overlaps.push(`${ls[i].id} / ${ls[j].id}`);
    }
  // A short label is a citation (surname, "& surname" or "et al.", year) of that work.
  const badShort = labelled.filter((l) => l.short && !/^\S+( & \S+| et al\.)? \d{4}$/.test(l.text)).map((l) => l.text);
  const focal = ls.some((l) => l.id === sample.focus);
  const detail = `${labelled.length} of ${works.length} works labelled (${labelled.map((l) => JSON.stringify(l.text)).join(', ')}), `
    + `${ls.length} labels, overlaps [${overlaps.join(', ')}], bad short forms ${JSON.stringify(badShort)}, focal ${focal}`;
  console.log(`figure: ${detail}`);
  return { ok: labelled.length >= 8 && overlaps.length === 0 && badShort.length === 0 && focal, detail };
});
await shot(page, 'labels');
await t.step('the first screen explains the graph: a legend and a one-line hint bottom left, no label under them', async () => {
  const s = await state(page);
  const [ax, ay, aw, ah] = s.graphArea;
  const lg = s.ui.graphLegend, hint = s.ui.graphHint;
  const under = (s.labels ?? []).filter((l) => l.box[0] < lg[2] && lg[0] < l.box[2] && l.box[1] < lg[3] && lg[1] < l.box[3]).map((l) => l.text);
  return { ok: Boolean(lg && hint) && lg[0] >= ax && lg[0] < ax + 20 && lg[3] <= ay + ah && lg[3] > ay + ah - 20 && lg[2] - lg[0] < aw / 2
    && under.length === 0, detail: `legend ${JSON.stringify(lg)} in area ${JSON.stringify(s.graphArea)}, hint ${Boolean(hint)}, labels under it ${JSON.stringify(under)}` };
});
await t.step('the hint goes once a node is clicked; the legend stays', async () => {
  const s = await state(page);
  const box = await page.locator('canvas').first().boundingBox();
  const [x, y] = s.screen[works[0].id];
  await page.mouse.click(box.x + x, box.y + y);
  await page.waitForFunction(() => window.rgv.state().selected !== null, null, { timeout: 5000 }).catch(() => {});
  await frames(page, 2);
  const after = await state(page);
  await page.keyboard.press('Escape');
  await frames(page, 2);
  return { ok: after.selected === works[0].id && !after.ui.graphHint && Boolean(after.ui.graphLegend),
           detail: `selected ${after.selected}, ui ${Object.keys(after.ui).join(',')}` };
});
await t.step('labels: a cited work shows its full title while hovered', async () => {
  const s = await state(page);
  const cited = (s.labels ?? []).find((l) => l.short);
  if (!cited) return { ok: false, detail: 'no work labelled by its short form' };
  const c = await page.locator('canvas').first().boundingBox();
  const [x, y] = s.screen[cited.id];
  await page.mouse.move(c.x + x, c.y + y);
  await frames(page, 3);
  const hovered = ((await state(page)).labels ?? []).find((l) => l.id === cited.id);
  await page.mouse.move(0, 0); // where the page starts: the later steps expect no hover
  await frames(page, 3);
  const title = nodeById.get(cited.id).label;
  return { ok: hovered?.text === title && !hovered.short, detail: `${JSON.stringify(cited.text)} -> ${JSON.stringify(hovered?.text)}` };
});

// 1. profile panel ----------------------------------------------------------------------------
await t.step('profile card shows every field of the profile page', async () => {
  const card = (await state(page)).profileCard ?? [];
  const p = sample.profile;
  const want = ['Researcher profile', p.name, p.headline, 'Researcher', 'Affiliation not imported', 'Open to collaborate',
    'Trust snapshot', `Trust ${p.trust.score} \u00b7 ${p.trust.band}`, `Verification ${p.verification}`, 'Unclaimed author',
    `${p.counts.works} works`, `${p.counts.followers} followers`, `${p.counts.topics} topics`,
    `${p.counts.close_collaborators} close collaborators`, `Follow researcher  ${p.counts.followers}`, 'Log in to claim',
    `In this graph: ${works.length} works by ${p.name}`, `${works.length} works in this graph`];
  const missing = want.filter((w) => !card.includes(w));
  return { ok: missing.length === 0 && card.some((l) => l.startsWith('Claiming links this public author record')), detail: `missing ${JSON.stringify(missing)}` };
});
await shot(page, 'profile');
await t.step('"Follow researcher" on the explorer page says what a host would do, in words, never a raw id', async () => {
  const follow = (await state(page)).actions.find((x) => x.action === 'follow');
  await clickBox(page, follow.box);
  await page.waitForSelector('.toast', { timeout: 5000 }).catch(() => {});
  const text = await page.evaluate(() => [...document.querySelectorAll('.toast')].map((e) => e.textContent).join(' | '));
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((e) => e.remove()));
  return { ok: text.startsWith(`Follow ${sample.profile.name}`) && !text.includes(':'), detail: text };
});

const years = (order) => order.map((id) => nodeById.get(id).attrs.year);
await t.step('works list: every work, newest first', async () => {
  const w = (await state(page)).works;
  const y = years(w.order);
  return { ok: w.newestFirst && w.order.length === works.length && new Set(w.order).size === works.length
    && y.every((v, i) => i === 0 || v <= y[i - 1]) && y[0] === 2022 && y.at(-1) === 2020, detail: JSON.stringify(y) };
});
await t.step('clicking the sort button lists the works oldest first, and back', async () => {
  const s = await state(page);
  if (!s.ui?.worksSort) return { ok: false, detail: 'no worksSort box in state().ui' };
  await clickBox(page, s.ui.worksSort);
  await page.waitForTimeout(200);
  const w = (await state(page)).works;
  const y = years(w.order);
  await clickBox(page, (await state(page)).ui.worksSort);
  await page.waitForTimeout(200);
  const back = (await state(page)).works.newestFirst;
  return { ok: !w.newestFirst && y.every((v, i) => i === 0 || v >= y[i - 1]) && y[0] === 2020 && back, detail: JSON.stringify(y) };
});
for (const action of ['follow', 'claim']) {
  await t.step(`the "${action}" button raises an "action" event for the host`, async () => {
    const s = await state(page);
    const target = s.actions.find((a) => a.action === action);
    if (!target) return { ok: false, detail: JSON.stringify(s.actions) };
    await clearEvents();
    await clickBox(page, target.box);
    await page.waitForFunction(() => window.events.some(([e]) => e === 'action'), null, { timeout: 5000 });
    const [p] = await events('action');
    return { ok: p.action === action && p.id === sample.focus, detail: JSON.stringify(p) };
  });
}

// 2. details panel ----------------------------------------------------------------------------
const sampleWork = 'work:arxiv:2101.08254';
for (const [kind, id] of [['work', sampleWork], ['person', person], ['topic', 'topic:cs.CR']]) {
  await t.step(`details of a ${kind}: selected, with ${kind === 'topic' ? 'no expand button' : 'its expand button'}`, async () => {
    await page.evaluate((nid) => window.rgv.select(nid), id);
    await page.waitForTimeout(400);
    const s = await state(page);
    const expand = s.actions.find((a) => a.action === 'expand');
    await shot(page, `details-${kind}`);
    const ok = s.selected === id && (kind === 'topic' ? !expand : expand?.id === id);
    return { ok, detail: `${s.selected} ${JSON.stringify(expand)}` };
  });
}
await page.evaluate(() => window.rgv.select(null));

// 3. legend and filters -------------------------------------------------------------------------
await t.step('the Explore tab opens on a click', async () => {
  const s = await state(page);
  if (!s.ui?.['tab:Explore']) return { ok: false, detail: JSON.stringify(s.ui) };
  await clickBox(page, s.ui['tab:Explore']);
  await page.waitForTimeout(300);
  const after = await state(page);
  return { ok: !!after.ui.search && after.profileCard.length === 0, detail: Object.keys(after.ui).join(',') };
});
for (const type of ['topic', 'person']) {
  await t.step(`a legend click hides the ${type}s (${byType[type]}) and another shows them again`, async () => {
    const box = (await state(page)).ui[`legend:${type}`];
    if (!box) return { ok: false, detail: 'no legend box' };
    await clickBox(page, box);
    await page.waitForTimeout(200);
    const hidden = await state(page);
    await shot(page, `legend-${type}-hidden`);
    await clickBox(page, box);
    await page.waitForTimeout(200);
    const shown = await state(page);
    // The researcher stays whatever the filter: the graph is about them.
    const want = sample.nodes.length - byType[type] + (nodeById.get(sample.focus).type === type ? 1 : 0);
    return { ok: hidden.visibleNodes === want && hidden.filter.typesHidden?.[0] === type
      && shown.visibleNodes === sample.nodes.length, detail: `${hidden.visibleNodes} then ${shown.visibleNodes}` };
  });
}
const filterCases = [
  { years: [2022, 2022] }, { years: [2020, 2020] }, { years: [2021, 2022] }, { topics: ['topic:cs.CR'] },
  { topics: ['topic:cs.CV', 'topic:cs.AR'] }, { years: [2021, 2021], topics: ['topic:cs.LG'] },
  { years: [2020, 2021], typesHidden: ['institution'] },
];
for (const f of filterCases) {
  const want = expectedVisible(f);
  await t.step(`filter ${JSON.stringify(f)} shows ${want} of ${sample.nodes.length} nodes`, async () => {
    await page.evaluate((filter) => window.rgv.setFilter(filter), f);
    const s = await state(page);
    return { ok: s.visibleNodes === want, detail: `${s.visibleNodes}` };
  });
}
// The year fields take typed years: click, select, type, Enter. Typed digits stay in the
// field (they used to reach graph navigation: "+" / "-" zoom, digits nothing).
async function typeYear(box, text) {
  await clickBox(page, box);
  await press(page, 'Control+a');
  await page.keyboard.type(text, { delay: 20 });
  await press(page, 'Enter');
  await frames(page, 3);
}
await page.evaluate(() => window.rgv.setFilter({}));
await frames(page, 2);
const yearsNow = () => page.evaluate(() => JSON.stringify(window.rgv.state().filter.years ?? null));
await t.step('typed year fields: "to" 2021, "from" 2021, each with Enter, filter to 2021; keys stay in the fields', async () => {
  const s0 = await state(page);
  if (!s0.ui?.yearFrom || !s0.ui?.yearTo) return { ok: false, detail: JSON.stringify(s0.ui) };
  const z0 = s0.camera.zoom;
  await typeYear(s0.ui.yearTo, '2021');
  await page.waitForFunction(() => window.rgv.state().filter.years?.[1] === 2021, null, { timeout: 20000 }).catch(() => {});
  const first = await yearsNow();
  await typeYear((await state(page)).ui.yearFrom, '2021');
  await page.waitForFunction(() => window.rgv.state().filter.years?.[0] === 2021, null, { timeout: 20000 }).catch(() => {});
  const s = await state(page);
  const want = expectedVisible({ years: [2021, 2021] });
  return { ok: first === '[2020,2021]' && JSON.stringify(s.filter.years) === '[2021,2021]' && s.visibleNodes === want && s.camera.zoom === z0,
    detail: `after "to": ${first}; then ${JSON.stringify(s.filter)} ${s.visibleNodes} visible, want ${want}; zoom ${z0} -> ${s.camera.zoom}` };
});
await t.step('a typed year outside the slice is clamped, ends typed the wrong way round are swapped', async () => {
  // From 2030 with "to" at 2021: 2030 is clamped to the newest year (2022), and the ends
  // swap: 2021..2022 (without the clamp it would be 2021..2030).
  await typeYear((await state(page)).ui.yearFrom, '2030');
  await page.waitForFunction(() => window.rgv.state().filter.years?.[1] === 2022, null, { timeout: 20000 }).catch(() => {});
  const s = await state(page);
  return { ok: JSON.stringify(s.filter.years) === '[2021,2022]', detail: `${JSON.stringify(s.filter)} ${s.visibleNodes}` };
});
await page.evaluate(() => window.rgv.setFilter({ years: [2022, 2022] }));
await page.waitForTimeout(300);
await shot(page, 'filter-2022');
await page.evaluate(() => window.rgv.setFilter({}));

// 4. search ---------------------------------------------------------------------------------------
// Typed like a user: ImGui's input queue hands typed characters over about one a frame (a
// key's release waits for the next frame), at software-rendering frame rates slowly.
const typeSearch = async (page, query) => {
  await clickBox(page, (await state(page)).ui.search);
  await press(page, 'Control+a');
  await press(page, 'Backspace');
  if (query) await page.keyboard.type(query, { delay: 20 });
  await page.waitForFunction((q) => window.rgv.state().search.query === q, query, { timeout: 20000 }).catch(() => {});
  await frames(page, 3);
};
for (const query of ['zhao', 'machine learn', 'bit attack']) {
  const want = fuzzyMatches(query);
  await t.step(`search "${query}" typed in the box lists the ${want.length} fuzzy matches`, async () => {
    if (!(await state(page)).ui.search) return { ok: false, detail: 'no search box in state().ui' };
    await typeSearch(page, query);
    const s = (await state(page)).search;
    const got = [...s.ids].sort();
    const ok = s.query === query && want.length > 0 && want.length <= 12
      && JSON.stringify(got) === JSON.stringify([...want].sort());
    return { ok, detail: `${JSON.stringify(s)} want ${JSON.stringify(want)}` };
  });
}
await shot(page, 'search');
// The page as pixels (a screenshot decoded in node) and the colour at a canvas point.
const grab = async (page) => PNG.sync.read(await page.screenshot());
const canvasAt = async (page) => { const c = await page.locator('canvas').first().boundingBox(); return [c.x, c.y]; };
const rgbAt = (png, x, y) => { const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; };
const rgbDiff = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
await t.step('search hits are marked on the graph: labelled, in their colours, the rest faded', async () => {
  const s = await state(page);
  const hits = s.search.ids;
  const [ax, ay, aw, ah] = s.graphArea;
  const inArea = (id) => { const [x, y] = s.screen[id]; return x > ax + 10 && y > ay + 10 && x < ax + aw - 10 && y < ay + ah - 10; };
  const labelled = new Set(s.labels.map((l) => l.id));
  const unlabelled = hits.filter((id) => inArea(id) && !labelled.has(id));
  // Node centres that no label covers, hits and others (not the researcher, drawn over all).
  const clear = (id) => inArea(id) && s.labels.every((l) => { const [x, y] = s.screen[id]; return x < l.box[0] - 2 || x > l.box[2] + 2 || y < l.box[1] - 2 || y > l.box[3] + 2; });
  const hit = hits.find(clear);
  const other = sample.nodes.map((n) => n.id).find((id) => id !== sample.focus && !hits.includes(id) && clear(id));
  const [cx, cy] = await canvasAt(page);
  const marked = await grab(page);
  await typeSearch(page, '');
  const after = await state(page);
  const plain = await grab(page);
  const at = (png, id) => rgbAt(png, cx + s.screen[id][0], cy + s.screen[id][1]);
  const hitKept = hit && rgbDiff(at(marked, hit), at(plain, hit)) <= 30;
  const otherFaded = other && rgbDiff(at(marked, other), at(plain, other)) > 40;
  await typeSearch(page, 'bit attack'); // as the next steps expect it
  return { ok: s.search.marked === hits.length && hits.length > 0 && unlabelled.length === 0 && after.search.marked === 0 && hitKept && otherFaded,
    detail: `marked ${s.search.marked}/${hits.length}, unlabelled ${unlabelled}, cleared -> ${after.search.marked}; ` +
      `hit ${hit} ${hit && at(marked, hit)} vs ${hit && at(plain, hit)}; other ${other} ${other && at(marked, other)} vs ${other && at(plain, other)}` };
});
await t.step('the marks go with the list: the Profile tab shows none, Explore brings them back', async () => {
  const n = (await state(page)).search.marked;
  await clickBox(page, (await state(page)).ui['tab:Profile']);
  await page.waitForFunction(() => window.rgv.state().search.marked === 0, null, { timeout: 5000 }).catch(() => {});
  const onProfile = (await state(page)).search.marked;
  await clickBox(page, (await state(page)).ui['tab:Explore']);
  await page.waitForFunction((k) => window.rgv.state().search.marked === k, n, { timeout: 5000 }).catch(() => {});
  const back = await state(page);
  return { ok: n > 0 && onProfile === 0 && back.search.marked === n && back.search.query === 'bit attack', detail: `${n} -> ${onProfile} -> ${back.search.marked}` };
});
await t.step('Enter in the search box focuses the top hit', async () => {
  await clickBox(page, (await state(page)).ui.search); // the tabs took the keyboard
  const before = await state(page);
  await press(page, 'Enter');
  await page.waitForTimeout(900);
  const after = await state(page);
  return { ok: after.selected === before.search.ids[0] && after.camera.zoom !== before.camera.zoom, detail: `${after.selected} vs ${before.search.ids[0]}` };
});
await t.step('keys typed into the search box do not zoom the graph', async () => {
  await clickBox(page, (await state(page)).ui.search);
  const z0 = (await state(page)).camera.zoom;
  await page.keyboard.type('+-', { delay: 20 });
  await page.waitForTimeout(300);
  const s = await state(page);
  return { ok: s.camera.zoom === z0 && s.search.query.endsWith('+-'), detail: `${z0} -> ${s.camera.zoom} "${s.search.query}"` };
});
await press(page, 'Escape');
await page.evaluate(() => { window.rgv.select(null); window.rgv.fit(); });
await settle(page);

// 4b. the keyboard through the panels ---------------------------------------------------------------
// Tab in the viewer's own order: the graph, then each panel control as drawn (a focus ring
// on it), then on out of the canvas; Space presses, typing goes into a text field, Escape
// gives the keyboard back to the graph.
const kb = async () => (await state(page)).keyboard;
const sameBox = (a, b) => Boolean(a && b) && a.every((v, i) => Math.abs(v - b[i]) <= 1);
const tabTo = async (box, limit = 40) => {
  for (let i = 0; i < limit; i++) {
    await press(page, 'Tab');
    await page.waitForFunction(() => window.rgv.state().keyboard.on === 'panel' || document.activeElement !== window.rgv.canvas, null, { timeout: 3000 }).catch(() => {});
    const k = await kb();
    if (k.on === 'panel' && sameBox(k.box, box)) return i + 1;
  }
  return 0;
};
await page.locator('canvas').first().focus();
await press(page, 'Escape');
await t.step('Tab from the graph with nothing selected goes to the first panel control, ringed', async () => {
  const before = await page.screenshot();
  await press(page, 'Tab');
  await page.waitForFunction(() => window.rgv.state().keyboard.on === 'panel', null, { timeout: 3000 }).catch(() => {});
  await frames(page, 2);
  const s = await state(page);
  // The ring: the control's outline changed (ImGui draws the focus ring round it).
  const after = PNG.sync.read(await page.screenshot());
  const old = PNG.sync.read(before);
  let ring = 0;
  const [x0, y0, x1, y1] = s.keyboard.box ?? [0, 0, 0, 0];
  for (let y = Math.floor(y0) - 4; y <= y1 + 4; y++)
    for (let x = Math.floor(x0) - 4; x <= x1 + 4; x++) {
      if (x > x0 + 3 && x < x1 - 3 && y > y0 + 3 && y < y1 - 3) continue; // the border band only
      const o = (y * after.width + x) * 4;
      if (Math.abs(after.data[o] - old.data[o]) + Math.abs(after.data[o + 1] - old.data[o + 1]) + Math.abs(after.data[o + 2] - old.data[o + 2]) > 60) ring++;
    }
  await shot(page, 'keyboard-first-control');
  return { ok: s.keyboard.on === 'panel' && sameBox(s.keyboard.box, s.ui['tab:Profile']) && ring > 40,
           detail: `${JSON.stringify(s.keyboard)} (Profile tab ${JSON.stringify(s.ui['tab:Profile'])}), ${ring} ring pixels` };
});
await t.step('Tab reaches the search box; typing goes into it, replacing what was there', async () => {
  const n = await tabTo((await state(page)).ui.search);
  await page.keyboard.type('fan', { delay: 40 });
  await page.waitForFunction(() => window.rgv.state().search.query === 'fan', null, { timeout: 5000 }).catch(() => {});
  const s = await state(page);
  await shot(page, 'keyboard-search');
  return { ok: n > 0 && s.search.query === 'fan' && s.search.hits > 0, detail: `${n} Tabs; query "${s.search.query}", ${s.search.hits} hits` };
});
await t.step('Shift+Tab goes back to a legend box; Space unticks it (topics hidden), Space again ticks it', async () => {
  let k = null;
  const want = (await state(page)).ui['legend:topic'];
  for (let i = 0; i < 6 && !sameBox(k?.box, want); i++) {
    await press(page, 'Shift+Tab');
    await frames(page, 1);
    k = await kb();
  }
  await press(page, 'Space');
  await page.waitForFunction(() => (window.rgv.state().filter.typesHidden ?? []).includes('topic'), null, { timeout: 5000 }).catch(() => {});
  const hidden = (await state(page)).filter.typesHidden ?? [];
  await press(page, 'Space');
  await page.waitForFunction(() => !(window.rgv.state().filter.typesHidden ?? []).includes('topic'), null, { timeout: 5000 }).catch(() => {});
  const shown = (await state(page)).filter.typesHidden ?? [];
  return { ok: sameBox(k?.box, want) && hidden.includes('topic') && !shown.includes('topic'), detail: `${JSON.stringify(k)} hidden ${JSON.stringify(hidden)} then ${JSON.stringify(shown)}` };
});
await t.step('Escape gives the keyboard back to the graph: the arrows select again', async () => {
  await press(page, 'Escape');
  await page.waitForFunction(() => window.rgv.state().keyboard.on === 'graph', null, { timeout: 3000 }).catch(() => {});
  await press(page, 'ArrowRight');
  await page.waitForFunction(() => window.rgv.state().selected !== null, null, { timeout: 3000 }).catch(() => {});
  const s = await state(page);
  return { ok: s.keyboard.on === 'graph' && s.selected === sample.focus, detail: `${JSON.stringify(s.keyboard)} selected ${s.selected}` };
});
await t.step('with a node selected, Tab cycles the nodes (Shift+Tab back)', async () => {
  const first = (await state(page)).selected;
  await press(page, 'Tab');
  await page.waitForFunction((f) => window.rgv.state().selected !== f, first, { timeout: 3000 }).catch(() => {});
  const second = (await state(page)).selected;
  await press(page, 'Shift+Tab');
  await page.waitForFunction((f) => window.rgv.state().selected === f, first, { timeout: 3000 }).catch(() => {});
  const back = await state(page);
  return { ok: second && second !== first && back.selected === first && back.keyboard.on === 'graph', detail: `${first} -> ${second} -> ${back.selected}` };
});
await t.step('Tab past the last control leaves the canvas (no keyboard trap)', async () => {
  await press(page, 'Escape');
  let n = 0;
  for (; n < 120; n++) {
    if (await page.evaluate(() => document.activeElement !== window.rgv.canvas)) break;
    await press(page, 'Tab');
    await frames(page, 1);
  }
  const left = await page.evaluate(() => document.activeElement !== window.rgv.canvas);
  const k = await kb();
  return { ok: left && k.on === 'graph', detail: `left after ${n} Tabs, keyboard ${JSON.stringify(k)}` };
});
await typeSearch(page, '');
await press(page, 'Escape');
await page.evaluate(() => { window.rgv.select(null); window.rgv.fit(); });
await settle(page);

// 5. colour and size ------------------------------------------------------------------------------
await keepPicture(page, 'type');
await shot(page, 'color-type');
for (const [mode, check] of [['community', (s) => s.communities > 1], ['year', () => true]]) {
  await t.step(`colour by ${mode}: state and picture change`, async () => {
    await page.evaluate((m) => window.rgv.setColorMode(m), mode);
    await page.waitForTimeout(300);
    const s = await state(page);
    await keepPicture(page, mode);
    await shot(page, `color-${mode}`);
    const changed = await pixelsChanged(page, 'type', mode);
    return { ok: s.colorMode === mode && check(s) && changed > 500, detail: `${s.colorMode} communities=${s.communities} changed=${changed}` };
  });
}
await page.evaluate(() => window.rgv.setColorMode('type'));
await t.step('size by citations: state and picture change', async () => {
  await page.evaluate(() => window.rgv.setSizeMode('citations'));
  await page.waitForTimeout(300);
  const s = await state(page);
  await keepPicture(page, 'citations');
  await shot(page, 'size-citations');
  const changed = await pixelsChanged(page, 'type', 'citations');
  await page.evaluate(() => window.rgv.setSizeMode('degree'));
  return { ok: s.sizeMode === 'citations' && changed > 200, detail: `${s.sizeMode} changed=${changed}` };
});
await settle(page);

// 6. expand ---------------------------------------------------------------------------------------
const positions = async () => new Map(JSON.parse(await page.evaluate(() => window.rgv.exportJSON())).nodes.map((n) => [n.id, [n.x, n.y]]));
const before = await positions();
await t.step('expanding a person: its details show the download while the slice loads', async () => {
  await page.evaluate((id) => window.rgv.select(id), person);
  await page.waitForTimeout(300);
  const target = (await state(page)).actions.find((a) => a.action === 'expand');
  if (!target) return { ok: false, detail: 'no expand button' };
  await clearEvents();
  await clickBox(page, target.box);
  await page.waitForFunction(() => window.rgv.state().loading.phase === 'expand', null, { timeout: 5000 });
  await page.waitForTimeout(300);
  const s = await state(page);
  await shot(page, 'expand-loading');
  const [ev] = await events('expand');
  return { ok: s.expanding === person && s.loading.text.startsWith('Expanding Deliang Fan') && ev?.url === 'slices/person%3Adeliang-fan.json',
           detail: JSON.stringify([s.expanding, s.loading, ev]) };
});
releaseExpand();
await t.step('the expansion adds the new nodes', async () => {
  await page.waitForFunction((n) => window.rgv.state().nodes === n, sample.nodes.length + 4, { timeout: 10000 });
  const s = await state(page);
  const progress = (await events('progress')).filter((p) => p.phase === 'expand');
  return { ok: s.canUndo && s.expanding === '' && s.loading.phase !== 'expand' && progress.length > 0 && progress.at(-1).value === 1,
           detail: JSON.stringify({ can: s.canUndo, exp: s.expanding, loading: s.loading, progress }) };
});
await settle(page);
await t.step('nodes there before the expansion keep their places', async () => {
  const after = await positions();
  let worst = 0;
  for (const [id, [x, y]] of before) {
    const [ax, ay] = after.get(id);
    worst = Math.max(worst, Math.hypot(ax - x, ay - y));
  }
  // The layout's link length is 42 world units: a reshuffle moves nodes by hundreds.
  const xs = [...before.values()].map(([x]) => x);
  const span = Math.max(...xs) - Math.min(...xs);
  const fresh = ['work:x-1', 'work:x-2', 'person:x-coauthor', 'topic:cs.ET'].every((id) => after.has(id) && Number.isFinite(after.get(id)[0]));
  console.log(`note old nodes moved at most ${worst.toFixed(2)} world units (graph ${span.toFixed(0)} wide)`);
  return { ok: worst < 12 && fresh && span > 100, detail: `moved at most ${worst.toFixed(2)} (graph ${span.toFixed(0)} wide)` };
});
await shot(page, 'expanded');
await t.step('undo restores the node count', async () => {
  await page.evaluate(() => window.rgv.undo());
  const s = await state(page);
  return { ok: s.nodes === sample.nodes.length && !s.canUndo, detail: `${s.nodes} ${s.canUndo}` };
});
// A file that is not JSON, opened over the sample: one plain message on the canvas (no toast
// repeating it), clear of the toolbar, the detail a click away, dismissable; the toolbar
// keeps naming the graph on screen.
const boxesOverlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
await t.step('a non-JSON file: a plain message clear of the toolbar, no toast, the old graph and its name stay', async () => {
  const sourceBefore = await page.textContent('#source');
  const ok = await page.evaluate(() => window.rgv.load({ text: '// not a graph\n', name: 'notes.txt' }));
  await frames(page, 3);
  const s = await state(page);
  await shot(page, 'error-banner');
  const canvas = await page.locator('canvas').first().boundingBox();
  const bar = await page.locator('.toolbar').boundingBox();
  const barBox = [bar.x - canvas.x, bar.y - canvas.y, bar.x + bar.width - canvas.x, bar.y + bar.height - canvas.y];
  const card = s.ui.errorDetails && s.ui.errorDismiss;
  const clear = card && !boxesOverlap(s.ui.errorDetails, barBox) && !boxesOverlap(s.ui.errorDismiss, barBox);
  const toasts = await page.locator('.toast').count();
  return { ok: ok === false && s.nodes > 0 && s.errorSummary === 'This file is not a graph slice: it is not valid JSON (line 1, column 1).'
    && clear && toasts === 0 && (await page.textContent('#source')) === sourceBefore,
           detail: `${s.errorSummary} | boxes ${JSON.stringify([s.ui.errorDetails, s.ui.errorDismiss])} toolbar ${barBox} | ${toasts} toasts | source "${await page.textContent('#source')}" was "${sourceBefore}"` };
});
await t.step('the error card: "Show details" opens the exact message, "Dismiss" closes the card, the graph stays', async () => {
  const s0 = await state(page);
  await clickBox(page, s0.ui.errorDetails);
  await frames(page, 2);
  const opened = await state(page);
  await clickBox(page, opened.ui.errorDismiss);
  await frames(page, 2);
  const s = await state(page);
  // The card grows by the detail's lines: its buttons move down.
  return { ok: opened.ui.errorDetails[1] > s0.ui.errorDetails[1] && s.error === '' && s.errorSummary === '' && !s.ui.errorDismiss
    && s.nodes === s0.nodes, detail: `${s0.ui.errorDetails} -> ${opened.ui.errorDetails}; after: "${s.error}" ${JSON.stringify(s.ui.errorDismiss)}` };
});
t.check('explorer page: no page errors', page.errors.length === 0, page.errors.join(' | '));
await page.close();

// An OpenAlex works list as a host hands it over (the works API's {meta, results}): colour by
// year ramps over its years, the year filter hides works, size by citations sizes by
// cited_by_count. The fixture's three works all have cited_by_count 1; they get 1, 40 and
// 300 here so that sizes can differ.
{
  const oa = JSON.parse(fs.readFileSync(path.join(here, '../data/formats/openalex-works.json'), 'utf8'));
  oa.results.forEach((w, i) => { w.cited_by_count = [1, 40, 300][i % 3]; });
  const years = oa.results.map((w) => w.publication_year);
  const po = await t.newPage();
  await po.goto(`${t.base}index.html`);
  await waitReady(po);
  await t.step('an OpenAlex works list: its years reach colour by year and the year filter', async () => {
    const ok = await po.evaluate((text) => window.rgv.load({ text, name: 'openalex-works.json' }), JSON.stringify(oa));
    await settle(po);
    const s0 = await state(po);
    await keepPicture(po, 'oa-type');
    await po.evaluate(() => window.rgv.setColorMode('year'));
    await frames(po, 3);
    await keepPicture(po, 'oa-year');
    await shot(po, 'openalex-year');
    const changed = await pixelsChanged(po, 'oa-type', 'oa-year');
    const newest = Math.max(...years);
    await po.evaluate((y) => window.rgv.setFilter({ years: [y, y] }), newest);
    await frames(po, 2);
    const filtered = await state(po);
    await po.evaluate(() => window.rgv.setFilter({}));
    const hidden = years.filter((y) => y !== newest).length;
    return { ok: ok && s0.format === 'openalex' && JSON.stringify(s0.yearRange) === JSON.stringify([Math.min(...years), newest])
      && changed > 100 && filtered.visibleNodes < s0.visibleNodes && s0.visibleNodes - filtered.visibleNodes >= hidden,
             detail: `format ${s0.format} years ${JSON.stringify(s0.yearRange)} (want ${Math.min(...years)}..${newest}), ${changed} px recoloured, ${s0.visibleNodes} -> ${filtered.visibleNodes} visible with ${newest} only` };
  });
  await t.step('an OpenAlex works list: size by citations sizes the works by cited_by_count', async () => {
    await po.evaluate(() => { window.rgv.setColorMode('type'); window.rgv.setSizeMode('citations'); });
    await frames(po, 3);
    const s = await state(po);
    await keepPicture(po, 'oa-citations');
    await shot(po, 'openalex-citations');
    const changed = await pixelsChanged(po, 'oa-type', 'oa-citations');
    // 1, 40 and 300 citations: radii 6.1, 7.8 and 9.6 (scene.cpp: 5 + 1.1 sqrt(sqrt(n))).
    const [lo, hi] = s.radii?.work ?? [0, 0];
    return { ok: s.sizeMode === 'citations' && hi - lo > 3 && changed > 100,
             detail: `work radii ${JSON.stringify(s.radii?.work)}, ${changed} px changed` };
  });
  t.check('OpenAlex page: no page errors', po.errors.length === 0, po.errors.join(' | '));
  await po.close();
}

// A real Semantic Scholar author response (A. Turing, 60 papers, tests/data/real): the
// card gives S2's count as S2's and the graph's apart, colour by year ramps over 1937..2022,
// the year filter hides works, size by citations spreads the works (0 to 8596 citations).
{
  const text = fs.readFileSync(path.join(here, '../data/real/semanticscholar-author-2262347.json'), 'utf8');
  const ps = await t.newPage();
  await ps.goto(`${t.base}index.html`);
  await waitReady(ps);
  await t.step('a real Semantic Scholar author: the card, colour by year, the year filter, size by citations', async () => {
    const ok = await ps.evaluate((tx) => window.rgv.load({ text: tx, name: 'semanticscholar-author-2262347.json' }), text);
    await settle(ps);
    const s0 = await state(ps);
    await keepPicture(ps, 's2-type');
    await ps.evaluate(() => window.rgv.setColorMode('year'));
    await frames(ps, 3);
    await keepPicture(ps, 's2-year');
    await shot(ps, 's2-year');
    const recoloured = await pixelsChanged(ps, 's2-type', 's2-year');
    await ps.evaluate(() => window.rgv.setFilter({ years: [2000, 2022] }));
    await frames(ps, 2);
    const filtered = await state(ps);
    await ps.evaluate(() => { window.rgv.setFilter({}); window.rgv.setColorMode('type'); window.rgv.setSizeMode('citations'); });
    await frames(ps, 3);
    const sized = await state(ps);
    const [lo, hi] = sized.radii?.work ?? [0, 0];
    const card = s0.profileCard ?? [];
    return { ok: ok && s0.format === 'semanticscholar' && s0.profileName === 'A. Turing'
      && JSON.stringify(s0.yearRange) === '[1937,2022]' && recoloured > 100
      && filtered.visibleNodes < s0.visibleNodes && !s0.modesWithoutData?.citations && hi - lo > 3
      && card.includes('60 works in Semantic Scholar') && card.includes('In this graph: 60 works by A. Turing'),
             detail: `format ${s0.format}, years ${JSON.stringify(s0.yearRange)}, ${recoloured} px recoloured, ${s0.visibleNodes} -> ${filtered.visibleNodes} visible from 2000, work radii ${lo}..${hi}, card ${JSON.stringify(card)}` };
  });
  await t.step('a real Semantic Scholar paper: venue, year and citations in its details', async () => {
    await ps.evaluate(() => window.rgv.select('s2:paper:2d5673caa9e6af3a7b82a43f19ee920992db07ad'));
    await frames(ps, 3);
    await shot(ps, 's2-details');
    const s = await state(ps);
    const d = s.detailsCard ?? [];
    const want = ['Computing Machinery and Intelligence', 'article  \u00b7  1950  \u00b7  The Philosophy of Artificial Intelligence',
      'A. Turing', '8,596 citations', 'Open link \u2197 https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad'];
    const missing = want.filter((w) => !d.includes(w));
    const abstract = d.find((l) => l.startsWith('I propose to consider the question, \u201cCan machines think?\u201d'));
    return { ok: s.selected === 's2:paper:2d5673caa9e6af3a7b82a43f19ee920992db07ad' && missing.length === 0 && !!abstract,
             detail: `missing ${JSON.stringify(missing)}; card ${JSON.stringify(d).slice(0, 600)}` };
  });
  // The real OpenAlex work (inverted-index abstract) and author, opened the same way.
  await t.step('a real OpenAlex work: venue, year, citations, both links and the rebuilt abstract in its details', async () => {
    const tx = fs.readFileSync(path.join(here, '../data/real/openalex-work-W2741809807.json'), 'utf8');
    const ok = await ps.evaluate((x) => window.rgv.load({ text: x, name: 'openalex-work-W2741809807.json' }), tx);
    await settle(ps);
    await ps.evaluate(() => window.rgv.select('openalex:W2741809807'));
    await frames(ps, 3);
    await shot(ps, 'openalex-work-details');
    const d = (await state(ps)).detailsCard ?? [];
    const want = ['The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles',
      'article  \u00b7  2018  \u00b7  PeerJ', '962 citations', 'Open link \u2197 https://doi.org/10.7717/peerj.4375',
      'Open PDF \u2197 https://peerj.com/articles/4375.pdf'];
    const missing = want.filter((w) => !d.includes(w));
    return { ok: ok && missing.length === 0 && d.some((l) => l.startsWith('Despite growing interest in Open Access (OA) to scholarly literature')),
             detail: `missing ${JSON.stringify(missing)}; card ${JSON.stringify(d).slice(0, 500)}` };
  });
  await t.step('a real OpenAlex author: the card says the source\'s counts as the source\'s', async () => {
    const tx = fs.readFileSync(path.join(here, '../data/real/openalex-author-A5023888391.json'), 'utf8');
    const ok = await ps.evaluate((x) => window.rgv.load({ text: x, name: 'openalex-author-A5023888391.json' }), tx);
    await settle(ps);
    const s = await state(ps);
    const card = s.profileCard ?? [];
    return { ok: ok && s.profileName === 'Jason Priem' && card.includes('62 works in OpenAlex') && card.includes('OurResearch'),
             detail: JSON.stringify(card) };
  });
  t.check('Semantic Scholar page: no page errors', ps.errors.length === 0, ps.errors.join(' | '));
  await ps.close();
}

// A page whose slice is missing: the card says so plainly, the side panel says how to go
// on, and the exports are off with the reason on them.
{
  const px = await t.newPage();
  await px.goto(`${t.base}index.html?src=${encodeURIComponent('no-such-slice.json')}`);
  await px.waitForFunction(() => window.rgv && window.rgv.state().error !== '', null, { timeout: 30000 }).catch(() => {});
  await frames(px, 3);
  await t.step('a missing slice: a plain 404 message, the exports disabled and saying why', async () => {
    const s = await state(px);
    await shot(px, 'error-missing');
    const exports = await px.$$eval('[data-export]', (bs) => bs.map((b) => [b.disabled, b.title]));
    return { ok: s.nodes === 0 && s.errorSummary === 'The graph could not be downloaded: the server has no file at that address (HTTP 404).'
      && exports.length === 3 && exports.every(([d, title]) => d && title === 'Nothing to export: no graph is open')
      && !s.ui.errorDismiss && s.ui.errorDetails,
             detail: `${s.errorSummary} ${JSON.stringify(exports)} ${JSON.stringify(s.ui)}` };
  });
  await t.step('then a good file: the exports come back on, the card goes', async () => {
    await px.evaluate((text) => window.rgv.load({ text, name: 'sample.json' }), sampleText);
    await frames(px, 3);
    const s = await state(px);
    const exports = await px.$$eval('[data-export]', (bs) => bs.map((b) => b.disabled));
    return { ok: s.nodes > 0 && s.error === '' && exports.every((d) => !d) && (await px.textContent('#source')) === 'sample.json',
             detail: `${s.nodes} "${s.error}" ${exports} "${await px.textContent('#source')}"` };
  });
  await px.close();
}

// 7. states ---------------------------------------------------------------------------------------
// A slow server: the slice in ten pieces, 200 ms apart, with or without Content-Length.
// It serves the web build too, so the page and the slice share an origin (Chromium asks
// for a permission, which headless denies, before a page fetches from another local port).
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.json': 'application/json', '.css': 'text/css' };
const slow = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (!url.pathname.endsWith('/slice.json')) {
    const file = path.join(webDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\]|\.\.)+/, ''));
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
    });
    return;
  }
  const body = Buffer.from(sampleText);
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (!req.url.includes('chunked')) headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  const piece = Math.ceil(body.length / 10);
  for (let at = 0; at < body.length; at += piece) {
    res.write(body.subarray(at, at + piece));
    await new Promise((r) => setTimeout(r, 200));
  }
  res.end();
});
await new Promise((r) => slow.listen(0, '127.0.0.1', r));
const slowBase = `http://127.0.0.1:${slow.address().port}/`;

const p2 = await t.newPage({ viewport: { width: 1100, height: 700 } });
await p2.route(`${slowBase}states.html`, (route) => route.fulfill({ contentType: 'text/html',
  body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>'
    + '<body style="margin:0"><div id="g" style="width: 1100px; height: 700px"></div></body></html>' }));
await p2.goto(`${slowBase}states.html`);
await p2.evaluate(async () => {
  const { createResearchGraph } = await import('./rgv.js');
  window.rgv = await createResearchGraph(document.getElementById('g'));
  window.events = [];
  window.rgv.on('progress', (p) => window.events.push(p));
});
// Loads `url` without waiting, sampling state().loading every 60 ms until it is done.
async function watchLoad(url, shotName) {
  await p2.evaluate((u) => { window.events.length = 0; window.loaded = window.rgv.load(u); }, url);
  const samples = [];
  let shotTaken = false;
  for (let i = 0; i < 200; i++) {
    const s = await state(p2);
    samples.push({ status: s.status, ...s.loading });
    if (!shotTaken && s.loading.bytes > sampleText.length * 0.4) { await shot(p2, shotName); shotTaken = true; }
    if (s.status === 'ready' && s.loading.phase !== 'download') break;
    await p2.waitForTimeout(60);
  }
  await p2.evaluate(() => window.loaded);
  return samples;
}
const increasing = (xs) => xs.every((v, i) => i === 0 || v >= xs[i - 1]);
{
  const samples = await watchLoad(`${slowBase}slice.json`, 'loading');
  const down = samples.filter((s) => s.phase === 'download' && s.bytes > 0);
  await t.step('loading: status "building" with a download fraction that grows', async () => {
    const fractions = [...new Set(down.map((s) => s.fraction))];
    const ok = down.length > 3 && down.every((s) => s.status === 'building' && s.total === Buffer.byteLength(sampleText))
      && fractions.length >= 4 && increasing(fractions) && fractions.some((f) => f > 0 && f < 1);
    return { ok, detail: JSON.stringify(fractions) };
  });
  await t.step('loading: the text says how much of how much', () => {
    const mid = down.find((s) => s.fraction > 0.3 && s.fraction < 0.95);
    const total = `${Math.round(Buffer.byteLength(sampleText) / 1000)} KB`;
    return { ok: !!mid && new RegExp(`^Downloading \\d+ KB of ${total}$`).test(mid.text), detail: JSON.stringify(mid) };
  });
  await t.step('loading: "progress" events for the download, then the layout', async () => {
    const ps = await p2.evaluate(() => window.events);
    const dl = ps.filter((p) => p.phase === 'download').map((p) => p.value);
    await p2.waitForFunction(() => window.events.some((p) => p.phase === 'layout' && p.value === 1), null, { timeout: 30000 });
    return { ok: dl.length >= 5 && increasing(dl) && dl.at(-1) === 1 && ps.every((p) => p.value === null || (p.value >= 0 && p.value <= 1)),
             detail: JSON.stringify(dl) };
  });
  await t.step('loading: the layout phase reports its progress, then idle', async () => {
    const s = await state(p2);
    return { ok: s.status === 'ready' && s.nodes === sample.nodes.length && s.loading.phase === 'idle', detail: JSON.stringify(s.loading) };
  });
}
{
  const samples = await watchLoad(`${slowBase}chunked/slice.json`, 'loading-unknown-size');
  const down = samples.filter((s) => s.phase === 'download' && s.bytes > 0);
  await t.step('loading without Content-Length: bytes grow, fraction unknown', () => {
    const bytes = down.map((s) => s.bytes);
    return { ok: down.length >= 3 && down.every((s) => s.fraction === null && s.total === null && /^Downloading \d+ KB$/.test(s.text)) && increasing(bytes),
             detail: JSON.stringify(down.slice(0, 3)) };
  });
}
await settle(p2);
// A bigger graph (1500 nodes, seeded), so the layout takes long enough to watch.
const big = (() => {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const nodes = [];
  const edges = [];
  for (let i = 0; i < 1500; i++) {
    nodes.push({ id: `n${i}`, type: ['work', 'person', 'topic'][i % 3], label: `Node ${i}` });
    if (i > 0) edges.push({ source: `n${i}`, target: `n${Math.floor(rnd() * i)}` });
    if (i > 10 && rnd() < 0.5) edges.push({ source: `n${i}`, target: `n${Math.floor(rnd() * i)}` });
  }
  return { schema: 'rgv-slice', version: 1, nodes, edges };
})();
await t.step('layout: right after a load the phase is "layout" and its fraction grows', async () => {
  const first = await p2.evaluate(async (doc) => { await window.rgv.load(doc); return window.rgv.state().loading; }, big);
  await p2.waitForFunction(() => window.rgv.state().loading.fraction > 0.3, null, { timeout: 30000 }).catch(() => {});
  const later = (await state(p2)).loading;
  await shot(p2, 'layout-progress');
  const ok = first.phase === 'layout' && /^Laying out \d+%$/.test(first.text) && (later.phase === 'idle' || (later.phase === 'layout' && later.fraction > first.fraction));
  return { ok, detail: JSON.stringify([first, later]) };
});
await p2.evaluate((text) => window.rgv.load({ text, name: 'sample.json' }), sampleText);
await settle(p2);
await t.step('compact vs explorer: the panel takes the left side only in explorer mode', async () => {
  const explorer = await state(p2);
  await shot(p2, 'mode-explorer');
  await p2.evaluate(() => window.rgv.setMode('compact'));
  await p2.waitForTimeout(500);
  const compact = await state(p2);
  await shot(p2, 'mode-compact');
  await p2.evaluate(() => window.rgv.setMode('explorer'));
  return { ok: explorer.graphArea[0] > 200 && compact.graphArea[0] === 0 && compact.actions.some((a) => a.action === 'open-explorer')
    && !explorer.actions.some((a) => a.action === 'open-explorer'), detail: `${explorer.graphArea} / ${compact.graphArea}` };
});
await p2.route(`${slowBase}broken.json`, (route) => route.fulfill({ contentType: 'application/json', body: '{"schema": "rgv-slice", "nodes": [{"id": "a",}]}' }));
await t.step('error: a broken slice shows its message and keeps the graph', async () => {
  const ok = await p2.evaluate(() => window.rgv.load('broken.json'));
  await p2.waitForTimeout(300);
  const s = await state(p2);
  await shot(p2, 'error');
  return { ok: ok === false && s.status === 'ready' && s.nodes === sample.nodes.length && /^broken\.json: line 1, column \d+/.test(s.error),
           detail: `${ok} ${s.status} ${s.nodes} ${s.error}` };
});
await t.step('empty slice: ready with no nodes', async () => {
  const ok = await p2.evaluate(() => window.rgv.load({ schema: 'rgv-slice', version: 1, nodes: [], edges: [] }));
  await p2.waitForTimeout(300);
  const s = await state(p2);
  await shot(p2, 'empty');
  return { ok: ok && s.status === 'ready' && s.nodes === 0 && s.error === '' && s.loading.phase === 'idle'
    && s.profileCard.includes('This slice has no researcher profile.'), detail: `${s.status} ${s.nodes} ${JSON.stringify(s.profileCard)}` };
});
t.check('states page: no page errors', p2.errors.length === 0, p2.errors.join(' | '));
await p2.close();
slow.close();

// 8. the explorer page's selects follow the viewer --------------------------------------------------
{
  const p3 = await t.newPage();
  await p3.goto(`${t.base}index.html#color=community&size=citations`);
  await waitReady(p3).catch(() => {});
  await t.step('explorer page: a deep link sets the colour and size selects', async () => {
    await p3.waitForFunction(() => document.getElementById('color').value === 'community' && document.getElementById('size').value === 'citations',
      null, { timeout: 5000 }).catch(() => {});
    const r = await p3.evaluate(() => ({ color: document.getElementById('color').value, size: document.getElementById('size').value,
      state: [window.rgv.state().colorMode, window.rgv.state().sizeMode] }));
    return { ok: r.color === 'community' && r.size === 'citations' && r.state.join() === 'community,citations', detail: JSON.stringify(r) };
  });
  await t.step('explorer page: a change through the API moves the selects too', async () => {
    await p3.evaluate(() => { window.rgv.setColorMode('year'); window.rgv.setSizeMode('degree'); });
    await p3.waitForFunction(() => document.getElementById('color').value === 'year' && document.getElementById('size').value === 'degree',
      null, { timeout: 5000 }).catch(() => {});
    const r = await p3.evaluate(() => [document.getElementById('color').value, document.getElementById('size').value, location.hash]);
    return { ok: r[0] === 'year' && r[1] === 'degree' && r[2].includes('color=year') && !r[2].includes('size='), detail: JSON.stringify(r) };
  });
  await t.step('explorer page: a mode the slice has no data for says so in the select', async () => {
    const r = await p3.evaluate(() => [...document.querySelectorAll('#size option, #color option')].map((o) => [o.value, o.textContent, o.title]));
    const cites = r.find(([v]) => v === 'citations');
    const others = r.filter(([v]) => v !== 'citations');
    return { ok: cites[1] === 'Size: citations (no data)' && /no node in this slice has a citation count/i.test(cites[2])
      && others.every(([, text, title]) => !text.includes('no data') && title === ''), detail: JSON.stringify(r) };
  });
  await t.step('explorer page: choosing in the select changes the viewer', async () => {
    await p3.selectOption('#size', 'citations');
    const s = await state(p3);
    return { ok: s.sizeMode === 'citations', detail: s.sizeMode };
  });
  await settle(p3);
  await shot(p3, 'page-toolbar');
  t.check('explorer page (deep link): no page errors', p3.errors.length === 0, p3.errors.join(' | '));
  await p3.close();
}
// 9. every screen size: nothing in the way ----------------------------------------------------------
// From 800x600 to 2560x1440: the tabs clear of the toolbar and reachable, the legend inside
// the graph area, the details (docked or a card) inside the window and clear of the toolbar.
for (const [w, h] of [[800, 600], [1280, 800], [1920, 1080], [2560, 1440]]) {
  const ps = await t.newPage({ viewport: { width: w, height: h } });
  await ps.goto(`${t.base}index.html`);
  await waitReady(ps).catch(() => {});
  await settle(ps);
  await t.step(`${w}x${h}: tabs clear of the toolbar, Explore opens on a click, the legend inside the graph, the details inside the window`, async () => {
    const bar = await ps.locator('.toolbar').boundingBox();
    const barBox = [bar.x, bar.y, bar.x + bar.width, bar.y + bar.height];
    const overlaps = (a, b) => Boolean(a && b) && a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    const inside = (a, [x0, y0, x1, y1]) => Boolean(a) && a[0] >= x0 - 0.5 && a[1] >= y0 - 0.5 && a[2] <= x1 + 0.5 && a[3] <= y1 + 0.5;
    const s0 = await state(ps);
    const problems = [];
    if (overlaps(s0.ui['tab:Explore'], barBox)) problems.push('Explore tab under the toolbar');
    const [ax, ay, aw, ah] = s0.graphArea;
    if (!inside(s0.ui.graphLegend, [ax, ay, ax + aw, ay + ah])) problems.push(`legend ${JSON.stringify(s0.ui.graphLegend)} outside the graph area`);
    await clickBox(ps, s0.ui['tab:Explore']);
    await ps.waitForFunction(() => Boolean(window.rgv.state().ui.search), null, { timeout: 5000 }).catch(() => {});
    if (!(await state(ps)).ui.search) problems.push('Explore did not open');
    // The node furthest right: where the details come, docked or a card.
    const right = Object.keys(s0.screen).filter((k) => k !== s0.focus).sort((a, b) => s0.screen[b][0] - s0.screen[a][0])[0];
    await ps.evaluate((id) => window.rgv.select(id), right);
    await ps.waitForFunction(() => Boolean(window.rgv.state().ui['details:close']), null, { timeout: 5000 }).catch(() => {});
    await ps.waitForTimeout(1200); // the camera bringing the node beside the details
    const s1 = await state(ps);
    const close = s1.ui['details:close'];
    if (!inside(close, [0, 0, w, h])) problems.push(`details' close ${JSON.stringify(close)} outside the window`);
    if (!inside(s1.ui.details, [0, 0, w, h])) problems.push(`details ${JSON.stringify(s1.ui.details)} run past the window`);
    if (overlaps(close, barBox)) problems.push('details\' close under the toolbar');
    const sel = s1.screen[s1.selected];
    const [bx, by, bw, bh] = s1.graphArea;
    if (!sel) problems.push('the selected node is off the graph');
    else if (!inside([sel[0], sel[1], sel[0], sel[1]], [bx, by, bx + bw, by + bh])) problems.push(`the selected node ${JSON.stringify(sel)} outside the graph area`);
    else if (inside([sel[0], sel[1], sel[0], sel[1]], s1.ui.details)) problems.push(`the selected node ${JSON.stringify(sel)} under the details ${JSON.stringify(s1.ui.details)}`);
    await shot(ps, `size-${w}x${h}`);
    return { ok: problems.length === 0, detail: problems.join('; ') || `toolbar ${barBox.map(Math.round)}, close ${close?.map(Math.round)}` };
  });
  t.check(`${w}x${h}: no page errors`, ps.errors.length === 0, ps.errors.join(' | '));
  await ps.close();
}
await t.finish();
