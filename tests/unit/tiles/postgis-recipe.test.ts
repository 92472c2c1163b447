/**
 * The PostGIS recipe (recipes/postgis/) against the Node producer: 2,000 seeded stations loaded
 * with scripts/postgis-load.mjs, and the SQL function's tiles must hold the same clusters (counts,
 * per-type counts, positions up to rounding) and the same stations as the producer's tiles.
 *
 * Needs PostGIS through the PG* variables (.ci/run sets them; see docs/guides/national-scale.md
 * for a local set-up). Without them the tests are skipped locally, but fail in CI.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStations } from '../../../scripts/postgis-load.mjs';
import { encodePointLayer } from '../../../src/tiles/encode-mvt.js';
import { buildStationTiles, DEFAULT_STATION_ZOOM, tileExtent, type StationTile } from '../../../src/tiles/station-tiles.js';
import { lngLatToTile } from '../../../src/tiles/tile-math.js';
import { decodeStations, type DecodedPoint } from './archive-reader.js';
import { randomStations } from './random-stations.js';

const RECIPE = fileURLToPath(new URL('../../../recipes/postgis/', import.meta.url));
const SCHEMA = 'station_map_recipe_test';
const JSON_FIELDS = ['services', 'honors'];

async function connect(): Promise<pg.Client | null> {
  if (!process.env.PGHOST && !process.env.PGDATABASE) return null;
  const client = new pg.Client({ connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT postgis_version()');
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if (process.env.CI) throw error;
    return null;
  }
}

const client = await connect();
if (!client && process.env.CI) throw new Error('CI must reach PostGIS: set PGHOST, PGUSER, PGPASSWORD, PGDATABASE (.ci/run does)');
if (!client) console.warn('postgis-recipe: skipped, no PostGIS reachable through PGHOST/PGUSER/PGPASSWORD/PGDATABASE');

describe.skipIf(!client)('PostGIS recipe', () => {
  const db = client!;
  const stations = randomStations(2000, 2024, [112, 30, 118, 36]);
  // The recipe's station zoom is the default one.
  const set = buildStationTiles(stations, { stationZoom: DEFAULT_STATION_ZOOM });
  const nodeTiles = new Map<string, StationTile>();
  for (const tile of set.tiles()) nodeTiles.set(`${tile.z}/${tile.x}/${tile.y}`, tile);

  beforeAll(async () => {
    // A schema of its own, so a developer's real `stations` table is never touched.
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}; SET search_path TO ${SCHEMA}, public`);
    await db.query(readFileSync(`${RECIPE}schema.sql`, 'utf8'));
    await db.query(readFileSync(`${RECIPE}station_tiles.sql`, 'utf8'));
    expect(await loadStations(db, stations)).toBe(2000);
  }, 60_000);

  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await db.end();
  });

  async function sqlTile(z: number, x: number, y: number): Promise<DecodedPoint[]> {
    const { rows } = await db.query<{ tile: Buffer }>('SELECT stations($1, $2, $3) AS tile', [z, x, y]);
    const bytes = new Uint8Array(rows[0]!.tile);
    return bytes.length === 0 ? [] : decodeStations(bytes, z, x, y);
  }

  function producerTile(z: number, x: number, y: number): DecodedPoint[] {
    const tile = nodeTiles.get(`${z}/${x}/${y}`);
    return tile ? decodeStations(encodePointLayer('stations', tile.features, { extent: tile.extent }), z, x, y) : [];
  }

  /** What a reader makes of a feature: JSON fields parsed back. */
  function readProperties(f: DecodedPoint): Record<string, unknown> {
    const out: Record<string, unknown> = { ...f.properties };
    for (const key of JSON_FIELDS) if (typeof out[key] === 'string') out[key] = JSON.parse(out[key] as string);
    return out;
  }

  /** The tiles to compare: every tile holding stations at zooms 0–4, and a spread at 6, 9, 12, 13 and 14 (the station zoom). */
  const tiles: Array<[number, number, number]> = [];
  for (let z = 0; z <= DEFAULT_STATION_ZOOM; z++) {
    const seen = new Set<string>();
    const every = z <= 4 ? 1 : z === 6 ? 50 : z === 9 ? 150 : z >= 12 ? 200 : 0;
    if (every === 0) continue;
    stations.forEach((s, i) => {
      if (i % every) return;
      const { x, y } = lngLatToTile(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, z);
      if (!seen.has(`${x}/${y}`)) tiles.push([z, x, y]);
      seen.add(`${x}/${y}`);
    });
  }

  it('gives the same clusters and the same stations as the Node producer', async () => {
    expect(tiles.length).toBeGreaterThan(30);
    const compared = { clusters: 0, stations: 0 };
    for (const [z, x, y] of tiles) {
      const ours = producerTile(z, x, y);
      const theirs = await sqlTile(z, x, y);
      const where = `tile ${z}/${x}/${y}`;
      expect(ours.length, where).toBeGreaterThan(0);
      expect(theirs.length, where).toBe(ours.length);
      expect(theirs.every((f) => f.extent === tileExtent(z)), where).toBe(true);
      // Stations by code: the same properties, the same position up to the last unit's rounding.
      const oursById = new Map(ours.filter((f) => f.properties.count === undefined).map((f) => [f.properties.id, f]));
      const theirStations = theirs.filter((f) => f.properties.count === undefined);
      expect(theirStations.length, where).toBe(oursById.size);
      for (const f of theirStations) {
        const mine = oursById.get(f.properties.id)!;
        expect(mine, `${where} ${f.properties.id}`).toBeDefined();
        expect(readProperties(f)).toEqual(readProperties(mine));
        expect(Math.abs(f.x - mine.x) + Math.abs(f.y - mine.y), where).toBeLessThanOrEqual(2);
      }
      // Clusters: the same counts per type, each near its counterpart (mean positions round alike).
      const clusters = (list: DecodedPoint[]) => list.filter((f) => f.properties.count !== undefined).sort((a, b) => a.y - b.y || a.x - b.x);
      const mine = clusters(ours);
      const sql = clusters(theirs);
      expect(sql.length, where).toBe(mine.length);
      compared.clusters += sql.length; compared.stations += theirStations.length;
      for (const c of sql) {
        const match = mine.find((m) => Math.abs(m.x - c.x) <= 2 && Math.abs(m.y - c.y) <= 2);
        expect(match, `${where} cluster at ${c.x},${c.y}`).toBeDefined();
        expect(c.properties).toEqual(match!.properties);
      }
    }
    // Both kinds were compared, many of each.
    expect(compared.clusters).toBeGreaterThan(100);
    expect(compared.stations).toBeGreaterThan(100);
  }, 120_000);

  it('sums to every station at zoom 0, and answers an empty tile with no bytes', async () => {
    const world = await sqlTile(0, 0, 0);
    expect(world.reduce((sum, f) => sum + ((f.properties.count as number | undefined) ?? 1), 0)).toBe(2000);
    const { rows } = await db.query<{ tile: Buffer }>('SELECT stations(8, 0, 0) AS tile');
    expect(rows[0]!.tile.length).toBe(0);
    expect(producerTile(8, 0, 0)).toEqual([]);
  });
});
