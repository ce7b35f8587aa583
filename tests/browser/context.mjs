// context.mjs — the viewer survives what real pages do to WebGL (issue #15):
//   1. a lost context (WEBGL_lose_context, as a driver reset or Chromium's own limit would
//      do it) and its restore: nothing the user did is lost, the same pixels come back,
//      state().gl and the contextLost / contextRestored events tell the page;
//   2. forty compact viewers on one page: scrolled to, each shows its graph, while no more
//      than Chromium's 16 contexts are ever alive (viewers out of view park: a still image,
//      their context given back, their loop stopped);
//   3. an idle viewer stops its loop (no frames, no CPU) and input wakes it.
// Prints figures: restore time, live contexts, second viewer's start, idle frames.
//
//   node tests/browser/context.mjs WEB_DIR [OUT_DIR]   (screenshots: context-*.png there)
import { PNG } from 'pngjs';
import { startSuite, waitReady } from './harness.mjs';

const [webDir, outDir = '/tmp'] = process.argv.slice(2);
if (!webDir) { console.error('usage: context.mjs WEB_DIR [OUT_DIR]'); process.exit(2); }
const t = await startSuite('browser_context', webDir);

// Distinct colours in an element's screenshot: a blank canvas has one or two.
const colours = async (page, selector) => {
  const d = PNG.sync.read(await page.locator(selector).screenshot()).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return seen.size;
};

// Channel values that differ by more than 3 between two PNG screenshots (-1: sizes differ).
const pixelDiff = (a, b) => {
  const [x, y] = [PNG.sync.read(a).data, PNG.sync.read(b).data];
  if (x.length !== y.length) return -1;
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - y[i]) > 3) n++;
  return n;
};

