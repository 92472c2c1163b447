import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CoverageGrid } from '../../../src/geo/coverage/coverage-grid.js';
import { computeCoverageGrid, coverageStats } from '../../../src/geo/coverage/coverage-on-network.js';

const WALK = 4.5 / 3.6;

function columns(points: Array<[number, number]>) {
  return { lng: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]) };
}

function lines(...coordinates: Array<Array<[number, number]>>): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: coordinates.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: c } })),
  };
}

function minutesAt(grid: CoverageGrid, lng: number, lat: number): number {
  const [west, south, east, north] = grid.bbox;
  const column = Math.floor(((lng - west) / (east - west)) * grid.columns);
  const row = Math.floor(((lat - south) / (north - south)) * grid.rows);
  return grid.minutes[row * grid.columns + column];
}

// A river along lng 117.000 with a path on each bank (≈ 360 m from it) and the only
// bridge 5.5 km north. The station stands on the west bank path.
const river = lines(
  [[116.996, 35.95], [116.996, 36.05]],
  [[117.004, 35.95], [117.004, 36.05]],
  [[116.996, 36.05], [117.004, 36.05]],
);
const station = columns([[116.9962, 36]]);
const bbox: [number, number, number, number] = [116.985, 35.99, 117.015, 36.01];
const options = { bbox, cellsAcross: 120, speedMetersPerSecond: WALK, maxMinutes: 30 };
const EAST_BANK: [number, number] = [117.0055, 36]; // 810 m from the station as the crow flies

describe('computeCoverageGrid along a network', () => {
  it('covers the far bank by straight line, but not along paths whose only bridge is far away', () => {
    const straight = computeCoverageGrid(station, options);
    const network = computeCoverageGrid(station, { ...options, network: river });
    expect(network.kind).toBe('network');
    expect(minutesAt(straight, ...EAST_BANK)).toBeLessThan(15);
    expect(minutesAt(network, ...EAST_BANK)).toBeGreaterThan(15);
    // On the station's own bank, 600 m along the path: 8 min either way.
    expect(minutesAt(network, 116.996, 36.0054)).toBeGreaterThan(7);
    expect(minutesAt(network, 116.996, 36.0054)).toBeLessThan(9);
  });

  it('crosses once a bridge is near', () => {
    const bridged = lines(...river.features.map((f) => f.geometry.coordinates as Array<[number, number]>), [
      [116.996, 36.001],
      [117.004, 36.001],
    ]);
    const grid = computeCoverageGrid(station, { ...options, network: bridged });
    // 110 m north, 720 m over the bridge, 110 m south, 135 m off the path: ≈ 1 075 m, 14.3 min.
    const t = minutesAt(grid, ...EAST_BANK);
    expect(t).toBeGreaterThan(12);
    expect(t).toBeLessThan(15);
  });

  it('lets a station far from every path cover its straight-line circle', () => {
    const far = columns([[117.01, 36.007]]); // ≈ 540 m east of the east path, beyond the 500 m snap
    const grid = computeCoverageGrid(far, { ...options, network: river });
    expect(minutesAt(grid, 117.0105, 36.007)).toBeLessThan(2);
    const snapped = computeCoverageGrid(far, { ...options, network: river, maxSnapMeters: 1000 });
    // Joined to the path instead: the walk to it comes first.
    expect(minutesAt(snapped, 117.004, 36.0)).toBeGreaterThan(minutesAt(grid, 117.004, 36.0) - 0.01);
  });

  it('falls back to straight lines for a network with no usable lines', () => {
    const empty: FeatureCollection<LineString> = { type: 'FeatureCollection', features: [] };
    const grid = computeCoverageGrid(station, { ...options, network: empty });
    expect(minutesAt(grid, ...EAST_BANK)).toBeLessThan(15);
  });

  it('reports a lower covered share with the river than without', () => {
    const withRiver = coverageStats(station, { bbox, network: river, cellsAcross: 120 });
    const without = coverageStats(station, { bbox, cellsAcross: 120 });
    expect(withRiver.coveredShare).toBeLessThan(without.coveredShare - 0.05);
  });
});
