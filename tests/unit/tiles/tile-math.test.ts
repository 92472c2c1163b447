import { tileIdToZxy as officialTileIdToZxy, zxyToTileId as officialZxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
  hilbertDistance,
  lngLatToTile,
  lngLatToTilePoint,
  tileBounds,
  tileIdToZxy,
  tilePointToLngLat,
  zxyToTileId,
} from '../../../src/tiles/tile-math.js';
import { createRandom } from '../geo/seeded-random.js';

describe('tile math', () => {
  it('finds the tile of a position, and the position inside it', () => {
    expect(lngLatToTile(116.39, 39.91, 12)).toEqual({ z: 12, x: 3372, y: 1551 });
    expect(lngLatToTile(0, 0, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(lngLatToTile(179.9, -90, 2)).toEqual({ z: 2, x: 3, y: 3 });
    const tile = lngLatToTile(116.39, 39.91, 12);
    const [px, py] = lngLatToTilePoint(116.39, 39.91, tile, 4096);
    expect(px).toBeGreaterThanOrEqual(0);
    expect(px).toBeLessThan(4096);
    const [lng, lat] = tilePointToLngLat(px, py, tile, 4096);
    expect(Math.abs(lng - 116.39)).toBeLessThan(1e-4);
    expect(Math.abs(lat - 39.91)).toBeLessThan(1e-4);
  });

  it('gives tile bounds west, south, east, north', () => {
    const [w, s, e, n] = tileBounds({ z: 1, x: 1, y: 0 });
    expect(w).toBe(0);
    expect(s).toBeCloseTo(0, 9);
    expect(e).toBe(180);
    expect(n).toBeCloseTo(85.0511287798066, 9);
  });

  it('numbers tiles as the official PMTiles reader does, both ways', () => {
    const random = createRandom(7);
    for (let i = 0; i < 2000; i++) {
      const z = Math.floor(random() * 27);
      const x = Math.floor(random() * 2 ** z);
      const y = Math.floor(random() * 2 ** z);
      const id = zxyToTileId(z, x, y);
      expect(id).toBe(officialZxyToTileId(z, x, y));
      expect(tileIdToZxy(id)).toEqual({ z, x, y });
      expect(officialTileIdToZxy(id)).toEqual([z, x, y]);
    }
    expect(() => zxyToTileId(3, 8, 0)).toThrow(RangeError);
  });

  it('nests: a cell’s Hilbert distance divided by four is its parent’s', () => {
    const random = createRandom(11);
    for (let i = 0; i < 1000; i++) {
      const level = 1 + Math.floor(random() * 16);
      const x = Math.floor(random() * 2 ** level);
      const y = Math.floor(random() * 2 ** level);
      expect(Math.floor(hilbertDistance(level, x, y) / 4)).toBe(hilbertDistance(level - 1, x >> 1, y >> 1));
    }
  });
});
