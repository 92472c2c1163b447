/**
 * Reads one tile of the `stations` layer (docs/design/tiled-stations.md) into stations and the
 * producer's clusters. Pure: no DOM, runs in Node, a Worker or the element's tiled-mode side file.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { unprojectX, unprojectY } from '../geo/crs/mercator.js';
import type { TileCoord } from './tile-math.js';
import type { Station } from '../types.js';
import { DEFAULT_JSON_FIELDS } from './tile-properties.js';

/** A tile of the XYZ scheme (y grows south). */
export type TileKey = TileCoord;

/** The name of the one layer of a station tile. */
export const STATIONS_LAYER = 'stations';

/** One station of a tile, with its WGS-84 position. */
export interface TileStation {
  /** The station: `id` a string, geometry WGS-84 `[lng, lat]`, JSON-text fields parsed. */
  station: Station;
  lng: number;
  lat: number;
  /** Below the station zoom: the cells (0…15, `x + 4 y`) of the 4 × 4 grid the point may stand for (see {@link cellsAt}). */
  cells: number[];
}

/** A cluster the producer made below the station zoom: the stations of one cell of the tile's 4 × 4 grid. */
export interface TileCluster {
  /** Mean position of the cell's stations (WGS-84). */
  lng: number;
  lat: number;
  /** Number of stations. */
  count: number;
  /** Stations per type (`union-station` …, `other`); the values sum to `count`. */
  counts: Record<string, number>;
  /** The cells (0…15) the cluster may stand for: its own, or two to four where rounding put it on an edge. */
  cells: number[];
  /** Position of the feature in its tile: a key for the map that stays the same when the tile is read again. */
  feature: number;
}

/** A decoded tile. */
export interface DecodedTile extends TileKey {
  stations: TileStation[];
  clusters: TileCluster[];
}

/** An empty tile (a 204, a 404, a zero-length body, a tile the archive does not hold). */
export function emptyTile(key: TileKey): DecodedTile {
  return { z: key.z, x: key.x, y: key.y, stations: [], clusters: [] };
}

/**
 * Decodes the MVT bytes of tile `key` (uncompressed). Features without a point or, outside
 * clusters, without an `id` are left out; a JSON-text field that does not parse stays text.
 *
 * @example const { stations, clusters } = decodeStationTile(bytes, { z: 12, x: 3372, y: 1552 });
 */
export function decodeStationTile(
  bytes: Uint8Array,
  key: TileKey,
  options: { jsonFields?: readonly string[] } = {},
): DecodedTile {
  const tile = emptyTile(key);
  if (bytes.byteLength === 0) return tile;
  const layer = new VectorTile(new PbfReader(bytes)).layers[STATIONS_LAYER];
  if (!layer) return tile;
  const jsonFields = options.jsonFields ?? DEFAULT_JSON_FIELDS;
  const n = 2 ** key.z;
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const point = feature.type === 1 ? feature.loadGeometry()[0]?.[0] : undefined;
    if (!point) continue;
    const extent = feature.extent;
    const lng = unprojectX((key.x + point.x / extent) / n);
    const lat = unprojectY((key.y + point.y / extent) / n);
    const cells = cellsAt(point.x, point.y, extent);
    const properties = feature.properties;
    if (typeof properties.count === 'number') {
      const counts: Record<string, number> = {};
      for (const name of Object.keys(properties)) {
        const value = properties[name];
        if (name.startsWith('count:') && typeof value === 'number') counts[name.slice(6)] = value;
      }
      tile.clusters.push({ lng, lat, count: properties.count, counts, cells, feature: i });
      continue;
    }
    const { id, ...rest } = properties;
    if (id === undefined || id === '') continue;
    for (const field of jsonFields) {
      const text = rest[field];
      if (typeof text !== 'string') continue;
      try {
        (rest as Record<string, unknown>)[field] = JSON.parse(text);
      } catch {
        // Not JSON after all: kept as the text it is.
      }
    }
    const station = { type: 'Feature', id: String(id), geometry: { type: 'Point', coordinates: [lng, lat] }, properties: rest } as Station;
    tile.stations.push({ station, lng, lat, cells });
  }
  return tile;
}

/**
 * The cells of a tile's 4 × 4 grid (`cx + 4 cy`) a point at `(px, py)` (tile units of `extent`)
 * may stand for. A point is rounded to whole units when the tile is written, so one within a
 * unit of a cell edge may come from the cell on either side: both are named, and a search that
 * opens every cell named never misses a station.
 */
export function cellsAt(px: number, py: number, extent: number): number[] {
  const xs = cellRange(px, extent);
  const ys = cellRange(py, extent);
  const cells: number[] = [];
  for (let cy = ys[0]; cy <= ys[1]; cy++) for (let cx = xs[0]; cx <= xs[1]; cx++) cells.push(cx + 4 * cy);
  return cells;
}

function cellRange(p: number, extent: number): [number, number] {
  const size = extent / 4;
  const clamp = (c: number) => Math.min(3, Math.max(0, c));
  return [clamp(Math.floor((p - 1) / size)), clamp(Math.floor((p + 1) / size))];
}
