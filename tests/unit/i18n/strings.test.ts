import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import type { UiStrings } from '../../../src/i18n/strings.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { zhTW } from '../../../src/i18n/zh-TW.js';

const TABLES: Array<[string, UiStrings]> = [
  ['zh-CN', zhCN],
  ['zh-TW', zhTW],
  ['en', en],
];

describe.each(TABLES)('%s strings', (_lang, s) => {
  it('has a non-empty text for every function, whatever the arguments', () => {
    const outputs = [
      s.accuracy('30 m'),
      s.distanceAway('850 m'),
      s.actions.call('0538-1234567'),
      s.stationsLoaded(396, 4),
      s.stationsLoaded(1, 0),
      s.hours.closesAt('20:00'),
      s.hours.opensAt('08:00'),
      s.hours.opensAt('08:00', { weekday: 6, inDays: 5 }),
      s.routeSummary('1.2 km', '16 min', 'walking'),
      s.routeSummary('1.2 km', '5 min', 'cycling'),
      s.coverage.label(15),
      s.coverage.coveredShare(73),
      s.errors['fetch-failed'](),
      s.errors['fetch-failed']({ status: 404 }),
      s.errors['invalid-geojson'](),
      s.errors['invalid-features']({ skipped: 4 }),
      s.errors['invalid-features']({ skipped: 4, total: 400 }),
      s.errors['geolocation-denied'](),
      s.errors['geolocation-unavailable'](),
      s.errors['geolocation-unavailable']({ insecure: true }),
      s.errors['route-failed'](),
      s.errors['tiles-failed']({ provider: 'osm' }),
      s.errors['basemap-key-missing']({ provider: 'tianditu' }),
    ];
    for (const text of outputs) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('puts the arguments into the text', () => {
    expect(s.stationsLoaded(396, 4)).toMatch(/396.*4/);
    expect(s.stationsLoaded(396, 0)).toContain('396');
    expect(s.stationsLoaded(396, 0)).not.toContain('0');
    expect(s.hours.closesAt('20:00')).toContain('20:00');
    expect(s.hours.opensAt('08:00', { weekday: 6, inDays: 5 })).toContain(s.weekdays[6]);
    expect(s.errors['fetch-failed']({ status: 404 })).toContain('404');
    expect(s.errors['invalid-features']({ skipped: 4, total: 400 })).toMatch(/4.*400|400.*4/);
    expect(s.actions.call('0538-1234567')).toContain('0538-1234567');
    expect(s.coverage.label(15)).toContain('15');
    expect(s.routeSummary('1.2 km', '16 min', 'cycling')).toContain(s.travelModes.cycling);
  });

  it('tells an insecure page apart from a plain failure', () => {
    expect(s.errors['geolocation-unavailable']({ insecure: true })).toContain('HTTPS');
    expect(s.errors['geolocation-unavailable']()).not.toContain('HTTPS');
  });

  it('names Tianditu when its key is missing', () => {
    expect(s.errors['basemap-key-missing']({ provider: 'tianditu' })).toMatch(/天地图|天地圖|Tianditu/);
  });

  it('has seven distinct weekday names', () => {
    expect(new Set(s.weekdays).size).toBe(7);
  });
});

describe('language specifics', () => {
  it('matches the station counter wording', () => {
    expect(zhCN.stationsLoaded(396, 4)).toBe('396 个站点 · 4 个跳过');
    expect(zhTW.stationsLoaded(396, 4)).toBe('396 個站點 · 4 個略過');
    expect(en.stationsLoaded(396, 4)).toBe('396 stations · 4 skipped');
    expect(en.stationsLoaded(1, 0)).toBe('1 station');
  });

  it('says the straight-line distance is not a road route', () => {
    expect(zhCN.straightLineDistance).toContain('直线');
    expect(zhTW.straightLineDistance).toContain('直線');
    expect(en.straightLineDistance).toMatch(/straight-line.*not/i);
    expect(en.routeKinds.straight).toMatch(/not a road/);
  });

  it('names the navigation apps as users know them', () => {
    expect(zhCN.navigationApps).toEqual({
      amap: '高德地图',
      baidu: '百度地图',
      tencent: '腾讯地图',
      apple: 'Apple 地图',
      google: 'Google 地图',
      geo: '其他地图应用',
    });
    expect(zhTW.navigationApps.amap).toBe('高德地圖');
  });

  it('uses Traditional characters in zh-TW for every service and type', () => {
    // Simplified-only characters that must not appear in a Traditional table.
    const simplifiedOnly = /[饮热饭维疗应药费图书网络厕驿职户劳务电换发伞机车门妈爱]/;
    for (const text of [...Object.values(zhTW.services), ...Object.values(zhTW.stationTypes)]) {
      expect(text, text).not.toMatch(simplifiedOnly);
    }
  });
});
