import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { EARTH_RADIUS_METERS, haversineMeters } from '../../../src/geo/sphere/haversine.js';

describe('haversineMeters', () => {
  it('agrees with Turf on Beijing to Shanghai (about 1,068 km)', () => {
    const turf = distance([116.3975, 39.9087], [121.4737, 31.2304], { units: 'meters' });
    expect(haversineMeters(116.3975, 39.9087, 121.4737, 31.2304)).toBeCloseTo(turf, 3);
    expect(turf / 1000).toBeCloseTo(1068.1, 0);
  });

  it('gives one degree of latitude as R·π/180 metres', () => {
    expect(haversineMeters(117, 36, 117, 37)).toBeCloseTo((EARTH_RADIUS_METERS * Math.PI) / 180, 6);
  });

  it('is zero for the same point and symmetric bit for bit', () => {
    expect(haversineMeters(117.1, 36.2, 117.1, 36.2)).toBe(0);
    expect(haversineMeters(117.1, 36.2, 121.3, -12.4)).toBe(haversineMeters(121.3, -12.4, 117.1, 36.2));
  });

  it('takes the short way across the antimeridian', () => {
    const across = haversineMeters(179.9, 10, -179.9, 10);
    expect(across).toBeCloseTo(haversineMeters(-0.1, 10, 0.1, 10), 6);
    expect(across).toBeLessThan(22_000);
    expect(haversineMeters(190, 10, -170, 10)).toBeCloseTo(0, 6);
  });

  it('gives half the circumference for antipodes instead of NaN', () => {
    expect(haversineMeters(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_METERS, 3);
    expect(haversineMeters(10, 89.999, -170, -89.999)).not.toBeNaN();
  });
});
