// rgv.js — the JavaScript side of the viewer: an ES module with no globals.
//
//   import { createResearchGraph } from './rgv.js';
//   const viewer = await createResearchGraph(containerElement, { src: 'sample-slice.json' });
//
// It makes and sizes its own canvas inside the container, starts one wasm instance per
// viewer (so viewers on one page never share state), hands the font and the slice to
// the C API (src/platform/platform_web.cpp), and reads the viewer's state back as JSON.
// Files next to this module (the wasm, the font) are found relative to this module's
// URL, not the page's.
import createRgvModule from './rgv_viewer.mjs';

const here = (path) => new URL(path, import.meta.url).href;

// Copies a JS string into the wasm heap as UTF-8 (malloc, not the stack: a slice can be
// many megabytes) and calls fn(pointer); frees it afterwards.
function withCString(module, text, fn) {
  const size = module.lengthBytesUTF8(text) + 1;
  const ptr = module._malloc(size);
  if (!ptr) throw new Error(`rgv: cannot allocate ${size} bytes for the slice`);
  try {
    module.stringToUTF8(text, ptr, size);
    return fn(ptr);
  } finally {
    module._free(ptr);
  }
}

export async function createResearchGraph(container, options = {}) {
  if (!(container instanceof HTMLElement)) throw new TypeError('createResearchGraph: container must be an element');
  const canvas = document.createElement('canvas');
  canvas.className = 'rgv-canvas';
  canvas.tabIndex = 0; // keyboard focus for the graph
  canvas.setAttribute('aria-label', 'Research graph');
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  container.appendChild(canvas);

  let signalReady;
  const ready = new Promise((resolve) => { signalReady = resolve; });
  const module = await createRgvModule({
    canvas,
    onRgvReady: () => signalReady(),
    locateFile: (path) => here(path),
    print: (text) => console.log(`rgv: ${text}`),
    printErr: (text) => console.warn(`rgv: ${text}`),
  });
  await ready;

  const fontUrl = options.font ?? here('fonts/DejaVuSans.ttf');
  try {
    const response = await fetch(fontUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ptr = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, ptr);
    module._rgv_add_font(ptr, bytes.length);
    module._free(ptr);
  } catch (err) {
    console.warn(`rgv: font ${fontUrl} not loaded (${err.message}); using the built-in font`);
  }

  const resize = () => {
    const { width, height } = container.getBoundingClientRect();
    if (width > 0 && height > 0) module._rgv_resize(Math.round(width), Math.round(height));
  };
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  resize();

  const viewer = {
    // Loads a slice from a URL or a parsed object; resolves to true on success. On failure
    // the viewer keeps the graph it had and shows the message (also in state().error).
    async load(source) {
      let text;
      let name;
      if (typeof source === 'string') {
        name = source;
        try {
          const response = await fetch(source);
          if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
          text = await response.text();
        } catch (err) {
          withCString(module, `${source}: ${err.message}`, (p) => module._rgv_fail_loading(p));
          return false;
        }
      } else {
        name = '(object)';
        text = JSON.stringify(source);
      }
      return withCString(module, name, (namePtr) =>
        withCString(module, text, (textPtr) => module._rgv_load_json(textPtr, namePtr) === 1));
    },
    // The viewer's state: status, error, counts by type, hovered / selected node, camera,
    // placed label boxes, node screen positions (small graphs). Used by the tests.
    state() {
      return JSON.parse(module.UTF8ToString(module._rgv_state_json()));
    },
    stats() {
      const s = viewer.state();
      return { nodes: s.nodes, edges: s.edges, byType: s.by_type };
    },
    canvas,
  };
  if (options.src !== undefined) await viewer.load(options.src);
  return viewer;
}
