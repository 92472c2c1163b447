// Issue 22 item 7: a crs spelled "WGS84" read the data as WGS-84 but converted positions as GCJ-02
// (a worker at the station was told 550 m). Every converter now reads the same spellings.
import { describe, expect, it } from 'vitest';
import { fromWgs84, parseCrs, toWgs84 } from '../../../src/geo/crs/crs.js';
import { navigationLinks } from '../../../src/geo/route/navigation-links.js';
import type { Crs } from '../../../src/types.js';

const TAISHAN: [number, number] = [117.1, 36.2];

describe('parseCrs and the converters', () => {
  it('reads the usual spellings, any case', () => {
    const cases: Array<[string, Crs]> = [
      ['wgs84', 'wgs84'], ['WGS84', 'wgs84'], ['wgs-84', 'wgs84'], ['WGS 84', 'wgs84'], ['EPSG:4326', 'wgs84'], ['epsg4326', 'wgs84'],
      ['CGCS2000', 'wgs84'], ['GCJ02', 'gcj02'], ['GCJ-02', 'gcj02'], ['gcj_02', 'gcj02'], ['BD-09', 'bd09'], ['BD09', 'bd09'], ['bd09ll', 'bd09'],
    ];
    for (const [given, crs] of cases) expect(parseCrs(given), given).toBe(crs);
    for (const other of ['mars', '', 'EPSG:3857', 'constructor', '__proto__', 5, null]) expect(parseCrs(other)).toBeNull();
  });

  it('toWgs84/fromWgs84 convert a spelling exactly as its canonical name, and an unknown name not at all', () => {
    expect(toWgs84(TAISHAN, 'GCJ-02' as Crs)).toEqual(toWgs84(TAISHAN, 'gcj02'));
    expect(fromWgs84(TAISHAN, 'BD-09' as Crs)).toEqual(fromWgs84(TAISHAN, 'bd09'));
    expect(toWgs84(TAISHAN, 'WGS84' as Crs)).toEqual(TAISHAN);
    expect(toWgs84(TAISHAN, 'EPSG:4326' as Crs)).toEqual(TAISHAN);
    expect(toWgs84(TAISHAN, 'mars' as Crs)).toEqual(TAISHAN);
  });

  it('navigationLinks: a spelled crs is read as its datum', () => {
    const station = { type: 'Feature', id: 's', geometry: { type: 'Point', coordinates: TAISHAN }, properties: { name: 'S' } } as never;
    expect(navigationLinks(station, { crs: 'GCJ-02' as Crs })).toEqual(navigationLinks(station, { crs: 'gcj02' }));
  });
});
