/**
 * Map clustering: ClusterIndex against supercluster (default options), the
 * library a Leaflet or Mapbox user would pick.
 */
import Supercluster from 'supercluster';
import type { Feature, Point } from 'geojson';
import { ClusterIndex } from '../../src/geo/cluster/cluster-index.js';
import { CITY_CENTRES, createRandom, generateCities } from '../generate.mjs';
import { collectGarbage, isQuick, logProgress, median, printRows, timeMedian, timeOnce, viewBBox, type BenchRow } from './measure.js';

const SIZES = isQuick ? [100_000] : [100_000, 1_000_000];
const ZOOMS = [4, 8, 12, 16];
const VIEWS = 50;

const rows: BenchRow[] = [];
for (const n of SIZES) {
  logProgress(`cluster ${n}`);
  const columns = generateCities(n, { seed: 21 });
  const features: Feature<Point, Record<string, never>>[] = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [columns.lng[i], columns.lat[i]] },
  }));

  // The first build also pays for compiling; a page builds once, so it counts too.
  collectGarbage();
  const firstBuildMs = timeOnce(() => ClusterIndex.build(columns.lng, columns.lat));
  const ours = timeMedian(5, () => ClusterIndex.build(columns.lng, columns.lat));
  const peerRuns = n >= 1_000_000 ? 1 : 3;
  logProgress(`supercluster load ${n} ×${peerRuns}`);
  const peerMs = timeMedian(peerRuns, () => new Supercluster().load(features));
  rows.push({
    id: `cluster-build-${n}`,
    operation: 'ClusterIndex.build',
    data: 'cities',
    n,
    ours,
    peer: 'supercluster load()',
    peerMs,
    extra: { firstBuildMs },
  });

  const index = ClusterIndex.build(columns.lng, columns.lat);
  const supercluster = new Supercluster().load(features);
  for (const zoom of ZOOMS) {
    // Views centred on cities, where people look.
    const random = createRandom(100 + zoom);
    const views = Array.from({ length: VIEWS }, () => {
      const [lng, lat] = CITY_CENTRES[Math.floor(random() * CITY_CENTRES.length)];
      return viewBBox(lng + (random() - 0.5) * 0.2, lat + (random() - 0.5) * 0.2, zoom);
    });
    for (const bbox of views.slice(0, 5)) index.getClusters(bbox, zoom);
    const oursTimes: number[] = [];
    const peerTimes: number[] = [];
    let ourItems = 0;
    let peerItems = 0;
    for (const bbox of views) {
      oursTimes.push(timeOnce(() => (ourItems += index.getClusters(bbox, zoom).length)));
      peerTimes.push(timeOnce(() => (peerItems += supercluster.getClusters(bbox, zoom).length)));
    }
    rows.push({
      id: `cluster-view-z${zoom}-${n}`,
      operation: `getClusters 1280×800 z${zoom}`,
      data: 'cities',
      n,
      ours: median(oursTimes),
      peer: 'supercluster getClusters',
      peerMs: median(peerTimes),
      extra: { oursItemsPerView: Math.round(ourItems / VIEWS), peerItemsPerView: Math.round(peerItems / VIEWS), worstMs: Math.max(...oursTimes) },
    });
  }

  // Changing a filter (open now, a station type) re-clusters everything.
  const filterMs = timeMedian(5, () => index.filter((i) => i % 4 !== 0));
  rows.push({
    id: `cluster-filter-${n}`,
    operation: 'ClusterIndex.filter (keep 3/4)',
    data: 'cities',
    n,
    ours: filterMs,
    peer: 'supercluster load() again',
    peerMs: null,
    note: 'supercluster has no filter: a page reloads it with the kept points (≈ the load() time above)',
  });
}
printRows(rows);
