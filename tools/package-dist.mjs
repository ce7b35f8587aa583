// package-dist.mjs — assembles the npm package of the viewer from the web build:
// build/web-release/web → build/web-release/dist (module, wasm, font pieces, types, README,
// package.json, LICENSE and the third-party licences), ready for `npm pack` or
// `npm install ./dist`. web/assets.js finds the wasm and the fonts in ways bundlers follow
// (new URL literals; fonts/files.js, written here, lists every piece that way) and the
// folder also works served as it is (docs/bundlers.md).
//
//   node tools/package-dist.mjs [WEB_DIR] [DIST_DIR]     defaults: build/web-release/{web,dist}
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.resolve(process.argv[2] ?? path.join(root, 'build/web-release/web'));
const distDir = path.resolve(process.argv[3] ?? path.join(path.dirname(webDir), 'dist'));

// From the web build: what the module needs at run time. From web/: the type definitions
// (they are not copied into the web build by every CMake version of the project).
const FROM_BUILD = ['rgv.js', 'research-graph.js', 'assets.js', 'rgv_viewer.mjs', 'rgv_viewer.wasm', 'rgv_viewer.deferred.wasm'];
const FROM_SOURCE = ['rgv.d.ts', 'research-graph.d.ts'];

const missing = FROM_BUILD.filter((f) => !fs.existsSync(path.join(webDir, f)));
if (missing.length) {
  console.error(`package-dist: missing in ${webDir}: ${missing.join(', ')} (build the web-release preset first)`);
  process.exit(1);
}
const version = fs.readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8').match(/project\(rgv VERSION ([0-9.]+)/)?.[1] ?? '0.0.0';

fs.rmSync(distDir, { recursive: true, force: true });
fs.mkdirSync(path.join(distDir, 'fonts'), { recursive: true });
for (const f of FROM_BUILD) fs.copyFileSync(path.join(webDir, f), path.join(distDir, f));
// The font pieces (tools/fonts/build_pieces.py): the manifests, every piece they list and
// the fonts' licences, when the build made them.
const FONT_PIECES = [];
const piecesJson = path.join(webDir, 'fonts/pieces.json');
if (fs.existsSync(piecesJson)) {
  const manifest = JSON.parse(fs.readFileSync(piecesJson, 'utf8'));
  FONT_PIECES.push('fonts/pieces.json', 'fonts/pieces-compact.json', 'fonts/pieces-base.json',
    ...manifest.pieces.map((p) => `fonts/${p.file}`),
    ...new Set(manifest.sources.map((s) => `fonts/${s.licence}`)));
  fs.mkdirSync(path.join(distDir, 'fonts/LICENSES'), { recursive: true });
  for (const f of FONT_PIECES) fs.copyFileSync(path.join(webDir, f), path.join(distDir, f));
  // Every piece as a literal new URL(): what Vite and webpack follow to emit a file with the
  // build. assets.js imports this only when a bundler renamed the manifest (then the pieces
  // cannot be found next to it by name); served as it is, the package never loads it.
  // pieces-compact.json too: the base manifest's "more" entry, fetched when text needs it.
  const lines = ['pieces-compact.json', ...manifest.pieces.map((p) => p.file)]
    .map((file) => `  ${JSON.stringify(file)}: new URL(${JSON.stringify(`./${file}`)}, import.meta.url).href,`);
  fs.writeFileSync(path.join(distDir, 'fonts/files.js'), '// fonts/files.js, written by tools/package-dist.mjs: each font piece\'s URL, '
    + 'as bundlers rewrite it.\nexport default {\n' + lines.join('\n') + '\n};\n');
}
// The licences: the project's (MIT) and those of what is compiled into the wasm.
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(distDir, 'LICENSE'));
fs.cpSync(path.join(root, 'licenses'), path.join(distDir, 'licenses'), { recursive: true });
for (const f of FROM_SOURCE) {
  const built = path.join(webDir, f);
  fs.copyFileSync(fs.existsSync(built) ? built : path.join(root, 'web', f), path.join(distDir, f));
}

