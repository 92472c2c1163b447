/**
 * Round trip of the tile producer through the official PMTiles reader and @mapbox/vector-tile:
 * what docs/design/tiled-stations.md promises the element, checked on seeded stations.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { buildStationArchive } from '../../../src/tiles/station-archive.js';
import { CLUSTER_TYPES, DEFAULT_STATION_ZOOM, tileExtent } from '../../../src/tiles/station-tiles.js';
import { lngLatToTile, tileBounds } from '../../../src/tiles/tile-math.js';
import { openArchive, readStationTile, type DecodedPoint } from './archive-reader.js';
import { randomStations } from './random-stations.js';

const gzip = (bytes: Uint8Array) => gzipSync(bytes);
const KNOWN = new Set<string>(CLUSTER_TYPES);

/** The distinct tiles at zoom `z` that hold at least one of `stations`. */
function tilesAt(stations: ReturnType<typeof randomStations>, z: number): Array<[number, number]> {
  const seen = new Map<string, [number, number]>();
  for (const s of stations) {
    const { x, y } = lngLatToTile(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, z);
    seen.set(`${x}/${y}`, [x, y]);
  }
  return [...seen.values()];
}

describe('station archive', () => {
  const stations = randomStations(2000, 42, [108, 28, 122, 40]);
  const S = 12;
  const archive = buildStationArchive(stations, { gzip, stationZoom: S, generator: 'station-map test' });
  const reader = openArchive(archive.chunks);
  const byId = new Map(stations.map((s) => [s.id as string, s]));

  it('has the header of the contract: zooms, bounds, center, MVT, gzip, clustered', async () => {
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(S);
    expect(header.tileType).toBe(1);
    expect(header.tileCompression).toBe(2);
    expect(header.internalCompression).toBe(2);
    expect(header.clustered).toBe(true);
    const lngs = stations.map((s) => s.geometry.coordinates[0]!);
    const lats = stations.map((s) => s.geometry.coordinates[1]!);
    expect(header.minLon).toBeCloseTo(Math.min(...lngs), 6);
    expect(header.maxLon).toBeCloseTo(Math.max(...lngs), 6);
    expect(header.minLat).toBeCloseTo(Math.min(...lats), 6);
    expect(header.maxLat).toBeCloseTo(Math.max(...lats), 6);
    expect(header.centerLon).toBeGreaterThan(header.minLon);
    expect(header.centerLon).toBeLessThan(header.maxLon);
    expect(header.numAddressedTiles).toBe(archive.summary.addressedTiles);
    expect(archive.summary.bytes).toBe(archive.chunks.reduce((sum, c) => sum + c.length, 0));
  });

  it('has the metadata of the contract: totals, type counts, JSON fields, layer fields', async () => {
    const metadata = (await reader.getMetadata()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ name: 'stations', format: 'pbf', generator: 'station-map test', station_zoom: S, station_count: 2000 });
    const typeCounts = metadata.type_counts as Record<string, number>;
    expect(Object.values(typeCounts).reduce((a, b) => a + b, 0)).toBe(2000);
    const expectedOther = stations.filter((s) => !KNOWN.has(s.properties.type as string)).length;
    expect(typeCounts.other).toBe(expectedOther);
    expect(metadata.json_fields).toEqual(['honors', 'services']);
    const [layer] = metadata.vector_layers as Array<{ id: string; minzoom: number; maxzoom: number; fields: Record<string, string> }>;
    expect(layer).toMatchObject({ id: 'stations', minzoom: 0, maxzoom: S });
    expect(layer!.fields).toMatchObject({ id: 'String', count: 'Number', 'count:other': 'Number', name: 'String', seats: 'Number', verified: 'Boolean', services: 'String' });
    expect(layer!.fields).not.toHaveProperty('phone');
  });

  it('holds every station exactly once at the station zoom, within 1 m, with all its properties', async () => {
    const seen = new Map<string, DecodedPoint>();
    for (const [x, y] of tilesAt(stations, S)) {
      const features = (await readStationTile(reader, S, x, y))!;
      expect(features.length).toBeGreaterThan(0);
      for (const f of features) {
        expect(f.extent).toBe(tileExtent(S));
        expect(f.properties).not.toHaveProperty('count');
        const id = f.properties.id as string;
        expect(seen.has(id)).toBe(false);
        seen.set(id, f);
      }
    }
    expect(seen.size).toBe(stations.length);
    for (const [id, f] of seen) {
      const s = byId.get(id)!;
      expect(haversineMeters(f.lng, f.lat, s.geometry.coordinates[0]!, s.geometry.coordinates[1]!)).toBeLessThan(1);
      const { phone, services, honors, ...scalars } = s.properties;
      expect(phone).toBeNull();
      expect(f.properties).not.toHaveProperty('phone');
      expect(f.properties).toMatchObject(scalars);
      expect(JSON.parse(f.properties.services as string)).toEqual(services);
      if (honors) expect(JSON.parse(f.properties.honors as string)).toEqual(honors);
      else expect(f.properties).not.toHaveProperty('honors');
    }
  });

  it('sums to the total at every zoom below, clusters inside their cells with per-type counts summing to count', async () => {
    for (let z = 0; z < S; z++) {
      let total = 0;
      for (const [x, y] of tilesAt(stations, z)) {
        const features = (await readStationTile(reader, z, x, y))!;
        const [west, south, east, north] = tileBounds({ z, x, y });
        for (const f of features) {
          expect(f.extent).toBe(tileExtent(z));
          expect(f.lng).toBeGreaterThanOrEqual(west - 1e-6);
          expect(f.lng).toBeLessThanOrEqual(east + 1e-6);
          expect(f.lat).toBeGreaterThanOrEqual(south - 1e-6);
          expect(f.lat).toBeLessThanOrEqual(north + 1e-6);
          const count = f.properties.count;
          if (count === undefined) {
            // A lone station in its cell: the station itself, as at the station zoom, as exact.
            total += 1;
            const s = byId.get(f.properties.id as string)!;
            expect(f.properties.name).toBe(s.properties.name);
            expect(haversineMeters(f.lng, f.lat, s.geometry.coordinates[0]!, s.geometry.coordinates[1]!)).toBeLessThan(1);
            continue;
          }
          expect(count).toBeGreaterThanOrEqual(2);
          total += count as number;
          const typeSum = Object.entries(f.properties)
            .filter(([key]) => key.startsWith('count:'))
            .reduce((sum, [, value]) => sum + (value as number), 0);
          expect(typeSum).toBe(count);
          expect(Object.keys(f.properties).every((key) => key === 'count' || key.startsWith('count:'))).toBe(true);
          expect(f.x).toBeGreaterThanOrEqual(0);
          expect(f.x).toBeLessThanOrEqual(tileExtent(z));
          expect(f.y).toBeGreaterThanOrEqual(0);
          expect(f.y).toBeLessThanOrEqual(tileExtent(z));
        }
        // At most one feature per 64 px cell (a rounded position may sit on the cell's far edge).
        expect(features.length).toBeLessThanOrEqual(16);
      }
      expect(total, `zoom ${z}`).toBe(stations.length);
    }
  });

  it('has no tiles where there are no stations, nor above the station zoom', async () => {
    expect(await reader.getZxy(3, 0, 0)).toBeUndefined();
    expect(await reader.getZxy(S, 0, 0)).toBeUndefined();
    const { x, y } = lngLatToTile(stations[0]!.geometry.coordinates[0]!, stations[0]!.geometry.coordinates[1]!, S + 1);
    expect(await reader.getZxy(S + 1, x, y)).toBeUndefined();
  });

  it('writes an archive for no stations: one empty zoom-0 tile', async () => {
    const empty = buildStationArchive([], { gzip });
    const emptyReader = openArchive(empty.chunks);
    expect((await emptyReader.getHeader()).maxZoom).toBe(DEFAULT_STATION_ZOOM);
    expect(await readStationTile(emptyReader, 0, 0, 0)).toEqual([]);
    expect(await emptyReader.getMetadata()).toMatchObject({ station_count: 0, type_counts: {}, json_fields: [] });
  });

  it('uses leaf directories for a national archive, and every tile is still found', async () => {
    const many = randomStations(12_000, 7);
    const started = performance.now();
    const big = buildStationArchive(many, { gzip, stationZoom: 12 });
    const elapsed = performance.now() - started;
    expect(big.summary.tileEntries).toBeGreaterThan(20_000);
    expect(big.summary.leafDirectories).toBeGreaterThan(1);
    expect(elapsed).toBeLessThan(15_000);
    const requests: Array<[number, number]> = [];
    const bigReader = openArchive(big.chunks, requests);
    const header = await bigReader.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    // The metadata and the low zooms' tiles are in the first 16 KiB: a country view and the top of
    // a nearest search read no leaf directory.
    expect(header.jsonMetadataOffset + header.jsonMetadataLength).toBeLessThanOrEqual(16384);
    await bigReader.getMetadata();
    for (const s of many.slice(0, 50)) {
      const { x, y } = lngLatToTile(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, 6);
      expect(await readStationTile(bigReader, 6, x, y)).not.toBeNull();
    }
    const leaves = [header.leafDirectoryOffset, header.leafDirectoryOffset + (header.leafDirectoryLength ?? 0)];
    expect(requests.filter(([offset]) => offset >= leaves[0]! && offset < leaves[1]!)).toEqual([]);
    // … while a station-zoom tile's entry is in a leaf.
    const deep = lngLatToTile(many[0]!.geometry.coordinates[0]!, many[0]!.geometry.coordinates[1]!, 12);
    await readStationTile(bigReader, 12, deep.x, deep.y);
    expect(requests.filter(([offset]) => offset >= leaves[0]! && offset < leaves[1]!)).toHaveLength(1);
    expect(header.numTileEntries).toBe(big.summary.tileEntries);
    // A spread of stations: each must be in its zoom-12 tile, wherever that tile's leaf is.
    for (let i = 0; i < many.length; i += 239) {
      const s = many[i]!;
      const { x, y } = lngLatToTile(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, 12);
      const features = (await readStationTile(bigReader, 12, x, y))!;
      expect(features.map((f) => f.properties.id)).toContain(s.id);
    }
    let total = 0;
    for (const f of (await readStationTile(bigReader, 0, 0, 0))!) total += (f.properties.count as number | undefined) ?? 1;
    expect(total).toBe(12_000);
  }, 30_000);
});
