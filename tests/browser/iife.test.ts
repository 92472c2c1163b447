import { expect } from '@esm-bundle/chai';
import { cleanup, nextEvent, waitFor } from './helpers.js';

/** Loads the built script-tag bundle the way a government page does. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('the script-tag bundle (dist/station-map.iife.js)', () => {
  afterEach(cleanup);

  it('registers <station-map>, loads src, and a second copy on the page does not throw', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    await loadScript('/dist/station-map.iife.js');
    await loadScript('/dist/station-map.iife.js');
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('station-map')).to.be.a('function');
    const container = document.createElement('div');
    container.className = 'fixture';
    container.innerHTML = '<station-map basemap="none" src="/test-api/small.geojson?tag=iife"></station-map>';
    const loaded = nextEvent(container, 'stations-load');
    document.body.append(container);
    expect((await loaded).detail.count).to.equal(3);
    const el = container.querySelector('station-map')!;
    await waitFor(() => el.shadowRoot!.querySelectorAll('.sm-pin').length === 3, 8000, 'pins');
    // No image requested from anywhere for markers.
    const images = performance.getEntriesByType('resource').filter((r) => /\.(png|gif|jpe?g)(\?|$)/.test(r.name));
    expect(images.map((r) => r.name)).to.deep.equal([]);
  });

  it('loads the parts a first view does not need from side files beside it, on first use', async () => {
    await loadScript('/dist/station-map.iife.js');
    const container = document.createElement('div');
    container.className = 'fixture';
    container.innerHTML = '<station-map basemap="none" src="/demo/data/stations.geojson"></station-map>';
    const loaded = nextEvent(container, 'stations-load');
    document.body.append(container);
    await loaded;
    const el = container.querySelector('station-map')!;
    const sideFiles = () =>
      performance
        .getEntriesByType('resource')
        .map((r) => new URL(r.name).pathname)
        .filter((path) => /^\/dist\/station-map\.(?!iife).*\.js$/.test(path));
    await el.updateComplete;
    // The first view loads none of them (the offline copy of src is saved after it, from its own file).
    const qr = '/dist/station-map.qr-path.js';
    const geocoding = '/dist/station-map.place-search-session.js';
    const placeResults = '/dist/station-map.place-results.js';
    expect(sideFiles()).to.not.include(qr);
    expect(sideFiles()).to.not.include(geocoding);
    expect(sideFiles()).to.not.include(placeResults);

    // A station with a rating link: its QR code appears once the encoder is in.
    el.select('TA-0001');
    await waitFor(() => el.shadowRoot!.querySelector('.qr svg path'), 8000, 'the rating QR code');
    expect(sideFiles()).to.include(qr).and.not.include(geocoding);

    // Place search with the page's geocoder loads the debounced search and the results' view.
    el.geocoder = async () => [{ name: 'Tai\'an railway station', lng: 117.09, lat: 36.19 }];
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    box.value = '泰安站';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => el.shadowRoot!.querySelector('button.place'), 8000, 'the place result');
    expect(sideFiles()).to.include(geocoding).and.include(placeResults);
  });
});
