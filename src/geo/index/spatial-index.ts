/**
 * Exact k-nearest-neighbour search on the sphere over a kd-tree.
 *
 * The tree is kdbush's layout and build (flat kd-sorted id and coordinate
 * arrays, Floyd–Rivest selection), written out here rather than imported so
 * the build can run in steps: kdbush's `finish()` sorts a million points in one
 * call, which would freeze the page for a few hundred milliseconds. The search
 * is our own rather than geokdbush's `around`: `around` orders by its own
 * haversine (kilometres, unstable ties) and allocates an object per visited
 * node, while users compare our list with the distance we print. This
 * depth-first search ranks by {@link haversineMeters} itself, breaks ties by
 * the lower index and allocates nothing per node, so it matches a brute-force
 * scan exactly.
 *
 * The kd-sort and range search follow kdbush by Vladimir Agafonkin (ISC licence:
 * "Permission to use, copy, modify, and/or distribute this software for any purpose
 * with or without fee is hereby granted, provided that the above copyright notice
 * and this permission notice appear in all copies." Copyright (c) 2018, Vladimir Agafonkin).
 */
import { haversineTerm, haversineTermToMeters } from '../sphere/haversine.js';
import { drainNeighbors, siftDown, siftUp } from './neighbor-heap.js';
import type { BBox, Neighbor, NearestOptions } from './neighbor.js';
import { STEP_ITEMS, runSteps, type Steps } from '../../util/steps.js';

const RAD = Math.PI / 180;

export type { BBox, Neighbor, NearestOptions } from './neighbor.js';

/**
 * A static spatial index over WGS-84 points for nearest-first and bounding-box queries.
 *
 * @example
 * const index = new SpatialIndex(lng, lat);
 * index.nearest(117.12, 36.19, 5); // [{ index: 42, distanceMeters: 180.3 }, …]
 * index.within([116, 36, 118, 37]); // [3, 42, 97]
 */
export class SpatialIndex {
  /** Number of points the index was built from (including unusable ones). */
  readonly size: number;
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  /** kdbush id (order of adding) → position in the columns; null when every point was usable. */
  private readonly idToIndex: Uint32Array | null;
  /** `[lng, lat]` pairs in kd order. */
  private readonly coords: Float64Array;
  /** kdbush id (order of adding) of each point in kd order. */
  private readonly ids: Uint32Array;
  private readonly nodeSize: number;
  /** Tree coordinates differ from the columns (wrapped longitudes), so distances read the columns. */
  private readonly wrapped: boolean;

  // Per-query scratch state, kept on the instance so the recursive search allocates nothing.
  private heapDist = new Float64Array(16);
  private heapIndex = new Float64Array(16);
  private heapSize = 0;
  private limit = 0;
  private maxMeters = Infinity;
  private qLng = 0;
  private qLat = 0;
  private qLngWrapped = 0;
  private qCos = 1;
  private accept: ((index: number) => boolean) | undefined = undefined;

  /**
   * Indexes the points `(lng[i], lat[i])`. Points with a non-finite coordinate
   * or a latitude outside ±90° are left out of every result. The columns are
   * read, never changed; do not change them while the index is in use.
   */
  constructor(lng: Float64Array, lat: Float64Array, options: { nodeSize?: number } = {}) {
    const tree = takeBuiltTree() ?? runSteps(buildTreeSteps(lng, lat, options.nodeSize ?? 32));
    this.size = Math.min(lng.length, lat.length);
    this.lng = lng;
    this.lat = lat;
    this.wrapped = tree.wrapped;
    this.idToIndex = tree.idToIndex;
    this.coords = tree.coords;
    this.ids = tree.ids;
    this.nodeSize = tree.nodeSize;
  }

