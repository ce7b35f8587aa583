// rgv.js — the JavaScript side of the viewer: an ES module with no globals.
//
//   import { createResearchGraph } from './rgv.js';
//   const viewer = await createResearchGraph(containerElement, { src: 'sample-slice.json' });
//   viewer.on('select', ({ id }) => ...);
//
// Index
//   1. helpers        C strings in the wasm heap, GL state, DOM bits, theme specs
//   2. create         one wasm instance per viewer on its own canvas
//   3. accessibility  focus ring, the hidden list mirroring the slice, the live region
//   4. keyboard       keys on the canvas become "key" commands
//   5. theme          light / dark / auto (follows prefers-color-scheme) / colours
//      language       the UI's words: lang and strings, numbers in the locale's digits
//   6. URL hash       deep links (options.hash): the hash C++ makes, applied with "restore"
//   7. GL context     lost and restored; parked out of view; asleep when idle
//   8. the API        load, camera, focus, select, filters, exports, events, destroy
//
// Each viewer starts its own wasm instance (its own memory, GL context and SDL state), so
// viewers on one page never share state; the wasm is fetched and compiled once per page and
// every viewer instantiates that module. The files (the wasm, the fonts) are found by
// assets.js: next to this module in a way bundlers follow, or where the options say; one
// that cannot be loaded shows its URL in the viewer. Text from the data reaches the DOM
// only through textContent / setAttribute, never as HTML.
import createRgvModule from './rgv_viewer.mjs';
import { locate, compileWasm, compileDeferred, compileDeferredSync, instantiateWith, fetchManifest as fetchManifestFrom, fetchFont, pieceUrl, showProblem } from './assets.js';

// 1. helpers ------------------------------------------------------------------------------

export const EVENTS = Object.freeze(['load', 'error', 'progress', 'hover', 'select', 'action', 'expand', 'view', 'openUrl',
  'contextLost', 'contextRestored']);
const NAV_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Enter', 'Escape', '+', '-', '=']);
const KEY_EVENTS = new Set(['keydown', 'keyup', 'keypress']);

// Copies a JS string into the wasm heap as UTF-8 (malloc, not the stack: a slice can be
// many megabytes) and calls fn(pointer); frees it afterwards.
function withCString(module, text, fn) {
  module.rgvWake?.(); // whatever the page hands over, the next frames show (section 7)
  const size = module.lengthBytesUTF8(text) + 1;
  const ptr = module._malloc(size);
  if (!ptr) throw new Error(`rgv: cannot allocate ${size} bytes`);
  try {
    module.stringToUTF8(text, ptr, size);
    return fn(ptr);
  } finally {
    module._free(ptr);
  }
}

// Keyboard scope: SDL2 would put its key listeners on `window` (every viewer would get
// every key of the page, and it preventDefaults Tab and the arrows); the C++ side sets
// SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT to "#canvas", so they sit on this viewer's canvas.

// Chrome answers WebGL's getParameter for some state (the scissor box, the blend
// functions) with a synchronous round trip to the GPU process, which first finishes every
// command queued before it. Dear ImGui's GL backend reads that state on every frame to
// restore it afterwards, so each frame waited for the GPU (measured: 0.1-0.3 s a frame
// under a software rasteriser). The wrapper keeps a copy of that state on the page side,
// updated by the setters, and answers from it; everything else goes to WebGL as before.
function shadowGlState(canvas) {
  const getContext = canvas.getContext;
  canvas.getContext = function rgvGetContext(type, attrs) {
    const gl = getContext.call(this, type, attrs);
    if (!gl || type !== 'webgl2' || gl.rgvShadowed) return gl;
    gl.rgvShadowed = true;
    // WebGL's initial values; a restored context starts from them again (rgvResetShadow).
    const initial = () => new Map([
      [gl.SCISSOR_BOX, [0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight]],
      [gl.BLEND_SRC_RGB, gl.ONE], [gl.BLEND_SRC_ALPHA, gl.ONE], [gl.BLEND_DST_RGB, gl.ZERO],
      [gl.BLEND_DST_ALPHA, gl.ZERO], [gl.BLEND_EQUATION_RGB, gl.FUNC_ADD], [gl.BLEND_EQUATION_ALPHA, gl.FUNC_ADD],
    ]);
    let state = initial();
    gl.rgvResetShadow = () => { state = initial(); };
    const wrap = (name, fn) => {
      const original = gl[name].bind(gl);
      gl[name] = (...args) => { fn(...args); return original(...args); };
    };
    wrap('scissor', (x, y, w, h) => state.set(gl.SCISSOR_BOX, [x, y, w, h]));
    wrap('blendFunc', (src, dst) => {
      state.set(gl.BLEND_SRC_RGB, src).set(gl.BLEND_SRC_ALPHA, src).set(gl.BLEND_DST_RGB, dst).set(gl.BLEND_DST_ALPHA, dst);
    });
    wrap('blendFuncSeparate', (srcRgb, dstRgb, srcAlpha, dstAlpha) => {
      state.set(gl.BLEND_SRC_RGB, srcRgb).set(gl.BLEND_DST_RGB, dstRgb).set(gl.BLEND_SRC_ALPHA, srcAlpha)
        .set(gl.BLEND_DST_ALPHA, dstAlpha);
    });
    wrap('blendEquation', (mode) => state.set(gl.BLEND_EQUATION_RGB, mode).set(gl.BLEND_EQUATION_ALPHA, mode));
    wrap('blendEquationSeparate', (rgb, alpha) => state.set(gl.BLEND_EQUATION_RGB, rgb).set(gl.BLEND_EQUATION_ALPHA, alpha));
    const getParameter = gl.getParameter.bind(gl);
    gl.getParameter = (name) => {
      if (!state.has(name)) return getParameter(name);
      const v = state.get(name);
      return Array.isArray(v) ? Int32Array.from(v) : v;
    };
    return gl;
  };
}

// Focus-ring colours: 4.5:1 or more against the light and the dark graph background.
const RING_LIGHT = '#2f5d8a';
const RING_DARK = '#8ab4f8';
const DARK_QUERY = '(prefers-color-scheme: dark)';

// A theme as the page gives it -> what the C++ side takes (set_theme) and whether it
// follows the OS setting. 'auto' and an object without `base` follow prefers-color-scheme;
// 'light', 'dark' and an object with a base are fixed. Anything else goes to the viewer
// as it is, which answers with its own error message.
function resolveTheme(spec, osDark) {
  const os = osDark ? 'dark' : 'light';
  if (spec === undefined || spec === null || spec === 'auto') return { theme: os, follows: true };
  if (spec && typeof spec === 'object' && !Array.isArray(spec) && spec.base === undefined) {
    return { theme: { ...spec, base: os }, follows: true };
  }
  return { theme: spec, follows: false };
}