// [SECTION] 1. lost and restored
{
  const page = await t.blankPage(`<div id="v" style="width:900px;height:600px"></div>
    <script type="module">
      import { createResearchGraph } from './rgv.js';
      window.events = [];
      window.rgv = await createResearchGraph(document.getElementById('v'), { src: 'sample-slice.json', mode: 'explorer', theme: 'dark' });
      for (const name of ['contextLost', 'contextRestored']) window.rgv.on(name, (p) => window.events.push([name, p.reason]));
      window.loseExt = window.rgv.canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
    </script>`);
  await waitReady(page);
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 });
  // What a user did: a selection, a zoom, a filter, the theme (dark).
  const before = await page.evaluate(() => {
    const s = window.rgv.state();
    window.rgv.select(s.focus);
    window.rgv.zoomBy(1.3);
    window.rgv.setFilter({ typesHidden: ['institution'] });
    return window.rgv.state();
  });
  await page.waitForTimeout(600);
  const shotBefore = await page.locator('#v .rgv-canvas').screenshot();
  const t0 = Date.now();
  await page.evaluate(() => window.loseExt.loseContext());
  await page.waitForFunction(() => window.rgv.state().gl.lost, null, { timeout: 10000 });
  const lost = await page.evaluate(() => ({ s: window.rgv.state(), notice: document.querySelector('.rgv-notice')?.textContent ?? '',
    noticeShown: getComputedStyle(document.querySelector('.rgv-notice')).display !== 'none', events: [...window.events] }));
  await t.step('lost: state().gl says so, the page gets contextLost (browser), a notice shows', () => ({
    ok: lost.s.gl.lost && lost.s.gl.losses === 1 && lost.events.some(([n, r]) => n === 'contextLost' && r === 'browser') &&
        lost.noticeShown && /restoring/.test(lost.notice),
    detail: JSON.stringify({ gl: lost.s.gl, events: lost.events, notice: lost.notice }) }));
  await t.step('while lost the model goes on: commands answer, nothing throws', async () => {
    const r = await page.evaluate(() => { window.rgv.panBy(0, 0); return window.rgv.viewHash(); });
    return { ok: typeof r === 'string' && page.errors.length === 0, detail: page.errors.join(' | ') };
  });
  await page.evaluate(() => window.loseExt.restoreContext());
  await page.waitForFunction(() => !window.rgv.state().gl.lost && window.rgv.state().gl.restores === 1, null, { timeout: 10000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.rgv-notice')).display === 'none', null, { timeout: 10000 });
  const restoreMs = Date.now() - t0;
  await page.waitForTimeout(600);
  const after = await page.evaluate(() => window.rgv.state());
  const shotAfter = await page.locator('#v .rgv-canvas').screenshot();
  await t.step('restored: contextRestored (browser), counts 1 loss and 1 restore', async () => {
    const ev = await page.evaluate(() => window.events);
    return { ok: ev.some(([n, r]) => n === 'contextRestored' && r === 'browser') && after.gl.losses === 1 && after.gl.restores === 1,
             detail: JSON.stringify({ ev, gl: after.gl }) };
  });
  await t.step('nothing the user did is lost: selection, camera, filter, theme, positions', () => {
    const same = (k) => JSON.stringify(before[k]) === JSON.stringify(after[k]);
    const keys = ['selected', 'camera', 'filter', 'theme', 'nodes', 'visibleNodes'].filter((k) => k in before);
    const bad = keys.filter((k) => !same(k));
    return { ok: bad.length === 0 && before.selected !== null, detail: bad.map((k) => `${k}: ${JSON.stringify(before[k])} -> ${JSON.stringify(after[k])}`).join('; ') };
  });
  await t.step('the same picture comes back (graph, labels, panels, font atlas)', async () => {
    const n = pixelDiff(shotBefore, shotAfter);
    console.log(`figure: lost -> restored -> drawn in ${restoreMs} ms (headless Chromium, SwiftShader); ${n} channel values differ by more than 3 of ${900 * 600 * 4}`);
    return { ok: n >= 0 && n < 900 * 600 * 4 * 0.002, detail: `${n} differ` };
  });
  await page.screenshot({ path: `${outDir}/context-restored.png` }).catch(() => {});
  await t.step('no errors in the console', () => ({ ok: page.errors.length === 0, detail: page.errors.join(' | ') }));

  // [SECTION] 3. idle
  await t.step('an idle viewer stops its loop; input wakes it', async () => {
    await page.evaluate(() => window.rgv.state()); // wakes it
    const f0 = await page.evaluate(() => window.rgv.state().frames);
    await page.waitForTimeout(3000); // no calls: it should fall asleep after a second
    const f1 = await page.evaluate(() => window.rgv.state().frames);
    await page.waitForTimeout(1500);
    // Reading state() wakes it, so the count between two reads 1.5 s apart is one quiet second at most.
    const f2 = await page.evaluate(() => window.rgv.state().frames);
    const box = await page.locator('#v .rgv-canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
    await page.mouse.move(box.x + box.width * 0.72, box.y + box.height * 0.52);
    const f3 = await page.evaluate(() => window.rgv.state().frames);
    await page.waitForTimeout(300);
    const f4 = await page.evaluate(() => window.rgv.state().frames);
    console.log(`figure: idle: ${f1 - f0} frames in the 3 s after the last call (the quiet second), ${f2 - f1} in 1.5 s after a state() read`);
    return { ok: f1 - f0 <= 90 && f2 - f1 <= 90 && f4 > f3, detail: `${f1 - f0} / ${f2 - f1} frames while idle, ${f4 - f3} after input` };
  });
  await page.close();
}

// [SECTION] memory of one idle compact viewer
{
  const page = await t.blankPage(`<div id="v" style="width:420px;height:260px"></div>
    <script type="module">
      import { createResearchGraph } from './rgv.js';
      window.rgv = await createResearchGraph(document.getElementById('v'), { src: 'sample-slice.json', mode: 'compact' });
    </script>`);
  const cdp = await page.context().newCDPSession(page);
  await waitReady(page);
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 });
  const heap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return (await cdp.send('Runtime.getHeapUsage')).usedSize; };
  const withViewer = await heap();
  const wasm = await page.evaluate(() => window.rgv.state().wasmMemory);
  await page.evaluate(() => window.rgv.destroy());
  const without = await heap();
  await t.step('one idle compact viewer of the sample: memory reported', () => {
    console.log(`figure: one idle compact viewer: wasm memory ${(wasm / 1048576).toFixed(1)} MB, the page's JS heap ${(withViewer / 1048576).toFixed(1)} MB with it, ${(without / 1048576).toFixed(1)} MB after destroy(); the aim is 8 MB in all`);
    return { ok: wasm > 0 && withViewer > 0, detail: `${wasm} ${withViewer}` };
  });
  await page.close();
}

