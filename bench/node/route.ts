/**
 * Routing on a page's own street network: the first call builds the graph
 * (cached per network object), later calls only search.
 */
import { routeOnNetwork } from '../../src/geo/route/build-route.js';
import { createRandom, generateStreetGrid } from '../generate.mjs';
import { collectGarbage, logProgress, median, printRows, timeOnce, type BenchRow } from './measure.js';

const SEGMENTS = 100_000;
const QUERIES = 30;

logProgress(`route ${SEGMENTS} segments`);
const { network, segmentCount, bbox } = generateStreetGrid(SEGMENTS, { seed: 41 });
const random = createRandom(42);
const [west, south, east, north] = bbox;
const pick = (): [number, number] => [west + random() * (east - west), south + random() * (north - south)];

collectGarbage();
let found = 0;
const firstMs = timeOnce(() => (found += routeOnNetwork(network, pick(), pick()).route ? 1 : 0));
const times: number[] = [];
let meters = 0;
let loopFound = 0;
for (let q = 0; q < QUERIES; q++) {
  const from = pick();
  const to = pick();
  times.push(
    timeOnce(() => {
      const { route } = routeOnNetwork(network, from, to, { mode: 'walking' });
      if (route) {
        loopFound++;
        meters += route.distanceMeters;
      }
    }),
  );
}
const rows: BenchRow[] = [
  {
    id: 'route-first',
    operation: 'buildRoute, first call (builds graph)',
    data: 'grid',
    n: segmentCount,
    ours: firstMs,
  },
  {
    id: 'route-search',
    operation: 'buildRoute, graph cached',
    data: 'grid',
    n: segmentCount,
    ours: median(times),
    extra: { found: `${found + loopFound}/${QUERIES + 1}`, meanRouteKm: Number((meters / 1000 / Math.max(1, loopFound)).toFixed(1)), worstMs: Math.max(...times) },
  },
];
printRows(rows);
