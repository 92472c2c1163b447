import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, loadStations } from '../../../src/data/load-stations.js';
import { StationMapError } from '../../../src/errors.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { zhTW } from '../../../src/i18n/zh-TW.js';

const STATIONS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'TA-0391',
      geometry: { type: 'Point', coordinates: [117.1306, 36.2117] },
      properties: { name: '泰山区红门工会驿站', type: 'union-station' },
    },
    {
      type: 'Feature',
      id: 'TA-0392',
      geometry: { type: 'Point', coordinates: [117.1081, 36.2356] },
      properties: { type: 'outdoor-worker-station' },
    },
  ],
};

let server: Server;
let base: string;
let lastHeaders: IncomingHttpHeaders = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    lastHeaders = request.headers;
    switch (request.url) {
      case '/stations.geojson':
        response.writeHead(200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
        response.end(`\uFEFF${JSON.stringify(STATIONS)}`);
        return;
      case '/missing.geojson':
        response.writeHead(404, 'Not Found', { 'Content-Type': 'text/html' });
        response.end('<h1>404 Not Found</h1>');
        return;
      case '/broken.geojson':
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end('oops');
        return;
      case '/page.html':
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<!DOCTYPE html><html><body>登录</body></html>');
        return;
      case '/topology.json':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"type":"Topology","objects":{}}');
        return;
      case '/slow-headers.geojson':
        // Never answers: only a timeout or an abort ends the request.
        return;
      case '/trickle.geojson': {
        // A slow link: the whole body takes ~600 ms, a part every 60 ms.
        const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'T-1', geometry: { type: 'Point', coordinates: [117.1, 36.2] }, properties: { name: '慢速驿站' } }] });
        response.writeHead(200, { 'Content-Type': 'application/geo+json' });
        let at = 0;
        const step = Math.ceil(text.length / 10);
        const timer = setInterval(() => {
          response.write(text.slice(at, (at += step)));
          if (at >= text.length) {
            clearInterval(timer);
            response.end();
          }
        }, 60);
        return;
      }
      case '/slow-body.geojson':
        response.writeHead(200, { 'Content-Type': 'application/geo+json' });
        response.write('{"type":"FeatureCollection","features":[');
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('loadStations', () => {
  it('loads and parses stations, reporting skipped features', async () => {
    const result = await loadStations(`${base}/stations.geojson`);
    expect(result.stations.map((s) => s.id)).toEqual(['TA-0391']);
    expect(result.skipped).toMatchObject([{ index: 1, id: 'TA-0392', reason: 'missing-name' }]);
    expect(result.error).toBeUndefined();
  });

  it('sends only a CORS-safelisted Accept header asking for GeoJSON', async () => {
    await loadStations(`${base}/stations.geojson`);
    expect(lastHeaders.accept).toContain('application/geo+json');
    let init: RequestInit | undefined;
    const spy: typeof fetch = async (_url, requestInit) => {
      init = requestInit;
      return new Response(JSON.stringify(STATIONS));
    };
    await loadStations('https://example.org/x.geojson', { fetch: spy });
    expect(init?.method ?? 'GET').toBe('GET');
    expect(Object.keys(init?.headers ?? {})).toEqual(['Accept']);
  });

  it('rejects with fetch-failed naming the URL and HTTP status', async () => {
    const url = `${base}/missing.geojson`;
    const error = await catchError(loadStations(url));
    expect(error).toBeInstanceOf(StationMapError);
    expect(error).toMatchObject({
      code: 'fetch-failed',
      message: `Could not load stations from ${url}: HTTP 404 Not Found`,
    });
    expect(await catchError(loadStations(`${base}/broken.geojson`))).toMatchObject({
      code: 'fetch-failed',
      message: expect.stringContaining('HTTP 500 Internal Server Error'),
    });
  });

  it('names the status even when the server sends no reason phrase (HTTP/2)', async () => {
    const http2Like: typeof fetch = async () => new Response('', { status: 404, statusText: '' });
    const error = await catchError(loadStations('https://example.org/x.geojson', { fetch: http2Like }));
    expect((error as Error).message).toBe('Could not load stations from https://example.org/x.geojson: HTTP 404 Not Found');
  });

  it('rejects with invalid-geojson, naming the URL, when the body is not JSON or not GeoJSON', async () => {
    const html = await catchError(loadStations(`${base}/page.html`));
    expect(html).toMatchObject({ code: 'invalid-geojson', message: expect.stringContaining(`${base}/page.html`) });
    expect((html as Error).message).toContain('HTML page');
    const topology = await catchError(loadStations(`${base}/topology.json`));
    expect(topology).toMatchObject({ code: 'invalid-geojson', message: expect.stringContaining('"Topology"') });
  });

  it('rejects with fetch-failed on a network error', async () => {
    // A port that was just free and is now closed: the connection is refused.
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(`http://127.0.0.1:${port}/stations.geojson`));
      });
    });
    const error = await catchError(loadStations(closed));
    expect(error).toBeInstanceOf(StationMapError);
    expect(error).toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('network error') });
  });

  it('times out waiting for headers and waiting for the body', async () => {
    for (const path of ['/slow-headers.geojson', '/slow-body.geojson']) {
      const started = Date.now();
      const error = await catchError(loadStations(`${base}${path}`, { timeoutMs: 150 }));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(StationMapError);
      expect(error).toMatchObject({
        code: 'fetch-failed',
        message: `Could not load stations from ${base}${path}: timed out after 150 ms`,
      });
    }
  });

  it('does not cut off a slow body that keeps arriving: the timeout is for silence', async () => {
    const result = await loadStations(`${base}/trickle.geojson`, { timeoutMs: 200 });
    expect(result.stations.map((s) => s.id)).toEqual(['T-1']);
  });

  it('says the default timeout in seconds', async () => {
    const never: typeof fetch = () => new Promise(() => {});
    // Close the slow tests' connections first: Node's fetch (undici) keeps timers on open
    // sockets, and an instant setTimeout would fire them on parsers already torn down.
    server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const realSetTimeout = globalThis.setTimeout;
    // Fire timers at once so the 15 s default does not slow the suite.
    globalThis.setTimeout = ((fn: () => void) => realSetTimeout(fn, 0)) as typeof setTimeout;
    try {
      const error = await catchError(loadStations('https://example.org/x.geojson', { fetch: never }));
      expect((error as Error).message).toBe('Could not load stations from https://example.org/x.geojson: timed out after 15 s');
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });

  it('rejects with an AbortError, not a StationMapError, when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = loadStations(`${base}/slow-headers.geojson`, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 30);
    const error = await catchError(pending);
    expect(error).not.toBeInstanceOf(StationMapError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('rejects with the abort reason the caller gave, also when aborted before starting', async () => {
    const reason = new Error('src changed');
    const controller = new AbortController();
    const pending = loadStations(`${base}/slow-body.geojson`, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 30);
    expect(await catchError(pending)).toBe(reason);

    let called = false;
    const spy: typeof fetch = async () => {
      called = true;
      return new Response('{}');
    };
    const error = await catchError(loadStations(`${base}/stations.geojson`, { signal: AbortSignal.abort(), fetch: spy }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(called).toBe(false);
  });

  it('does not hang when a custom fetch ignores the signal', async () => {
    const deaf: typeof fetch = () => new Promise(() => {});
    const error = await catchError(loadStations('https://example.org/x.geojson', { fetch: deaf, timeoutMs: 50 }));
    expect(error).toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('timed out') });
  });
});

describe('loadStations size limits', () => {
  const MB = 1024 * 1024;
  const FEATURE = `{"type":"Feature","id":"TA-1","geometry":{"type":"Point","coordinates":[117.13,36.21]},"properties":{"name":"红门"}}`;

  /**
   * A body that would be `totalBytes` long, made 1 MB at a time only when pulled,
   * so a test can tell how much a reader asked for and whether it cancelled.
   */
  function lazyBody(totalBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
    const chunk = new TextEncoder().encode(`${' '.repeat(MB - 1)}\n`);
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"type":"FeatureCollection","features":['));
        },
        pull(controller) {
          if (pulled >= totalBytes) {
            controller.enqueue(new TextEncoder().encode(']}'));
            controller.close();
            return;
          }
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      },
      // Pull one chunk at a time: nothing is produced before the reader asks.
      { highWaterMark: 0 },
    );
    return { stream, pulled: () => pulled, cancelled: () => cancelled };
  }

  it('stops downloading a 200 MB body without Content-Length soon after 100 MB, and cancels it', async () => {
    const body = lazyBody(200 * MB);
    const fetchLazy: typeof fetch = async () => new Response(body.stream, { status: 200 });
    const error = await catchError(loadStations('https://example.org/huge.geojson', { fetch: fetchLazy }));
    expect(error).toBeInstanceOf(StationMapError);
    expect(error).toMatchObject({
      code: 'too-large',
      message: 'Could not load stations from https://example.org/huge.geojson: the file is larger than the 100 MB limit (maxBytes); stopped downloading it',
    });
    expect(body.pulled()).toBeGreaterThan(100 * MB - 2 * MB);
    expect(body.pulled()).toBeLessThan(110 * MB);
    expect(body.cancelled()).toBe(true);
  });

  it('refuses at once from Content-Length: 209715200, reading no body at all', async () => {
    const body = lazyBody(200 * MB);
    const fetchDeclared: typeof fetch = async () =>
      new Response(body.stream, { status: 200, headers: { 'Content-Length': '209715200' } });
    const error = await catchError(loadStations('https://example.org/huge.geojson', { fetch: fetchDeclared }));
    expect(error).toMatchObject({
      code: 'too-large',
      message: 'Could not load stations from https://example.org/huge.geojson: the file is 200 MB, more than the 100 MB limit (maxBytes)',
    });
    expect(body.pulled()).toBe(0);
    expect(body.cancelled()).toBe(true);
  });

  it('takes a lower maxBytes, and loads a file just under it', async () => {
    const text = `{"type":"FeatureCollection","features":[${FEATURE}]}`;
    const serve: typeof fetch = async () => new Response(text);
    const ok = await loadStations('https://example.org/s.geojson', { fetch: serve, maxBytes: new TextEncoder().encode(text).byteLength });
    expect(ok.stations.map((s) => s.id)).toEqual(['TA-1']);
    // One byte less: refused. Counted in bytes as sent, not characters (红门 is 6 bytes, 2 characters).
    const error = await catchError(
      loadStations('https://example.org/s.geojson', { fetch: serve, maxBytes: new TextEncoder().encode(text).byteLength - 1 }),
    );
    expect(error).toMatchObject({ code: 'too-large' });
  });

  it('keeps the limit over a real HTTP stream (no Content-Length, chunked)', async () => {
    const big = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/geo+json' });
      // 3 MB in 64 kB chunks, written only as the client drains them.
      let sent = 0;
      const chunk = ' '.repeat(64 * 1024);
      const write = (): void => {
        while (sent < 3 * MB) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', write);
            return;
          }
        }
        response.end();
      };
      write();
    });
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}/big.geojson`;
      const error = await catchError(loadStations(url, { maxBytes: MB }));
      expect(error).toMatchObject({ code: 'too-large', message: expect.stringContaining('1 MB limit') });
    } finally {
      big.closeAllConnections();
      await new Promise((resolve) => big.close(resolve));
    }
  });

  it('refuses more features than maxFeatures as a whole, with a too-large error', async () => {
    const features = Array.from({ length: 3 }, (_, i) => FEATURE.replace('TA-1', `TA-${i}`));
    const serve: typeof fetch = async () => new Response(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    const error = await catchError(loadStations('https://example.org/s.geojson', { fetch: serve, maxFeatures: 2 }));
    expect(error).toMatchObject({
      code: 'too-large',
      message: 'Stations from https://example.org/s.geojson are not usable: Too many features: the document has 3, more than the limit of 2 (maxFeatures)',
    });
    expect((await loadStations('https://example.org/s.geojson', { fetch: serve, maxFeatures: 3 })).stations).toHaveLength(3);
  });

  it('has a too-large message in every UI language that shows the limit', () => {
    for (const table of [en, zhCN, zhTW]) {
      expect(table.errors['too-large']({ maxBytes: DEFAULT_MAX_BYTES })).toContain('100 MB');
      expect(table.errors['too-large']({ maxFeatures: 2_000_000 })).toContain('2,000,000');
      expect(table.errors['too-large']().trim()).not.toBe('');
    }
  });
});
