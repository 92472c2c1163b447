// Issue 22: values a page sets that the element cannot use (items 3, 4, 7, 10) and lifecycle
// races (item 11). Each value falls back to the default, is reported once as
// `station-map-error` `invalid-attribute`, and the element keeps rendering and selecting.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { fromWgs84 } from '../../../src/geo/crs/crs.js';
import type { Crs, StationFilter } from '../../../src/types.js';
import { cleanup, leafletMapOf, markers, nextEvent, stationsAround } from '../helpers.js';
import { listNames, mount, serverState, statusText, uniqueKey, waitForAsync as waitFor } from './reliability-helpers.js';

/** Every `invalid-attribute` report the element makes, as `attribute: message`. */
function collectReports(el: StationMap): string[] {
  const reports: string[] = [];
  el.addEventListener('station-map-error', (e) => {
    if (e.detail.code === 'invalid-attribute') reports.push(`${e.detail.attribute}: ${e.detail.message}`);
  });
  return reports;
}

async function loaded(attributes: Record<string, string> = {}, n = 6): Promise<StationMap> {
  const el = mount({ basemap: 'none', lang: 'en', ...attributes });
  const done = nextEvent(el, 'stations-load');
  el.stations = stationsAround(n);
  await done;
  await waitFor(() => listNames(el).length > 0, 5000, 'the list');
  return el;
}

/** Leaflet's zoom, read the way a user sees it: the map's own state. */
function leafletZoom(el: StationMap): number {
  return leafletMapOf(el)!.getZoom();
}

