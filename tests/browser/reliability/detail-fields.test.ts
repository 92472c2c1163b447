// What a station's own fields can do to the detail panel and the list: a field of 100,000
// characters in one unbroken word must not freeze the page (issue 22 item 5), a phone cell with two
// numbers, an extension or a note must dial each number on its own (item 8), and a rating_url that
// is not a web page must give neither a "rate" link nor a QR code (item 9).
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, nextEvent } from '../helpers.js';
import { listNames, mount, waitForAsync as waitFor } from './reliability-helpers.js';

function station(id: string, properties: Record<string, unknown>, i = 0): GeoJSON.Feature {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [117.1 + i * 0.01, 36.2] }, properties: { name: `站 ${id}`, ...properties } };
}

async function show(features: GeoJSON.Feature[]): Promise<StationMap> {
  const el = mount({ basemap: 'none', lang: 'zh-CN' }, { width: 1000, height: 600 });
  const loaded = nextEvent(el, 'stations-load');
  el.stations = { type: 'FeatureCollection', features };
  await loaded;
  await waitFor(() => listNames(el).length === features.length, 5000, 'the list');
  return el;
}

/** Milliseconds from `select(id)` until the panel is rendered and laid out. */
async function timeSelect(el: StationMap, id: string): Promise<number> {
  const start = performance.now();
  el.select(id);
  await el.updateComplete;
  void (el.shadowRoot!.querySelector('.detail') as HTMLElement).getBoundingClientRect().height;
  return performance.now() - start;
}

function phoneCell(el: StationMap): HTMLElement {
  const dts = [...el.shadowRoot!.querySelectorAll('.detail dt')];
  const dt = dts.find((d) => d.textContent?.trim() === '电话');
  return dt!.nextElementSibling as HTMLElement;
}

describe('detail fields', () => {
  afterEach(cleanup);

  it('a field of 100,000 characters in one word: select shows the panel within 200 ms, the data keeps all of it', async () => {
    const long = 'A'.repeat(100_000);
    const el = await show([
      station('long-address', { address: long }),
      station('long-manager', { manager: long }, 1),
      station('long-all', { name: long, address: long, manager: long, hours: long, phone: long, honors: [long], services: [long], website: `https://example.cn/${long}` }, 2),
    ]);
    for (const id of ['long-address', 'long-manager', 'long-all']) {
      const ms = await timeSelect(el, id);
      expect(ms, `select ${id} → panel laid out`).to.be.below(200);
      const panel = el.shadowRoot!.querySelector('.detail')!;
      // What is shown is the start of the text and an ellipsis; the data is untouched.
      expect(panel.textContent).to.include(`${'A'.repeat(400)}`);
      expect(panel.textContent).to.include('…');
    }
    expect((el.stations as GeoJSON.FeatureCollection).features[0].properties!.address).to.have.length(100_000);
    // The list row of the long name is clipped too and the list stays usable.
    expect(listNames(el).some((n) => n.startsWith('A'.repeat(400)) && n.length < 1000)).to.equal(true);
  });

  it('phone numbers in one cell: each its own tel: link, the text shown as written', async () => {
    const cells: Array<[string, string[]]> = [
      ['0538-6231234；13800000000', ['tel:05386231234', 'tel:13800000000']],
      ['0538-6231234 转 8001', ['tel:05386231234,8001']],
      ['12345（24小时）', ['tel:12345']],
      ['+86 (0)538 6231234', ['tel:+865386231234']],
    ];
    const el = await show(cells.map(([phone], i) => station(`p${i}`, { phone }, i)));
    for (const [i, [phone, tels]] of cells.entries()) {
      el.select(`p${i}`);
      await el.updateComplete;
      const cell = phoneCell(el);
      expect([...cell.querySelectorAll('a')].map((a) => a.getAttribute('href')), phone).to.deep.equal(tels);
      expect(cell.textContent?.trim(), 'the text as written').to.equal(phone);
    }
  });

  it('rating_url and website take http: and https: only: no rate link and no QR code for tel:, mailto: or sms:', async () => {
    const bad = ['tel:12345', 'mailto:a@example.cn', 'sms:12345', 'ftp://example.cn/r', 'data:text/plain,x'];
    const el = await show([
      ...bad.map((url, i) => station(`r${i}`, { rating_url: url, website: url }, i)),
      station('good', { rating_url: 'https://example.cn/rate?id=good', website: 'http://example.cn/' }, 9),
    ]);
    // The QR encoder is in before the bad links are tried: no QR code then means none was made.
    el.select('good');
    await waitFor(() => el.shadowRoot!.querySelector('.detail .qr svg'), 8000, 'the QR code of the good link');
    for (const [i, url] of bad.entries()) {
      el.select(`r${i}`);
      await el.updateComplete;
      const panel = el.shadowRoot!.querySelector('.detail')!;
      // Booleans, not elements: chai describing a DOM node in a failure message can hang the page.
      expect(panel.querySelector('.rating') !== null, `rating for ${url}`).to.equal(false);
      expect(panel.querySelector('.qr') !== null, `QR for ${url}`).to.equal(false);
      const dataLinks = [...panel.querySelectorAll('a')].filter((a) => !a.hasAttribute('data-app'));
      expect(dataLinks.map((a) => a.getAttribute('href')), `links for ${url}`).to.deep.equal([]);
    }
    el.select('good');
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('.detail')!;
    expect(panel.querySelector('.rating a')?.getAttribute('href')).to.equal('https://example.cn/rate?id=good');
    expect(panel.querySelector('.qr svg') !== null).to.equal(true);
  });
});
