// phone.mjs — the explorer page on phones, with a finger (CDP touch events, real input):
// 320x568, 390x844 at DPR 3 and 844x390 landscape. Nothing outside the viewport and no
// horizontal scrolling; the toolbar folded into one menu button; the panel a bottom sheet
// that peeks with finger-high tabs, opens on the researcher's card in one tap, follows a
// finger dragging its grip and settles at its stops; a tap on a node opens its details
// there; a long press shows what a hover shows without selecting. Screenshots to
// OUT_DIR/phone-*.png.
//
//   node tests/browser/phone.mjs WEB_DIR [OUT_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, waitReady } from './harness.mjs';

const [webDir, outArg] = process.argv.slice(2);
if (!webDir) { console.error('usage: phone.mjs WEB_DIR [OUT_DIR]'); process.exit(2); }
const outDir = outArg ?? path.join(webDir, '..', 'phone-shots');
fs.mkdirSync(outDir, { recursive: true });

const t = await startSuite('browser_phone', webDir);
const frames = (page, n) => page.evaluate((k) => new Promise((resolve) => {
  let left = k;
  const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

// Upright, the panel is a bottom sheet; on its side (844 px wide) the phone has room for the
// side panel, whose tabs are then in reach at once.
for (const [name, width, height, dpr] of [['portrait-320', 320, 568, 2], ['portrait-390', 390, 844, 3], ['landscape-844', 844, 390, 3]]) {
  const sheeted = width < 720;
  const page = await t.newPage({ viewport: { width, height }, deviceScaleFactor: dpr, isMobile: true, hasTouch: true });
  await page.goto(`${t.base}index.html`);
  await waitReady(page);
  await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 });
  const cdp = await page.context().newCDPSession(page);
  const state = () => page.evaluate(() => window.rgv.state());
  const box = async (key) => (await state()).ui?.[key] ?? null;
  const centre = (b) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 1, radiusY: 1, force: 1 })) });
  const tap = async ([x, y], holdMs = 0) => {
    await touch('touchStart', [[x, y]]);
    await frames(page, 2);
    if (holdMs) await page.waitForTimeout(holdMs);
    await touch('touchEnd', []);
    await frames(page, 3);
  };
  const drag = async ([x0, y0], [x1, y1], steps = 12) => {
    await touch('touchStart', [[x0, y0]]);
    await frames(page, 2);
    for (let i = 1; i <= steps; i++) {
      await touch('touchMove', [[x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps]]);
      await frames(page, 1);
    }
    await touch('touchEnd', []);
  };
  const settle = () => page.waitForTimeout(600);
  const sheetHeight = async () => { const b = await box('sheet'); return b ? b[3] - b[1] : 0; };
  // Every control of the panels in sight (state().controls: the Tab order's, whatever
  // widget draws it) under a finger: at least 44 px each way (WCAG 2.5.5).
  const smallControls = (s) => (s.controls ?? []).filter((c) => c.box[3] - c.box[1] < 43.5 || c.box[2] - c.box[0] < 43.5)
    .map((c) => `${c.label || '?'} ${Math.round(c.box[2] - c.box[0])}x${Math.round(c.box[3] - c.box[1])}`);

  await t.step(`${name}: nothing outside the viewport, no horizontal scrolling`, async () => {
    const r = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const b = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (b.width === 0 || b.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden, [hidden]')) continue;
        // The screen-reader parts (rgv.js: 1 px, clipped) are not drawn.
        let clipped = false;
        for (let a = el; a && !clipped; a = a.parentElement) { const r = a.getBoundingClientRect(); clipped = r.width <= 1 && r.height <= 1; }
        if (clipped) continue;
        if (b.left < -0.5 || b.top < -0.5 || b.right > innerWidth + 0.5 || b.bottom > innerHeight + 0.5) out.push(`${el.tagName}.${el.className}`);
      }
      return { out, scroll: document.documentElement.scrollWidth - innerWidth };
    });
    const s = await state();
    const sheet = s.ui?.sheet;
    const inside = !sheeted || (sheet && sheet[0] >= 0 && sheet[2] <= width + 0.5 && sheet[3] <= height + 0.5);
    return { ok: r.out.length === 0 && r.scroll <= 0 && inside, detail: JSON.stringify({ ...r, sheet }) };
  });
  await t.step(`${name}: text at least 12 CSS px: the UI font's em at each of its sizes`, async () => {
    // ImGui's size is ascent to descent (stb_truetype's ScaleForPixelHeight); the CSS em is
    // that times unitsPerEm / (ascender - descender), read from the font the page fetched.
    const em = await page.evaluate(async () => {
      const v = new DataView(await (await fetch('fonts/base.ttf')).arrayBuffer());
      const tables = {};
      for (let i = 0, n = v.getUint16(4); i < n; i++) {
        const at = 12 + 16 * i;
        tables[String.fromCharCode(...[0, 1, 2, 3].map((k) => v.getUint8(at + k)))] = v.getUint32(at + 8);
      }
      const upem = v.getUint16(tables.head + 18), asc = v.getInt16(tables.hhea + 4), desc = v.getInt16(tables.hhea + 6);
      return upem / (asc - desc);
    });
    const px = (await state()).textPx ?? [];
    const sizes = px.map((p) => Math.round(p * em * 100) / 100);
    return { ok: sizes.length === 3 && sizes.every((e) => e >= 12), detail: JSON.stringify({ px, em: sizes }) };
  });
  await t.step(`${name}: the toolbar is one menu button, 44 px square, that opens the tools`, async () => {
    const r = await page.evaluate(() => {
      const menu = document.querySelector('.toolbar .menu');
      const b = menu?.getBoundingClientRect();
      const select = document.getElementById('color');
      return { w: b?.width, h: b?.height, expanded: menu?.getAttribute('aria-expanded'), selectShown: select.getBoundingClientRect().width > 0 };
    });
    if (!(r.w >= 44 && r.h >= 44 && r.expanded === 'false' && !r.selectShown)) return { ok: false, detail: JSON.stringify(r) };
    const b = await page.evaluate(() => { const m = document.querySelector('.toolbar .menu').getBoundingClientRect(); return [m.left, m.top, m.right, m.bottom]; });
    await page.touchscreen.tap(...centre(b));
    await page.waitForTimeout(200);
    const open = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('.toolbar select, .toolbar button, .toolbar .button')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) out.push(`${el.id || el.textContent}: hidden`);
        else if (r.height < 43.5 || r.right > innerWidth || r.bottom > innerHeight) out.push(`${el.id || el.textContent}: ${Math.round(r.width)}x${Math.round(r.height)} at ${Math.round(r.left)},${Math.round(r.top)}`);
      }
      return { out, expanded: document.querySelector('.toolbar .menu').getAttribute('aria-expanded') };
    });
    await page.screenshot({ path: path.join(outDir, `phone-${name}-menu.png`) });
    await page.touchscreen.tap(...centre(b)); // closed again
    await page.waitForTimeout(200);
    return { ok: open.expanded === 'true' && open.out.length === 0, detail: JSON.stringify(open) };
  });
  if (sheeted) await t.step(`${name}: the sheet peeks with finger-high tabs, and the graph keeps the rest`, async () => {
    const s = await state();
    const [tab, sheet, area] = [s.ui?.['tab:Profile'], s.ui?.sheet, s.graphArea];
    const ok = tab && sheet && tab[3] - tab[1] >= 44 && sheet[3] - sheet[1] <= 110 && area[1] + area[3] <= sheet[1] + 1;
    await page.screenshot({ path: path.join(outDir, `phone-${name}-peek.png`) });
    return { ok, detail: JSON.stringify({ tab, sheet, area }) };
  });
  await t.step(`${name}: one tap on Profile opens the researcher's card: name and trust band`, async () => {
    await tap(centre(await box('tab:Profile')));
    await settle();
    const s = await state();
    const card = s.profileCard ?? [];
    const ok = (sheeted ? s.sheet?.stop === 'full' && s.sheet?.tab === 'profile' : !s.sheet && s.ui?.['tab:Profile'][3] - s.ui?.['tab:Profile'][1] >= 44) && card.includes('Zhezhi He') && card.includes('Trust 21 \u00b7 Emerging');
    await page.screenshot({ path: path.join(outDir, `phone-${name}-profile.png`) });
    return { ok, detail: JSON.stringify({ sheet: s.sheet, h: await sheetHeight(), card: card.slice(0, 8) }) };
  });
  await t.step(`${name}: the card's controls are finger targets, 44 px high`, async () => {
    const s = await state();
    // What is in view of the card (worksSort is further down on a short screen).
    const boxes = [...(s.actions ?? []).map((a) => [a.action, a.box]), ['worksSort', s.ui?.worksSort], ['sheetGrip', s.ui?.sheetGrip],
      ['tab:Profile', s.ui?.['tab:Profile']], ['tab:Explore', s.ui?.['tab:Explore']]].filter(([, b]) => b);
    const small = [...boxes.filter(([, b]) => b[3] - b[1] < 43.5 || b[2] - b[0] < 43.5), ...smallControls(s)];
    return { ok: boxes.length >= 2 && small.length === 0 && (!sheeted || boxes.some(([k]) => k === 'sheetGrip')), detail: JSON.stringify(small.length ? small : boxes) };
  });
  if (sheeted) await t.step(`${name}: dragging the grip down closes the sheet, up opens it to half`, async () => {
    const grip = centre(await box('sheetGrip'));
    await drag(grip, [grip[0], height - 20]);
    await settle();
    const closed = await sheetHeight();
    const g2 = centre(await box('sheetGrip'));
    await drag(g2, [g2[0], height * 0.5]);
    await settle();
    const half = await sheetHeight();
    const stop = (await state()).sheet?.stop;
    return { ok: closed <= 110 && Math.abs(half - height * 0.5) < 2 && stop === 'half', detail: `closed ${closed} px, half ${half} px of ${height} (${stop})` };
  });
  if (sheeted) await t.step(`${name}: two fingers on the sheet do not zoom the graph; on the graph they do`, async () => {
    const pinch = async (y) => {
      for (let i = 0; i <= 10; i++) {
        const d = 40 + 8 * i;
        await touch(i === 0 ? 'touchStart' : 'touchMove', [[width / 2 - d, y], [width / 2 + d, y]]);
        await frames(page, 1);
      }
      await touch('touchEnd', []);
      await settle();
      return (await state()).camera.zoom;
    };
    const before = (await state()).camera.zoom;
    const sheet = await box('sheet');
    const onSheet = await pinch(sheet[1] + (sheet[3] - sheet[1]) * 0.6);
    const area = (await state()).graphArea;
    const onGraph = await pinch(area[1] + area[3] * 0.5);
    await page.evaluate(() => window.rgv.fit());
    await page.waitForTimeout(800);
    return { ok: onSheet === before && onGraph > before * 1.5, detail: `zoom ${before} -> ${onSheet} (on the sheet) -> ${onGraph} (on the graph)` };
  });
  if (sheeted) await t.step(`${name}: a tap on the grip closes it`, async () => {
    await tap(centre(await box('sheetGrip')));
    await settle();
    const h = await sheetHeight();
    return { ok: h <= 110, detail: `${h} px` };
  });
  await t.step(`${name}: a long press on a node shows its hover without selecting it`, async () => {
    const s = await state();
    const id = 'person:deliang-fan';
    const p = s.screen?.[id];
    if (!p) return { ok: false, detail: 'no screen position' };
    await touch('touchStart', [p]);
    await frames(page, 2);
    await page.waitForTimeout(700);
    await frames(page, 2);
    const during = await state();
    await touch('touchEnd', []);
    await frames(page, 4);
    const after = await state();
    return { ok: during.hovered === id && after.selected === null && after.hovered === id,
             detail: JSON.stringify({ during: during.hovered, selected: after.selected, hovered: after.hovered }) };
  });
  await t.step(`${name}: a tap on a node opens its details ${sheeted ? 'in the sheet, with the node in sight above it' : 'in a card inside the graph'}`, async () => {
    const s = await state();
    const id = 'person:deliang-fan';
    await tap(s.screen[id]);
    await settle();
    await frames(page, 10);
    const after = await state();
    const sheet = after.ui?.sheet;
    const at = after.screen?.[id];
    const d = after.ui?.details;
    const [ax, ay, aw, ah] = after.graphArea;
    const ok = after.selected === id && !!d && at && (sheeted
      ? after.sheet?.tab === 'details' && after.sheet?.stop === 'half' && sheet && at[1] < sheet[1] && at[1] > ay
      : d[0] >= ax && d[2] <= ax + aw + 0.5 && d[1] >= ay && d[3] <= ay + ah + 0.5);
    await page.screenshot({ path: path.join(outDir, `phone-${name}-details.png`) });
    return { ok, detail: JSON.stringify({ selected: after.selected, sheet, at, tabs: Object.keys(after.ui ?? {}).filter((k) => k.startsWith('tab:')) }) };
  });
  await t.step(`${name}: the details' links are 44 px targets: a tap at a link's edge opens that work`, async () => {
    const s = await state();
    const d = s.ui?.details;
    const [key, b] = Object.entries(s.ui ?? {}).find(([k, v]) => k.startsWith('link:work:') && d && v[1] >= d[1] && v[3] <= d[3]) ?? [];
    if (!b) return { ok: false, detail: `no work link in the details ${JSON.stringify(d)}` };
    await tap([(b[0] + b[2]) / 2, b[1] + 3]); // above the text itself, inside the target
    await settle();
    const after = await state();
    return { ok: b[3] - b[1] >= 43.5 && after.selected === key.slice('link:'.length), detail: JSON.stringify({ key, box: b, selected: after.selected }) };
  });
  await t.step(`${name}: the details' controls are 44 px targets, the close button on the type's line`, async () => {
    // A work's details (the link tapped just now): its link, its abstract's header.
    const s = await state();
    const d = s.ui?.details, close = s.ui?.['details:close'];
    const inside = (s.controls ?? []).filter((c) => d && c.box[1] >= d[1] - 0.5 && c.box[3] <= d[3] + 44);
    const small = smallControls(s);
    // The close button's top is the card's first line (not a row below the type word).
    const ok = small.length === 0 && inside.length >= 1 && close && close[1] - d[1] < 44 + 12;
    return { ok, detail: JSON.stringify({ small, inside: inside.map((c) => c.label), close, details: d }) };
  });
  await t.step(`${name}: a double tap on a node brings it to the middle of the graph`, async () => {
    // No details card over the graph, and the whole graph in view (the link tap before zoomed in).
    await page.evaluate(() => { window.rgv.select(null); window.rgv.fit(); });
    await page.waitForTimeout(1200);
    const before = await state();
    // A work clear of where the first tap's details card comes (the graph's right, beside
    // the side panel) and of the sheet.
    const [bx, by, bw, bh] = before.graphArea;
    const id = Object.keys(before.screen ?? {}).find((k) => k.startsWith('work:') && before.screen[k][0] > bx + 20
      && before.screen[k][0] < bx + bw - (sheeted ? 20 : 280) && before.screen[k][1] > by + 20 && before.screen[k][1] < by + bh - 20);
    const p = before.screen?.[id];
    if (!p) return { ok: false, detail: 'no screen position' };
    // Two taps as a finger makes them: down 40 ms, 100 ms apart. In real time, not frames:
    // a software-rendered frame at DPR 3 on a busy machine can take longer than the whole
    // double tap (SDL counts it in real time too).
    for (let k = 0; k < 2; k++) {
      await touch('touchStart', [p]);
      await page.waitForTimeout(40);
      await touch('touchEnd', []);
      if (k === 0) await page.waitForTimeout(100);
    }
    await page.waitForTimeout(1500); // the camera's flight
    const after = await state();
    const [ax, ay, aw, ah] = after.graphArea;
    const at = after.screen?.[id];
    const off = at ? Math.hypot(at[0] - (ax + aw / 2), at[1] - (ay + ah / 2)) : Infinity;
    return { ok: after.selected === id && off < 24 && after.camera.zoom > before.camera.zoom,
             detail: JSON.stringify({ selected: after.selected, off, zoom: [before.camera.zoom, after.camera.zoom] }) };
  });
  await t.step(`${name}: a swipe scrolls the Explore tab to its search; a drag across a result scrolls, a tap opens it`, async () => {
    await tap(centre(await box('tab:Explore')));
    await settle();
    if (sheeted && (await state()).sheet?.stop !== 'full') {
      const g = centre(await box('sheetGrip'));
      await drag(g, [g[0], 0]);
      await settle();
    }
    // A finger on the panel's text, low down, swiping up until the search field is in sight.
    const tabs = await box('tab:Explore');
    const x = sheeted ? width / 2 : tabs[0] + 120;
    const inSight = (b) => b && b[1] >= tabs[3] && b[3] <= height - 4;
    let field = await box('search');
    let swipes = 0;
    for (; swipes < 8 && !inSight(field); swipes++) {
      await drag([x, height - 40], [x, height - 40 - Math.min(200, height * 0.4)]);
      await settle();
      field = await box('search');
    }
    if (!inSight(field)) return { ok: false, detail: `search field ${JSON.stringify(field)} after ${swipes} swipes` };
    await tap(centre(field));
    await page.keyboard.type('li');
    await settle();
    let s = await state();
    const small = smallControls(s);
    await page.screenshot({ path: path.join(outDir, `phone-${name}-explore.png`) });
    const rows = () => (s.controls ?? []).filter((c) => c.label.startsWith('Li ') && c.box[1] >= tabs[3] && c.box[3] <= height - 4);
    for (let i = 0; i < 6 && rows().length < 2; i++, swipes++) { // the results are below the field
      // Not on the field being edited: a drag there selects its text, as on a phone.
      const f = s.ui?.search;
      const y0 = f && height - 40 >= f[1] - 4 && height - 40 <= f[3] + 4 ? f[1] - 30 : height - 40;
      await drag([x, y0], [x, y0 - Math.min(200, height * 0.4)]);
      await settle();
      s = await state();
    }
    const row = rows()[rows().length - 1];
    if (s.search.query !== 'li' || !row || small.length) return { ok: false, detail: JSON.stringify({ query: s.search.query, small, labels: (s.controls ?? []).map((c) => c.label) }) };
    // A drag that starts on a result row scrolls the list and does not open the row.
    const selected = s.selected;
    await drag(centre(row.box), [centre(row.box)[0], centre(row.box)[1] - 60]);
    await settle();
    s = await state();
    const moved = (s.controls ?? []).find((c) => c.label === row.label);
    const scrolled = moved && row.box[1] - moved.box[1] > 40 && s.selected === selected;
    // A tap on a row in sight opens it.
    const target = rows()[0];
    await tap(centre(target.box));
    await settle();
    const after = await state();
    return { ok: scrolled && after.selected?.startsWith('person:li-'),
             detail: JSON.stringify({ swipes, row: row.label, from: row.box[1], to: moved?.box[1], selected: [selected, s.selected, after.selected], tapped: target.label }) };
  });
  await t.step(`${name}: no page errors, and no Dear ImGui misuse (its red box)`, async () => {
    const errors = (await state()).imguiErrors;
    return { ok: page.errors.length === 0 && errors === 0, detail: `${page.errors.join(' | ')} imguiErrors ${errors}` };
  });
  await page.close();
}

// [SECTION] the profile page's embedded graph (compact mode) on a phone
{
  const page = await t.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await page.goto(`${t.base}profile.html`);
  await page.waitForFunction(() => { const v = window.rgvProfile ?? document.querySelector('research-graph')?.viewer ?? window.rgv;
    return v && v.state().status === 'ready' && v.state().frames > 10; }, null, { timeout: 60000 });
  await t.step('profile page on a phone: the embedded graph\'s buttons are finger targets, the page does not scroll sideways', async () => {
    const r = await page.evaluate(() => {
      const v = window.rgvProfile ?? document.querySelector('research-graph')?.viewer ?? window.rgv;
      const s = v.state();
      return { open: s.actions?.find((a) => a.action === 'open-explorer')?.box ?? null, fit: s.ui?.compactFit ?? null,
               scroll: document.documentElement.scrollWidth - innerWidth, coarse: s.coarsePointer };
    });
    const big = (b) => b && b[3] - b[1] >= 43.5 && b[2] - b[0] >= 43.5;
    return { ok: r.coarse && big(r.open) && big(r.fit) && r.scroll <= 0, detail: JSON.stringify(r) };
  });
  await page.locator('canvas').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(outDir, 'phone-profile-page.png') });
  await page.close();
}

await t.finish();
