#!/usr/bin/env node
/**
 * Loads a station file into the PostGIS recipe's `stations` table (recipes/postgis/schema.sql):
 *
 *   node scripts/postgis-load.mjs FILE [--crs gcj02|bd09] [--replace]
 *
 * The file is read by the project's own command (`node dist/cli.js convert FILE -o -`, so
 * `npm run build` first): every format `station-map check` reads, the same skipped-row report on
 * stderr, coordinates converted to WGS-84. Rows are upserted by code; `--replace` empties the
 * table first. The connection comes from the PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
 * PGDATABASE), as psql takes it. Exit codes as `station-map convert`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
/** Rows per INSERT: a few thousand keeps each statement quick and well under PostgreSQL's limits. */
const BATCH = 5000;

/**
 * Upserts `features` (WGS-84 Point Features with an `id`, as `station-map convert` writes them)
 * into `stations` through `client` (a connected `pg` Client). Gives the number of rows written.
 *
 * @param {{ query: (text: string, values?: unknown[]) => Promise<unknown> }} client
 * @param {ReadonlyArray<{ id?: string | number, geometry: { coordinates: number[] }, properties?: Record<string, unknown> | null }>} features
 * @param {{ replace?: boolean }} [options]
 * @returns {Promise<number>}
 */
export async function loadStations(client, features, options = {}) {
  if (options.replace) await client.query('TRUNCATE stations');
  let written = 0;
  for (let start = 0; start < features.length; start += BATCH) {
    const ids = [];
    const types = [];
    const props = [];
    const lngs = [];
    const lats = [];
    for (const feature of features.slice(start, start + BATCH)) {
      const properties = { ...(feature.properties ?? {}) };
      const id = feature.id ?? properties.id;
      if (id === undefined || id === null) continue;
      delete properties.id;
      ids.push(String(id));
      types.push(typeof properties.type === 'string' ? properties.type : null);
      props.push(JSON.stringify(properties));
      lngs.push(feature.geometry.coordinates[0]);
      lats.push(feature.geometry.coordinates[1]);
    }
    // One statement per batch: the columns go as arrays and are unnested into rows, one round trip.
    await client.query(
      `INSERT INTO stations (id, type, props, geom)
       SELECT id, type, props, ST_SetSRID(ST_MakePoint(lng, lat), 4326)
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::float8[], $5::float8[]) AS t(id, type, props, lng, lat)
       ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, props = EXCLUDED.props, geom = EXCLUDED.geom`,
      [ids, types, props, lngs, lats],
    );
    written += ids.length;
  }
  return written;
}

async function main(argv) {
  const replace = argv.includes('--replace');
  const args = argv.filter((a) => a !== '--replace');
  const file = args[0];
  if (!file || file.startsWith('-')) {
    process.stderr.write('usage: node scripts/postgis-load.mjs FILE [--crs gcj02|bd09] [--replace]\n');
    return 2;
  }
  if (!existsSync(CLI)) {
    process.stderr.write('dist/cli.js is missing: run `npm run build` first\n');
    return 2;
  }
  // The report of skipped rows goes straight to our stderr; the clean GeoJSON comes on stdout.
  const convert = spawnSync(process.execPath, [CLI, 'convert', ...args, '-o', '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 2 ** 30,
  });
  if (convert.status === 2 || !convert.stdout) return 2;
  const { features } = JSON.parse(convert.stdout);
  const { default: pg } = await import('pg');
  const client = new pg.Client();
  await client.connect();
  try {
    const written = await loadStations(client, features, { replace });
    process.stdout.write(`loaded ${written} stations into ${client.database ?? 'the database'}: stations\n`);
  } finally {
    await client.end();
  }
  return convert.status ?? 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
