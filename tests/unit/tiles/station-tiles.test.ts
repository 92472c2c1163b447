import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildStationTiles, type StationTile } from '../../../src/tiles/station-tiles.js';
import { zxyToTileId } from '../../../src/tiles/tile-math.js';
import { randomStations } from './random-stations.js';

const station = (id: string, lng: number, lat: number, type?: string): Feature<Point, Record<string, unknown>> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { name: id, ...(type ? { type } : {}) },
});

/** Stations counted in a tile: a cluster its count, a station 1. */
const total = (tile: StationTile) => tile.features.reduce((sum, f) => sum + ((f.properties.count as number | undefined) ?? 1), 0);

describe('buildStationTiles', () => {
  it('yields tiles in PMTiles tile-id order, zoom 0 to the station zoom', () => {
    const set = buildStationTiles(randomStations(3000, 5), { stationZoom: 9 });
    let last = -1;
    for (const tile of set.tiles()) {
      const id = zxyToTileId(tile.z, tile.x, tile.y);
      expect(id).toBeGreaterThan(last);
      last = id;
    }
    expect(last).toBeGreaterThanOrEqual(zxyToTileId(9, 0, 0));
  });

  it('puts a station on a tile edge in one tile at every zoom', () => {
    // Longitude 90° and latitude 0° are edges of tiles at every zoom from 2 up.
    const set = buildStationTiles([station('edge', 90, 0), station('near', 90.001, -0.001)], { stationZoom: 6 });
    const perZoom = new Map<number, number>();
    for (const tile of set.tiles()) perZoom.set(tile.z, (perZoom.get(tile.z) ?? 0) + total(tile));
    expect([...perZoom.values()]).toEqual(new Array(7).fill(2));
  });

  it('cuts a cluster out of stations that share a cell, with counts per type and other', () => {
    const set = buildStationTiles(
      [station('a', 116.39, 39.9, 'union-station'), station('b', 116.4, 39.91, 'union-station'), station('c', 116.41, 39.9, '职工之家'), station('d', 116.4, 39.92)],
      { stationZoom: 12 },
    );
    const world = set.tiles().next().value as StationTile;
    expect(world).toMatchObject({ z: 0, x: 0, y: 0, extent: 2 ** 26 });
    expect(world.features).toEqual([
      expect.objectContaining({ properties: { count: 4, 'count:union-station': 2, 'count:other': 2 } }),
    ]);
    expect(set.typeCounts).toEqual({ 'union-station': 2, other: 2 });
    expect(set.bounds).toEqual([116.39, 39.9, 116.41, 39.92]);
  });

  it('at station zoom 0 has one tile with every station, and leaves out stations without finite coordinates', () => {
    const broken = { ...station('x', 0, 0), geometry: { type: 'Point' as const, coordinates: [Number.NaN, 1] } };
    const set = buildStationTiles([station('a', 100, 30), broken, station('b', 101, 31)], { stationZoom: 0 });
    const tiles = [...set.tiles()];
    expect(tiles).toHaveLength(1);
    expect(tiles[0]).toMatchObject({ z: 0, extent: 2 ** 26 });
    expect(tiles[0]!.features.map((f) => [f.id, f.properties.id])).toEqual([
      [0, 'a'],
      [2, 'b'],
    ]);
    expect(set.count).toBe(2);
  });

  it('refuses a station zoom outside 0–18', () => {
    expect(() => buildStationTiles([], { stationZoom: 19 })).toThrow(RangeError);
    expect(() => buildStationTiles([], { stationZoom: 2.5 })).toThrow(RangeError);
    expect([...buildStationTiles([]).tiles()]).toEqual([]);
  });
});
