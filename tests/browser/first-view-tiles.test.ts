import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { cleanup, feedableDownload, fixture, leafletMapOf, shadow, stationsAround, waitFor } from './helpers.js';

/**
 * The basemap of a first view: while the stations of `src` are on their way the map has no view
 * worth tiles (it starts at all of China), so the tiles wait for the fit instead of sharing a
 * phone's link with the data and being thrown away.
 */
const URL_PATH = '/first-view-tiles/stations.geojson';
const TILES = `${location.origin}/test-api/tiles/{z}/{x}/{y}.svg`;

/** The zoom each tile image's URL names. */
const tileZooms = (el: Parameters<typeof shadow>[0]) =>
  [...shadow(el).querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) => Number(/tiles\/(\d+)\//.exec(img.src)![1]));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('basemap tiles of a first view', () => {
  let download: ReturnType<typeof feedableDownload>;
  beforeEach(() => (download = feedableDownload(URL_PATH)));
  afterEach(() => {
    download.restore();
    cleanup();
  });

  it('requests no tile until the view is fitted to the stations, then the tiles of that view', async () => {
    const el = await fixture(`<station-map basemap="${TILES}" src="${URL_PATH}"></station-map>`, { height: 500 });
    await waitFor(() => leafletMapOf(el), 4000, 'the map');
    await sleep(300);
    expect(tileZooms(el), 'tiles while the stations are on their way').to.deep.equal([]);
    const loaded = new Promise((resolve) => el.addEventListener('stations-load', resolve, { once: true }));
    download.send(JSON.stringify(stationsAround(60, 'TW')));
    download.end();
    await loaded;
    const zoom = leafletMapOf(el)!.getZoom();
    expect(zoom, 'fitted to a town, not China').to.be.greaterThan(9);
    const zooms = await waitFor(() => (tileZooms(el).length ? tileZooms(el) : null), 4000, 'tiles');
    expect(new Set(zooms)).to.deep.equal(new Set([zoom]));
  });

  it('shows the tiles at once when the load fails, and after 4 s of a load still on its way', async () => {
    const el = await fixture(`<station-map basemap="${TILES}" src="${URL_PATH}"></station-map>`, { height: 500 });
    await waitFor(() => leafletMapOf(el), 4000, 'the map');
    download.send('not json');
    download.end();
    await waitFor(() => tileZooms(el).length > 0, 4000, 'tiles after the failure');
    expect(shadow(el).querySelector('[role="alert"]'), 'the failure is said').to.not.equal(null);
    cleanup();
    download.restore();

    download = feedableDownload(URL_PATH);
    const slow = await fixture(`<station-map basemap="${TILES}" src="${URL_PATH}"></station-map>`, { height: 500 });
    await waitFor(() => leafletMapOf(slow), 4000, 'the map');
    const since = performance.now();
    await sleep(2000);
    expect(tileZooms(slow), 'still waiting after 2 s').to.deep.equal([]);
    await waitFor(() => tileZooms(slow).length > 0, 4000, 'tiles of a slow load');
    expect(performance.now() - since).to.be.within(1900, 4500);
  });

  it('does not wait where the page set the view (center), or where nothing is loading', async () => {
    const centred = await fixture(`<station-map basemap="${TILES}" src="${URL_PATH}" center="117.1,36.2" zoom="11"></station-map>`, { height: 500 });
    await waitFor(() => tileZooms(centred).length > 0, 4000, 'tiles of the page\'s view');
    expect(new Set(tileZooms(centred))).to.deep.equal(new Set([11]));
    cleanup();
    const empty = await fixture(`<station-map basemap="${TILES}"></station-map>`, { height: 500 });
    await waitFor(() => tileZooms(empty).length > 0, 4000, 'tiles without stations');
  });
});
