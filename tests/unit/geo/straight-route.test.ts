import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { DEFAULT_SPEEDS, durationFor } from '../../../src/geo/route/speeds.js';
import { straightRoute } from '../../../src/geo/route/straight-route.js';

describe('straightRoute', () => {
  it('is a two-point great-circle line for short hops', () => {
    const route = straightRoute([117.1, 36.19], [117.12, 36.2], { mode: 'cycling' });
    expect(route.kind).toBe('straight');
    expect(route.mode).toBe('cycling');
    expect(route.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [117.1, 36.19],
        [117.12, 36.2],
      ],
    });
    expect(route.distanceMeters).toBeCloseTo(2111, 0);
    expect(route.durationSeconds).toBeCloseTo(route.distanceMeters / (15 / 3.6), 6);
  });

  it('bends along the great circle over long distances', () => {
    // Beijing → Ürümqi: the great circle bows north of the straight lng/lat line.
    const from: [number, number] = [116.4, 39.9];
    const to: [number, number] = [87.6, 43.8];
    const route = straightRoute(from, to);
    const coordinates = route.geometry.coordinates;
    expect(coordinates.length).toBeGreaterThan(40);
    expect(coordinates[0]).toEqual(from);
    expect(coordinates.at(-1)).toEqual(to);
    const middle = coordinates[Math.floor(coordinates.length / 2)];
    const fraction = (middle[0] - from[0]) / (to[0] - from[0]);
    expect(middle[1]).toBeGreaterThan(from[1] + fraction * (to[1] - from[1]) + 0.5);
    // Every hop is at most 50 km and the hops add up to the great-circle distance.
    let sum = 0;
    for (let i = 1; i < coordinates.length; i++) {
      const hop = haversineMeters(
        coordinates[i - 1][0],
        coordinates[i - 1][1],
        coordinates[i][0],
        coordinates[i][1],
      );
      expect(hop).toBeLessThanOrEqual(50_001);
      sum += hop;
    }
    expect(sum).toBeCloseTo(route.distanceMeters, -1);
  });

  it('handles the same point', () => {
    const route = straightRoute([117, 36], [117, 36]);
    expect(route.distanceMeters).toBe(0);
    expect(route.geometry.coordinates).toHaveLength(2);
  });
});

describe('durationFor', () => {
  it('uses the defaults and ignores unusable custom speeds', () => {
    expect(durationFor(1500, 'walking')).toBeCloseTo(1200, 6);
    expect(durationFor(1500, 'driving')).toBeCloseTo(180, 6);
    expect(durationFor(1500, 'cycling', { cycling: 5 })).toBe(300);
    expect(durationFor(1500, 'cycling', { cycling: 0 })).toBeCloseTo(1500 / DEFAULT_SPEEDS.cycling, 6);
    expect(durationFor(1500, 'cycling', { cycling: Number.NaN })).toBeCloseTo(360, 6);
  });
});
