import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'TA-0003', geometry: { type: 'Point', coordinates: [117.13, 36.21] }, properties: { name: 'Hongmen Station', type: 'union-station', hours: '24/7' } },
    { type: 'Feature', id: 'TA-0008', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: 'Zhongtianmen Station', type: 'union-station', hours: '24/7' } },
    { type: 'Feature', id: 'TA-0001', geometry: { type: 'Point', coordinates: [117.12, 36.19] }, properties: { name: 'Daimiao Station', type: 'mommy-room' } },
  ],
};

/** What has keyboard focus inside the element: a short description, never the node itself. */
function focused(el: StationMap): string {
  const a = shadow(el).activeElement as HTMLElement | null;
  if (!a) return document.activeElement === el ? 'host' : 'outside';
  if (a.matches('input.search')) return 'search';
  if (a.matches('button.item')) return `row:${a.querySelector('.name')!.textContent!.trim()}`;
  if (a.matches('.detail h2')) return 'detail-title';
  return `${a.tagName.toLowerCase()}:${(a.textContent ?? '').trim() || a.getAttribute('aria-label')}`;
}

async function pressUntil(el: StationMap, key: string, want: RegExp, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (want.test(focused(el))) return;
    await sendKeys({ press: key });
    await el.updateComplete;
  }
  throw new Error(`focus never reached ${want}; it is on ${focused(el)}`);
}

describe('keyboard alone', () => {
  afterEach(cleanup);

  it('tab in, search, arrow through the list, select, route, Escape back to the row', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    before.className = 'fixture';
    document.body.append(before);
    const el = await fixture('<station-map basemap="none" lang="en" origin="117.125,36.2"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = DATA;
    await loaded;
    await waitFor(() => markers(el).pins.length === 3, 6000, 'pins');
    // The search box and the list come a frame after the pins.
    await el.updateComplete;
    before.focus();

    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused(el)).to.equal('search');
    await sendKeys({ type: 'station' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filter).to.deep.equal({ text: 'station' });

    // Down from the search box into the list, then along it.
    await sendKeys({ press: 'ArrowDown' });
    const firstRow = focused(el);
    expect(firstRow).to.match(/^row:/);
    await sendKeys({ press: 'ArrowDown' });
    const secondRow = focused(el);
    expect(secondRow).to.match(/^row:/);
    expect(secondRow).not.to.equal(firstRow);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(firstRow);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal('search');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(secondRow);

    // The list is one Tab stop: Tab leaves it instead of walking every row.
    const rows = [...shadow(el).querySelectorAll<HTMLElement>('.list-view button.item')];
    expect(rows.filter((r) => r.tabIndex === 0).length).to.equal(1);

    const selected = nextEvent(el, 'station-select');
    await sendKeys({ press: 'Enter' });
    const e = await selected;
    expect(`row:${e.detail.station.properties.name}`).to.equal(secondRow);
    expect(e.detail.source).to.equal('nearest');
    await el.updateComplete;
    await waitFor(() => focused(el) === 'detail-title', 3000, 'focus on the detail title');

    await pressUntil(el, 'Tab', /^button:Route here/);
    const routed = nextEvent(el, 'route-change');
    await sendKeys({ press: 'Enter' });
    const r = await routed;
    expect(r.detail.route!.kind).to.equal('straight');
    await waitFor(() => shadow(el).querySelector('[aria-live="polite"]')!.textContent!.includes('Station'), 3000, 'route announced');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.detail')).to.equal(null);
    await waitFor(() => focused(el) === secondRow, 3000, 'focus back on the row');
  });

  it('markers are reachable with Tab and selectable with Enter', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = DATA;
    await loaded;
    await waitFor(() => markers(el).pins.length === 3, 6000, 'pins');
    const pin = markers(el).pins[0]!;
    expect(pin.tabIndex).to.equal(0);
    pin.focus();
    const selected = nextEvent(el, 'station-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.source).to.equal('marker');
  });
});
