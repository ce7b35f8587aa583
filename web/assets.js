// assets.js — where the viewer's files are, each fetch checked, and the wasm compiled once
// per page. Used by rgv.js; not a public entry of the package.
//
// The files: rgv_viewer.wasm, fonts/pieces-base.json (the font manifest) and the font
// pieces it lists (fonts/<piece>.ttf / .otf, fetched by name when a slice's text needs them).
//
// Where they are looked for, the first that answers with the right kind of file wins:
//   1. The options, for hosts that serve the files elsewhere (a CDN): wasmUrl, fontPieces
//      (the manifest; the pieces are next to it), assetsBase (a folder laid out like the
//      package: rgv_viewer.wasm, fonts/...). Given, they are the only place tried.
//   2. Next to this module, written as literal new URL('./file', import.meta.url): Vite
//      (`vite build`) and webpack 5 follow that pattern, emit the file with the build and
//      rewrite the URL (hashed names). The pieces are listed the same way in fonts/files.js,
//      imported only when a bundler renamed the manifest (then they cannot be found by name).
//   3. /node_modules/research-graph-viewer/ on the page's origin, when 2 has nothing: the
//      Vite dev server pre-bundles the package into node_modules/.vite/deps/ without its
//      files, and esbuild bundles it without them (it does not follow new URL), while both
//      dev servers (and any static server of the project folder) serve node_modules as is.
//      A production esbuild build needs 1 (docs/bundlers.md).
// A failure names every URL tried and what came back ("got text/html", "got HTTP 404"), so
// the viewer can show it instead of a blank canvas.

// [SECTION] where

export const PACKAGE = 'research-graph-viewer';
const MANIFEST = 'fonts/pieces-base.json'; // the first frame's; its "more" entry names the full one

// import.meta.url is undefined in an esbuild IIFE bundle; then the page's URL stands in.
const moduleUrl = (make) => { try { return make().href; } catch { return null; } };
// Literal, so bundlers see them; do not build these from variables.
const WASM_HERE = moduleUrl(() => new URL('./rgv_viewer.wasm', import.meta.url));
const DEFERRED_HERE = moduleUrl(() => new URL('./rgv_viewer.deferred.wasm', import.meta.url));
const MANIFEST_HERE = moduleUrl(() => new URL('./fonts/pieces-base.json', import.meta.url));

const withSlash = (url) => (url.endsWith('/') ? url : `${url}/`);

/**
 * The places to try for the wasm and the font manifest: { wasm: [url...], manifest: [url...] }.
 * `options` are createResearchGraph's (wasmUrl, assetsBase, fontPieces); relative URLs are
 * relative to `pageUrl` (the document's base URL).
 */
export function locate(options, pageUrl) {
  const abs = (url) => new URL(url, pageUrl).href;
  const base = options.assetsBase ? withSlash(abs(options.assetsBase)) : null;
  const devCopy = new URL(`/node_modules/${PACKAGE}/`, pageUrl).href;
  const defaults = (here, file) => {
    const urls = here ? [here] : [];
    const fallback = new URL(file, devCopy).href;
    if (!urls.includes(fallback)) urls.push(fallback);
    return urls;
  };
  // The wasm's second part (what the first frame does not run, tools/wasm-split.mjs) is
  // looked for beside the first, in the same order: deferred[i] goes with wasm[i].
  const deferredOf = (url) => { const u = new URL(url); u.pathname = u.pathname.replace(/(\.wasm)?$/, '.deferred.wasm'); return u.href; };
  return {
    wasm: options.wasmUrl ? [abs(options.wasmUrl)] : base ? [new URL('rgv_viewer.wasm', base).href] : defaults(WASM_HERE, 'rgv_viewer.wasm'),
    deferred: options.deferredWasmUrl ? [abs(options.deferredWasmUrl)] : options.wasmUrl ? [deferredOf(abs(options.wasmUrl))]
      : base ? [new URL('rgv_viewer.deferred.wasm', base).href] : defaults(DEFERRED_HERE, 'rgv_viewer.deferred.wasm'),
    manifest: options.fontPieces ? [abs(options.fontPieces)] : base ? [new URL(MANIFEST, base).href] : defaults(MANIFEST_HERE, MANIFEST),
  };
}

