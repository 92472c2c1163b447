/**
 * Everything the element derives from one load of station data, built once per load: WGS-84
 * columns, the nearest-neighbour index, the cluster index and the id lookup. Pure (no DOM), so
 * the same store can be built in a Worker; built in steps ({@link indexColumnsSteps}) so a
 * page can index a million stations between frames. Per station the hot path keeps only typed
 * arrays (coordinates, kd-tree, sorted cluster keys, the id table); a station object is made from
 * its feature when something first asks for it (see StationList).
 */
import { ClusterIndex, type ClusterItem, type ClusterSource, type ProjectedPoints } from '../geo/cluster/cluster-index.js';
import { toWgs84 } from '../geo/crs/crs.js';
import { scanNearest } from '../geo/index/scan-nearest.js';
import { SpatialIndex, type NearestOptions, type Neighbor } from '../geo/index/spatial-index.js';
import { DeferredBuild, STEP_ITEMS, runStepsWithin, type Steps } from '../util/steps.js';
import type { Crs, Station } from '../types.js';
import type { ParsedStationColumns } from './parse-stations.js';
import { extendBBox } from './station-columns.js';

type BBox = [west: number, south: number, east: number, north: number];

/**
 * The indexed stations of one load. `Clusters` is what {@link StationStore.clustersFor} gives: a
 * {@link ClusterIndex} for loaded data; the tiled mode's stores give a source that draws the tile
 * producer's clusters below the station zoom.
 */
export interface StationStore<Clusters extends ClusterSource = ClusterSource> {
  /** Number of stations. */
  readonly size: number;
  /** Station `i` as the page gave it (coordinates in the page's `crs`), made on first use; throws unless 0 ≤ i < size. */
  station(i: number): Station;
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
  /** Builds the cluster index a step at a time (the element runs this in slices after the first render). */
  clusterSteps(): Steps<ClusterIndex>;
  /**
   * The clusters of every station to draw now: the cluster index once it is built, until then
   * a scan of the columns with the same answers (fine for a view or two, not for panning).
   */
  clusterView(): ClusterSource;
  /** Station id → position. */
  readonly indexById: ReadonlyMap<string, number>;
  /** How many features of the load were skipped. */
  readonly skippedCount: number;
  /** The cluster index over the stations `accept` keeps (all when `accept` is null), built now if it is not yet; cached per predicate. */
  clustersFor(accept: ((index: number) => boolean) | null): Clusters;
  /** WGS-84 bbox of the stations `accept` keeps, or `null` when none. */
  bboxOf(accept: ((index: number) => boolean) | null): BBox | null;
  /** The stations with WGS-84 geometry (the same objects when the data is WGS-84). */
  wgsStations(): Station[];
  /** Tiled mode: the number of stations in the whole source (`size` counts the loaded ones). */
  readonly total?: number;
  /**
   * Tiled mode: looks up station `id`, which no loaded tile holds, through `lookup-url`, and
   * selects it once found (`source` as `station-select` says). `true` when a lookup started.
   */
  lookup?(id: string, source: 'marker' | 'list' | 'api' | 'nearest'): boolean;
}

/**
 * What {@link indexColumnsSteps} indexes: what `parseStationColumnsSteps` read, or stations from
 * elsewhere (the tiles of the tiled mode) in the same shape.
 */
export interface StationColumns {
  list: Pick<ParsedStationColumns['list'], 'size' | 'at' | 'all'>;
  lng: Float64Array;
  lat: Float64Array;
  indexById: ReadonlyMap<string, number>;
}

/** Options of {@link indexColumnsSteps}. */
export interface StationStoreOptions {
  /** The coordinate system of the stations' coordinates (default `wgs84`). */
  crs?: Crs;
  /** How many features of the load were skipped (default 0). */
  skippedCount?: number;
}

/**
 * Indexes what `parseStationColumnsSteps` read (its coordinate columns are
 * converted to WGS-84 in place), in steps yielding progress (0…1).
 *
 * @example const store = runSteps(indexColumnsSteps(runSteps(parseStationColumnsSteps(json))));
 */
