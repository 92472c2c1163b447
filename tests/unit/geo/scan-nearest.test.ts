import { describe, expect, it } from 'vitest';
import { scanNearest } from '../../../src/geo/index/scan-nearest.js';
import { SpatialIndex } from '../../../src/geo/index/spatial-index.js';
import { createRandom } from './seeded-random.js';

function points(n: number, seed: number, box: [number, number, number, number]) {
  const random = createRandom(seed);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lng[i] = box[0] + random() * (box[2] - box[0]);
    lat[i] = box[1] + random() * (box[3] - box[1]);
  }
  return { lng, lat };
}

describe('scanNearest', () => {
  it('gives the kd-tree’s answers, distances to the bit, over China and the whole globe', () => {
    for (const [seed, box] of [
      [1, [73, 18, 135, 54]],
      [2, [-180, -90, 180, 90]],
    ] as const) {
      const { lng, lat } = points(5000, seed, [...box]);
      // The antimeridian and the poles, where a careless bound goes wrong.
      for (let i = 0; i < 200; i++) {
        lng[i] = i % 2 ? 179.9 + i / 10000 : -179.99 + i / 10000;
        lat[5000 - 1 - i] = i % 2 ? 89.9 : -89.95;
      }
      const index = new SpatialIndex(lng, lat);
      const random = createRandom(seed + 10);
      for (let q = 0; q < 60; q++) {
        const qLng = -180 + random() * 360;
        const qLat = -90 + random() * 180;
        for (const k of [1, 10, 50]) expect(scanNearest(lng, lat, qLng, qLat, k)).toEqual(index.nearest(qLng, qLat, k));
      }
    }
  });

  it('honours accept and maxDistanceMeters like the kd-tree', () => {
    const { lng, lat } = points(3000, 5, [110, 25, 120, 35]);
    const index = new SpatialIndex(lng, lat);
    const accept = (i: number) => i % 3 === 0;
    for (const maxDistanceMeters of [Infinity, 50_000, 1]) {
      const options = { accept, maxDistanceMeters };
      expect(scanNearest(lng, lat, 115, 30, 20, options)).toEqual(index.nearest(115, 30, 20, options));
    }
    expect(scanNearest(lng, lat, 115, 30, 20, { maxDistanceMeters: 1 })).toEqual([]);
  });

  it('breaks ties by the lower index and skips unusable points', () => {
    const lng = Float64Array.from([116, 116, NaN, 116, 117]);
    const lat = Float64Array.from([39, 39, 39, 39, 95]);
    const found = scanNearest(lng, lat, 116, 39, 3);
    expect(found.map((n) => n.index)).toEqual([0, 1, 3]);
    expect(found.every((n) => n.distanceMeters === 0)).toBe(true);
    expect(scanNearest(lng, lat, 116, 39, 10)).toEqual(new SpatialIndex(lng, lat).nearest(116, 39, 10));
  });

  it('returns [] for a bad query', () => {
    const { lng, lat } = points(10, 6, [110, 25, 120, 35]);
    expect(scanNearest(lng, lat, NaN, 30, 3)).toEqual([]);
    expect(scanNearest(lng, lat, 115, 91, 3)).toEqual([]);
    expect(scanNearest(lng, lat, 115, 30, 0)).toEqual([]);
  });
});
