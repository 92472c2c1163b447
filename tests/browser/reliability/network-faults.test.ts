// The path network (`network` URL) fails and grows like the station data does (issue 22 item 2):
// a host slower than its 20 s timeout, a file past its size limit, and a street network exported
// from OpenStreetMap as tens of thousands of two-point LineStrings, whose graph took 11.9 s in one
// task at 50k segments (the page froze on the first route).
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMapErrorDetail } from '../../../src/events.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, internalsOf, nextEvent, stationsAround } from '../helpers.js';
import { mount, serverState, uniqueKey, waitForAsync as waitFor, withShortTimeouts } from './reliability-helpers.js';

/** The next `station-map-error` of `el`. */
function nextError(el: StationMap, ms = 15000): Promise<StationMapErrorDetail> {
  return nextEvent(el, 'station-map-error', ms).then((e) => e.detail);
}

function networkLoaded(el: StationMap): boolean {
  return internalsOf(el).pathNetwork.data !== null;
}

/** `n` two-point LineStrings on a jittered street grid 50 m apart around Tai'an, sharing their ends. */
function segmentNetwork(n: number): GeoJSON.FeatureCollection {
  const side = Math.ceil(Math.sqrt(n / 2)) + 1;
  const dLat = 50 / 111_320;
  const dLng = dLat / Math.cos((36.15 * Math.PI) / 180);
  const point = (r: number, c: number) => [116.99 + c * dLng + ((r * 31 + c * 17) % 7) * dLng * 0.02, 36.14 + r * dLat];
  const features: GeoJSON.Feature[] = [];
  for (let r = 0; r < side && features.length < n; r++) {
    for (let c = 0; c < side && features.length < n; c++) {
      if (c + 1 < side) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r, c + 1)] } });
      if (r + 1 < side) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r + 1, c)] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** {@link segmentNetwork} as compact JSON text, written directly (300k features as objects would take seconds to make). */
function segmentNetworkText(n: number): string {
  const side = Math.ceil(Math.sqrt(n / 2)) + 1;
  const dLat = 50 / 111_320;
  const dLng = dLat / Math.cos((36.15 * Math.PI) / 180);
  const point = (r: number, c: number) => `[${(116.99 + c * dLng + ((r * 31 + c * 17) % 7) * dLng * 0.02).toFixed(6)},${(36.14 + r * dLat).toFixed(6)}]`;
  const parts: string[] = [];
  for (let r = 0; r < side && parts.length < n; r++) {
    for (let c = 0; c < side && parts.length < n; c++) {
      if (c + 1 < side) parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[${point(r, c)},${point(r, c + 1)}]}}`);
      if (r + 1 < side && parts.length < n) parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[${point(r, c)},${point(r + 1, c)}]}}`);
    }
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

/** Records main-thread long tasks from now on: `[start, duration]` each. */
function recordLongTasks(): { tasks: Array<[number, number]>; stop(): void } {
  const tasks: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return { tasks, stop: () => observer.disconnect() };
}

