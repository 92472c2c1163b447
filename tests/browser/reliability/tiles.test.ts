// Every basemap tile failing (offline tile host, blocked CDN, expired key): the stations stay
// usable, the page hears about it once, and the user sees a small notice instead of a grey map.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import { cleanup, markers, nextEvent, stationsAround } from '../helpers.js';
import { listNames, mount, waitForAsync as waitFor } from './reliability-helpers.js';

describe('tile faults', () => {
  afterEach(cleanup);

  it('every tile 404: stations selectable from the list, exactly one tiles-failed, a small notice', async () => {
    const el = mount({ lang: 'en', basemap: `${location.origin}/test-api/fault/tile?z={z}&x={x}&y={y}` });
    const codes: string[] = [];
    el.addEventListener('station-map-error', (e) => codes.push(e.detail.code));
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(30);
    await loaded;
    await waitFor(() => codes.includes('tiles-failed'), 8000, 'tiles-failed');
    await waitFor(() => el.shadowRoot!.querySelector('.map-notice'), 3000, 'notice');
    const notice = el.shadowRoot!.querySelector('.map-notice')!;
    expect(notice.textContent).to.match(/map background failed/i);
    // Small: a note over the map, not an alert that replaces the list.
    expect(notice.getAttribute('role')).to.equal('note');
    expect(el.shadowRoot!.querySelector('[role="alert"]') === null, 'no alert').to.equal(true);

    // The stations are still there: on the map and in the list, and a row selects its station.
    await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 5000, 'markers');
    expect(listNames(el).length).to.be.greaterThan(0);
    const picked = nextEvent(el, 'station-select');
    el.shadowRoot!.querySelector<HTMLElement>('[part="list-item"]')!.click();
    const detail = (await picked).detail;
    expect(detail.source).to.equal('list');
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal(detail.id);
    expect(el.shadowRoot!.querySelector('.detail h2')?.textContent).to.equal(detail.station.properties.name);

    // Selecting zooms and pans to the station: dozens more tiles fail, and still one event.
    el.select('TA-0029');
    await new Promise((r) => setTimeout(r, 800));
    expect(codes.filter((c) => c === 'tiles-failed')).to.have.length(1);
    expect(codes.filter((c) => c !== 'tiles-failed')).to.deep.equal([]);
  });

  it('a working basemap afterwards clears the notice', async () => {
    const el = mount({ lang: 'en', basemap: `${location.origin}/test-api/fault/tile?z={z}&x={x}&y={y}` });
    el.stations = stationsAround(5);
    await waitFor(() => el.shadowRoot!.querySelector('.map-notice'), 8000, 'notice');
    el.basemap = 'none';
    await waitFor(() => el.shadowRoot!.querySelector('.map-notice') === null, 3000, 'notice gone');
  });
});
