/**
 * Turf where the design names it: each hand-written geometry function beside the turf function a
 * maintainer would reach for, on the same seeded inputs — the largest difference in the answers,
 * the median time, and the gzip bytes each would add to the part that loads it (esbuild, minified,
 * the function alone with what it imports). docs/dependencies.md records the decisions.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import turfBooleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfDistance from '@turf/distance';
import turfGreatCircle from '@turf/great-circle';
import { lineString, point, polygon } from '@turf/helpers';
import turfNearestPointOnLine from '@turf/nearest-point-on-line';
import turfPointToLineDistance from '@turf/point-to-line-distance';
import { createGridGeometry } from '../../src/geo/coverage/coverage-grid.js';
import { maskCells } from '../../src/geo/coverage/coverage-mask.js';
import { interpolateGreatCircle } from '../../src/geo/sphere/great-circle.js';
import { haversineMeters } from '../../src/geo/sphere/haversine.js';
import { stationsAlong } from '../../src/geo/route/stations-along.js';
import type { LngLat, Station } from '../../src/types.js';
import { createRandom } from '../generate.mjs';
import { logProgress, printRows, timeMedian, type BenchRow } from './measure.js';

const quick = process.argv.includes('--quick');
const random = createRandom(21);
const between = (a: number, b: number) => a + random() * (b - a);

// esbuild from the repository (the suite itself runs bundled, from a temporary folder).
const ROOT = process.cwd();
const { build } = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');

/** Gzip bytes of `code` bundled alone, minified (what it adds to the file that loads it). */
async function gzipBytes(code: string): Promise<number> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const rows: BenchRow[] = [];
async function compare(
  id: string,
  operation: string,
  n: number,
  peer: string,
  ours: { run: () => unknown; module: string },
  theirs: { run: () => unknown; module: string },
  maxDifference: number,
  unit: string,
): Promise<void> {
  logProgress(operation);
  const runs = quick ? 3 : 7;
  ours.run();
  theirs.run();
  const [oursBytes, peerBytes] = await Promise.all([gzipBytes(ours.module), gzipBytes(theirs.module)]);
  rows.push({
    id: `turf-${id}`,
    operation,
    data: 'seeded',
    n,
    ours: timeMedian(runs, ours.run),
    peer,
    peerMs: timeMedian(runs, theirs.run),
    extra: { oursGzipBytes: oursBytes, peerGzipBytes: peerBytes, maxDifference },
    note: `largest difference in the answers ${maxDifference.toPrecision(3)} ${unit}; gzip ${oursBytes} B ours, ${peerBytes} B turf`,
  });
}

// Distance: 100k pairs across China.
{
  const n = quick ? 20_000 : 100_000;
  const pairs = Array.from({ length: n }, () => [between(73, 135), between(18, 53), between(73, 135), between(18, 53)] as const);
  let worst = 0;
  for (const [a, b, c, d] of pairs.slice(0, 2000)) {
    worst = Math.max(worst, Math.abs(haversineMeters(a, b, c, d) - turfDistance([a, b], [c, d], { units: 'meters' })));
  }
  await compare(
    'distance',
    'great-circle distance of a pair',
    n,
    '@turf/distance',
    { run: () => pairs.forEach(([a, b, c, d]) => haversineMeters(a, b, c, d)), module: "export { haversineMeters } from './src/geo/sphere/haversine.ts';" },
    { run: () => pairs.forEach(([a, b, c, d]) => turfDistance([a, b], [c, d], { units: 'meters' })), module: "export { default } from '@turf/distance';" },
    worst,
    'm',
  );
}

// Great-circle lines (the straight route drawn on the map): 2,000 lines of up to 128 points.
{
  const n = quick ? 500 : 2000;
  const ends = Array.from({ length: n }, () => [[between(73, 135), between(18, 53)], [between(73, 135), between(18, 53)]] as [LngLat, LngLat]);
  let worst = 0;
  for (const [from, to] of ends.slice(0, 200)) {
    const ours = interpolateGreatCircle(from, to, { stepMeters: 1, maxPoints: 65 });
    const theirs = turfGreatCircle(from, to, { npoints: 65 }).geometry.coordinates as number[][];
    if (ours.length !== theirs.length) continue;
    ours.forEach(([x, y], i) => (worst = Math.max(worst, haversineMeters(x!, y!, theirs[i]![0]!, theirs[i]![1]!))));
  }
  await compare(
    'great-circle',
    'great-circle line, 65 points',
    n,
    '@turf/great-circle',
    { run: () => ends.forEach(([from, to]) => interpolateGreatCircle(from, to, { stepMeters: 1, maxPoints: 65 })), module: "export { interpolateGreatCircle } from './src/geo/sphere/great-circle.ts';" },
    { run: () => ends.forEach(([from, to]) => turfGreatCircle(from, to, { npoints: 65 })), module: "export { default } from '@turf/great-circle';" },
    worst,
    'm',
  );
}

