/**
 * The stations of a tiled source as the element knows them: every station read from a tile (or
 * found through `lookup-url`) so far, as a {@link StationStore} the list, the detail, the filters
 * and the map's own clustering work on unchanged, plus the producer's clusters below the station
 * zoom, drawn by the same station layer through {@link StationStore.clusterView}.
 *
 * A station keeps its position in the store while the store lives (the selection and the map's
 * pins name stations by position); {@link StationRegistry.compact} is the one place positions
 * change, and says how.
 */
import type { ClusterBBox, ClusterItem, ClusterSource } from '../geo/cluster/cluster-index.js';
import { fromWgs84 } from '../geo/crs/crs.js';
import type { ClusterIndex } from '../geo/cluster/cluster-index.js';
import type { StationColumns, StationStore } from '../data/station-store.js';
import { CLUSTER_TYPES } from './station-tiles.js';
import type { Crs, Station } from '../types.js';
import type { DecodedTile, TileCluster } from './decode-station-tile.js';

/** Cluster ids of the producer's clusters start here, above every cell id of a {@link ClusterIndex}. */
const TILE_CLUSTER_ID = 2 ** 52;
/** Producer clusters remembered by key before the tables start again. */
const MAX_CLUSTER_IDS = 50_000;

interface Entry {
  /** The station with WGS-84 geometry. */
  station: Station;
  /** The same in the page's `crs`, made on first use. */
  page: Station | null;
  lng: number;
  lat: number;
}

/**
 * How many of a cluster's stations a type filter keeps: the sum of the chosen types' counts
 * (`other` for every type the spec does not name); all without a type filter.
 *
 * @example keptCount({ count: 5, counts: { 'mommy-room': 2, other: 3 } }, ['mommy-room']) // 2
 */
export function keptCount(cluster: Pick<TileCluster, 'count' | 'counts'>, types: readonly string[] | null | undefined): number {
  if (!types || types.length === 0) return cluster.count;
  const chosen = new Set(types);
  let kept = 0;
  for (const [type, count] of Object.entries(cluster.counts)) {
    const known = (CLUSTER_TYPES as readonly string[]).includes(type);
    if (chosen.has(type) || (!known && chosen.has('other'))) kept += count;
  }
  return kept;
}

/** Every station the element has read from tiles or lookups, in the order it first met them. */
export class StationRegistry {
  private entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  /** Producer cluster key (`z/x/y/feature`) → map id, and map id → the zoom of its tile. */
  private readonly clusterIds = new Map<string, number>();
  private readonly clusterZooms = new Map<number, number>();
  /** Ids are never reused, so a marker drawn before the tables were emptied cannot name another cluster. */
  private nextClusterId = TILE_CLUSTER_ID;
  private version = 0;
  /** Replaced when positions change ({@link compact}): the stores of one lineage draw alike. */
  lineage: object = {};

  constructor(private readonly crs: Crs = 'wgs84') {}

  /** Number of stations. */
  get size(): number {
    return this.entries.length;
  }

  /** Changes with every station added or moved: a store built at another version is stale. */
  get changes(): number {
    return this.version;
  }

  /** Position of station `id`, if it is known. */
  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /**
   * Adds the stations of a tile (lone stations below the station zoom too: every zoom holds a
   * station's position to 0.3 m). Returns whether anything changed.
   */
  addTile(tile: DecodedTile): boolean {
    let changed = false;
    for (const { station, lng, lat } of tile.stations) changed = this.add(station, lng, lat) || changed;
    return changed;
  }

  /** Adds one station at WGS-84 `(lng, lat)` unless its id is known. Returns whether it was new. */
  add(station: Station, lng: number, lat: number): boolean {
    if (this.byId.has(station.id)) return false;
    this.byId.set(station.id, this.entries.length);
    this.entries.push({ station, page: null, lng, lat });
    this.version++;
    return true;
  }

  /**
   * Keeps only the stations whose ids `keep` holds (the ones in cached tiles, the selected one…),
   * in their order; returns each old position's new one (-1: dropped).
   */
  compact(keep: (id: string) => boolean): Int32Array {
    const moved = new Int32Array(this.entries.length).fill(-1);
    const kept: Entry[] = [];
    this.byId.clear();
    this.entries.forEach((entry, i) => {
      if (!keep(entry.station.id)) return;
      moved[i] = kept.length;
      this.byId.set(entry.station.id, kept.length);
      kept.push(entry);
    });
    this.entries = kept;
    this.version++;
    this.lineage = {};
    return moved;
  }

  /** The map id of a producer cluster: the same for the same feature of the same tile. */
  clusterId(tile: DecodedTile, cluster: TileCluster): number {
    const key = `${tile.z}/${tile.x}/${tile.y}/${cluster.feature}`;
    let id = this.clusterIds.get(key);
    if (id === undefined) {
      // A long session at low zooms meets many tiles: the tables stay bounded.
      if (this.clusterIds.size >= MAX_CLUSTER_IDS) {
        this.clusterIds.clear();
        this.clusterZooms.clear();
      }
      id = this.nextClusterId++;
      this.clusterIds.set(key, id);
      this.clusterZooms.set(id, tile.z);
    }
    return id;
  }

  /** The zoom of the tile a producer cluster came from, or `undefined` for other ids. */
  clusterZoom(id: number): number | undefined {
    return id >= TILE_CLUSTER_ID ? this.clusterZooms.get(id) : undefined;
  }

  /** The store of the stations known now. */
  snapshot(options: TiledStoreOptions): TiledStore {
    return buildTiledStore(this, this.entries.slice(), options);
  }

