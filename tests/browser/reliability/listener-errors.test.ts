// A page's own listener that throws must not break the widget: the browser reports the error
// (window.onerror), and the selection or load it listened to completes as if nothing happened.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, markers, nextEvent, stationsAround } from '../helpers.js';
import { listNames, mount, statusText, waitForAsync as waitFor, withListenerErrors } from './reliability-helpers.js';

describe('errors thrown by the page’s listeners', () => {
  afterEach(cleanup);

  it('a throwing station-select listener: the selection completes and the next one works', async () => {
    const el = mount({ basemap: 'none', lang: 'en' });
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(6);
    await loaded;
    await waitFor(() => listNames(el).length === 6, 5000, 'the list');
    const throwing = () => {
      throw new Error('page bug in station-select');
    };
    document.addEventListener('station-select', throwing);
    try {
      await selectTwice(el, throwing);
    } finally {
      document.removeEventListener('station-select', throwing);
    }
  });

  async function selectTwice(el: StationMap, throwing: () => void): Promise<void> {
    await withListenerErrors(async (errors) => {
      el.addEventListener('station-select', throwing);
      const seen: string[] = [];
      el.addEventListener('station-select', (e) => seen.push(e.detail.id));

      el.shadowRoot!.querySelectorAll<HTMLElement>('[part="list-item"]')[1]!.click();
      await el.updateComplete;
      const first = seen[0]!;
      expect(el.getAttribute('selected')).to.equal(first);
      await waitFor(() => el.shadowRoot!.querySelector('.detail h2')?.textContent === `TA 测试驿站 ${Number(first.slice(3))}`, 3000, 'detail panel');

      el.select('TA-0005');
      await el.updateComplete;
      expect(seen).to.deep.equal([first, 'TA-0005']);
      expect(el.getAttribute('selected')).to.equal('TA-0005');
      await waitFor(() => el.shadowRoot!.querySelector('.detail h2')?.textContent === 'TA 测试驿站 5', 3000, 'second detail');
      await waitFor(() => el.shadowRoot!.querySelector('.leaflet-marker-icon.sm-pin-selected'), 3000, 'selected pin');
      // Two throwing listeners, two selections: the browser reported each error, nothing else failed.
      expect(errors).to.have.length(4);
      expect(errors.every((m) => m.includes('page bug in station-select'))).to.equal(true);
    });
  }

  it('a throwing stations-load listener: the stations are still shown and selectable', async () => {
    await withListenerErrors(async (errors) => {
      const throwing = () => {
        throw new Error('page bug in stations-load');
      };
      document.addEventListener('stations-load', throwing);
      try {
        const el = mount({ basemap: 'none', lang: 'en' });
        el.stations = stationsAround(4);
        await waitFor(() => errors.length > 0, 5000, 'the page error');
        await el.updateComplete;
        expect(statusText(el)).to.match(/4 stations/);
        await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 5000, 'markers');
        expect(listNames(el).length).to.equal(4);
        const picked = nextEvent(el, 'station-select');
        el.select('TA-0002');
        expect((await picked).detail.id).to.equal('TA-0002');
        expect(errors).to.deep.equal([errors[0]]);
        expect(errors[0]).to.contain('page bug in stations-load');
      } finally {
        document.removeEventListener('stations-load', throwing);
      }
    });
  });
});