// One IntersectionObserver for every viewer on the page (section 7): each container's
// callback gets whether it is near the viewport. Without IntersectionObserver every
// viewer counts as in view.
const inViewCallbacks = new WeakMap();
let viewObserver = null;
function watchInView(el, fn) {
  if (typeof IntersectionObserver !== 'function') { fn(true); return () => {}; }
  viewObserver ??= new IntersectionObserver((entries) => {
    for (const entry of entries) inViewCallbacks.get(entry.target)?.(entry.isIntersecting);
  }, { rootMargin: '200px 0px' }); // a screenful ahead, so scrolling finds it drawn
  inViewCallbacks.set(el, fn);
  viewObserver.observe(el);
  return () => { viewObserver.unobserve(el); inViewCallbacks.delete(el); };
}

// The page's WebGL contexts held by viewers (section 7). Chromium keeps 16 a page and
// drops the oldest beyond that, visible or not; viewers stay under CONTEXT_BUDGET by asking
// one out of view to park (give its context back) before they make or take back one. If
// every holder is in view, a viewer goes ahead after a moment anyway (and the browser's
// own loss is handled as any other).
const CONTEXT_BUDGET = 12;
const holders = new Set(); // { inView, park() } of the viewers holding a context
const waitingForSlot = [];
function takeContextSlot(holder) {
  if (holders.has(holder)) return Promise.resolve();
  if (holders.size < CONTEXT_BUDGET) { holders.add(holder); return Promise.resolve(); }
  for (const h of holders) if (!h.inView) { h.park(); break; }
  return new Promise((resolve) => {
    const entry = { holder, resolve };
    waitingForSlot.push(entry);
    // While some holder is out of view, its park frees a slot soon; when all are in view,
    // none will, and this viewer goes ahead over the budget.
    const overBudget = () => {
      const i = waitingForSlot.indexOf(entry);
      if (i < 0) return;
      if ([...holders].some((h) => !h.inView)) { setTimeout(overBudget, 2000); return; }
      waitingForSlot.splice(i, 1);
      holders.add(holder);
      resolve();
    };
    setTimeout(overBudget, 2000);
  });
}
function giveContextSlot(holder) {
  holders.delete(holder);
  while (waitingForSlot.length && holders.size < CONTEXT_BUDGET) {
    const { holder: next, resolve } = waitingForSlot.shift();
    holders.add(next);
    resolve();
  }
}

function visuallyHidden(el) {
  Object.assign(el.style, {
    position: 'absolute', width: '1px', height: '1px', padding: '0', margin: '-1px', overflow: 'hidden',
    clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0',
  });
  return el;
}

// The wasm's second part for one viewer (section 7b): start() fetches, compiles (once per
// page) and instantiates it over the first part's exports; now(imports) is Emscripten's
// loadSplitModule, called when a function of it runs before it came: it loads it on the
// spot (synchronously) and counts as early (state().deferredWasm.early; browser_budget
// fails on it for the sample page).
function secondPart(url, module, problem) {
  const part = {
    status: 'waiting', // loading, loaded, failed
    early: false,
    instance: null,
    now(imports) {
      if (part.instance) return;
      part.early = true;
      let compiled;
      try {
        compiled = compileDeferredSync(url());
      } catch (err) {
        part.status = 'failed';
        problem(err.message);
        throw err;
      }
      part.instance = new WebAssembly.Instance(compiled, imports);
      part.status = 'loaded';
    },
    start() {
      if (part.status !== 'waiting') return;
      part.status = 'loading';
      compileDeferred(url())
        .then((compiled) => (part.instance ? part.instance : WebAssembly.instantiate(compiled, { primary: module().asm })))
        .then((instance) => { part.instance ??= instance; part.status = 'loaded'; }, (err) => {
          if (part.instance) return;
          part.status = 'failed';
          console.warn(`${err.message} (the viewer's second part, fetched after the first frame; the first call that needs it tries again)`);
        });
    },
  };
  return part;
}

// 2. create -------------------------------------------------------------------------------

/**
 * Makes a viewer inside `container` (it creates and sizes its own canvas there).
 * Resolves when the wasm instance runs and, if options.src is given, the slice is loaded
 * (or has failed: the error shows in the viewer and as an "error" event).
 */
