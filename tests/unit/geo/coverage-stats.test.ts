import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverageGrid } from '../../../src/geo/coverage/coverage-grid.js';
import { computeCoverageStats, coverageStats } from '../../../src/geo/coverage/coverage-stats.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';

const WALK = 4.5 / 3.6;
/** Walking 15 min. */
const R_KM = (15 * 60 * WALK) / 1000;
const LNG_KM = haversineMeters(117, 36, 118, 36) / 1000;
const LAT_KM = haversineMeters(117, 36, 117, 37) / 1000;

function columns(points: Array<[number, number]>) {
  return { lng: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]) };
}

/** A lng/lat box around (117, 36) given in km east and north of it. */
function square(x0: number, y0: number, x1: number, y1: number): number[][] {
  const p = (x: number, y: number) => [117 + x / LNG_KM, 36 + y / LAT_KM];
  return [p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)];
}

describe('coverageStats', () => {
  it('covers π r² around a single station, within 1 %', () => {
    const stats = coverageStats(columns([[117, 36]]), { bbox: [116.96, 35.97, 117.04, 36.03], minutes: 15, cellsAcross: 600 });
    const exact = Math.PI * R_KM * R_KM;
    expect(Math.abs(stats.coveredKm2 - exact) / exact).toBeLessThan(0.01);
    expect(stats.minutes).toBe(15);
    expect(stats.mode).toBe('walking');
    expect(Math.abs(stats.coveredShare - stats.coveredKm2 / stats.areaKm2)).toBeLessThan(1e-12);
  });

  it('measures the union of two overlapping circles against the exact lens area, within 1 %', () => {
    const d = 1.5; // km apart, less than 2r = 2.25 km
    const stats = coverageStats(columns([[117, 36], [117 + d / LNG_KM, 36]]), {
      bbox: [116.97, 35.98, 117.05, 36.02],
      minutes: 15,
      cellsAcross: 700,
    });
    const lens = 2 * R_KM * R_KM * Math.acos(d / (2 * R_KM)) - (d / 2) * Math.sqrt(4 * R_KM * R_KM - d * d);
    const exact = 2 * Math.PI * R_KM * R_KM - lens;
    expect(Math.abs(stats.coveredKm2 - exact) / exact).toBeLessThan(0.01);
  });

  it('measures only inside a polygon, holes left out', () => {
    // A 4 km square centred on the station with a 1 km square hole around it: the hole is
    // all covered, so covered = π r² − 1 and area = 16 − 1.
    const area: Polygon = { type: 'Polygon', coordinates: [square(-2, -2, 2, 2), square(-0.5, -0.5, 0.5, 0.5)] };
    const stats = coverageStats(columns([[117, 36]]), { area, minutes: 15, cellsAcross: 500 });
    expect(Math.abs(stats.areaKm2 - 15) / 15).toBeLessThan(0.01);
    const covered = Math.PI * R_KM * R_KM - 1;
    expect(Math.abs(stats.coveredKm2 - covered) / covered).toBeLessThan(0.01);
    expect(Math.abs(stats.coveredShare - covered / 15)).toBeLessThan(0.01);
  });

  it('takes a MultiPolygon Feature and rejects a non-polygon with a clear error', () => {
    const area = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'MultiPolygon' as const, coordinates: [[square(-2, -2, 0, 2)], [square(1, -2, 2, 2)]] },
    };
    const stats = coverageStats(columns([[117, 36]]), { area, cellsAcross: 400 });
    expect(Math.abs(stats.areaKm2 - 12) / 12).toBeLessThan(0.01);
    expect(() =>
      coverageStats(columns([[117, 36]]), { area: { type: 'Point', coordinates: [1, 2] } as unknown as Polygon }),
    ).toThrow(/Polygon or MultiPolygon/);
    expect(() => coverageStats(columns([[117, 36]]), {})).toThrow(RangeError);
  });

  it('suggests the new station in the obvious gap, then nothing where all is covered', () => {
    // A 6 km × 2 km strip with stations 0.75 km from each end: the middle is the gap.
    const strip = [117, 36 - 1 / LAT_KM, 117 + 6 / LNG_KM, 36 + 1 / LAT_KM] as [number, number, number, number];
    const stations = columns([[117 + 0.75 / LNG_KM, 36], [117 + 5.25 / LNG_KM, 36]]);
    const grid = computeCoverageGrid(stations, { bbox: strip, cellsAcross: 300, speedMetersPerSecond: WALK, maxMinutes: 30 });
    const stats = computeCoverageStats(grid, { minutes: 15, gapCount: 3 });
    expect(stats.gaps.length).toBeGreaterThan(0);
    const best = stats.gaps[0];
    expect(haversineMeters(best.lng, best.lat, 117 + 3 / LNG_KM, 36)).toBeLessThan(150);
    expect(best.gainKm2).toBeGreaterThan(0.5 * (stats.areaKm2 - stats.coveredKm2));
    expect(best.gainKm2).toBeLessThanOrEqual(stats.areaKm2 - stats.coveredKm2 + 1e-9);
    // Later suggestions gain less, and together never more than what was uncovered.
    const total = stats.gaps.reduce((sum, gap) => sum + gap.gainKm2, 0);
    expect(total).toBeLessThanOrEqual(stats.areaKm2 - stats.coveredKm2 + 1e-9);
    for (let i = 1; i < stats.gaps.length; i++) expect(stats.gaps[i].gainKm2).toBeLessThanOrEqual(stats.gaps[i - 1].gainKm2);

    const nowhere = computeCoverageStats(grid, { minutes: 0.0001 });
    expect(nowhere.coveredShare).toBe(0);
    const full = computeCoverageStats({ ...grid, minutes: new Float32Array(grid.minutes.length) }, { minutes: 15 });
    expect(full.coveredShare).toBe(1);
    expect(full.gaps).toEqual([]);
  });

  it('uses the mode and speeds for the circle', () => {
    const box = [116.9, 35.9, 117.1, 36.1] as [number, number, number, number];
    const walking = coverageStats(columns([[117, 36]]), { bbox: box, cellsAcross: 200 });
    const cycling = coverageStats(columns([[117, 36]]), { bbox: box, mode: 'cycling', cellsAcross: 200 });
    const slow = coverageStats(columns([[117, 36]]), { bbox: box, mode: 'cycling', speeds: { cycling: WALK }, cellsAcross: 200 });
    expect(cycling.mode).toBe('cycling');
    // 15 km/h against 4.5 km/h: (15 / 4.5)² ≈ 11 times the area.
    expect(cycling.coveredKm2 / walking.coveredKm2).toBeGreaterThan(10);
    expect(Math.abs(slow.coveredKm2 - walking.coveredKm2)).toBeLessThan(0.01 * walking.coveredKm2);
  });
});
