import { describe, expect, it, vi } from 'vitest';
import { createNominatimGeocoder } from '../../../../src/data/geocoders/nominatim.js';
import { createPlaceSearch } from '../../../../src/data/geocoders/place-search.js';
import { createTiandituGeocoder } from '../../../../src/data/geocoders/tianditu.js';
import { StationMapError } from '../../../../src/errors.js';
import type { Geocoder } from '../../../../src/types.js';

type FakeFetch = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

/** A fetch answering `body` (JSON unless a string) with `status`, recording the URLs asked. */
function fakeFetch(body: unknown, status = 200): FakeFetch & { urls: string[] } {
  const urls: string[] = [];
  const fetch = async (url: string) => {
    urls.push(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return Object.assign(fetch, { urls });
}

/** A fetch that never answers until aborted. */
const hangingFetch: FakeFetch = (_url, { signal }) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'))));

const signal = () => new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<StationMapError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StationMapError);
  expect((error as StationMapError).code).toBe('geocode-failed');
  return error as StationMapError;
}

describe('createTiandituGeocoder', () => {
  const pois = {
    resultType: 1,
    count: '3',
    pois: [
      { name: '红门', lonlat: '117.1235,36.2120', address: '泰安市泰山区' },
      { name: '坏坐标', lonlat: 'abc' },
      { name: '红门路', lonlat: '117.13 36.20' },
    ],
    status: { infocode: 1000, cndesc: '服务正常' },
  };

  it('asks the place search with the key and reads pois, skipping broken ones', async () => {
    const fetch = fakeFetch(pois);
    const found = await createTiandituGeocoder({ key: 'K 1', fetch, baseUrl: 'http://local/tdt/' })('泰山 红门', { signal: signal() });
    expect(found).toEqual([
      { name: '红门', lng: 117.1235, lat: 36.212, address: '泰安市泰山区' },
      { name: '红门路', lng: 117.13, lat: 36.2 },
    ]);
    const url = new URL(fetch.urls[0]);
    expect(url.origin + url.pathname).toBe('http://local/tdt/v2/search');
    expect(url.searchParams.get('tk')).toBe('K 1');
    expect(url.searchParams.get('type')).toBe('query');
    expect(JSON.parse(url.searchParams.get('postStr')!)).toMatchObject({ keyWord: '泰山 红门', queryType: 1, count: 10, mapBound: '73,18,135,54' });
  });

  it('reads an area answer and an empty one', async () => {
    const area = { resultType: 3, area: { name: '泰安市', lonlat: '117.08,36.19' }, status: { infocode: 1000 } };
    expect(await createTiandituGeocoder({ key: 'k', fetch: fakeFetch(area) })('泰安', { signal: signal() })).toEqual([
      { name: '泰安市', lng: 117.08, lat: 36.19 },
    ]);
    const none = { resultType: 1, count: '0', status: { infocode: 1000 } };
    expect(await createTiandituGeocoder({ key: 'k', fetch: fakeFetch(none) })('zzz', { signal: signal() })).toEqual([]);
  });

  it('fails clearly on a service error, an HTTP error and a body that is not JSON', async () => {
    const denied = { status: { infocode: 1008, cndesc: 'key 无效' } };
    expect((await failure(createTiandituGeocoder({ key: 'k', fetch: fakeFetch(denied) })('x', { signal: signal() }))).message).toContain('key 无效');
    expect((await failure(createTiandituGeocoder({ key: 'k', fetch: fakeFetch('oops', 503) })('x', { signal: signal() }))).message).toContain('HTTP 503');
    expect((await failure(createTiandituGeocoder({ key: 'k', fetch: fakeFetch('<html>') })('x', { signal: signal() }))).message).toContain('JSON');
  });

  it('uses the geocoder API when asked', async () => {
    const fetch = fakeFetch({ msg: 'ok', location: { level: '地名地址', lon: 117.1, lat: 36.2, keyWord: '红门' }, status: '0' });
    const found = await createTiandituGeocoder({ key: 'k', api: 'geocoder', fetch })('红门', { signal: signal() });
    expect(found).toEqual([{ name: '红门', lng: 117.1, lat: 36.2 }]);
    expect(new URL(fetch.urls[0]).pathname).toBe('/geocoder');
    expect(JSON.parse(new URL(fetch.urls[0]).searchParams.get('ds')!)).toEqual({ keyWord: '红门' });
    expect(await createTiandituGeocoder({ key: 'k', api: 'geocoder', fetch: fakeFetch({ status: '101', msg: '结果为空' }) })('x', { signal: signal() })).toEqual([]);
    await failure(createTiandituGeocoder({ key: 'k', api: 'geocoder', fetch: fakeFetch({ status: '404', msg: '出错' }) })('x', { signal: signal() }));
  });

  it('needs a key', () => {
    expect(() => createTiandituGeocoder({ key: ' ' })).toThrow(/key/);
  });
});

