import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { cleanup, feedableDownload, fixture, leafletMapOf, markers, shadow, stationsAround, waitFor } from './helpers.js';

/**
 * A large `src` on a slow link: the stations that arrived so far are drawn and listed before the
 * last byte. The download is a stream this test feeds by hand (a stubbed `fetch`), so what
 * arrived when is exact.
 */
const URL_PATH = '/preview-test/stations.geojson';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Stations on the map: each cluster's count, and one per pin. */
const drawn = (el: Parameters<typeof markers>[0]) => {
  const { pins, clusters } = markers(el);
  return pins.length + clusters.reduce((sum, c) => sum + Number(c.textContent!.trim()), 0);
};
const rows = (el: HTMLElement & { shadowRoot: ShadowRoot | null }) => el.shadowRoot!.querySelectorAll('button.item');

describe('a large src shown while it downloads', () => {
  let download: ReturnType<typeof feedableDownload>;
  /** Sends 40 % of `text`, then 10 % more after a pause (a body still arriving is previewed), and waits for the preview's list. */
  const previewHalf = async (el: Parameters<typeof drawn>[0], text: string) => {
    download.send(text.slice(0, Math.floor(text.length * 0.4)));
    await sleep(400);
    download.send(text.slice(Math.floor(text.length * 0.4), Math.floor(text.length * 0.5)));
    await waitFor(() => rows(el).length > 0, 8000, 'stations of the preview');
  };
  beforeEach(() => (download = feedableDownload(URL_PATH)));
  afterEach(() => {
    download.restore();
    cleanup();
  });

  it('draws and lists the stations that arrived, keeps a station picked meanwhile, and fires stations-load once with all', async () => {
    const text = JSON.stringify(stationsAround(3000, 'PV'));
    const loads: number[] = [];
    const selects: string[] = [];
    const el = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    el.addEventListener('stations-load', (e) => loads.push((e as CustomEvent).detail.count));
    el.addEventListener('station-select', (e) => selects.push((e as CustomEvent).detail.station.id));
    // The first 40 %, then more after a pause: a body still arriving after 0.3 s is previewed.
    download.send(text.slice(0, Math.floor(text.length * 0.4)));
    await sleep(400);
    download.send(text.slice(Math.floor(text.length * 0.4), Math.floor(text.length * 0.5)));
    // More arrives while the preview's file loads: none of it may be lost.
    download.send(text.slice(Math.floor(text.length * 0.5), Math.floor(text.length * 0.6)));
    await waitFor(() => rows(el).length > 0 && drawn(el) > 0, 8000, 'stations of the preview');
    expect(drawn(el), 'stations drawn by the first preview').to.be.within(1650, 1850);
    expect(loads, 'no stations-load before the last byte').to.deep.equal([]);
    // The status line says how many are in so far, and that more are coming.
    expect(shadow(el).querySelector('[part="status"]')!.textContent).to.match(/^\s*1[678]\d\d stations · Loading…\s*$/);
    // The preview holds the southern rows only (the test data runs south to north).
    expect(leafletMapOf(el)!.getBounds().getNorth()).to.be.lessThan(36.15 + 149 * 0.01);

    (rows(el)[0] as HTMLElement).click();
    await waitFor(() => el.selected, 4000, 'a selection');
    const picked = el.selected!;
    expect(selects).to.deep.equal([picked]);

    download.send(text.slice(Math.floor(text.length * 0.6)));
    download.end();
    await waitFor(() => loads.length > 0, 8000, 'stations-load');
    await el.updateComplete;
    expect(loads).to.deep.equal([3000]);
    expect(shadow(el).querySelector('[part="status"]')!.textContent).to.match(/^\s*3000 stations\s*$/);
    expect(el.selected, 'the station picked during the preview').to.equal(picked);
    expect(selects, 'no second station-select').to.deep.equal([picked]);
    expect(shadow(el).querySelector('#detail-title')?.textContent).to.contain(picked.replace('PV-', '').replace(/^0+/, '') || '0');
  });

  it('fits the view to all of the stations once they are in, when the user did not move it', async () => {
    const text = JSON.stringify(stationsAround(3000, 'FT'));
    const el = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    await previewHalf(el, text);
    const previewNorth = leafletMapOf(el)!.getBounds().getNorth();
    const loaded = new Promise((resolve) => el.addEventListener('stations-load', resolve, { once: true }));
    download.send(text.slice(Math.floor(text.length * 0.5)));
    download.end();
    await loaded;
    await el.updateComplete;
    expect(leafletMapOf(el)!.getBounds().getNorth()).to.be.greaterThan(previewNorth);
    expect(leafletMapOf(el)!.getBounds().contains([36.15 + 149 * 0.01, 117.1])).to.equal(true);
  });

  it('does not move a map the user moved during the preview', async () => {
    const text = JSON.stringify(stationsAround(3000, 'MV'));
    const el = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    await previewHalf(el, text);
    const map = leafletMapOf(el)!;
    map.setView([36.6, 117.1], 9, { animate: false });
    // The next preview (1.5 s on) holds more stations, and leaves the view alone too.
    const before = drawn(el);
    download.send(text.slice(Math.floor(text.length * 0.5), Math.floor(text.length * 0.7)));
    await waitFor(() => drawn(el) > before, 8000, 'a second preview');
    expect(map.getZoom()).to.equal(9);
    const loaded = new Promise((resolve) => el.addEventListener('stations-load', resolve, { once: true }));
    download.send(text.slice(Math.floor(text.length * 0.7)));
    download.end();
    await loaded;
    await el.updateComplete;
    expect(map.getZoom()).to.equal(9);
    expect(map.getCenter().lat).to.be.closeTo(36.6, 0.01);
  });

  it('takes the preview away when the rest of the file turns out broken, and says why', async () => {
    const text = JSON.stringify(stationsAround(3000, 'BR'));
    const errors: string[] = [];
    const el = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    el.addEventListener('station-map-error', (e) => errors.push((e as CustomEvent).detail.code));
    await previewHalf(el, text);
    download.send('oops');
    download.end();
    await waitFor(() => errors.length > 0, 8000, 'an error');
    expect(errors).to.deep.equal(['invalid-geojson']);
    await el.updateComplete;
    expect(rows(el).length).to.equal(0);
    expect(markers(el).pins.length + markers(el).clusters.length).to.equal(0);
  });

  it('gives the same load as a parse of the whole file: a feature skipped in the last part, a trailing comma the preview read past', async () => {
    // The load takes the features the preview read as they arrived; what it says must not change.
    const data = stationsAround(3000, 'SK');
    delete (data.features[2990]!.properties as { name?: string }).name;
    const text = JSON.stringify({ name: 'Shandong', ...data, updated: '2026-12-01' });
    const el = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    const loaded = new Promise<CustomEvent>((resolve) => el.addEventListener('stations-load', (e) => resolve(e as CustomEvent), { once: true }));
    await previewHalf(el, text);
    download.send(text.slice(Math.floor(text.length * 0.5)));
    download.end();
    const { detail } = await loaded;
    expect(detail.count).to.equal(2999);
    expect(detail.skipped.map((s: { index: number; reason: string }) => [s.index, s.reason])).to.deep.equal([[2990, 'missing-name']]);
    expect(el.nearestStations(117.0, 36.15, 1)[0]!.station.id).to.equal('SK-0000');
    cleanup();
    download.restore();

    // `[…,]` is not JSON: the features all read, yet the file is refused as JSON.parse refuses it.
    download = feedableDownload(URL_PATH);
    const errors: string[] = [];
    const broken = await fixture(`<station-map basemap="none" lang="en" src="${URL_PATH}"></station-map>`, { height: 600 });
    broken.addEventListener('station-map-error', (e) => errors.push((e as CustomEvent).detail.code));
    const trailing = JSON.stringify(stationsAround(3000, 'TC')).replace(/\]\}$/, ',]}');
    await previewHalf(broken, trailing);
    download.send(trailing.slice(Math.floor(trailing.length * 0.5)));
    download.end();
    await waitFor(() => errors.length > 0, 8000, 'an error');
    expect(errors).to.deep.equal(['invalid-geojson']);
  });
});
