import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

// A 1×1 PNG as a data: URL: not http(s), so never shown.
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'TA 7/8',
      geometry: { type: 'Point', coordinates: [117.13, 36.21] },
      properties: {
        name: '红门工会驿站',
        hours: '24/7',
        photos: ['javascript:alert(1)', '/tests/browser/fixtures/none.jpg', 'https://img.example/2.jpg'],
        status: 'maintenance',
        entry: '扫码开门',
      },
    },
    { type: 'Feature', id: 'B', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '中天门驿站', hours: '24/7', photos: [PHOTO] } },
  ],
};

async function loaded(attributes = ''): Promise<StationMap> {
  const el = await fixture(`<station-map basemap="none" lang="zh-CN" ${attributes}></station-map>`);
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length === 2, 6000, 'pins');
  // The list and its filter bar come a frame after the pins.
  await el.updateComplete;
  return el;
}

describe('station facts in the detail', () => {
  afterEach(cleanup);

  it('shows the first http(s) photo lazily with the name as alt text, the status and the way in', async () => {
    const el = await loaded();
    el.select('TA 7/8');
    await el.updateComplete;
    const detail = shadow(el).querySelector('.detail')!;
    const img = detail.querySelector<HTMLImageElement>('img.photo')!;
    // javascript: is dropped; the first usable one is the page-relative path.
    expect(img.getAttribute('src')).to.equal(new URL('/tests/browser/fixtures/none.jpg', document.baseURI).href);
    expect(img.alt).to.equal('红门工会驿站照片');
    expect(img.loading).to.equal('lazy');
    expect(detail.querySelectorAll('img.photo').length).to.equal(1);
    const text = detail.querySelector('dl')!.textContent!;
    expect(text).to.contain('状态');
    expect(text).to.contain('维护中');
    expect(text).to.contain('进站方式');
    expect(text).to.contain('扫码开门');
    // Hours say 24/7, but a station in maintenance is not "open now".
    expect(detail.querySelector('.badge')!.className).to.contain('closed');
    expect(detail.querySelector('.badge')!.textContent).to.equal('维护中');
  });

  it('the list says so too, and "open now" leaves it out', async () => {
    const el = await loaded();
    const rows = () => [...shadow(el).querySelectorAll('button.item')].map((b) => b.textContent!.replace(/\s+/g, ' '));
    expect(rows().find((r) => r.includes('红门'))).to.contain('维护中');
    el.filter = { openNow: true };
    await el.updateComplete;
    await waitFor(() => rows().length === 1, 3000, 'filtered list');
    expect(rows()[0]).to.contain('中天门驿站');
    expect(el.nearestStations(117.13, 36.21, 5).map((r) => r.station.id)).to.deep.equal(['B']);
  });

  it('a station without usable facts shows none of them (a data: photo is not http/https)', async () => {
    const el = await loaded();
    el.select('B');
    await el.updateComplete;
    const detail = shadow(el).querySelector('.detail')!;
    expect(detail.querySelector('img.photo')).to.equal(null);
    expect(detail.querySelector('dl')!.textContent).to.not.contain('状态');
    expect(detail.querySelector('.badge')!.className).to.contain('open');
  });

  it('"report a problem" links to the feedback-url template with the id URL-encoded', async () => {
    const el = await loaded('feedback-url="https://union.example/report?station={id}"');
    el.select('TA 7/8');
    await el.updateComplete;
    const link = shadow(el).querySelector<HTMLAnchorElement>('.detail .feedback a')!;
    expect(link.textContent).to.equal('报告问题');
    expect(link.href).to.equal('https://union.example/report?station=TA%207%2F8');
    expect(link.rel).to.contain('noopener');
  });

  it('no link from a javascript: template, nor without one', async () => {
    const el = await loaded('feedback-url="javascript:alert(\'{id}\')"');
    el.select('TA 7/8');
    await el.updateComplete;
    expect(shadow(el).querySelector('.detail .feedback')).to.equal(null);
    el.removeAttribute('feedback-url');
    await el.updateComplete;
    expect(shadow(el).querySelector('.detail .feedback')).to.equal(null);
  });
});