describe('createNominatimGeocoder', () => {
  it('asks /search with jsonv2, limit and language, and reads the places', async () => {
    const fetch = fakeFetch([
      { name: '泰山', display_name: '泰山, 泰安市, 山东省, 中国', lat: '36.2566', lon: '117.1009' },
      { display_name: '红门, 泰安市', lat: '36.21', lon: '117.12' },
      { display_name: 'broken', lat: 'x', lon: '117' },
    ]);
    const found = await createNominatimGeocoder({ url: 'http://local/nominatim/', fetch, countryCodes: 'cn' })('泰山', { signal: signal() });
    expect(found).toEqual([
      { name: '泰山', lng: 117.1009, lat: 36.2566, address: '泰山, 泰安市, 山东省, 中国' },
      { name: '红门', lng: 117.12, lat: 36.21, address: '红门, 泰安市' },
    ]);
    const url = new URL(fetch.urls[0]);
    expect(url.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ q: '泰山', format: 'jsonv2', limit: '10', 'accept-language': 'zh-CN,zh,en', countrycodes: 'cn' });
  });

  it('fails clearly on an error body, HTTP error, and a timeout', async () => {
    expect((await failure(createNominatimGeocoder({ url: 'http://x', fetch: fakeFetch({ error: { message: 'Bad query' } }) })('q', { signal: signal() }))).message).toContain('Bad query');
    expect((await failure(createNominatimGeocoder({ url: 'http://x', fetch: fakeFetch('[]', 500) })('q', { signal: signal() }))).message).toContain('HTTP 500');
    expect((await failure(createNominatimGeocoder({ url: 'http://x', fetch: hangingFetch, timeoutMs: 20 })('q', { signal: signal() }))).message).toMatch(/within/);
  });

  it("rejects with the caller's abort reason, not a geocode error", async () => {
    const controller = new AbortController();
    const pending = createNominatimGeocoder({ url: 'http://x', fetch: hangingFetch })('q', { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StationMapError);
    expect((error as DOMException).name).toBe('AbortError');
  });
});

describe('createPlaceSearch', () => {
  it('asks once after typing pauses, and only for the latest query', async () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const geocoder: Geocoder = async (query) => {
        asked.push(query);
        return [{ name: query, lng: 117, lat: 36 }];
      };
      const places = createPlaceSearch(geocoder, { delayMs: 300 });
      const first = places.search('泰安');
      const second = places.search('泰山');
      const third = places.search('泰山红');
      await vi.advanceTimersByTimeAsync(299);
      expect(asked).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await first).toBe(null);
      expect(await second).toBe(null);
      expect(await third).toEqual([{ name: '泰山红', lng: 117, lat: 36 }]);
      expect(asked).toEqual(['泰山红']);
      // Too short: nothing asked.
      expect(await places.search(' 泰 ')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('aborts the request a newer query supersedes', async () => {
    const signals: AbortSignal[] = [];
    const geocoder: Geocoder = (query, { signal }) => {
      signals.push(signal);
      return query === 'slow'
        ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
        : Promise.resolve([{ name: query, lng: 1, lat: 1 }]);
    };
    const places = createPlaceSearch(geocoder, { delayMs: 0 });
    const slow = places.search('slow');
    await new Promise((r) => setTimeout(r, 5));
    const fast = places.search('fast');
    expect(await slow).toBe(null);
    expect(signals[0].aborted).toBe(true);
    expect(await fast).toEqual([{ name: 'fast', lng: 1, lat: 1 }]);
  });

  it('turns any failure into a geocode-failed error', async () => {
    const places = createPlaceSearch(async () => {
      throw new Error('boom');
    }, { delayMs: 0 });
    expect((await failure(places.search('泰山'))).message).toContain('boom');
  });
});
