import { describe, expect, it } from 'vitest';
import { readStationHash, stationLink, writeStationHash } from '../../../src/ui/station-link.js';

describe('station links', () => {
  it('reads #station=ID, alone or among other parameters, and nothing else', () => {
    expect(readStationHash('#station=TA-0001')).toBe('TA-0001');
    expect(readStationHash('#zoom=3&station=%E6%B3%B0%201')).toBe('泰 1');
    expect(readStationHash('#station=')).toBeNull();
    expect(readStationHash('#top')).toBeNull();
    expect(readStationHash('')).toBeNull();
  });

  it('writes the station parameter and keeps the page’s own ones', () => {
    expect(writeStationHash('', 'TA-1')).toBe('#station=TA-1');
    expect(writeStationHash('#zoom=3', 'A&B')).toBe('#zoom=3&station=A%26B');
    expect(writeStationHash('#zoom=3&station=X', null)).toBe('#zoom=3');
    expect(writeStationHash('#station=X', null)).toBe('');
    expect(writeStationHash('', 'A 1+2')).toBe('#station=A%201%2B2');
    expect(readStationHash(writeStationHash('', '站点 #1 & 2+3'))).toBe('站点 #1 & 2+3');
  });

  it('links to the page with #station=ID, or fills a share-url template with the encoded id', () => {
    expect(stationLink('TA-1', { pageUrl: 'https://a.cn/map?x=1#top' })).toBe('https://a.cn/map?x=1#station=TA-1');
    expect(stationLink('泰 1/2', { template: 'https://union.example/map?station={id}', pageUrl: 'https://a.cn/' })).toBe(
      'https://union.example/map?station=%E6%B3%B0%201%2F2',
    );
    expect(stationLink('A&B', { template: '/s/{id}?again={id}', pageUrl: 'https://a.cn/map' })).toBe('https://a.cn/s/A%26B?again=A%26B');
    // A template that is not an http(s) link is ignored.
    expect(stationLink('X', { template: 'javascript:alert({id})', pageUrl: 'https://a.cn/m' })).toBe('https://a.cn/m#station=X');
  });
});
