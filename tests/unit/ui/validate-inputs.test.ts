// Issue 22 (items 3, 4, 7, 10): the one table of rules every attribute and property value passes.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/ui/validate-inputs.js';

describe('checkInput: one rule per input, for attribute text and property values alike', () => {
  it('filter: fields of the wrong type are dropped and reported; the rest is kept', () => {
    for (const filter of [{ text: 5 }, { types: 5 }, { services: {} }, { openNow: 'yes' }, { type: ['water'] }]) {
      const checked = checkInput('filter', filter);
      expect(checked.problem, JSON.stringify(filter)).toBeTypeOf('string');
      expect(checked.value).toBeNull();
    }
    const mixed = checkInput('filter', { text: 7, types: ['mommy-room'] });
    expect(mixed.value).toEqual({ types: ['mommy-room'] });
    expect(mixed.problem).toContain('"text"');
    // A lone type is a list of one, silently; a valid filter keeps its identity.
    expect(checkInput('filter', { types: 'mommy-room' })).toEqual({ value: { types: ['mommy-room'] } });
    const good = { types: ['water'], openNow: true, text: '红门' };
    expect(checkInput('filter', good).value).toBe(good);
    expect(checkInput('filter', 'water').problem).toBeTypeOf('string');
  });

  it('zoom: only a finite number from 0 to 24, from text or number; else no zoom', () => {
    for (const zoom of ['abc', NaN, Infinity, -1, 99, '', '0x10', {}, [], true]) {
      expect(checkInput('zoom', zoom), inspect(zoom)).toMatchObject({ value: null, problem: expect.any(String) });
    }
    expect(checkInput('zoom', '12')).toEqual({ value: 12 });
    expect(checkInput('zoom', 3.5)).toEqual({ value: 3.5 });
    expect(checkInput('zoom', null)).toEqual({ value: null });
  });

  it('center and origin: "lng,lat" in range, or nothing', () => {
    expect(checkInput('center', '117.1,36.2')).toEqual({ value: '117.1,36.2' });
    expect(checkInput('center', [117.1, 36.2])).toEqual({ value: '117.1,36.2' });
    for (const value of ['abc', '200,10', 5, { lng: 1, lat: 2 }, 'NaN,NaN']) {
      expect(checkInput('origin', value).problem, inspect(value)).toBeTypeOf('string');
    }
  });

  it('crs: the usual spellings, anything else is wgs84 and reported', () => {
    for (const [given, crs] of [['WGS84', 'wgs84'], ['wgs-84', 'wgs84'], ['EPSG:4326', 'wgs84'], ['CGCS2000', 'wgs84'], ['GCJ02', 'gcj02'], ['GCJ-02', 'gcj02'], ['BD-09', 'bd09'], ['BD09', 'bd09'], ['bd09', 'bd09']]) {
      expect(checkInput('crs', given), given).toEqual({ value: crs });
    }
    expect(checkInput('crs', 'mars')).toMatchObject({ value: 'wgs84', problem: expect.any(String) });
    expect(checkInput('crs', 4326)).toMatchObject({ value: 'wgs84', problem: expect.any(String) });
  });

  it('travel-mode: walking, cycling or driving; anything else walks and is reported', () => {
    expect(checkInput('travelMode', 'Cycling')).toEqual({ value: 'cycling' });
    for (const mode of ['bike', {}, 'undefined', '', 3]) {
      expect(checkInput('travelMode', mode)).toMatchObject({ value: 'walking', problem: expect.any(String) });
    }
  });

  it('nearest, coverage: the same clamps for "NaN" text and for property numbers', () => {
    expect(checkInput('nearest', 'NaN')).toMatchObject({ value: 5, problem: expect.any(String) });
    expect(checkInput('nearest', NaN)).toMatchObject({ value: 5, problem: expect.any(String) });
    expect(checkInput('nearest', '3')).toEqual({ value: 3 });
    expect(checkInput('nearest', 7.9)).toEqual({ value: 7 });
    expect(checkInput('nearest', 0).problem).toBeTypeOf('string');
    expect(checkInput('coverage', 1e9)).toMatchObject({ value: 15, problem: expect.any(String) });
    expect(checkInput('coverage', '1000000000')).toMatchObject({ value: 15, problem: expect.any(String) });
    expect(checkInput('coverage', '')).toEqual({ value: 15 });
    expect(checkInput('coverage', true)).toEqual({ value: 15 });
    expect(checkInput('coverage', '10')).toEqual({ value: 10 });
    expect(checkInput('coverage', null)).toEqual({ value: null });
  });

  it('speeds: a speed of 1e-300 or 1e300 m/s is dropped (the default is used) and reported', () => {
    const checked = checkInput('speeds', { walking: 1e-300, cycling: 5, driving: 1e300 });
    expect(checked.value).toEqual({ cycling: 5 });
    expect(checked.problem).toContain('"walking"');
    const good = { walking: 1 };
    expect(checkInput('speeds', good).value).toBe(good);
  });

  it('timezone, text, functions, selected', () => {
    expect(checkInput('timezone', 'Mars/Base')).toMatchObject({ value: 'Asia/Shanghai', problem: expect.any(String) });
    expect(checkInput('timezone', 'Europe/Berlin')).toEqual({ value: 'Europe/Berlin' });
    expect(checkInput('src', 42)).toMatchObject({ value: null, problem: expect.any(String) });
    expect(checkInput('geocoder', 'https://x')).toMatchObject({ value: null, problem: expect.any(String) });
    expect(checkInput('selected', 7)).toEqual({ value: '7' });
    expect(checkInput('selected', {})).toMatchObject({ value: null, problem: expect.any(String) });
    expect(checkInput('basemap', {})).toMatchObject({ value: 'osm', problem: expect.any(String) });
    expect(checkInput('stations', 5)).toEqual({ value: 5 }); // no rule: the parser reports bad data
  });
});
