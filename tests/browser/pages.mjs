// pages.mjs — the example pages in web/: profile.html (a host page with the graph as its
// "Research graph" section, wired to the action events), index.html (the explorer: ?src=,
// file picker, drag-and-drop, URL-hash deep links) and two.html. Saves a screenshot of
// each in OUT_DIR (pages-profile.png, pages-explorer.png, pages-two.png) to look at.
//
//   node tests/browser/pages.mjs WEB_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir, outDir] = process.argv.slice(2);
if (!webDir || !outDir) { console.error('usage: pages.mjs WEB_DIR OUT_DIR'); process.exit(2); }
const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));
const small = { schema: 'rgv-slice', version: 1, focus: 'a', nodes: [
  { id: 'a', type: 'person', label: 'Ada' }, { id: 'b', type: 'work', label: 'Notes' }, { id: 'c', type: 'topic', label: 'Engines' },
  { id: 'd', type: 'person', label: 'Charles' }],
edges: [{ source: 'a', target: 'b', type: 'authored' }, { source: 'd', target: 'b', type: 'authored' }, { source: 'b', target: 'c', type: 'about' }] };
const settle = (page) => page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 30000 }).catch(() => {})
  .then(() => page.waitForTimeout(700));

const t = await startSuite('browser_pages', webDir);

