/**
 * Everything the element derives from one load of station data, built once per load: WGS-84
 * columns, the nearest-neighbour index, the cluster index and the id lookup. Pure (no DOM), so
 * the same store can later be built in a Worker.
 */
import { ClusterIndex } from '../geo/cluster-index.js';
import { SpatialIndex } from '../geo/spatial-index.js';
import type { Crs, Station } from '../types.js';
import { columnsBBox, toStationColumns } from './station-columns.js';

type BBox = [west: number, south: number, east: number, north: number];

/** The indexed stations of one load. */
export interface StationStore {
  /** The stations as the page gave them (coordinates in the page's `crs`). */
  readonly stations: readonly Station[];
  /** WGS-84 longitudes, one per station. */
  readonly lng: Float64Array;
  /** WGS-84 latitudes, one per station. */
  readonly lat: Float64Array;
  readonly spatial: SpatialIndex;
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

/**
 * Indexes parsed stations whose coordinates are in `crs`.
 *
 * @example
 * const { stations, skipped } = parseStations(json);
 * const store = createStationStore(stations, 'wgs84', skipped.length);
 * store.spatial.nearest(117.13, 36.21, 5);
 */
export function createStationStore(stations: readonly Station[], crs: Crs = 'wgs84', skippedCount = 0): StationStore {
  const { lng, lat } = toStationColumns(stations, crs);
  const spatial = new SpatialIndex(lng, lat);
  const all = ClusterIndex.build(lng, lat);
  const indexById = new Map<string, number>();
  for (let i = 0; i < stations.length; i++) indexById.set(stations[i]!.id, i);
  let lastAccept: ((index: number) => boolean) | null = null;
  let lastClusters = all;
  let wgs: Station[] | null = null;
  return {
    stations,
    lng,
    lat,
    spatial,
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
      if (!accept) return columnsBBox(lng, lat);
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
