// research-graph.js — the <research-graph> custom element, built on rgv.js.
//
//   <script type="module" src="research-graph.js"></script>
//   <research-graph src="slice.json" mode="compact" style="height: 420px"></research-graph>
//
// Attributes: src, mode (compact | explorer), expand-template, color-mode, font, label,
// theme ("light", "dark", "auto" — the default, following the OS — or a JSON object of
// colours, see rgv.d.ts); lang (the UI's language, as HTML's lang: the element's own or
// its nearest ancestor's, so <html lang="de"> gives a German viewer) and strings (a JSON
// object of UI strings by key, over the language's; docs/js-api.md); assets-base, wasm-url, deferred-wasm-url, font-pieces (where the package's files
// are served when not next to the module, e.g. a CDN; read once, at start). Changing src reloads; changing the others updates the running
// viewer (font: the new font is fetched and the text redrawn with it; label: the accessible
// name). The viewer's events are dispatched on the element as CustomEvents named
// "rgv-<event>" (rgv-load, rgv-error, rgv-progress, rgv-hover, rgv-select, rgv-action,
// rgv-expand, rgv-view, rgv-openUrl) with the payload as `detail`; they bubble and cross
// shadow roots (composed). rgv-openUrl is cancelable: preventDefault() on it keeps the
// viewer from opening the link in a new tab. Prefixed
// names, because a bubbling "load", "error" or "select" would be mistaken for the DOM's own
// events by the host page (window.onerror handlers, for instance). "rgv-ready" fires once
// the viewer runs. The canvas lives in a shadow root so page styles do not reach it.
import { createResearchGraph, EVENTS } from './rgv.js';

const STYLE = `
  :host { display: block; position: relative; height: 420px; min-height: 120px; contain: layout; }
  :host([hidden]) { display: none; }
  .frame { position: absolute; inset: 0; }
`;

export class ResearchGraphElement extends HTMLElement {
  static get observedAttributes() { return ['src', 'mode', 'expand-template', 'color-mode', 'font', 'label', 'theme', 'lang', 'strings']; }

  #viewer = null;
  #starting = null;
  #frame;
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.#frame = document.createElement('div');
    this.#frame.className = 'frame';
    root.append(style, this.#frame);
  }

  /** The running viewer (see rgv.d.ts), or null before it started / after removal. */
  get viewer() { return this.#viewer; }
  /** Resolves to the viewer once it runs. */
  get ready() { return this.#starting ?? Promise.resolve(this.#viewer); }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }
  get mode() { return this.getAttribute('mode') ?? 'compact'; }
  set mode(value) { this.setAttribute('mode', value); }

  // The theme attribute: a name as it is, "{...}" as JSON; bad JSON is reported (rgv-error)
  // and the viewer keeps following the OS.
  #theme(value) {
    const text = (value ?? '').trim();
    if (!text) return 'auto';
    if (!text.startsWith('{')) return text;
    try { return JSON.parse(text); } catch (err) {
      this.#report(`research-graph: the theme attribute is not valid JSON (${err.message})`);
      return 'auto';
    }
  }

  // The UI's language as HTML has it: the element's lang, else the nearest ancestor's.
  #lang() { return this.closest('[lang]')?.getAttribute('lang') || undefined; }
  // The strings attribute: a JSON object; bad JSON is reported and the language's own kept.
  #strings(value) {
    const text = (value ?? '').trim();
    if (!text) return undefined;
    try { return JSON.parse(text); } catch (err) {
      this.#report(`research-graph: the strings attribute is not valid JSON (${err.message})`);
      return undefined;
    }
  }

