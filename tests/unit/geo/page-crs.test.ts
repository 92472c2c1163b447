import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/geo/crs/crs.js';
import {
  convertAreaToWgs84,
  convertBBoxToPage,
  convertCoverageToPage,
  convertNetworkToWgs84,
  convertRouteToPage,
} from '../../../src/geo/crs/page-crs.js';
import type { CoverageStats, Network, Route } from '../../../src/types.js';

const route: Route = {
  kind: 'straight',
  mode: 'walking',
  distanceMeters: 100,
  durationSeconds: 72,
  geometry: { type: 'LineString', coordinates: [[117.1, 36.19], [117.12, 36.2]] },
};
const stats = { minutes: 15, mode: 'walking', coveredShare: 0.5, gaps: [{ lng: 117.1, lat: 36.2, minutes: 30 }] } as unknown as CoverageStats;

describe('page crs conversions', () => {
  it('give back the very same object for wgs84', () => {
    expect(convertRouteToPage(route, 'wgs84')).toBe(route);
    expect(convertCoverageToPage(stats, 'wgs84')).toBe(stats);
  });

  it('shift a route and coverage gaps into GCJ-02, and back again, without touching the input', () => {
    const before = structuredClone(route);
    const page = convertRouteToPage(route, 'gcj02');
    expect(route).toEqual(before);
    const [x, y] = page.geometry.coordinates[0]!;
    // GCJ-02 is offset by a few hundred metres in China.
    expect(Math.abs(x! - 117.1) + Math.abs(y! - 36.19)).toBeGreaterThan(0.001);
    const back = toWgs84([x!, y!], 'gcj02');
    expect(back[0]).toBeCloseTo(117.1, 5);
    expect(back[1]).toBeCloseTo(36.19, 5);
    const gap = convertCoverageToPage(stats, 'bd09').gaps[0]!;
    expect(toWgs84([gap.lng, gap.lat], 'bd09')[0]).toBeCloseTo(117.1, 5);
    expect(stats.gaps[0]!.lng).toBe(117.1);
  });

  it('converts a box corner by corner', () => {
    const [w, s, e, n] = convertBBoxToPage([117, 36, 118, 37], 'gcj02');
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(toWgs84([w, s], 'gcj02')[0]).toBeCloseTo(117, 5);
  });

  it('converts areas and networks from the page to WGS-84', () => {
    const area = convertAreaToWgs84({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117, 36], [117.1, 36], [117.1, 36.1], [117, 36]]] } }, 'gcj02');
    expect(area.type).toBe('Polygon');
    const network: Network = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[117, 36], [117.1, 36]]] } }],
    };
    const wgs = convertNetworkToWgs84(network, 'gcj02');
    const first = (wgs.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(first[0]).not.toBe(117);
    expect(network.features[0]!.geometry.coordinates[0]).toEqual([[117, 36], [117.1, 36]]);
  });
});
