import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { cleanup, fixture, has, leafletMapOf, markers, nextEvent, shadow, stationsAround, waitFor } from './helpers.js';

const INLINE = JSON.stringify(stationsAround(3, 'IN'));

describe('loading station data', () => {
  let consoleErrors: unknown[][];
  const originalError = console.error;
  beforeEach(() => {
    consoleErrors = [];
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args);
      originalError(...args);
    };
  });
  afterEach(() => {
    console.error = originalError;
    cleanup();
  });

  it('loads from src, fires stations-load and shows the count', async () => {
    const loaded = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('stations-load', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await fixture('<station-map basemap="none" lang="en" src="/test-api/small.geojson?tag=src"></station-map>');
    const event = await loaded;
    expect(event.detail.count).to.equal(3);
    expect(event.detail.skipped).to.deep.equal([]);
    expect(event.detail.bbox[0]).to.be.closeTo(117.1, 1e-9);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="status"]')!.textContent).to.match(/3 stations/);
    await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
    expect(consoleErrors).to.deep.equal([]);
  });

  it('fires stations-load once the parser has read the page when the page is still loading, so a script after the tag hears it', async () => {
    // As on a slow phone whose parser paused after the tag while the data came from the HTTP cache.
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    const counts: number[] = [];
    try {
      const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
      el.addEventListener('stations-load', (e) => counts.push(e.detail.count));
      el.stations = stationsAround(3, 'PARSE');
      await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
      await el.updateComplete;
      expect(counts, 'while the page is parsed').to.deep.equal([]);
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(counts).to.deep.equal([3]);
  });

  it('paints a city\'s clusters before its list, then a screenful of rows more each frame; updateComplete waits for all', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>', { height: 600 });
    await waitFor(() => leafletMapOf(el), 8000, 'the map');
    // What each frame after the load shows. On a slow phone the pins, the first rows and fifty
    // rows of text were one long task, and the pins waited for all of it.
    const frames: Array<[pins: number, rows: number]> = [];
    let sampling = true;
    const sample = () => {
      const { pins, clusters } = markers(el);
      frames.push([pins.length + clusters.length, shadow(el).querySelectorAll('button.item').length]);
      if (sampling) requestAnimationFrame(sample);
    };
    el.addEventListener('stations-load', () => requestAnimationFrame(sample), { once: true });
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(400, 'CITY');
    await loaded;
    await el.updateComplete;
    sampling = false;
    expect(shadow(el).querySelectorAll('button.item').length, 'rows once updateComplete resolves').to.equal(50);
    expect(frames[0]![0], 'pins in the first frame').to.be.greaterThan(0);
    expect(frames[0]![1], 'rows in the first frame').to.equal(0);
    const rowCounts = [...new Set(frames.map(([, rows]) => rows))];
    expect(rowCounts.filter((rows) => rows > 0 && rows < 50), 'frames with a screenful more each').to.deep.equal([12, 24, 36, 48]);
  });

  it('parses megabytes of station JSON from src in pieces, not in one long JSON.parse', async () => {
    const collection = stationsAround(8000, 'BIG');
    for (const feature of collection.features) feature.properties!.address = '山东省泰安市泰山区红门路 1 号（工会驿站，户外劳动者服务站）';
    const text = JSON.stringify(collection);
    expect(text.length).to.be.greaterThan(2 ** 20);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
    const parse = JSON.parse;
    const lengths: number[] = [];
    JSON.parse = (json: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      lengths.push(String(json).length);
      return parse(json, reviver);
    };
    try {
      const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
      const loaded = nextEvent(el, 'stations-load', 30_000);
      el.src = url;
      expect((await loaded).detail.count).to.equal(8000);
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('button.item').length).to.equal(50);
    } finally {
      JSON.parse = parse;
      URL.revokeObjectURL(url);
    }
    expect(lengths.length, 'JSON.parse calls').to.be.greaterThan(3);
    expect(Math.max(...lengths), 'the longest text given to JSON.parse').to.be.lessThan(text.length / 4);
  });

  it('reads inline <script type="application/geo+json"> with no page JavaScript', async () => {
    const container = document.createElement('div');
    container.className = 'fixture';
    // As a CMS would write it: markup only.
    container.innerHTML = `<station-map basemap="none" lang="en"><script type="application/geo+json">${INLINE}</script></station-map>`;
    const loaded = nextEvent(container, 'stations-load');
    document.body.append(container);
    const event = await loaded;
    expect(event.detail.count).to.equal(3);
    const el = container.querySelector('station-map')!;
    await waitFor(() => markers(el).pins.length === 3, 8000, 'three pins');
  });

  it('sends the request for src as it connects, a task before its first update, and only once', async () => {
    const original = window.fetch;
    const calls: { url: string; signal: AbortSignal | null | undefined }[] = [];
    window.fetch = (input, init) => {
      calls.push({ url: String(input as string), signal: init?.signal });
      return original(input, init);
    };
    try {
      const el = document.createElement('station-map');
      el.setAttribute('basemap', 'none');
      el.setAttribute('src', '/test-api/small.geojson?tag=early');
      const loaded = nextEvent(el, 'stations-load');
      document.body.append(el);
      // Synchronously on connecting: not after the first update's task.
      expect(calls.map((c) => c.url)).to.deep.equal(['/test-api/small.geojson?tag=early']);
      expect((await loaded).detail.count).to.equal(3);
      expect(calls.length, 'the load took the early request over').to.equal(1);
      el.remove();

      // A page that hands over stations right after connecting: the early request is aborted.
      const other = document.createElement('station-map');
      other.setAttribute('basemap', 'none');
      other.setAttribute('src', '/test-api/slow.geojson?ms=1500&tag=unused');
      document.body.append(other);
      other.stations = stationsAround(5, 'PROP');
      expect((await nextEvent(other, 'stations-load')).detail.count).to.equal(5);
      expect(calls.at(-1)!.url).to.contain('tag=unused');
      expect(calls.at(-1)!.signal!.aborted, 'the unused request').to.equal(true);
      other.remove();
    } finally {
      window.fetch = original;
    }
  });

  it('prefers the .stations property over src', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(40, 'PROP');
    el.src = '/test-api/small.geojson?tag=ignored';
    const event = await loaded;
    expect(event.detail.count).to.equal(40);
    await new Promise((r) => setTimeout(r, 300));
    expect(el.nearestStations(117.0, 36.15, 1)[0]!.station.id).to.equal('PROP-0000');
  });

  it('changing src at run time replaces the stations, and the last src wins', async () => {
    const el = await fixture('<station-map basemap="none" lang="en" src="/test-api/slow.geojson?ms=1500&tag=old"></station-map>');
    el.src = '/test-api/small.geojson?tag=new';
    const event = await nextEvent(el, 'stations-load');
    expect(event.detail.count).to.equal(3);
    // The slow, older response must never overwrite newer data.
    await new Promise((r) => setTimeout(r, 1800));
    expect(el.nearestStations(117.1, 36.2, 1)[0]!.station.id).to.equal('new-0');
  });

  it('reports skipped features and keeps the good ones', async () => {
    const data = stationsAround(4, 'OK');
    data.features.push(
      { type: 'Feature', id: 'BAD-1', geometry: { type: 'Point', coordinates: [200, 10] }, properties: { name: 'far' } },
      { type: 'Feature', id: 'BAD-2', geometry: null as never, properties: { name: 'nowhere' } },
    );
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    const error = nextEvent(el, 'station-map-error');
    el.stations = data;
    expect((await loaded).detail.count).to.equal(4);
    const e = await error;
    expect(e.detail.code).to.equal('invalid-features');
    expect(e.detail.skipped!.map((s) => s.reason)).to.deep.equal(['bad-coordinates', 'missing-geometry']);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="status"]')!.textContent).to.match(/4 stations.*2 skipped/);
  });

  it('shows a readable message for a 404', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const error = nextEvent(el, 'station-map-error');
    el.src = '/test-api/not-found.geojson';
    const e = await error;
    expect(e.detail.code).to.equal('fetch-failed');
    expect(e.detail.message).to.contain('/test-api/not-found.geojson');
    expect(e.detail.message).to.contain('404');
    await el.updateComplete;
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('404');
    expect(alert.querySelector('button')!.textContent).to.match(/retry/i);
  });

  it('shows a readable message for a document that is not JSON', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const error = nextEvent(el, 'station-map-error');
    el.src = '/test-api/html.geojson';
    const e = await error;
    expect(e.detail.code).to.equal('invalid-geojson');
    expect(e.detail.message).to.contain('/test-api/html.geojson');
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')!.textContent!.trim().length).to.be.greaterThan(10);
  });

  it('shows a message, not a blank map, for JSON that is not GeoJSON', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const error = nextEvent(el, 'station-map-error');
    el.stations = { type: 'Topology', objects: {} } as never;
    expect((await error).detail.code).to.equal('invalid-geojson');
    await el.updateComplete;
    expect(has(shadow(el), '[role="alert"]'), '[role="alert"]').to.equal(true);
  });
});
