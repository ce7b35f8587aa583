// serve.mjs — a small static file server for the web build, bound to 127.0.0.1 only.
// Used by `tools/rgv-dev serve` and by the browser tests. (python's http.server would
// do, but older Pythons serve .mjs with a MIME type that browsers refuse for modules.)
//
//   node tools/serve.mjs DIR [PORT]        PORT 0 picks a free one
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain',
};

// { gzip: true }: answers a request that accepts it with the file gzipped (-9, as a host's
// server or CDN would; the benchmark's throttled network then carries those bytes).
export function startServer(root, port = 0, { gzip = false } = {}) {
  const base = path.resolve(root);
  const zipped = new Map(); // file -> gzipped bytes
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) { res.writeHead(403).end('forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${url.pathname}`); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!zipped.has(file)) zipped.set(file, gzipSync(data, { level: 9 }));
        data = zipped.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port = '8080'] = process.argv.slice(2);
  if (!dir) { console.error('usage: node tools/serve.mjs DIR [PORT]'); process.exit(2); }
  const server = await startServer(dir, Number(port));
  console.log(`rgv: serving ${path.resolve(dir)}`);
  console.log(`rgv: open http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
