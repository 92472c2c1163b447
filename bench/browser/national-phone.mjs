/**
 * The national map on a cheap phone (issue 18): `<station-map src="….pmtiles">` reading a PMTiles
 * archive made by `station-map tiles` with HTTP range requests, against the same stations as one
 * GeoJSON file through `src`, in the same run, on the emulated phone of cheap-phone.mjs (CPU 4×
 * slower, 1.6 Mbps down, 750 kbps up, 150 ms round trip, 360 × 740, a cold cache each run).
 *
 * One run of a page: navigation → first clusters drawn (and the bytes transferred before them) →
 * the page sets `center`/`zoom` to downtown Shanghai at zoom 12 → its stations drawn (the last
 * change to the markers on the screen once no request is in flight and nothing has changed for half a second:
 * at the archive's station zoom 14 the view's stations are the producer's clusters of 64 px cells
 * and its lone stations, as the GeoJSON page shows its own clusters there)
 * → the page sets `origin` in the
 * countryside of Hubei → the five nearest listed, and `findNearest()`'s ids against a brute-force
 * scan of every station in Node. The longest main-thread task (PerformanceObserver `longtask`) is
 * over the whole run. The archive is what `station-map tiles` writes for the bench's seeded national
 * file (bench/national-stations.mjs), built with the same core function (dist/core.js).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nationalStations } from '../national-stations.mjs';
import { CHEAP_PHONE, emulateCheapPhone } from './cheap-phone.mjs';
import { median } from './run-browser.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Downtown Shanghai: the densest view of the seeded file. */
const CITY = { lng: 121.47, lat: 31.23, zoom: 12 };
/** The countryside of western Hubei: the nearest stations are tens of kilometres away. */
const ORIGIN = { lng: 110.47, lat: 31.02 };
const K = 5;
/** The archive's station zoom (`station-map tiles --station-zoom`); `NATIONAL_STATION_ZOOM` tries another. */
const STATION_ZOOM = Number(process.env.NATIONAL_STATION_ZOOM ?? 14);
/** Markers unchanged this long after a zoom: the view's stations are all drawn. */
const SETTLED_MS = 500;

