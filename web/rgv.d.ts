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

export interface Filter {
  types_hidden?: NodeType[];
  years?: [number, number];
  topics?: NodeId[];
}

export interface Camera { x: number; y: number; zoom: number }

/** The view as the "view" event reports it and "restore" accepts it (deep links). */
export interface ViewState {
  focus?: NodeId | null;
  selected?: NodeId | null;
  filter?: Filter;
  color_mode?: ColorMode;
  size_mode?: SizeMode;
  camera?: Camera;
  mode?: ViewerMode;
}

export interface Theme {
  colors?: Record<string, string>;
  [key: string]: unknown;
}

export interface ViewerOptions {
  /** The slice to load at start: a URL (relative to the page) or an object. */
  src?: SliceSource;
  /** "compact" for an embedded section, "explorer" for the full-page viewer. */
  mode?: ViewerMode;
  /** Colours and other theme settings (passed to the viewer; ignored by builds without themes). */
  theme?: Theme;
  /** Shorthand for theme.colors. */
  colors?: Record<string, string>;
  /** URL template for expanding a node, e.g. "slices/{id}.json". */
  expandTemplate?: string;
  /** URL of a TTF font; default: fonts/DejaVuSans.ttf next to rgv.js. */
  font?: string;
  /** Keep the URL hash in sync with the view (deep links); for full-page explorers. */
  hash?: boolean;
  /** Accessible name of the graph (default "Research graph"). */
  label?: string;
}

export interface LoadEvent { nodes: number; edges: number; format: string }
export interface ErrorEvent { message: string }
/**
 * "download": the slice is being fetched; "expand": a node's slice to merge; "layout": the
 * nodes are being placed. value is 0..1, or null while the total size is unknown (no
 * Content-Length); bytes and total come with the download phases.
 */
export interface ProgressEvent { phase: LoadingPhase; value: number | null; bytes?: number; total?: number | null }
export type LoadingPhase = 'download' | 'expand' | 'layout';
export interface HoverEvent { id: NodeId | null }
export interface SelectEvent { id: NodeId | null }
export interface ActionEvent { action: ActionName; id: NodeId }
export interface ExpandEvent { id: NodeId; url: string }
export type ViewEvent = ViewState;

export interface ViewerEventMap {
  load: LoadEvent;
  error: ErrorEvent;
  progress: ProgressEvent;
  hover: HoverEvent;
  select: SelectEvent;
  action: ActionEvent;
  expand: ExpandEvent;
  view: ViewEvent;
}
export type ViewerEventName = keyof ViewerEventMap;
export declare const EVENTS: readonly ViewerEventName[];

export interface Stats {
  nodes: number;
  edges: number;
  byType: Record<string, number>;
}

/** The viewer's own report of itself (rgv_state_json); fields may grow. */
export interface ViewerState {
  status: 'empty' | 'building' | 'ready';
  error: string;
  source: string;
  format: string;
  warnings: string[];
  frames: number;
  /** Frames drawn; the others would have looked the same as the last one and were skipped. */
  frames_drawn?: number;
  /** Frames that drew every node and edge; the others reused that image (hover, selection, panels). */
  graph_draws?: number;
  nodes: number;
  edges: number;
  by_type: Record<string, number>;
  focus: NodeId;
  profile_name: string;
  hovered: NodeId | null;
  selected: NodeId | null;
  layout: { progress: number; iterations: number; converged: boolean };
  camera: { center_x: number; center_y: number; zoom: number };
  graph_area: [number, number, number, number];
  pixel_ratio: number;
  labels: Array<{ id: NodeId; box: [number, number, number, number] }>;
  screen?: Record<NodeId, [number, number]>;
  mode?: ViewerMode;
  color_mode?: ColorMode;
  filter?: Filter;
  visible_nodes?: number;
  size_mode?: SizeMode;
  /** What the viewer is busy with, as its progress bar shows it. */
  loading?: { phase: LoadingPhase | 'idle'; fraction: number | null; bytes: number; total: number | null; text: string };
  /** The search box: its text, the number of results and their ids, best first. */
  search?: { query: string; hits: number; ids: NodeId[] };
  /** Screen boxes (canvas CSS px, [x0, y0, x1, y1]) of panel controls: "search", "legend:<type>", "works_sort", "tab:Profile", ... */
  ui?: Record<string, [number, number, number, number]>;
  /** The Profile tab's works list as shown. */
  works?: { newest_first: boolean; order: NodeId[] };
  /** The profile card's texts as drawn in the last frame (empty while the tab is hidden). */
  profile_card?: string[];
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
  /** Returns false when this build has no themes. */
  setTheme(theme: Theme): boolean;
  setExpandTemplate(template: string): void;
  fit(): void;
  zoom(factor: number): void;
  /** Moves the picture by (dx, dy) CSS pixels, like a drag. */
  pan(dx: number, dy: number): void;
  /** Undoes the last expand. */
  undo(): void;
  restore(state: ViewState): void;
  nodes(): MirrorNode[];
  /** A raw command (see the C API); throws with the viewer's message when it fails. */
  command(command: { cmd: string; [key: string]: unknown }): CommandAnswer;
  exportPNG(scale?: number): Promise<Blob>;
  exportSVG(): string;
  exportJSON(): string;
  state(): ViewerState;
  stats(): Stats;
  /** Re-reads the container's size (the viewer also follows it by itself). */
  resize(): void;
  /** Adds a listener; returns a function that removes it. */
  on<K extends ViewerEventName>(name: K, callback: (payload: ViewerEventMap[K]) => void): () => void;
  off<K extends ViewerEventName>(name: K, callback: (payload: ViewerEventMap[K]) => void): void;
  /** Frees the wasm instance, its GL context and listeners, and removes the canvas. Idempotent. */
  destroy(): void;
}

export declare function createResearchGraph(container: HTMLElement, options?: ViewerOptions): Promise<ResearchGraphViewer>;

/** <research-graph src mode expand-template color-mode font label> */
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