  /**
   * `new SpatialIndex(lng, lat, options)` in steps, yielding its progress
   * (0…1) every few thousand points, so a page can index a million points
   * between frames.
   *
   * @example const index = runSteps(SpatialIndex.buildSteps(lng, lat));
   */
  static *buildSteps(lng: Float64Array, lat: Float64Array, options: { nodeSize?: number } = {}): Steps<SpatialIndex> {
    const tree = yield* buildTreeSteps(lng, lat, options.nodeSize ?? 32);
    builtTree = tree;
    try {
      return new SpatialIndex(lng, lat, options);
    } finally {
      builtTree = null;
    }
  }

  /**
   * The `k` points nearest to `(lng, lat)` by great-circle distance, nearest
   * first, equal distances by lower index: exactly the order of sorting every
   * point by {@link haversineMeters}. Correct across the antimeridian and at
   * the poles. A query with a non-finite coordinate or `k <= 0` gives `[]`.
   *
   * @example
   * index.nearest(117.12, 36.19, 3, { accept: (i) => open[i], maxDistanceMeters: 5000 });
   */
  nearest(lng: number, lat: number, k: number, options: NearestOptions = {}): Neighbor[] {
    const usable = this.ids.length;
    if (!Number.isFinite(lng) || !(lat >= -90 && lat <= 90) || !(k >= 1) || usable === 0) return [];
    const limit = Math.min(Math.floor(k), usable);
    if (this.heapDist.length < limit) {
      const capacity = Math.max(limit, this.heapDist.length * 2);
      this.heapDist = new Float64Array(capacity);
      this.heapIndex = new Float64Array(capacity);
    }
    this.heapSize = 0;
    this.limit = limit;
    this.maxMeters = options.maxDistanceMeters ?? Infinity;
    this.accept = options.accept;
    this.qLng = lng;
    this.qLat = lat;
    this.qLngWrapped = wrapLng(lng);
    this.qCos = Math.cos(lat * RAD);
    try {
      this.search(0, usable - 1, 0, -180, -90, 180, 90);
    } finally {
      this.accept = undefined;
    }
    const found = drainNeighbors(this.heapDist, this.heapIndex, this.heapSize);
    this.heapSize = 0;
    return found;
  }

