import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

// WCAG 1.4.4 (text at 200 %) and 1.4.10 (reflow at 320–360 CSS px): nothing overlaps, nothing is cut.

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'TA-0003',
      geometry: { type: 'Point', coordinates: [117.13, 36.21] },
      properties: {
        name: '泰山区红门路户外劳动者服务站（红门工会驿站）',
        type: 'union-station',
        hours: '周一至周五 08:00-20:00，节假日休息',
        address: '山东省泰安市泰山区红门路与环山路交叉口东北角 100 米',
        phone: '0538-6231234',
        manager: '李军',
        services: ['water', 'toilet', 'charging', 'microwave', 'rest', 'first-aid'],
        honors: ['最美工会户外劳动者服务站'],
        entry: '扫码开门，夜间联系站长',
        status: 'open',
      },
    },
    { type: 'Feature', id: 'TA-0008', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '中天门爱心驿站', type: 'outdoor-worker-station', hours: '24/7', services: ['water'] } },
    { type: 'Feature', id: 'TA-0001', geometry: { type: 'Point', coordinates: [117.12, 36.19] }, properties: { name: '岱庙爱心妈咪小屋', type: 'mommy-room', hours: '工作日 09:00-17:00' } },
  ],
};

type Box = { what: string; rect: DOMRect; el?: Element };

const visible = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('[hidden]');
};

const describe_ = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;

function boxes(root: ParentNode, selector: string): Box[] {
  return [...root.querySelectorAll(selector)].filter(visible).map((el) => ({ what: describe_(el), rect: el.getBoundingClientRect(), el }));
}

/** Pairs of boxes that overlap by more than a pixel each way (neither inside the other). */
function overlaps(list: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!.rect;
      const b = list[j]!.rect;
      // A row and its badge, a field and its link: one inside the other is layout, not overlap.
      const [x, y] = [list[i]!.el, list[j]!.el];
      if (x && y && (x.contains(y) || y.contains(x))) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) found.push(`${list[i]!.what} × ${list[j]!.what}`);
    }
  }
  return found;
}

/** Elements whose text does not fit (clipped or spilling sideways) or that stick out of `frame` sideways. */
function cut(root: ParentNode, selector: string, frame: DOMRect): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(selector)) {
    if (!visible(el) || el.closest('.chips')) continue;
    const r = el.getBoundingClientRect();
    if (r.left < frame.left - 1 || r.right > frame.right + 1) found.push(`${describe_(el)} outside the element sideways (${Math.round(r.left)}–${Math.round(r.right)})`);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') found.push(`${describe_(el)} clipped: ${el.scrollWidth} > ${el.clientWidth}`);
    if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'hidden') found.push(`${describe_(el)} clipped vertically`);
  }
  return found;
}

const CONTROLS = 'button, input, a, .badge, .service-icons';
const TEXT = 'button, input, a, .name, .meta, .badge, .distance, dt, dd, .list-heading, #detail-title, .message, .map-notice, .attribution';

async function bigText(width: number, setup: () => void): Promise<StationMap> {
  await setViewport({ width, height: 740 });
  setup();
  const el = await fixture('<station-map basemap="none" lang="zh-CN" origin="117.125,36.205"></station-map>', { width, height: 740 });
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 6000, 'markers');
  await el.updateComplete;
  return el;
}

/** Checks the list view and then the detail of the first station; returns every problem found. */
async function problems(el: StationMap): Promise<string[]> {
  const root = shadow(el);
  const host = el.getBoundingClientRect();
  const found: string[] = [];
  const toggle = root.querySelector<HTMLButtonElement>('.sheet-toggle')!;
  if (visible(toggle)) {
    // Closed sheet: the map's controls, notice and credits clear it and each other.
    const panel = root.querySelector('.panel')!;
    found.push(...overlaps([...boxes(root, '.map-tools button, .map-notice, .attribution'), { what: 'closed sheet', rect: panel.getBoundingClientRect() }]));
    found.push(...cut(root, '.sheet-toggle, .map-notice, .map-tools button', host));
    toggle.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
  }
  const list = root.querySelector('.list-view')!;
  found.push(...overlaps(boxes(list, CONTROLS).filter((b) => !b.what.startsWith('button.chip'))));
  for (const row of list.querySelectorAll('button.item')) found.push(...overlaps(boxes(row, '.type-icon, .name, .meta, .badge, .service-icons, .distance')));
  found.push(...cut(root, TEXT, host));
  el.select('TA-0003');
  await el.updateComplete;
  const detail = root.querySelector('.detail')!;
  found.push(...overlaps(boxes(detail, `${CONTROLS}, dt, dd, #detail-title, .type-icon`)));
  found.push(...cut(detail, TEXT, host));
  return found;
}

describe('large text (适老化)', () => {
  afterEach(async () => {
    cleanup();
    document.documentElement.style.fontSize = '';
    document.body.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('follows the browser text size: 200 % doubles the element’s text', async () => {
    const normal = await bigText(1280, () => undefined);
    const base = parseFloat(getComputedStyle(shadow(normal).querySelector('.name')!).fontSize);
    cleanup();
    const big = await bigText(1280, () => (document.documentElement.style.fontSize = '200%'));
    expect(parseFloat(getComputedStyle(shadow(big).querySelector('.name')!).fontSize)).to.be.closeTo(base * 2, 0.5);
  });

  for (const width of [360, 1280]) {
    it(`200 % text at ${width} px: no overlap, nothing cut`, async () => {
      const el = await bigText(width, () => (document.documentElement.style.fontSize = '200%'));
      expect(await problems(el)).to.deep.equal([]);
    });

    it(`a page font of 24 px at ${width} px: no overlap, nothing cut`, async () => {
      const el = await bigText(width, () => (document.body.style.fontSize = '24px'));
      expect(parseFloat(getComputedStyle(el).fontSize)).to.be.closeTo(22.5, 0.5);
      expect(await problems(el)).to.deep.equal([]);
    });
  }

  it('text-scale enlarges the element alone', async () => {
    const el = await bigText(360, () => undefined);
    const size = () => parseFloat(getComputedStyle(shadow(el).querySelector('.sheet-toggle')!).fontSize);
    const before = size();
    el.setAttribute('text-scale', '150%');
    await el.updateComplete;
    expect(size()).to.be.closeTo(before * 1.5, 0.5);
    expect(getComputedStyle(document.body).fontSize).to.equal('16px');
    el.setAttribute('text-scale', '2');
    await el.updateComplete;
    expect(size()).to.be.closeTo(before * 2, 0.5);
    expect(await problems(el)).to.deep.equal([]);
  });
});
