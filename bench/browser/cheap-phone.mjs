/**
 * The first view on a cheap phone over a mobile network: a city's page that embeds
 * `<station-map src>` with the script-tag bundle, against the same page built on plain Leaflet +
 * Leaflet.markercluster (`fetch` + one `L.marker` per station), in the same run.
 *
 * Chromium at 360 × 740 with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`) and the
 * network at 1.6 Mbps down, 750 kbps up, 150 ms round trip (`Network.emulateNetworkConditions`),
 * from a local server that sends gzip, like any web server in front of a union's site. Each run is
 * a fresh browser context (cold cache). No basemap on either page: tiles would measure the tile
 * server. Figures are from navigation start: clusters drawn (the first painted frame with
 * markers), first list row (ours only: the other page has no list), the longest main-thread task
 * until then, the bytes transferred before the clusters were drawn, and when the station data's
 * last byte arrived: no code can draw a station before that, however fast it is.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './run-browser.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
};

/** The emulated phone and network. */
export const CHEAP_PHONE = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  latencyMs: 150,
  viewport: { width: 360, height: 740 },
};

/** Slows `tab`'s CPU and network to {@link CHEAP_PHONE}'s (CDP); its viewport is the context's. */
export async function emulateCheapPhone(context, tab) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CHEAP_PHONE.cpuSlowdown });
  // No response bodies kept for DevTools (a phone has none attached): keeping a 4 MB body cost
  // a task of ~300 ms when it finished, which no user's phone has.
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: CHEAP_PHONE.latencyMs,
    downloadThroughput: CHEAP_PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: CHEAP_PHONE.uploadBitsPerSecond / 8,
  });
  return cdp;
}

/**
 * `n` stations with every property a union publishes, made from the demo's 400 sample stations
 * (names, addresses, phones, hours, services, managers, rating links) spread over Shandong as a
 * provincial page would have them. Seeded: runs compare.
 */
