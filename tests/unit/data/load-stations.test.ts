import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStations } from '../../../src/data/load-stations.js';
import { StationMapError } from '../../../src/errors.js';

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