/** The page of one mode; it records long tasks and the first frame with markers. */
function page(src) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>national on a cheap phone</title>
<script>
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.longTasks.push(e.duration); (window.longTaskTimes ??= []).push([Math.round(e.startTime), Math.round(e.duration)]); } }).observe({ type: 'longtask', buffered: true });
  window.marks = {};
  // All of the stations in (a GeoJSON file draws the ones downloaded so far before this).
  document.addEventListener('stations-load', () => (window.marks.loaded ??= performance.now()));
  // When a marker was last added or removed (a redraw that swaps clusters for others of the same
  // number counts too), and the first frame with markers.
  window.markerLog = { changedAt: 0 };
  const watch = () => {
    const pane = document.querySelector('station-map')?.shadowRoot?.querySelector('.leaflet-marker-pane');
    if (!pane) return requestAnimationFrame(watch);
    // Only markers on the screen count: the ones of the margin's tiles, drawn for a pan, are not
    // seen. A marker's place is read from its transform and the map pane's (the element fills the
    // page): measuring boxes forced layouts that made the page's own tasks longer.
    const shift = (el) => {
      const m = /translate3d\\((-?[\\d.]+)px, (-?[\\d.]+)px/.exec(el?.style.transform ?? '');
      return m ? [Number(m[1]), Number(m[2])] : [0, 0];
    };
    const mapPane = pane.closest('.leaflet-map-pane') ?? pane.parentElement;
    const onScreen = (node) => {
      if (!(node instanceof HTMLElement) || !node.isConnected) return false;
      const [px, py] = shift(mapPane);
      const [mx, my] = shift(node);
      return px + mx > 0 && py + my > 0 && px + mx < innerWidth && py + my < innerHeight;
    };
    const seen = new WeakSet();
    let pending = [];
    const check = () => {
      for (const [at, added, removed] of pending) {
        const shown = added.filter(onScreen);
        for (const node of shown) seen.add(node);
        const gone = removed.filter((node) => seen.has(node));
        if (shown.length || gone.length) {
          window.markerLog.changedAt = Math.max(window.markerLog.changedAt, at);
          (window.markerLog.events ??= []).push([Math.round(at), shown.length, gone.length]);
        }
      }
      pending = [];
    };
    new MutationObserver((records) => {
      const at = performance.now();
      if (pending.length === 0) requestAnimationFrame(check);
      for (const record of records) pending.push([at, [...record.addedNodes], [...record.removedNodes]]);
    }).observe(pane, { childList: true, subtree: true });
    const first = () => (pane.querySelector('.leaflet-marker-icon') ? (window.marks.clusters = performance.now()) : requestAnimationFrame(first));
    first();
  };
  requestAnimationFrame(watch);
</script>
<script src="/dist/station-map.iife.js"></script>
<style>body{margin:0} station-map{display:block;height:100vh}</style>
</head><body><station-map basemap="none" src="${src}"></station-map></body></html>`;
}

/** The `k` nearest ids by a scan of every station (haversine, as the element measures). */
function bruteForceNearest(features, lng, lat, k) {
  const rad = Math.PI / 180;
  const distance = ([x, y]) => {
    const a = Math.sin(((y - lat) * rad) / 2) ** 2 + Math.cos(lat * rad) * Math.cos(y * rad) * Math.sin(((x - lng) * rad) / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
  };
  return features
    .map((f) => [f.id, distance(f.geometry.coordinates)])
    .sort((a, b) => a[1] - b[1])
    .slice(0, k)
    .map(([id]) => String(id));
}

/** The names of stations `ids` (as the list shows them). */
function namesOf(features, ids) {
  const byId = new Map(features.map((f) => [String(f.id), f.properties.name]));
  return ids.map((id) => byId.get(id));
}

/** Serves dist/, the pages, the GeoJSON (gzip) and the archive (ranges, as a CDN does). */
function startServer(files) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const pageMatch = /^\/national\/(tiled|geojson)-(\d+)\.html$/.exec(path);
    if (pageMatch) {
      const src = `/national/stations-${pageMatch[2]}.${pageMatch[1] === 'tiled' ? 'pmtiles' : 'geojson'}`;
      const body = gzipSync(page(src));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    const archive = /^\/national\/stations-(\d+)\.pmtiles$/.exec(path);
    if (archive && files.archives.has(Number(archive[1]))) {
      serveRanges(request, response, files.archives.get(Number(archive[1])));
      return;
    }
    const geojson = /^\/national\/stations-(\d+)\.geojson$/.exec(path);
    if (geojson && files.geojson.has(Number(geojson[1]))) {
      const body = files.geojson.get(Number(geojson[1]));
      response.writeHead(200, { 'content-type': 'application/geo+json', 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    if (/^\/dist\/station-map\.[\w.-]+\.js$/.test(path)) {
      try {
        const body = gzipSync(readFileBytes(join(ROOT, path)));
        response.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
        response.end(body);
        return;
      } catch {
        // missing: 404 below
      }
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function readFileBytes(file) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(statSync(file).size);
    readSync(fd, buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** `Range: bytes=a-b` from the file (206), or the whole file; the tiles inside are gzip already. */
function serveRanges(request, response, file) {
  const size = statSync(file).size;
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range ? Math.min(size - 1, range[2] ? Number(range[2]) : size - 1) : size - 1;
  const buffer = Buffer.alloc(Math.max(0, end - start + 1));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const headers = { 'content-type': 'application/vnd.pmtiles', 'accept-ranges': 'bytes', 'content-length': buffer.length, 'cache-control': 'no-store' };
  if (range) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` });
  else response.writeHead(200, headers);
  response.end(buffer);
}

