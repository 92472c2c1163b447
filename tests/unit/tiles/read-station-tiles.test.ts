/**
 * The element's side of tiled stations, on archives the producer builds: decoding tiles, the exact
 * nearest search down the cluster pyramid (against a brute-force scan), the store of loaded
 * stations, the tile sources' empty answers and retries, lookups.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nearestStations } from '../../../src/data/nearest-stations.js';
import { parseStations } from '../../../src/data/parse-stations.js';
import { boxDistanceMeters } from '../../../src/geo/sphere/box-distance.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { decodeStationTile, emptyTile, type DecodedTile, type TileKey } from '../../../src/tiles/decode-station-tile.js';
import { lookupUrlFor, readLookupStations } from '../../../src/tiles/lookup-stations.js';
import { deepStartZoom, findNearestInTiles } from '../../../src/tiles/nearest-in-tiles.js';
import { buildStationArchive } from '../../../src/tiles/station-archive.js';
import { templateSource, withRetries } from '../../../src/tiles/tile-source.js';
import { keptCount, StationRegistry } from '../../../src/tiles/tiled-store.js';
import { isPmtilesUrl, isTiledSource } from '../../../src/tiles/tiled-source-url.js';
import { ancestorAt, tileId, tilesCovering, tileZoomFor } from '../../../src/tiles/view-tiles.js';
import { lngLatToTile } from '../../../src/tiles/tile-math.js';
import { createRandom } from '../geo/seeded-random.js';
import { indexColumnsSteps, type StationColumns } from '../../../src/data/station-store.js';
import { runSteps } from '../../../src/util/steps.js';
import { openArchive } from './archive-reader.js';
import { randomStations } from './random-stations.js';

const S = 12;
const source = randomStations(3000, 7, [108, 28, 122, 40]);
const stations = parseStations({ type: 'FeatureCollection', features: source }).stations;
const archive = buildStationArchive(source, { gzip: (b) => gzipSync(b), stationZoom: S });
const reader = openArchive(archive.chunks);

/** Tiles read from the archive like the element reads them, counting each fetch. */
function archiveLoader() {
  const fetched = new Set<string>();
  const load = async (key: TileKey): Promise<DecodedTile> => {
    fetched.add(tileId(key));
    const found = await reader.getZxy(key.z, key.x, key.y);
    return found ? decodeStationTile(new Uint8Array(found.data), key) : emptyTile(key);
  };
  return { fetched, load, loadTiles: (keys: TileKey[]) => Promise.all(keys.map(load)) };
}

describe('decodeStationTile', () => {
  it('reads the zoom-0 tile as clusters and lone stations that count every station', async () => {
    const { load } = archiveLoader();
    const top = await load({ z: 0, x: 0, y: 0 });
    expect(top.clusters.reduce((n, c) => n + c.count, top.stations.length)).toBe(3000);
    for (const cluster of top.clusters) expect(Object.values(cluster.counts).reduce((a, b) => a + b, 0)).toBe(cluster.count);
  });

  it('gives a station-zoom station its properties (JSON fields as arrays) and its position to a metre', async () => {
    const { load } = archiveLoader();
    const s = source[11]!;
    const [lng, lat] = s.geometry.coordinates as [number, number];
    const tile = await load(lngLatToTile(lng, lat, S));
    const found = tile.stations.find((t) => t.station.id === s.id)!;
    expect(found.station.properties).toEqual({ ...Object.fromEntries(Object.entries(s.properties).filter(([k, v]) => v !== null && k !== 'id')) });
    expect(Array.isArray(found.station.properties.services)).toBe(true);
    expect(haversineMeters(lng, lat, found.lng, found.lat)).toBeLessThan(1);
    expect(tile.clusters).toEqual([]);
  });

  it('reads no bytes as an empty tile', () => {
    expect(decodeStationTile(new Uint8Array(0), { z: 3, x: 1, y: 2 })).toEqual(emptyTile({ z: 3, x: 1, y: 2 }));
  });
});

