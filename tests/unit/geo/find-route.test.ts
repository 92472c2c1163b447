import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeOnNetwork } from '../../../src/geo/route/build-route.js';
import { findRoute, type RoutableNetwork } from '../../../src/geo/route/find-route.js';
import type { LngLat, Network } from '../../../src/types.js';

/** A network as the element hands it on: with the routing code that loaded it. */
const routable = (data: Network): RoutableNetwork => ({ data, routing: { routeOnNetwork } });

const from: LngLat = [117.1, 36.19];
const to: LngLat = [117.12, 36.2];
/** One straight path from `from` to `to`. */
const path: Network = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [from, [117.11, 36.195], to] } }],
};
/** A path some 50 km away: too far to snap to. */
const farPath: Network = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117.6, 36.5], [117.7, 36.5]] } }],
};
const SERVICE_BODY = {
  code: 'Ok',
  routes: [{ distance: 2345.6, duration: 1800.2, geometry: { type: 'LineString', coordinates: [from, to] } }],
  waypoints: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('findRoute', () => {
  it('routes along the network first, without asking the service', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const route = await findRoute(from, to, { mode: 'walking', network: routable(path), routerUrl: 'http://router.test' });
    expect(route.kind).toBe('network');
    expect(route.fallbackReason).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('asks the service when the network cannot route, and says why', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(SERVICE_BODY), { status: 200, headers: { 'content-type': 'application/json' } })));
    const route = await findRoute(from, to, { mode: 'cycling', network: routable(farPath), routerUrl: 'http://router.test' });
    expect(route.kind).toBe('service');
    expect(route.distanceMeters).toBeCloseTo(2345.6, 1);
    expect(route.fallbackReason).toMatch(/^origin is .* from/);
  });

  it('falls back to a straight line when the service fails, and tells the caller', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"code":"InternalError"}', { status: 500 })));
    const errors: string[] = [];
    const route = await findRoute(from, to, { mode: 'walking', routerUrl: 'http://router.test', onServiceError: (m) => errors.push(m) });
    expect(route.kind).toBe('straight');
    expect(route.mode).toBe('walking');
    expect(errors).toHaveLength(1);
    expect(route.fallbackReason).toBe(errors[0]);
  });

  it('draws a plain straight line with nothing else to try', async () => {
    const route = await findRoute(from, to, { mode: 'driving' });
    expect(route.kind).toBe('straight');
    expect(route.fallbackReason).toBeUndefined();
  });

  it('rejects, without a fallback, when aborted', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))),
    );
    const abort = new AbortController();
    const errors: string[] = [];
    const pending = findRoute(from, to, { mode: 'walking', routerUrl: 'http://router.test', signal: abort.signal, onServiceError: (m) => errors.push(m) });
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(errors).toEqual([]);
  });
});
