import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearestSegment, buildSegmentIndex } from '../../../src/geo/index/segment-index.js';
import { FlatQueue } from '../../../src/util/flat-queue.js';

/** Brute force over every segment in the same local plane the index uses. */
function bruteNearest(coords: number[], lng: number, lat: number): number {
  const kx = 111_195.08 * Math.cos((lat * Math.PI) / 180);
  const ky = 111_195.08;
  let best = Infinity;
  for (let i = 0; i + 3 < coords.length; i += 4) {
    const ax = (coords[i] - lng) * kx;
    const ay = (coords[i + 1] - lat) * ky;
    const dx = (coords[i + 2] - coords[i]) * kx;
    const dy = (coords[i + 3] - coords[i + 1]) * ky;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

describe('findNearestSegment', () => {
  const lng = fc.double({ min: 117, max: 117.05, noNaN: true });
  const lat = fc.double({ min: 36, max: 36.05, noNaN: true });
  const segment = fc.tuple(lng, lat, lng, lat);

  it('finds the same nearest distance as a scan of every segment', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 60 }), lng, lat, (segments, qLng, qLat) => {
        // Each segment is its own two-vertex run: segment s starts at vertex 2s.
        const coords = segments.flat();
        const index = buildSegmentIndex(
          Float64Array.from(coords),
          Int32Array.from(segments.map((_, s) => 2 * s)),
        );
        const hit = findNearestSegment(index, qLng, qLat, Infinity);
        const expected = bruteNearest(coords, qLng, qLat);
        expect(hit).not.toBeNull();
        // The index reports great-circle metres; the scan measures in the plane: equal within 0.05 % over these few kilometres.
        expect(Math.abs(hit!.distanceMeters - expected)).toBeLessThan(expected * 5e-4 + 1e-3);
        expect(findNearestSegment(index, qLng, qLat, expected * 0.99 - 0.01)).toBeNull();
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('finds nothing in an empty index', () => {
    const index = buildSegmentIndex(new Float64Array(), new Int32Array());
    expect(findNearestSegment(index, 117, 36, Infinity)).toBeNull();
  });
});

describe('FlatQueue', () => {
  it('pops ids in key order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 })), (keys) => {
        const queue = new FlatQueue();
        keys.forEach((key, id) => queue.push(id, key));
        const popped: number[] = [];
        while (queue.length > 0) popped.push(keys[queue.pop()!]);
        expect(popped).toEqual([...keys].sort((a, b) => a - b));
        expect(queue.pop()).toBeUndefined();
      }),
      { seed: 3 },
    );
  });
});
