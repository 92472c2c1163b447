// Serves the repository root so the demo pages can load ../dist/station-map.iife.js and their
// bundled sample data. Plain node:http: the demo needs nothing but a built dist/.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  // No charset: the sample is GBK, as Excel saves it on Chinese Windows; the widget tells.
  '.csv': 'text/csv',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pmtiles': 'application/vnd.pmtiles',
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    statSync(path);
  } catch {
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/demo/' }).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const type = types[extname(path)] ?? 'application/octet-stream';
  // Byte ranges, as any web server and CDN answers them: the national demo's PMTiles archive is
  // read a directory and a tile at a time.
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const size = statSync(path).size;
  if (range && Number(range[1]) < size) {
    const start = Number(range[1]);
    const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
    res.writeHead(206, { 'content-type': type, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
    createReadStream(path, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': size });
  createReadStream(path).pipe(res);
});

server.listen(port, host, () => {
  console.log(`station-map demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/`);
});
