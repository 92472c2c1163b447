/**
 * Mapbox Vector Tile 2.1 encoding of one layer of points, with `pbf` writing the protocol
 * buffers. Keys and values are stored once per layer and referenced by index from each
 * feature's tags; a point's geometry is one MoveTo command with zigzag-encoded coordinates.
 */
import { PbfWriter } from 'pbf';
import type { TileValue } from './tile-properties.js';

/** One point feature to encode, in tile units. */
export interface MvtPoint {
  x: number;
  y: number;
  /** The MVT feature id (a non-negative integer); left out when undefined. */
  id?: number;
  properties: Readonly<Record<string, TileValue>>;
}

/** Options of {@link encodePointLayer}. */
export interface EncodePointLayerOptions {
  /** Tile units a side (default 4096). */
  extent?: number;
}

// Field numbers of vector_tile.proto (MVT 2.1).
const TILE_LAYERS = 3;
const LAYER_NAME = 1;
const LAYER_FEATURES = 2;
const LAYER_KEYS = 3;
const LAYER_VALUES = 4;
const LAYER_EXTENT = 5;
const LAYER_VERSION = 15;
const FEATURE_ID = 1;
const FEATURE_TAGS = 2;
const FEATURE_TYPE = 3;
const FEATURE_GEOMETRY = 4;
const VALUE_STRING = 1;
const VALUE_DOUBLE = 3;
const VALUE_UINT = 5;
const VALUE_SINT = 6;
const VALUE_BOOL = 7;
const GEOM_POINT = 1;
/** Command integer of MoveTo (id 1) repeated once: `(1 & 0x7) | (1 << 3)`. */
const MOVE_TO_ONCE = 9;

/** A layer's keys and values, each stored once, with the tags of every feature. */
interface LayerTables {
  keys: string[];
  keyIndex: Map<string, number>;
  values: TileValue[];
  valueIndex: Map<string, number>;
  tags: number[][];
}

/**
 * The bytes of a tile holding one layer of points (an empty layer for no points).
 *
 * @example const bytes = encodePointLayer('stations', [{ x: 10, y: 20, properties: { id: 'A1' } }], { extent: 4096 });
 */
export function encodePointLayer(name: string, points: readonly MvtPoint[], options: EncodePointLayerOptions = {}): Uint8Array {
  const extent = options.extent ?? 4096;
  const tables = buildTables(points);
  const pbf = new PbfWriter();
  pbf.writeMessage(TILE_LAYERS, writeLayer, { name, extent, points, tables });
  // `finish` hands back a view of the writer's buffer: a copy of the used part is what the caller keeps.
  return pbf.finish().slice();
}

function buildTables(points: readonly MvtPoint[]): LayerTables {
  const tables: LayerTables = { keys: [], keyIndex: new Map(), values: [], valueIndex: new Map(), tags: [] };
  for (const point of points) {
    const tags: number[] = [];
    for (const key of Object.keys(point.properties)) {
      const value = point.properties[key]!;
      let k = tables.keyIndex.get(key);
      if (k === undefined) {
        k = tables.keys.push(key) - 1;
        tables.keyIndex.set(key, k);
      }
      // The type is part of the identity: the string "1" and the number 1 are different values.
      const valueKey = `${typeof value}:${value}`;
      let v = tables.valueIndex.get(valueKey);
      if (v === undefined) {
        v = tables.values.push(value) - 1;
        tables.valueIndex.set(valueKey, v);
      }
      tags.push(k, v);
    }
    tables.tags.push(tags);
  }
  return tables;
}

interface LayerInput {
  name: string;
  extent: number;
  points: readonly MvtPoint[];
  tables: LayerTables;
}

function writeLayer(layer: LayerInput, pbf: PbfWriter): void {
  pbf.writeVarintField(LAYER_VERSION, 2);
  pbf.writeStringField(LAYER_NAME, layer.name);
  layer.points.forEach((point, i) => pbf.writeMessage(LAYER_FEATURES, writeFeature, { point, tags: layer.tables.tags[i]! }));
  for (const key of layer.tables.keys) pbf.writeStringField(LAYER_KEYS, key);
  for (const value of layer.tables.values) pbf.writeMessage(LAYER_VALUES, writeValue, value);
  pbf.writeVarintField(LAYER_EXTENT, layer.extent);
}

function writeFeature({ point, tags }: { point: MvtPoint; tags: number[] }, pbf: PbfWriter): void {
  if (point.id !== undefined) pbf.writeVarintField(FEATURE_ID, point.id);
  if (tags.length > 0) pbf.writePackedVarint(FEATURE_TAGS, tags);
  pbf.writeVarintField(FEATURE_TYPE, GEOM_POINT);
  // A point's cursor starts at (0, 0), so its one MoveTo carries the position itself.
  pbf.writePackedVarint(FEATURE_GEOMETRY, [MOVE_TO_ONCE, zigzag(point.x), zigzag(point.y)]);
}

function writeValue(value: TileValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE_STRING, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE_BOOL, value);
  else if (Number.isSafeInteger(value)) {
    // Whole numbers as varints (shorter than doubles); negatives zigzagged, as sint64 is.
    if (value >= 0) pbf.writeVarintField(VALUE_UINT, value);
    else pbf.writeSVarintField(VALUE_SINT, value);
  } else pbf.writeDoubleField(VALUE_DOUBLE, value);
}

/**
 * Zigzag encoding of a parameter integer (MVT 4.3.2): 0, -1, 1, -2 … → 0, 1, 2, 3 …
 *
 * @example zigzag(-1) // 1
 */
export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}
