import { describe, expect, it } from 'vitest';
import { columnsBBox, toStationColumns } from '../../../src/data/station-columns.js';
import { fromWgs84 } from '../../../src/geo/crs/crs.js';
import type { LngLat, Station } from '../../../src/types.js';

function station(id: string, coordinates: number[]): Station {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: { name: id } };
}

const HONGMEN: LngLat = [117.1306, 36.2117];
const NANTIANMEN: LngLat = [117.1004, 36.255];

describe('toStationColumns', () => {
  it('copies WGS-84 coordinates unchanged, in station order, dropping altitude', () => {
    const { lng, lat } = toStationColumns([station('TA-0391', [...HONGMEN, 160]), station('TA-0401', NANTIANMEN)]);
    expect(lng).toBeInstanceOf(Float64Array);
    expect(Array.from(lng)).toEqual([117.1306, 117.1004]);
    expect(Array.from(lat)).toEqual([36.2117, 36.255]);
  });

  it('converts GCJ-02 and BD-09 data back to WGS-84 (within a metre)', () => {
    for (const crs of ['gcj02', 'bd09'] as const) {
      const shifted = fromWgs84(HONGMEN, crs);
      expect(Math.abs(shifted[0] - HONGMEN[0]) + Math.abs(shifted[1] - HONGMEN[1])).toBeGreaterThan(0.003);
      const { lng, lat } = toStationColumns([station('TA-0391', shifted)], crs);
      expect(lng[0]).toBeCloseTo(HONGMEN[0], 5);
      expect(lat[0]).toBeCloseTo(HONGMEN[1], 5);
    }
  });

  it('does not touch the stations', () => {
    const s = station('TA-0391', [...HONGMEN]);
    toStationColumns([s], 'gcj02');
    expect(s.geometry.coordinates).toEqual(HONGMEN);
  });

  it('gives empty columns for no stations', () => {
    expect(toStationColumns([]).lng).toHaveLength(0);
  });
});

describe('columnsBBox', () => {
  it('returns [west, south, east, north]', () => {
    const { lng, lat } = toStationColumns([
      station('a', HONGMEN),
      station('b', NANTIANMEN),
      station('c', [117.0898, 36.1767]),
    ]);
    expect(columnsBBox(lng, lat)).toEqual([117.0898, 36.1767, 117.1306, 36.255]);
  });

  it('is a point box for one station and null for none', () => {
    expect(columnsBBox(new Float64Array([117.1]), new Float64Array([36.2]))).toEqual([117.1, 36.2, 117.1, 36.2]);
    expect(columnsBBox(new Float64Array(0), new Float64Array(0))).toBeNull();
  });
});
