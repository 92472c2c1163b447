import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, nextEvent, shadow, waitFor } from './helpers.js';

// Each run uses fresh keys, so copies saved by an earlier run (same browser profile) do not count.
const run = Math.random().toString(36).slice(2);
const url = (key: string, tag = key) => `/test-api/fault/switchable?key=${run}-${key}&tag=${tag}`;
const setDown = (key: string, down: boolean, tag?: string) =>
  fetch(`/test-api/fault/switch?key=${run}-${key}&down=${down ? 1 : 0}${tag ? `&tag=${tag}` : ''}`);

const note = (el: StationMap) => shadow(el).querySelector('.saved-copy')?.textContent?.trim() ?? null;
const errorText = (el: StationMap) => shadow(el).querySelector('.message.error')?.textContent ?? null;

async function load(src: string, attributes = ''): Promise<StationMap> {
  const el = await fixture(`<station-map basemap="none" lang="zh-CN" ${attributes}></station-map>`);
  const done = Promise.race([nextEvent(el, 'stations-load'), nextEvent(el, 'station-map-error').then(() => null)]);
  el.src = src;
  await done;
  await el.updateComplete;
  return el;
}

describe('offline: the saved copy of src', () => {
  afterEach(cleanup);

  it('shows the last copy with its age when src fails, and refreshes when the network returns', async () => {
    const first = await load(url('a', 'first'));
    expect(first.nearestStations(117.1, 36.2, 10).length).to.equal(3);
    expect(note(first)).to.equal(null);
    cleanup();
    // The copy is written when the page is idle after the first render.
    const saved = new URL(url('a', 'first'), document.baseURI).href;
    for (let i = 0; i < 60 && !(await savedKeys()).includes(saved); i++) await new Promise((r) => setTimeout(r, 100));
    await setDown('a', true);

    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
    // Three hours later, by the element's clock.
    el.now = () => new Date(Date.now() + 3 * 3600_000 + 60_000);
    const errors: string[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(e.detail.code));
    const loaded = nextEvent(el, 'stations-load');
    el.src = url('a', 'first');
    await loaded;
    await el.updateComplete;
    expect(el.nearestStations(117.1, 36.2, 10).length).to.equal(3);
    expect(errorText(el)).to.equal(null);
    expect(note(el)).to.equal('无法获取最新数据，显示的是 3 小时前的数据');
    // The page still hears that the fetch failed.
    expect(errors).to.deep.equal(['fetch-failed']);
    const stationIds = () => el.nearestStations(117.1, 36.2, 3).map((r) => r.station.id).sort();
    expect(stationIds()).to.deep.equal(['first-0', 'first-1', 'first-2']);

    // The network returns with new data.
    await setDown('a', false, 'second');
    window.dispatchEvent(new Event('online'));
    await waitFor(() => note(el) === null && stationIds()[0] === 'second-0', 6000, 'fresh data after online');
  });

  it('cache="none" keeps no copy: the error shows instead', async () => {
    await load(url('b'), 'cache="none"');
    cleanup();
    await new Promise((r) => setTimeout(r, 300));
    await setDown('b', true);
    const el = await load(url('b'), 'cache="none"');
    await waitFor(() => errorText(el), 3000, 'error message');
    expect(el.nearestStations(117.1, 36.2, 10).length).to.equal(0);
    expect(note(el)).to.equal(null);
  });

  it('without a saved copy the error shows as before', async () => {
    await setDown('c', true);
    const el = await load(url('c'));
    await waitFor(() => errorText(el), 3000, 'error message');
    expect(note(el)).to.equal(null);
  });

  it('nothing is saved from .stations', async () => {
    // Other suites in this browser load src files, whose copies are saved: only new keys count.
    const before = await savedKeys();
    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
    const done = nextEvent(el, 'stations-load');
    el.stations = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: 'x' } }] };
    await done;
    await new Promise((r) => setTimeout(r, 300));
    const after = await savedKeys();
    expect(after.filter((key) => !before.includes(key))).to.deep.equal([]);
  });
});

/** The keys of every saved copy in this origin's IndexedDB. */
function savedKeys(): Promise<string[]> {
  return new Promise<string[]>((resolve) => {
    const open = indexedDB.open('station-map', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('src-copies');
    open.onsuccess = () => {
      const request = open.result.transaction('src-copies').objectStore('src-copies').getAllKeys();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result.map(String));
      };
    };
  });
}
