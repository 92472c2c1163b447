/**
 * k-nearest stations: our SpatialIndex and nearestStations against
 * @turf/nearest-point (a linear scan, k = 1 only), checked against a
 * brute-force haversine scan.
 */
import nearestPoint from '@turf/nearest-point';
import { featureCollection, point } from '@turf/helpers';
import { parseStations } from '../../src/data/parse-stations.js';
import { haversineMeters } from '../../src/geo/sphere/haversine.js';
import { nearestStations } from '../../src/data/nearest-stations.js';
import { SpatialIndex } from '../../src/geo/index/spatial-index.js';
import { generatePoints, toStationCollection, type Columns } from '../generate.mjs';
import { collectGarbage, isQuick, logProgress, median, printRows, timeOnce, type BenchRow } from './measure.js';

const SIZES = isQuick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const QUERIES = 2000;

/** The k nearest by scanning every point, ranked as the index promises: distance, then index. */
function scanNearest(columns: Columns, lng: number, lat: number, k: number): number[] {
  const bestIndex: number[] = [];
  const bestDist: number[] = [];
  for (let i = 0; i < columns.lng.length; i++) {
    const d = haversineMeters(lng, lat, columns.lng[i], columns.lat[i]);
    if (bestIndex.length === k && d >= bestDist[k - 1]) continue;
    let at = Math.min(bestIndex.length, k - 1);
    while (at > 0 && bestDist[at - 1] > d) at--;
    bestIndex.splice(at, 0, i);
    bestDist.splice(at, 0, d);
    if (bestIndex.length > k) {
      bestIndex.pop();
      bestDist.pop();
    }
  }
  return bestIndex;
}

/** Median per-query milliseconds of `query` over the query points, after a warm-up. */
function timeQueries(queries: Columns, count: number, query: (lng: number, lat: number) => unknown): number {
  for (let q = 0; q < Math.min(200, count); q++) query(queries.lng[q], queries.lat[q]);
  const times: number[] = [];
  for (let q = 0; q < count; q++) times.push(timeOnce(() => query(queries.lng[q], queries.lat[q])));
  return median(times);
}

const rows: BenchRow[] = [];
for (const kind of ['cities', 'uniform'] as const) {
  for (const n of SIZES) {
    // Uniform data is the harder case for pruning but not what users have: k = 10 only.
    logProgress(`nearest ${kind} ${n}`);
    const columns = generatePoints(kind, n, { seed: 11 });
    // Workers stand where stations are, so queries follow the same distribution.
    const queries = generatePoints(kind, QUERIES, { seed: 12 });
    collectGarbage();
    const buildMs = timeOnce(() => new SpatialIndex(columns.lng, columns.lat));
    const index = new SpatialIndex(columns.lng, columns.lat);
    const samples = n >= 1_000_000 ? 20 : 50;
    const ks = kind === 'cities' ? [1, 10] : [10];
    for (const k of ks) {
      const ours = timeQueries(queries, QUERIES, (x, y) => index.nearest(x, y, k));
      let identical = true;
      for (let q = 0; q < samples; q++) {
        const got = index.nearest(queries.lng[q], queries.lat[q], k).map((r) => r.index);
        if (got.join() !== scanNearest(columns, queries.lng[q], queries.lat[q], k).join()) identical = false;
      }
      const row: BenchRow = { id: `nearest-k${k}-${kind}-${n}`, operation: `SpatialIndex.nearest k=${k}`, data: kind, n, ours, identical };
      if (k === 1) {
        const collection = featureCollection(Array.from({ length: n }, (_, i) => point([columns.lng[i], columns.lat[i]])));
        const turfQueries = n >= 1_000_000 ? 10 : n >= 100_000 ? 50 : 200;
        row.peer = '@turf/nearest-point';
        row.peerMs = timeQueries(queries, turfQueries, (x, y) => nearestPoint(point([x, y]), collection));
        let agrees = true;
        for (let q = 0; q < Math.min(turfQueries, samples); q++) {
          const theirs = nearestPoint(point([queries.lng[q], queries.lat[q]]), collection).properties.featureIndex;
          if (theirs !== index.nearest(queries.lng[q], queries.lat[q], 1)[0].index) agrees = false;
        }
        row.extra = { turfAgrees: agrees };
      }
      if (k === 10) row.extra = { indexBuildMs: buildMs };
      rows.push(row);
    }

    if (kind === 'cities') {
      const { stations } = parseStations(toStationCollection(columns));
      collectGarbage();
      const firstMs = timeOnce(() => nearestStations(stations, queries.lng[0], queries.lat[0], 10));
      const ours = timeQueries(queries, QUERIES, (x, y) => nearestStations(stations, x, y, 10));
      let identical = true;
      for (let q = 0; q < samples; q++) {
        const got = nearestStations(stations, queries.lng[q], queries.lat[q], 10).map((r) => r.station.id);
        const want = scanNearest(columns, queries.lng[q], queries.lat[q], 10).map((i) => `ST-${i}`);
        if (got.join() !== want.join()) identical = false;
      }
      rows.push({
        id: `nearest-stations-k10-${kind}-${n}`,
        operation: 'nearestStations k=10',
        data: kind,
        n,
        ours,
        identical,
        extra: { firstCallMs: firstMs },
        note: `first call (builds the index) ${firstMs.toFixed(0)} ms`,
      });
    }
  }
}
printRows(rows);
