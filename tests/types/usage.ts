// usage.ts — compiled (never run) by check.mjs with `tsc --noEmit`: the ways a page uses
// rgv.js and <research-graph>, so a change to rgv.d.ts that breaks them fails the tests.
import { createResearchGraph, EVENTS } from '../../web/rgv.js';
import type { ResearchGraphViewer, ViewState, Stats, ActionEvent } from '../../web/rgv.js';
import { ResearchGraphElement } from '../../web/research-graph.js';

export async function embed(container: HTMLElement): Promise<ResearchGraphViewer> {
  const viewer = await createResearchGraph(container, {
    src: 'sample-slice.json', mode: 'compact', expandTemplate: 'slices/{id}.json',
    colors: { work: '#4e79a7' }, font: 'fonts/DejaVuSans.ttf', hash: false,
  });
  const off = viewer.on('action', (e: ActionEvent) => {
    const which: 'follow' | 'claim' | 'connect' | 'open-explorer' = e.action;
    console.log(which, e.id);
  });
  viewer.on('load', ({ nodes, edges, format }) => console.log(nodes + edges, format.toUpperCase()));
  viewer.on('select', ({ id }) => { if (id !== null) viewer.focus(id); });
  viewer.on('progress', ({ phase, value, bytes }) => console.log(phase, value === null ? `${bytes} bytes` : value.toFixed(2)));
  viewer.on('expand', ({ id, url }) => console.log(id, url));
  off();
  const ok: boolean = await viewer.load({ schema: 'rgv-slice', version: 1, nodes: [{ id: 'a', type: 'person', label: 'A' }] });
  await viewer.load({ text: '{}', name: 'dropped.json' });
  viewer.setFilter({ types_hidden: ['topic'], years: [2019, 2022] });
  viewer.setColorMode('community');
  viewer.select(null);
  const blob: Blob = await viewer.exportPNG(2);
  const svg: string = viewer.exportSVG();
  const json: string = viewer.exportJSON();
  const stats: Stats = viewer.stats();
  const n: number = stats.byType['work'] ?? 0;
  const view: ViewState = { camera: { x: 0, y: 0, zoom: 1 }, color_mode: 'year' };
  viewer.restore(view);
  console.log(ok, blob.size, svg.length, json.length, n, EVENTS.length, viewer.state().layout.converged);
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
}