const pkg = {
  name: 'research-graph-viewer',
  version,
  description: 'Research Graph Viewer (rgv): an embeddable researcher graph, C++/WebGL2 compiled to WebAssembly. One import, one tag.',
  type: 'module',
  main: './rgv.js',
  module: './rgv.js',
  types: './rgv.d.ts',
  // Every public entry: the API module (also by its file name), the element, the types,
  // and the files a host may serve from elsewhere (wasmUrl, fontPieces, assetsBase).
  exports: {
    '.': { types: './rgv.d.ts', default: './rgv.js' },
    './rgv.js': { types: './rgv.d.ts', default: './rgv.js' },
    './element': { types: './research-graph.d.ts', default: './research-graph.js' },
    './research-graph.js': { types: './research-graph.d.ts', default: './research-graph.js' },
    './rgv.d.ts': './rgv.d.ts',
    './research-graph.d.ts': './research-graph.d.ts',
    './rgv_viewer.wasm': './rgv_viewer.wasm',
    './rgv_viewer.deferred.wasm': './rgv_viewer.deferred.wasm',
    './fonts/*': './fonts/*',
    './LICENSE': './LICENSE',
    './licenses/*': './licenses/*',
    './package.json': './package.json',
  },
  files: [...FROM_BUILD, ...FROM_SOURCE, ...(FONT_PIECES.length ? ['fonts/'] : []), 'README.md', 'LICENSE', 'licenses/'],
  sideEffects: ['./research-graph.js'],
  keywords: ['graph', 'research', 'webassembly', 'webgl2', 'web-component', 'custom-element'],
  license: 'MIT',
};
fs.writeFileSync(path.join(distDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);


fs.writeFileSync(path.join(distDir, 'README.md'), `# research-graph-viewer ${version}

The Research Graph Viewer (rgv) for web pages: a researcher's papers, co-authors, topics and
institutions as an interactive graph (WebGL2 + WebAssembly). Each viewer runs its own wasm
instance; several viewers on one page are independent.

## Install

\`\`\`sh
npm install ./research-graph-viewer-${version}.tgz     # or: npm install path/to/dist
\`\`\`

Served as it is (\`/node_modules/research-graph-viewer/\`, a CDN), \`rgv.js\` finds
\`rgv_viewer.wasm\` and the font pieces (\`fonts/pieces-base.json\`, then \`pieces-compact.json\` and the pieces it
lists; a slice fetches only the pieces its scripts need) next to itself. Bundled, with no
configuration: \`vite build\` and webpack 5 emit them with the build (they follow the
package's \`new URL('…', import.meta.url)\`); the Vite dev server and esbuild are served
from \`/node_modules/research-graph-viewer/\` on the page's origin. Elsewhere (a CDN, a
production esbuild build), say where: the \`assetsBase\` option (\`assets-base\`
attribute), or \`wasmUrl\` and \`fontPieces\`. A file that cannot be loaded is named in the
viewer and in an \`error\` event.

## One tag

\`\`\`html
<script type="module" src="/node_modules/research-graph-viewer/research-graph.js"></script>
<research-graph src="slice.json" mode="compact" style="height: 420px"></research-graph>
<script>
  document.querySelector('research-graph')
    .addEventListener('rgv-action', (e) => console.log(e.detail.action, e.detail.id));
</script>
\`\`\`

Attributes: \`src\`, \`mode\` (compact | explorer), \`expand-template\`, \`color-mode\`, \`font\`,
\`label\`, \`assets-base\`, \`wasm-url\`, \`font-pieces\`, \`theme\` (light | dark | auto, the default, following the OS | JSON colours).
Events (CustomEvent, bubbling, composed; payload in \`detail\`): \`rgv-ready\`,
\`rgv-load\`, \`rgv-error\`, \`rgv-progress\`, \`rgv-hover\`, \`rgv-select\`, \`rgv-action\`,
\`rgv-expand\`, \`rgv-view\`, \`rgv-openUrl\` (cancelable: preventDefault keeps the link
from opening in a new tab).

## The JS API

\`\`\`js
import { createResearchGraph } from 'research-graph-viewer';
const viewer = await createResearchGraph(document.getElementById('graph'), {
  src: 'slice.json',            // URL or a parsed object
  mode: 'compact',              // or 'explorer'
  expandTemplate: 'slices/{id}.json',
});
viewer.on('action', ({ action, id }) => { /* follow | claim | connect | open-explorer */ });
viewer.on('select', ({ id }) => {});
viewer.select('person:zhezhi-he');
viewer.setFilter({ typesHidden: ['topic'] });
viewer.setColorMode('community');
viewer.setTheme('dark');                 // 'light' | 'dark' | 'auto' | {base, accent, ...}
viewer.zoomBy(1.5);                      // also panBy(dx, dy), getCamera(), setCamera({x, y, zoom})
const png = await viewer.exportPNG(2);   // Blob
const svg = viewer.exportSVG();          // string
console.log(viewer.stats());             // { nodes, edges, byType }
viewer.destroy();                        // frees the wasm instance, GL context, listeners
\`\`\`

Types: \`rgv.d.ts\` (API, element, \`HTMLElementTagNameMap['research-graph']\`).

Keyboard: Tab into the graph; arrow keys move between neighbours, Enter zooms to the
selection, Escape clears it, + and - zoom. A visually hidden list mirrors the graph for
screen readers and a live region announces the selection.

Fonts: pieces of DejaVu Sans, Noto, Noto CJK and Symbola from Debian (fonts/LICENSES/).

Licence: MIT (LICENSE); what is compiled into the wasm: licenses/README.md.
`);

console.log(`package-dist: ${distDir} (research-graph-viewer ${version})`);