  /**
   * Positions of the points inside `bbox` (edges included), ascending. `west > east`
   * or longitudes beyond ±180° describe a box across the antimeridian.
   *
   * @example index.within([179, -20, -179, -10]); // points between 179°E and 179°W
   */
  within(bbox: BBox): number[] {
    const [west, south, east, north] = bbox;
    if (![west, south, east, north].every(Number.isFinite) || south > north) return [];
    const found: number[] = [];
    const collect = (w: number, e: number) => {
      this.collectRange(0, this.ids.length - 1, 0, w, south, e, north, found);
    };
    let span = east - west;
    if (span < 0) span += 360;
    if (span >= 360) {
      collect(-180, 180);
    } else {
      const w = wrapLng(west);
      const e = w + span;
      if (e <= 180) collect(w, e);
      else {
        collect(w, 180);
        collect(-180, e - 360);
      }
    }
    // A point exactly on ±180° can be found by both halves.
    const sorted = Float64Array.from(found).sort();
    const unique: number[] = [];
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i]);
    return unique;
  }

  /** Pushes the column positions of the points of slots `[left, right]` inside the box (kdbush's range search). */
  private collectRange(
    left: number,
    right: number,
    axis: number,
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    found: number[],
  ): void {
    const coords = this.coords;
    if (right - left <= this.nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i];
        const y = coords[2 * i + 1];
        if (x >= minX && x <= maxX && y >= minY && y <= maxY) found.push(this.indexOfSlot(i));
      }
      return;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m];
    const y = coords[2 * m + 1];
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) found.push(this.indexOfSlot(m));
    const value = axis === 0 ? x : y;
    if ((axis === 0 ? minX : minY) <= value) this.collectRange(left, m - 1, 1 - axis, minX, minY, maxX, maxY, found);
    if ((axis === 0 ? maxX : maxY) >= value) this.collectRange(m + 1, right, 1 - axis, minX, minY, maxX, maxY, found);
  }

  private indexOfSlot(slot: number): number {
    const id = this.ids[slot];
    return this.idToIndex ? this.idToIndex[id] : id;
  }

  /**
   * Depth-first over the kd-tree: the child holding the query first, then the
   * other only if its box could still hold a point closer than the current k-th.
   */
  private search(
    left: number,
    right: number,
    axis: number,
    minLng: number,
    minLat: number,
    maxLng: number,
    maxLat: number,
  ): void {
    if (this.boundMeters(minLng, minLat, maxLng, maxLat) > this.worstMeters()) return;
    const coords = this.coords;
    if (right - left <= this.nodeSize) {
      for (let i = left; i <= right; i++) this.consider(i);
      return;
    }
    const m = (left + right) >> 1;
    this.consider(m);
    const split = coords[2 * m + axis];
    const next = 1 - axis;
    const queryFirst = (axis === 0 ? this.qLngWrapped : this.qLat) < split;
    if (axis === 0) {
      if (queryFirst) {
        this.search(left, m - 1, next, minLng, minLat, split, maxLat);
        this.search(m + 1, right, next, split, minLat, maxLng, maxLat);
      } else {
        this.search(m + 1, right, next, split, minLat, maxLng, maxLat);
        this.search(left, m - 1, next, minLng, minLat, split, maxLat);
      }
    } else if (queryFirst) {
      this.search(left, m - 1, next, minLng, minLat, maxLng, split);
      this.search(m + 1, right, next, minLng, split, maxLng, maxLat);
    } else {
      this.search(m + 1, right, next, minLng, split, maxLng, maxLat);
      this.search(left, m - 1, next, minLng, minLat, maxLng, split);
    }
  }

  /** Distance a point must beat to enter the result (the k-th so far, or the distance cap). */
  private worstMeters(): number {
    return this.heapSize < this.limit ? this.maxMeters : Math.min(this.heapDist[0], this.maxMeters);
  }

  private consider(slot: number): void {
    const id = this.ids[slot];
    const index = this.idToIndex ? this.idToIndex[id] : id;
    const pLng = this.wrapped ? this.lng[index] : this.coords[2 * slot];
    const pLat = this.wrapped ? this.lat[index] : this.coords[2 * slot + 1];
    const d = haversineTermToMeters(haversineTerm(this.qLng, this.qLat, this.qCos, pLng, pLat));
    if (d > this.maxMeters) return;
    const heapDist = this.heapDist;
    const heapIndex = this.heapIndex;
    const full = this.heapSize === this.limit;
    if (full && (d > heapDist[0] || (d === heapDist[0] && index > heapIndex[0]))) return;
    if (this.accept && !this.accept(index)) return;
    if (full) {
      siftDown(heapDist, heapIndex, this.heapSize, d, index);
    } else {
      siftUp(heapDist, heapIndex, this.heapSize++, d, index);
    }
  }

  /**
   * Lower bound of the distance from the query to any point in the box, in metres.
   * The box test is geokdbush's: the nearest point of a lng/lat box lies on the
   * query's meridian or on the nearer edge meridian, at the latitude where that
   * meridian comes closest. It is shaved by a few ulps so rounding can never
   * prune a box whose point would tie the k-th.
   */
  private boundMeters(minLng: number, minLat: number, maxLng: number, maxLat: number): number {
    const lng = this.qLngWrapped;
    const lat = this.qLat;
    let h: number;
    if (lng >= minLng && lng <= maxLng) {
      if (lat >= minLat && lat <= maxLat) return 0;
      h = haverSin((lat < minLat ? minLat - lat : lat - maxLat) * RAD);
    } else {
      const hDLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
      const cosDLng = 1 - 2 * hDLng;
      const vertexLat = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
      if (vertexLat > minLat && vertexLat < maxLat) {
        h = partialHaverSin(hDLng, this.qCos, lat, vertexLat);
      } else {
        h = Math.min(partialHaverSin(hDLng, this.qCos, lat, minLat), partialHaverSin(hDLng, this.qCos, lat, maxLat));
      }
    }
    return haversineTermToMeters(h) * (1 - 1e-9) - 1e-6;
  }
}