// [SECTION] 2. forty viewers
{
  const N = 40;
  const page = await t.blankPage(`<style>body{margin:0} .v{width:420px;height:260px;margin:0 0 40px 20px;border:1px solid #ccc}</style>
    <div id="list"></div>
    <script type="module">
      import { createResearchGraph } from './rgv.js';
      // Every context the page creates, to count the live ones.
      const made = [];
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, attrs) {
        const gl = getContext.call(this, type, attrs);
        if (gl && type === 'webgl2' && !made.includes(gl)) made.push(gl);
        return gl;
      };
      window.liveContexts = () => made.filter((gl) => !gl.isContextLost()).length;
      window.maxLive = 0;
      setInterval(() => { window.maxLive = Math.max(window.maxLive, window.liveContexts()); }, 50);
      const list = document.getElementById('list');
      window.viewers = [];
      window.starts = [];
      window.browserLosses = [];
      for (let i = 0; i < ${N}; i++) {
        const div = document.createElement('div');
        div.className = 'v';
        list.append(div);
        const t0 = performance.now();
        window.viewers.push(createResearchGraph(div, { src: 'sample-slice.json', mode: 'compact', theme: 'light' })
          .then((v) => {
            window.starts[i] = performance.now() - t0;
            v.on('contextLost', ({ reason }) => { if (reason === 'browser') window.browserLosses.push(i); });
            return v;
          }));
      }
      window.viewers = await Promise.all(window.viewers);
      window.allReady = true;
    </script>`, { viewport: { width: 1280, height: 800 } });
  await page.waitForFunction(() => window.allReady, null, { timeout: 120000 });
  const starts = await page.evaluate(() => window.starts);
  console.log(`figure: ${N} viewers created in ${Math.max(...starts).toFixed(0)} ms; first ${starts[0].toFixed(0)} ms, second ${starts[1].toFixed(0)} ms`);
  let blank = [];
  let worstLive = 0;
  for (let i = 0; i < N; i++) {
    await page.evaluate((k) => document.querySelectorAll('.v')[k].scrollIntoView({ block: 'center' }), i);
    await page.waitForFunction((k) => {
      const s = window.viewers[k].state();
      return s.status === 'ready' && !s.gl.lost && s.framesDrawn > 0 &&
        !document.querySelectorAll('.v')[k].querySelector('.rgv-still');
    }, i, { timeout: 20000 }).catch(() => {});
    await page.waitForTimeout(150);
    const n = await colours(page, `.v:nth-child(${i + 1}) canvas.rgv-canvas`);
    if (n < 8) blank.push(`${i}:${n}`);
    worstLive = Math.max(worstLive, await page.evaluate(() => window.maxLive));
  }
  await page.screenshot({ path: `${outDir}/context-forty-viewers-end.png` }).catch(() => {});
  await t.step(`each of ${N} viewers, scrolled into view, shows its graph`, () => ({ ok: blank.length === 0, detail: `blank: ${blank.join(', ')}` }));
  await t.step('never more than 16 live WebGL contexts, none taken by the browser', async () => {
    const taken = await page.evaluate(() => window.browserLosses);
    console.log(`figure: at most ${worstLive} live WebGL contexts for ${N} viewers; ${taken.length} taken by the browser`);
    return { ok: worstLive > 0 && worstLive <= 16 && taken.length === 0, detail: `${worstLive} live; taken: ${taken.join(',')}` };
  });
  await t.step('viewers far out of view are parked (still image, context given back)', async () => {
    const r = await page.evaluate(() => window.viewers.map((v) => v.state().gl.lost ? 1 : 0).join(''));
    return { ok: r.slice(0, 30).includes('1') && r.endsWith('0'), detail: r };
  });
  await t.step('scrolling back to the first one shows it again', async () => {
    await page.evaluate(() => document.querySelectorAll('.v')[0].scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => !window.viewers[0].state().gl.lost, null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const n = await colours(page, '.v:nth-child(1) canvas.rgv-canvas');
    return { ok: n >= 8, detail: `${n} colours` };
  });
  await t.step('no errors in the console', () => ({ ok: page.errors.length === 0, detail: page.errors.slice(0, 3).join(' | ') }));
  await page.close();
}

await t.finish();