// A manifest that a bundler renamed (or inlined as data:) has no pieces beside it by name;
// fonts/files.js has each piece's URL as the bundler wrote it.
// The full manifest found through it (the base manifest's "more") is renamed the same way.
let pieceMap = null;
const mapped = new Set(); // URLs that came from fonts/files.js
/** The URL of the piece (or manifest) `file` of the manifest found at `manifestUrl`. */
export async function pieceUrl(file, manifestUrl) {
  const renamed = (manifestUrl === MANIFEST_HERE && !new URL(manifestUrl).pathname.endsWith(`/${MANIFEST}`)) ||
    mapped.has(manifestUrl);
  if (!renamed) return new URL(file, manifestUrl).href;
  pieceMap ??= import('./fonts/files.js').then((m) => m.default);
  const url = (await pieceMap)[file];
  if (!url) throw new Error(`rgv: the font piece ${file} is not in fonts/files.js (the manifest at ${manifestUrl} does not match it)`);
  mapped.add(url);
  return url;
}

// [SECTION] fetch and check

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
// TrueType 1.0, OpenType CFF, Apple 'true', collections; what stb_truetype reads.
const FONT_MAGICS = [[0x00, 0x01, 0x00, 0x00], [0x4f, 0x54, 0x54, 0x4f], [0x74, 0x72, 0x75, 0x65], [0x74, 0x74, 0x63, 0x66]];
const KINDS = {
  wasm: { what: 'a wasm file', ok: (b) => startsWith(b, WASM_MAGIC) },
  manifest: { what: 'a font manifest (JSON)', ok: (b) => b.length > 0 && firstChar(b) === '{' },
  font: { what: 'a font file', ok: (b) => FONT_MAGICS.some((m) => startsWith(b, m)) },
};
const startsWith = (bytes, magic) => bytes.length >= magic.length && magic.every((v, i) => bytes[i] === v);
const firstChar = (bytes) => {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return String.fromCharCode(bytes[i]);
};
const typeOf = (response) => (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();

// What came back instead of the file, as the message says it: "HTTP 404", "text/html", ...
function wrongAnswer(response, bytes) {
  if (!response.ok) return `HTTP ${response.status}`;
  const type = typeOf(response);
  if (type === 'text/html' || (bytes && firstChar(bytes) === '<')) return 'text/html';
  return `${bytes ? bytes.length : 0} bytes of ${type || 'unknown type'} that are not one`;
}

// Tries `urls` in order; the first answer of the right kind wins. Otherwise throws
// "rgv: expected a wasm file at A (got HTTP 404) or at B (got text/html)".
// The place that answered for a list, tried first by the next viewer of the page.
const found = new Map();
async function first(kind, urls, read) {
  const tried = [];
  const key = `${kind} ${urls.join(' ')}`;
  const known = found.get(key);
  for (const url of known ? [known, ...urls.filter((u) => u !== known)] : urls) {
    let got;
    try {
      got = await read(url, KINDS[kind]);
    } catch (err) {
      got = { why: err.name === 'CompileError' ? `a wasm file that does not compile: ${err.message}` : `a failed fetch: ${err.message}` };
    }
    if (!got.why) { found.set(key, url); return { ...got, url }; }
    tried.push(`${url} (got ${got.why})`);
  }
  const where = tried.join(' or at ');
  const hint = kind === 'wasm' ? 'set the wasmUrl or assetsBase option to where the package\'s files are served'
    : 'set the fontPieces or assetsBase option to where the package\'s fonts/ are served';
  throw new Error(`rgv: expected ${KINDS[kind].what} at ${where}; ${hint}`);
}

async function readBytes(url, kind) {
  const response = await fetch(url, { credentials: 'same-origin' });
  const bytes = response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  if (!bytes || !kind.ok(bytes)) return { why: wrongAnswer(response, bytes) };
  return { bytes };
}

/** The manifest: { text, url } from the first place that has one, or throws naming them. */
export async function fetchManifest(urls) {
  const { bytes, url } = await first('manifest', urls, readBytes);
  return { text: new TextDecoder().decode(bytes), url };
}

/** A font file's bytes, checked (TrueType / OpenType), or throws naming the URL. */
export async function fetchFont(url) {
  return (await first('font', [url], readBytes)).bytes;
}

// [SECTION] the wasm, compiled once

// url -> Promise<WebAssembly.Module>. Every viewer of the page instantiates the same
// compiled module (its own memory and state); only the first one fetches and compiles.
const compiled = new Map();

async function compileOne(url, kind) {
  const response = await fetch(url, { credentials: 'same-origin' });
  // Streaming compiles while the bytes arrive, but wants the right MIME type; any other
  // answer is read whole and checked first, so HTML or a 404 page gets a clear message.
  if (response.ok && typeOf(response) === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return { module: await WebAssembly.compileStreaming(response) };
  }
  const bytes = response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  if (!bytes || !kind.ok(bytes)) return { why: wrongAnswer(response, bytes) };
  return { module: await WebAssembly.compile(bytes) };
}

/** The compiled viewer module from the first of `urls` that has it: { module, url }. */
export function compileWasm(urls) {
  const key = urls.join(' ');
  let promise = compiled.get(key);
  if (!promise) {
    promise = first('wasm', urls, compileOne);
    compiled.set(key, promise);
    promise.catch(() => compiled.delete(key)); // a later viewer tries again
  }
  return promise;
}

// The second part: compiled once per page after a viewer's first frame (compileDeferred),
// instantiated per viewer over its first part's exports. A function of it called before
// that (placeholders in the first part) needs it at once: deferredNow() has it when the
// compile is done, compileDeferredSync() fetches and compiles it on the spot (a
// synchronous request; Chromium compiles up to 8 MB synchronously on the main thread).
const deferred = new Map(); // url -> { promise, module }

/** The compiled second part from `url` (a Promise of the WebAssembly.Module). */
export function compileDeferred(url) {
  let entry = deferred.get(url);
  if (!entry) {
    entry = { module: null, promise: null };
    entry.promise = first('wasm', [url], compileOne).then(({ module }) => { entry.module = module; return module; });
    entry.promise.catch(() => { if (deferred.get(url) === entry) deferred.delete(url); });
    deferred.set(url, entry);
  }
  return entry.promise;
}

export const deferredNow = (url) => deferred.get(url)?.module ?? null;

export function compileDeferredSync(url) {
  const known = deferredNow(url);
  if (known) return known;
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.overrideMimeType('text/plain; charset=x-user-defined'); // bytes as char codes: the one way a synchronous request reads binary
  let why = null;
  let bytes = null;
  try {
    xhr.send();
    if (xhr.status !== 200 && xhr.status !== 0) why = `HTTP ${xhr.status}`;
    else {
      const text = xhr.responseText;
      bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      if (!KINDS.wasm.ok(bytes)) why = firstChar(bytes) === '<' ? 'text/html' : `${bytes.length} bytes that are not one`;
    }
  } catch (err) {
    why = `a failed fetch: ${err.message}`;
  }
  if (why) throw new Error(`rgv: expected a wasm file at ${url} (got ${why}): the viewer's second part, needed now; set the wasmUrl or assetsBase option to where the package's files are served`);
  const module = new WebAssembly.Module(bytes);
  deferred.set(url, { module, promise: Promise.resolve(module) });
  return module;
}

/**
 * Emscripten's instantiateWasm hook for one viewer: instantiates the shared module with
 * this instance's imports. `onFail` gets an instantiation error (the glue cannot report it).
 */
export const instantiateWith = (module, onFail) => (imports, receiveInstance) => {
  WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), onFail);
  return {}; // asynchronous: the exports come through receiveInstance
};

// [SECTION] the message in the viewer

/**
 * Shows `message` over the viewer's canvas (a wasm that did not load leaves nothing else
 * there; a font that did not load leaves ImGui's ASCII font). Returns the element; an empty
 * message removes it.
 */
export function showProblem(container, message, element = null) {
  if (!message) { element?.remove(); return null; }
  const box = element ?? container.ownerDocument.createElement('div');
  box.className = 'rgv-problem';
  box.setAttribute('role', 'alert');
  Object.assign(box.style, {
    position: 'absolute', left: '8px', right: '8px', top: '8px', padding: '8px 10px', zIndex: '1',
    font: '13px/1.4 system-ui, sans-serif', color: '#5c1010', background: '#fdecec', border: '1px solid #c33',
    borderRadius: '4px', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap',
  });
  box.textContent = message;
  if (!box.isConnected) container.append(box);
  return box;
}
