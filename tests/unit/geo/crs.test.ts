import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { fromWgs84, isCrs, toWgs84 } from '../../../src/geo/crs/crs.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { createRandom } from './seeded-random.js';

describe('coordinate systems', () => {
  it('GCJ-02 shifts Chinese positions by a few hundred metres, and BD-09 further', () => {
    const wgs: [number, number] = [117.1268, 36.1937]; // 岱庙
    const gcj = fromWgs84(wgs, 'gcj02');
    const bd = fromWgs84(wgs, 'bd09');
    const gcjShift = haversineMeters(...wgs, ...gcj);
    expect(gcjShift).toBeGreaterThan(100);
    expect(gcjShift).toBeLessThan(700);
    expect(haversineMeters(...gcj, ...bd)).toBeGreaterThan(300);
  });

  it('round-trips WGS-84 → GCJ-02/BD-09 → WGS-84 within 1 m all over China (iterative inverse)', () => {
    const random = createRandom(42);
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [74 + random() * 60, 19 + random() * 34];
      for (const crs of ['gcj02', 'bd09'] as const) {
        const back = toWgs84(fromWgs84(p, crs), crs);
        worst = Math.max(worst, haversineMeters(...p, ...back));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it('matches a published reference point (Tiananmen, Amap GCJ-02 vs GPS)', () => {
    // GPS 116.391248, 39.907501 is shown by Amap at about 116.397477, 39.908692.
    const gcj = fromWgs84([116.391248, 39.907501], 'gcj02');
    expect(haversineMeters(...gcj, 116.397477, 39.908692)).toBeLessThan(30);
  });

  it('leaves positions outside China unchanged in GCJ-02', () => {
    expect(fromWgs84([13.405, 52.52], 'gcj02')).toEqual([13.405, 52.52]);
    expect(toWgs84([-74.006, 40.7128], 'gcj02')).toEqual([-74.006, 40.7128]);
  });

  it('wgs84 is the identity and isCrs knows the three names', () => {
    expect(toWgs84([117, 36], 'wgs84')).toEqual([117, 36]);
    expect(['wgs84', 'gcj02', 'bd09', 'WGS84', 'epsg:4326', null].map(isCrs)).toEqual([true, true, true, false, false, false]);
  });

  it('gives the same numbers as gcoord, the library it replaces to keep the bundle small', () => {
    const random = createRandom(7);
    const system = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
    for (let i = 0; i < 1000; i++) {
      // China and a margin around its box, where the transforms switch on and off.
      const p: [number, number] = [60 + random() * 90, -5 + random() * 70];
      for (const crs of ['gcj02', 'bd09'] as const) {
        expect(fromWgs84(p, crs)).toEqual(gcoord.transform([...p], gcoord.WGS84, system[crs]));
        expect(toWgs84(p, crs)).toEqual(gcoord.transform([...p], system[crs], gcoord.WGS84));
      }
    }
  });

  it('returns a copy and never throws on NaN or infinite input', () => {
    const p: [number, number] = [117, 36];
    expect(toWgs84(p, 'gcj02')).not.toBe(p);
    expect(toWgs84([Number.NaN, 36], 'bd09')).toEqual([Number.NaN, 36]);
    expect(fromWgs84([117, Infinity], 'gcj02')).toEqual([117, Infinity]);
  });
});
