// text.mjs — every script in the browser: the every-script slice (CJK, Hangul, kana,
// Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Greek, Cyrillic, combining marks,
// emoji) draws with no boxes once the pieces it needs have arrived, only those pieces are
// fetched, the Latin sample fetches the base piece alone, a host font replaces the
// pieces and setFont(null) brings them back, a piece that fails to load leaves boxes and a
// warning (not a broken viewer), and search finds a name by its native and Latin spelling.
// Prints the font bytes fetched for each slice.
//
//   node tests/browser/text.mjs WEB_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [webDir] = process.argv.slice(2);
if (!webDir) { console.error('usage: text.mjs WEB_DIR'); process.exit(2); }
const everyScript = fs.readFileSync(path.join(srcDir, 'tests/data/scripts/every-script.json'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(webDir, 'fonts/pieces.json'), 'utf8'));
const gzipOf = new Map(manifest.pieces.map((p) => [p.file, p.gzipBytes]));

const t = await startSuite('browser_text', webDir);

// A page with one explorer viewer; `fontFetches` lists the font files it asked for.
async function open(slice, { failPiece } = {}) {
  const page = await t.blankPage('<div id="g" style="width: 1280px; height: 800px"></div>', {}, async (p) => {
    p.fontFetches = [];
    p.warnings = [];
    p.on('console', (m) => { if (m.type() === 'warning') p.warnings.push(m.text()); });
    await p.route('**/every-script.json', (route) => route.fulfill({ contentType: 'application/json', body: everyScript }));
    await p.route('**/fonts/*', (route) => {
      const file = new URL(route.request().url()).pathname.split('/').pop();
      p.fontFetches.push(file);
      if (failPiece && file === failPiece) return route.fulfill({ status: 404, body: 'not here' });
      return route.continue();
    });
  });
  await page.evaluate(async (src) => {
    const { createResearchGraph } = await import('./rgv.js');
    window.rgv = await createResearchGraph(document.getElementById('g'), { src, mode: 'explorer' });
  }, slice);
  await waitReady(page);
  // Pieces arrive after the first frames: wait until nothing is pending.
  await page.waitForFunction(() => {
    const s = window.rgv.state();
    return s.status === 'ready' && s.fonts && !s.fonts.pending && s.fonts.loaded.length > 1;
  }, null, { timeout: 20000 }).catch(() => {});
  return page;
}
const fonts = (page) => page.evaluate(() => window.rgv.state().fonts);
const kb = (files) => (files.reduce((a, f) => a + (gzipOf.get(f) ?? 0), 0) / 1000).toFixed(0);

