import { expect } from '@esm-bundle/chai';
import { createNominatimGeocoder } from '../../src/data/geocoders/nominatim.js';
import { createPlaceSearch } from '../../src/data/geocoders/place-search.js';
import { createTiandituGeocoder } from '../../src/data/geocoders/tianditu.js';
import type { Geocoder } from '../../src/types.js';

const base = `${location.origin}/test-api/geo`;

/** `{ code, message }` of a rejection, or `{ name }` for a non-StationMapError. */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; name: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message?: string; name?: string };
    return { code: String(e.code ?? ''), message: String(e.message ?? ''), name: String(e.name ?? '') };
  }
  throw new Error('expected a rejection');
}

const cases: Array<[string, Geocoder, string]> = [
  ['天地图 search', createTiandituGeocoder({ key: 'test-key', baseUrl: `${base}/tianditu` }), '红门'],
  ['Nominatim', createNominatimGeocoder({ url: `${base}/nominatim` }), '泰山'],
];

for (const [label, geocoder, query] of cases) {
  describe(`${label} client against a local server`, () => {
    it('reads places from a successful answer', async () => {
      const found = await geocoder(query, { signal: new AbortController().signal });
      expect(found.length > 0).to.equal(true);
      expect(found[0].name.startsWith(query)).to.equal(true);
      expect(found[0].lng > 117 && found[0].lng < 117.2).to.equal(true);
      expect(found[0].lat > 36 && found[0].lat < 36.3).to.equal(true);
    });

    it('gives no places for an empty answer', async () => {
      expect((await geocoder('empty', { signal: new AbortController().signal })).length).to.equal(0);
    });

    it('rejects with geocode-failed on a server error', async () => {
      const error = await rejection(geocoder('error', { signal: new AbortController().signal }));
      expect(error.code).to.equal('geocode-failed');
    });

    it('aborts a slow request that a newer query supersedes, keeping the newer answer', async () => {
      const signals: AbortSignal[] = [];
      const watched: Geocoder = (q, options) => {
        signals.push(options.signal);
        return geocoder(q, options);
      };
      const places = createPlaceSearch(watched, { delayMs: 10 });
      const slow = places.search('slow');
      await new Promise((r) => setTimeout(r, 100));
      const fresh = places.search(query);
      expect(await slow).to.equal(null);
      const found = await fresh;
      expect(found !== null && found.length > 0).to.equal(true);
      expect(signals.length).to.equal(2);
      expect(signals[0].aborted).to.equal(true);
      expect(signals[1].aborted).to.equal(false);
    });
  });
}

describe('天地图 client details', () => {
  it('reports a rejected key as geocode-failed with the service message', async () => {
    const error = await rejection(
      createTiandituGeocoder({ key: 'wrong', baseUrl: `${base}/tianditu` })('红门', { signal: new AbortController().signal }),
    );
    expect(error.code).to.equal('geocode-failed');
    expect(error.message.includes('权限验证失败')).to.equal(true);
  });

  it('speaks the geocoder API too', async () => {
    const geocoder = createTiandituGeocoder({ key: 'test-key', baseUrl: `${base}/tianditu`, api: 'geocoder' });
    const [place] = await geocoder('泰安市泰山区红门路', { signal: new AbortController().signal });
    expect(place.lng).to.equal(117.12);
    expect((await geocoder('empty', { signal: new AbortController().signal })).length).to.equal(0);
  });

  it('times out a slow answer with a clear message', async () => {
    const geocoder = createTiandituGeocoder({ key: 'test-key', baseUrl: `${base}/tianditu`, timeoutMs: 200 });
    const error = await rejection(geocoder('slow', { signal: new AbortController().signal }));
    expect(error.code).to.equal('geocode-failed');
    expect(error.message.includes('within')).to.equal(true);
  });

  it('rejects with an AbortError, not geocode-failed, when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = createNominatimGeocoder({ url: `${base}/nominatim` })('slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error.code === 'geocode-failed').to.equal(false);
    expect(error.name).to.equal('AbortError');
  });
});
