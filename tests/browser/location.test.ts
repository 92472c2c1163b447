import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, stationsAround, waitFor, has, leafletMapOf } from './helpers.js';

async function loaded(): Promise<StationMap> {
  const el = await fixture('<station-map basemap="none" lang="en" nearest="3"></station-map>');
  const done = nextEvent(el, 'stations-load');
  el.stations = stationsAround(100);
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
  return el;
}

function mapOf(el: StationMap) {
  return leafletMapOf(el)!;
}

describe('the user position', () => {
  afterEach(cleanup);

  it('locate() with permission draws the position and lists the nearest stations', async () => {
    await executeServerCommand('set-geolocation', {
      permission: 'granted',
      position: { latitude: 36.15, longitude: 117.0, accuracy: 25 },
    });
    const el = await loaded();
    const changed = nextEvent(el, 'location-change');
    const position = await el.locate();
    expect(position.lng).to.be.closeTo(117.0, 1e-9);
    expect(position.accuracy).to.equal(25);
    const e = await changed;
    expect(e.detail.source).to.equal('device');
    await el.updateComplete;
    const items = [...shadow(el).querySelectorAll('[part="list-item"]')];
    expect(items).to.have.length(3);
    expect(items[0]!.textContent).to.contain('TA 测试驿站 0');
    expect(has(shadow(el), '.sm-accuracy'), '.sm-accuracy').to.equal(true);
    const picked = nextEvent(el, 'station-select');
    (items[1] as HTMLElement).click();
    expect((await picked).detail.source).to.equal('nearest');
  });

  it('denied geolocation shows a message, fires geolocation-denied, and a map click sets the position', async () => {
    await executeServerCommand('set-geolocation', { permission: 'denied' });
    const el = await loaded();
    const error = nextEvent(el, 'station-map-error');
    let rejected: { code?: string } | null = null;
    await el.locate().catch((e) => (rejected = e));
    expect(rejected!.code).to.equal('geolocation-denied');
    expect((await error).detail.code).to.equal('geolocation-denied');
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.match(/map/i);
    const changed = nextEvent(el, 'location-change');
    const map = mapOf(el);
    map.fire('click', { latlng: map.getCenter() });
    const e = await changed;
    expect(e.detail.source).to.equal('map');
    expect(e.detail.lat).to.be.closeTo(map.getCenter().lat, 1e-6);
  });

  it('the origin attribute sets the position (source page) and routeTo draws a straight line', async () => {
    const el = await loaded();
    const changed = nextEvent(el, 'location-change');
    el.setAttribute('origin', '117.0,36.15');
    expect((await changed).detail.source).to.equal('page');
    const routed = nextEvent(el, 'route-change');
    const route = await el.routeTo('TA-0099');
    expect(route.kind).to.equal('straight');
    expect(route.distanceMeters).to.be.greaterThan(1000);
    expect((await routed).detail.route!.kind).to.equal('straight');
    await waitFor(() => shadow(el).querySelector('path.sm-route'), 3000, 'route line');
  });
});

describe('routes', () => {
  afterEach(cleanup);

  it('routes along the page network (the Mount Tai trail) and labels it as a network route', async () => {
    const el = await fixture('<station-map basemap="none" lang="en" network="/demo/data/taishan-trail.geojson" src="/demo/data/stations.geojson"></station-map>');
    await nextEvent(el, 'stations-load');
    // Let the network load.
    await new Promise((r) => setTimeout(r, 500));
    el.setAttribute('origin', '117.1268,36.1937'); // 岱庙
    // With a network the nearest list ranks by distance along the paths.
    await waitFor(() => /Along paths/.test(shadow(el).querySelector('.list-heading')?.textContent ?? ''), 5000, 'route-ranked list');
    expect(shadow(el).querySelectorAll('[part="list-item"]').length).to.be.greaterThan(0);
    el.select('TA-0008');
    const routed = nextEvent(el, 'route-change');
    const route = await el.routeTo('TA-0008'); // 中天门
    expect(route.kind).to.equal('network');
    expect((await routed).detail.route!.kind).to.equal('network');
    // The climb zig-zags: clearly longer than the straight line (about 5 km).
    const straight = el.nearestStations(117.1268, 36.1937, 400).find((r) => r.station.id === 'TA-0008')!.distanceMeters;
    expect(route.distanceMeters).to.be.greaterThan(straight * 1.1);
    await el.updateComplete;
    expect(shadow(el).querySelector('.route-summary')!.textContent).to.match(/km/);
  });

  it('falls back to a straight line, clearly labelled, when the route service fails', async () => {
    const el = await fixture('<station-map basemap="none" lang="en" router-url="/test-api/osrm-500"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(4);
    await loaded;
    el.setAttribute('origin', '117.0,36.15');
    const errors: string[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(e.detail.code));
    el.select('TA-0003');
    const route = await el.routeTo('TA-0003');
    expect(route.kind).to.equal('straight');
    expect(route.fallbackReason).to.be.a('string');
    expect(errors).to.include('route-failed');
    await el.updateComplete;
    expect(shadow(el).querySelector('.route-summary')!.textContent).to.match(/straight/i);
  });
});
