import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, has, markers, nextEvent, shadow, stationsAround, waitFor } from './helpers.js';

async function loaded(data: GeoJSON.FeatureCollection, markup = '<station-map basemap="none" lang="zh-CN"></station-map>'): Promise<StationMap> {
  const el = await fixture(markup);
  const done = nextEvent(el, 'stations-load');
  el.stations = data;
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
  // The list and its filter bar come a frame after the pins.
  await el.updateComplete;
  return el;
}

/** Stations drawn on the map: pins plus the counts written on clusters. */
function shownOnMap(el: StationMap): number {
  const { pins, clusters } = markers(el);
  return pins.length + clusters.reduce((sum, c) => sum + Number(c.textContent!.replace(/\D/g, '')), 0);
}

function listNames(el: StationMap): string[] {
  return [...shadow(el).querySelectorAll('.list-view button.item .name')].map((n) => n.textContent!.trim());
}

function chip(el: StationMap, label: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll<HTMLButtonElement>('button.chip')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no chip "${label}"`);
  return found;
}

const MIXED: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'A', geometry: { type: 'Point', coordinates: [117.1, 36.2] }, properties: { name: '红门工会驿站', type: 'union-station', hours: '24/7', services: ['water', 'toilet'], rating_url: 'https://example.org/rate/A' } },
    { type: 'Feature', id: 'B', geometry: { type: 'Point', coordinates: [117.11, 36.21] }, properties: { name: '岱庙妈咪小屋', type: 'mommy-room', hours: 'off', services: ['rest'] } },
    { type: 'Feature', id: 'C', geometry: { type: 'Point', coordinates: [117.12, 36.22] }, properties: { name: '中天门驿站', type: 'union-station', hours: '24/7', services: ['water', 'charging'] } },
    { type: 'Feature', id: 'D', geometry: { type: 'Point', coordinates: [117.13, 36.23] }, properties: { name: '天外村司机之家', type: 'driver-home', services: ['water'] } },
  ],
};

describe('filter bar', () => {
  afterEach(cleanup);

  it('a type chip filters the markers and the list, and reports the new filter', async () => {
    const el = await loaded(MIXED);
    expect(shownOnMap(el)).to.equal(4);
    const changed = nextEvent(el, 'filter-change');
    chip(el, '工会驿站').click();
    const e = await changed;
    expect(e.detail.filter).to.deep.equal({ types: ['union-station'] });
    expect(el.filter).to.deep.equal({ types: ['union-station'] });
    await waitFor(() => shownOnMap(el) === 2, 4000, 'two stations on the map');
    await el.updateComplete;
    expect(listNames(el).sort()).to.deep.equal(['中天门驿站', '红门工会驿站']);
    expect(chip(el, '工会驿站').getAttribute('aria-pressed')).to.equal('true');
    chip(el, '工会驿站').click();
    await waitFor(() => shownOnMap(el) === 4, 4000, 'all stations back');
    expect(el.filter).to.equal(null);
  });

  it('service chips and "open now" combine; clearing brings everything back', async () => {
    const el = await loaded(MIXED);
    chip(el, '饮水').click();
    await el.updateComplete;
    chip(el, '正在开放').click();
    await el.updateComplete;
    expect(el.filter).to.deep.equal({ services: ['water'], openNow: true });
    await waitFor(() => listNames(el).length === 2, 4000, 'two open stations with water');
    const clear = [...shadow(el).querySelectorAll<HTMLButtonElement>('.filter-bar button.clear')][0]!;
    clear.click();
    await el.updateComplete;
    expect(el.filter).to.equal(null);
    await waitFor(() => listNames(el).length === 4, 4000, 'all four listed');
  });

  it('typing filters by name after a pause; a filter set by the page shows in the controls', async () => {
    const el = await loaded(MIXED);
    const input = shadow(el).querySelector<HTMLInputElement>('input.search')!;
    input.value = '妈咪';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const e = await nextEvent(el, 'filter-change', 3000);
    expect(e.detail.filter).to.deep.equal({ text: '妈咪' });
    await waitFor(() => listNames(el).length === 1, 4000, 'one match');
    expect(listNames(el)).to.deep.equal(['岱庙妈咪小屋']);

    el.filter = { text: '中天门', types: ['union-station'] };
    await el.updateComplete;
    expect(input.value).to.equal('中天门');
    expect(chip(el, '工会驿站').getAttribute('aria-pressed')).to.equal('true');
    expect(listNames(el)).to.deep.equal(['中天门驿站']);
  });

  it('a filter that matches nothing says so', async () => {
    const el = await loaded(MIXED);
    el.filter = { text: '不存在的驿站' };
    await el.updateComplete;
    expect(shadow(el).querySelector('.list-view .empty')?.textContent).to.contain('没有符合条件的服务站');
  });
});

describe('station list', () => {
  afterEach(cleanup);

  it('shows 50 rows at first and pages with "show more", never the whole set', async () => {
    const el = await loaded(stationsAround(400));
    await waitFor(() => listNames(el).length === 50, 4000, '50 rows');
    const more = shadow(el).querySelector<HTMLButtonElement>('.more button')!;
    more.click();
    await el.updateComplete;
    expect(listNames(el).length).to.equal(100);
    expect(shadow(el).querySelectorAll('button.item').length).to.be.below(400);
  });

  it('rows show type, open badge, distance and service icons named for screen readers', async () => {
    const el = await loaded(MIXED);
    // Without the user's position a distance would mean "from the map centre": none is shown.
    expect(shadow(el).querySelectorAll('button.item .distance').length).to.equal(0);
    // Rows stay left-aligned whatever their text length (no distance pushing them).
    const lefts = [...shadow(el).querySelectorAll<HTMLElement>('button.item .type-icon')].map((i) => Math.round(i.getBoundingClientRect().left));
    expect(new Set(lefts).size).to.equal(1);
    el.origin = '117.1,36.2';
    await el.updateComplete;
    const row = [...shadow(el).querySelectorAll<HTMLElement>('button.item')].find((r) => r.textContent!.includes('中天门驿站'))!;
    expect(row.querySelector('.meta')!.textContent).to.equal('工会驿站');
    expect(row.querySelector('.badge.open')!.textContent).to.contain('24 小时');
    expect(row.querySelector('.distance')!.textContent!.trim()).to.match(/米|公里/);
    expect(row.querySelector('.service-icons')!.getAttribute('aria-label')).to.equal('饮水、手机充电');
  });

  it('hovering a row highlights its marker; selecting a marker marks and scrolls to its row', async () => {
    // 64 stations 30–40 m apart: at zoom 18 every one is its own pin.
    const grid: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 64 }, (_, i) => ({
        type: 'Feature' as const,
        id: `G-${i}`,
        geometry: { type: 'Point' as const, coordinates: [117.1 + (i % 8) * 0.0004, 36.2 + Math.floor(i / 8) * 0.0003] },
        properties: { name: `网格驿站 ${i}`, type: 'union-station' },
      })),
    };
    const el = await loaded(grid, '<station-map basemap="none" lang="zh-CN" center="117.1014,36.201" zoom="18"></station-map>');
    el.addEventListener('station-select', (e) => e.preventDefault());
    const rows = () => [...shadow(el).querySelectorAll<HTMLElement>('.list-view button.item')];
    await waitFor(() => markers(el).pins.length === 64 && rows().length === 50, 6000, 'pins and rows');
    rows()[0]!.dispatchEvent(new MouseEvent('mouseenter'));
    await waitFor(() => has(shadow(el), '.sm-pin.sm-highlighted'), 4000, 'highlighted pin');
    rows()[0]!.dispatchEvent(new MouseEvent('mouseleave'));

    const box = shadow(el).querySelector<HTMLElement>('.scroll')!;
    box.scrollTop = 0;
    const last = rows()[49]!;
    const name = last.querySelector('.name')!.textContent!.trim();
    const lastBox = last.getBoundingClientRect();
    expect(lastBox.top > box.getBoundingClientRect().bottom).to.equal(true);
    markers(el).pins.find((p) => p.title === name)!.click();
    await el.updateComplete;
    const current = shadow(el).querySelector<HTMLElement>('.list-view button.item[aria-current="true"]');
    expect(current?.querySelector('.name')!.textContent!.trim()).to.equal(name);
    const r = current!.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    expect(r.top >= b.top - 1 && r.bottom <= b.bottom + 1).to.equal(true);
  });
});

describe('detail panel', () => {
  afterEach(cleanup);

  it('draws a QR code of rating_url in the page, and none without it', async () => {
    const el = await loaded(MIXED);
    el.select('A');
    // The QR encoder loads on the first code shown.
    const path = await waitFor(() => shadow(el).querySelector('figure.qr svg path'), 8000, 'the QR code');
    expect(path?.getAttribute('d')?.length ?? 0).to.be.above(100);
    expect(shadow(el).querySelector('figure.qr svg')?.getAttribute('aria-label')).to.equal('扫码评价本站');
    expect(has(shadow(el), 'img')).to.equal(false);
    el.select('B');
    await el.updateComplete;
    expect(has(shadow(el), 'figure.qr')).to.equal(false);
  });

  it('a slotted detail replaces the built-in body', async () => {
    const el = await loaded(MIXED);
    const mine = document.createElement('div');
    mine.slot = 'detail';
    mine.textContent = 'Our own station card';
    el.append(mine);
    el.select('C');
    await el.updateComplete;
    const slot = shadow(el).querySelector<HTMLSlotElement>('.detail slot[name="detail"]')!;
    expect(slot.assignedElements().length).to.equal(1);
    expect(has(shadow(el), '.detail dl')).to.equal(false);
    expect(shadow(el).querySelector('.detail h2')!.textContent).to.equal('中天门驿站');
  });

  it('detailRenderer output is shown as text, never as markup', async () => {
    const el = await loaded(MIXED);
    el.detailRenderer = (station) => `<b>${station.properties.name}</b>`;
    el.select('D');
    await el.updateComplete;
    const body = shadow(el).querySelector('.detail .custom-body')!;
    expect(body.textContent).to.equal('<b>天外村司机之家</b>');
    expect(body.querySelector('b')).to.equal(null);
    el.detailRenderer = () => null;
    el.select('A');
    await el.updateComplete;
    expect(has(shadow(el), '.detail dl')).to.equal(true);
  });
});

describe('size', () => {
  afterEach(cleanup);

  it('fills a container that has a height, and has a usable height in normal flow', async () => {
    const el = await loaded(stationsAround(200), '<station-map basemap="none"></station-map>');
    // 50 list rows must scroll inside the panel, not stretch the element.
    expect(shadow(el).querySelectorAll('button.item').length).to.equal(50);
    expect(el.offsetHeight).to.equal(480);
    const box = el.parentElement!;
    box.style.height = '640px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.offsetHeight).to.equal(640);
    el.style.setProperty('--station-map-height', '300px');
    el.style.setProperty('--station-map-min-height', '200px');
    expect(el.offsetHeight).to.equal(300);
    expect(shadow(el).querySelector<HTMLElement>('.map')!.offsetHeight).to.equal(298);
  });
});
