import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { fromWgs84 } from '../../src/geo/crs/crs.js';
import { cleanup, fixture, has, leafletMapOf, markers, nextEvent, shadow, waitFor } from './helpers.js';

/**
 * Where the one pin's tip points, read off the screen after centring the map at zoom 17
 * (≈ 1.2 m a pixel) on `[lat, lng]`: the tip is 2 px above the bottom of the 40 px pin
 * (MARKER_METRICS).
 */
async function pinTipNear(el: HTMLElement, lat: number, lng: number): Promise<import('leaflet').LatLng> {
  const map = leafletMapOf(el as never)!;
  map.setView([lat, lng], 17, { animate: false });
  const pin = await waitFor(() => markers(el as never).pins[0], 5000, 'the pin in view');
  const box = pin.getBoundingClientRect();
  const origin = map.getContainer().getBoundingClientRect();
  return map.containerPointToLatLng([box.left + box.width / 2 - origin.left, box.bottom - 2 - origin.top]);
}

const HONGMEN: [number, number] = [117.13, 36.212]; // WGS-84

function station(id: string, coordinates: [number, number], hours: string): GeoJSON.Feature {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: { name: `站 ${id}`, type: 'union-station', hours } };
}

describe('China-ready', () => {
  afterEach(cleanup);

  it('crs="gcj02" data on a WGS-84 basemap puts the marker at the converted position, and events speak GCJ-02', async () => {
    const gcj = fromWgs84(HONGMEN, 'gcj02');
    const el = await fixture('<station-map basemap="none" lang="en" crs="gcj02"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = [station('G-1', gcj, '24/7')];
    const { detail } = await loaded;
    expect(detail.bbox![0]).to.be.closeTo(gcj[0], 1e-6);
    await waitFor(() => markers(el).pins.length === 1, 5000, 'pin');
    const at = await pinTipNear(el, HONGMEN[1], HONGMEN[0]);
    // Within a few metres (pixels at zoom 17) of the true (WGS-84) position, hundreds of metres
    // from the raw GCJ-02 numbers.
    expect(at.distanceTo([HONGMEN[1], HONGMEN[0]])).to.be.lessThan(3);
    expect(at.distanceTo([gcj[1], gcj[0]])).to.be.greaterThan(100);
    // Positions the page gives are GCJ-02 too: asking at the GCJ-02 point finds the station at ~0 m.
    const [nearest] = el.nearestStations(gcj[0], gcj[1], 1);
    expect(nearest!.distanceMeters).to.be.lessThan(1);
  });

  it('amap basemap (GCJ-02 tiles) shifts WGS-84 markers onto it', async () => {
    const el = await fixture('<station-map basemap="amap" lang="en"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = [station('W-1', HONGMEN, '24/7')];
    await loaded;
    await waitFor(() => markers(el).pins.length === 1, 5000, 'pin');
    const gcj = fromWgs84(HONGMEN, 'gcj02');
    // The map's own coordinates are GCJ-02 here: the pin sits on the shifted position.
    const at = await pinTipNear(el, gcj[1], gcj[0]);
    expect(at.distanceTo([gcj[1], gcj[0]])).to.be.lessThan(3);
    expect(at.distanceTo([HONGMEN[1], HONGMEN[0]])).to.be.greaterThan(100);
  });

  it('the open-now badge follows the station time zone with an injected clock', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    // 2026-11-23 01:30 UTC is 09:30 on a Monday in Shanghai.
    el.now = () => new Date(Date.UTC(2026, 10, 23, 1, 30));
    const loaded = nextEvent(el, 'stations-load');
    el.stations = [station('H-1', HONGMEN, '08:00-20:00'), station('H-2', [117.131, 36.212], 'Mo-Fr 18:00-22:00')];
    await loaded;
    el.setAttribute('origin', `${HONGMEN[0]},${HONGMEN[1]}`);
    await waitFor(() => shadow(el).querySelectorAll('[part="list-item"]').length === 2, 5000, 'list');
    const badges = [...shadow(el).querySelectorAll('[part="list-item"] .badge')].map((b) => b.textContent!.trim());
    expect(badges[0]).to.match(/^Open/);
    expect(badges[0]).to.contain('20:00');
    expect(badges[1]).to.match(/^Closed/);
    expect(badges[1]).to.contain('18:00');
    // The openNow filter keeps only the open one.
    el.filter = { openNow: true };
    await el.updateComplete;
    await waitFor(() => shadow(el).querySelectorAll('[part="list-item"]').length === 1, 5000, 'filtered list');
    expect(el.nearestStations(HONGMEN[0], HONGMEN[1], 5).map((r) => r.station.id)).to.deep.equal(['H-1']);
  });

  it('navigate offers each app with the coordinates it expects', async () => {
    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = [station('N-1', HONGMEN, '24/7')];
    await loaded;
    el.select('N-1');
    await el.updateComplete;
    const links = new Map(
      [...shadow(el).querySelectorAll<HTMLAnchorElement>('.nav-links a')].map((a) => [a.dataset.app!, new URL(a.href)]),
    );
    expect([...links.keys()]).to.deep.equal(['amap', 'baidu', 'tencent', 'apple', 'google', 'geo']);
    const gcj = fromWgs84(HONGMEN, 'gcj02');
    const [lng, lat] = links.get('amap')!.searchParams.get('to')!.split(',').map(Number);
    expect(lng).to.be.closeTo(gcj[0], 1e-5);
    expect(lat).to.be.closeTo(gcj[1], 1e-5);
    // Apple, Google and geo: take WGS-84 as is.
    expect(links.get('google')!.searchParams.get('destination')!.split(',').map(Number)).to.deep.equal([HONGMEN[1], HONGMEN[0]]);
    expect(links.get('geo')!.href).to.match(/^geo:36\.212(0*),117\.13(0*)\?/);
    expect(has(shadow(el), '.nav-links a[href^="javascript:"]')).to.equal(false);
    expect(shadow(el).querySelector('.nav-links')!.textContent).to.contain('高德地图');
  });
});
