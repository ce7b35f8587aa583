// usage.ts — compiled (never run) by check.mjs with `tsc --noEmit`: the ways a page uses
// rgv.js and <research-graph>, so a change to rgv.d.ts that breaks them fails the tests.
import { createResearchGraph, EVENTS } from '../../web/rgv.js';
import type { ResearchGraphViewer, ViewState, Stats, ActionEvent, Camera, ThemeState } from '../../web/rgv.js';
import { ResearchGraphElement } from '../../web/research-graph.js';

export async function embed(container: HTMLElement): Promise<ResearchGraphViewer> {
  const viewer = await createResearchGraph(container, {
    src: 'sample-slice.json', mode: 'compact', expandTemplate: 'slices/{id}.json',
    theme: { accent: '#ff8800', work: '#4e79a7' }, font: 'fonts/base.ttf', hash: false,
  });
  const off = viewer.on('action', (e: ActionEvent) => {
    const which: 'follow' | 'claim' | 'connect' | 'open-explorer' = e.action;
    console.log(which, e.id);
  });
  viewer.on('load', ({ nodes, edges, format }) => console.log(nodes + edges, format.toUpperCase()));
  viewer.on('select', ({ id }) => { if (id !== null) viewer.focus(id); });
  viewer.on('progress', ({ phase, value, bytes }) => console.log(phase, value === null ? `${bytes} bytes` : value.toFixed(2)));
  viewer.on('expand', (e) => { if (e.url.endsWith('.json')) e.handled = true; console.log(e.id); });
  viewer.on('load', ({ warnings }) => console.log(warnings?.join('\n') ?? 'no warnings'));
  viewer.on('error', ({ message }) => console.log(message.length));
  // A host that serves the package's files elsewhere (a CDN, a production esbuild build).
  await createResearchGraph(container, { assetsBase: 'https://cdn.example.org/research-graph-viewer@0.1.0/' });
  await createResearchGraph(container, { wasmUrl: '/static/rgv_viewer.wasm', fontPieces: '/static/fonts/pieces-compact.json' });
  viewer.once('view', ({ hash, camera, colorMode, filter }) => console.log(hash.length, camera.zoom, colorMode, filter.typesHidden));
  viewer.on('openUrl', (e) => { if (e.url.startsWith('https://example.org/')) e.preventDefault(); });
  off();
  const ok: boolean = await viewer.load({ schema: 'rgv-slice', version: 1, nodes: [{ id: 'a', type: 'person', label: 'A' }] });
  await viewer.load({ text: '{}', name: 'dropped.json' });
  viewer.setFilter({ typesHidden: ['topic'], years: [2019, 2022], hideUndated: true });
  viewer.zoomBy(1.5);
  viewer.panBy(-40, 10);
  const cam: Camera = viewer.getCamera();
  viewer.setCamera({ ...cam, zoom: cam.zoom * 2 }, { animate: true });
  viewer.setCamera(cam);
  viewer.setTheme('auto');
  viewer.setTheme({ base: 'dark', accent: '#ff8800' });
  const theme: ThemeState = viewer.state().theme;
  const dark: boolean = theme.dark && theme.colors.background.startsWith('#');
  viewer.setLabel('Graph of A');
  const fontOk: Promise<boolean> = viewer.setFont('fonts/base.ttf');
  const piecesOk: Promise<boolean> = viewer.setFont(null);
  viewer.setColorMode('community');
  viewer.select(null);
  const blob: Blob = await viewer.exportPNG(2);
  const svg: string = viewer.exportSVG();
  const json: string = viewer.exportJSON();
  const stats: Stats = viewer.stats();
  const n: number = stats.byType['work'] ?? 0;
  const s = viewer.state();
  const area: number = s.graphArea[2] * s.pixelRatio + s.visibleNodes + s.framesDrawn;
  viewer.on('view', (v: ViewState) => { if (v.sizeMode === 'citations') viewer.restore(v.hash); });
  viewer.restore('#sel=a&color=community&cam=0,0,2');
  const link: string = viewer.viewHash();
  console.log(ok, blob.size, svg.length, json.length, n, EVENTS.length, s.layout.converged, area, link, dark, fontOk, piecesOk);
  viewer.destroy();
  return viewer;
}

export function element(): void {
  const el = document.createElement('research-graph'); // typed through HTMLElementTagNameMap
  const same: ResearchGraphElement = el;
  el.src = 'sample-slice.json';
  el.addEventListener('rgv-action', (e) => console.log(e.detail.action, e.detail.id));
  el.addEventListener('rgv-load', (e) => console.log(e.detail.nodes));
  el.addEventListener('rgv-ready', (e) => e.detail.viewer.fit());
  el.addEventListener('rgv-openUrl', (e) => { console.log(e.detail.url); e.preventDefault(); });
  el.setAttribute('theme', JSON.stringify({ base: 'dark', accent: '#ff8800' }));
  const found = document.querySelector('research-graph');
  found?.ready.then((v) => v?.stats());
  console.log(same.viewer?.canvas.width);
}

// Mistakes the types must catch (each line would fail without @ts-expect-error).
export async function mistakes(viewer: ResearchGraphViewer): Promise<void> {
  // @ts-expect-error unknown event name
  viewer.on('click', () => {});
  // @ts-expect-error colour modes are type | community | year
  viewer.setColorMode('rainbow');
  // @ts-expect-error mode is compact | explorer
  await createResearchGraph(document.body, { mode: 'fullscreen' });
  // @ts-expect-error exportSVG returns a string, not a promise
  (await viewer.exportSVG()).then();
  // @ts-expect-error the old relative zoom is zoomBy now
  viewer.zoom(2);
  // @ts-expect-error filter keys are camelCase
  viewer.setFilter({ types_hidden: ['topic'] });
  // @ts-expect-error themes are light | dark | auto | colours
  viewer.setTheme('sepia');
  // @ts-expect-error the camera is {x, y, zoom}
  viewer.setCamera({ center_x: 0, center_y: 0, zoom: 1 });
}
