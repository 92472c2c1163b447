import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, stationsAround, waitFor, has, leafletMapOf } from './helpers.js';

/** `n` stations spread over a few cities, seeded, so clusters form. */
function manyStations(n: number): GeoJSON.FeatureCollection {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const cities = [
    [117.09, 36.2],
    [116.99, 36.1],
    [117.3, 35.95],
  ];
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => {
      const [x, y] = cities[i % cities.length]!;
      return {
        type: 'Feature',
        id: `M-${i}`,
        geometry: { type: 'Point', coordinates: [x! + (random() - 0.5) * 0.2, y! + (random() - 0.5) * 0.2] },
        properties: { name: `驿站 ${i}`, type: 'union-station' },
      };
    }),
  };
}

async function withStations(data: GeoJSON.FeatureCollection, attrs = ''): Promise<StationMap> {
  const el = await fixture(`<station-map basemap="none" lang="en" ${attrs}></station-map>`, { height: 600 });
  const done = nextEvent(el, 'stations-load');
  el.stations = data;
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
  return el;
}

function leafletMap(el: StationMap): import('leaflet').Map {
  return leafletMapOf(el)!;
}

describe('the map', () => {
  afterEach(cleanup);

  it('groups many stations into clusters with counts, and a click on a cluster zooms in', async () => {
    const el = await withStations(manyStations(3000));
    const { clusters } = markers(el);
    expect(clusters.length).to.be.greaterThan(0);
    const counts = clusters.map((c) => Number(c.textContent!.trim()));
    expect(counts.every((c) => c > 1)).to.equal(true);
    // The whole data set is in view after the initial fit: every station counted once.
    const total = counts.reduce((a, b) => a + b, 0) + markers(el).pins.length;
    expect(total).to.equal(3000);
    const map = leafletMap(el);
    const before = map.getZoom();
    clusters[0]!.click();
    await waitFor(() => map.getZoom() > before, 5000, 'zoom in');
  });

  it('keeps each pin’s tip on its station through animated and instant zooms and a pan', async () => {
    const el = await withStations(stationsAround(6));
    const map = leafletMap(el);
    /** Largest distance in px between a pin's tip and where its station projects. */
    // Leaflet's projection gives where a pin ends up; mid-animation it is still on its way.
    // Leaflet's 250 ms timer ends the zoom; the pins' CSS transitions may still be running on a
    // busy machine (they start with the first frame after 'zoomanim'): wait for them too.
    const idle = async () => {
      await waitFor(() => !(map as unknown as { _animatingZoom: boolean })._animatingZoom, 3000, 'no zoom animation');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await Promise.all(markers(el).pins.flatMap((pin) => pin.getAnimations().map((animation) => animation.finished)));
    };
    const worstOffset = () => {
      const box = map.getContainer().getBoundingClientRect();
      let worst = 0;
      for (const pin of markers(el).pins) {
        const station = el.nearestStations(0, 0, 1, { text: pin.title })[0];
        if (!station) continue;
        const [lng, lat] = station.station.geometry.coordinates;
        const at = map.latLngToContainerPoint([lat!, lng!]);
        const rect = pin.getBoundingClientRect();
        // The tip is 2 px above the bottom of the 40 px pin box (MARKER_METRICS).
        const dx = rect.left + rect.width / 2 - box.left - at.x;
        const dy = rect.bottom - 2 - box.top - at.y;
        worst = Math.max(worst, Math.hypot(dx, dy));
      }
      return worst;
    };
    await waitFor(() => markers(el).pins.length === 6, 5000, 'six pins');
    await idle();
    expect(worstOffset()).to.be.below(1.5);
    const zoomed = new Promise((resolve) => map.once('zoomend', resolve));
    map.setZoomAround(map.latLngToContainerPoint(map.getCenter()), map.getZoom() + 1, { animate: true });
    await zoomed;
    await waitFor(() => markers(el).pins.length > 0, 5000, 'pins after zooming');
    await idle();
    expect(worstOffset()).to.be.below(1.5);
    // Without animation (reduced motion, pinch zoom) markers move on 'zoom' and 'viewreset'.
    map.setZoom(map.getZoom() - 1, { animate: false });
    await waitFor(() => markers(el).pins.length > 0, 5000, 'pins after zooming out');
    expect(worstOffset()).to.be.below(1.5);
    map.panBy([120, -80], { animate: false });
    await waitFor(() => markers(el).pins.length > 0, 5000, 'pins after panning');
    expect(worstOffset()).to.be.below(1.5);
  });

  it('a click on a pin selects it and is not a click on the map; a drag that starts on a pin moves the map', async () => {
    const el = await withStations(stationsAround(6));
    const map = leafletMap(el);
    await waitFor(() => markers(el).pins.length === 6, 5000, 'six pins');
    let mapClicks = 0;
    map.on('click', () => mapClicks++);
    const selected: string[] = [];
    el.addEventListener('station-select', (e) => selected.push(e.detail.id));
    const pin = markers(el).pins[0]!;
    pin.scrollIntoView({ block: 'center' });
    const rect = pin.getBoundingClientRect();
    const x = Math.round(rect.left + rect.width / 2);
    const y = Math.round(rect.top + rect.height / 2);
    await sendMouse({ type: 'click', position: [x, y] });
    await waitFor(() => selected.length === 1, 3000, 'station-select');
    expect(mapClicks, 'map clicks').to.equal(0);

    // Close the detail and drag the map by a pin.
    el.selected = null;
    await el.updateComplete;
    const other = markers(el).pins.find((p) => !p.classList.contains('sm-pin-selected'))!;
    const r = other.getBoundingClientRect();
    const start: [number, number] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
    const centre = map.getCenter();
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 8; step++) await sendMouse({ type: 'move', position: [start[0] + step * 15, start[1] + step * 5] });
    await sendMouse({ type: 'up' });
    await resetMouse();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(map.getCenter().equals(centre), 'the map moved').to.equal(false);
    expect(selected.length, 'no selection from the drag').to.equal(1);
    expect(mapClicks, 'map clicks').to.equal(0);
  });

  it('has its own zoom buttons, disabled at the zoom limits, and credits the basemap', async () => {
    const el = await withStations(stationsAround(6));
    el.setAttribute('basemap', 'osm');
    const map = leafletMap(el);
    const button = (name: string) => shadow(el).querySelector<HTMLButtonElement>(`.map-tools button[aria-label="${name}"]`)!;
    const before = map.getZoom();
    const zoomEnd = () => new Promise((resolve) => map.once('zoomend', resolve));
    let ended = zoomEnd();
    button('Zoom in').click();
    await ended;
    expect(map.getZoom()).to.equal(before + 1);
    ended = zoomEnd();
    button('Zoom out').click();
    await ended;
    expect(map.getZoom()).to.equal(before);
    map.setZoom(map.getMaxZoom(), { animate: false });
    await waitFor(() => button('Zoom in').disabled, 3000, 'zoom in disabled at the closest zoom');
    expect(button('Zoom out').disabled).to.equal(false);
    map.setZoom(map.getMinZoom(), { animate: false });
    await waitFor(() => button('Zoom out').disabled, 3000, 'zoom out disabled at the farthest zoom');
    const credits = shadow(el).querySelector('[part="attribution"]')!;
    expect(credits.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Leaflet | © OpenStreetMap contributors');
    expect([...credits.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://leafletjs.com',
      'https://www.openstreetmap.org/copyright',
    ]);
    // A page's own tile template is credited by its host name, as text.
    el.setAttribute('basemap', 'https://tiles.example.org/{z}/{x}/{y}.png');
    await el.updateComplete;
    expect(credits.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Leaflet | tiles.example.org');
  });

  it('draws 100,000 stations as a bounded number of markers', async () => {
    const el = await withStations(manyStations(100000));
    const drawn = markers(el).pins.length + markers(el).clusters.length;
    expect(drawn).to.be.greaterThan(0);
    expect(drawn).to.be.lessThan(600);
  });

  it('the page\'s center and zoom are where the map starts, not a zoom in from the default view', async () => {
    const el = await fixture('<station-map basemap="none" center="117.2,36.3" zoom="8"></station-map>');
    const map = await waitFor(() => leafletMapOf(el), 8000, 'the map');
    // At once: animated from the default zoom 4, it read 4 for a moment and drew that view first.
    expect(map.getZoom()).to.equal(8);
    expect(map.getCenter().lng).to.be.closeTo(117.2, 1e-6);
  });

  it('center and zoom are live', async () => {
    const el = await withStations(stationsAround(20), 'center="117.05,36.16" zoom="13"');
    const map = leafletMap(el);
    expect(map.getZoom()).to.equal(13);
    expect(map.getCenter().lng).to.be.closeTo(117.05, 1e-6);
    el.setAttribute('center', '117.1,36.2');
    el.setAttribute('zoom', '15');
    await el.updateComplete;
    await waitFor(() => map.getZoom() === 15, 3000, 'zoom 15');
    expect(map.getCenter().lat).to.be.closeTo(36.2, 1e-6);
  });

  it('lang is live: strings re-render in the new language', async () => {
    const el = await withStations(stationsAround(5));
    const status = () => shadow(el).querySelector('[part="status"]')!.textContent!;
    expect(status()).to.match(/5 stations/);
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(status()).to.contain('5 个站点');
    el.setAttribute('lang', 'zh-TW');
    await el.updateComplete;
    expect(status()).to.match(/5 個站點/);
  });

  it('stays usable when every tile fails: one tiles-failed event and a notice', async () => {
    const el = await fixture(`<station-map lang="en" basemap="/test-api/tile.png?z={z}&x={x}&y={y}"></station-map>`);
    // A relative template is not a valid tile URL: the element says so instead of a grey map.
    await waitFor(() => has(shadow(el), '.map-notice'), 5000, 'bad template notice');
    const errors: string[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(e.detail.code));
    const failed = nextEvent(el, 'station-map-error');
    el.basemap = `${location.origin}/test-api/tile.png?z={z}&x={x}&y={y}`;
    el.stations = stationsAround(10);
    expect((await failed).detail.code).to.equal('tiles-failed');
    await new Promise((r) => setTimeout(r, 500));
    expect(errors.filter((c) => c === 'tiles-failed')).to.have.length(1);
    await el.updateComplete;
    expect(shadow(el).querySelector('.map-notice')!.textContent).to.match(/tile|map/i);
    await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 5000, 'markers');
  });

  it('basemap="tianditu" without a key says so in the element instead of a grey map', async () => {
    const el = await fixture(`<station-map lang="en" basemap="tianditu"></station-map>`);
    await waitFor(() => shadow(el).querySelector('.map-notice'), 5000, 'notice');
    expect(shadow(el).querySelector('.map-notice')!.textContent).to.match(/key/i);
    // With a key the tiles would come from tianditu.gov.cn, which tests must not reach:
    // resolveBasemap's unit tests check the URLs; here switching to "none" clears the notice.
    el.basemap = 'none';
    await waitFor(() => !has(shadow(el), '.map-notice'), 5000, 'notice gone');
  });
});