// profile.html -----------------------------------------------------------------------------
{
  const page = await t.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${t.base}profile.html`);
  await waitReady(page).catch(() => {});
  await t.step('profile: header, trust snapshot and counts from the slice', async () => {
    const r = await page.evaluate(() => ({
      h1: document.querySelector('h1').textContent,
      trust: [...document.querySelectorAll('#trust-chips li')].map((li) => li.textContent),
      works: document.querySelector('[data-count="works"]').textContent,
    }));
    return { ok: r.h1 === sample.profile.name && r.trust.join('|') === 'Trust 21 - Emerging|Verification L1|Unclaimed author' && r.works === '10',
             detail: JSON.stringify(r) };
  });
  await t.step('profile: works list has every work, newest first', async () => {
    const r = await page.evaluate(() => [...document.querySelectorAll('.work')].map((li) => [li.querySelector('h3').textContent, li.querySelector('.meta').textContent]));
    const works = sample.nodes.filter((n) => n.type === 'work');
    const years = r.map(([, m]) => Number(m.match(/\d{4}/)?.[0]));
    return { ok: r.length === works.length && years.every((y, i) => i === 0 || y <= years[i - 1]) && r[0][0].startsWith('CP-ViT'), detail: JSON.stringify(r.slice(0, 2)) };
  });
  await t.step('profile: graph embedded in compact mode', async () => {
    const s = await page.evaluate(() => window.rgv.state());
    return { ok: s.status === 'ready' && s.nodes === sample.nodes.length && s.mode === 'compact', detail: `${s.status} ${s.nodes} ${s.mode}` };
  });
  await t.step('profile: "Open full explorer" links to the explorer with the slice', async () => {
    const href = await page.getAttribute('#open-explorer', 'href');
    return { ok: href === 'index.html?src=sample-slice.json', detail: href };
  });
  await t.step('profile: Follow shows what the host would do and counts the follower', async () => {
    await page.click('#follow');
    const r = await page.evaluate(() => ({ toast: document.querySelector('.toast')?.textContent ?? '', n: document.getElementById('followers').textContent }));
    return { ok: r.toast.startsWith(`Following ${sample.profile.name}`) && r.n === '1', detail: JSON.stringify(r) };
  });
  await t.step('profile: the graph\'s "open-explorer" action reaches the host, which opens the explorer', async () => {
    // The viewer's own control emits it; state().actions says where it is on the canvas.
    // With a co-author selected: the explorer opens on the researcher with it selected.
    await page.evaluate(() => window.rgv.select('person:deliang-fan'));
    await page.waitForFunction(() => window.rgv.state().selected === 'person:deliang-fan', null, { timeout: 5000 }).catch(() => {});
    const s = await page.evaluate(() => window.rgv.state());
    const target = (s.actions ?? []).find((a) => a.action === 'open-explorer');
    if (!target) return { ok: false, detail: `no open-explorer control in state().actions: ${JSON.stringify(s.actions)}` };
    const box = await page.locator('#graph-frame canvas').boundingBox();
    await page.mouse.click(box.x + (target.box[0] + target.box[2]) / 2, box.y + (target.box[1] + target.box[3]) / 2);
    await page.waitForURL(/index\.html\?src=/, { timeout: 10000 });
    const url = page.url();
    await page.goBack();
    await page.waitForFunction(() => window.rgv && window.rgv.state().status === 'ready', null, { timeout: 60000 });
    return { ok: url.includes('#focus=person%3Azhezhi-he&sel=person%3Adeliang-fan'), detail: url };
  });
  await t.step('profile: selecting in the graph updates the caption', async () => {
    await page.evaluate((id) => window.rgv.select(id), sample.focus);
    await page.waitForFunction(() => document.getElementById('caption').textContent.startsWith('Selected'), null, { timeout: 5000 });
    return true;
  });
  await page.evaluate(() => { window.rgv.select(null); document.querySelectorAll('.toast').forEach((e) => e.remove()); });
  await settle(page);
  await page.screenshot({ path: path.join(outDir, 'pages-profile.png'), fullPage: true });
  t.check('profile: no page errors', page.errors.length === 0, page.errors.join(' | '));
  await page.close();
}

// index.html: the explorer ------------------------------------------------------------------
{
  const page = await t.newPage();
  await page.route(`${t.base}small.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(small) }));
  await page.goto(`${t.base}index.html?src=small.json`);
  await waitReady(page).catch(() => {});
  await t.step('explorer: ?src= opens that slice, in explorer mode', async () => {
    const s = await page.evaluate(() => window.rgv.state());
    return { ok: s.nodes === 4 && s.source === 'small.json' && s.mode === 'explorer', detail: `${s.nodes} ${s.source} ${s.mode}` };
  });
  await t.step('explorer: file picker opens a local file', async () => {
    await page.setInputFiles('#file', { name: 'picked.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await page.waitForFunction((n) => window.rgv.state().nodes === n, sample.nodes.length, { timeout: 10000 });
    const r = await page.evaluate(() => ({ source: window.rgv.state().source, label: document.getElementById('source').textContent }));
    return { ok: r.source === 'picked.json' && r.label === 'picked.json', detail: JSON.stringify(r) };
  });
  await t.step('explorer: dropping a file opens it', async () => {
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const target = document.querySelector('#viewer canvas');
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(small));
    await page.waitForFunction(() => window.rgv.state().nodes === 4, null, { timeout: 10000 });
    const r = await page.evaluate(() => ({ source: window.rgv.state().source, dragging: document.body.classList.contains('dragging') }));
    return { ok: r.source === 'dropped.json' && !r.dragging, detail: JSON.stringify(r) };
  });
  await t.step('explorer: a broken dropped file shows its error and keeps the graph', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"schema": "rgv-slice", "version": 1, "nodes": [}'], 'broken.json'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    // Told once, on the canvas, in plain words (no toast repeating it).
    await page.waitForFunction(() => window.rgv.state().error !== '', null, { timeout: 10000 }).catch(() => {});
    const r = await page.evaluate(() => ({ nodes: window.rgv.state().nodes, error: window.rgv.state().error,
      summary: window.rgv.state().errorSummary, toasts: document.querySelectorAll('.toast').length }));
    return { ok: r.nodes === 4 && r.error.startsWith('broken.json') && r.error.includes('line 1') && r.toasts === 0
      && r.summary.startsWith('This file is not a graph slice'), detail: JSON.stringify(r) };
  });
  await page.close();

  // The deep link both ways: a hand-written hash is applied (restore), and the view
  // event's hash (made by C++) lands in location.hash.
  const deep = await t.newPage();
  const work = sample.nodes.find((n) => n.type === 'work').id;
  await deep.goto(`${t.base}index.html#sel=${encodeURIComponent(work)}&color=community&cam=0,0,2`);
  await waitReady(deep).catch(() => {});
  await t.step('explorer: a hand-written hash restores selection, colours and camera', async () => {
    // The camera flies there: wait until it has landed (it lands exactly).
    await deep.waitForFunction(() => { const c = window.rgv.state().camera; return c.x === 0 && c.y === 0 && Math.abs(c.zoom - 2) < 1e-3; }, null, { timeout: 10000 }).catch(() => {});
    const s = await deep.evaluate(() => window.rgv.state());
    return { ok: s.selected === work && s.colorMode === 'community' && s.camera.x === 0 && s.camera.y === 0 && Math.abs(s.camera.zoom - 2) < 1e-3,
             detail: `${s.selected} ${s.colorMode} ${JSON.stringify(s.camera)}` };
  });
  await t.step('explorer: after a selection and a colour change the view event\'s hash is location.hash', async () => {
    await deep.evaluate((id) => { window.views = []; window.rgv.on('view', (v) => window.views.push(v)); window.rgv.select(id); window.rgv.setColorMode('year'); }, sample.focus);
    await deep.waitForFunction((id) => {
      const p = new URLSearchParams(location.hash.slice(1));
      return p.get('sel') === id && p.get('color') === 'year';
    }, sample.focus, { timeout: 5000 });
    const r = await deep.evaluate(() => ({ hash: location.hash.slice(1), last: window.views.at(-1)?.hash, viewHash: window.rgv.viewHash() }));
    return { ok: r.hash === r.last && r.hash === r.viewHash && !r.hash.startsWith('#'), detail: JSON.stringify(r) };
  });
  await t.step('explorer: a hashchange applies the new link', async () => {
    await deep.evaluate(() => { location.hash = 'color=type&size=citations'; });
    await deep.waitForFunction(() => window.rgv.state().sizeMode === 'citations', null, { timeout: 5000 });
    const s = await deep.evaluate(() => window.rgv.state());
    return { ok: s.colorMode === 'type' && s.sizeMode === 'citations', detail: `${s.colorMode} ${s.sizeMode}` };
  });
  await deep.evaluate(() => { try { window.rgv.select(null); } catch { /* reported */ } history.replaceState(null, '', location.pathname); });
  await settle(deep);
  await deep.screenshot({ path: path.join(outDir, 'pages-explorer.png') });
  t.check('explorer: no page errors', deep.errors.length === 0, deep.errors.join(' | '));
  await deep.close();

  // A bad value: a warning and an "error" event that name the key; the rest still applies.
  const bad = await t.newPage();
  const warnings = [];
  bad.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await bad.goto(`${t.base}index.html#sel=${encodeURIComponent(work)}&cam=1,2&color=community`);
  await waitReady(bad).catch(() => {});
  await t.step('explorer: a bad hash value warns naming the key, the rest of the link applies', async () => {
    await bad.waitForFunction(() => document.querySelector('.toast'), null, { timeout: 5000 }).catch(() => {});
    const r = await bad.evaluate(() => ({ s: window.rgv.state(), toast: document.querySelector('.toast')?.textContent ?? '' }));
    const warned = warnings.find((w) => w.includes('cam'));
    return { ok: r.s.selected === work && r.s.colorMode === 'community' && !!warned && r.toast.includes('cam'),
             detail: `${r.s.selected} ${r.s.colorMode} warning=${warned} toast=${r.toast}` };
  });
  t.check('explorer (bad link): no page errors', bad.errors.length === 0, bad.errors.join(' | '));
  await bad.close();
}