describe('findNearestInTiles', () => {
  const random = createRandom(99);
  const positions = Array.from({ length: 12 }, () => [108 + random() * 14, 28 + random() * 12] as [number, number]);
  positions.push([100, 20]); // far outside the stations

  it('lists what a brute-force scan of every station lists, opening a small share of the tiles', async () => {
    for (const [lng, lat] of positions) {
      const { fetched, loadTiles } = archiveLoader();
      const { results, tiles } = await findNearestInTiles(lng, lat, 5, { stationZoom: S, loadTiles });
      const expected = nearestStations(stations, lng, lat, 5);
      expect(results.map((r) => r.station.id)).toEqual(expected.map((r) => r.station.id));
      results.forEach((r, i) => expect(Math.abs(r.distanceMeters - expected[i]!.distanceMeters)).toBeLessThan(1));
      // The tiles it gives hold every result.
      const held = new Set(tiles.flatMap((t) => t.stations.map((s) => s.station.id)));
      expect(results.every((r) => held.has(r.station.id))).toBe(true);
      expect(fetched.size).toBeLessThan(archive.summary.addressedTiles / 10);
    }
  });

  it('gives the same answer starting deeper in the pyramid, within the bounds, opening no tile above the start', async () => {
    expect([deepStartZoom(14), deepStartZoom(13), deepStartZoom(12), deepStartZoom(4), deepStartZoom(7, 6)]).toEqual([6, 5, 6, 4, 5]);
    const bbox = [108, 28, 122, 40] as const; // the stations' bounds
    for (const [lng, lat] of positions) {
      const { fetched, loadTiles } = archiveLoader();
      const { results } = await findNearestInTiles(lng, lat, 5, { stationZoom: S, loadTiles, startZoom: deepStartZoom(S), bbox });
      expect(results.map((r) => r.station.id)).toEqual(nearestStations(stations, lng, lat, 5).map((r) => r.station.id));
      expect([...fetched].every((id) => Number(id.split('/')[0]) >= 6)).toBe(true);
    }
    await expect(findNearestInTiles(110, 30, 5, { stationZoom: S, loadTiles: archiveLoader().loadTiles, startZoom: 5 })).rejects.toThrow(RangeError);
  });

  it('honours a filter, skipping the cells whose type counts it leaves at 0', async () => {
    const filter = { types: ['mommy-room', 'other'] };
    const keep = (s: { properties: Record<string, unknown> }) =>
      s.properties.type === 'mommy-room' || !['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room'].includes(s.properties.type as string);
    for (const [lng, lat] of positions.slice(0, 6)) {
      const { loadTiles } = archiveLoader();
      const { results } = await findNearestInTiles(lng, lat, 7, {
        stationZoom: S,
        loadTiles,
        accept: keep,
        countKept: (cluster) => keptCount(cluster, filter.types),
      });
      expect(results.map((r) => r.station.id)).toEqual(nearestStations(stations, lng, lat, 7, filter).map((r) => r.station.id));
    }
  });

  it('gives every station when k is more than there are', async () => {
    const small = randomStations(40, 3, [116, 39, 117, 40]);
    const tiny = openArchive(buildStationArchive(small, { gzip: (b) => gzipSync(b), stationZoom: 9 }).chunks);
    const loadTiles = (keys: TileKey[]) =>
      Promise.all(keys.map(async (key) => {
        const found = await tiny.getZxy(key.z, key.x, key.y);
        return found ? decodeStationTile(new Uint8Array(found.data), key) : emptyTile(key);
      }));
    const { results } = await findNearestInTiles(116.5, 39.5, 100, { stationZoom: 9, loadTiles });
    expect(results).toHaveLength(40);
  });
});

describe('boxDistanceMeters', () => {
  it('is never more than the distance to any point of the box, and close to the nearest', () => {
    const random = createRandom(5);
    for (let n = 0; n < 300; n++) {
      const w = -170 + random() * 330;
      const s = -80 + random() * 150;
      const box: [number, number, number, number] = [w, s, w + random() * 20, s + random() * 10];
      const lng = -180 + random() * 360;
      const lat = -85 + random() * 170;
      const bound = boxDistanceMeters(lng, lat, box);
      // Outside the box its nearest point is on its edge: walk the edge finely.
      const inside = lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
      let nearest = inside ? 0 : Infinity;
      for (let i = 0; i <= 2000; i++) {
        const x = box[0] + ((box[2] - box[0]) * i) / 2000;
        const y = box[1] + ((box[3] - box[1]) * i) / 2000;
        for (const [px, py] of [[x, box[1]], [x, box[3]], [box[0], y], [box[2], y]] as const) nearest = Math.min(nearest, haversineMeters(lng, lat, px, py));
      }
      expect(bound).toBeLessThanOrEqual(nearest);
      expect(bound).toBeGreaterThan(nearest * 0.99 - 2000);
    }
  });
});

