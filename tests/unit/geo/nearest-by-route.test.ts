import { describe, expect, it } from 'vitest';
import { parseStations } from '../../../src/data/parse-stations.js';
import { nearestByRoute } from '../../../src/data/nearest-by-route.js';
import { nearestStations } from '../../../src/data/nearest-stations.js';
import type { Network } from '../../../src/types.js';

// A river runs north–south at lng 117.005; the only bridge is 2 km north of the origin.
const network: Network = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'west bank' }, geometry: { type: 'LineString', coordinates: [[117.0, 36.0], [117.0, 36.02]] } },
    { type: 'Feature', properties: { name: 'bridge' }, geometry: { type: 'LineString', coordinates: [[117.0, 36.02], [117.01, 36.02]] } },
    { type: 'Feature', properties: { name: 'east bank' }, geometry: { type: 'LineString', coordinates: [[117.01, 36.02], [117.01, 36.0]] } },
  ],
};

const { stations } = parseStations({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'ACROSS', geometry: { type: 'Point', coordinates: [117.01, 36.0] }, properties: { name: '对岸驿站' } },
    { type: 'Feature', id: 'UPSTREAM', geometry: { type: 'Point', coordinates: [117.0, 36.012] }, properties: { name: '上游驿站' } },
    { type: 'Feature', id: 'FAR', geometry: { type: 'Point', coordinates: [118.0, 37.0] }, properties: { name: '远处驿站' } },
  ],
});

describe('nearestByRoute', () => {
  it('ranks a station across the river behind one farther away on the same bank', () => {
    expect(nearestStations(stations, 117.0, 36.0, 2).map((r) => r.station.id)).toEqual(['ACROSS', 'UPSTREAM']);
    const ranked = nearestByRoute(stations, network, 117.0, 36.0, 3);
    expect(ranked.map((r) => r.station.id)).toEqual(['UPSTREAM', 'ACROSS', 'FAR']);
    // Across the bridge: 2.2 km + 0.9 km + 2.2 km, far more than the 0.9 km straight line.
    expect(ranked[1]!.routeMeters!).toBeGreaterThan(4500);
    expect(ranked[1]!.distanceMeters).toBeLessThan(1000);
    // Beyond the network's reach: no route distance, listed last.
    expect(ranked[2]!.routeMeters).toBeNull();
  });

  it('honours k and the filter', () => {
    expect(nearestByRoute(stations, network, 117.0, 36.0, 1).map((r) => r.station.id)).toEqual(['UPSTREAM']);
    expect(nearestByRoute(stations, network, 117.0, 36.0, 3, { filter: (s) => s.id !== 'UPSTREAM' }).map((r) => r.station.id)).toEqual(['ACROSS', 'FAR']);
    expect(nearestByRoute([], network, 117.0, 36.0, 3)).toEqual([]);
  });
});
