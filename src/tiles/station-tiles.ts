/**
 * Cuts stations into the tiles of docs/design/tiled-stations.md: at the station zoom `S` every
 * station as a point with its properties; below it, each tile as a 4 × 4 grid of cells, a cell with
 * one station giving that station and a cell with more giving a cluster at their mean position
 * with `count` and `count:<type>`. Every zoom's extent ({@link tileExtent}) keeps points within
 * 0.3 m of the source, so a lone station read below `S` is as exact as at `S`.
 *
 * Built bottom-up for a million stations: every station gets one Hilbert key on the grid of the
 * finest cells (zoom `S - 1`, `2^(S+1)` cells a side) and the keys are radix-sorted once. The
 * Hilbert curve nests, so in that order every cell and every tile at every zoom is one run of
 * stations, and the runs come in PMTiles tile-id order. The cells of zoom `z - 1` are the cells
 * of zoom `z` merged four by four; no zoom looks at the stations again.
 */
import type { Feature, GeoJsonProperties, Point } from 'geojson';
import { projectX, projectY } from '../geo/crs/mercator.js';
import { sortKeys } from '../geo/index/radix-sort.js';
import { KNOWN_STATION_TYPES } from '../data/filter-stations.js';
import { hilbertDistance, type TileCoord } from './tile-math.js';
import { isClusterPropertyName, tileValueType, toTileProperties, type TileValue } from './tile-properties.js';

/** The station types that get a `count:<type>` of their own (the schema's); every other or missing type counts as `other`. */
export const CLUSTER_TYPES = KNOWN_STATION_TYPES;

/**
 * The station zoom when none is given. At 14 a dense city's station tile stays a few KB (at 12 a
 * tile of downtown Shanghai from a national file is 60–70 KB: seconds on a phone's link), while a
 * city view at zoom 12–13 draws the producer's clusters, as the element clusters a GeoJSON file.
 */
export const DEFAULT_STATION_ZOOM = 14;
/** Highest station zoom: finer tiles would hold one station each and only add directory size. */
export const MAX_STATION_ZOOM = 18;
/**
 * The extent of a zoom-`z` tile: `2^(26 − z)`, at least 4096. One tile unit is then 0.6 m or less
 * at every zoom (40,075 km ÷ 2^26), so a station's point sits within 0.3 m of its source position
 * wherever it is read, and the nearest stations read from tiles order as a brute-force scan does.
 * (At zoom 0 that is 2^26, a 4-byte varint a coordinate: a low-zoom tile has at most 16 features.)
 */
export function tileExtent(z: number): number {
  return 2 ** Math.max(12, 26 - z);
}
/** Cells a side of a tile below the station zoom (64 px each of a 256 px tile). */
export const CELLS_PER_SIDE = 4;

const OTHER = CLUSTER_TYPES.length;
const TYPE_SLOTS = CLUSTER_TYPES.length + 1;
const TYPE_INDEX = new Map<string, number>(CLUSTER_TYPES.map((t, i) => [t, i]));
const COUNT_KEYS = [...CLUSTER_TYPES.map((t) => `count:${t}`), 'count:other'];

/** One point of a tile, in tile units of the tile's extent. */
export interface TilePoint {
  x: number;
  y: number;
  /** The station's index in the input, for stations; clusters have none. */
  id?: number;
  properties: Record<string, TileValue>;
}

/** A non-empty tile. */
export interface StationTile extends TileCoord {
  extent: number;
  features: TilePoint[];
}

/** Options of {@link buildStationTiles}. */
export interface StationTilesOptions {
  /** Zoom at which tiles carry every station (default {@link DEFAULT_STATION_ZOOM}, at most {@link MAX_STATION_ZOOM}). */
  stationZoom?: number;
}

/** The stations cut into tiles, with what an archive's header and metadata say about them. */
export interface StationTileSet {
  stationZoom: number;
  /** Stations in the tiles (input features without finite coordinates are left out). */
  count: number;
  /** Stations per type: the known types by name, every other type as `other`; only types present. */
  typeCounts: Record<string, number>;
  /** Property names written as JSON text, sorted. */
  jsonFields: string[];
  /** Every property name of the tiles with its TileJSON type (`String`, `Number`, `Boolean`, `Mixed`). */
  fields: Record<string, string>;
  /** `[west, south, east, north]` of the stations; `null` without stations. */
  bounds: [number, number, number, number] | null;
  /** Every non-empty tile, zoom 0 to the station zoom, each zoom in PMTiles tile-id order. */
  tiles(): Generator<StationTile>;
}

/** A station for the tiler: a GeoJSON Point in WGS-84 (as `station-map convert` writes it). */
export type StationFeature = Feature<Point, GeoJsonProperties>;

/**
 * The cells of one zoom, in Hilbert order: `code` is the cell's Hilbert distance on the grid of
 * `2^(z+2)` cells a side; `first` is the sorted position of one of its stations.
 */
