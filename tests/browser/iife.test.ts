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
});