  /** Station `id` with its geometry in the page's `crs`, if it is known. */
  pageStationOf(id: string): Station | undefined {
    const at = this.byId.get(id);
    return at === undefined ? undefined : this.pageStation(this.entries[at]!);
  }

  /** @internal The page-crs station of an entry. */
  pageStation(entry: Entry): Station {
    if (this.crs === 'wgs84') return entry.station;
    return (entry.page ??= {
      ...entry.station,
      geometry: { type: 'Point', coordinates: fromWgs84([entry.lng, entry.lat], this.crs) },
    });
  }
}

/** What a tiled store reads beyond its stations. */
export interface TiledStoreOptions {
  stationZoom: number;
  /** Number of stations in the whole source. */
  total: number;
  /** Bounds of the whole source, when it says. */
  bbox: [number, number, number, number] | null;
  /** The loaded tiles to draw at map zoom `zoom` (< the station zoom) over `bbox`. */
  tilesFor(bbox: ClusterBBox, zoom: number): DecodedTile[];
  /** The types the page's filter keeps (`null`: all). */
  filterTypes(): readonly string[] | null | undefined;
  /**
   * Indexes the stations as a GeoJSON load's are (`runSteps(indexColumnsSteps(columns))`): passed
   * in, so the element's tiled-mode side file uses the main script's index code instead of a copy.
   */
  indexColumns(columns: StationColumns): StationStore<ClusterIndex>;
  /** Looks station `id` up where the tiles have not brought it; `true` when a lookup started. */
  lookup?: StationStore['lookup'];
}

/** A {@link StationStore} of tiled stations. */
export interface TiledStore extends StationStore<ClusterSource> {
  /** Number of stations in the whole source (`size` counts the ones loaded). */
  readonly total: number;
  /** The registry version the store was built at. */
  readonly version: number;
}

function buildTiledStore(registry: StationRegistry, entries: Entry[], options: TiledStoreOptions): TiledStore {
  const n = entries.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const indexById = new Map<string, number>();
  entries.forEach((entry, i) => {
    lng[i] = entry.lng;
    lat[i] = entry.lat;
    indexById.set(entry.station.id, i);
  });
  const list = {
    size: n,
    at: (i: number) => {
      const entry = entries[i];
      if (!entry) throw new RangeError(`No station at position ${i} of ${n}`);
      return registry.pageStation(entry);
    },
    all: () => entries.map((entry) => registry.pageStation(entry)),
  };
  const base = options.indexColumns({ list, lng, lat, indexById });
  const sources = new Map<((index: number) => boolean) | null, ClusterSource>();
  const sourceFor = (accept: ((index: number) => boolean) | null): ClusterSource => {
    let source = sources.get(accept);
    if (!source) {
      source = tiledClusters(registry, indexById, options, accept, () => base.clustersFor(accept));
      sources.set(accept, source);
    }
    return source;
  };
  return {
    get size() {
      return n;
    },
    total: options.total,
    version: registry.changes,
    station: (i) => base.station(i),
    lng,
    lat,
    get spatial() {
      return base.spatial;
    },
    nearest: (x, y, k, nearestOptions) => base.nearest(x, y, k, nearestOptions),
    spatialSteps: () => base.spatialSteps(),
    clusterSteps: () => base.clusterSteps(),
    clusterView: () => sourceFor(null),
    indexById,
    skippedCount: 0,
    clustersFor: (accept) => sourceFor(accept),
    bboxOf: (accept) => (accept ? base.bboxOf(accept) : (options.bbox ?? base.bboxOf(null))),
    wgsStations: () => entries.map((entry) => entry.station),
    lookup: options.lookup,
  };
}

/**
 * Below the station zoom the producer's clusters (their counts cut to the filter's types, hidden
 * at 0) and lone stations; from the station zoom up the element's own clusters of the loaded stations.
 */
function tiledClusters(
  registry: StationRegistry,
  indexById: ReadonlyMap<string, number>,
  options: TiledStoreOptions,
  accept: ((index: number) => boolean) | null,
  own: () => ClusterSource,
): ClusterSource {
  return {
    // A filter's counts are its own: only the unfiltered view keeps markers from store to store.
    lineage: accept ? undefined : registry.lineage,
    getClusters(bbox, zoom) {
      if (zoom >= options.stationZoom) return own().getClusters(bbox, zoom);
      const types = options.filterTypes();
      const items: ClusterItem[] = [];
      const drawn = new Set<number>();
      for (const tile of options.tilesFor(bbox, zoom)) {
        for (const cluster of tile.clusters) {
          const count = keptCount(cluster, types);
          if (count > 0) items.push({ id: registry.clusterId(tile, cluster), lng: cluster.lng, lat: cluster.lat, count, index: -1 });
        }
        for (const { station, lng, lat } of tile.stations) {
          const index = indexById.get(station.id);
          if (index === undefined || drawn.has(index) || (accept && !accept(index))) continue;
          drawn.add(index);
          items.push({ id: -1 - index, lng, lat, count: 1, index });
        }
      }
      return items;
    },
    // A producer's cell is a tile two zooms down: there its stations spread over 16 cells.
    getExpansionZoom: (id) => {
      const zoom = registry.clusterZoom(id);
      return zoom === undefined ? own().getExpansionZoom(id) : Math.min(zoom + 2, options.stationZoom);
    },
    getLeaves: (id, limit, offset) => (registry.clusterZoom(id) === undefined ? own().getLeaves(id, limit, offset) : []),
  };
}
