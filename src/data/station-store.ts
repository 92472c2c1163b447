/**
 * Everything the element derives from one load of station data, built once per load: WGS-84
 * columns, the nearest-neighbour index, the cluster index and the id lookup. Pure (no DOM), so
 * the same store can be built in a Worker; built in steps ({@link createStationStoreSteps}) so a
 * page can index a million stations between frames. Per station the hot path keeps only typed
 * arrays (coordinates, kd-tree, sorted cluster keys) besides the stations themselves and the id map.
 */
import { ClusterIndex } from '../geo/cluster-index.js';
import { toWgs84 } from '../geo/crs.js';
import { scanNearest } from '../geo/scan-nearest.js';
import { SpatialIndex, type NearestOptions, type Neighbor } from '../geo/spatial-index.js';
import { STEP_ITEMS, runSteps, runStepsWithin, type Steps } from '../geo/steps.js';
import type { Crs, Station } from '../types.js';
import { columnsBBox } from './station-columns.js';

type BBox = [west: number, south: number, east: number, north: number];

/** The indexed stations of one load. */
export interface StationStore {
  /** The stations as the page gave them (coordinates in the page's `crs`). */
  readonly stations: readonly Station[];
  /** WGS-84 longitudes, one per station. */
  readonly lng: Float64Array;
  /** WGS-84 latitudes, one per station. */
  readonly lat: Float64Array;
  /**
   * The kd-tree over the stations, built on first read unless {@link StationStore.spatialSteps}
   * built it first. Prefer {@link StationStore.nearest}, which never waits for it.
   */
  readonly spatial: SpatialIndex;
  /**
   * The `k` stations nearest to a WGS-84 position: from the kd-tree once it is built, until then
   * from a linear scan with exactly the same answers (a few ms at a million stations).
   */
  nearest(lng: number, lat: number, k: number, options?: NearestOptions): Neighbor[];
  /** Builds the kd-tree a step at a time (the element runs this in slices after the first render). */
  spatialSteps(): Steps<SpatialIndex>;
  readonly indexById: ReadonlyMap<string, number>;
  /** How many features of the load were skipped. */
  readonly skippedCount: number;
  /** The cluster index over the stations `accept` keeps (all when `accept` is null); cached per predicate. */
  clustersFor(accept: ((index: number) => boolean) | null): ClusterIndex;
  /** WGS-84 bbox of the stations `accept` keeps, or `null` when none. */
  bboxOf(accept: ((index: number) => boolean) | null): BBox | null;
  /** The stations with WGS-84 geometry (the same objects when the data is WGS-84). */
  wgsStations(): Station[];
}

// A Map grows by rehashing every entry at once: at a million ids one `set` takes ~90 ms, a long
// task in the middle of a time-sliced load. 256 smaller Maps each rehash in well under 1 ms.
const ID_SHARDS = 256;

/**
 * Station id → position in the store, as a read-only Map split in shards so it can be filled a
 * slice at a time. Iterates in position order.
 *
 * @example const ids = new StationIdIndex(); ids.set('TA-0391', 0); ids.get('TA-0391') // 0
 */
export class StationIdIndex implements ReadonlyMap<string, number> {
  private readonly shards: Array<Map<string, number>> = Array.from({ length: ID_SHARDS }, () => new Map());
  private count = 0;

  /** Number of ids. */
  get size(): number {
    return this.count;
  }

  /** Position of station `id`, or `undefined`. */
  get(id: string): number | undefined {
    return this.shards[shardOf(id)]!.get(id);
  }

  /** Whether a station has `id`. */
  has(id: string): boolean {
    return this.shards[shardOf(id)]!.has(id);
  }

  /** Records that station `id` is at `index` (a later call for the same id replaces it). */
  set(id: string, index: number): this {
    const shard = this.shards[shardOf(id)]!;
    const before = shard.size;
    shard.set(id, index);
    this.count += shard.size - before;
    return this;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.toMap()) callback.call(thisArg, value, key, this);
  }

  entries() {
    return this.toMap().entries();
  }

  keys() {
    return this.toMap().keys();
  }

  values() {
    return this.toMap().values();
  }

  [Symbol.iterator]() {
    return this.toMap().entries();
  }

  /** One Map in position order, for the (rare) walks over every id. */
  private toMap(): Map<string, number> {
    const all: Array<[string, number]> = [];
    for (const shard of this.shards) for (const entry of shard) all.push(entry);
    return new Map(all.sort((a, b) => a[1] - b[1]));
  }
}