interface CellLevel {
  length: number;
  code: Float64Array;
  count: Uint32Array;
  sumX: Float64Array;
  sumY: Float64Array;
  types: Uint32Array;
  first: Uint32Array;
}

/**
 * Cuts `stations` into tiles, zoom 0 to the station zoom.
 *
 * @example
 * const set = buildStationTiles(toCleanGeoJson(stations, 'wgs84').features, { stationZoom: 12 });
 * for (const tile of set.tiles()) console.log(tile.z, tile.x, tile.y, tile.features.length);
 */
export function buildStationTiles(stations: readonly StationFeature[], options: StationTilesOptions = {}): StationTileSet {
  const S = options.stationZoom ?? DEFAULT_STATION_ZOOM;
  if (!Number.isInteger(S) || S < 0 || S > MAX_STATION_ZOOM) throw new RangeError(`station zoom ${S} is outside 0…${MAX_STATION_ZOOM}`);

  // The usable stations, projected to the unit square once.
  const source: number[] = [];
  for (let i = 0; i < stations.length; i++) {
    const c = stations[i]?.geometry?.coordinates;
    if (c && Number.isFinite(c[0]) && Number.isFinite(c[1])) source.push(i);
  }
  const n = source.length;
  const wx = new Float64Array(n);
  const wy = new Float64Array(n);
  const type = new Uint8Array(n);
  const keys = new Float64Array(n);
  const side = 2 ** (S + 1);
  const typeCounts = new Array<number>(TYPE_SLOTS).fill(0);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let j = 0; j < n; j++) {
    const station = stations[source[j]!]!;
    const [lng, lat] = station.geometry.coordinates as [number, number];
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    wx[j] = projectX(lng);
    wy[j] = projectY(lat);
    const t = station.properties?.type;
    type[j] = typeof t === 'string' ? (TYPE_INDEX.get(t) ?? OTHER) : OTHER;
    typeCounts[type[j]!]!++;
    keys[j] = hilbertDistance(S + 1, gridIndex(wx[j]!, side), gridIndex(wy[j]!, side));
  }
  const { order } = sortKeys(keys, { toBit: 2 * (S + 1) });
  const sortedKeys = new Float64Array(n);
  for (let k = 0; k < n; k++) sortedKeys[k] = keys[order[k]!]!;

  const levels: CellLevel[] = [];
  if (S > 0) {
    levels[S - 1] = firstLevel(order, sortedKeys, wx, wy, type);
    for (let z = S - 1; z > 0; z--) levels[z - 1] = mergeLevel(levels[z]!);
  }

  const meta = describeProperties(stations, source);
  for (const key of ['count', ...COUNT_KEYS]) meta.fields[key] = 'Number';

  const idOf = (j: number): string => {
    const station = stations[source[j]!]!;
    const id = station.id ?? station.properties?.id;
    return id === undefined || id === null ? String(source[j]) : String(id);
  };
  const stationPoint = (j: number, tile: TileCoord, extent: number): TilePoint => {
    const scale = 2 ** tile.z;
    return {
      x: Math.round((wx[j]! * scale - tile.x) * extent),
      y: Math.round((wy[j]! * scale - tile.y) * extent),
      id: source[j]!,
      properties: toTileProperties(idOf(j), stations[source[j]!]!.properties),
    };
  };

  function* tiles(): Generator<StationTile> {
    for (let z = 0; z < S; z++) yield* clusterTiles(levels[z]!, z, order, wx, wy, stationPoint);
    yield* stationTiles(S, order, sortedKeys, wx, wy, stationPoint);
  }

  const counts: Record<string, number> = {};
  typeCounts.forEach((count, i) => {
    if (count > 0) counts[i === OTHER ? 'other' : CLUSTER_TYPES[i]!] = count;
  });
  return {
    stationZoom: S,
    count: n,
    typeCounts: counts,
    jsonFields: [...meta.jsonFields].sort(),
    fields: meta.fields,
    bounds: n > 0 ? [west, south, east, north] : null,
    tiles,
  };
}

/** The zoom `S - 1` cells: runs of equal keys in the sorted stations. */
function firstLevel(order: Uint32Array, keys: Float64Array, wx: Float64Array, wy: Float64Array, type: Uint8Array): CellLevel {
  const level = allocateLevel(keys.length);
  let c = -1;
  for (let k = 0; k < keys.length; k++) {
    const j = order[k]!;
    if (c < 0 || keys[k] !== level.code[c]) {
      c++;
      level.code[c] = keys[k]!;
      level.first[c] = k;
    }
    level.count[c]!++;
    level.sumX[c] += wx[j]!;
    level.sumY[c] += wy[j]!;
    level.types[c * TYPE_SLOTS + type[j]!]!++;
  }
  level.length = c + 1;
  return level;
}

