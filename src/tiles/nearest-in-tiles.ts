/**
 * The exact `k` nearest stations of a tiled source, loading as few tiles as it can. The tiles
 * below the station zoom say where stations are: each of their features stands for one cell of a
 * 4 × 4 grid, and the cell at zoom `z` is exactly tile `z + 2`. So the search walks that pyramid
 * best-first, from zoom 0 (or 1 when the station zoom is odd) down to the station zoom: it always
 * opens the box nearest to the position, and stops once `k` stations are nearer than every box
 * left unopened. Cells whose per-type counts the filter leaves at 0 are never opened.
 *
 * The distances are great-circle, from the same formula as `nearestStations`, to the positions the
 * tiles hold (within 0.3 m of the source at every zoom: see `tileExtent`), so the answer is a
 * brute-force scan's. A lone station below the station zoom is final: its cell holds only it.
 */
import { boxDistanceMeters } from '../geo/sphere/box-distance.js';
import { haversineMeters } from '../geo/sphere/haversine.js';
import type { Station } from '../types.js';
import type { DecodedTile, TileCluster, TileKey } from './decode-station-tile.js';
import { lngLatToTile, tileBounds } from './tile-math.js';

/** Options of {@link findNearestInTiles}. */
export interface NearestInTilesOptions {
  /** The zoom whose tiles hold every station with its exact position. */
  stationZoom: number;
  /** Loads tiles (from a cache or the network), in parallel; an empty tile is a tile with no features. */
  loadTiles(keys: TileKey[]): Promise<DecodedTile[]>;
  /** Keeps a station (the page's filter); default all. */
  accept?: ((station: Station) => boolean) | null;
  /** How many of a cluster's stations the filter may keep (from its per-type counts); default all. 0 prunes the cell. */
  countKept?: ((cluster: TileCluster) => number) | null;
  /** Tiles fetched at once while the nearest boxes are tiles (default 8). */
  batch?: number;
  /**
   * Zoom to start from (default 0, or 1 for an odd station zoom; it must have the station zoom's
   * parity). A source whose directory says which tiles exist (PMTiles) starts deeper: its empty
   * tiles cost no request, and each level skipped is a round trip saved.
   */
  startZoom?: number;
  /** Bounds of every station of the source: the start zoom's tiles outside them are not searched. */
  bbox?: readonly [number, number, number, number] | null;
}

/** What {@link findNearestInTiles} found. */
export interface NearestInTiles {
  /** The `k` nearest kept stations, nearest first (fewer when the source holds fewer). */
  results: Array<{ station: Station; distanceMeters: number }>;
  /** The opened tiles that hold stations (every station-zoom one, and those with lone stations below): together they hold every station nearer than the last result. */
  tiles: DecodedTile[];
}

/**
 * The start zoom of a search in a source whose empty tiles are free: the deepest zoom up to `most`
 * (default 6: a few hundred tiles over China, every one of them in an archive's root directory)
 * with the station zoom's parity.
 *
 * @example deepStartZoom(14) // 6
 * @example deepStartZoom(13) // 5
 */
export function deepStartZoom(stationZoom: number, most = 6): number {
  if (stationZoom <= most) return stationZoom;
  return most - ((stationZoom - most) % 2);
}

type Entry = { distance: number; tile: TileKey; station?: undefined } | { distance: number; station: Station; tile?: undefined };

/**
 * Finds the `k` stations nearest to WGS-84 `(lng, lat)` in a tiled source.
 *
 * @example
 * const { results } = await findNearestInTiles(117.13, 36.21, 5, { stationZoom: 12, loadTiles });
 */
export async function findNearestInTiles(lng: number, lat: number, k: number, options: NearestInTilesOptions): Promise<NearestInTiles> {
  const { stationZoom, loadTiles, accept, countKept } = options;
  const batch = options.batch ?? 8;
  const results: NearestInTiles['results'] = [];
  const tiles: DecodedTile[] = [];
  if (!(k >= 1) || !Number.isFinite(lng) || !(lat >= -90 && lat <= 90)) return { results, tiles };
  const heap = new MinHeap<Entry>((a, b) => a.distance - b.distance);
  const queued = new Set<string>();
  const seen = new Set<string>();
  const pushTile = (tile: TileKey) => {
    const key = `${tile.z}/${tile.x}/${tile.y}`;
    if (queued.has(key)) return;
    queued.add(key);
    heap.push({ distance: boxDistanceMeters(lng, lat, tileBounds(tile)), tile });
  };
  const z0 = Math.min(options.startZoom ?? stationZoom % 2, stationZoom);
  if ((stationZoom - z0) % 2 !== 0) throw new RangeError(`start zoom ${z0} and station zoom ${stationZoom} differ in parity`);
  const side = 2 ** z0;
  let [x0, y0, x1, y1] = [0, 0, side - 1, side - 1];
  if (options.bbox) {
    const [west, south, east, north] = options.bbox;
    const min = lngLatToTile(west, north, z0);
    const max = lngLatToTile(east, south, z0);
    // Bounds reaching or crossing the antimeridian keep every column.
    if (west < east && east < 180) [x0, x1] = [min.x, max.x];
    [y0, y1] = [min.y, max.y];
  }
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) pushTile({ z: z0, x, y });
  // The tile under the position at every level below: fetched now, together, they bring the
  // directories of each level around it (a PMTiles leaf each) in one round trip, not one a level.
  const column: TileKey[] = [];
  for (let z = z0 + 2; z <= stationZoom; z += 2) column.push(lngLatToTile(lng, lat, z));
  if (column.length > 0) void loadTiles(column).catch(() => {});

  while (results.length < k && heap.size > 0) {
    if (heap.peek()!.station) {
      const { station, distance } = heap.pop()! as { station: Station; distance: number };
      if (!seen.has(station.id) && (!accept || accept(station))) results.push({ station, distanceMeters: distance });
      seen.add(station.id);
      continue;
    }
    // The nearest boxes are tiles: open a few at once (opening more than needed is never wrong).
    const keys: TileKey[] = [];
    while (keys.length < batch && heap.size > 0 && heap.peek()!.tile) keys.push(heap.pop()!.tile!);
    for (const tile of await loadTiles(keys)) {
      if (tile.z >= stationZoom || tile.stations.length > 0) tiles.push(tile);
      if (tile.z >= stationZoom) {
        for (const { station, lng: x, lat: y } of tile.stations) heap.push({ distance: haversineMeters(lng, lat, x, y), station });
        continue;
      }
      const open = (cells: number[]) => {
        for (const cell of cells) pushTile({ z: tile.z + 2, x: tile.x * 4 + (cell % 4), y: tile.y * 4 + (cell >> 2) });
      };
      for (const cluster of tile.clusters) if (!countKept || countKept(cluster) > 0) open(cluster.cells);
      for (const { station, lng: x, lat: y } of tile.stations) heap.push({ distance: haversineMeters(lng, lat, x, y), station });
    }
  }
  return { results, tiles };
}

/** A binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const { items, compare } = this;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(items[parent]!, item) <= 0) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const { items, compare } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const child = left + 1 < items.length && compare(items[left + 1]!, items[left]!) < 0 ? left + 1 : left;
      if (compare(items[child]!, last) >= 0) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
