import { describe, expect, it } from 'vitest';
import { readNetworkSteps, routeOnNetwork } from '../../../src/data/path-network.js';
import { convertNetworkToWgs84 } from '../../../src/geo/crs/page-crs.js';
import type { LngLat, Network } from '../../../src/types.js';
import { runSteps } from '../../../src/util/steps.js';

/** `n` two-point segments on a jittered street grid 60 m apart from (117, 36.65), as JSON text. */
function segmentText(n: number): string {
  const side = Math.ceil(Math.sqrt(n / 2)) + 1;
  const dLat = 60 / 111_320;
  const dLng = dLat / Math.cos((36.65 * Math.PI) / 180);
  const p = (r: number, c: number) => `[${(117 + c * dLng + ((r * 31 + c * 17) % 7) * dLng * 0.02).toFixed(6)},${(36.65 + r * dLat).toFixed(6)}]`;
  const parts: string[] = [];
  for (let r = 0; r < side && parts.length < n; r++) {
    for (let c = 0; c < side && parts.length < n; c++) {
      if (c + 1 < side) parts.push(`{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[${p(r, c)},${p(r, c + 1)}]}}`);
      if (r + 1 < side && parts.length < n) parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[${p(r, c)},${p(r + 1, c)}]}}`);
    }
  }
  return `{"type":"FeatureCollection","name":"streets","features":[${parts.join(',\n')}]}`;
}

const TRIPS: Array<[LngLat, LngLat]> = [
  [[117.0003, 36.6502], [117.03, 36.67]],
  [[117.01, 36.655], [117.002, 36.69]],
  [[117.04, 36.66], [117.0005, 36.6501]],
];

describe('readNetworkSteps (the element reads a network with it)', () => {
  const text = segmentText(20_000);

  it('routes as the whole GeoJSON does, without keeping the features (parsed in pieces: the text is over 1 MB)', () => {
    expect(text.length).toBeGreaterThan(2 ** 20);
    const network = runSteps(readNetworkSteps(text, 'wgs84'));
    expect(network).toEqual({ type: 'FeatureCollection', name: 'streets', features: [] });
    const whole = JSON.parse(text) as Network;
    for (const [from, to] of TRIPS) {
      const route = routeOnNetwork(network, from, to, { mode: 'walking' });
      const expected = routeOnNetwork(whole, from, to, { mode: 'walking' });
      expect(route.route?.kind).toBe('network');
      expect(route.route?.distanceMeters).toBeCloseTo(expected.route!.distanceMeters, 6);
    }
  });

  it('shifts a GCJ-02 network to WGS-84 piece by piece, as the whole conversion does', () => {
    const network = runSteps(readNetworkSteps(text, 'gcj02'));
    const whole = convertNetworkToWgs84(JSON.parse(text) as Network, 'gcj02');
    for (const [from, to] of TRIPS) {
      expect(routeOnNetwork(network, from, to, { mode: 'walking' }).route?.distanceMeters).toBeCloseTo(routeOnNetwork(whole, from, to, { mode: 'walking' }).route!.distanceMeters, 6);
    }
  });

  it('throws JSON.parse\'s SyntaxError for a text cut off in the middle, and reads JSON null as an empty network', () => {
    expect(() => runSteps(readNetworkSteps(text.slice(0, text.length >> 1), 'wgs84'))).toThrow(SyntaxError);
    const empty = runSteps(readNetworkSteps('null', 'wgs84'));
    expect(routeOnNetwork(empty, TRIPS[0]![0], TRIPS[0]![1], { mode: 'walking' }).route).toBeNull();
  });
});