/** The arrays of a built kd-tree. */
interface KdTree {
  coords: Float64Array;
  ids: Uint32Array;
  idToIndex: Uint32Array | null;
  nodeSize: number;
  wrapped: boolean;
}

// Hands a tree built in steps to the constructor, which keeps the public `new SpatialIndex(lng, lat)`.
let builtTree: KdTree | null = null;

function takeBuiltTree(): KdTree | null {
  const tree = builtTree;
  builtTree = null;
  return tree;
}

function* buildTreeSteps(lng: Float64Array, lat: Float64Array, nodeSizeOption: number): Steps<KdTree> {
  const n = Math.min(lng.length, lat.length);
  const nodeSize = Math.min(Math.max(Math.floor(nodeSizeOption) || 32, 2), 65535);
  let usable = 0;
  let wrapped = false;
  for (let start = 0; start < n; start += STEP_ITEMS) {
    const end = Math.min(n, start + STEP_ITEMS);
    const counted = countUsable(lng, lat, start, end);
    usable += counted.usable;
    wrapped ||= counted.wrapped;
    yield 0;
  }
  const idToIndex = usable === n ? null : new Uint32Array(usable);
  const ids = new Uint32Array(usable);
  const coords = new Float64Array(2 * usable);
  for (let start = 0, id = 0; start < n; start += STEP_ITEMS) {
    const end = Math.min(n, start + STEP_ITEMS);
    for (let i = start; i < end; i++) {
      const x = lng[i];
      const y = lat[i];
      if (!(Number.isFinite(x) && y >= -90 && y <= 90)) continue;
      ids[id] = id;
      coords[2 * id] = wrapped ? wrapLng(x) : x;
      coords[2 * id + 1] = y;
      if (idToIndex) idToIndex[id] = i;
      id++;
    }
    yield 0;
  }

  // kdbush's recursive kd-sort with an explicit stack, so it can pause between ranges.
  // Each level of the tree reads every point once: that is the unit of progress.
  const totalWork = usable * Math.max(1, Math.ceil(Math.log2(usable / nodeSize + 1))) || 1;
  let done = 0;
  let sinceYield = 0;
  const stack: number[] = usable > 0 ? [0, usable - 1, 0] : [];
  while (stack.length) {
    const axis = stack.pop()!;
    const right = stack.pop()!;
    const left = stack.pop()!;
    if (right - left <= nodeSize) continue;
    const m = (left + right) >> 1;
    // A million points take one select of ~30 ms at the root: large ones run in steps.
    if (right - left > 4 * STEP_ITEMS) yield* selectKdSteps(ids, coords, m, left, right, axis, done / totalWork);
    else selectKd(ids, coords, m, left, right, axis);
    stack.push(m + 1, right, 1 - axis, left, m - 1, 1 - axis);
    done += right - left + 1;
    sinceYield += right - left + 1;
    if (sinceYield >= 4 * STEP_ITEMS) {
      sinceYield = 0;
      yield Math.min(1, done / totalWork);
    }
  }
  return { coords, ids, idToIndex, nodeSize, wrapped };
}

/**
 * kdbush's Floyd–Rivest selection: reorders slots `[left, right]` so those
 * before `k` are not greater than slot `k` on `axis`, and those after not less.
 */
