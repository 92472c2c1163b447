import { describe, expect, it } from 'vitest';
import type { OpenStatus } from '../../../src/hours/is-open.js';
import { en } from '../../../src/i18n/en.js';
import {
  formatDistance,
  formatDuration,
  formatOpenStatus,
  serviceLabel,
  stationName,
  typeLabel,
} from '../../../src/i18n/format.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { zhTW } from '../../../src/i18n/zh-TW.js';
import type { Station, StationProperties } from '../../../src/types.js';

const makeStation = (properties: StationProperties): Station => ({
  type: 'Feature',
  id: 'TA-0391',
  geometry: { type: 'Point', coordinates: [117.1, 36.2] },
  properties,
});

describe('formatDistance', () => {
  it.each([
    [847, 'zh-CN', '850 米'],
    [850, 'zh-TW', '850 公尺'],
    [850, 'en', '850 m'],
    [0, 'zh-CN', '0 米'],
    [3, 'en', '10 m'],
    [994, 'en', '990 m'],
    [996, 'en', '1.0 km'],
    [1234, 'zh-CN', '1.2 公里'],
    [1234, 'zh-TW', '1.2 公里'],
    [1234, 'en', '1.2 km'],
    [1250, 'en', '1.3 km'],
    [9940, 'en', '9.9 km'],
    [9960, 'en', '10 km'],
    [12_600, 'zh-CN', '13 公里'],
    [-5, 'en', '0 m'],
    [Number.NaN, 'en', '–'],
    [Number.POSITIVE_INFINITY, 'zh-CN', '–'],
  ] as const)('%d m in %s → %s', (meters, lang, expected) => {
    expect(formatDistance(meters, lang)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [720, 'zh-CN', '12 分钟'],
    [720, 'zh-TW', '12 分鐘'],
    [720, 'en', '12 min'],
    [3900, 'zh-CN', '1 小时 5 分钟'],
    [3900, 'zh-TW', '1 小時 5 分鐘'],
    [3900, 'en', '1 h 5 min'],
    [3600, 'zh-CN', '1 小时'],
    [3600, 'en', '1 h'],
    [20, 'en', '1 min'],
    [0, 'en', '0 min'],
    [89, 'en', '1 min'],
    [91, 'en', '2 min'],
    [3599, 'en', '1 h'],
    [7200 + 59 * 60, 'zh-CN', '2 小时 59 分钟'],
    [Number.NaN, 'en', '–'],
  ] as const)('%d s in %s → %s', (seconds, lang, expected) => {
    expect(formatDuration(seconds, lang)).toBe(expected);
  });
});

describe('stationName', () => {
  const station = makeStation({
    name: '岱庙工会驿站',
    'name:en': 'Daimiao Union Station',
    'name:zh-Hant': '岱廟工會驛站',
  });

  it.each([
    ['zh-CN', '岱庙工会驿站'],
    ['zh-TW', '岱廟工會驛站'],
    ['en', 'Daimiao Union Station'],
  ] as const)('%s → %s', (lang, expected) => {
    expect(stationName(station, lang)).toBe(expected);
  });

  it('falls back to name when there is no name for the language', () => {
    const plain = makeStation({ name: '红门驿站' });
    expect(stationName(plain, 'en')).toBe('红门驿站');
    expect(stationName(plain, 'zh-TW')).toBe('红门驿站');
  });

  it('uses name:zh-TW and name:zh-Hans / name:zh-CN / name:zh', () => {
    expect(stationName(makeStation({ name: 'A', 'name:zh-TW': '臺' }), 'zh-TW')).toBe('臺');
    expect(stationName(makeStation({ name: '臺北站', 'name:zh-Hans': '台北站' }), 'zh-CN')).toBe('台北站');
    expect(stationName(makeStation({ name: 'Station', 'name:zh-CN': '站' }), 'zh-CN')).toBe('站');
    expect(stationName(makeStation({ name: 'Station', 'name:zh': '站' }), 'zh-CN')).toBe('站');
  });

  it('ignores empty or non-string localized names', () => {
    expect(stationName(makeStation({ name: '红门驿站', 'name:en': '  ' }), 'en')).toBe('红门驿站');
    expect(stationName(makeStation({ name: '红门驿站', 'name:en': 42 }), 'en')).toBe('红门驿站');
  });
});

describe('typeLabel', () => {
  it.each([
    ['union-station', zhCN, '工会驿站'],
    ['outdoor-worker-station', zhCN, '户外劳动者服务站'],
    ['service-center', zhCN, '职工服务中心'],
    ['mommy-room', zhCN, '爱心妈咪小屋'],
    ['driver-home', zhCN, '司机之家'],
    ['reading-room', zhCN, '职工书屋'],
    ['driver-home', zhTW, '司機之家'],
    ['driver-home', en, 'Drivers’ home'],
    ['canteen', zhCN, '其他'],
    [undefined, en, 'Other'],
    ['toString', zhCN, '其他'],
    ['__proto__', zhCN, '其他'],
  ])('%j → %s', (type, strings, expected) => {
    expect(typeLabel(type, strings)).toBe(expected);
  });
});

describe('serviceLabel', () => {
  it.each([
    ['battery-swap', zhCN, '电瓶车换电'],
    ['donations', zhCN, '爱心互献'],
    ['medicine', zhCN, '应急药品'],
    ['water', zhCN, '饮水'],
    ['wifi', zhTW, '無線網路'],
    ['air-conditioning', zhTW, '冷氣'],
    ['hot-water', en, 'Hot water'],
    ['洗衣', zhCN, '洗衣'],
    ['toString', en, 'toString'],
    ['constructor', zhCN, 'constructor'],
  ])('%s → %s', (service, strings, expected) => {
    expect(serviceLabel(service, strings)).toBe(expected);
  });
});

describe('formatOpenStatus', () => {
  it.each<[OpenStatus, typeof zhCN, string]>([
    [{ state: 'open', closesAt: '20:00' }, zhCN, '开放中 · 20:00 关闭'],
    [{ state: 'open', closesAt: '20:00' }, en, 'Open now · closes at 20:00'],
    [{ state: 'closed', opensAt: '08:00' }, zhCN, '已关闭 · 08:00 开放'],
    [{ state: 'closed', opensAt: '08:00', opensDay: 1, opensInDays: 1 }, zhCN, '已关闭 · 明天 08:00 开放'],
    [{ state: 'closed', opensAt: '08:00', opensDay: 0, opensInDays: 2 }, zhCN, '已关闭 · 周一 08:00 开放'],
    [{ state: 'closed', opensAt: '08:00', opensDay: 0, opensInDays: 2 }, zhTW, '已關閉 · 週一 08:00 開放'],
    [{ state: 'closed', opensAt: '08:00', opensDay: 0, opensInDays: 3 }, en, 'Closed · opens Monday at 08:00'],
    [{ state: 'closed', opensAt: '08:00', opensDay: 1, opensInDays: 1 }, en, 'Closed · opens tomorrow at 08:00'],
    [{ state: 'closed' }, en, 'Closed'],
    [{ state: 'always' }, zhCN, '24 小时开放'],
    [{ state: 'always' }, en, 'Open 24 hours'],
    [{ state: 'unknown' }, zhCN, '开放时间未知'],
    [{ state: 'unknown' }, zhTW, '開放時間未知'],
  ])('%j', (status, strings, expected) => {
    expect(formatOpenStatus(status, strings)).toBe(expected);
  });
});
