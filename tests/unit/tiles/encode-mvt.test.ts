import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodePointLayer, zigzag, type MvtPoint } from '../../../src/tiles/encode-mvt.js';

describe('encodePointLayer', () => {
  const points: MvtPoint[] = [
    { x: 0, y: 0, id: 0, properties: { id: 'A1', name: '驿站', count: 3, ratio: 0.25, open: true } },
    { x: 4095, y: 17, id: 7, properties: { id: 'A2', name: '驿站', count: -12, big: 2 ** 40, open: false } },
    { x: -5, y: 4200, properties: { id: '1', one: 1, text: '1' } },
  ];
  const bytes = encodePointLayer('stations', points, { extent: 4096 });
  const layer = new VectorTile(new PbfReader(bytes)).layers.stations!;

  it('decodes with @mapbox/vector-tile: one layer of points, positions and ids as written', () => {
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(3);
    points.forEach((point, i) => {
      const feature = layer.feature(i);
      expect(feature.type).toBe(1);
      expect(feature.id).toBe(point.id);
      expect(feature.loadGeometry()).toEqual([[expect.objectContaining({ x: point.x, y: point.y })]]);
    });
  });

  it('keeps every value with its type: strings, whole and fractional numbers, negatives, booleans', () => {
    points.forEach((point, i) => expect(layer.feature(i).properties).toEqual(point.properties));
  });

  it('stores each key and each value once, the string "1" apart from the number 1', () => {
    const internals = layer as unknown as { _keys: string[]; _values: unknown[] };
    expect(internals._keys).toEqual(['id', 'name', 'count', 'ratio', 'open', 'big', 'one', 'text']);
    expect(internals._values.filter((v) => v === '驿站')).toHaveLength(1);
    expect(internals._values.filter((v) => v === 1)).toHaveLength(1);
    expect(internals._values.filter((v) => v === '1')).toHaveLength(1);
  });

  it('writes a layer without features for no points, and uses extent 16384 when asked', () => {
    // Bytes of their own (a PMTiles tile may not be empty), which the reader takes as no layer at all.
    const empty = encodePointLayer('stations', []);
    expect(empty.length).toBeGreaterThan(0);
    expect(new VectorTile(new PbfReader(empty)).layers).toEqual({});
    const fine = new VectorTile(new PbfReader(encodePointLayer('stations', [{ x: 16000, y: 1, properties: {} }], { extent: 16384 }))).layers.stations!;
    expect(fine.extent).toBe(16384);
    expect(fine.feature(0).loadGeometry()[0]![0]).toMatchObject({ x: 16000, y: 1 });
  });

  it('zigzags parameter integers', () => {
    expect([0, -1, 1, -2, 2, 2047, -2048].map(zigzag)).toEqual([0, 1, 2, 3, 4, 4094, 4095]);
  });
});