describe('view tiles', () => {
  it('covers a view nearest the centre first, with a margin, across the antimeridian', () => {
    const tiles = tilesCovering([116.3, 39.8, 116.5, 40], 12, { margin: 1 });
    const inner = tilesCovering([116.3, 39.8, 116.5, 40], 12);
    expect(tiles.length).toBeGreaterThan(inner.length);
    const centre = lngLatToTile(116.4, 39.9, 12);
    expect(Math.abs(tiles[0]!.x - centre.x) + Math.abs(tiles[0]!.y - centre.y)).toBeLessThanOrEqual(1);
    expect(tilesCovering([179, 1, -179, 2], 4).map((t) => t.x).sort((a, b) => a - b)).toEqual([0, 15]);
    expect(tileZoomFor(15.4, 12)).toBe(12);
    expect(tileZoomFor(6.6, 12)).toBe(7);
    expect(ancestorAt({ z: 12, x: 3372, y: 1552 }, 10)).toEqual({ z: 10, x: 843, y: 388 });
  });

  it('knows a tiled source: a .pmtiles path or a tiles template, unless .stations is set', () => {
    expect(isPmtilesUrl('/a/b.PMTiles?x=1#y')).toBe(true);
    expect(isPmtilesUrl('/a/b.geojson?f=.pmtiles')).toBe(false);
    expect(isTiledSource({ stations: null, src: null, tiles: '/t/{z}/{x}/{y}.pbf' })).toBe(true);
    expect(isTiledSource({ stations: [], src: 'a.pmtiles', tiles: null })).toBe(false);
  });
});

describe('StationRegistry', () => {
  const key = { z: S, x: 1, y: 1 };
  const station = (id: string, type?: string) => ({ type: 'Feature' as const, id, geometry: { type: 'Point' as const, coordinates: [116, 39] }, properties: { name: id, ...(type && { type }) } });
  const options = { stationZoom: S, total: 10, bbox: null, tilesFor: () => [], filterTypes: () => null, indexColumns: (columns: StationColumns) => runSteps(indexColumnsSteps(columns)) };

  it('ranks every station it holds, keeps positions, and keeps the first copy of a station', () => {
    const registry = new StationRegistry();
    registry.add(station('a'), 116.0, 39.0);
    registry.add(station('b'), 116.1, 39.0);
    let store = registry.snapshot(options);
    expect(store.nearest(116, 39, 5).map((n) => store.station(n.index).id)).toEqual(['a', 'b']);
    // The same station from another tile (below the station zoom, or at it) changes nothing.
    expect(registry.addTile({ ...key, stations: [{ station: station('a'), lng: 116.0, lat: 39, cells: [] }], clusters: [] })).toBe(false);
    expect(registry.addTile({ ...key, stations: [{ station: station('c'), lng: 116.05, lat: 39, cells: [] }], clusters: [] })).toBe(true);
    store = registry.snapshot(options);
    expect(store.indexById.get('a')).toBe(0);
    expect(store.nearest(116, 39, 5).map((n) => store.station(n.index).id)).toEqual(['a', 'c', 'b']);
    expect(store.total).toBe(10);
  });

  it('converts stations to the page crs, and compacts saying where each went', () => {
    const registry = new StationRegistry('gcj02');
    ['a', 'b', 'c'].forEach((id, i) => registry.add(station(id), 116 + i, 39));
    expect(registry.snapshot(options).station(1).geometry.coordinates[0]).not.toBe(117);
    expect(Array.from(registry.compact((id) => id !== 'a'))).toEqual([-1, 0, 1]);
    expect(registry.indexOf('c')).toBe(1);
  });

  it('draws the producer clusters below the station zoom with their counts cut to the chosen types', () => {
    const registry = new StationRegistry();
    const tile: DecodedTile = {
      z: 5, x: 25, y: 12,
      clusters: [{ lng: 110, lat: 30, count: 5, counts: { 'mommy-room': 2, other: 3 }, cells: [0], feature: 0 }],
      stations: [{ station: station('x', 'union-station'), lng: 111, lat: 31, cells: [1] }],
    };
    registry.addTile(tile);
    let types: string[] | null = null;
    const store = registry.snapshot({ ...options, tilesFor: () => [tile], filterTypes: () => types });
    const draw = () => store.clusterView().getClusters([100, 20, 120, 40], 5).map((c) => c.count);
    expect(draw()).toEqual([5, 1]);
    types = ['mommy-room'];
    expect(draw()).toEqual([2, 1]);
    types = ['reading-room'];
    expect(draw()).toEqual([1]);
    types = null;
    const id = store.clusterView().getClusters([100, 20, 120, 40], 5)[0]!.id;
    expect(store.clusterView().getExpansionZoom(id)).toBe(7);
    expect(keptCount({ count: 5, counts: { 'mommy-room': 2, other: 3 } }, ['other', 'driver-home'])).toBe(3);
  });
});

