/**
 * The max-heap of the k best neighbours so far (worst on top), shared by the kd-tree search and
 * the linear scan so both rank and break ties identically: by distance, then by lower index.
 * Two parallel typed arrays, no object per entry.
 */
import type { Neighbor } from './neighbor.js';

/** `a` ranks after `b`: farther, or as far with a higher index. */
function isWorse(aDist: number, aIndex: number, bDist: number, bIndex: number): boolean {
  return aDist > bDist || (aDist === bDist && aIndex > bIndex);
}

/** Inserts at slot `size` of a max-heap (worst on top) and restores the order. */
export function siftUp(dist: Float64Array, index: Float64Array, size: number, d: number, id: number): void {
  let pos = size;
  while (pos > 0) {
    const parent = (pos - 1) >> 1;
    if (!isWorse(d, id, dist[parent], index[parent])) break;
    dist[pos] = dist[parent];
    index[pos] = index[parent];
    pos = parent;
  }
  dist[pos] = d;
  index[pos] = id;
}

/** Replaces the top of a max-heap of `size` items with `(d, id)` and restores the order. */
export function siftDown(dist: Float64Array, index: Float64Array, size: number, d: number, id: number): void {
  let pos = 0;
  const half = size >> 1;
  while (pos < half) {
    let child = 2 * pos + 1;
    const right = child + 1;
    if (right < size && isWorse(dist[right], index[right], dist[child], index[child])) child = right;
    if (!isWorse(dist[child], index[child], d, id)) break;
    dist[pos] = dist[child];
    index[pos] = index[child];
    pos = child;
  }
  dist[pos] = d;
  index[pos] = id;
}

/** Empties a max-heap of `size` items into a list, nearest first. */
export function drainNeighbors(dist: Float64Array, index: Float64Array, size: number): Neighbor[] {
  const result: Neighbor[] = new Array(size);
  for (let i = size - 1; i >= 0; i--) {
    result[i] = { index: index[0]!, distanceMeters: dist[0]! };
    if (i > 0) siftDown(dist, index, i, dist[i]!, index[i]!);
  }
  return result;
}
