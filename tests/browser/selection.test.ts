import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor, has } from './helpers.js';

const STATIONS: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'TA-0391',
      geometry: { type: 'Point', coordinates: [117.13, 36.212] },
      properties: {
        name: '红门工会驿站',
        'name:en': 'Hongmen Union Station',
        type: 'union-station',
        address: '泰山区红门路 1 号',
        phone: '0538-6231234',
        hours: '24/7',
        services: ['water', 'toilet', 'first-aid', 'made-up-service'],
        manager: '王秀英',
        honors: ['最美工会户外劳动者服务站'],
        rating_url: 'https://example.org/rate/TA-0391',
        website: 'javascript:alert(1)',
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [117.108, 36.237] },
      properties: { code: 'TA-0392', name: '中天门驿站', type: 'outdoor-worker-station', hours: '08:00-20:00' },
    },
  ],
};

async function loaded(markup = '<station-map basemap="none" lang="en"></station-map>'): Promise<StationMap> {
  const el = await fixture(markup);
  const done = nextEvent(el, 'stations-load');
  el.stations = STATIONS;
  await done;
  await waitFor(() => markers(el).pins.length === 2, 8000, 'two pins');
  // The list comes a frame after the pins.
  await el.updateComplete;
  return el;
}

function pinOf(el: StationMap, name: string): HTMLElement {
  return markers(el).pins.find((p) => p.title === name)!;
}

describe('selecting a station', () => {
  afterEach(cleanup);

  it('a click on a pin fires station-select and opens the detail panel', async () => {
    const el = await loaded();
    const selected = nextEvent(el, 'station-select');
    pinOf(el, 'Hongmen Union Station').click();
    const e = await selected;
    expect(e.detail.id).to.equal('TA-0391');
    expect(e.detail.source).to.equal('marker');
    expect(e.detail.distanceMeters).to.equal(null);
    expect(e.detail.station.properties.manager).to.equal('王秀英');
    expect(e.cancelable).to.equal(true);
    expect(e.bubbles && e.composed).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('TA-0391');
    const detail = shadow(el).querySelector('[part="detail"]')!;
    const text = detail.textContent!;
    for (const expected of ['Hongmen Union Station', 'TA-0391', '泰山区红门路 1 号', '0538-6231234', '王秀英', '最美工会户外劳动者服务站', 'made-up-service']) {
      expect(text).to.contain(expected);
    }
    expect(detail.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.href).to.equal('tel:0538-6231234'.replace('-', ''));
    // A javascript: website from the data is never linked.
    expect(has(detail, 'a[href^="javascript:"]'), 'a[href^="javascript:"]').to.equal(false);
    expect(has(detail, 'a[href="https://example.org/rate/TA-0391"]'), 'a[href="https://example.org/rate/TA-0391"]').to.equal(true);
  });

  it('Enter on a focused pin selects it', async () => {
    const el = await loaded();
    const pin = pinOf(el, '中天门驿站');
    const selected = nextEvent(el, 'station-select');
    pin.focus();
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.id).to.equal('TA-0392');
  });

  it('preventDefault() keeps the built-in panel closed but still selects', async () => {
    const el = await loaded();
    el.addEventListener('station-select', (e) => e.preventDefault(), { once: true });
    pinOf(el, 'Hongmen Union Station').click();
    await el.updateComplete;
    expect(has(shadow(el), '[part="detail"]'), '[part="detail"]').to.equal(false);
    expect(el.selected).to.equal('TA-0391');
  });

  it('the selected attribute set by the page selects and shows the station (source api)', async () => {
    const el = await loaded();
    const selected = nextEvent(el, 'station-select');
    el.setAttribute('selected', 'TA-0392');
    const e = await selected;
    expect(e.detail.source).to.equal('api');
    expect(e.detail.id).to.equal('TA-0392');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="detail"] h2')!.textContent).to.equal('中天门驿站');
    expect(has(shadow(el), '.sm-pin-selected'), '.sm-pin-selected').to.equal(true);
  });

  it('Escape closes the panel and an error in a page listener does not break the widget', async () => {
    const el = await loaded();
    const onError = window.onerror;
    window.onerror = () => true; // the page's own bug, reported to the page, not fatal to us
    el.addEventListener('station-select', () => {
      throw new Error('page bug');
    }, { once: true });
    pinOf(el, 'Hongmen Union Station').click();
    await el.updateComplete;
    window.onerror = onError;
    expect(has(shadow(el), '[part="detail"]'), '[part="detail"]').to.equal(true);
    shadow(el).querySelector<HTMLElement>('[part="detail"] h2')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(shadow(el), '[part="detail"]'), '[part="detail"]').to.equal(false);
  });

  it('a station named like markup shows those characters and runs nothing', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    (window as unknown as { pwned?: boolean }).pwned = false;
    const payload = '<img src=x onerror="window.pwned=true">';
    const done = nextEvent(el, 'stations-load');
    el.stations = [
      {
        type: 'Feature',
        id: 'X-1',
        geometry: { type: 'Point', coordinates: [117.1, 36.2] },
        properties: { name: payload, address: '<script>window.pwned=true</script>', type: '"><svg onload=alert(1)>', hours: payload, services: [payload], honors: [payload], phone: 'javascript:alert(1)' },
      },
    ];
    await done;
    await waitFor(() => markers(el).pins.length === 1, 8000, 'pin');
    markers(el).pins[0]!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const root = shadow(el);
    expect(root.querySelector('[part="detail"] h2')!.textContent).to.equal(payload);
    expect(has(root, '[part="detail"] img'), '[part="detail"] img').to.equal(false);
    expect(has(root, '[part="detail"] script'), '[part="detail"] script').to.equal(false);
    expect(has(root, 'a[href^="javascript:"]'), 'a[href^="javascript:"]').to.equal(false);
    expect(has(markers(el).pins[0]!, 'img'), 'img').to.equal(false);
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
  });
});
