import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationMapError } from '../../../src/errors.js';
import { fetchServiceRoute } from '../../../src/geo/route/route-service.js';
import type { LngLat } from '../../../src/types.js';

const from: LngLat = [117.1, 36.19];
const to: LngLat = [117.12, 36.2];
const OK_BODY = {
  code: 'Ok',
  routes: [
    {
      distance: 2345.6,
      duration: 1800.2,
      geometry: { type: 'LineString', coordinates: [from, [117.11, 36.195], to] },
    },
  ],
  waypoints: [],
};

/** What the fake OSRM server does for a profile: each test uses its own profile name. */
const behaviours: Record<string, (res: ServerResponse) => void> = {
  ok: (res) => json(res, 200, OK_BODY),
  noroute: (res) =>
    json(res, 200, { code: 'NoRoute', message: 'Impossible route between points', routes: [] }),
  broken: (res) => json(res, 500, { code: 'InternalError' }),
  malformed: (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"code": "Ok", "routes": [');
  },
  nogeometry: (res) =>
    json(res, 200, { code: 'Ok', routes: [{ distance: 10, duration: 5, geometry: 'abc' }] }),
  slow: (res) => {
    // Headers now, body never: the timeout must cover reading the body too.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"code":');
  },
};

let server: Server;
let base: string;
const requests: string[] = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const profile = /^\/route\/v1\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '';
    (behaviours[profile] ?? ((r) => json(r, 404, { code: 'InvalidUrl' })))(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('fetchServiceRoute', () => {
  it('returns the service route and asks with the OSRM URL shape', async () => {
    const route = await fetchServiceRoute(`${base}/`, from, to, {
      mode: 'cycling',
      profiles: { cycling: 'ok' },
    });
    expect(route).toEqual({
      geometry: { type: 'LineString', coordinates: [from, [117.11, 36.195], to] },
      distanceMeters: 2345.6,
      durationSeconds: 1800.2,
      kind: 'service',
      mode: 'cycling',
    });
    expect(requests.at(-1)).toBe(
      '/route/v1/ok/117.100000,36.190000;117.120000,36.200000?overview=full&geometries=geojson',
    );
  });

  it('uses foot, bike and car as default profiles', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (url: string) => {
      seen.push(new URL(url).pathname.split('/')[4]);
      return new Response(JSON.stringify(OK_BODY));
    }) as typeof fetch;
    for (const mode of ['walking', 'cycling', 'driving'] as const) {
      await fetchServiceRoute('https://router.example/osrm', from, to, { mode, fetch: fakeFetch });
    }
    expect(seen).toEqual(['foot', 'bike', 'car']);
  });

  it.each([
    ['NoRoute', 'noroute', /no route \(NoRoute: Impossible route/],
    ['HTTP 500', 'broken', /HTTP 500/],
    ['malformed JSON', 'malformed', /not JSON/],
    ['an answer without a line', 'nogeometry', /no usable route/],
    ['a 404', 'missing', /HTTP 404/],
  ])('rejects %s with route-failed', async (_label, profile, message) => {
    const error = await rejection(fetchServiceRoute(base, from, to, { profiles: { walking: profile } }));
    expect(error).toBeInstanceOf(StationMapError);
    expect((error as StationMapError).code).toBe('route-failed');
    expect((error as StationMapError).message).toMatch(message);
  });

  it('gives up on a slow service after timeoutMs with route-failed', async () => {
    const started = Date.now();
    const error = await rejection(
      fetchServiceRoute(base, from, to, { profiles: { walking: 'slow' }, timeoutMs: 150 }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(StationMapError);
    expect((error as StationMapError).message).toMatch(/did not answer within 150 ms/);
  });

  it('rejects with an AbortError, not a StationMapError, when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchServiceRoute(base, from, to, {
      profiles: { walking: 'slow' },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(StationMapError);
    expect((error as Error).name).toBe('AbortError');

    const already = await rejection(fetchServiceRoute(base, from, to, { signal: AbortSignal.abort() }));
    expect((already as Error).name).toBe('AbortError');
  });

  it('rejects with route-failed when the service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(fetchServiceRoute(`http://127.0.0.1:${port}`, from, to));
    expect((error as StationMapError).code).toBe('route-failed');
  });
});
