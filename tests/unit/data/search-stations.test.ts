import { describe, expect, it } from 'vitest';
import { searchStations } from '../../../src/data/search-stations.js';
import type { Station } from '../../../src/types.js';

function station(id: string, properties: Record<string, unknown>): Station {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: '', ...properties } } as Station;
}

const stations: Station[] = [
  station('JN-0001', { name: '泉城广场户外劳动者驿站', address: '济南市历下区泺源大街' }),
  station('JN-0002', { name: '红门工会驿站', 'name:en': 'Hongmen Union Station', address: '泰安市泰山区红门路' }),
  station('TA-0391', { name: '岱庙驿站', address: '红门路以南' }),
  station('JN-0004', { name: '历下区红门便民点', address: '济南市' }),
  station('X-1', { name: 'Red Gate', code: 'ABC-7' }),
];

describe('searchStations', () => {
  it('ranks code, name prefix, name contains, then address contains', () => {
    const found = searchStations(stations, '红门');
    expect(found.map((m) => [m.station.id, m.kind])).toEqual([
      ['JN-0002', 'name-prefix'],
      ['JN-0004', 'name'],
      ['TA-0391', 'address'],
    ]);
    expect(found[0].index).toBe(1);
  });

  it('finds a code exactly, ignoring full-width forms and case', () => {
    expect(searchStations(stations, 'ＴＡ－０３９１').map((m) => [m.station.id, m.kind])).toEqual([['TA-0391', 'code']]);
    expect(searchStations(stations, 'abc-7')[0]).toMatchObject({ index: 4, kind: 'code' });
    // Part of a code is not a code match (nor in any name or address here).
    expect(searchStations(stations, 'TA-03')).toEqual([]);
  });

  it('matches names in other languages, case-insensitively', () => {
    expect(searchStations(stations, 'HONGMEN').map((m) => m.station.id)).toEqual(['JN-0002']);
    expect(searchStations(stations, 'union')[0].kind).toBe('name');
  });

  it('honours limit and accept, and finds nothing for an empty query', () => {
    expect(searchStations(stations, '驿站', { limit: 2 })).toHaveLength(2);
    expect(searchStations(stations, '红门', { accept: (i) => i !== 1 }).map((m) => m.station.id)).toEqual(['JN-0004', 'TA-0391']);
    expect(searchStations(stations, '   ')).toEqual([]);
    expect(searchStations(stations, '驿站', { limit: 0 })).toEqual([]);
  });

  it('puts shorter names first within a rank', () => {
    const found = searchStations(stations, '驿站');
    expect(found.map((m) => m.station.id)).toEqual(['TA-0391', 'JN-0002', 'JN-0001']);
  });

  it('copes with stations lacking a name or properties and searches 100k stations', () => {
    const odd = [station('A', {}), { ...station('B', {}), properties: null } as unknown as Station];
    expect(searchStations(odd, 'b')[0]).toMatchObject({ index: 1, kind: 'code' });
    const many = Array.from({ length: 100_000 }, (_, i) => station(`S-${i}`, { name: `驿站 ${i}`, address: `路 ${i % 97}` }));
    expect(searchStations(many, 's-99999')[0].index).toBe(99_999);
    expect(searchStations(many, '驿站 4242').map((m) => m.index)).toEqual([4242, 42420, 42421, 42422, 42423, 42424, 42425, 42426, 42427, 42428]);
  });
});