export function* indexColumnsSteps(
  parsed: StationColumns,
  options: StationStoreOptions = {},
): Steps<StationStore<ClusterIndex>> {
  const crs = options.crs ?? 'wgs84';
  const skippedCount = options.skippedCount ?? 0;
  const { list, lng, lat, indexById } = parsed;
  const n = list.size;
  // WGS-84 coordinates and their bbox (the element fits the view to it before the first render).
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let start = 0; start < n; start += STEP_ITEMS) {
    const end = Math.min(n, start + STEP_ITEMS);
    if (crs !== 'wgs84') toWgs84Columns(lng, lat, start, end, crs);
    extendBBox(box, lng, lat, start, end);
    yield (0.2 * end) / n;
  }
  const fullBBox = box[0] <= box[2] ? box : null;
  // The points projected for the cluster index. Sorting them into the index, and the kd-tree,
  // wait until after the first render (the element runs their steps in slices), or until the
  // first call that needs them. Meanwhile the clusters of a view come from a scan of the
  // projected points and `nearest` scans the columns: the same answers.
  let projected: ProjectedPoints | null = yield* runStepsWithin(ClusterIndex.projectSteps(lng, lat), 0.2, 1);
  const clusters = new DeferredBuild(function* () {
    const index = yield* ClusterIndex.indexSteps(projected!);
    projected = null; // the index has what the scans needed
    return index;
  });
  const spatial = new DeferredBuild(() => SpatialIndex.buildSteps(lng, lat));
  let lastScan: { key: string; items: ClusterItem[] } | null = null;
  const clusterView: ClusterSource = {
    getClusters(bbox, zoom) {
      if (clusters.built || !projected) return clusters.get().getClusters(bbox, zoom);
      // A first render asks twice for the same view (its fit, then its draw).
      const key = `${bbox.join()},${zoom}`;
      if (lastScan?.key !== key) lastScan = { key, items: ClusterIndex.scanClusters(projected, bbox, zoom) };
      return lastScan.items;
    },
    getExpansionZoom: (id) => clusters.get().getExpansionZoom(id),
    getLeaves: (id, limit, offset) => clusters.get().getLeaves(id, limit, offset),
    provisional: true,
  };
  let lastAccept: ((index: number) => boolean) | null = null;
  let lastClusters: ClusterIndex | null = null;
  let wgs: Station[] | null = null;
  return {
    get size() {
      return list.size;
    },
    station: (i) => list.at(i),
    lng,
    lat,
    get spatial() {
      return spatial.get();
    },
    nearest(x, y, k, options) {
      const tree = spatial.built;
      return tree ? tree.nearest(x, y, k, options) : scanNearest(lng, lat, x, y, k, options);
    },
    spatialSteps: () => spatial.steps(),
    clusterSteps: () => clusters.steps(),
    clusterView: () => clusters.built ?? clusterView,
    indexById,
    skippedCount,
    clustersFor(accept) {
      const all = clusters.get();
      if (!accept) return all;
      if (accept !== lastAccept || !lastClusters) {
        lastAccept = accept;
        lastClusters = all.filter(accept);
      }
      return lastClusters;
    },
    bboxOf(accept) {
      if (!accept) return fullBBox;
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
          ? list.all()
          : list.all().map((station, i) => ({
              ...station,
              geometry: { type: 'Point' as const, coordinates: [lng[i]!, lat[i]!] },
            }));
      return wgs;
    },
  };
}

/** Converts the points `[start, end)` of the columns from `crs` to WGS-84 in place. */
function toWgs84Columns(lng: Float64Array, lat: Float64Array, start: number, end: number, crs: Crs): void {
  for (let i = start; i < end; i++) {
    const p = toWgs84([lng[i]!, lat[i]!], crs);
    lng[i] = p[0];
    lat[i] = p[1];
  }
}