describe('templateSource', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads 204, 404 and an empty 200 as empty tiles, unpacks gzip, and rejects other failures', async () => {
    const answers: Record<string, () => Response> = {
      '/t/1/0/0.pbf': () => new Response(null, { status: 204 }),
      '/t/1/1/0.pbf': () => new Response('nope', { status: 404 }),
      '/t/1/0/1.pbf': () => new Response(new Uint8Array(0)),
      '/t/2/0/0.pbf': () => new Response(gzipSync(Buffer.from([1, 2, 3]))),
      '/t/2/1/0.pbf': () => new Response('boom', { status: 500 }),
    };
    vi.stubGlobal('fetch', async (url: string) => answers[url]!());
    const tiles = templateSource('/t/{z}/{x}/{y}.pbf');
    expect(await tiles.tile({ z: 1, x: 0, y: 0 })).toBeNull();
    expect(await tiles.tile({ z: 1, x: 1, y: 0 })).toBeNull();
    expect(await tiles.tile({ z: 1, x: 0, y: 1 })).toBeNull();
    expect(Array.from((await tiles.tile({ z: 2, x: 0, y: 0 }))!)).toEqual([1, 2, 3]);
    await expect(tiles.tile({ z: 2, x: 1, y: 0 })).rejects.toThrow(/HTTP 500/);
  });

  it('counts the total from the zoom-0 tile', async () => {
    const top = await reader.getZxy(0, 0, 0);
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array(top!.data)));
    expect((await templateSource('/t/{z}/{x}/{y}.pbf', { stationZoom: 10 }).info()).total).toBe(3000);
  });

  it('retries twice, then gives up with the last error', async () => {
    let tries = 0;
    await expect(withRetries(async () => Promise.reject(new Error(`try ${++tries}`)), { delayMs: 1 })).rejects.toThrow('try 3');
    tries = 0;
    expect(await withRetries(async () => (++tries < 3 ? Promise.reject(new Error('x')) : 'ok'), { delayMs: 1 })).toBe('ok');
  });
});

describe('lookups', () => {
  it('fills the template and reads usable features in the page crs', () => {
    expect(lookupUrlFor('/s?q={q}&id={id}', { q: '红门 驿站' })).toBe('/s?q=%E7%BA%A2%E9%97%A8%20%E9%A9%BF%E7%AB%99&id=');
    const found = readLookupStations(
      [
        { type: 'Feature', id: 'A', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: 'A' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: 'no id' } },
        { type: 'Feature', properties: { id: 'B', name: 'no geometry' } },
      ],
      'gcj02',
    );
    expect(found.map((f) => f.station.id)).toEqual(['A']);
    expect(found[0]!.lng).not.toBe(117);
    expect(readLookupStations('not json', 'wgs84')).toEqual([]);
  });
});