async function selectOpensPanel(el: StationMap, id: string): Promise<void> {
  el.select(id);
  await el.updateComplete;
  await waitFor(() => el.shadowRoot!.querySelector('.detail h2')?.textContent?.includes(`测试驿站 ${Number(id.slice(3))}`), 3000, `panel of ${id}`);
  expect(el.getAttribute('selected')).to.equal(id);
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('inputs of the wrong type or out of range (issue 22)', () => {
  afterEach(cleanup);

  for (const bad of [{ text: 5 }, { types: 5 }, { services: {} }] as unknown as StationFilter[]) {
    it(`filter ${JSON.stringify(bad)}: reported once; the list, select() and lang keep working`, async () => {
      const el = await loaded();
      const reports = collectReports(el);
      el.filter = bad;
      await el.updateComplete;
      el.filter = JSON.parse(JSON.stringify(bad)); // the same mistake again is not reported again
      await el.updateComplete;
      await flush();
      expect(reports.length, reports.join('\n')).to.equal(1);
      expect(reports[0]).to.match(/^filter: /);
      expect(listNames(el).length).to.equal(6);
      await selectOpensPanel(el, 'TA-0002');
      el.lang = 'zh-CN';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.layout')!.getAttribute('lang')).to.equal('zh-CN');
    });
  }

  it('zoom="abc" and .zoom = NaN never reach Leaflet: the map keeps a zoom, markers and selection', async () => {
    const el = await loaded({ center: '117.02,36.15', zoom: 'abc' });
    const reports = collectReports(el);
    await flush();
    expect(Number.isFinite(leafletZoom(el))).to.equal(true);
    expect(el.zoom).to.equal(null);
    el.zoom = NaN;
    await el.updateComplete;
    el.zoom = 14;
    await el.updateComplete;
    expect(leafletZoom(el)).to.equal(14);
    el.zoom = NaN;
    await el.updateComplete;
    await flush();
    expect(Number.isFinite(leafletZoom(el))).to.equal(true);
    expect(reports.filter((r) => r.startsWith('zoom:')).length).to.be.at.least(1);
    await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 4000, 'markers');
    await selectOpensPanel(el, 'TA-0003');
    expect(Number.isFinite(leafletZoom(el))).to.equal(true);
  });

  it('the same bad value by attribute and by property is reported once, with the same words', async () => {
    const el = await loaded();
    const reports = collectReports(el);
    el.setAttribute('zoom', 'abc');
    el.zoom = 'abc' as unknown as number;
    el.setAttribute('travel-mode', 'bike');
    el.travelMode = 'bike' as never;
    await el.updateComplete;
    await flush();
    expect(reports).to.have.length(2);
    expect(reports[0]).to.equal('zoom: zoom "abc": not a number in 0–24; using none');
    expect(reports[1]).to.equal('travel-mode: travel-mode "bike": not walking, cycling or driving; using "walking"');
  });

  for (const spelling of ['WGS84', 'wgs-84', 'EPSG:4326', 'CGCS2000', 'GCJ02', 'GCJ-02', 'gcj02', 'BD-09', 'BD09', 'bd09', 'mars']) {
    it(`crs="${spelling}": a worker standing at a station is told ~0 m`, async () => {
      const datum: Crs = /gcj/i.test(spelling) ? 'gcj02' : /bd/i.test(spelling) ? 'bd09' : 'wgs84';
      const data = stationsAround(3);
      for (const f of data.features) {
        const g = f.geometry as GeoJSON.Point;
        g.coordinates = fromWgs84(g.coordinates as [number, number], datum);
      }
      const [lng, lat] = (data.features[1]!.geometry as GeoJSON.Point).coordinates as [number, number];
      const el = mount({ basemap: 'none', lang: 'en', crs: spelling, origin: `${lng},${lat}` });
      const reports = collectReports(el);
      const done = nextEvent(el, 'stations-load');
      el.stations = data;
      await done;
      await flush();
      const [nearest] = el.nearestStations(lng, lat, 1);
      expect(nearest!.station.id).to.equal('TA-0001');
      expect(nearest!.distanceMeters).to.be.below(1);
      const selected = nextEvent(el, 'station-select');
      el.select('TA-0001');
      expect((await selected).detail.distanceMeters).to.be.below(1);
      const route = await el.routeTo('TA-0001');
      const end = route.geometry.coordinates.at(-1)!;
      expect(Math.abs(end[0]! - lng) + Math.abs(end[1]! - lat)).to.be.below(1e-5);
      expect(reports.length).to.equal(spelling === 'mars' ? 1 : 0);
    });
  }

  it('travel-mode="bike": navigation links walk, no mode=undefined', async () => {
    const el = await loaded({ 'travel-mode': 'bike' });
    el.travelMode = { mode: 'car' } as never;
    await selectOpensPanel(el, 'TA-0001');
    const hrefs = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.detail a[href]')].map((a) => a.href);
    expect(hrefs.some((h) => h.includes('amap'))).to.equal(true);
    for (const href of hrefs) expect(href).not.to.match(/undefined|object%20object|\[object/i);
  });

  it('a basemap template with {constructor} puts no function source into tile URLs', async () => {
    const el = await loaded({ basemap: `${location.origin}/test-api/fault/tiles-404/{constructor}/{toString}/{z}/{x}/{y}.png` });
    const tiles = await waitFor(() => {
      const imgs = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('img.leaflet-tile, .leaflet-tile-pane img')];
      return imgs.length ? imgs : null;
    }, 5000, 'tile images');
    for (const img of tiles) {
      expect(img.src).to.contain('%7Bconstructor%7D');
      expect(decodeURIComponent(img.src)).not.to.contain('function');
    }
  });

  it('nearest="NaN" lists the default five; .coverage = 1e9 is the 15-minute circle, reported', async () => {
    const el = await loaded({ nearest: 'NaN', origin: '117.0,36.15' }, 12);
    const reports = collectReports(el);
    await waitFor(() => listNames(el).length === 5, 3000, 'five rows');
    el.coverage = 1e9;
    await el.updateComplete;
    await flush();
    expect(el.coverage).to.equal(15);
    expect(reports.some((r) => r.startsWith('coverage: coverage 1000000000: '))).to.equal(true);
    expect(el.shadowRoot!.textContent).not.to.contain('1000000000');
  });

  it('removing the element while routeTo() waits for the position aborts it: no request, no route-change', async () => {
    const el = await loaded({ 'router-url': '' });
    const key = uniqueKey('route-after-detach');
    el.routerUrl = `${location.origin}/test-api/fault/osrm-ok?key=${key}&x=`;
    const geo = navigator.geolocation;
    let answer: PositionCallback | null = null;
    const own = Object.getOwnPropertyDescriptor(geo, 'getCurrentPosition');
    Object.defineProperty(geo, 'getCurrentPosition', { configurable: true, value: (ok: PositionCallback) => (answer = ok) });
    const changes: unknown[] = [];
    el.addEventListener('route-change', (e) => changes.push(e.detail));
    try {
      const routing = el.routeTo('TA-0003');
      await waitFor(() => answer, 2000, 'the position request');
      el.remove();
      answer!({ coords: { longitude: 117.0, latitude: 36.15, accuracy: 10 } } as GeolocationPosition);
      const error = await routing.then(() => null, (e: unknown) => e as Error);
      expect(error?.name).to.equal('AbortError');
      await new Promise((r) => setTimeout(r, 300));
      expect(changes).to.deep.equal([]);
      expect(await serverState(key)).to.equal(null);
    } finally {
      if (own) Object.defineProperty(geo, 'getCurrentPosition', own);
      else delete (geo as unknown as Record<string, unknown>).getCurrentPosition;
    }
  });

  it('"Searching…" does not stay after re-attaching when the geocoder request was aborted', async () => {
    const el = await loaded();
    el.geocoder = (_q, { signal }) => new Promise((_ok, fail) => signal.addEventListener('abort', () => fail(signal.reason)));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input.search')!;
    input.value = '泰安站';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => el.shadowRoot!.textContent!.includes('Searching'), 3000, 'Searching…');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 500));
    expect(el.shadowRoot!.textContent).not.to.contain('Searching');
  });

  it('selected="missing" does not stay set: it reflects the selection', async () => {
    const el = await loaded();
    el.setAttribute('selected', 'missing');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(el.hasAttribute('selected')).to.equal(false);
    await selectOpensPanel(el, 'TA-0002');
    el.selected = 'missing-too';
    await el.updateComplete;
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('TA-0002');
    // Set before the data: kept while loading, cleared when the data lacks it.
    const later = mount({ basemap: 'none', lang: 'en', selected: 'nope' });
    const done = nextEvent(later, 'stations-load');
    later.stations = stationsAround(3);
    await done;
    await later.updateComplete;
    await later.updateComplete;
    expect(later.hasAttribute('selected')).to.equal(false);
    expect(statusText(later)).to.contain('3');
  });
});
