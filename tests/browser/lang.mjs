// lang.mjs — the UI in another language: the shipped German through the `lang` option, a
// host's own strings (with the locale's digits from Intl), refusals that change nothing,
// <research-graph lang> inherited from the page, and the explorer page at ?lang=de; the
// data's own words (names, titles) untranslated. Screenshots to OUT_DIR/lang-*.png.
//
//   node tests/browser/lang.mjs WEB_DIR [OUT_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSuite, waitReady } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir, outArg] = process.argv.slice(2);
if (!webDir) { console.error('usage: lang.mjs WEB_DIR [OUT_DIR]'); process.exit(2); }
const outDir = outArg ?? path.join(webDir, '..', 'lang-shots');
fs.mkdirSync(outDir, { recursive: true });
const sample = JSON.parse(fs.readFileSync(path.join(here, '../../assets/sample-slice.json'), 'utf8'));
// The sample with a count the locale groups: 12,345 followers.
const counted = { ...sample, profile: { ...sample.profile, counts: { ...sample.profile.counts, followers: 12345 } } };

const t = await startSuite('browser_lang', webDir);

// [SECTION] the lang option
const page = await t.blankPage(`<div id="v" style="width: 1280px; height: 800px"></div>
  <script type="module">
    import { createResearchGraph } from './rgv.js';
    window.rgv = await createResearchGraph(document.getElementById('v'), { src: 'counted.json', mode: 'explorer', lang: 'de', theme: 'light' });
  </script>`, {}, (p) => p.route('**/counted.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(counted) })));
await waitReady(page);
await page.waitForFunction(() => window.rgv.state().layout.converged, null, { timeout: 60000 });
const state = () => page.evaluate(() => window.rgv.state());

await t.step('lang "de": the panel, the reasons and the state speak German; the names stay as they are', async () => {
  const s = await state();
  const card = s.profileCard ?? [];
  const ok = s.lang === 'de' && card.includes('Forschungsprofil') && card.includes('Zhezhi He') && card.includes('12.345 Follower')
    && card.includes('Vertrauen auf einen Blick') && card.includes('10 Werke in diesem Graphen')
    && /^Kein Knoten/.test(s.modesWithoutData?.citations ?? '');
  return { ok, detail: JSON.stringify({ lang: s.lang, card, why: s.modesWithoutData }) };
});
await t.step('lang "de": the canvas\'s name, role, help and hidden list in German', async () => {
  const r = await page.evaluate(() => {
    const c = document.querySelector('canvas');
    return { label: c.getAttribute('aria-label'), role: c.getAttribute('aria-roledescription'),
             help: document.getElementById(c.getAttribute('aria-describedby'))?.textContent ?? '',
             heading: document.querySelector('.rgv-mirror h2')?.textContent ?? '',
             item: document.querySelector('.rgv-mirror li[data-id="person:zhezhi-he"]')?.textContent ?? '' };
  });
  const ok = r.label === 'Forschungsgraph' && r.role === 'Forschungsgraph' && r.help.startsWith('Die Pfeiltasten')
    && r.heading === `Forschungsgraph: ${sample.nodes.length} Knoten` && r.item.startsWith('Person: Zhezhi He, verbunden mit ');
  return { ok, detail: JSON.stringify(r) };
});
await t.step('lang "de": the live region announces a selection in German', async () => {
  await page.evaluate(() => window.rgv.select('person:zhezhi-he'));
  const live = await page.evaluate(() => document.querySelector('.rgv-live').textContent);
  await page.evaluate(() => window.rgv.select(null));
  return { ok: /^Zhezhi He, Person ausgewählt, \d+ Verbindungen$/.test(live), detail: live };
});
await t.step('lang "de": say() gives a host the viewer\'s words, placeholders filled once', async () => {
  const r = await page.evaluate(() => [window.rgv.say('page.exportAs', { format: 'SVG' }), window.rgv.say('page.exportAs', { format: '{format}' }),
                                       window.rgv.say('page.exportAs'), window.rgv.say('no.such.key')]);
  const ok = r[0] === 'Den Graphen als SVG exportieren' && r[1] === 'Den Graphen als {format} exportieren'
    && r[2] === 'Den Graphen als {format} exportieren' && r[3] === 'no.such.key';
  return { ok, detail: JSON.stringify(r) };
});
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(outDir, 'lang-de-profile.png') });
await t.step('the Explore tab opens by a click on its German tab and stays open when the language changes', async () => {
  const box = (await state()).ui?.['tab:Explore'];
  if (!box) return { ok: false, detail: 'no tab box' };
  await page.mouse.click((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  await page.waitForFunction(() => !!window.rgv.state().ui?.search, null, { timeout: 10000 });
  await page.screenshot({ path: path.join(outDir, 'lang-de-explore.png') });
  await page.evaluate(() => window.rgv.setLanguage('en'));
  await page.waitForTimeout(300);
  const s = await state();
  return { ok: s.lang === 'en' && !!s.ui?.search && !(s.profileCard ?? []).length, detail: JSON.stringify({ lang: s.lang, ui: Object.keys(s.ui ?? {}) }) };
});

// [SECTION] a host's strings
await t.step('a host\'s strings over English for a language not shipped, with Intl\'s digits (fr: no-break space)', async () => {
  const r = await page.evaluate(() => {
    window.rgv.setLanguage('fr', { 'tab.profile': 'Profil', 'profile.heading': 'Profil de chercheur', 'a11y.label': 'Graphe de recherche' });
    return { ui: window.rgv.uiStrings(), label: document.querySelector('canvas').getAttribute('aria-label') };
  });
  const tab = (await state()).ui?.['tab:Profile'];
  if (tab) await page.mouse.click((tab[0] + tab[2]) / 2, (tab[1] + tab[3]) / 2);
  await page.waitForTimeout(300);
  const card = (await state()).profileCard ?? [];
  const ok = r.ui.lang === 'fr' && r.ui.strings['tab.profile'] === 'Profil' && r.ui.strings['tab.explore'] === 'Explore'
    && r.ui.strings['number.group'] === '\u00a0' && r.label === 'Graphe de recherche'
    && card.includes('Profil de chercheur') && card.includes('12\u00a0345 followers');
  return { ok, detail: JSON.stringify({ lang: r.ui.lang, group: r.ui.strings['number.group'], label: r.label, card: card.slice(0, 12) }) };
});
await t.step('bad strings are refused with the key and why, and nothing changes', async () => {
  const r = await page.evaluate(() => {
    const errors = [];
    for (const [lang, strings] of [['de', { 'tab.profle': 'Profil' }], ['de', { 'works.own.other': '{count} Werke' }], ['de', ['x']], ['not a tag', {}]]) {
      try { window.rgv.setLanguage(lang, strings); errors.push(null); } catch (err) { errors.push(err.message); }
    }
    return { errors, lang: window.rgv.uiStrings().lang, tab: window.rgv.uiStrings().strings['tab.profile'] };
  });
  const want = ['rgv: set_language: unknown UI string "tab.profle" (the keys are in docs/js-api.md, or uiStrings())',
    'rgv: set_language: UI string "works.own.other" has {count}, which it is not given; it takes {n}',
    'rgv: set_language: "strings" must be an object of UI string keys to texts',
    'rgv: set_language: "lang" must be a language tag such as "en" or "de-AT", not "not a tag"'];
  return { ok: JSON.stringify(r.errors) === JSON.stringify(want) && r.lang === 'fr' && r.tab === 'Profil', detail: JSON.stringify(r) };
});
await t.step('no page errors', () => ({ ok: page.errors.length === 0, detail: page.errors.join(' | ') }));
await page.close();

// [SECTION] the custom element
const el = await t.blankPage(`<div lang="de"><research-graph id="rg" src="sample-slice.json" mode="compact" style="width: 700px; height: 420px"></research-graph></div>
  <script type="module" src="research-graph.js"></script>`);
await waitReady(el, 'document.getElementById("rg").viewer');
await t.step('<research-graph> takes its language from the nearest lang (a German section of an English page)', async () => {
  const r = await el.evaluate(() => ({ lang: document.getElementById('rg').viewer.state().lang,
    label: document.getElementById('rg').shadowRoot.querySelector('canvas').getAttribute('aria-label') }));
  return { ok: r.lang === 'de' && r.label === 'Forschungsgraph', detail: JSON.stringify(r) };
});
await el.waitForTimeout(300);
await el.screenshot({ path: path.join(outDir, 'lang-de-compact.png') });
await t.step('its own lang and strings attributes switch the running viewer', async () => {
  await el.evaluate(() => {
    const rg = document.getElementById('rg');
    rg.setAttribute('strings', JSON.stringify({ 'compact.openExplorer': 'Explorer öffnen' }));
    rg.setAttribute('lang', 'de-CH');
  });
  await el.waitForTimeout(200);
  const r = await el.evaluate(() => ({ ...document.getElementById('rg').uiStrings(),
    intl: new Intl.NumberFormat('de-CH').formatToParts(12345).find((p) => p.type === 'group').value }));
  // Swiss grouping is an apostrophe (which one depends on the ICU): the page's Intl decides.
  return { ok: r.lang === 'de-CH' && r.strings['compact.openExplorer'] === 'Explorer öffnen' && r.strings['number.group'] === r.intl && r.intl !== '.',
           detail: JSON.stringify({ lang: r.lang, open: r.strings['compact.openExplorer'], group: r.strings['number.group'] }) };
});
await t.step('element: no page errors', () => ({ ok: el.errors.length === 0, detail: el.errors.join(' | ') }));
await el.close();

// [SECTION] the explorer page
for (const [name, viewport, extra] of [['desktop', { width: 1280, height: 800 }, {}],
  ['phone', { width: 390, height: 844 }, { deviceScaleFactor: 3, isMobile: true, hasTouch: true }]]) {
  const ex = await t.newPage({ viewport, ...extra });
  await ex.goto(`${t.base}index.html?lang=de`);
  await waitReady(ex);
  await t.step(`explorer page ?lang=de (${name}): the toolbar, title and viewer in German`, async () => {
    const r = await ex.evaluate(() => ({ lang: document.documentElement.lang, title: document.title,
      open: document.querySelector('label[for="file"]').textContent,
      colour: [...document.querySelectorAll('#color option')].map((o) => o.textContent),
      size: [...document.querySelectorAll('#size option')].map((o) => o.textContent),
      viewer: window.rgv.state().lang, coarse: window.rgv.state().coarsePointer }));
    const ok = r.lang === 'de' && r.viewer === 'de' && r.title === 'Forschungsgraph-Explorer - rgv' && r.open === 'Datei öffnen …'
      && r.coarse === (name === 'phone') && r.colour.join('|') === 'Farbe: Typ|Farbe: Gruppe|Farbe: Jahr' && r.size.join('|') === 'Größe: Verbindungen|Größe: Zitationen (keine Daten)';
    return { ok, detail: JSON.stringify(r) };
  });
  await ex.waitForTimeout(500);
  await ex.screenshot({ path: path.join(outDir, `lang-de-explorer-${name}.png`) });
  await t.step(`explorer page ?lang=de (${name}): no page errors`, () => ({ ok: ex.errors.length === 0, detail: ex.errors.join(' | ') }));
  await ex.close();
}

await t.finish();