/** The cells one zoom up: four neighbouring cells (one run of codes) make one. */
function mergeLevel(below: CellLevel): CellLevel {
  const level = allocateLevel(below.length);
  let c = -1;
  for (let b = 0; b < below.length; b++) {
    const code = Math.floor(below.code[b]! / 4);
    if (c < 0 || code !== level.code[c]) {
      c++;
      level.code[c] = code;
      level.first[c] = below.first[b]!;
    }
    level.count[c] += below.count[b]!;
    level.sumX[c] += below.sumX[b]!;
    level.sumY[c] += below.sumY[b]!;
    for (let t = 0; t < TYPE_SLOTS; t++) level.types[c * TYPE_SLOTS + t] += below.types[b * TYPE_SLOTS + t]!;
  }
  level.length = c + 1;
  return level;
}

function allocateLevel(size: number): CellLevel {
  return {
    length: 0,
    code: new Float64Array(size),
    count: new Uint32Array(size),
    sumX: new Float64Array(size),
    sumY: new Float64Array(size),
    types: new Uint32Array(size * TYPE_SLOTS),
    first: new Uint32Array(size),
  };
}

/** The tiles of zoom `z < S`: runs of cells whose codes share all but the last four bits (4 × 4 cells). */
function* clusterTiles(
  level: CellLevel,
  z: number,
  order: Uint32Array,
  wx: Float64Array,
  wy: Float64Array,
  stationPoint: (j: number, tile: TileCoord, extent: number) => TilePoint,
): Generator<StationTile> {
  const scale = 2 ** z;
  let c = 0;
  while (c < level.length) {
    const tileCode = Math.floor(level.code[c]! / 16);
    const j = order[level.first[c]!]!;
    const extent = tileExtent(z);
    const tile: StationTile = { z, x: tileIndex(wx[j]!, scale), y: tileIndex(wy[j]!, scale), extent, features: [] };
    for (; c < level.length && Math.floor(level.code[c]! / 16) === tileCode; c++) {
      const count = level.count[c]!;
      if (count === 1) {
        tile.features.push(stationPoint(order[level.first[c]!]!, tile, extent));
        continue;
      }
      const properties: Record<string, TileValue> = { count };
      for (let t = 0; t < TYPE_SLOTS; t++) {
        const typeCount = level.types[c * TYPE_SLOTS + t]!;
        if (typeCount > 0) properties[COUNT_KEYS[t]!] = typeCount;
      }
      tile.features.push({
        x: Math.round(((level.sumX[c]! / count) * scale - tile.x) * extent),
        y: Math.round(((level.sumY[c]! / count) * scale - tile.y) * extent),
        properties,
      });
    }
    yield tile;
  }
}

/** The tiles of the station zoom: runs of stations whose keys share all but the last two bits (2 × 2 finest cells). */
function* stationTiles(
  S: number,
  order: Uint32Array,
  keys: Float64Array,
  wx: Float64Array,
  wy: Float64Array,
  stationPoint: (j: number, tile: TileCoord, extent: number) => TilePoint,
): Generator<StationTile> {
  const scale = 2 ** S;
  const extent = tileExtent(S);
  let k = 0;
  while (k < keys.length) {
    const tileCode = Math.floor(keys[k]! / 4);
    const j = order[k]!;
    const tile: StationTile = { z: S, x: tileIndex(wx[j]!, scale), y: tileIndex(wy[j]!, scale), extent, features: [] };
    for (; k < keys.length && Math.floor(keys[k]! / 4) === tileCode; k++) tile.features.push(stationPoint(order[k]!, tile, extent));
    yield tile;
  }
}

/** The JSON-text property names and the TileJSON field types of the stations' tile properties. */
function describeProperties(stations: readonly StationFeature[], source: readonly number[]): { jsonFields: Set<string>; fields: Record<string, string> } {
  const jsonFields = new Set<string>();
  const fields: Record<string, string> = { id: 'String' };
  for (const i of source) {
    const properties = stations[i]!.properties;
    if (!properties) continue;
    for (const key in properties) {
      if (key === 'id' || isClusterPropertyName(key)) continue;
      const value = properties[key];
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      const isJson = typeof value === 'object';
      if (isJson) jsonFields.add(key);
      const kind = isJson ? 'String' : tileValueType(value as TileValue);
      const known = fields[key];
      if (known === undefined) fields[key] = kind;
      else if (known !== kind) fields[key] = 'Mixed';
    }
  }
  return { jsonFields, fields };
}

/** Cell or tile index of a unit-square coordinate on a grid of `side` a side (the bottom edge belongs to the last row). */
function gridIndex(v: number, side: number): number {
  const i = Math.floor(v * side);
  return i >= side ? side - 1 : i;
}

function tileIndex(v: number, scale: number): number {
  return gridIndex(v, scale);
}