/** A cheap hash of an id's first two and last four characters (ids often share a prefix). */
function shardOf(id: string): number {
  const n = id.length;
  let h = n;
  if (n > 0) h = h * 31 + id.charCodeAt(0);
  if (n > 1) h = (h * 31 + id.charCodeAt(1)) | 0;
  for (let i = Math.max(2, n - 4); i < n; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (h ^ (h >>> 8)) & (ID_SHARDS - 1);
}

/** Options of {@link createStationStoreSteps}. */
export interface StationStoreOptions {
  /** The coordinate system of the stations' coordinates (default `wgs84`). */
  crs?: Crs;
  /** How many features of the load were skipped (default 0). */
  skippedCount?: number;
  /** The id → position map when the caller already has it (the sliced parser builds it on the way). */
  indexById?: StationIdIndex;
}

/**
 * Indexes parsed stations whose coordinates are in `crs`.
 *
 * @example
 * const { stations, skipped } = parseStations(json);
 * const store = createStationStore(stations, 'wgs84', skipped.length);
 * store.spatial.nearest(117.13, 36.21, 5);
 */
export function createStationStore(stations: readonly Station[], crs: Crs = 'wgs84', skippedCount = 0): StationStore {
  return runSteps(createStationStoreSteps(stations, { crs, skippedCount }));
}

/**
 * {@link createStationStore} in steps, yielding its progress (0…1) every few thousand stations.
 *
 * @example const store = runSteps(createStationStoreSteps(stations, { crs: 'gcj02' }));
 */
export function* createStationStoreSteps(
  stations: readonly Station[],
  options: StationStoreOptions = {},
): Steps<StationStore> {
  const crs = options.crs ?? 'wgs84';
  const skippedCount = options.skippedCount ?? 0;
  const n = stations.length;
  // Progress weights: roughly each part's share of the time at a million stations.
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let start = 0; start < n; start += STEP_ITEMS) {
    const end = Math.min(n, start + STEP_ITEMS);
    for (let i = start; i < end; i++) {
      const c = stations[i]!.geometry.coordinates;
      if (crs === 'wgs84') {
        lng[i] = c[0];
        lat[i] = c[1];
      } else {
        const p = toWgs84([c[0], c[1]], crs);
        lng[i] = p[0];
        lat[i] = p[1];
      }
    }
    yield (0.1 * end) / n;
  }
  let indexById = options.indexById;
  if (!indexById) {
    indexById = new StationIdIndex();
    for (let start = 0; start < n; start += STEP_ITEMS) {
      const end = Math.min(n, start + STEP_ITEMS);
      for (let i = start; i < end; i++) indexById.set(stations[i]!.id, i);
      yield 0.1 + (0.15 * end) / n;
    }
  }
  // The kd-tree is left for later (spatialSteps, or the first read of `spatial`): the first
  // clustered render does not need it, and `nearest` scans the columns meanwhile.
  const all = yield* runStepsWithin(ClusterIndex.buildSteps(lng, lat), 0.25, 1);
  let spatial: SpatialIndex | null = null;
  let spatialBuild: Steps<SpatialIndex> | null = null;
  // One build, however it is driven: in background slices, or finished at once by a read of
  // `spatial`, which carries on from where the slices stand.
  function* spatialSteps(): Steps<SpatialIndex> {
    spatialBuild ??= SpatialIndex.buildSteps(lng, lat);
    while (!spatial) {
      const step = spatialBuild.next();
      if (step.done) spatial = step.value;
      else yield step.value;
    }
    return spatial;
  }
  let lastAccept: ((index: number) => boolean) | null = null;
  let lastClusters = all;
  let wgs: Station[] | null = null;
  let bbox: BBox | null | undefined;
  return {
    stations,
    lng,
    lat,
    get spatial() {
      return spatial ?? runSteps(spatialSteps());
    },
    nearest(x, y, k, options) {
      return spatial ? spatial.nearest(x, y, k, options) : scanNearest(lng, lat, x, y, k, options);
    },
    spatialSteps,
    indexById,
    skippedCount,
    clustersFor(accept) {
      if (!accept) return all;
      if (accept !== lastAccept) {
        lastAccept = accept;
        lastClusters = all.filter(accept);
      }
      return lastClusters;
    },
    bboxOf(accept) {
      if (!accept) return bbox === undefined ? (bbox = columnsBBox(lng, lat)) : bbox;
      let w = Infinity;
      let s = Infinity;
      let e = -Infinity;
      let n = -Infinity;
      for (let i = 0; i < lng.length; i++) {
        if (!accept(i)) continue;
        const x = lng[i]!;
        const y = lat[i]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
      return w <= e ? [w, s, e, n] : null;
    },
    wgsStations() {
      wgs ??=
        crs === 'wgs84'
          ? [...stations]
          : stations.map((station, i) => ({
              ...station,
              geometry: { type: 'Point' as const, coordinates: [lng[i]!, lat[i]!] },
            }));
      return wgs;
    },
  };
}