  connectedCallback() {
    if (this.#viewer || this.#starting) return;
    const generation = ++this.#generation;
    this.#starting = createResearchGraph(this.#frame, {
      mode: this.mode,
      expandTemplate: this.getAttribute('expand-template') ?? undefined,
      font: this.getAttribute('font') ?? undefined,
      label: this.getAttribute('label') ?? undefined,
      theme: this.#theme(this.getAttribute('theme')),
      lang: this.#lang(),
      strings: this.#strings(this.getAttribute('strings')),
      // Where the package's files are served, when not next to the module (read at start).
      assetsBase: this.getAttribute('assets-base') || undefined,
      wasmUrl: this.getAttribute('wasm-url') || undefined,
      deferredWasmUrl: this.getAttribute('deferred-wasm-url') || undefined,
      fontPieces: this.getAttribute('font-pieces') || undefined,
    }).then(async (viewer) => {
      if (generation !== this.#generation) { viewer.destroy(); return null; } // removed meanwhile
      this.#viewer = viewer;
      for (const name of EVENTS) {
        viewer.on(name, (detail) => {
          // rgv-openUrl can be cancelled like a DOM event; that opts out of the new tab.
          const event = new CustomEvent(`rgv-${name}`, { detail, bubbles: true, composed: true, cancelable: name === 'openUrl' });
          if (!this.dispatchEvent(event) && name === 'openUrl') detail.preventDefault();
        });
      }
      const colorMode = this.getAttribute('color-mode');
      if (colorMode) this.#try(() => viewer.setColorMode(colorMode));
      this.dispatchEvent(new CustomEvent('rgv-ready', { detail: { viewer }, bubbles: true, composed: true }));
      if (this.src) await viewer.load(this.src);
      return viewer;
    }).catch((err) => {
      this.dispatchEvent(new CustomEvent('rgv-error', { detail: { message: String(err.message ?? err) }, bubbles: true, composed: true }));
      return null;
    }).finally(() => { if (generation === this.#generation) this.#starting = null; });
  }

  disconnectedCallback() {
    // A move (remove + insert in one task) keeps the viewer; a real removal frees it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#generation++;
      this.#starting = null;
      this.#viewer?.destroy();
      this.#viewer = null;
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    const viewer = this.#viewer;
    if (!viewer || oldValue === value) return; // before start, connectedCallback reads them
    if (name === 'src') { if (value) viewer.load(value); }
    else if (name === 'mode') this.#try(() => viewer.setMode(value || 'compact'));
    else if (name === 'expand-template') this.#try(() => viewer.setExpandTemplate(value ?? ''));
    else if (name === 'color-mode') this.#try(() => viewer.setColorMode(value || 'type'));
    else if (name === 'label') viewer.setLabel(value ?? '');
    else if (name === 'font') {
      // No attribute: back to the fonts that ship with the viewer.
      viewer.setFont(value || null).then((ok) => {
        if (!ok) this.#report(`research-graph: font ${value} could not be loaded`);
      });
    } else if (name === 'theme') {
      const theme = this.#theme(value);
      this.#try(() => viewer.setTheme(theme));
    } else if (name === 'lang' || name === 'strings') {
      const strings = this.#strings(this.getAttribute('strings'));
      this.#try(() => viewer.setLanguage(this.#lang(), strings));
    }
  }

  // Attribute changes can't throw at the page; they report like the viewer's own errors.
  #try(fn) {
    try { fn(); } catch (err) { this.#report(err.message); }
  }
  #report(message) {
    this.dispatchEvent(new CustomEvent('rgv-error', { detail: { message }, bubbles: true, composed: true }));
  }

  // Shortcuts to the viewer (they throw if it is not running yet: await element.ready).
  #need() { if (!this.#viewer) throw new Error('research-graph: the viewer is not running yet (await element.ready)'); return this.#viewer; }
  load(source) { return this.#need().load(source); }
  focusNode(id) { this.#need().focus(id); }
  select(id) { return this.#need().select(id); }
  setFilter(filter) { this.#need().setFilter(filter); }
  setColorMode(mode) { this.#need().setColorMode(mode); }
  setTheme(theme) { this.#need().setTheme(theme); }
  setLanguage(lang, strings) { this.#need().setLanguage(lang, strings); }
  uiStrings() { return this.#need().uiStrings(); }
  say(key, args) { return this.#need().say(key, args); }
  exportPNG(scale) { return this.#need().exportPNG(scale); }
  exportSVG() { return this.#need().exportSVG(); }
  exportJSON() { return this.#need().exportJSON(); }
  stats() { return this.#need().stats(); }
}

if (!customElements.get('research-graph')) customElements.define('research-graph', ResearchGraphElement);
