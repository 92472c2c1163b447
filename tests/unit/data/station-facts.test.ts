import { describe, expect, it } from 'vitest';
import { fillIdTemplate, isStatusOpen, readEntry, readPhotos, readStationStatus } from '../../../src/data/station-facts.js';
import { createStationFilter } from '../../../src/data/filter-stations.js';
import type { Station } from '../../../src/types.js';

const station = (properties: Record<string, unknown>): Station =>
  ({ type: 'Feature', id: 'S1', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: '驿站', ...properties } }) as Station;

describe('status', () => {
  it.each([
    ['open', 'open'],
    ['正常开放', 'open'],
    ['closed-temporarily', 'closed-temporarily'],
    ['暂停开放', 'closed-temporarily'],
    ['暫停開放', 'closed-temporarily'],
    [' maintenance ', 'maintenance'],
    ['维修中', 'maintenance'],
    ['Under maintenance', 'maintenance'],
  ])('%s → %s', (value, expected) => {
    expect(readStationStatus(value)).toBe(expected);
  });

  it('is open unless stated otherwise; an unknown stated word is not open', () => {
    expect(isStatusOpen(undefined)).toBe(true);
    expect(isStatusOpen('')).toBe(true);
    expect(isStatusOpen(42)).toBe(true);
    expect(isStatusOpen('open')).toBe(true);
    expect(isStatusOpen('maintenance')).toBe(false);
    expect(isStatusOpen('暂停使用至6月')).toBe(false);
  });

  it('"open now" is false for a station closed temporarily or in maintenance, whatever its hours', () => {
    const filter = createStationFilter({ openNow: true }, { now: new Date('2025-10-13T10:00:00+08:00') })!;
    expect(filter(station({ hours: '24/7' }))).toBe(true);
    expect(filter(station({ hours: '24/7', status: 'open' }))).toBe(true);
    expect(filter(station({ hours: '24/7', status: 'closed-temporarily' }))).toBe(false);
    expect(filter(station({ hours: '24/7', status: 'maintenance' }))).toBe(false);
    expect(filter(station({ hours: '24/7', status: '维修中' }))).toBe(false);
  });
});

describe('photos', () => {
  it('keeps http and https URLs in order, resolves relative ones, drops the rest', () => {
    expect(
      readPhotos(['https://a.example/1.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'img/2.jpg', 7, '', 'http://b.example/3.png'], 'https://union.example/map/'),
    ).toEqual(['https://a.example/1.jpg', 'https://union.example/map/img/2.jpg', 'http://b.example/3.png']);
    expect(readPhotos('https://a.example/1.jpg')).toEqual(['https://a.example/1.jpg']);
    expect(readPhotos('img/2.jpg')).toEqual([]); // relative, with no page to resolve against
    expect(readPhotos({ url: 'x' })).toEqual([]);
  });
});

describe('entry', () => {
  it('is trimmed text or nothing', () => {
    expect(readEntry(' 扫码开门 ')).toBe('扫码开门');
    expect(readEntry('  ')).toBeUndefined();
    expect(readEntry(['免费'])).toBeUndefined();
  });
});

describe('feedback-url template', () => {
  it('puts the URL-encoded id in place of every {id}', () => {
    expect(fillIdTemplate('https://union.example/report?station={id}&back={id}', 'TA 1/2&x')).toBe(
      'https://union.example/report?station=TA%201%2F2%26x&back=TA%201%2F2%26x',
    );
    expect(fillIdTemplate('/report/{id}', 'TA-1', 'https://union.example/map/')).toBe('https://union.example/report/TA-1');
  });

  it('gives nothing for other protocols or no template', () => {
    expect(fillIdTemplate('javascript:alert({id})', 'x')).toBeUndefined();
    expect(fillIdTemplate('mailto:a@b.c?subject={id}', 'x')).toBeUndefined();
    expect(fillIdTemplate('', 'x')).toBeUndefined();
    expect(fillIdTemplate(null, 'x')).toBeUndefined();
    expect(fillIdTemplate('not a url {id}', 'x')).toBeUndefined();
  });
});