// Stations along a route: 10k stations, a 60-vertex line, 500 m buffer.
{
  const n = quick ? 2000 : 10_000;
  const line: LngLat[] = Array.from({ length: 60 }, (_, i) => [117 + i * 0.005, 36.1 + Math.sin(i / 6) * 0.02]);
  const stations: Station[] = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `S${i}`,
    geometry: { type: 'Point', coordinates: [between(116.95, 117.35), between(36.05, 36.15)] },
    properties: { name: `S${i}` },
  })) as Station[];
  const turfLine = lineString(line);
  const turfAlong = () =>
    stations
      .map((s) => ({ s, d: turfPointToLineDistance(s.geometry.coordinates, turfLine, { units: 'meters' }) }))
      .filter(({ d }) => d <= 500)
      .map(({ s, d }) => ({ s, d, along: (turfNearestPointOnLine(turfLine, s.geometry.coordinates, { units: 'meters' }).properties.location ?? 0) as number }))
      .sort((a, b) => a.along - b.along);
  const ours = stationsAlong(stations, { type: 'LineString', coordinates: line }, 500);
  const theirs = turfAlong();
  const byId = new Map(theirs.map((t) => [t.s.id, t]));
  let worst = Math.abs(ours.length - theirs.length) * 1e6; // a station in one answer only is a large difference
  for (const r of ours) {
    const t = byId.get(r.station.id);
    if (t) worst = Math.max(worst, Math.abs(r.offsetMeters - t.d), Math.abs(r.alongMeters - t.along));
  }
  await compare(
    'stations-along',
    'stations within 500 m of a route, in order along it',
    n,
    '@turf/point-to-line-distance + nearest-point-on-line',
    { run: () => stationsAlong(stations, { type: 'LineString', coordinates: line }, 500), module: "export { stationsAlong } from './src/geo/route/stations-along.ts';" },
    { run: turfAlong, module: "export { default as a } from '@turf/point-to-line-distance'; export { default as b } from '@turf/nearest-point-on-line';" },
    worst,
    'm',
  );
}

// A district mask for coverageStats: which of 256 × 256 grid cells lie in a 200-vertex polygon.
{
  const ring: LngLat[] = Array.from({ length: 200 }, (_, i) => {
    const angle = (i / 200) * 2 * Math.PI;
    const r = 0.08 + 0.03 * Math.sin(angle * 5);
    return [117.1 + r * Math.cos(angle), 36.2 + r * Math.sin(angle)];
  });
  ring.push(ring[0]!);
  const grid = createGridGeometry([116.98, 36.08, 117.22, 36.32], 256);
  const turfPolygon = polygon([ring]);
  const cellCentre = (i: number) => {
    const column = i % grid.columns;
    const row = Math.floor(i / grid.columns);
    const [west, south, east, north] = grid.bbox;
    return [west + ((column + 0.5) * (east - west)) / grid.columns, south + ((row + 0.5) * (north - south)) / grid.rows];
  };
  const turfMask = () => {
    const mask = new Uint8Array(grid.columns * grid.rows);
    for (let i = 0; i < mask.length; i++) mask[i] = turfBooleanPointInPolygon(point(cellCentre(i)), turfPolygon) ? 1 : 0;
    return mask;
  };
  const ours = maskCells(grid, [ring]);
  const theirs = turfMask();
  let differing = 0;
  for (let i = 0; i < ours.length; i++) if (ours[i] !== theirs[i]) differing++;
  await compare(
    'mask',
    'grid cells inside a district (256 across, 200 vertices)',
    grid.columns * grid.rows,
    '@turf/boolean-point-in-polygon',
    { run: () => maskCells(grid, [ring]), module: "export { maskCells } from './src/geo/coverage/coverage-mask.ts';" },
    { run: turfMask, module: "export { default } from '@turf/boolean-point-in-polygon';" },
    differing,
    'cells',
  );
}

printRows(rows);
