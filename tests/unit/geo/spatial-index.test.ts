import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { SpatialIndex, type Neighbor } from '../../../src/geo/index/spatial-index.js';
import { createRandom, randomPoints } from './seeded-random.js';

/** The reference: every point's haversine distance, nearest first, ties by lower index. */
function bruteForce(
  lng: Float64Array,
  lat: Float64Array,
  qLng: number,
  qLat: number,
  k: number,
  accept: (i: number) => boolean = () => true,
  maxDistanceMeters = Infinity,
): Neighbor[] {
  // Insertion into a short sorted list: same order as a full sort, without sorting thousands per query.
  const best: Neighbor[] = [];
  for (let i = 0; i < lng.length; i++) {
    if (!Number.isFinite(lng[i]) || !(lat[i] >= -90 && lat[i] <= 90)) continue;
    const distanceMeters = haversineMeters(qLng, qLat, lng[i], lat[i]);
    if (distanceMeters > maxDistanceMeters) continue;
    if (best.length === k && distanceMeters >= best[k - 1].distanceMeters) continue;
    if (!accept(i)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].distanceMeters > distanceMeters) at--;
    best.splice(at, 0, { index: i, distanceMeters });
    if (best.length > k) best.pop();
  }
  return best;
}

describe('SpatialIndex.nearest', () => {
  it('matches a brute-force haversine scan over China, k = 1 and 10', () => {
    const { lng, lat } = randomPoints(3000, 1, [73, 18, 135, 54]);
    const index = new SpatialIndex(lng, lat);
    const random = createRandom(2);
    for (let q = 0; q < 1000; q++) {
      const qLng = 70 + random() * 70;
      const qLat = 15 + random() * 45;
      for (const k of [1, 10]) expect(index.nearest(qLng, qLat, k)).toEqual(bruteForce(lng, lat, qLng, qLat, k));
    }
  });

  it('matches brute force when built in steps, with the large selects paused and resumed', () => {
    // Over 4 × 16,384 points: the top levels of the tree are selected in steps. Many equal
    // coordinates (a coarse grid) exercise the partition's ties across pauses.
    const random = createRandom(21);
    const n = 150_000;
    const lng = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lng[i] = i % 3 === 0 ? 100 + Math.floor(random() * 40) / 4 : 73 + random() * 62;
      lat[i] = i % 3 === 0 ? 25 + Math.floor(random() * 40) / 4 : 18 + random() * 36;
    }
    const steps = SpatialIndex.buildSteps(lng, lat);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    const index = next.value;
    expect(yields).toBeGreaterThan(20);
    for (let q = 0; q < 40; q++) {
      const qLng = 95 + random() * 20;
      const qLat = 22 + random() * 15;
      expect(index.nearest(qLng, qLat, 10)).toEqual(bruteForce(lng, lat, qLng, qLat, 10));
    }
    expect(index.within([104, 30, 105, 31])).toEqual(new SpatialIndex(lng, lat).within([104, 30, 105, 31]));
  });

  it('matches brute force over the whole globe, across the antimeridian and near the poles', () => {
    const { lng, lat } = randomPoints(2000, 3, [-180, -90, 180, 90]);
    // Crowd the seam and the poles, where a planar kd-tree search goes wrong.
    const random = createRandom(4);
    for (let i = 0; i < 300; i++) {
      lng[i] = random() < 0.5 ? 179 + random() : -180 + random();
      lat[i] = -60 + random() * 120;
      lng[300 + i] = -180 + random() * 360;
      lat[300 + i] = random() < 0.5 ? 88 + random() * 2 : -90 + random() * 2;
    }
    const index = new SpatialIndex(lng, lat);
    const queries: Array<[number, number]> = [[180, 0], [-180, 0], [179.99, 45], [-179.99, -45], [0, 90], [45, -90], [100, 89.9]];
    for (let q = 0; q < 600; q++) queries.push([-180 + random() * 360, -90 + random() * 180]);
    for (const [qLng, qLat] of queries) {
      for (const k of [1, 10]) expect(index.nearest(qLng, qLat, k)).toEqual(bruteForce(lng, lat, qLng, qLat, k));
    }
  });

  it('finds the station just across the antimeridian first', () => {
    const index = new SpatialIndex(Float64Array.of(179.99, 170), Float64Array.of(0, 0));
    expect(index.nearest(-179.99, 0, 1)[0].index).toBe(0);
    expect(index.nearest(-179.99, 0, 1)[0].distanceMeters).toBeCloseTo(2224, 0);
  });

  it('breaks ties by lower index and returns duplicates', () => {
    const random = createRandom(5);
    // Points on a 0.01° grid with many exact duplicates: lots of equal distances.
    const n = 2000;
    const lng = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lng[i] = 117 + Math.floor(random() * 10) / 100;
      lat[i] = 36 + Math.floor(random() * 10) / 100;
    }
    const index = new SpatialIndex(lng, lat);
    for (let q = 0; q < 300; q++) {
      const qLng = 117 + Math.floor(random() * 12) / 100;
      const qLat = 36 + Math.floor(random() * 12) / 100;
      for (const k of [1, 10, 50]) expect(index.nearest(qLng, qLat, k)).toEqual(bruteForce(lng, lat, qLng, qLat, k));
    }
    const same = new SpatialIndex(Float64Array.of(1, 1, 1), Float64Array.of(2, 2, 2));
    expect(same.nearest(1, 2, 2)).toEqual([{ index: 0, distanceMeters: 0 }, { index: 1, distanceMeters: 0 }]);
  });

  it('honours accept and maxDistanceMeters exactly like a filtered scan', () => {
    const { lng, lat } = randomPoints(3000, 6, [110, 30, 120, 40]);
    const index = new SpatialIndex(lng, lat);
    const random = createRandom(7);
    const accept = (i: number) => i % 7 === 3;
    for (let q = 0; q < 300; q++) {
      const qLng = 110 + random() * 10;
      const qLat = 30 + random() * 10;
      expect(index.nearest(qLng, qLat, 10, { accept })).toEqual(bruteForce(lng, lat, qLng, qLat, 10, accept));
      expect(index.nearest(qLng, qLat, 10, { maxDistanceMeters: 20_000 })).toEqual(
        bruteForce(lng, lat, qLng, qLat, 10, undefined, 20_000),
      );
    }
    expect(index.nearest(115, 35, 5, { accept: () => false })).toEqual([]);
  });

  it('returns every point when k exceeds the count, and nothing for bad queries', () => {
    const index = new SpatialIndex(Float64Array.of(116, 117, NaN), Float64Array.of(39, 36, 30));
    expect(index.nearest(117, 36, 10).map((n) => n.index)).toEqual([1, 0]);
    expect(index.nearest(117, 36, Infinity)).toHaveLength(2);
    expect(index.nearest(NaN, 36, 3)).toEqual([]);
    expect(index.nearest(117, 91, 3)).toEqual([]);
    expect(index.nearest(117, 36, 0)).toEqual([]);
    expect(new SpatialIndex(new Float64Array(0), new Float64Array(0)).nearest(0, 0, 5)).toEqual([]);
  });

  it('accepts query and data longitudes beyond ±180°', () => {
    const { lng, lat } = randomPoints(500, 8, [-180, -60, 180, 60]);
    const shifted = lng.map((x, i) => (i % 2 ? x + 360 : x));
    const index = new SpatialIndex(shifted, lat);
    const random = createRandom(9);
    for (let q = 0; q < 200; q++) {
      const qLng = -540 + random() * 1080;
      const qLat = -60 + random() * 120;
      expect(index.nearest(qLng, qLat, 5)).toEqual(bruteForce(shifted, lat, qLng, qLat, 5));
    }
  });
});

describe('SpatialIndex.within', () => {
  const { lng, lat } = randomPoints(3000, 10, [-180, -80, 180, 80]);
  const index = new SpatialIndex(lng, lat);
  const scan = (test: (x: number, y: number) => boolean) =>
    Array.from(lng.keys()).filter((i) => test(lng[i], lat[i]));

  it('returns the points inside a box, ascending', () => {
    expect(index.within([100, 20, 120, 40])).toEqual(scan((x, y) => x >= 100 && x <= 120 && y >= 20 && y <= 40));
  });

  it('handles boxes across the antimeridian, either way they are written', () => {
    const expected = scan((x, y) => (x >= 170 || x <= -170) && y >= -10 && y <= 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(index.within([170, -10, -170, 10])).toEqual(expected);
    expect(index.within([170, -10, 190, 10])).toEqual(expected);
    expect(index.within([-190, -10, -170, 10])).toEqual(expected);
  });

  it('returns everything for a box wider than the world and nothing for a bad box', () => {
    expect(index.within([-200, -90, 200, 90])).toHaveLength(3000);
    expect(index.within([0, 10, 5, -10])).toEqual([]);
    expect(index.within([NaN, 0, 1, 1])).toEqual([]);
  });
});
