/**
 * Exact k-nearest-neighbour search on the sphere over a kdbush tree.
 *
 * kdbush (≈1.5 KB) gives the flat kd-sorted arrays; the search on them is our
 * own rather than geokdbush's `around`: `around` orders by its own haversine
 * (kilometres, unstable ties) and allocates an object per visited node, while
 * users compare our list with the distance we print. This depth-first search
 * ranks by {@link haversineMeters} itself, breaks ties by the lower index and
 * allocates nothing per node, so it matches a brute-force scan exactly.
 */
import KDBush from 'kdbush';
import { haversineTerm, haversineTermToMeters } from './haversine.js';

const RAD = Math.PI / 180;

/** One neighbour found by {@link SpatialIndex.nearest}. */
export interface Neighbor {
  /** Position of the point in the columns the index was built from. */
  index: number;
  /** Great-circle distance from the query, as {@link haversineMeters} computes it. */
  distanceMeters: number;
}

/** Options of {@link SpatialIndex.nearest}. */
export interface NearestOptions {
  /** Only points for which this returns `true` are returned (called lazily, nearest candidates first). */
  accept?: (index: number) => boolean;
  /** Leave out points farther than this. */
  maxDistanceMeters?: number;
}

/** Bounding box `[west, south, east, north]` in degrees. */
export type BBox = [west: number, south: number, east: number, north: number];

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
  private readonly tree: KDBush;
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  /** kdbush id (order of adding) → position in the columns; null when every point was usable. */
  private readonly idToIndex: Uint32Array | null;
  private readonly coords: Float64Array;
  private readonly ids: Uint16Array | Uint32Array;
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
    const n = Math.min(lng.length, lat.length);
    this.size = n;
    this.lng = lng;
    this.lat = lat;
    let usable = 0;
    let wrapped = false;
    for (let i = 0; i < n; i++) {
      const x = lng[i];
      const y = lat[i];
      if (Number.isFinite(x) && y >= -90 && y <= 90) {
        usable++;
        if (x < -180 || x > 180) wrapped = true;
      }
    }
    this.wrapped = wrapped;
    this.idToIndex = usable === n ? null : new Uint32Array(usable);
    const tree = new KDBush(usable, options.nodeSize ?? 32, Float64Array);
    for (let i = 0; i < n; i++) {
      const x = lng[i];
      const y = lat[i];
      if (!(Number.isFinite(x) && y >= -90 && y <= 90)) continue;
      const id = tree.add(wrapped ? wrapLng(x) : x, y);
      if (this.idToIndex) this.idToIndex[id] = i;
    }
    tree.finish();
    this.tree = tree;
    this.coords = tree.coords as Float64Array;
    this.ids = tree.ids;
    this.nodeSize = tree.nodeSize;
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
    return this.drainHeap();
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
      for (const id of this.tree.range(w, south, e, north)) found.push(this.idToIndex ? this.idToIndex[id] : id);
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

  private drainHeap(): Neighbor[] {
    const size = this.heapSize;
    const result: Neighbor[] = new Array(size);
    for (let i = size - 1; i >= 0; i--) {
      result[i] = { index: this.heapIndex[0], distanceMeters: this.heapDist[0] };
      const lastDist = this.heapDist[i];
      const lastIndex = this.heapIndex[i];
      if (i > 0) siftDown(this.heapDist, this.heapIndex, i, lastDist, lastIndex);
    }
    this.heapSize = 0;
    return result;
  }
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

/** `a` ranks after `b`: farther, or as far with a higher index. */
function isWorse(aDist: number, aIndex: number, bDist: number, bIndex: number): boolean {
  return aDist > bDist || (aDist === bDist && aIndex > bIndex);
}

/** Inserts at slot `size` of a max-heap (worst on top) and restores the order. */
function siftUp(dist: Float64Array, index: Float64Array, size: number, d: number, id: number): void {
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
function siftDown(dist: Float64Array, index: Float64Array, size: number, d: number, id: number): void {
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
