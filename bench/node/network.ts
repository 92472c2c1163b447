/**
 * Path networks as OpenStreetMap exports them: two-point LineStrings sharing their ends (issue 22).
 * Times the graph build and one route across it from 10k to 1M segments, the growth between
 * sizes (an exponent: 1 is linear, 2 quadratic), and the longest stretch between two yields of
 * the sliced build, which bounds the main-thread task the element's build can take.
 */
import { routeOnNetwork } from '../../src/geo/route/build-route.js';
import { buildRouteGraphSteps } from '../../src/geo/route/route-graph.js';
import { collectGarbage, isQuick, logProgress, printRows, type BenchRow } from './measure.js';

const SIZES = isQuick ? [10_000, 100_000] : [10_000, 30_000, 100_000, 300_000, 1_000_000];

/** `n` two-point segments on a jittered street grid 60 m apart (a city's streets). */
function segmentNetwork(n: number) {
  const side = Math.ceil(Math.sqrt(n / 2)) + 1;
  const dLat = 60 / 111_320;
  const dLng = dLat / Math.cos((36.65 * Math.PI) / 180);
  const west = 117 - (side * dLng) / 2;
  const south = 36.65 - (side * dLat) / 2;
  const point = (r: number, c: number) => [west + c * dLng + ((r * 31 + c * 17) % 7) * dLng * 0.02, south + r * dLat];
  const features: Array<{ type: 'Feature'; properties: object; geometry: { type: 'LineString'; coordinates: number[][] } }> = [];
  for (let r = 0; r < side && features.length < n; r++) {
    for (let c = 0; c < side && features.length < n; c++) {
      if (c + 1 < side) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r, c + 1)] } });
      if (r + 1 < side && features.length < n) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r + 1, c)] } });
    }
  }
  const rows = Math.floor(features.length / (2 * side)) || 1;
  return { network: { type: 'FeatureCollection' as const, features }, from: point(0, 0) as [number, number], to: point(rows - 1, side - 2) as [number, number] };
}

const rows: BenchRow[] = [];
let previous: { n: number; ms: number } | null = null;
for (const n of SIZES) {
  logProgress(`network ${n} two-point segments`);
  const { network, from, to } = segmentNetwork(n);
  collectGarbage();
  const started = performance.now();
  const steps = buildRouteGraphSteps(network);
  let longestStep = 0;
  let at = performance.now();
  for (;;) {
    const next = steps.next();
    const now = performance.now();
    longestStep = Math.max(longestStep, now - at);
    at = now;
    if (next.done) break;
  }
  const buildMs = performance.now() - started;
  const routeStarted = performance.now();
  const result = routeOnNetwork(network, from, to);
  const routeMs = performance.now() - routeStarted;
  const totalMs = buildMs + routeMs;
  const growth = previous ? Math.log(totalMs / previous.ms) / Math.log(n / previous.n) : null;
  previous = { n, ms: totalMs };
  rows.push({
    id: `network-segments-${n}`,
    operation: 'two-point segment network: graph build + one route',
    data: 'grid',
    n,
    ours: totalMs,
    extra: {
      buildMs: Number(buildMs.toFixed(1)),
      routeMs: Number(routeMs.toFixed(1)),
      longestStepMs: Number(longestStep.toFixed(1)),
      routeKm: Number(((result.route?.distanceMeters ?? 0) / 1000).toFixed(1)),
      ...(growth === null ? {} : { growthExponent: Number(growth.toFixed(2)) }),
    },
  });
}
printRows(rows);