describe('path network faults', () => {
  afterEach(cleanup);

  it('a network host slower than the 20 s timeout: fetch-failed "timed out", the request cancelled', async () => {
    const key = uniqueKey('network-slow');
    await withShortTimeouts(20_000, 300, async () => {
      const el = mount({ basemap: 'none', lang: 'en' });
      const error = nextError(el);
      el.setAttribute('network', `/test-api/fault/slow?ms=4000&key=${key}`);
      const detail = await error;
      expect(detail.code).to.equal('fetch-failed');
      expect(detail.message).to.match(/path network from \/test-api\/fault\/slow.*timed out after 20 s/);
    });
    await waitFor(async () => (await serverState(key)) === 'aborted', 5000, 'the server to see the request cancelled');
  });

  it('a 200 MB network: too-large, the download stops', async () => {
    const key = uniqueKey('network-huge');
    const el = mount({ basemap: 'none', lang: 'en' });
    const error = nextError(el, 60000);
    el.setAttribute('network', `/test-api/fault/huge?mb=200&key=${key}`);
    const detail = await error;
    expect(detail.code).to.equal('too-large');
    expect(detail.message).to.match(/path network .* larger than the 100 MB limit/);
    await waitFor(async () => (await serverState(key)) === 'aborted', 10000, 'the server to see the download cancelled');
    expect(networkLoaded(el)).to.equal(false);
  });

  it('a network cut off in the middle (2 MB, read in slices): invalid-geojson with the parser\'s reason, no network used', async () => {
    const text = segmentNetworkText(20_000);
    const url = URL.createObjectURL(new Blob([text.slice(0, Math.floor(text.length * 0.7))], { type: 'application/geo+json' }));
    try {
      const el = mount({ basemap: 'none', lang: 'en' });
      const error = nextError(el);
      el.setAttribute('network', url);
      const detail = await error;
      expect(detail.code).to.equal('invalid-geojson');
      expect(detail.message).to.match(/^Could not load the path network from blob:.*: it is not JSON \(.+\)$/);
      expect(networkLoaded(el)).to.equal(false);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('50,000 two-point segments (an OSM export): loaded and routed without a long main-thread task (target 200 ms)', async () => {
    const longTasks: number[] = [];
    const starts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push(entry.duration);
        starts.push(entry.startTime);
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    const blob = new Blob([JSON.stringify(segmentNetwork(50_000))], { type: 'application/geo+json' });
    const url = URL.createObjectURL(blob);
    try {
      const el = mount({ basemap: 'none', lang: 'en' });
      const loaded = nextEvent(el, 'stations-load');
      el.stations = stationsAround(40);
      await loaded;
      const before = longTasks.length;
      const t0 = performance.now();
      el.setAttribute('network', url);
      await waitFor(() => networkLoaded(el), 60000, 'the network graph');
      const t1 = performance.now();
      const route = await el.routeTo('TA-0005', [117.0, 36.2]);
      await new Promise((r) => setTimeout(r, 100));
      expect(route.kind).to.equal('network');
      // Tasks that began before the network was set (building the test data) do not count.
      const tasks = longTasks.filter((_, i) => i >= before && starts[i] >= t0);
      const when = starts.filter((t, i) => i >= before && t >= t0).map((t) => `${(t - t0).toFixed(0)}`);
      // The target is 200 ms (bench/ measures it on a quiet machine); the bound here leaves room
      // for a test machine running other work, and still fails the 11.9 s single task of before.
      expect(Math.max(0, ...tasks), `long tasks ${tasks.map((t, i) => `${t.toFixed(0)}@${when[i]}`).join(', ')} ms; loaded at ${(t1 - t0).toFixed(0)}`).to.be.below(1000);
    } finally {
      observer.disconnect();
      URL.revokeObjectURL(url);
    }
  });

  it('300,000 two-point segments (28 MB, GCJ-02): read, converted and built without a task near one JSON.parse of the file', async () => {
    const text = segmentNetworkText(300_000);
    // What one JSON.parse of this text costs here, now: the machine may be busy, so the bound is
    // relative to it. Before, the load took one task longer than this (parse and datum shift).
    const parseStart = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - parseStart;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
    const longTasks = recordLongTasks();
    try {
      const el = mount({ basemap: 'none', lang: 'en', crs: 'gcj02' });
      const loaded = nextEvent(el, 'stations-load');
      el.stations = stationsAround(40);
      await loaded;
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      el.setAttribute('network', url);
      await waitFor(() => networkLoaded(el), 120_000, 'the network graph');
      const loadMs = performance.now() - t0;
      const route = await el.routeTo('TA-0005', [117.0, 36.2]);
      expect(route.kind).to.equal('network');
      const tasks = longTasks.tasks.filter(([start]) => start >= t0);
      const longest = Math.max(0, ...tasks.map(([, duration]) => duration));
      const list = tasks.map(([start, duration]) => `${duration.toFixed(0)}@${(start - t0).toFixed(0)}`).join(', ');
      // The target is 200 ms on a quiet machine (bench/browser/run-pathological.mjs measures it).
      expect(longest, `JSON.parse ${parseMs.toFixed(0)} ms; load ${loadMs.toFixed(0)} ms; long tasks ${list}`).to.be.below(Math.min(1000, Math.max(200, parseMs / 2)));
    } finally {
      longTasks.stop();
      URL.revokeObjectURL(url);
    }
  });
});
