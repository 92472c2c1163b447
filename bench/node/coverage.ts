/**
 * The coverage layer's computation per redraw: the travel-time grid for a
 * 1280 × 800 view (128 cells across) at 100k stations clustered over China,
 * straight-line and along a street network, plus the view's statistics.
 * No peer library: the row's target is one frame budget-ish, not a ratio.
 */
import type { CoverageGridOptions } from '../../src/geo/coverage/coverage-grid.js';
import { computeCoverageGrid } from '../../src/geo/coverage/coverage-on-network.js';
import { computeCoverageStats } from '../../src/geo/coverage/coverage-stats.js';
import { buildRouteGraph } from '../../src/geo/route/route-graph.js';
import { CITY_CENTRES, createRandom, generateCities, generateStreetGrid } from '../generate.mjs';
import { collectGarbage, isQuick, logProgress, median, printRows, timeOnce, viewBBox, type BenchRow } from './measure.js';

const N = 100_000;
const VIEWS = isQuick ? 10 : 30;
const WALK = 4.5 / 3.6;
const DRIVE = 30 / 3.6;

const stations = generateCities(N, { seed: 21 });
const random = createRandom(22);
const rows: BenchRow[] = [];

/** Views centred near weighted city centres, the pans a planner makes. */
function cityViews(zoom: number): Array<[number, number, number, number]> {
  return Array.from({ length: VIEWS }, () => {
    const [lng, lat] = CITY_CENTRES[Math.floor(random() * 12)];
    return viewBBox(lng + (random() - 0.5) * 0.1, lat + (random() - 0.5) * 0.1, zoom);
  });
}

function timeViews(views: Array<[number, number, number, number]>, options: Omit<CoverageGridOptions, 'bbox'>) {
  computeCoverageGrid(stations, { ...options, bbox: views[0] }); // warm-up
  const times: number[] = [];
  const statsTimes: number[] = [];
  let covered = 0;
  for (const bbox of views) {
    collectGarbage();
    let grid = null as ReturnType<typeof computeCoverageGrid> | null;
    times.push(timeOnce(() => (grid = computeCoverageGrid(stations, { ...options, bbox }))));
    statsTimes.push(timeOnce(() => (covered += computeCoverageStats(grid!, { minutes: 15 }).coveredShare)));
  }
  return { grid: median(times), stats: median(statsTimes), worst: Math.max(...times), best: Math.min(...times), meanShare: covered / views.length };
}

for (const [zoom, label] of [[13, 'city'], [10, 'region'], [5, 'country']] as const) {
  for (const [mode, speed] of [['walking', WALK], ['driving', DRIVE]] as const) {
    logProgress(`coverage straight ${label} z${zoom} ${mode}`);
    const result = timeViews(cityViews(zoom), { speedMetersPerSecond: speed, maxMinutes: 30, cellsAcross: 128 });
    rows.push({
      id: `coverage-straight-z${zoom}-${mode}`,
      operation: `coverage grid, straight, ${mode}, z${zoom} (${label}) view`,
      data: 'cities',
      n: N,
      ours: result.grid,
      extra: { statsMs: Number(result.stats.toFixed(2)), bestMs: Number(result.best.toFixed(2)), worstMs: Number(result.worst.toFixed(2)), meanCoveredShare: Number(result.meanShare.toFixed(3)) },
    });
  }
}

logProgress('coverage network');
const street = generateStreetGrid(100_000, { seed: 41 });
const graphMs = timeOnce(() => buildRouteGraph(street.network));
const [west, south, east, north] = street.bbox;
// Stations of the street grid's city: the 100k national set plus 2 000 along its streets.
const local = generateCities(2000, { seed: 23 });
for (let i = 0; i < local.lng.length; i++) {
  local.lng[i] = west + random() * (east - west);
  local.lat[i] = south + random() * (north - south);
}
const all = { lng: Float64Array.of(...stations.lng, ...local.lng), lat: Float64Array.of(...stations.lat, ...local.lat) };
const networkViews = Array.from({ length: VIEWS }, () =>
  viewBBox(west + (0.3 + random() * 0.4) * (east - west), south + (0.3 + random() * 0.4) * (north - south), 14),
);
computeCoverageGrid(all, { bbox: networkViews[0], network: street.network });
const networkTimes = networkViews.map((bbox) => {
  collectGarbage();
  return timeOnce(() => computeCoverageGrid(all, { bbox, network: street.network, speedMetersPerSecond: WALK, maxMinutes: 30 }));
});
rows.push({
  id: 'coverage-network-z14-walking',
  operation: 'coverage grid, network, walking, z14 view',
  data: 'grid',
  n: all.lng.length,
  ours: median(networkTimes),
  extra: { segments: street.segmentCount, graphBuildMs: Number(graphMs.toFixed(1)), bestMs: Number(Math.min(...networkTimes).toFixed(2)), worstMs: Number(Math.max(...networkTimes).toFixed(2)) },
});
printRows(rows);