/** One cold run of a mode; its figures, or null when it failed. */
async function runOnce(browser, origin, mode, n, expectedNearest, expectedNames, log) {
  const context = await browser.newContext({ viewport: CHEAP_PHONE.viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  let phase = 'start';
  try {
    const cdp = await emulateCheapPhone(context, tab);
    // Requests in flight, from the browser's side (a tile request the page has not made yet is not one).
    const inFlight = new Set();
    let lastRequestEnd = 0;
    // NATIONAL_DEBUG=1 prints every request: when it started and ended (ms after navigation), its range, its bytes.
    const debug = process.env.NATIONAL_DEBUG ? new Map() : null;
    let navigatedAt = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      inFlight.add(e.requestId);
      if (!debug) return;
      navigatedAt ||= e.timestamp;
      debug.set(e.requestId, { start: e.timestamp, url: e.request.url.replace(origin, ''), range: e.request.headers.Range ?? '' });
    });
    const ended = (e) => {
      if (inFlight.delete(e.requestId)) lastRequestEnd = Date.now();
      const request = debug?.get(e.requestId);
      if (request) log(`  ${((request.start - navigatedAt) * 1000).toFixed(0)}–${((e.timestamp - navigatedAt) * 1000).toFixed(0)} ms ${request.url} ${request.range} ${e.encodedDataLength ?? 'failed'} B`);
    };
    cdp.on('Network.loadingFinished', ended);
    cdp.on('Network.loadingFailed', ended);
    tab.setDefaultTimeout(240_000);
    phase = 'first clusters';
    await tab.goto(`${origin}/national/${mode}-${n}.html`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.marks.clusters !== undefined, null, { polling: 250 });
    const first = await tab.evaluate(() => {
      const clusters = window.marks.clusters;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return { clustersMs: clusters, bytesBefore: entries.filter((e) => e.responseEnd <= clusters).reduce((sum, e) => sum + (e.transferSize || 0), 0) };
    });
    // NATIONAL_PROFILE=1: a CPU profile of the zoom to the city, its heaviest functions printed.
    if (process.env.NATIONAL_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // NATIONAL_TRACE=1: a timeline trace of the zoom to the city; the longest task's parts printed.
    const trace = [];
    if (process.env.NATIONAL_TRACE) {
      cdp.on('Tracing.dataCollected', (e) => trace.push(...e.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    // The zoom to a city: from the moment the page sets the view until the markers settle.
    const zoomStart = await tab.evaluate(({ lng, lat, zoom }) => {
      const el = document.querySelector('station-map');
      const start = performance.now();
      el.setAttribute('center', `${lng},${lat}`);
      el.setAttribute('zoom', String(zoom));
      return start;
    }, CITY);
    // Drawn: the markers changed after the zoom, no request has been in flight for a while, and
    // the markers have not changed since (the view's tiles are in and drawn).
    phase = 'zoom to a city';
    if (debug) log(`  zoom to the city at ${(zoomStart).toFixed(0)} ms`);
    for (;;) {
      await tab.waitForFunction(
        ([start, settled]) => window.markerLog.changedAt > start && performance.now() - window.markerLog.changedAt > settled,
        [zoomStart, SETTLED_MS],
        { polling: 100 },
      );
      if (inFlight.size === 0 && Date.now() - lastRequestEnd > SETTLED_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cityMs = (await tab.evaluate(() => window.markerLog.changedAt)) - zoomStart;
    if (process.env.NATIONAL_TRACE) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      const tasks = trace.filter((e) => e.name === 'RunTask' && e.dur > 50_000).sort((a, b) => b.dur - a.dur);
      for (const task of tasks.slice(0, 2)) {
        const inside = trace.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.dur && e !== task);
        const byName = new Map();
        for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
        log(`  task of ${(task.dur / 1000).toFixed(0)} ms: ${[...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
      }
    }
    if (process.env.NATIONAL_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map();
      const dt = new Map();
      profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      for (const node of profile.nodes) {
        const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
        self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
      }
      log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, ms]) => `  ${ms.toFixed(0)} ms ${n}`).join('\n'));
    }
    phase = 'nearest';
    if (debug) log(`  city drawn after ${cityMs.toFixed(0)} ms; origin set now; marker changes on screen [ms, added, removed]: ${JSON.stringify(await tab.evaluate(() => window.markerLog.events.reduce((acc, [t, a, r]) => { const last = acc[acc.length - 1]; if (last && last[0] === t) { last[1] += a; last[2] += r; } else acc.push([t, a, r]); return acc; }, []).slice(-10)))}`);
    // The user's position: until the list shows the k nearest a scan of every station finds (the
    // rows of the stations loaded so far may stand in while the tiles around it load).
    const nearest = await tab.evaluate(async ({ lng, lat, k, names }) => {
      const el = document.querySelector('station-map');
      const start = performance.now();
      el.setAttribute('origin', `${lng},${lat}`);
      const rows = () => [...el.shadowRoot.querySelectorAll('.list-view button.item .name')].slice(0, k).map((row) => row.textContent.trim());
      while (rows().join('|') !== names.join('|') && performance.now() - start < 60_000) await new Promise((resolve) => requestAnimationFrame(resolve));
      const listMs = rows().join('|') === names.join('|') ? performance.now() - start : null;
      const found = await el.findNearest(lng, lat, k);
      return { listMs, ids: found.map((r) => String(r.station.id)) };
    }, { ...ORIGIN, k: K, names: expectedNames });
    // One GeoJSON file: its first clusters were of the stations downloaded by then; all of them at stations-load.
    phase = 'all stations';
    let loadedMs = null;
    if (mode === 'geojson') {
      await tab.waitForFunction(() => window.marks.loaded !== undefined, null, { polling: 250 });
      loadedMs = await tab.evaluate(() => window.marks.loaded);
    }
    const longestTaskMs = await tab.evaluate(() => Math.max(0, ...window.longTasks));
    if (debug) log(`  long tasks [start, ms]: ${JSON.stringify(await tab.evaluate(() => window.longTaskTimes ?? []))}`);
    const bytesAll = await tab.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + (e.transferSize || 0), 0));
    return { ...first, cityMs, nearestMs: nearest.listMs, exact: nearest.listMs !== null && nearest.ids.join() === expectedNearest.join(), loadedMs, longestTaskMs, bytesAll };
  } catch (error) {
    log(`national ${mode} ${n}, ${phase}: ${error.message.split('\n')[0]}${errors.length ? ` (${errors[0]})` : ''}`);
    return null;
  } finally {
    await context.close();
  }
}

function summarize(results) {
  if (!results.length) return null;
  const pick = (key) => median(results.map((r) => r[key]));
  return {
    clustersMs: pick('clustersMs'),
    bytesBefore: pick('bytesBefore'),
    cityMs: pick('cityMs'),
    nearestMs: pick('nearestMs'),
    loadedMs: pick('loadedMs'),
    longestTaskMs: pick('longestTaskMs'),
    bytesAll: pick('bytesAll'),
    exact: results.every((r) => r.exact),
    runs: results,
  };
}

/**
 * Rows for the bench table: for 186,100 stations (and 1,000,000 unless `quick`), tiled against
 * one GeoJSON file. The GeoJSON page runs once (a cold load is over a minute on this link) and not
 * at a million (~60 MB of gzip: minutes of download before anything shows).
 *
 * @param {import('playwright-core').Browser} browser
 * @param {{ quick: boolean, log: (message: string) => void }} options
 */
export async function runNationalPhoneBench(browser, { quick, log }) {
  const { buildStationArchive } = await import('../../dist/core.js');
  const sizes = quick ? [186_100] : [186_100, 1_000_000];
  const tiledRuns = quick ? 1 : 3;
  const dir = mkdtempSync(join(tmpdir(), 'station-map-national-'));
  const files = { archives: new Map(), geojson: new Map() };
  const nearestOf = new Map();
  try {
    for (const n of sizes) {
      log(`national: ${n} stations, building the archive`);
      const collection = nationalStations(n);
      const ids = bruteForceNearest(collection.features, ORIGIN.lng, ORIGIN.lat, K);
      nearestOf.set(n, { ids, names: namesOf(collection.features, ids) });
      // What `station-map tiles` writes, built in this process: a million stations as one JSON
      // text for the command would pass V8's longest string.
      const { chunks } = buildStationArchive(collection.features, { gzip: (bytes) => gzipSync(bytes), stationZoom: STATION_ZOOM });
      const archive = join(dir, `stations-${n}.pmtiles`);
      writeFileSync(archive, Buffer.concat(chunks));
      files.archives.set(n, archive);
      if (n < 1_000_000 && !quick) files.geojson.set(n, gzipSync(JSON.stringify(collection), { level: 6 }));
    }
    const server = await startServer(files);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const rows = [];
    try {
      for (const n of sizes) {
        const tiled = [];
        const plain = [];
        for (let i = 0; i < tiledRuns; i++) {
          log(`national: tiled ${n}, run ${i + 1}`);
          const result = await runOnce(browser, origin, 'tiled', n, nearestOf.get(n).ids, nearestOf.get(n).names, log);
          if (result) tiled.push(result);
        }
        if (files.geojson.has(n)) {
          log(`national: one GeoJSON file ${n}`);
          const result = await runOnce(browser, origin, 'geojson', n, nearestOf.get(n).ids, nearestOf.get(n).names, log);
          if (result) plain.push(result);
        }
        const t = summarize(tiled);
        const g = summarize(plain);
        const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
        const peer = g ? 'one GeoJSON file (src)' : undefined;
        const geojsonNote = files.geojson.has(n) ? (g ? '' : '; the GeoJSON page failed') : n >= 1_000_000 ? '; GeoJSON not run at a million (~60 MB gzip: minutes on this link)' : '';
        rows.push({
          id: `national-clusters-${n}`,
          operation: 'national, cheap phone: first clusters drawn (PMTiles src)',
          data: 'China',
          n,
          ours: t?.clustersMs ?? null,
          peer,
          peerMs: g?.clustersMs ?? null,
          extra: { tiled: t, geojson: g },
          note: t
            ? `${kb(t.bytesBefore)} transferred before them, ${kb(t.bytesAll)} in the whole run${g ? `; GeoJSON: its first clusters are a preview of the stations downloaded by then (${kb(g.bytesBefore)}), all ${n.toLocaleString('en-US')} drawn at ${(g.loadedMs / 1000).toFixed(1)} s` : ''}${geojsonNote}`
            : 'the tiled page failed',
        });
        rows.push({ id: `national-bytes-${n}`, operation: 'national, cheap phone: KB transferred before the first clusters', data: 'China', n, unit: 'KB', ours: t ? t.bytesBefore / 1024 : null, peer, peerMs: g ? g.bytesBefore / 1024 : null });
        rows.push({ id: `national-city-${n}`, operation: 'national, cheap phone: zoom to a city, its stations drawn', data: 'Shanghai z12', n, ours: t?.cityMs ?? null, peer, peerMs: g?.cityMs ?? null });
        rows.push({
          id: `national-nearest-${n}`,
          operation: `national, cheap phone: origin set → ${K} nearest listed`,
          data: 'rural Hubei',
          n,
          ours: t?.nearestMs ?? null,
          peer,
          peerMs: g?.nearestMs ?? null,
          identical: t ? t.exact && (!g || g.exact) : undefined,
        });
        rows.push({ id: `national-longtask-${n}`, operation: 'national, cheap phone: longest task of the run', data: 'China', n, ours: t?.longestTaskMs ?? null, peer, peerMs: g?.longestTaskMs ?? null });
      }
      return rows;
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node bench/browser/national-phone.mjs [--quick]` (after `npm run build`): this part alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../../scripts/chromium.mjs');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const rows = await runNationalPhoneBench(browser, { quick: process.argv.includes('--quick'), log: (m) => process.stderr.write(`${m}\n`) });
    for (const row of rows) console.log(JSON.stringify({ id: row.id, ours: row.ours, peer: row.peerMs, identical: row.identical, note: row.note, runs: row.extra?.tiled?.runs }));
  } finally {
    await browser.close();
  }
}
