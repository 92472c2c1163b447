// Issue 22 items 10 and 11, the pure halves: search folding, geocoder coordinates, speeds, tile
// URLs and navigation links given values a page or a service should not have sent.
import { describe, expect, it } from 'vitest';
import { readLngLat } from '../../../src/data/geocoders/fetch-json.js';
import { createNominatimGeocoder } from '../../../src/data/geocoders/nominatim.js';
import { normalizeText } from '../../../src/data/filter-stations.js';
import { searchStations } from '../../../src/data/search-stations.js';
import { navigationLinks } from '../../../src/geo/route/navigation-links.js';
import { DEFAULT_SPEEDS, durationFor } from '../../../src/geo/route/speeds.js';
import { straightRoute } from '../../../src/geo/route/straight-route.js';
import { tileUrl } from '../../../src/map/tile-url.js';
import type { Station, TravelMode } from '../../../src/types.js';

function station(id: string, name: string): Station {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name } } as Station;
}

describe('search folding', () => {
  const stations = [station('a', 'Zerowidth Halle'), station('b', 'Hauptstraße 5'), station('c', 'İstanbul Durağı'), station('d', '红门工会驿站'), station('e', '紅門工會驛站')];
  const find = (q: string) => searchStations(stations, q).map((m) => m.station.id);

  it('a zero-width space inside a word is ignored, in the data and in the query', () => {
    expect(normalizeText('zero\u200bwidth')).toBe('zerowidth');
    expect(find('zero\u200bwidth')).toEqual(['a']);
    expect(find('halle\u00ad')).toEqual(['a']);
  });

  it('strasse finds straße and İstanbul is found by istanbul', () => {
    expect(find('strasse')).toEqual(['b']);
    expect(find('straße')).toEqual(['b']);
    expect(find('istanbul')).toEqual(['c']);
    expect(find('İSTANBUL')).toEqual(['c']);
  });

  it('Chinese search is unchanged: simplified finds simplified, traditional finds traditional', () => {
    expect(find('红门')).toEqual(['d']);
    expect(find('紅門')).toEqual(['e']);
    expect(normalizeText('红门 工会')).toBe('红门 工会');
  });

  it('stays idempotent on the folded letters', () => {
    for (const s of ['İ\u0301', 'ẞ', 'i\u0307\u0301x', 'a\u200b\u200cb']) expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });
});

describe('geocoder coordinates', () => {
  it('"" and "0x24" are not coordinates (were the equator and 36)', () => {
    expect(readLngLat('117.1', '')).toBeNull();
    expect(readLngLat('117.1', ' ')).toBeNull();
    expect(readLngLat('117.1', '0x24')).toBeNull();
    expect(readLngLat('0x75', '36')).toBeNull();
    expect(readLngLat('117.1', '36.2')).toEqual([117.1, 36.2]);
    expect(readLngLat(' 117.1 ', '3.62e1')).toEqual([117.1, 36.2]);
  });

  it('a Nominatim answer with lat "" is skipped', async () => {
    const body = [{ name: 'Equator', lat: '', lon: '117.1' }, { name: 'Hex', lat: '0x24', lon: '117.1' }, { name: 'Real', lat: '36.2', lon: '117.1' }];
    const fetch = (async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as never;
    const found = await createNominatimGeocoder({ url: 'https://n.example', fetch })('x', { signal: new AbortController().signal });
    expect(found.map((p) => p.name)).toEqual(['Real']);
  });
});

describe('speeds', () => {
  it('1e-300 m/s (or 1e300) counts as not given: the default speed, not 9e302 s', () => {
    expect(durationFor(1000, 'walking', { walking: 1e-300 })).toBeCloseTo(1000 / DEFAULT_SPEEDS.walking);
    expect(durationFor(1000, 'walking', { walking: 1e300 })).toBeCloseTo(1000 / DEFAULT_SPEEDS.walking);
    expect(durationFor(1000, 'walking', { walking: 2 })).toBe(500);
    const route = straightRoute([117, 36], [117.01, 36], { mode: 'walking', speeds: { walking: 1e-300 } });
    expect(route.durationSeconds).toBeLessThan(3600);
  });
});

describe('tile URLs', () => {
  it('{constructor} and {toString} stay as written: no function source in a tile URL', () => {
    const url = tileUrl('https://t.example/{constructor}/{toString}/{__proto__}/{z}/{x}/{y}.png', 1, 2, 3);
    expect(url).toBe('https://t.example/{constructor}/{toString}/{__proto__}/3/1/2.png');
    expect(url).not.toContain('function');
  });
});

describe('navigation links', () => {
  it('an unknown travel mode walks: no mode=undefined or [object Object] in any link', () => {
    const s = station('n', '驿站');
    s.geometry.coordinates = [117.1, 36.2];
    for (const mode of ['bike', {}, 'constructor', 'toString'] as unknown as TravelMode[]) {
      for (const link of navigationLinks(s, { mode })) {
        expect(link.url).not.toMatch(/undefined|object|function/i);
      }
      expect(navigationLinks(s, { mode })).toEqual(navigationLinks(s, { mode: 'walking' }));
    }
  });
});
