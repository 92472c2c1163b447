import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import type { GeocodeResult } from '../../src/types.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'TA-0003', geometry: { type: 'Point', coordinates: [117.13, 36.21] }, properties: { name: '红门工会驿站', type: 'union-station' } },
    { type: 'Feature', id: 'TA-0090', geometry: { type: 'Point', coordinates: [117.08, 36.17] }, properties: { name: '泰安站前驿站', type: 'union-station' } },
    { type: 'Feature', id: 'TA-0091', geometry: { type: 'Point', coordinates: [117.085, 36.175] }, properties: { name: '火车站司机之家', type: 'driver-home' } },
  ],
};

async function loaded(geocoder: StationMap['geocoder']): Promise<StationMap> {
  const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
  el.geocoder = geocoder;
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length === 3, 6000, 'pins');
  // The search box comes with the list, a frame after the pins.
  await el.updateComplete;
  return el;
}

function type(el: StationMap, text: string): void {
  const input = shadow(el).querySelector<HTMLInputElement>('input.search')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const placeNames = (el: StationMap) => [...shadow(el).querySelectorAll('button.place')].map((b) => b.textContent!.trim());
const rowNames = (el: StationMap) => [...shadow(el).querySelectorAll('.list-view button.item .name')].map((b) => b.textContent!.trim());

describe('place search', () => {
  afterEach(cleanup);

  it('lists places beside the station matches; picking one lists the stations nearest to it', async () => {
    const asked: string[] = [];
    const el = await loaded(async (query) => {
      asked.push(query);
      return [{ name: '泰安站（火车站）', lng: 117.0845, lat: 36.1745 }];
    });
    type(el, '泰安站');
    await waitFor(() => placeNames(el).length === 1, 4000, 'place results');
    expect(asked).to.deep.equal(['泰安站']);
    // Station matches stay listed under the places.
    await waitFor(() => rowNames(el).length === 1, 4000, 'station match');
    expect(rowNames(el)).to.deep.equal(['泰安站前驿站']);

    // Keyboard: down from the box to the place, Enter picks it.
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement?.classList.contains('place')).to.equal(true);
    const moved = nextEvent(el, 'location-change');
    await sendKeys({ press: 'Enter' });
    const e = await moved;
    expect(e.detail.source).to.equal('search');
    expect([e.detail.lng, e.detail.lat]).to.deep.equal([117.0845, 36.1745]);
    await el.updateComplete;
    expect(el.filter).to.equal(null);
    expect(shadow(el).querySelector<HTMLInputElement>('input.search')!.value).to.equal('');
    expect(rowNames(el)[0]).to.equal('火车站司机之家');
    expect(shadow(el).querySelector('#list-heading')!.textContent).to.contain('泰安站（火车站）');
  });

  it('a failing geocoder shows a note and keeps the station matches', async () => {
    const el = await loaded(async () => {
      throw new Error('503 from the place service');
    });
    const failed = nextEvent(el, 'station-map-error');
    type(el, '红门');
    const e = await failed;
    expect(e.detail.code).to.equal('geocode-failed');
    await waitFor(() => shadow(el).querySelector('.places-note.error') !== null, 4000, 'failure note');
    await waitFor(() => rowNames(el).length === 1, 4000, 'station match');
    expect(rowNames(el)).to.deep.equal(['红门工会驿站']);
  });

  it('typing on aborts the request it supersedes; only the latest answer shows', async () => {
    const aborted: string[] = [];
    const el = await loaded(
      (query, { signal }) =>
        new Promise<GeocodeResult[]>((resolve, reject) => {
          const timer = setTimeout(() => resolve([{ name: `place for ${query}`, lng: 117.1, lat: 36.2 }]), query === '泰安' ? 800 : 50);
          signal.addEventListener('abort', () => {
            aborted.push(query);
            clearTimeout(timer);
            reject(signal.reason);
          });
        }),
    );
    type(el, '泰安');
    await new Promise((r) => setTimeout(r, 450));
    type(el, '泰安站');
    await waitFor(() => placeNames(el).length === 1, 4000, 'latest places');
    expect(placeNames(el)).to.deep.equal(['place for 泰安站']);
    expect(aborted).to.deep.equal(['泰安']);
  });

  it('says so when nothing is found', async () => {
    const el = await loaded(async () => []);
    type(el, '不存在的地方');
    await waitFor(() => shadow(el).querySelector('.places-note')?.textContent === '未找到该地点', 4000, 'no results note');
  });
});
