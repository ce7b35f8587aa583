// rgv.d.ts — types for rgv.js (createResearchGraph) and research-graph.js (<research-graph>).

/** A node id as written in the slice, e.g. "person:zhezhi-he". */
export type NodeId = string;
export type NodeType = 'work' | 'person' | 'topic' | 'institution' | (string & {});
export type ViewerMode = 'compact' | 'explorer';
export type ColorMode = 'type' | 'community' | 'year';
export type SizeMode = 'degree' | 'citations';
export type ActionName = 'follow' | 'claim' | 'connect' | 'open-explorer';
export type NavKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape' | '+' | '-' | 'Tab';

/** An rgv-slice document (docs/slice-format.md); other formats the viewer imports are accepted too. */
export interface Slice {
  schema: 'rgv-slice';
  version: 1;
  focus?: NodeId;
  profile?: Record<string, unknown>;
  nodes: Array<{ id: NodeId; type: NodeType; label?: string; x?: number; y?: number; pinned?: boolean; attrs?: Record<string, unknown>; [key: string]: unknown }>;
  edges?: Array<{ source: NodeId; target: NodeId; type?: string; weight?: number; directed?: boolean; attrs?: Record<string, unknown>; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** What load() accepts: a URL, a parsed slice (any supported format), or file contents. */
export type SliceSource = string | Slice | Record<string, unknown> | { text: string; name?: string };

/** What setFilter takes and state().filter / the "view" event report. */
export interface Filter {
  typesHidden?: NodeType[];
  years?: [number, number];
  /** With `years`: hide the nodes that have no year too. */
  hideUndated?: boolean;
  topics?: NodeId[];
}

/** The world point at the centre of the graph area and the zoom (CSS px per world unit). */
export interface Camera { x: number; y: number; zoom: number }

/**
 * The view as the "view" event reports it. `hash` is the deep link made by the viewer,
 * without '#': "focus=ID&sel=ID&color=community&size=citations&years=2019-2022&undated=hide
 * &hide=topic,institution&topics=ID&cam=X,Y,ZOOM&mode=compact" (defaults left out, values
 * percent-encoded); restore(hash) applies one.
 */
export interface ViewState {
  focus: NodeId | null;
  selected: NodeId | null;
  mode: ViewerMode;
  colorMode: ColorMode;
  sizeMode: SizeMode;
  filter: Filter;
  camera: Camera;
  hash: string;
}

export type ThemeName = 'light' | 'dark';
export type ThemeColorName = 'background' | 'text' | 'panel' | 'accent' | 'work' | 'person' | 'topic'
  | 'institution' | 'other' | 'focus' | 'edge' | 'highlight';
/** A CSS hex colour: "#rgb", "#rrggbb" or "#rrggbbaa". */
export type HexColor = `#${string}`;
/**
 * Colours over a base theme. Without `base` the object is laid over the OS scheme
 * (prefers-color-scheme) and follows it when it changes, like 'auto'.
 */
export type ThemeColors = { base?: ThemeName } & { [K in ThemeColorName]?: HexColor };
/** 'auto' (the default) follows prefers-color-scheme, live. */
export type Theme = ThemeName | 'auto' | ThemeColors;
/** state().theme: the theme in use, every colour resolved ("#rrggbb" or "#rrggbbaa"). */
export interface ThemeState {
  name: ThemeName | 'custom';
  dark: boolean;
  colors: Record<ThemeColorName, string>;
}

export interface ViewerOptions {
  /** The slice to load at start: a URL (relative to the page) or an object. */
  src?: SliceSource;
  /** "compact" for an embedded section, "explorer" for the full-page viewer. */
  mode?: ViewerMode;
  /** 'auto' (default: follows prefers-color-scheme), 'light', 'dark' or colours over a base. */
  theme?: Theme;
  /** URL template for expanding a node, e.g. "slices/{id}.json". */
  expandTemplate?: string;
  /**
   * URL of one TTF / OTF font to draw all text with (what it lacks shows as boxes). Default:
   * none — the font pieces next to rgv.js (fonts/pieces-base.json first, the full
   * fonts/pieces-compact.json when the text needs a piece beyond the base), fetched per script
   * as the slice's text needs them.
   */
  font?: string;
  /**
   * URL of the font pieces' manifest (the pieces are fetched next to it). Default: found
   * like the wasm (see wasmUrl), fonts/pieces-base.json of the package (its "more" entry
   * names the full manifest, fetched when the text needs it). A full manifest
   * (pieces-compact.json, pieces.json) works too.
   */
  fontPieces?: string;
  /**
   * URL of the viewer's wasm (rgv_viewer.wasm). Default: next to rgv.js, written so that
   * `vite build` and webpack emit it with the bundle; when that is not there (the Vite dev
   * server, esbuild), /node_modules/research-graph-viewer/rgv_viewer.wasm on the page's
   * origin. It is fetched and compiled once per page, whatever the number of viewers.
   */
  wasmUrl?: string;
  /**
   * URL of the wasm's second part (rgv_viewer.deferred.wasm: what the first frames do not
   * run, fetched after the first frame). Default: beside the wasm, found the same way
   * (wasmUrl given: the same URL with ".deferred.wasm" for ".wasm").
   */
  deferredWasmUrl?: string;
  /**
   * A folder served like the package (rgv_viewer.wasm, fonts/pieces-base.json and the
   * pieces), e.g. a CDN's copy: "https://cdn.example.org/research-graph-viewer@0.1.0/".
   * wasmUrl and fontPieces, when given, win over it. Relative URLs are relative to the page.
   */
  assetsBase?: string;
  /**
   * Keep location.hash in sync with the view (deep links; history.replaceState, no new
   * history entries): the hash at start and on hashchange is applied with restore(); a bad
   * value warns and fires "error" naming the key, and the rest of the link still applies.
   * For full-page explorers.
   */
  hash?: boolean;
  /** Accessible name of the graph (default: the UI string "a11y.label", "Research graph"). */
  label?: string;
  /**
   * The UI's language (BCP 47): "en" (default), "de" (shipped), or any tag with `strings`.
   * Numbers are grouped as Intl.NumberFormat(lang) does unless `strings` gives
   * "number.group" / "number.decimal". Text from the slice is never translated.
   */
  lang?: string;
  /** UI strings by key over the language's own (keys and English texts: docs/js-api.md). */
  strings?: UiStringTable;
}

/** UI string key -> text; {name} placeholders as in the English text; counted strings as key.one / key.other. */
export type UiStringTable = Record<string, string>;

export interface UiStrings {
  /** The language shown (the tag as given). */
  lang: string;
  /** The languages shipped with the viewer: ["en", "de"]. */
  shipped: string[];
  /** Every key with its text as shown now. */
  strings: UiStringTable;
}

export interface LoadEvent {
  nodes: number;
  edges: number;
  format: string;
  warnings?: string[];
  /** After an expansion: what it added. */
  merged?: { nodesAdded: number; edgesAdded: number };
  /** The load was an undo of an expansion. */
  undo?: boolean;
}
/**
 * A slice that did not load, a bad deep link, or a file of the viewer that could not be
 * fetched (a font manifest or piece: "rgv: expected a font file at URL (got text/html); ...").
 * Problems at start are sent just after createResearchGraph resolves.
 */
/** message: the exact, technical message; summary: the same in plain words, as the viewer shows it. */
export interface ErrorEvent { message: string; summary: string }
/**
 * "download": the slice is being fetched; "expand": a node's slice to merge; "layout": the
 * nodes are being placed. value is 0..1, or null while the total size is unknown (no
 * Content-Length); bytes and total come with the download phases.
 */
export interface ProgressEvent { phase: LoadingPhase; value: number | null; bytes?: number; total?: number | null }
export type LoadingPhase = 'download' | 'expand' | 'layout';
export interface HoverEvent { id: NodeId | null }
export interface SelectEvent { id: NodeId | null }
/** `id`: the node the action is for; null for "open-explorer" when the slice has no focus. */
export interface ActionEvent { action: ActionName; id: NodeId | null }
export interface ExpandEvent {
  id: NodeId;
  /** The node's slice URL, made from the expand template. */
  url: string;
  /** Set to true in a listener that fetches and merges (expand()) by itself. */
  handled?: boolean;
}
export type ViewEvent = ViewState;
/**
 * A link the user followed in the viewer (http and https only). Unless a listener calls
 * preventDefault(), the viewer opens it in a new tab (noopener, noreferrer).
 */
export interface OpenUrlEvent {
  url: string;
  /** Opt out: the host page opens the link itself, or not at all. */
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/**
 * The viewer's WebGL context went away or came back. `offscreen` / `inView`: the viewer
 * gave it back itself when scrolled out of view (a still image shows meanwhile) and took it
 * again; `browser`: the browser took it (a driver reset, a phone, too many contexts) or
 * gave it back. Nothing of the view is lost either way.
 */
export interface ContextLostEvent { reason: 'offscreen' | 'browser'; }
export interface ContextRestoredEvent { reason: 'inView' | 'browser'; }

export interface ViewerEventMap {
  load: LoadEvent;
  error: ErrorEvent;
  progress: ProgressEvent;
  hover: HoverEvent;
  select: SelectEvent;
  action: ActionEvent;
  expand: ExpandEvent;
  view: ViewEvent;
  openUrl: OpenUrlEvent;
  contextLost: ContextLostEvent;
  contextRestored: ContextRestoredEvent;
}
export type ViewerEventName = keyof ViewerEventMap;
export declare const EVENTS: readonly ViewerEventName[];

export interface Stats {
  nodes: number;
  edges: number;
  byType: Record<string, number>;
}

/** The viewer's own report of itself (rgv_state_json); every key camelCase; fields may grow. */
export interface ViewerState {
  status: 'empty' | 'building' | 'ready';
  error: string;
  /** The error in plain words, as on the canvas ("" when there is none). */
  errorSummary: string;
  source: string;
  format: string;
  warnings: string[];
  frames: number;
  /** Frames drawn; the others would have looked the same as the last one and were skipped. */
  framesDrawn: number;
  /** Bytes of this viewer's wasm linear memory (grows, never shrinks). */
  wasmMemory: number;
  /** The GL context: lost now (nothing drawn), and how often it was lost and restored. */
  gl: { lost: boolean; losses: number; restores: number };
  /**
   * The wasm's second part (rgv_viewer.deferred.wasm), fetched once the first slice is
   * shown. `early`: something needed it before it came, and it was loaded on the spot.
   */
  deferredWasm: { status: 'waiting' | 'loading' | 'loaded' | 'failed'; early: boolean };
  /** Frames that drew every node and edge; the others reused that image (hover, selection, panels). */
  graphDraws: number;
  nodes: number;
  edges: number;
  /** Node count per type; the keys are the slice's type names. */
  byType: Record<string, number>;
  focus: NodeId | null;
  profileName: string;
  hovered: NodeId | null;
  selected: NodeId | null;
  layout: { progress: number; iterations: number; converged: boolean };
  camera: Camera;
  /** [x, y, width, height] in canvas CSS px. */
  graphArea: [number, number, number, number];
  /** The UI font's sizes as drawn (px, ascent to descent): small (labels, legend), regular, large. */
  textPx: [number, number, number];
  pixelRatio: number;
  mode: ViewerMode;
  colorMode: ColorMode;
  sizeMode: SizeMode;
  filter: Filter;
  visibleNodes: number;
  /** The slice's oldest and newest year (what colour by year ramps over), null without years. */
  yearRange: [number, number] | null;
  /** Where the keyboard is: the graph, or a panel's control that Tab moved to (its box, canvas px). */
  keyboard: { on: 'graph' } | { on: 'panel'; box: [number, number, number, number] };
  /** The colour and size modes this slice has no data for, each with the reason as the panel tells it. */
  modesWithoutData: Partial<Record<ColorMode | SizeMode, string>>;
  /** Per node type, the smallest and largest radius as sized now (world units; the focus left out). */
  radii: Record<string, [number, number]>;
  communities: number;
  canUndo: boolean;
  /** The node being expanded, or "". */
  expanding: string;
  /** Screen boxes of the viewer's action controls. */
  actions: Array<{ action: ActionName | 'expand' | (string & {}); id: NodeId | null; box: [number, number, number, number] }>;
  /** The search box: its text, the number of results and their ids, best first. */
  search: { query: string; hits: number; ids: NodeId[] };
  /** What the viewer is busy with, as its progress bar shows it. */
  loading: { phase: LoadingPhase | 'idle'; fraction: number | null; bytes: number; total: number | null; text: string };
  /** Screen boxes (canvas CSS px, [x0, y0, x1, y1]) of panel controls, keyed by control name: "search", "legend:<type>", "tab:Profile", ... */
  ui: Record<string, [number, number, number, number]>;
  /** The panels' controls in sight, in Tab order, whatever widget draws them: the label as
   *  shown (cut at "##"; "" for an unlabelled one) and the screen box. */
  controls: Array<{ label: string; box: [number, number, number, number] }>;
  /** The Profile tab's works list as shown. */
  works: { newestFirst: boolean; order: NodeId[] };
  /** The profile card's texts as drawn in the last frame (empty while the tab is hidden). */
  profileCard: string[];
  /** The details' texts as drawn: title, facts, authors, citations, each link as "caption url", the abstract. */
  detailsCard: string[];
  /** Placed labels: screen box and the text as placed (cut with "…" to its width); `short`:
   *  a work labelled by its short form ("He et al. 2022", or its title cut at a word) because
   *  its title does not fit (the full title shows on hover, on selection and in the details). */
  labels: Array<{ id: NodeId; box: [number, number, number, number]; text: string; short: boolean }>;
  /** Node screen positions (canvas CSS px), keyed by node id; graphs up to 500 nodes. */
  screen: Record<NodeId, [number, number]>;
  theme: ThemeState;
  [key: string]: unknown;
}

export interface MirrorNode { id: NodeId; type: NodeType; label: string; neighbors: NodeId[] }

export interface CommandAnswer { ok: true; [key: string]: unknown }

export interface ResearchGraphViewer {
  /** The canvas the viewer draws on (focusable). */
  readonly canvas: HTMLCanvasElement;
  readonly destroyed: boolean;
  /** Loads a slice; resolves true on success. On failure the old graph stays and an "error" event fires. */
  load(source: SliceSource): Promise<boolean>;
  /** Merges the slice at `url` in around `anchorId` (the "expand" event does this by itself). */
  expand(anchorId: NodeId, url: string): Promise<boolean>;
  focus(id: NodeId): void;
  select(id: NodeId | null): CommandAnswer;
  setFilter(filter: Filter): void;
  setColorMode(mode: ColorMode): void;
  setSizeMode(mode: SizeMode): void;
  setMode(mode: ViewerMode): void;
  /** What the page draws over the canvas, in CSS px from each edge: fit, focus and the viewer's cards keep out of it. */
  setInsets(insets: { top?: number; right?: number; bottom?: number; left?: number }): void;
  /** 'light', 'dark', 'auto' (follows prefers-color-scheme, live) or colours; throws the viewer's message on a bad value. */
  setTheme(theme: Theme): void;
  /** The UI's language and strings (see ViewerOptions.lang); throws the viewer's message for a bad tag or string, changing nothing. */
  setLanguage(lang: string, strings?: UiStringTable): void;
  /** The UI's language and every string by key. */
  uiStrings(): UiStrings;
  /** The UI string `key` in the viewer's language with its `{placeholders}` filled from `args` in one pass (a value that contains "{n}" stays as it is); the key itself if there is no such string. For a host's own words beside the viewer's (the explorer page's toolbar uses the `page.*` keys). */
  say(key: string, args?: Record<string, string | number>): string;
  /** Replaces the accessible name (canvas aria-label, heading of the hidden node list). */
  setLabel(label: string): void;
  /** Fetches a TTF and hands it over; the text is redrawn with it. Resolves false if it could not be loaded. */
  /** One font for all text, or null to go back to the shipped font pieces. */
  setFont(url: string | null): Promise<boolean>;
  setExpandTemplate(template: string): void;
  /** Fits the graph into the graph area. */
  fit(): void;
  /** Zooms by `factor` (> 1 closer) about the graph area's centre, animated. */
  zoomBy(factor: number): void;
  /** Moves the picture by (dx, dy) CSS pixels, like a drag of that length. */
  panBy(dx: number, dy: number): void;
  /** The camera now (same shape as state().camera and the "view" event's camera). */
  getCamera(): Camera;
  /** Sets the camera absolutely; `animate: true` glides there. */
  setCamera(camera: Camera, options?: { animate?: boolean }): void;
  /** Undoes the last expand. */
  undo(): void;
  /** Applies a deep link (ViewState.hash; a leading '#' is allowed). Throws with the viewer's message naming the bad key. */
  restore(hash: string): void;
  /** The current view's deep link, without '#'. */
  viewHash(): string;
  nodes(): MirrorNode[];
  /** A raw command (see the C API); throws with the viewer's message when it fails. */
  command(command: { cmd: string; [key: string]: unknown }): CommandAnswer;
  exportPNG(scale?: number): Promise<Blob>;
  exportSVG(): string;
  exportJSON(): string;
  /** Search labels and other spellings (any script, case and accents ignored), best first. */
  search(query: string): Array<{ id: string; label: string; matched?: string }>;
  state(): ViewerState;
  stats(): Stats;
  /** Re-reads the container's size (the viewer also follows it by itself). */
  resize(): void;
  /** Adds a listener; returns a function that removes it. */
  on<K extends ViewerEventName>(name: K, callback: (payload: ViewerEventMap[K]) => void): () => void;
  /** Adds a listener that is removed after its first call; returns a function that removes it sooner. */
  once<K extends ViewerEventName>(name: K, callback: (payload: ViewerEventMap[K]) => void): () => void;
  /** Removes a listener added with on() or once(). */
  off<K extends ViewerEventName>(name: K, callback: (payload: ViewerEventMap[K]) => void): void;
  /** Frees the wasm instance, its GL context and listeners, and removes the canvas. Idempotent. */
  destroy(): void;
}

/**
 * Makes a viewer in `container`. Rejects when the wasm cannot be loaded or started; the
 * message names the URLs tried ("rgv: expected a wasm file at URL (got text/html); ...")
 * and is also shown in the container.
 */
export declare function createResearchGraph(container: HTMLElement, options?: ViewerOptions): Promise<ResearchGraphViewer>;

/**
 * <research-graph src mode expand-template color-mode font label theme lang strings assets-base wasm-url font-pieces>
 * (theme: light | dark | auto | JSON colours; lang: the element's or its nearest ancestor's,
 * as HTML's; strings: JSON, UI strings by key; assets-base, wasm-url, font-pieces: the options
 * assetsBase, wasmUrl, fontPieces, read at start).
 */
export declare class ResearchGraphElement extends HTMLElement {
  static readonly observedAttributes: string[];
  readonly viewer: ResearchGraphViewer | null;
  readonly ready: Promise<ResearchGraphViewer | null>;
  src: string;
  mode: ViewerMode | string;
  load(source: SliceSource): Promise<boolean>;
  /** Zooms onto a node (named so because HTMLElement.focus() moves keyboard focus). */
  focusNode(id: NodeId): void;
  select(id: NodeId | null): CommandAnswer;
  setFilter(filter: Filter): void;
  setColorMode(mode: ColorMode): void;
  setTheme(theme: Theme): void;
  setLanguage(lang: string, strings?: UiStringTable): void;
  uiStrings(): UiStrings;
  say(key: string, args?: Record<string, string | number>): string;
  exportPNG(scale?: number): Promise<Blob>;
  exportSVG(): string;
  exportJSON(): string;
  stats(): Stats;
}

export type ResearchGraphEventMap = {
  [K in ViewerEventName as `rgv-${K}`]: CustomEvent<ViewerEventMap[K]>;
} & { 'rgv-ready': CustomEvent<{ viewer: ResearchGraphViewer }> };

declare global {
  interface HTMLElementTagNameMap {
    'research-graph': ResearchGraphElement;
  }
  interface HTMLElementEventMap extends ResearchGraphEventMap {}
}
