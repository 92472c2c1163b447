import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'W', geometry: { type: 'Point', coordinates: [117.13, 36.21] }, properties: { name: '工作日驿站', hours: '工作日 09:00-17:00' } },
    { type: 'Feature', id: 'H', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '节假日休息驿站', hours: '每天 08:00-20:00，节假日休息' } },
    { type: 'Feature', id: 'A', geometry: { type: 'Point', coordinates: [117.12, 36.19] }, properties: { name: '全年无休驿站', hours: '每天 08:00-20:00' } },
  ],
};

async function at(moment: string): Promise<StationMap> {
  const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
  el.now = () => new Date(moment);
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 6000, 'markers');
  await el.updateComplete;
  return el;
}

/** Each list row's name and badge text. */
const badges = (el: StationMap): Record<string, string> =>
  Object.fromEntries(
    [...shadow(el).querySelectorAll('button.item')].map((row) => [row.querySelector('.name')!.textContent!.trim(), row.querySelector('.badge')!.textContent!.trim()]),
  );

const openNow = (el: StationMap) => el.nearestStations(117.12, 36.21, 10, { openNow: true }).map((r) => r.station.id).sort();

describe('China’s holidays in the element', () => {
  afterEach(cleanup);

  it('2025-10-01 (Wednesday, National Day): 工作日 and 节假日休息 stations are closed', async () => {
    const el = await at('2025-10-01T10:00:00+08:00');
    const shown = badges(el);
    expect(shown['工作日驿站']).to.match(/^已关闭/);
    expect(shown['节假日休息驿站']).to.match(/^已关闭/);
    expect(shown['全年无休驿站']).to.match(/^开放中|^营业中/);
    expect(openNow(el)).to.deep.equal(['A']);
    el.select('W');
    await el.updateComplete;
    // Opens again on Thursday 10-09, after the eight-day holiday.
    expect(shadow(el).querySelector('.detail .badge')!.textContent).to.contain('09:00');
  });

  it('2025-10-11 (Saturday, make-up working day): the 工作日 station is open', async () => {
    const el = await at('2025-10-11T10:00:00+08:00');
    expect(badges(el)['工作日驿站']).to.match(/^开放中|^营业中/);
    expect(openNow(el)).to.deep.equal(['A', 'H', 'W']);
  });

  it('a page-supplied calendar adds a year the shipped one lacks, and a bad one is reported', async () => {
    const el = await at('2027-01-01T10:00:00+08:00'); // a Friday
    expect(openNow(el)).to.deep.equal(['A', 'H', 'W']);
    el.holidays = { holidays: ['2027-01-01'], workdays: [] };
    await el.updateComplete;
    expect(openNow(el)).to.deep.equal(['A']);
    expect(badges(el)['工作日驿站']).to.match(/^已关闭/);
    const errors: string[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(`${e.detail.code}: ${e.detail.message}`));
    el.holidays = { holidays: ['2027-1-1', '2027-01-01'], workdays: [] };
    await el.updateComplete;
    await waitFor(() => errors.length > 0, 3000, 'invalid-holidays error');
    expect(errors).to.deep.equal(['invalid-holidays: holidays: "2027-1-1" is not an ISO date (YYYY-MM-DD)']);
    expect(openNow(el)).to.deep.equal(['A']); // the valid date still counts
  });
});
