import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverageGrid as computeGridAlone, computeCoverageGridSteps, type CoverageGrid } from '../../../src/geo/coverage/coverage-grid.js';
import { fillNetworkMinutesSteps } from '../../../src/geo/coverage/coverage-network.js';
import { computeCoverageGrid, coverageStats } from '../../../src/geo/coverage/coverage-on-network.js';
import { buildRouteGraph } from '../../../src/geo/route/route-graph.js';

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

  it('the grid module alone (without the fill the element passes in) is straight-line and says so', () => {
    const grid = computeGridAlone(station, { ...options, network: river });
    expect(grid.kind).toBe('straight');
    expect(minutesAt(grid, ...EAST_BANK)).toBeLessThan(15);
  });
});

describe('computeCoverageGridSteps (the coverage layer runs it in time slices)', () => {
  /** A street grid of about 20k segments 100 m apart, and stations along it. */
  const side = 100;
  const step = 0.0009;
  const streets: Array<Array<[number, number]>> = [];
  for (let i = 0; i < side; i++) {
    streets.push(Array.from({ length: side }, (_, j): [number, number] => [117 + j * step * 1.24, 36 + i * step]));
    streets.push(Array.from({ length: side }, (_, j): [number, number] => [117 + i * step * 1.24, 36 + j * step]));
  }
  const network = lines(...streets);
  const stations = columns(Array.from({ length: 400 }, (_, k): [number, number] => [117 + ((k * 37) % 100) * step * 1.24, 36 + ((k * 61) % 100) * step]));
  const view = { bbox: [117.02, 36.02, 117.09, 36.07] as [number, number, number, number], cellsAcross: 128, speedMetersPerSecond: WALK, maxMinutes: 30 };

  it('gives the one-shot grid, straight and along a network, yielding in steps of bounded work', () => {
    buildRouteGraph(network);
    for (const options of [view, { ...view, network, fillNetwork: fillNetworkMinutesSteps }]) {
      const oneShot = computeGridAlone(stations, options);
      const steps = computeCoverageGridSteps(stations, options);
      const times: number[] = [];
      let next;
      for (;;) {
        const start = performance.now();
        next = steps.next();
        times.push(performance.now() - start);
        if (next.done) break;
      }
      expect(next.value.kind).toBe(oneShot.kind);
      expect(Array.from(next.value.minutes)).toEqual(Array.from(oneShot.minutes));
      expect(times.length).toBeGreaterThan(4);
      // A step is a few thousand cells or a few hundred look-ups, a millisecond or so: the median
      // (a busy machine stretches single steps) is far under the 200 ms task bound.
      expect(times.sort((a, b) => a - b)[times.length >> 1]).toBeLessThan(10);
    }
  });
});