{
  const page = await open('every-script.json');
  await t.step('every script: no character drawn as a box, nothing pending', async () => {
    const f = await fonts(page);
    return { ok: f.missing.length === 0 && !f.pending, detail: JSON.stringify(f) };
  });
  await t.step('every script: the pieces of its scripts are loaded', async () => {
    const f = await fonts(page);
    const want = ['base', 'latin-greek-cyrillic', 'arabic', 'hebrew', 'devanagari', 'bengali', 'tamil', 'thai', 'kana', 'han-001'];
    return { ok: want.every((p) => f.loaded.includes(p)), detail: f.loaded.join(' ') };
  });
  await t.step('every script: only listed pieces are fetched, each once', async () => {
    const pieces = page.fontFetches.filter((f) => !f.startsWith('pieces'));
    const once = new Set(pieces).size === pieces.length;
    console.log(`figure: every-script slice fetched ${pieces.length} pieces, ${kb(pieces)} KB gzip`);
    return { ok: once && pieces.every((f) => gzipOf.has(f)), detail: pieces.join(' ') };
  });
  await t.step('search: the Latin spelling finds the node labelled in Han characters', async () => {
    const r = await page.evaluate(() => window.rgv.search('Wang Xiaoming'));
    return { ok: Array.isArray(r) && r[0]?.id === 'person:wang-xiaoming', detail: JSON.stringify(r).slice(0, 200) };
  });
  await t.step('search: a Han substring finds it too', async () => {
    const r = await page.evaluate(() => window.rgv.search('小明'));
    return { ok: r[0]?.id === 'person:wang-xiaoming', detail: JSON.stringify(r).slice(0, 200) };
  });
  await t.step('a host font replaces the pieces; setFont(null) brings them back', async () => {
    const host = await page.evaluate(async () => {
      const ok = await window.rgv.setFont('fonts/base.ttf');
      await new Promise((r) => setTimeout(r, 500));
      return { ok, fonts: window.rgv.state().fonts };
    });
    const back = await page.evaluate(async () => {
      const ok = await window.rgv.setFont(null);
      // The pieces come back one fetch at a time: wait for the last of them, not a count.
      const done = () => { const f = window.rgv.state().fonts; return !f.pending && f.loaded.includes('arabic'); };
      for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
      return { ok, fonts: window.rgv.state().fonts };
    });
    return { ok: host.ok && host.fonts.loaded.join() === 'host font' && back.ok && back.fonts.loaded.includes('arabic'),
      detail: JSON.stringify({ host, back }).slice(0, 300) };
  });
  await t.step('SVG export: every placed label goes out as its text, right to left ones marked so', async () => {
    const r = await page.evaluate(() => ({ svg: window.rgv.exportSVG(), labels: window.rgv.state().labels }));
    const esc = (x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
    const slice = JSON.parse(everyScript);
    const labelOf = new Map(slice.nodes.map((n) => [n.id, n.label]));
    const bad = [];
    for (const l of r.labels) {
      // The slice's labels are short: each is placed whole, and the SVG holds it as text.
      if (l.text !== labelOf.get(l.id)) bad.push(`${l.id}: placed as ${JSON.stringify(l.text)}`);
      const rtl = /^[^A-Za-z\u0590-\u08FF]*[\u0590-\u08FF]/.test(l.text);
      const m = r.svg.match(new RegExp(`<text [^>]*>${esc(l.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</text>`));
      if (!m) bad.push(`${l.id}: not in the SVG`);
      else if (rtl !== m[0].includes('direction="rtl" unicode-bidi="embed"')) bad.push(`${l.id}: direction ${m[0].slice(0, 120)}`);
    }
    // The viewer's private-use glyph codes must never leak into a file.
    if (/[\u{F0000}-\u{10FFFD}]/u.test(r.svg)) bad.push('private-use glyph codes in the SVG');
    const lang = (id) => r.svg.match(new RegExp(`xml:lang="([^"]+)">${esc(labelOf.get(id))}<`))?.[1];
    console.log(`figure: SVG export holds ${r.labels.length} of ${slice.nodes.length} labels as text`);
    return { ok: bad.length === 0 && r.labels.length >= 24 && lang('person:sato-takeru') === 'ja' && lang('person:park-jisung') === 'ko',
      detail: `${r.labels.length} labels; ${bad.join('; ').slice(0, 600)}` };
  });
  t.check('every script: no page errors', page.errors.length === 0, page.errors.join(' | '));
  await page.close();
}

{
  // PNG export: the slice pinned in place (nothing moves between two exports), one image
  // asked for at once, while the pieces are still on their way, one after they all came:
  // the same pixels, so the first waited for its glyphs instead of drawing boxes.
  const slice = JSON.parse(everyScript);
  slice.nodes.forEach((n, i) => Object.assign(n, { x: (i % 6) * 60, y: Math.floor(i / 6) * 40, pinned: true }));
  const pinned = JSON.stringify(slice);
  const page = await t.blankPage('<div id="g" style="width: 1280px; height: 800px"></div>', {}, async (p) => {
    await p.route('**/pinned.json', (route) => route.fulfill({ contentType: 'application/json', body: pinned }));
    // The pieces besides the base come late, so the first export is asked for while they
    // are on their way.
    await p.route('**/fonts/*', async (route) => {
      if (!/\/(base\.ttf|pieces[^/]*\.json)$/.test(route.request().url())) await new Promise((r) => setTimeout(r, 1500));
      return route.continue();
    });
  });
  const result = await page.evaluate(async () => {
    const { createResearchGraph } = await import('./rgv.js');
    const rgv = await createResearchGraph(document.getElementById('g'), { src: 'pinned.json', mode: 'compact' });
    window.rgv = rgv;
    while (rgv.state().status !== 'ready') await new Promise((r) => setTimeout(r, 10));
    // Asked for as soon as the graph is there: its labels' pieces are still on their way.
    const onlyBaseAtCall = rgv.state().fonts.loaded.length === 1;
    const early = await rgv.exportPNG();
    const after = rgv.state().fonts;
    await new Promise((r) => setTimeout(r, 1500));
    const late = await rgv.exportPNG();
    const pixels = async (blob) => {
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      return g.getImageData(0, 0, bmp.width, bmp.height).data;
    };
    const a = await pixels(early), b = await pixels(late);
    let differ = 0;
    for (let i = 0; i < a.length; i += 4)
      if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 24) differ++;
    const url = async (blob) => new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(blob); });
    return { onlyBaseAtCall, after, differ, size: a.length / 4, labels: rgv.state().labels.length, early: await url(early), late: await url(late) };
  });
  if (process.env.RGV_SHOTS) for (const k of ['early', 'late']) fs.writeFileSync(path.join(process.env.RGV_SHOTS, `text-png-${k}.png`), Buffer.from(result[k].split(',')[1], 'base64'));
  delete result.early;
  delete result.late;
  await t.step('PNG export waits for the pieces its labels need: no boxes, the same image as later', async () => {
    const ok = result.onlyBaseAtCall && result.after.pending === false && result.after.missing.length === 0 &&
      result.differ <= result.size * 0.001 && result.labels >= 20;
    return { ok, detail: JSON.stringify(result) };
  });
  await page.close();
}

{
  const page = await open('sample-slice.json');
  await page.waitForTimeout(500);
  await t.step('the Latin sample fetches the base piece and no other', async () => {
    const pieces = page.fontFetches.filter((f) => !f.startsWith('pieces'));
    console.log(`figure: sample fetched ${pieces.join(' ')}, ${kb(pieces)} KB gzip`);
    return { ok: pieces.length === 1 && pieces[0] === manifest.pieces[0].file, detail: pieces.join(' ') };
  });
  await page.close();
}

{
  const page = await open('every-script.json', { failPiece: 'arabic.ttf' });
  await page.waitForTimeout(500);
  await t.step('a piece that fails leaves its text as boxes and says so; the rest draws', async () => {
    const f = await fonts(page);
    const warned = page.warnings.some((w) => w.includes('arabic.ttf'));
    // Chromium logs the 404 itself as a console error; anything else is a real error.
    const errors = page.errors.filter((e) => !e.includes('404'));
    return { ok: warned && !f.loaded.includes('arabic') && f.loaded.includes('devanagari') && errors.length === 0,
      detail: JSON.stringify({ warned, loaded: f.loaded, errors }) };
  });
  await page.close();
}

await t.finish();
