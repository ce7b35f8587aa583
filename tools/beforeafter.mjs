// beforeafter.mjs — the same scenes of the explorer from two builds, for a change's closing
// note: each scene is set up with the same input on both (real mouse and keyboard, the
// page's file input), and saved as OUT/NAME-before.png and OUT/NAME-after.png.
//
//   node tools/beforeafter.mjs BEFORE_WEB_DIR AFTER_WEB_DIR OUT_DIR [SCENE ...]
//
// Uses only what both builds have: window.rgv.state() (screen, ui boxes, focus), select().
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const [beforeDir, afterDir, outDir, ...only] = process.argv.slice(2);
if (!beforeDir || !afterDir || !outDir) {
  console.error('usage: beforeafter.mjs BEFORE_WEB_DIR AFTER_WEB_DIR OUT_DIR [SCENE ...]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const state = (page) => page.evaluate(() => window.rgv.state());
const centre = (b) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const settle = (page, ms = 700) => page.waitForTimeout(ms);
const clickAt = async (page, [x, y]) => { await page.mouse.move(x, y); await settle(page, 100); await page.mouse.click(x, y); await settle(page); };
const slice = fs.readFileSync(path.join(afterDir, 'sample-slice.json'), 'utf8');
const openFile = async (page, name, text) => {
  await page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await settle(page, 1500);
};

// Each scene: its viewport, what to do, and the part of the page to keep (null: all of it).
const scenes = {
  // Broken: the selected and hovered node's label drawn more than once.
  'label-once': { size: [1280, 800], async run(page) {
    const s = await state(page);
    await clickAt(page, s.screen[s.focus]);
    const at = (await state(page)).screen[s.focus];
    await page.mouse.move(at[0] + 2, at[1] + 2);
    await settle(page);
    return { x: Math.max(0, at[0] - 260), y: Math.max(0, at[1] - 120), width: 520, height: 240 };
  } },
  // Broken: at 800x600 the toolbar over the tabs, the details past the right edge.
  'small-window': { size: [800, 600], async run(page) {
    const s = await state(page);
    const id = Object.keys(s.screen).filter((k) => k.startsWith('person:') && k !== s.focus)
      .sort((a, b) => s.screen[b][0] - s.screen[a][0])[0];
    await clickAt(page, s.screen[id]);
    return null;
  } },
  // Broken: a truncated file opened over a good graph: the banner and what the toolbar says.
  'error-banner': { size: [1280, 800], async run(page) {
    await openFile(page, 'truncated-slice.json', slice.slice(0, Math.floor(slice.length / 2)));
    return null;
  } },
  // Rough: a file that is not JSON at all: the words of the message.
  'error-words': { size: [1280, 800], async run(page) {
    await openFile(page, 'notes.json', '/* my notes */ hello');
    return null;
  } },
  // Rough: the details of a node on the graph's right: what the panel covers.
  'details-cover': { size: [1280, 800], async run(page) {
    const s = await state(page);
    const id = Object.keys(s.screen).filter((k) => k !== s.focus).sort((a, b) => s.screen[b][0] - s.screen[a][0])[2];
    await clickAt(page, s.screen[id]);
    await settle(page, 800);
    return null;
  } },
  // Rough: the first screen: chrome, legend, hint, wording.
  'first-screen': { size: [1280, 800], async run() { return null; } },
  // Rough: search hits on the graph, and the year fields of the Explore tab.
  'search-marks': { size: [1280, 800], async run(page) {
    await clickAt(page, centre((await state(page)).ui['tab:Explore']));
    await clickAt(page, centre((await state(page)).ui.search));
    await page.keyboard.type('li', { delay: 60 });
    await settle(page, 900);
    return null;
  } },
  // Rough: nodes on a small graph (three nodes fitted to the screen).
  'small-graph': { size: [1280, 800], async run(page) {
    const small = { schema: 'rgv-slice', version: 1, focus: 'person:a', nodes: [
      { id: 'person:a', type: 'person', label: 'Ada Lovelace' },
      { id: 'work:1', type: 'work', label: 'Sketch of the Analytical Engine', attrs: { year: 1843 } },
      { id: 'person:b', type: 'person', label: 'Luigi Menabrea' }],
    edges: [{ source: 'person:a', target: 'work:1' }, { source: 'person:b', target: 'work:1' }] };
    await openFile(page, 'three-nodes.json', JSON.stringify(small));
    await settle(page, 1500);
    return null;
  } },
};

const browser = await chromium.launch({
  executablePath: process.env.RGV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const servers = [];
try {
  for (const [which, dir] of [['before', beforeDir], ['after', afterDir]]) {
    const server = await startServer(dir, 0);
    servers.push(server);
    for (const [name, scene] of Object.entries(scenes)) {
      if (only.length && !only.includes(name)) continue;
      const page = await browser.newPage({ viewport: { width: scene.size[0], height: scene.size[1] }, deviceScaleFactor: 1 });
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await page.waitForFunction(() => window.rgv && window.rgv.state().layout?.converged, null, { timeout: 60000 });
      await settle(page, 800);
      try {
        const clip = await scene.run(page);
        const file = path.join(outDir, `${name}-${which}.png`);
        await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
        console.log(`${file}`);
      } catch (err) {
        console.error(`${name} (${which}): ${String(err.message ?? err).split('\n')[0]}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
