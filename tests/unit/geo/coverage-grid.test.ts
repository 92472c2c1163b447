import { describe, expect, it } from 'vitest';
import { computeCoverageGrid, createGridGeometry, type CoverageGrid } from '../../../src/geo/coverage/coverage-grid.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { randomPoints } from './seeded-random.js';

const WALK = 4.5 / 3.6;

function columns(points: Array<[number, number]>) {
  return { lng: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]) };
}

/** Minutes in the cell holding `(lng, lat)`. */
function minutesAt(grid: CoverageGrid, lng: number, lat: number): number {
  const [west, south, east, north] = grid.bbox;
  const column = Math.floor(((lng - west) / (east - west)) * grid.columns);
  const row = Math.floor(((lat - south) / (north - south)) * grid.rows);
  return grid.minutes[row * grid.columns + column];
}

describe('createGridGeometry', () => {
  it('puts cellsAcross cells along the longer side and keeps cells about square on the ground', () => {
    const g = createGridGeometry([117, 36, 117.2, 36.1], 128);
    expect(g.columns).toBe(128);
    // 0.2° of longitude at 36° is 0.162° of latitude on the ground: 0.1 / 0.162 × 128 ≈ 79.
    expect(g.rows).toBe(79);
  });

  it('rejects an empty or inverted box', () => {
    expect(() => createGridGeometry([117, 36, 117, 36.1])).toThrow(RangeError);
    expect(() => createGridGeometry([117, 36.1, 117.1, 36])).toThrow(RangeError);
  });
});

describe('computeCoverageGrid, straight line', () => {
  it('gives the walking minutes to a single station and Infinity beyond maxMinutes', () => {
    const grid = computeCoverageGrid(columns([[117, 36]]), {
      bbox: [116.95, 35.95, 117.05, 36.05],
      cellsAcross: 200,
      speedMetersPerSecond: WALK,
      maxMinutes: 30,
    });
    expect(grid.kind).toBe('straight');
    expect(minutesAt(grid, 117, 36)).toBeLessThan(0.6);
    // 1 km east: 1000 m / 1.25 m/s = 13.3 min (cell centre within half a cell of the point).
    const east = minutesAt(grid, 117 + 1000 / haversineMeters(117, 36, 118, 36), 36);
    expect(east).toBeGreaterThan(12.8);
    expect(east).toBeLessThan(13.9);
    // The corner is ≈ 6.3 km away, 84 min: beyond the 30 min range.
    expect(grid.minutes[0]).toBe(Infinity);
  });

  it('takes the nearer of two stations', () => {
    const grid = computeCoverageGrid(columns([[117, 36], [117.02, 36]]), {
      bbox: [116.99, 35.99, 117.03, 36.01],
      cellsAcross: 100,
    });
    const near1 = minutesAt(grid, 117.002, 36);
    const near2 = minutesAt(grid, 117.018, 36);
    expect(Math.abs(near1 - near2)).toBeLessThan(0.3);
    expect(near1).toBeLessThan(3.5);
  });

  it('leaves out stations the accept predicate or mask rejects', () => {
    const stations = columns([[117, 36], [117.02, 36]]);
    const options = { bbox: [116.99, 35.99, 117.03, 36.01] as [number, number, number, number], cellsAcross: 60 };
    const byPredicate = computeCoverageGrid(stations, { ...options, accept: (i) => i === 1 });
    const byMask = computeCoverageGrid(stations, { ...options, accept: Uint8Array.of(0, 1) });
    expect(minutesAt(byPredicate, 117, 36)).toBeGreaterThan(20);
    expect(Array.from(byMask.minutes)).toEqual(Array.from(byPredicate.minutes));
  });

  it('counts a station just outside the view for the cells near its edge', () => {
    const grid = computeCoverageGrid(columns([[117.051, 36]]), { bbox: [116.95, 35.95, 117.05, 36.05], cellsAcross: 100 });
    expect(minutesAt(grid, 117.0499, 36)).toBeLessThan(2.5);
  });

  it('gives every cell the great-circle time to its nearest station, also when dense data is propagated', () => {
    // 3 000 stations on a 64-cell grid: stamping circles would cost far more than a few passes, so this
    // takes the propagation path, which may pick a station up to about a cell farther than the nearest.
    const stations = randomPoints(3000, 5, [116.9, 35.9, 117.1, 36.1]);
    const grid = computeCoverageGrid(stations, { bbox: [116.9, 35.9, 117.1, 36.1], cellsAcross: 64, maxMinutes: 60 });
    const [west, south, east, north] = grid.bbox;
    const cellMeters = ((north - south) / grid.rows) * 111_195;
    let exact = 0;
    for (let row = 0; row < grid.rows; row++) {
      for (let column = 0; column < grid.columns; column++) {
        const lng = west + ((column + 0.5) * (east - west)) / grid.columns;
        const lat = south + ((row + 0.5) * (north - south)) / grid.rows;
        let best = Infinity;
        for (let i = 0; i < stations.lng.length; i++) best = Math.min(best, haversineMeters(lng, lat, stations.lng[i], stations.lat[i]));
        const got = grid.minutes[row * grid.columns + column] * 60 * WALK;
        expect(got).toBeGreaterThanOrEqual(best - 0.01);
        expect(got - best).toBeLessThan(cellMeters * 1.5);
        if (Math.abs(got - best) < 0.05) exact++;
      }
    }
    expect(exact / grid.minutes.length).toBeGreaterThan(0.97);
  });
});
