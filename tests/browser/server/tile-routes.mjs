// Routes under /test-api/station-tiles/ that serve tiled stations for the tiled-mode tests, built
// by the tile producer's own code (src/tiles, bundled for Node by esbuild on first use) from one
// seeded set of fixture stations:
//
//   stations.geojson          the fixture stations (the tests' brute-force reference)
//   stations.pmtiles          the PMTiles archive, as static bytes honouring `Range` (206,
//                             Content-Range, Accept-Ranges); `?fail=z/x/y` answers 500 to the
//                             range of that tile's bytes
//   xyz/{z}/{x}/{y}           the same tiles one by one (uncompressed MVT); an empty tile is a 204,
//                             a 404 or an empty 200 in turn; `?fail=z/x/y` answers 500 for that tile
//   pg/{z}/{x}/{y}            tiles from the PostGIS recipe's SQL function `stations(z, x, y)`
//                             through `pg`, when PostgreSQL is reachable (PG* variables); 503 when not
//   pg-status                 `{ reachable, reason }`: whether the pg route can serve
//   lookup?q=&id=             a `lookup-url` service over the fixture stations
//   switch?key=K&down=1|0     makes stations.pmtiles?key=K answer 503 (down) or serve again
//
// Answers bypass Koa (raw `res`), so no cache header of the dev server's is added: a cached failure
// would hide a retry. Nothing here reaches an outside host.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PMTiles } from 'pmtiles';

const SRC = fileURLToPath(new URL('../../../src/tiles/', import.meta.url));
const RECIPE = fileURLToPath(new URL('../../../recipes/postgis/', import.meta.url));
const TYPES = ['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room', '职工之家', undefined];
const SERVICES = ['water', 'hot-water', 'toilet', 'rest', 'charging', 'wifi'];