export async function createResearchGraph(container, options = {}) {
  if (!(container instanceof HTMLElement)) throw new TypeError('createResearchGraph: container must be an element');
  const doc = container.ownerDocument;
  const listeners = new Map(EVENTS.map((name) => [name, new Set()]));
  const cleanups = []; // run by destroy(), in reverse
  let module = null;
  let destroyed = false;
  let nodesById = new Map();

  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  const canvas = doc.createElement('canvas');
  canvas.className = 'rgv-canvas';
  canvas.tabIndex = 0; // Tab reaches the graph
  canvas.setAttribute('role', 'application');
  // Its name, role description and help text come in the UI's language once the module is
  // in (section 3: the viewer's string table).
  Object.assign(canvas.style, { display: 'block', width: '100%', height: '100%', touchAction: 'none' });
  const noMenu = (e) => e.preventDefault();
  canvas.addEventListener('contextmenu', noMenu);
  // SDL preventDefaults mousedown / touchstart, which also stops the browser from moving
  // the focus: without this a click on the graph (or in a panel's text field) would leave
  // the keys with whatever had them before.
  const takeFocus = () => { if (doc.activeElement !== canvas) canvas.focus({ preventScroll: true }); };
  canvas.addEventListener('pointerdown', takeFocus, { capture: true });

  // The screen-reader mirror and the live region (section 3), next to the canvas.
  const mirror = visuallyHidden(doc.createElement('div'));
  mirror.className = 'rgv-mirror';
  const mirrorHeading = doc.createElement('h2');
  const mirrorList = doc.createElement('ul');
  mirror.append(mirrorHeading, mirrorList);
  const live = visuallyHidden(doc.createElement('div'));
  live.className = 'rgv-live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const describedBy = `rgv-help-${Math.random().toString(36).slice(2, 10)}`;
  const help = visuallyHidden(doc.createElement('p'));
  help.id = describedBy;
  canvas.setAttribute('aria-describedby', describedBy);
  container.append(canvas, help, mirror, live);
  cleanups.push(() => { canvas.remove(); help.remove(); mirror.remove(); live.remove(); });
  cleanups.push(() => canvas.removeEventListener('contextmenu', noMenu));
  cleanups.push(() => canvas.removeEventListener('pointerdown', takeFocus, { capture: true }));

  const emit = (name, payload) => {
    const set = listeners.get(name);
    if (!set) return;
    for (const fn of [...set]) {
      try { fn(payload); } catch (err) { console.error(err); }
    }
  };

  // Files that could not be loaded: shown over the canvas (naming the URL) and reported as
  // "error" events. Those of the start are sent once the viewer is returned (a task later,
  // so a listener added right after `await createResearchGraph(...)` hears them).
  let problemBox = null;
  let startProblems = [];
  const problem = (message) => {
    console.warn(message);
    problemBox = showProblem(container, message, problemBox);
    if (startProblems) startProblems.push(message); else emit('error', { message });
  };
  const clearProblem = () => { problemBox = showProblem(container, '', problemBox); };
  cleanups.push(clearProblem);
  const where = locate(options, doc.baseURI);

  // Fonts. The viewer draws every script from pieces of Debian's fonts (fonts/pieces*.json
  // lists them with the characters each covers): the base piece (Latin, Greek, Cyrillic)
  // before the first frame, any other piece only when the slice's text needs it (the
  // viewer asks with a "fontsNeeded" event). The manifest and the base piece are fetched
  // while the module compiles, not after. A host font (options.font, setFont) replaces
  // the pieces: one font for everything, boxes for what it lacks.
  // The first frame's manifest: the base piece and one "more" entry for everything else
  // (tools/fonts/base_manifest.py), 0.4 KB instead of the full manifest's 50 KB gzip. The
  // viewer asks for "more" when text needs another piece; then the full manifest is
  // fetched (fetchPieces) and replaces it. Found at the first place of where.manifest that
  // has it; the pieces are found from its URL (assets.js: pieceUrl).
  let piecesUrl = where.manifest[0];
  const fetchManifest = async () => {
    const { text, url } = await fetchManifestFrom(where.manifest);
    piecesUrl = url;
    let first;
    try { first = JSON.parse(text).pieces?.[0]?.file; } catch (err) { throw new Error(`rgv: the font manifest at ${url} is not JSON (${err.message})`); }
    if (!first) throw new Error(`rgv: the font manifest at ${url} lists no pieces`);
    return { manifest: text, base: await fetchFont(await pieceUrl(first, url)) };
  };
  const early = options.font ? null : fetchManifest().catch((err) => ({ error: err }));
  // Filled in by section 7 once the instance runs; called by it from the start.
  const glHooks = { afterFrame() {}, activity() {}, settle() {} };
  // This viewer's claim on one of the page's WebGL contexts (takeContextSlot): its context
  // is made in the module's main(), so the claim comes first.
  const holder = { inView: true, park: () => {} };
  const unwatch = watchInView(container, (near) => { holder.inView = near; glHooks.settle(); });
  const letGo = () => { unwatch(); giveContextSlot(holder); };
  cleanups.push(letGo);
  // The slice is fetched while the module compiles too; load() reads this response.
  let earlySlice = typeof options.src === 'string' && options.src !== ''
    ? { url: options.src, response: fetch(options.src) } : null;
  earlySlice?.response.catch(() => {}); // load() reports the failure, not an unhandled rejection
  let signalReady;
  let signalFailed;
  const ready = new Promise((resolve) => { signalReady = resolve; });
  const failed = new Promise((resolve, reject) => { signalFailed = reject; });
  failed.catch(() => {});
  shadowGlState(canvas);
  // The wasm: compiled once per page (assets.js), instantiated here for this viewer.
  let wasm;
  let deferredUrl;
  try {
    let url;
    ({ module: wasm, url } = await compileWasm(where.wasm));
    deferredUrl = where.deferred[Math.max(0, where.wasm.indexOf(url))] ?? where.deferred[0];
  } catch (err) {
    letGo();
    problem(err.message);
    throw err;
  }
  await takeContextSlot(holder); // compiled meanwhile; main() makes the context
  const started = (promise) => Promise.race([promise, failed]).catch((err) => {
    const message = `rgv: the wasm module did not start: ${err?.message ?? err}`;
    letGo();
    problem(message);
    throw new Error(message);
  });
  // The wasm's second part (section 7b); defined before main() runs: it may call into it.
  const second = secondPart(() => deferredUrl, () => module, problem);
  module = await started(createRgvModule({
    canvas,
    onRgvReady: () => signalReady(),
    postMainLoop: () => glHooks.afterFrame(), // section 7
    onRgvEvent: (name, json) => {
      if (destroyed) return;
      let payload = {};
      try { payload = json ? JSON.parse(json) : {}; } catch { payload = { raw: json }; }
      onEvent(name, payload);
    },
    instantiateWasm: instantiateWith(wasm, (err) => signalFailed(err)),
    // A function of the second part called before it came (section 7b): load it now.
    loadSplitModule: (file, imports) => second.now(imports),
    locateFile: (path) => new URL(path, where.wasm[0]).href,
    print: (text) => console.log(`rgv: ${text}`),
    printErr: (text) => console.warn(`rgv: ${text}`),
  }));
  await started(ready);

  const withBytes = (bytes, fn) => {
    module.rgvWake?.();
    const ptr = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, ptr);
    try { return fn(ptr, bytes.length); } finally { module._free(ptr); }
  };
  // A host font: TTF / OTF bytes copied into the instance; glyphs re-rasterise next frame.
  const loadFont = async (url) => {
    try {
      const bytes = await fetchFont(new URL(url, doc.baseURI).href);
      if (destroyed) return false;
      const error = withBytes(bytes, (p, n) => module.UTF8ToString(module._rgv_add_font(p, n)));
      if (error) throw new Error(`rgv: the font at ${url}: ${error}`);
      clearProblem();
      return true;
    } catch (err) {
      problem(`${err.message}; keeping the current font`);
      return false;
    }
  };
  const piecesInFlight = new Set(); // asked for once (a failed piece is not asked again)
  const piecesLoading = new Set();  // fetches not settled yet (exportPNG waits for them)
  let baseBytes = null; // the base piece, handed in again with the full manifest
  const fetchPieces = (pieces) => {
    for (const { index, file, manifest } of pieces) {
      if (piecesInFlight.has(index)) continue;
      piecesInFlight.add(index);
      if (manifest) {
        const loading = pieceUrl(file, piecesUrl).then((url) => fetchManifestFrom([url])).then(({ text, url }) => {
          if (destroyed || !baseBytes) return;
          piecesInFlight.clear(); // the full manifest numbers the pieces anew
          piecesUrl = url;
          const error = withCString(module, text, (m) => withBytes(baseBytes, (p, n) => module.UTF8ToString(module._rgv_set_font_pieces(m, p, n))));
          if (error) throw new Error(`rgv: the font manifest at ${url}: ${error}`);
        }).catch((err) => {
          if (!destroyed) problem(`${err.message}; text beyond Latin, Greek and Cyrillic is drawn as boxes`);
        }).finally(() => piecesLoading.delete(loading));
        piecesLoading.add(loading);
        continue;
      }
      const loading = pieceUrl(file, piecesUrl).then(fetchFont).then((bytes) => {
        if (destroyed) return;
        const error = withBytes(bytes, (p, n) => module.UTF8ToString(module._rgv_add_font_piece(index, p, n)));
        if (error) throw new Error(`rgv: the font piece ${file}: ${error}`);
      }).catch((err) => {
        // The text of that script stays drawn as boxes; the viewer does not ask again.
        if (!destroyed) problem(`${err.message}; that text is drawn as boxes`);
      }).finally(() => piecesLoading.delete(loading));
      piecesLoading.add(loading);
    }
  };
  // The pieces, from the early fetch (or a new one after a host font was dropped).
  const usePieces = async (fetched) => {
    const got = await fetched;
    if (destroyed) return false;
    if (got.error) {
      problem(`${got.error.message}; the text is drawn with a basic ASCII font`);
      return false;
    }
    piecesInFlight.clear();
    baseBytes = got.base;
    const error = withCString(module, got.manifest, (m) => withBytes(got.base, (p, n) => module.UTF8ToString(module._rgv_set_font_pieces(m, p, n))));
    if (error) problem(`rgv: ${error}`); else clearProblem();
    return !error;
  };
  if (options.font) await loadFont(options.font);
  else await usePieces(early);

  const resize = () => {
    if (destroyed) return;
    const { width, height } = canvas.getBoundingClientRect();
    if (width > 0 && height > 0) { module.rgvWake?.(); module._rgv_resize(Math.round(width), Math.round(height)); }
  };
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  cleanups.push(() => observer.disconnect());
  resize();

  // Sends a command; returns the parsed answer ({ok:true,...}) or throws with its error.
  const command = (obj) => {
    if (destroyed) throw new Error('rgv: this viewer was destroyed');
    if (typeof module._rgv_command !== 'function') throw new Error(`rgv: commands are not available in this build ("${obj.cmd}")`);
    const text = withCString(module, JSON.stringify(obj), (p) => module.UTF8ToString(module._rgv_command(p)));
    const answer = JSON.parse(text);
    // The viewer's messages mostly start with the command's name already.
    if (!answer.ok) throw new Error(`rgv: ${String(answer.error).startsWith(`${obj.cmd}:`) ? '' : `${obj.cmd}: `}${answer.error}`);
    return answer;
  };
  // For options the C++ side may not know yet (theme): a warning, not a failure.
  const tryCommand = (obj) => {
    try { return command(obj); } catch (err) { console.warn(err.message); return null; }
  };

  // 3. accessibility ----------------------------------------------------------------------

  // Focus ring for keyboard users, drawn by the wrapper so host pages need no stylesheet.
  // Its colour follows the theme (section 5): a mid blue is too dim on a dark graph.
  let ringColor = RING_LIGHT;
  const ringOn = () => { if (canvas.matches(':focus-visible')) canvas.style.outline = `3px solid ${ringColor}`; canvas.style.outlineOffset = '-3px'; };
  const ringOff = () => { canvas.style.outline = 'none'; };
  canvas.addEventListener('focus', ringOn);
  canvas.addEventListener('blur', ringOff);
  cleanups.push(() => { canvas.removeEventListener('focus', ringOn); canvas.removeEventListener('blur', ringOff); });

  // The UI's words, from the viewer's one table (src/view/model/ui_strings.inc), in the
  // language the page asked for: the accessible name, the hidden list, the live region and
  // the notices on the canvas say what the panels say.
  let words = {};
  const say = (key, args = {}) => String(words[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
  const digits = (n) => String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, words['number.group'] ?? ',');
  const sayCount = (key, n, args = {}) => say(`${key}.${n === 1 ? 'one' : 'other'}`, { ...args, n: (n < 0 ? '-' : '') + digits(n) });
  // A node's type in the UI's words ("work" -> "Werk"); a type the viewer does not know is the slice's own.
  const typeWord = (type) => words[`kind.${type}.one`] ?? type;

  let label = options.label ?? null; // null: the viewer's own name for itself ("Research graph")
  let mirrorCount = 0;
  const setLabel = (text) => {
    label = text || null;
    const name = label ?? say('a11y.label');
    canvas.setAttribute('aria-label', name);
    mirrorHeading.textContent = sayCount('a11y.list', mirrorCount, { label: name });
  };

  const describe = (id) => {
    const n = nodesById.get(id);
    return n ? say('a11y.node', { label: n.label || n.id, type: typeWord(n.type) }) : String(id);
  };
  let announced;
  const announce = (id) => {
    if (id === announced) return;
    announced = id;
    if (id == null) { live.textContent = say('a11y.cleared'); return; }
    const n = nodesById.get(id);
    const count = n && Array.isArray(n.neighbors) ? n.neighbors.length : 0;
    live.textContent = sayCount('a11y.selected', count, { name: describe(id) });
  };

  // The hidden list: one item per node, "type: label, connected to a, b, c".
  const refreshMirror = () => {
    let nodes = [];
    try { nodes = command({ cmd: 'nodes' }).nodes ?? []; } catch (err) { console.warn(err.message); }
    nodesById = new Map(nodes.map((n) => [n.id, n]));
    mirrorCount = nodes.length;
    const items = nodes.map((n) => {
      const li = doc.createElement('li');
      li.dataset.id = n.id;
      const names = (n.neighbors ?? []).map((id) => nodesById.get(id)?.label || id);
      const parts = { type: typeWord(n.type), label: n.label || n.id };
      li.textContent = names.length ? say('a11y.itemLinks', { ...parts, names: names.join('; ') }) : say('a11y.itemAlone', parts);
      return li;
    });
    setLabel(label);
    mirrorList.replaceChildren(...items);
  };

  // 4. keyboard ---------------------------------------------------------------------------

  // Registered before the module's own canvas listeners (section 2 put SDL's there), so
  // stopImmediatePropagation keeps SDL from handling (and preventDefault-ing) these keys.
  // Keys whose keydown went on to SDL because the viewer's search box was being typed in:
  // their keyup must follow, or the UI would see the key held down for ever.
  const passedOn = new Set();
  const onKey = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Tab') {
      // The viewer's own order (the graph, its nodes while one is selected, the panels'
      // controls); past its end the page moves the focus on, so there is no keyboard trap.
      // SDL never sees Tab.
      e.stopImmediatePropagation();
      if (e.type !== 'keydown') return;
      let answer = null;
      try { answer = command({ cmd: 'key', key: e.shiftKey ? 'Shift+Tab' : 'Tab' }); } catch (err) { console.warn(err.message); }
      if (!answer?.handled) return;
      e.preventDefault();
      announce(answer.selected);
      return;
    }
    if (!NAV_KEYS.has(e.key)) return;
    // A text field of the viewer's own UI is being edited: "-", "+" and the arrows are
    // its text and caret, SDL passes them on to Dear ImGui.
    if (e.type !== 'keydown') {
      if (passedOn.has(e.key)) {
        if (e.type === 'keyup') passedOn.delete(e.key);
        return;
      }
      if (module._rgv_wants_keyboard?.()) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    if (module._rgv_wants_keyboard?.()) { passedOn.add(e.key); return; }
    const key = e.key === '=' ? '+' : e.key;
    let answer = null;
    try { answer = command({ cmd: 'key', key }); } catch (err) { console.warn(err.message); }
    // The viewer says a text field took the keyboard in the same frame (a click on the
    // search box not yet seen by _rgv_wants_keyboard): the key is text, SDL passes it on.
    if (answer && answer.handled === false) { passedOn.add(e.key); return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (answer && 'selected' in answer) announce(answer.selected);
  };
  // SDL's listeners sit on the canvas in the bubble phase (section 1, or the SDL hint);
  // ours listens in the capture phase, which runs first at the target in current browsers.
  for (const type of KEY_EVENTS) canvas.addEventListener(type, onKey, { capture: true });
  cleanups.push(() => { for (const type of KEY_EVENTS) canvas.removeEventListener(type, onKey, { capture: true }); });

  // 5. theme ------------------------------------------------------------------------------

  // One matchMedia listener per viewer; it re-sends the theme while the current one
  // follows the OS (auto, or colours without a base). Removed by destroy().
  const darkQuery = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  let themeSpec = options.theme ?? 'auto';
  let themeFollows = false;
  // The canvas's own colours follow the viewer's answer: the focus ring, and the background
  // shown before the first frame and around it while the container resizes.
  const styleForTheme = () => {
    let theme = null;
    try { theme = viewer.state().theme ?? null; } catch { /* destroyed */ }
    if (!theme) return;
    ringColor = theme.dark ? RING_DARK : RING_LIGHT;
    if (canvas.style.outline && canvas.style.outline !== 'none') canvas.style.outline = `3px solid ${ringColor}`;
    if (theme.colors?.background) canvas.style.background = theme.colors.background.slice(0, 7);
  };
  // Sends the theme; throws the viewer's error (strict: setTheme) or warns (at start).
  const applyTheme = (spec, strict) => {
    const { theme, follows } = resolveTheme(spec, darkQuery?.matches ?? false);
    const answer = strict ? command({ cmd: 'set_theme', theme }) : tryCommand({ cmd: 'set_theme', theme });
    if (answer) { themeSpec = spec; themeFollows = follows; styleForTheme(); }
    return answer;
  };
  const onSchemeChange = () => { if (!destroyed && themeFollows) applyTheme(themeSpec, false); };
  if (darkQuery) {
    darkQuery.addEventListener('change', onSchemeChange);
    cleanups.push(() => darkQuery.removeEventListener('change', onSchemeChange));
  }

  // 5b. language ---------------------------------------------------------------------------

  // The UI's language: a shipped one ("de") or any tag with the host's strings by key
  // (docs/js-api.md lists them), over English. The locale's digit grouping and decimal
  // mark come from Intl unless the strings give them, so numbers read as the page's do.
  const separators = (lang) => {
    const out = {};
    try {
      for (const part of new Intl.NumberFormat(lang).formatToParts(1234567.5)) {
        // A narrow no-break space (fr) drawn as a no-break space: the same gap, in every font.
        if (part.type === 'group') out['number.group'] = part.value.replace(/\u202f/g, '\u00a0');
        if (part.type === 'decimal') out['number.decimal'] = part.value;
      }
    } catch { /* not a tag Intl knows: the viewer says what is wrong with it */ }
    return out;
  };
  // Sends the language; throws the viewer's error (strict: setLanguage) or warns (at start).
  const applyLanguage = (lang, strings, strict) => {
    if (strings !== undefined && strings !== null && (typeof strings !== 'object' || Array.isArray(strings))) {
      const message = 'rgv: set_language: "strings" must be an object of UI string keys to texts';
      if (strict) throw new Error(message);
      console.warn(message);
      return null;
    }
    const tag = lang ? String(lang) : 'en';
    const cmd = { cmd: 'set_language', lang: tag, strings: { ...separators(tag), ...(strings ?? {}) } };
    // Refused at start: the words the viewer has (English), so nothing reads as a key.
    const answer = (strict ? command(cmd) : tryCommand(cmd)) ?? tryCommand({ cmd: 'ui_strings' });
    if (!answer) return null;
    if (answer.warning) console.warn(`rgv: ${answer.warning}`);
    words = answer.strings ?? {};
    canvas.setAttribute('aria-roledescription', say('a11y.role'));
    help.textContent = say('a11y.help');
    setLabel(label);
    if (mirrorCount) refreshMirror();
    return answer;
  };

  // A finger for a pointer ((pointer: coarse): a phone, a tablet): the viewer's hints say
  // tap and pinch. Followed live (a tablet's keyboard cover changes it).
  const coarseQuery = typeof matchMedia === 'function' ? matchMedia('(pointer: coarse)') : null;
  const sendPointer = () => { if (!destroyed) tryCommand({ cmd: 'set_pointer', coarse: !!coarseQuery?.matches }); };
  if (coarseQuery) {
    coarseQuery.addEventListener('change', sendPointer);
    cleanups.push(() => coarseQuery.removeEventListener('change', sendPointer));
  }

  // 6. URL hash ---------------------------------------------------------------------------

  // The deep link is C++'s: the "view" event carries it as payload.hash (no '#') and
  // {cmd:'restore', hash} applies one. Here it is only kept in location.hash both ways.
  let lastHash = null;
  const initialHash = options.hash ? location.hash.replace(/^#/, '') : '';
  // Applies a hash for the page (initial link, hashchange): a bad value is reported with
  // the viewer's message, which names the key ("cam: expected X,Y,ZOOM ..."), as a console
  // warning and an "error" event, and the link is applied again without that key so the
  // rest of it still holds.
  // (The hash is cut at '&' by hand: URLSearchParams would re-encode the ',' between list
  // items, which C++ reads before percent-decoding.)
  const restoreFromHash = (hash) => {
    let parts = hash.split('&').filter(Boolean);
    while (parts.length) {
      try {
        command({ cmd: 'restore', hash: parts.join('&') });
        return;
      } catch (err) {
        console.warn(`rgv: the link in the URL: ${err.message}`);
        emit('error', { message: err.message });
        const key = /^rgv: (?:restore: )*([A-Za-z]+):/.exec(err.message)?.[1];
        const rest = parts.filter((p) => p.split('=')[0] !== key);
        if (!key || rest.length === parts.length) return;
        parts = rest;
      }
    }
  };
  if (options.hash) {
    const onHashChange = () => {
      const hash = location.hash.replace(/^#/, '');
      if (hash !== lastHash) { lastHash = hash; restoreFromHash(hash); }
    };
    window.addEventListener('hashchange', onHashChange);
    cleanups.push(() => window.removeEventListener('hashchange', onHashChange));
  }

  // Opens an http(s) link from the viewer in a new tab, unless a listener opted out with
  // event.preventDefault() (the host page opens it its own way, or not at all).
  const openUrl = (payload) => {
    let prevented = false;
    Object.defineProperties(payload, {
      preventDefault: { value: () => { prevented = true; }, enumerable: false },
      defaultPrevented: { get: () => prevented, enumerable: false },
    });
    emit('openUrl', payload);
    if (prevented) return;
    let url;
    try { url = new URL(payload.url, doc.baseURI); } catch { return; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    doc.defaultView.open(url.href, '_blank', 'noopener,noreferrer');
  };

  // Events from the C++ side; "load" refreshes the mirror first so listeners see it.
  let restoredOnce = false;
  function onEvent(name, payload) {
    glHooks.activity();
    if (name === 'fontsNeeded') { fetchPieces(payload.pieces ?? []); return; }
    if (name === 'load' || name === 'error') secondSoon();
    if (name === 'load') {
      refreshMirror();
      if (options.hash && !restoredOnce) {
        restoredOnce = true;
        lastHash = initialHash;
        if (initialHash) restoreFromHash(initialHash);
      }
    } else if (name === 'select') {
      announce(payload.id ?? null);
    } else if (name === 'expand') {
      emit('expand', payload);
      if (payload.url && !payload.handled) viewer.expand(payload.id, payload.url);
      return;
    } else if (name === 'openUrl') {
      openUrl(payload);
      return;
    } else if (name === 'view' && options.hash && restoredOnce && typeof payload.hash === 'string') {
      // Not before the initial link is applied: it would be overwritten by the default view.
      if (payload.hash !== lastHash) {
        lastHash = payload.hash;
        const rest = `${location.pathname}${location.search}`;
        history.replaceState(history.state, '', payload.hash ? `${rest}#${payload.hash}` : rest);
      }
    }
    emit(name, payload);
  }

  // 7. GL context -------------------------------------------------------------------------

  // A WebGL context can be lost at any moment: a driver reset, a phone dropping a background
  // tab's contexts, Chromium dropping the oldest one when a page holds more than 16. The
  // viewer keeps it restorable (preventDefault), draws nothing while it is gone (a notice
  // says so), and makes every GL object again when it is back (rgv_gl_restored): slice,
  // positions, pins, selection, camera, filters and theme live in the model, not in GL.
  //
  // Parked: a page may hold forty viewers, more than Chromium's 16 contexts. A viewer
  // scrolled out of view draws one more frame, keeps it as a still image over the canvas,
  // gives its context back (WEBGL_lose_context) and stops its loop; near the viewport
  // again it asks for the context back, draws, and the still goes. So only the viewers
  // near the viewport hold a context, whatever the count on the page.
  //
  // Asleep: a viewer whose frames have looked the same for a second stops its main loop
  // too (no CPU, no GPU); input on the canvas, anything the page hands over (commands,
  // slices, fonts, a resize) and reading state() wake it.
  const QUIET_FRAMES = 60;
  const gl = canvas.getContext('webgl2');
  const loseExt = gl?.getExtension('WEBGL_lose_context') ?? null;
  let glLost = false;    // the context is gone, whoever took it
  let parked = false;    // gone because this viewer gave it back (out of view)
  let restoring = false; // restoreContext() asked, webglcontextrestored not yet come
  let stillWanted = false; // the next frame is copied to the still, then the context goes
  let stillShown = false;
  let stillHideAfterFrame = false;
  let asleep = false;
  let quiet = 0;         // frames in a row that were skipped, with no event

  // The still image: a 2D canvas over the viewer's, in the DOM only while parked.
  const still = doc.createElement('canvas');
  still.className = 'rgv-still';
  still.setAttribute('aria-hidden', 'true');
  Object.assign(still.style, { position: 'absolute', pointerEvents: 'none' });
  const notice = doc.createElement('div');
  notice.className = 'rgv-notice';
  notice.setAttribute('role', 'status');
  Object.assign(notice.style, {
    position: 'absolute', left: '50%', top: '50%', transform: 'translate(-50%, -50%)', display: 'none',
    padding: '8px 14px', borderRadius: '6px', font: '13px system-ui, sans-serif', pointerEvents: 'none',
    background: 'rgba(32, 33, 36, 0.85)', color: '#fff', maxWidth: '80%', textAlign: 'center',
  });
  container.append(notice);
  cleanups.push(() => { still.remove(); notice.remove(); });
  const cover = (el) => Object.assign(el.style, {
    left: `${canvas.offsetLeft}px`, top: `${canvas.offsetTop}px`,
    width: `${canvas.clientWidth}px`, height: `${canvas.clientHeight}px`,
  });
  const setNotice = (text) => { notice.textContent = text; notice.style.display = text ? 'block' : 'none'; };

  const sleep = () => { if (!asleep && !destroyed) { asleep = true; module.pauseMainLoop(); } };
  const wake = () => {
    quiet = 0;
    if (asleep && !destroyed) { asleep = false; module.resumeMainLoop(); }
  };
  // Parked viewers wake too: a command or a slice runs its frames (undrawn) until still.
  module.rgvWake = wake;

  // Near the viewport or not: park or come back.
  const park = () => {
    if (destroyed || !loseExt || glLost || stillWanted) return;
    stillWanted = true;
    wake();
    module._rgv_redraw();
  };
  // Back in view with no context (parked, or lost to the browser): ask for it again, once
  // a slot is free; asked again every 2 s until webglcontextrestored comes.
  const bringBack = async () => {
    if (restoring) return;
    restoring = true;
    await takeContextSlot(holder);
    while (!destroyed && glLost && holder.inView) {
      try { loseExt.restoreContext(); } catch { /* not lost any more, or not restorable yet */ }
      await new Promise((resolve) => { setTimeout(resolve, 2000); });
    }
    restoring = false;
  };
  const settle = () => {
    if (destroyed || !loseExt) return;
    if (!holder.inView && !glLost) park();
    else if (holder.inView && glLost) { wake(); bringBack(); }
  };
  holder.park = park;
  glHooks.settle = settle;

  glHooks.activity = () => { quiet = 0; };
  glHooks.afterFrame = () => {
    if (destroyed) return;
    const drawn = module._rgv_frame_drawn() === 1;
    if (stillWanted && drawn) {
      // Right after the frame, in its task: the drawing buffer still holds it.
      stillWanted = false;
      if (holder.inView) return;
      still.width = canvas.width;
      still.height = canvas.height;
      still.getContext('2d').drawImage(canvas, 0, 0);
      cover(still);
      container.append(still);
      stillShown = true;
      parked = true;
      loseExt.loseContext();
      return;
    }
    if (stillHideAfterFrame && drawn) {
      stillHideAfterFrame = false;
      still.remove();
      still.width = still.height = 0; // its pixels go too
      stillShown = false;
      setNotice('');
    }
    // Idle: nothing drawn, nothing moving (a layout or a camera flight goes on while parked,
    // undrawn, so the graph is settled when it comes back into view).
    quiet = drawn || module._rgv_busy() === 1 ? 0 : quiet + 1;
    if ((parked && quiet > 0) || (quiet >= QUIET_FRAMES && !stillWanted && !module._rgv_wants_keyboard())) sleep();
  };

  const onLost = (e) => {
    e.preventDefault(); // "restorable": without it webglcontextrestored never comes
    if (destroyed) return;
    glLost = true;
    module._rgv_gl_lost();
    giveContextSlot(holder);
    const reason = parked ? 'offscreen' : 'browser';
    if (!parked) {
      setNotice(say('notice.contextLost'));
      // A context the browser took (to make room, a reset) comes back when asked.
      if (holder.inView && loseExt) setTimeout(() => { if (glLost && !destroyed) settle(); }, 250);
    }
    emit('contextLost', { reason });
  };
  const onRestored = () => {
    if (destroyed) return;
    gl.rgvResetShadow?.();
    // Extensions are per context: enabled again, as Emscripten did when it made it.
    for (const ext of gl.getSupportedExtensions() ?? []) if (!/lose_context|debug/.test(ext)) gl.getExtension(ext);
    holders.add(holder); // restored by the browser itself: it holds one again
    const error = module.UTF8ToString(module._rgv_gl_restored());
    const reason = parked ? 'inView' : 'browser';
    glLost = false;
    parked = false;
    restoring = false;
    wake();
    if (error) {
      setNotice(say('notice.restoreFailed', { error }));
      emit('error', { message: `rgv: the GL context came back but ${error}` });
    } else {
      stillHideAfterFrame = stillShown || notice.style.display !== 'none';
    }
    emit('contextRestored', { reason });
    settle(); // scrolled away again meanwhile: park again
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  // Input on the canvas wakes the loop (SDL has queued the event for the next frame).
  const WAKE_EVENTS = ['pointerdown', 'pointermove', 'pointerup', 'pointerleave', 'wheel', 'keydown', 'keyup',
    'touchstart', 'touchmove', 'touchend', 'focus', 'blur'];
  for (const type of WAKE_EVENTS) canvas.addEventListener(type, module.rgvWake, { passive: true });
  settle(); // created out of view: park at once
  cleanups.push(() => {
    canvas.removeEventListener('webglcontextlost', onLost);
    canvas.removeEventListener('webglcontextrestored', onRestored);
    for (const type of WAKE_EVENTS) canvas.removeEventListener(type, module.rgvWake, { passive: true });
    glHooks.afterFrame = () => {};
  });

  // 7b. the wasm's second part -----------------------------------------------------------
  // rgv_viewer.wasm holds what the first frames run; the rest (importers of other formats,
  // exports, shaping of complex scripts, ...) is rgv_viewer.deferred.wasm
  // (tools/wasm-split.mjs), fetched once the first slice is shown (or failed), compiled once
  // per page and instantiated here. Without a slice it comes a second after the start.
  const secondSoon = () => requestAnimationFrame(() => setTimeout(() => { if (!destroyed) second.start(); }, 0));
  if (!earlySlice) setTimeout(secondSoon, 1000);

  // 8. the API ----------------------------------------------------------------------------

  const alive = () => { if (destroyed) throw new Error('rgv: this viewer was destroyed'); };
  // Fetches a slice chunk by chunk, telling the viewer the bytes so far and the total when
  // the server sent Content-Length, so the loading view shows real progress.
  const fetchText = async (url) => {
    let pending = null;
    if (earlySlice && earlySlice.url === url) { pending = earlySlice.response; earlySlice = null; }
    const response = await (pending ?? fetch(url));
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const progress = (bytes, total) => { if (!destroyed) module._rgv_loading_progress?.(bytes, total); };
    // A compressed response's Content-Length counts the compressed bytes, while the reader
    // sees them decompressed: then the total is unknown.
    const coding = response.headers.get('Content-Encoding');
    let total = Number(response.headers.get('Content-Length')) || 0;
    if (coding && coding !== 'identity') total = 0;
    if (!response.body) return response.text();
    progress(0, total);
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (destroyed) { reader.cancel().catch(() => {}); break; }
      chunks.push(value);
      bytes += value.length;
      if (bytes > total) total = 0; // the header was wrong
      progress(bytes, total);
    }
    const all = new Uint8Array(bytes);
    let at = 0;
    for (const c of chunks) { all.set(c, at); at += c.length; }
    return new TextDecoder().decode(all); // drops a BOM, like response.text()
  };

  const viewer = {
    canvas,
    /** Loads a slice from a URL, a parsed object, or {text, name} (file contents); true on success. */
    async load(source) {
      alive();
      let text;
      let name;
      if (typeof source === 'string') {
        name = source;
        withCString(module, name, (p) => module._rgv_begin_loading?.(p));
        try {
          text = await fetchText(source);
        } catch (err) {
          if (destroyed) return false;
          withCString(module, `${source}: ${err.message}`, (p) => module._rgv_fail_loading(p));
          return false;
        }
        if (destroyed) return false;
      } else if (source && typeof source === 'object' && typeof source.text === 'string') {
        text = source.text;
        name = source.name ?? '(text)';
      } else if (source && typeof source === 'object') {
        name = '(object)';
        text = JSON.stringify(source);
      } else {
        throw new TypeError('load: expected a URL, a slice object or {text, name}');
      }
      return withCString(module, name, (namePtr) =>
        withCString(module, text, (textPtr) => module._rgv_load_json(textPtr, namePtr) === 1));
    },
    /** Merges another slice in around `anchorId` (what the "expand" event does by itself). */
    async expand(anchorId, url) {
      alive();
      let text;
      withCString(module, anchorId ?? '', (p) => module._rgv_begin_expand?.(p));
      try { text = await fetchText(url); } catch (err) {
        // The viewer shows the message, ends the expansion and fires "error".
        if (!destroyed) withCString(module, `${url}: ${err.message}`, (p) => module._rgv_fail_loading(p));
        return false;
      }
      if (destroyed) return false;
      const ok = withCString(module, text, (t) => withCString(module, url, (s) =>
        withCString(module, anchorId ?? '', (a) => module._rgv_merge_json(t, s, a) === 1)));
      if (ok) refreshMirror();
      return ok;
    },
    focus(id) { command({ cmd: 'focus', id }); },
    select(id) { const answer = command({ cmd: 'select', id: id ?? null }); announce(id ?? null); return answer; },
    setFilter(filter) { command({ cmd: 'set_filter', filter: filter ?? {} }); },
    setColorMode(mode) { command({ cmd: 'set_color_mode', mode }); },
    setSizeMode(mode) { command({ cmd: 'set_size_mode', mode }); },
    setMode(mode) { command({ cmd: 'set_mode', mode }); },
    /**
     * Tells the viewer what the page draws over its canvas (a toolbar), in CSS px from each
     * edge: fit, focus, the graph's cards and messages keep out of it. Missing edges are 0.
     */
    setInsets({ top = 0, right = 0, bottom = 0, left = 0 } = {}) { command({ cmd: 'set_insets', top, right, bottom, left }); },
    /** 'light', 'dark', 'auto' (follows prefers-color-scheme) or an object of colours (rgv.d.ts ThemeColors). */
    setTheme(theme) { alive(); applyTheme(theme, true); },
    /**
     * The UI's language: 'de' (shipped), 'en', or any tag with `strings` (key -> text, over
     * English; keys in docs/js-api.md). Throws for a bad tag or a bad string, changing nothing.
     */
    setLanguage(lang, strings) { alive(); applyLanguage(lang, strings, true); },
    /** {lang, shipped, strings}: the UI's language and every string by key, as shown now. */
    uiStrings() { const { lang, shipped, strings } = command({ cmd: 'ui_strings' }); return { lang, shipped, strings }; },
    /** The UI string `key` in the viewer's language, its {placeholders} filled from `args`
     *  in one pass; the key itself if there is no such string. */
    say(key, args) { return say(key, args); },
    /** Replaces the accessible name (the canvas's aria-label and the hidden list's heading). */
    setLabel(text) { alive(); setLabel(text); },
    /** Fetches a TTF and hands it to the viewer, which redraws its text with it; false if it failed. */
    setFont(url) { alive(); return url ? loadFont(url) : usePieces(fetchManifest().catch((err) => ({ error: err }))); },
    setExpandTemplate(template) { command({ cmd: 'set_expand_template', template }); },
    fit() { command({ cmd: 'fit' }); },
    /** Zooms by `factor` (> 1 closer) about the centre of the graph area, animated. */
    zoomBy(factor) { command({ cmd: 'zoom_by', factor }); },
    /** Moves the picture by (dx, dy) CSS pixels, as a drag of that length would. */
    panBy(dx, dy) { command({ cmd: 'pan_by', dx, dy }); },
    /** The camera: the world point at the graph area's centre and the zoom (CSS px per world unit). */
    getCamera() { const { x, y, zoom } = viewer.state().camera; return { x, y, zoom }; },
    /** Sets the camera absolutely; {animate: true} glides there instead of jumping. */
    setCamera(camera, { animate = false } = {}) {
      const { x, y, zoom } = camera ?? {};
      command({ cmd: 'set_camera', camera: { x, y, zoom }, animate: !!animate });
    },
    undo() { command({ cmd: 'undo' }); refreshMirror(); },
    /** Applies a deep link ("sel=ID&color=community&cam=0,0,2", with or without '#'). */
    restore(hash) { command({ cmd: 'restore', hash: String(hash ?? '').replace(/^#/, '') }); },
    /** The current view as a deep link, without '#' (what the "view" event carries as `hash`). */
    viewHash() { return command({ cmd: 'view_hash' }).hash; },
    nodes() { return command({ cmd: 'nodes' }).nodes; },
    command(obj) { return command(obj); },
    /** A PNG of the graph at `scale` times the canvas size. */
    async exportPNG(scale = 1) {
      // The image draws the labels of the last frame: a couple of frames for the viewer to
      // ask for the pieces of what it draws, then wait (up to 10 s) until no piece is on
      // its way and no text waits for one (else the image would hold boxes), then frames
      // drawn with the new glyphs.
      const frame = () => new Promise((resolve) => { requestAnimationFrame(() => resolve()); setTimeout(resolve, 100); });
      await frame();
      await frame();
      for (const until = performance.now() + 10000; (piecesLoading.size > 0 || viewer.state().fonts?.pending) && performance.now() < until;) await frame();
      await frame();
      await frame();
      const { width, height, ptr } = command({ cmd: 'export_png', scale });
      const pixels = new Uint8ClampedArray(module.HEAPU8.buffer, ptr, width * height * 4).slice();
      const image = new ImageData(pixels, width, height);
      if (typeof OffscreenCanvas === 'function') {
        const off = new OffscreenCanvas(width, height);
        off.getContext('2d').putImageData(image, 0, 0);
        return off.convertToBlob({ type: 'image/png' });
      }
      const c = doc.createElement('canvas');
      c.width = width;
      c.height = height;
      c.getContext('2d').putImageData(image, 0, 0);
      return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('rgv: PNG encoding failed'))), 'image/png'));
    },
    exportSVG() { return command({ cmd: 'export_svg' }).svg; },
    exportJSON() { return command({ cmd: 'export_json' }).json; },
    /** Everything the viewer knows about itself (status, error, counts, camera, labels...). */
    // The search box's search: [{id, label, matched?}] best first; matched is the other
    // spelling (alt_labels) that found the node when it was not its label.
    search(query) { alive(); return command({ cmd: 'search', query: String(query ?? '') }).hits; },
    // Reading the state counts as activity: a page (or a test) polling it sees frames go on.
    state() {
      alive();
      module.rgvWake?.();
      const s = JSON.parse(module.UTF8ToString(module._rgv_state_json()));
      s.wasmMemory = module.HEAPU8.buffer.byteLength; // bytes: this viewer's linear memory
      s.deferredWasm = { status: second.status, early: second.early };
      return s;
    },
    stats() {
      const s = viewer.state();
      return { nodes: s.nodes, edges: s.edges, byType: s.byType };
    },
    resize() { alive(); resize(); },
    on(name, fn) {
      if (!listeners.has(name)) throw new Error(`rgv: unknown event "${name}" (one of ${EVENTS.join(', ')})`);
      listeners.get(name).add(fn);
      return () => viewer.off(name, fn);
    },
    /** Like on(), but the listener is removed after its first call. */
    once(name, fn) {
      const wrapper = (payload) => { viewer.off(name, wrapper); fn(payload); };
      wrapper.listener = fn; // so off(name, fn) finds it
      return viewer.on(name, wrapper);
    },
    off(name, fn) {
      const set = listeners.get(name);
      if (!set) return;
      set.delete(fn);
      for (const f of set) if (f.listener === fn) set.delete(f);
    },
    get destroyed() { return destroyed; },
    /** Stops the instance and frees it: main loop, GL context, listeners, canvas. Idempotent. */
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try { module._rgv_shutdown?.(); } catch (err) { console.warn(`rgv: shutdown: ${err.message}`); }
      for (const fn of cleanups.reverse()) { try { fn(); } catch (err) { console.warn(err); } }
      cleanups.length = 0;
      for (const set of listeners.values()) set.clear();
      nodesById = new Map();
      module = null;
    },
  };

  // The theme before the first slice: 'auto' unless told otherwise. A build or a value the
  // viewer refuses leaves its default theme, with a warning.
  applyTheme(themeSpec, false);
  applyLanguage(options.lang, options.strings, false);
  sendPointer();
  if (options.mode !== undefined) tryCommand({ cmd: 'set_mode', mode: options.mode });
  if (options.expandTemplate !== undefined) tryCommand({ cmd: 'set_expand_template', template: options.expandTemplate });
  if (options.src !== undefined && options.src !== null && options.src !== '') await viewer.load(options.src);
  // The start's problems, for listeners added once this resolves.
  const pending = startProblems;
  startProblems = null;
  if (pending.length) setTimeout(() => { if (!destroyed) for (const message of pending) emit('error', { message }); });
  return viewer;
}