// two.html ------------------------------------------------------------------------------------
{
  const page = await t.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(`${t.base}two.html`);
  await page.waitForFunction(() => window.viewers, null, { timeout: 60000 }).catch(() => {});
  await t.step('two: both viewers ready', async () => {
    await waitReady(page, 'window.viewers?.[0]');
    await waitReady(page, 'window.viewers?.[1]');
  });
  await settle(page);
  await page.screenshot({ path: path.join(outDir, 'pages-two.png') });
  t.check('two: no page errors', page.errors.length === 0, page.errors.join(' | '));
}
// A strict Content-Security-Policy (sent as a header): no eval, no inline script, wasm
// allowed. The element and the API from external modules only; a violation would be a
// console error ("Refused to ..."), and the viewer would not start.
{
  const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
  const page = await t.newPage();
  const url = `${t.base}__csp.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="research-graph.js"></script></head><body>
<research-graph id="el" src="sample-slice.json" style="width: 600px; height: 360px"></research-graph></body></html>` }));
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  await page.goto(url);
  await t.step(`strict CSP (${CSP}): the element starts and draws the sample`, async () => {
    await page.waitForFunction(() => { const s = document.getElementById('el').viewer?.state(); return s?.status === 'ready' && s.frames > 10; },
      null, { timeout: 60000 });
    const nodes = await page.evaluate(() => document.getElementById('el').stats().nodes);
    // The header really applied: an inline script is refused.
    const refused = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      setTimeout(() => resolve(window.inlineRan ? 'ran' : 'no event'), 2000);
    }));
    return { ok: nodes === sample.nodes.length && refused.startsWith('script-src') && violations.length === 1 && page.errors.length === 1,
             detail: `nodes ${nodes}, inline script: ${refused}, violations ${violations.join(' | ')}` };
  });
  await page.close();
}

await t.finish();
