import { describe, expect, it } from 'vitest';
import { computeCoverageGrid } from '../../../src/geo/coverage/coverage-grid.js';
import { traceCoverageBoundary } from '../../../src/geo/coverage/coverage-contour.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';

const WALK = 4.5 / 3.6;

function columns(points: Array<[number, number]>) {
  return { lng: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]) };
}

/** Twice the signed area (shoelace, lng/lat units): positive when counter-clockwise. */
function signedArea(line: Array<[number, number]>): number {
  let total = 0;
  for (let i = 0; i + 1 < line.length; i++) total += line[i][0] * line[i + 1][1] - line[i + 1][0] * line[i][1];
  return total;
}

describe('traceCoverageBoundary', () => {
  const grid = computeCoverageGrid(columns([[117, 36]]), {
    bbox: [116.97, 35.97, 117.03, 36.03],
    cellsAcross: 120,
    speedMetersPerSecond: WALK,
    maxMinutes: 30,
  });

  it('draws one closed ring at the 15-minute distance around a lone station', () => {
    const lines = traceCoverageBoundary(grid, 15);
    expect(lines.length).toBe(1);
    const ring = lines[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBeGreaterThan(40);
    for (const [lng, lat] of ring) expect(Math.abs(haversineMeters(117, 36, lng, lat) - 1125)).toBeLessThan(30);
    // Covered side on the left: the ring runs counter-clockwise around the station.
    expect(signedArea(ring)).toBeGreaterThan(0);
  });

  it('follows the minutes asked for, and gives nothing when no cell crosses them', () => {
    const ten = traceCoverageBoundary(grid, 10)[0];
    for (const [lng, lat] of ten) expect(Math.abs(haversineMeters(117, 36, lng, lat) - 750)).toBeLessThan(30);
    expect(traceCoverageBoundary(grid, 0.001)).toEqual([]);
    expect(traceCoverageBoundary({ ...grid, minutes: new Float32Array(grid.minutes.length) }, 15)).toEqual([]);
  });

  it('leaves a line open where the circle runs out of the grid', () => {
    const clipped = computeCoverageGrid(columns([[117, 36]]), { bbox: [117, 35.97, 117.03, 36.03], cellsAcross: 80 });
    const lines = traceCoverageBoundary(clipped, 15);
    expect(lines.length).toBe(1);
    const line = lines[0];
    expect(line[0]).not.toEqual(line[line.length - 1]);
    expect(line.every(([lng]) => lng >= 117)).toBe(true);
  });

  it('keeps two separate circles as two rings', () => {
    const two = computeCoverageGrid(columns([[116.98, 36], [117.02, 36]]), { bbox: [116.96, 35.98, 117.04, 36.02], cellsAcross: 160 });
    expect(traceCoverageBoundary(two, 15).length).toBe(2);
  });
});
