import { describe, expect, it } from 'vitest';
import { createStationFilter, normalizeText } from '../../../src/data/filter-stations.js';
import { parseStations } from '../../../src/data/parse-stations.js';
import type { Station, StationProperties } from '../../../src/types.js';

function station(id: string, properties: StationProperties): Station {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [117.13, 36.21] }, properties };
}

const STATIONS: Station[] = [
  station('TA-0391', {
    name: '泰山区红门工会驿站',
    'name:en': 'Hongmen Union Station',
    type: 'union-station',
    address: '泰安市泰山区红门路',
    hours: '24小时',
    services: ['water', 'hot-water', 'rest', 'charging'],
  }),
  station('TA-0392', {
    name: '泰山中天门户外劳动者服务站',
    type: 'outdoor-worker-station',
    address: '泰山中天门索道站北',
    hours: '06:00-20:00',
    services: ['water', 'rest', 'medicine'],
  }),
  station('TA-0620', {
    name: '泰安站爱心妈咪小屋',
    type: 'mommy-room',
    hours: 'Mo-Fr 08:00-18:00',
    services: ['nursing', 'water'],
  }),
  station('TA-0902', {
    name: '财源街道环卫工人休息点',
    type: 'sanitation-rest-point',
    hours: '请电话咨询',
    services: ['water', 'microwave'],
  }),
  station('TA-1001', { name: '无类型的驿站' }),
];

function ids(filter: Parameters<typeof createStationFilter>[0], options?: Parameters<typeof createStationFilter>[1]) {
  const keep = createStationFilter(filter, options);
  return (keep ? STATIONS.filter(keep) : STATIONS).map((s) => s.id);
}

describe('normalizeText', () => {
  it('folds full width, case, dashes and spaces', () => {
    expect(normalizeText('  ＴＡ－０３９１　红门  驿站 ')).toBe('ta-0391 红门 驿站');
    expect(normalizeText('TA—0391')).toBe('ta-0391');
    expect(normalizeText('Hongmen\tUNION')).toBe('hongmen union');
  });
});

describe('createStationFilter', () => {
  it('returns null when nothing is filtered', () => {
    expect(createStationFilter(undefined)).toBeNull();
    expect(createStationFilter({})).toBeNull();
    expect(createStationFilter({ types: [], services: [], text: '   ', openNow: false })).toBeNull();
  });

  it('keeps listed types, and counts missing or unknown types as "other"', () => {
    expect(ids({ types: ['mommy-room', 'union-station'] })).toEqual(['TA-0391', 'TA-0620']);
    expect(ids({ types: ['other'] })).toEqual(['TA-0902', 'TA-1001']);
    expect(ids({ types: ['sanitation-rest-point'] })).toEqual(['TA-0902']);
    expect(ids({ types: 'mommy-room' as unknown as string[] })).toEqual(['TA-0620']);
  });

  it('keeps stations offering every listed service', () => {
    expect(ids({ services: ['water', 'rest'] })).toEqual(['TA-0391', 'TA-0392']);
    expect(ids({ services: ['medicine'] })).toEqual(['TA-0392']);
    expect(ids({ services: ['haircut'] })).toEqual([]);
  });

  it('matches text in name, any name:<lang>, address and id, ignoring case and width', () => {
    expect(ids({ text: 'ｔａ－０３９１' })).toEqual(['TA-0391']);
    expect(ids({ text: 'ta-06' })).toEqual(['TA-0620']);
    expect(ids({ text: 'HONGMEN union' })).toEqual(['TA-0391']);
    expect(ids({ text: '中天门' })).toEqual(['TA-0392']);
    expect(ids({ text: '红门路' })).toEqual(['TA-0391']);
    expect(ids({ text: '泰山' })).toEqual(['TA-0391', 'TA-0392']);
    expect(ids({ text: '不存在' })).toEqual([]);
  });

  it('does not match text across two fields', () => {
    // name ends with 驿站, the address starts with 泰安市: no station is called "驿站泰安".
    expect(ids({ text: '驿站 泰安' })).toEqual([]);
  });

  it('keeps only stations open now, dropping unknown hours', () => {
    // Monday 2024-05-06 at 12:00 and at 21:00, Saturday at 12:00, in Shanghai.
    expect(ids({ openNow: true }, { now: new Date('2024-05-06T12:00:00+08:00') })).toEqual([
      'TA-0391',
      'TA-0392',
      'TA-0620',
    ]);
    expect(ids({ openNow: true }, { now: new Date('2024-05-06T21:00:00+08:00') })).toEqual(['TA-0391']);
    expect(ids({ openNow: true }, { now: new Date('2024-05-04T12:00:00+08:00') })).toEqual(['TA-0391', 'TA-0392']);
  });

  it('judges open now in the given time zone, not the viewer clock', () => {
    // 04:00 UTC is 12:00 in Shanghai but 05:00 in London.
    const now = new Date('2024-05-06T04:00:00Z');
    expect(ids({ openNow: true }, { now, timezone: 'Asia/Shanghai' })).toContain('TA-0392');
    expect(ids({ openNow: true }, { now, timezone: 'Europe/London' })).toEqual(['TA-0391']);
  });

  it('combines criteria', () => {
    expect(ids({ types: ['union-station', 'outdoor-worker-station'], services: ['medicine'], text: '泰山' })).toEqual([
      'TA-0392',
    ]);
  });

  it('filters 100,000 stations repeatedly with the same answers (speed is measured by npm run bench)', () => {
    const features = Array.from({ length: 100_000 }, (_, i) => ({
      type: 'Feature',
      id: `TA-${i}`,
      geometry: { type: 'Point', coordinates: [117 + (i % 100) / 1000, 36 + (i % 97) / 1000] },
      properties: { name: `泰山区第${i}号工会驿站`, address: `泰安市泰山区红门路${i}号`, type: 'union-station' },
    }));
    const { stations } = parseStations(features);
    expect(stations.filter(createStationFilter({ text: '第4242号' })!)).toHaveLength(1);
    // Second pass runs on the cached normalized text: full-width digits and case still match.
    expect(stations.filter(createStationFilter({ text: '第４２４２号' })!)).toHaveLength(1);
    expect(stations.filter(createStationFilter({ text: 'ta-99999' })!).map((s) => s.id)).toEqual(['TA-99999']);
  });
});