/** The fixture: 400 seeded stations around Jinan and Tai'an, plus a tight group in one street. */
export function fixtureStations() {
  let seed = 20240601;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const features = [];
  for (let i = 0; i < 400; i++) {
    const id = `TS-${String(i).padStart(4, '0')}`;
    const type = TYPES[Math.floor(random() * TYPES.length)];
    const group = i >= 380; // 20 stations within ~300 m
    const lng = group ? 117.12 + random() * 0.004 : 116.6 + random() * 1.2;
    const lat = group ? 36.2 + random() * 0.003 : 35.8 + random() * 1.0;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7] },
      properties: {
        name: `瓦片驿站 ${i}`,
        ...(type === undefined ? {} : { type }),
        address: `测试路 ${i} 号`,
        hours: i % 3 ? '24/7' : '08:00-18:00',
        services: SERVICES.filter(() => random() < 0.5),
        phone: `0538-${String(1000000 + i)}`,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** `?key=` values whose archive answers 503 (set by `switch?key=…&down=1`). */
const down = new Map();

let producer = null;
/** The producer's code (src/tiles), bundled for Node once. */
async function loadProducer() {
  producer ??= build({
    stdin: {
      contents: "export * from './station-archive.ts'; export * from './station-tiles.ts'; export * from './encode-mvt.ts';",
      resolveDir: SRC,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  }).then((result) => import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`));
  return producer;
}

let built = null;
/** The archive's bytes and the tiles by `z/x/y` (MVT), built once. */
async function fixtureTiles() {
  built ??= (async () => {
    const { buildStationArchive, buildStationTiles, encodePointLayer, STATION_LAYER } = await loadProducer();
    const stations = fixtureStations().features;
    const archive = Buffer.concat(buildStationArchive(stations, { gzip: (bytes) => gzipSync(bytes), generator: 'station-map test' }).chunks);
    const tiles = new Map();
    for (const tile of buildStationTiles(stations).tiles()) {
      tiles.set(`${tile.z}/${tile.x}/${tile.y}`, encodePointLayer(STATION_LAYER, tile.features, { extent: tile.extent }));
    }
    return { archive, tiles };
  })();
  return built;
}

/** Where the bytes of tile `z/x/y` lie in the archive: the last range the official reader asks for it. */
async function tileRange(archive, key) {
  let last = null;
  const source = {
    getKey: () => 'fixture',
    getBytes: async (offset, length) => {
      last = [offset, offset + length];
      return { data: archive.buffer.slice(archive.byteOffset + offset, archive.byteOffset + offset + length) };
    },
  };
  const [z, x, y] = key.split('/').map(Number);
  const found = await new PMTiles(source).getZxy(z, x, y);
  return found ? last : null;
}

function send(ctx, status, body, headers = {}) {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', ...headers, 'Content-Length': String(body.length) });
  ctx.res.end(body);
}

/** Serves a byte range of `bytes` (or all of it) as a static file server does. */
function sendRange(ctx, bytes) {
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(ctx.get('Range') ?? ''));
  const headers = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
  if (!range) return send(ctx, 200, bytes, headers);
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
  if (start >= bytes.length || end < start) return send(ctx, 416, Buffer.alloc(0), { 'Content-Range': `bytes */${bytes.length}` });
  send(ctx, 206, bytes.subarray(start, end + 1), { ...headers, 'Content-Range': `bytes ${start}-${end}/${bytes.length}` });
}

let pool = null;
/** The schema the fixture is loaded into: its own, so no developer's `stations` table is touched. */
const PG_SCHEMA = 'station_map_element_test';

/**
 * A `pg` pool on the fixture stations loaded into the PostGIS recipe (recipes/postgis, loaded with
 * scripts/postgis-load.mjs) when the PG* variables reach PostGIS; else the reason it cannot be.
 */
async function pgPool() {
  pool ??= (async () => {
    if (!process.env.PGHOST && !process.env.PGDATABASE && !process.env.PGPORT) return { reason: 'no PG* environment variables' };
    try {
      const { default: pg } = await import('pg');
      const { loadStations } = await import('../../../scripts/postgis-load.mjs');
      const setup = new pg.Client({ connectionTimeoutMillis: 3000 });
      await setup.connect();
      try {
        await setup.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE; CREATE SCHEMA ${PG_SCHEMA}; SET search_path TO ${PG_SCHEMA}, public`);
        await setup.query(readFileSync(`${RECIPE}schema.sql`, 'utf8'));
        await setup.query(readFileSync(`${RECIPE}station_tiles.sql`, 'utf8'));
        await loadStations(setup, fixtureStations().features);
      } finally {
        await setup.end();
      }
      return { pool: new pg.Pool({ max: 2, connectionTimeoutMillis: 3000, options: `-c search_path=${PG_SCHEMA},public` }) };
    } catch (error) {
      return { reason: String(error?.message ?? error) };
    }
  })();
  return pool;
}

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function tileRoutesMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/station-tiles/')) return next();
  const route = ctx.path.slice('/test-api/station-tiles/'.length);
  const fail = String(ctx.query.fail ?? '');
  if (route === 'stations.geojson') return send(ctx, 200, Buffer.from(JSON.stringify(fixtureStations())), { 'Content-Type': 'application/geo+json' });
  if (route === 'switch') {
    down.set(String(ctx.query.key), ctx.query.down === '1');
    return send(ctx, 204, Buffer.alloc(0));
  }
  if (route === 'stations.pmtiles') {
    const { archive } = await fixtureTiles();
    if (down.get(String(ctx.query.key ?? ''))) return send(ctx, 503, Buffer.from('down'));
    if (fail) {
      const range = await tileRange(archive, fail);
      const asked = /^bytes=(\d+)-(\d*)$/.exec(String(ctx.get('Range') ?? ''));
      // A request for bytes of that tile, alone or joined with its neighbours' (not the reader's
      // first request, for the header, which spans every tile of so small an archive).
      const start = asked ? Number(asked[1]) : 0;
      const end = asked?.[2] ? Number(asked[2]) + 1 : archive.length;
      if (range && asked && start > 0 && start < range[1] && end > range[0]) return send(ctx, 500, Buffer.from('boom'));
    }
    return sendRange(ctx, archive);
  }
  const xyz = /^(xyz|pg)\/(\d+)\/(\d+)\/(\d+)$/.exec(route);
  if (xyz) {
    const [, kind, z, x, y] = xyz;
    const key = `${z}/${x}/${y}`;
    if (key === fail) return send(ctx, 500, Buffer.from('boom'));
    if (kind === 'pg') {
      const { pool: db, reason } = await pgPool();
      if (!db) return send(ctx, 503, Buffer.from(reason));
      const { rows } = await db.query('SELECT stations($1, $2, $3) AS mvt', [Number(z), Number(x), Number(y)]);
      const mvt = rows[0]?.mvt ?? Buffer.alloc(0);
      return send(ctx, mvt.length ? 200 : 204, mvt, { 'Content-Type': 'application/vnd.mapbox-vector-tile' });
    }
    const { tiles } = await fixtureTiles();
    const tile = tiles.get(key);
    if (tile) return send(ctx, 200, Buffer.from(tile), { 'Content-Type': 'application/vnd.mapbox-vector-tile' });
    // The three ways a server says "no stations here", in turn.
    const way = (Number(x) + Number(y)) % 3;
    return way === 0 ? send(ctx, 204, Buffer.alloc(0)) : way === 1 ? send(ctx, 404, Buffer.from('no tile')) : send(ctx, 200, Buffer.alloc(0));
  }
  if (route === 'lookup') {
    // A station service for `lookup-url`: the fixture stations whose name holds `q`, or the one with code `id`.
    const q = String(ctx.query.q ?? '');
    const id = String(ctx.query.id ?? '');
    const found = fixtureStations().features.filter((f) => (id ? f.id === id : q !== '' && f.properties.name.includes(q)));
    return send(ctx, 200, Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: found })), { 'Content-Type': 'application/geo+json' });
  }
  if (route === 'pg-status') {
    const { pool: db, reason } = await pgPool();
    return send(ctx, 200, Buffer.from(JSON.stringify({ reachable: !!db, reason: reason ?? null, ci: !!process.env.CI })), { 'Content-Type': 'application/json' });
  }
  return send(ctx, 404, Buffer.from('not found'));
}