export function phoneStations(n) {
  const sample = JSON.parse(readFileSync(join(ROOT, 'demo/data/stations.geojson'), 'utf8')).features;
  if (n <= sample.length) return { type: 'FeatureCollection', features: sample.slice(0, n) };
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const features = [];
  for (let i = 0; i < n; i++) {
    const base = sample[i % sample.length];
    const id = `SD-${String(i).padStart(6, '0')}`;
    features.push({
      ...base,
      properties: { ...base.properties, id, rating_url: `https://example.org/rate/${id}` },
      geometry: { type: 'Point', coordinates: [115.5 + random() * 6, 34.8 + random() * 3] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The pages; each reports its figures to `window.phoneResult`. `preload` is `ours` with the
 * `<link rel="preload">` for the data, which downloads while the script does: kept to show that it
 * gains nothing (the embedding guide says to leave it out).
 */
function pages(n) {
  const all = basePages(n);
  const preload = `<link rel="preload" href="/phone/stations-${n}.geojson" as="fetch" crossorigin>`;
  return { ...all, preload: all.ours.replace('<script src="/dist/station-map.iife.js">', `${preload}\n<script src="/dist/station-map.iife.js">`) };
}

function basePages(n) {
  const measure = `
  <script>
    // Before anything else: long tasks and the moment the first markers are painted.
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    // The runner waits for the console line: evaluating anything in the page before the end would
    // inject the runner's own script, a long task of its own on a slowed CPU.
    // Done when every mark the page expects is set.
    window.watchFirst = (test, name) => {
      window.expected.push(name);
      const check = () => {
        if (test()) requestAnimationFrame(() => setTimeout(() => {
          window.marks[name] ??= performance.now();
          if (window.expected.every((mark) => mark in window.marks)) console.log('phone-bench-done');
        }, 0));
        else requestAnimationFrame(check);
      };
      check();
    };
    window.marks = {};
    window.expected = [];
  </script>`;
  return {
    ours: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>cheap phone: station-map</title>${measure}
<script src="/dist/station-map.iife.js"></script>
<style>body{margin:0} station-map{display:block;height:100vh}</style>
</head><body>
<station-map basemap="none" src="/phone/stations-${n}.geojson"></station-map>
<script>
  const el = document.querySelector('station-map');
  const root = () => el.shadowRoot;
  let loaded = false;
  el.addEventListener('stations-load', () => (loaded = true));
  watchFirst(() => root() && root().querySelector('.leaflet-marker-icon'), 'clusters');
  watchFirst(() => root() && root().querySelector('[part~="list-item"]'), 'list');
  // All of the stations drawn: a large file on a slow link shows the first of them before.
  watchFirst(() => loaded, 'complete');
</script>
</body></html>`,
    markercluster: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>cheap phone: Leaflet + markercluster</title>${measure}
<link rel="stylesheet" href="/node_modules/leaflet/dist/leaflet.css">
<link rel="stylesheet" href="/node_modules/leaflet.markercluster/dist/MarkerCluster.css">
<link rel="stylesheet" href="/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css">
<script src="/node_modules/leaflet/dist/leaflet.js"></script>
<script src="/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js"></script>
<style>body{margin:0} #map{height:100vh}</style>
</head><body>
<div id="map"></div>
<script>
  watchFirst(() => document.querySelector('.leaflet-marker-icon'), 'clusters');
  const map = L.map('map', { maxZoom: 18 });
  fetch('/phone/stations-${n}.geojson').then((r) => r.json()).then((data) => {
    const group = L.markerClusterGroup();
    const markers = data.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]]).bindPopup(String(f.properties.name)));
    group.addLayers(markers);
    map.addLayer(group);
    map.fitBounds(group.getBounds());
  });
</script>
</body></html>`,
  };
}

/** Serves the pages, the data, dist/ and node_modules/ with gzip, as a web server would (exported for profiling). */
export function startServer(sizes) {
  const cache = new Map();
  const gzipped = (key, make) => {
    if (!cache.has(key)) cache.set(key, gzipSync(make(), { level: 6 }));
    return cache.get(key);
  };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let body = null;
    let type = TYPES[extname(path)] ?? 'application/octet-stream';
    const page = /^\/phone\/(ours|preload|markercluster)-(\d+)\.html$/.exec(path);
    const data = /^\/phone\/stations-(\d+)\.geojson$/.exec(path);
    try {
      if (page && sizes.includes(Number(page[2]))) body = gzipped(path, () => pages(Number(page[2]))[page[1]]);
      else if (data && sizes.includes(Number(data[1]))) body = gzipped(path, () => JSON.stringify(phoneStations(Number(data[1]))));
      else if (/^\/(dist|node_modules)\//.test(path)) body = gzipped(path, () => readFileSync(join(ROOT, path)));
    } catch {
      body = null;
    }
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One cold load of `page` on the emulated phone; its figures, or null when it failed. */
async function loadOnce(browser, origin, page, n, log) {
  const context = await browser.newContext({ viewport: CHEAP_PHONE.viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  try {
    await emulateCheapPhone(context, tab);
    const done = tab.waitForEvent('console', { predicate: (message) => message.text() === 'phone-bench-done', timeout: 120_000 });
    await tab.goto(`${origin}/phone/${page}-${n}.html`, { waitUntil: 'commit', timeout: 60_000 });
    await done;
    await tab.waitForTimeout(200);
    return await tab.evaluate(() => {
      const { clusters, list, complete } = window.marks;
      const until = Math.max(clusters, list ?? 0, complete ?? 0) + 100;
      const tasks = window.longTasks.filter(([start]) => start < until).map(([, duration]) => duration);
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const bytesBefore = entries.filter((e) => e.responseEnd <= clusters).reduce((sum, e) => sum + (e.transferSize || 0), 0);
      const bytesAll = entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);
      const data = entries.find((e) => e.name.includes('/phone/stations-'));
      return {
        clustersMs: clusters,
        listMs: list ?? null,
        completeMs: complete ?? clusters,
        longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
        bytesBefore,
        bytesAll,
        dataInMs: data ? data.responseEnd : null,
      };
    });
  } catch (error) {
    log(`phone ${page} ${n}: ${error.message.split('\n')[0]}${errors.length ? ` (${errors[0]})` : ''}`);
    return null;
  } finally {
    await context.close();
  }
}

/** Medians of cold loads. */
function summarize(results) {
  return {
    clustersMs: median(results.map((r) => r.clustersMs)),
    listMs: median(results.map((r) => r.listMs)),
    completeMs: median(results.map((r) => r.completeMs)),
    longestTaskMs: median(results.map((r) => r.longestTaskMs)),
    bytesBefore: median(results.map((r) => r.bytesBefore)),
    bytesAll: median(results.map((r) => r.bytesAll)),
    dataInMs: median(results.map((r) => r.dataInMs)),
    runs: results,
  };
}

/**
 * `runs` cold loads of each page, taken in turns (ours, the peer, ours…) so that a machine
 * busy with something else for a while slows every page alike; medians of each, or null for a
 * page that failed.
 */
async function measurePages(browser, origin, n, runs, log) {
  const results = { ours: [], preload: [], markercluster: [] };
  for (let i = 0; i < runs; i++) {
    for (const page of Object.keys(results)) {
      if (!results[page]) continue;
      const result = await loadOnce(browser, origin, page, n, log);
      if (result) results[page].push(result);
      else results[page] = null;
    }
  }
  return Object.fromEntries(Object.entries(results).map(([page, list]) => [page, list && summarize(list)]));
}

/**
 * Rows for the bench table: for each size, clusters drawn (with the peer), first list row and
 * longest task, medians of `runs` (5, or `PHONE_RUNS`; 1 with `quick`, at 400 stations only).
 *
 * @param {import('playwright-core').Browser} browser
 * @param {{ quick: boolean, log: (message: string) => void }} options
 */
export async function runCheapPhoneBench(browser, { quick, log }) {
  const sizes = quick ? [400] : (process.env.PHONE_SIZES?.split(",").map(Number) ?? [400, 10_000]);
  const runs = quick ? 1 : Number(process.env.PHONE_RUNS ?? 5);
  const server = await startServer(sizes);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  try {
    for (const n of sizes) {
      log(`phone: <station-map src> and Leaflet.markercluster, ${n} stations, ${runs} runs each`);
      const { ours, preload, markercluster: peer } = await measurePages(browser, origin, n, runs, log);
      const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
      /** A row of this size; one with `peerMs` compares with the markercluster page. */
      const row = (id, operation, fields) => ({
        id: `${id}-${n}`,
        operation: `cheap phone: ${operation}`,
        data: 'Shandong',
        n,
        ...('peerMs' in fields ? { peer: 'Leaflet.markercluster' } : {}),
        ...fields,
      });
      rows.push(
        row('phone-clusters', 'clusters drawn after navigation', {
          ours: ours?.clustersMs ?? null,
          peerMs: peer?.clustersMs ?? null,
          extra: { ours, peer },
          note: ours
            ? `${kb(ours.bytesBefore)} transferred before the clusters (${kb(ours.bytesAll)} in all); markercluster ${peer ? `${kb(peer.bytesBefore)}, longest task ${peer.longestTaskMs.toFixed(0)} ms` : 'failed'}`
            : 'the page failed',
        }),
        row('phone-clusters-preload', 'clusters drawn, page with <link rel=preload> for the data', {
          ours: preload?.clustersMs ?? null,
          peerMs: peer?.clustersMs ?? null,
          extra: { ours: preload, peer },
          note: preload ? `first list row ${preload.listMs?.toFixed(0)} ms, longest task ${preload.longestTaskMs.toFixed(0)} ms, ${kb(preload.bytesAll)} in all` : 'the page failed',
        }),
        row('phone-data', "the station data's last byte after navigation", {
          ours: ours?.dataInMs ?? null,
          peerMs: peer?.dataInMs ?? null,
          note: 'each page asks for the data once its script has run: the script bytes before it decide when it comes',
        }),
        row('phone-list', 'first list row after navigation', { ours: ours?.listMs ?? null, note: 'the markercluster page has no list' }),
        row('phone-complete', 'all stations drawn (stations-load, then a frame)', {
          ours: ours?.completeMs ?? null,
          peerMs: peer?.clustersMs ?? null,
          note: 'a file still downloading 0.15 s after its first bytes shows the stations it holds so far first (clusters drawn, first list row)',
        }),
        row('phone-longtask', 'longest task until all stations are drawn', { ours: ours?.longestTaskMs ?? null, peerMs: peer?.longestTaskMs ?? null }),
      );
    }
    return rows;
  } finally {
    server.close();
  }
}

// `node bench/browser/cheap-phone.mjs [--quick]`: this part alone, figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../../scripts/chromium.mjs');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const rows = await runCheapPhoneBench(browser, { quick: process.argv.includes('--quick'), log: (m) => process.stderr.write(`${m}\n`) });
    for (const row of rows) console.log(JSON.stringify({ id: row.id, ours: row.ours, peer: row.peerMs, note: row.note, runs: row.extra?.ours?.runs }));
  } finally {
    await browser.close();
  }
}