function selectKd(ids: Uint32Array, coords: Float64Array, k: number, left: number, right: number, axis: number): void {
  while (right > left) {
    narrowFirst(ids, coords, k, left, right, axis);
    const t = startPartition(ids, coords, k, left, right, axis);
    // Synchronous, so one cursor serves every call (the stepped select has its own).
    SYNC_CURSOR.i = left;
    SYNC_CURSOR.j = right;
    partitionSome(ids, coords, axis, t, SYNC_CURSOR, Infinity);
    const j = placePivot(ids, coords, axis, t, left, right, SYNC_CURSOR.j);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

const SYNC_CURSOR = { i: 0, j: 0 };

/** Floyd–Rivest's first move on a large range: select within a sample around `k`, so the partition splits near it. */
function narrowFirst(ids: Uint32Array, coords: Float64Array, k: number, left: number, right: number, axis: number): void {
  if (right - left <= 600) return;
  const n = right - left + 1;
  const m = k - left + 1;
  const z = Math.log(n);
  const s = 0.5 * Math.exp((2 * z) / 3);
  const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
  const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
  const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
  selectKd(ids, coords, k, newLeft, newRight, axis);
}

/** Moves slot `k`'s value (the pivot, returned) to `left`, with a sentinel at `right`. */
function startPartition(ids: Uint32Array, coords: Float64Array, k: number, left: number, right: number, axis: number): number {
  const t = coords[2 * k + axis]!;
  swapItem(ids, coords, left, k);
  if (coords[2 * right + axis]! > t) swapItem(ids, coords, left, right);
  return t;
}

/** Puts the pivot `t` into its final slot after a partition that ended at `j`, and returns that slot. */
function placePivot(ids: Uint32Array, coords: Float64Array, axis: number, t: number, left: number, right: number, j: number): number {
  if (coords[2 * left + axis] === t) {
    swapItem(ids, coords, left, j);
    return j;
  }
  swapItem(ids, coords, j + 1, right);
  return j + 1;
}

/** Counts the points of `[start, end)` the tree can hold, and whether any longitude needs wrapping. */
function countUsable(lng: Float64Array, lat: Float64Array, start: number, end: number): { usable: number; wrapped: boolean } {
  let usable = 0;
  let wrapped = false;
  for (let i = start; i < end; i++) {
    const x = lng[i]!;
    const y = lat[i]!;
    if (Number.isFinite(x) && y >= -90 && y <= 90) {
      usable++;
      if (x < -180 || x > 180) wrapped = true;
    }
  }
  return { usable, wrapped };
}

/**
 * {@link selectKd} for a large range, yielding `progress` every few thousand swaps: the same
 * Floyd–Rivest steps (the sample recursion is small, n^(2/3), and runs whole), with the
 * partition loop paused and resumed by {@link partitionSome}.
 */
function* selectKdSteps(
  ids: Uint32Array,
  coords: Float64Array,
  k: number,
  left: number,
  right: number,
  axis: number,
  progress: number,
): Steps<void> {
  const cursor = { i: 0, j: 0 };
  while (right > left) {
    narrowFirst(ids, coords, k, left, right, axis);
    const t = startPartition(ids, coords, k, left, right, axis);
    cursor.i = left;
    cursor.j = right;
    while (cursor.i < cursor.j) {
      partitionSome(ids, coords, axis, t, cursor, STEP_ITEMS);
      yield progress;
    }
    const j = placePivot(ids, coords, axis, t, left, right, cursor.j);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** At most `budget` rounds of selectKd's partition loop around `t`, from and back into `cursor`. */
function partitionSome(
  ids: Uint32Array,
  coords: Float64Array,
  axis: number,
  t: number,
  cursor: { i: number; j: number },
  budget: number,
): void {
  let { i, j } = cursor;
  for (let round = 0; round < budget && i < j; round++) {
    swapItem(ids, coords, i, j);
    i++;
    j--;
    while (coords[2 * i + axis]! < t) i++;
    while (coords[2 * j + axis]! > t) j--;
  }
  cursor.i = i;
  cursor.j = j;
}

function swapItem(ids: Uint32Array, coords: Float64Array, i: number, j: number): void {
  const id = ids[i];
  ids[i] = ids[j];
  ids[j] = id;
  const x = coords[2 * i];
  coords[2 * i] = coords[2 * j];
  coords[2 * j] = x;
  const y = coords[2 * i + 1];
  coords[2 * i + 1] = coords[2 * j + 1];
  coords[2 * j + 1] = y;
}

function wrapLng(lng: number): number {
  return lng >= -180 && lng <= 180 ? lng : ((((lng + 180) % 360) + 360) % 360) - 180;
}

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function partialHaverSin(hDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * hDLng + haverSin((lat1 - lat2) * RAD);
}
