/**
 * The exact `k` nearest stations of a tiled source, loading as few tiles as it can. The tiles
 * below the station zoom say where stations are: each of their features stands for one cell of a
 * 4 × 4 grid, and the cell at zoom `z` is exactly tile `z + 2`. So the search walks that pyramid
 * best-first, from zoom 0 (or 1 when the station zoom is odd) down to the station zoom: it always
 * opens the box nearest to the position, and stops once `k` stations are nearer than every box
 * left unopened. Cells whose per-type counts the filter leaves at 0 are never opened.
 *
 * The distances are great-circle, from the same formula as `nearestStations`, to the positions the
 * station-zoom tiles hold (extent 16384: 0.6 m at zoom 12 in China), so the answer is a
 * brute-force scan's.
 */
import { boxDistanceMeters } from '../geo/sphere/box-distance.js';
import { haversineMeters } from '../geo/sphere/haversine.js';
import type { Station } from '../types.js';
import type { DecodedTile, TileCluster, TileKey } from './decode-station-tile.js';
import { tileBounds } from './tile-math.js';

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
}

/** What {@link findNearestInTiles} found. */
export interface NearestInTiles {
  /** The `k` nearest kept stations, nearest first (fewer when the source holds fewer). */
  results: Array<{ station: Station; distanceMeters: number }>;
  /** The station-zoom tiles opened: together they hold every station nearer than the last result. */
  stationTiles: DecodedTile[];
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
  const stationTiles: DecodedTile[] = [];
  if (!(k >= 1) || !Number.isFinite(lng) || !(lat >= -90 && lat <= 90)) return { results, stationTiles };
  const heap = new MinHeap<Entry>((a, b) => a.distance - b.distance);
  const queued = new Set<string>();
  const seen = new Set<string>();
  const pushTile = (tile: TileKey) => {
    const key = `${tile.z}/${tile.x}/${tile.y}`;
    if (queued.has(key)) return;
    queued.add(key);
    heap.push({ distance: boxDistanceMeters(lng, lat, tileBounds(tile)), tile });
  };
  const z0 = stationZoom % 2;
  for (let x = 0; x < 2 ** z0; x++) for (let y = 0; y < 2 ** z0; y++) pushTile({ z: z0, x, y });

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
      if (tile.z >= stationZoom) {
        stationTiles.push(tile);
        for (const { station, lng: x, lat: y } of tile.stations) heap.push({ distance: haversineMeters(lng, lat, x, y), station });
        continue;
      }
      const open = (cells: number[]) => {
        for (const cell of cells) pushTile({ z: tile.z + 2, x: tile.x * 4 + (cell % 4), y: tile.y * 4 + (cell >> 2) });
      };
      for (const cluster of tile.clusters) if (!countKept || countKept(cluster) > 0) open(cluster.cells);
      // A lone station below the station zoom has a rounded position: its exact one is further down.
      for (const { station, cells } of tile.stations) if (!accept || accept(station)) open(cells);
    }
  }
  return { results, stationTiles };
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
