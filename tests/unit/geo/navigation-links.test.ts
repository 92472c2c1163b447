import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../src/geo/crs/crs.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { navigationLinks } from '../../../src/geo/route/navigation-links.js';
import type { LngLat, Station } from '../../../src/types.js';

const NAME = '泰山红门 #3 工会驿站 & 休息点';
const WGS: LngLat = [117.1052, 36.1987];
const GCJ = fromWgs84(WGS, 'gcj02');
const station = (coordinates: LngLat, name = NAME): Station => ({
  type: 'Feature',
  id: 'TA-0391',
  properties: { name },
  geometry: { type: 'Point', coordinates },
});

function linkFor(app: string, links = navigationLinks(station(WGS))): URL {
  const link = links.find((l) => l.app === app);
  if (!link) throw new Error(`no ${app} link`);
  return new URL(link.url);
}

const numbers = (text: string | null) => (text ?? '').split(',').map(Number);

describe('navigationLinks', () => {
  it('offers the six apps in a stable order', () => {
    expect(navigationLinks(station(WGS)).map((l) => l.app)).toEqual([
      'amap',
      'baidu',
      'tencent',
      'apple',
      'google',
      'geo',
    ]);
  });

  it('gives Amap GCJ-02 coordinates, the name, mode and app', () => {
    const url = linkFor('amap');
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    const [lng, lat, ...rest] = (url.searchParams.get('to') ?? '').split(',');
    expect(Number(lng)).toBeCloseTo(GCJ[0], 6);
    expect(Number(lat)).toBeCloseTo(GCJ[1], 6);
    expect(rest.join(',')).toBe(NAME);
    expect(url.searchParams.get('mode')).toBe('walk');
    expect(url.searchParams.get('src')).toBe('station-map');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expect(url.searchParams.get('callnative')).toBe('1');
    // The conversion really moved the point (GCJ-02 is offset inside China).
    expect(haversineMeters(Number(lng), Number(lat), ...WGS)).toBeGreaterThan(100);
  });

  it('gives Baidu GCJ-02 coordinates and says so', () => {
    const url = linkFor('baidu');
    expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/direction');
    const match = /^latlng:([^,]+),([^|]+)\|name:(.*)$/.exec(url.searchParams.get('destination') ?? '');
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeCloseTo(GCJ[1], 6);
    expect(Number(match![2])).toBeCloseTo(GCJ[0], 6);
    expect(match![3]).toBe(NAME);
    expect(url.searchParams.get('coord_type')).toBe('gcj02');
    expect(url.searchParams.get('mode')).toBe('walking');
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('src')).toBe('station-map');
  });

  it('gives Tencent GCJ-02 coordinates and a referer', () => {
    const url = linkFor('tencent');
    expect(url.origin + url.pathname).toBe('https://apis.map.qq.com/uri/v1/routeplan');
    const [lat, lng] = numbers(url.searchParams.get('tocoord'));
    expect(lat).toBeCloseTo(GCJ[1], 6);
    expect(lng).toBeCloseTo(GCJ[0], 6);
    expect(url.searchParams.get('to')).toBe(NAME);
    expect(url.searchParams.get('type')).toBe('walk');
    expect(url.searchParams.get('referer')).toBe('station-map');
    const keyed = linkFor(
      'tencent',
      navigationLinks(station(WGS), { tencentKey: 'ABCDE-KEY', appName: 'my-app' }),
    );
    expect(keyed.searchParams.get('referer')).toBe('ABCDE-KEY');
  });

  it('gives Apple, Google and geo: the WGS-84 coordinates unchanged', () => {
    const apple = linkFor('apple');
    expect(apple.origin).toBe('https://maps.apple.com');
    expect(numbers(apple.searchParams.get('daddr'))).toEqual([WGS[1], WGS[0]]);
    expect(apple.searchParams.get('dirflg')).toBe('w');

    const google = linkFor('google');
    expect(google.origin + google.pathname).toBe('https://www.google.com/maps/dir/');
    expect(google.searchParams.get('api')).toBe('1');
    expect(numbers(google.searchParams.get('destination'))).toEqual([WGS[1], WGS[0]]);
    expect(google.searchParams.get('travelmode')).toBe('walking');

    const geo = navigationLinks(station(WGS)).find((l) => l.app === 'geo')!.url;
    const match = /^geo:([^,]+),([^?]+)\?q=([^,]+),([^(]+)\((.*)\)$/.exec(geo);
    expect(match).not.toBeNull();
    expect(match!.slice(1, 5).map(Number)).toEqual([WGS[1], WGS[0], WGS[1], WGS[0]]);
    expect(decodeURIComponent(match![5])).toBe(NAME);
  });

  it('keeps &, # and parentheses in names from breaking any URL', () => {
    const tricky = 'A&B #1 (东门) = 驿站?';
    const links = navigationLinks(station(WGS, tricky));
    for (const { url } of links) expect(url).not.toContain('#');
    expect(linkFor('amap', links).searchParams.get('to')?.split(',').slice(2).join(',')).toBe(tricky);
    expect(linkFor('tencent', links).searchParams.get('to')).toBe(tricky);
    expect(linkFor('amap', links).searchParams.get('mode')).toBe('walk');
    const geo = links.find((l) => l.app === 'geo')!.url;
    expect(decodeURIComponent(/\((.*)\)$/.exec(geo)![1])).toBe(tricky);
  });

  it('maps the travel mode per app', () => {
    const cycling = navigationLinks(station(WGS), { mode: 'cycling' });
    expect(linkFor('amap', cycling).searchParams.get('mode')).toBe('ride');
    expect(linkFor('baidu', cycling).searchParams.get('mode')).toBe('riding');
    expect(linkFor('tencent', cycling).searchParams.get('type')).toBe('bike');
    expect(linkFor('google', cycling).searchParams.get('travelmode')).toBe('bicycling');
    expect(linkFor('apple', cycling).searchParams.has('dirflg')).toBe(false);
    const driving = navigationLinks(station(WGS), { mode: 'driving' });
    expect(linkFor('amap', driving).searchParams.get('mode')).toBe('car');
    expect(linkFor('baidu', driving).searchParams.get('mode')).toBe('driving');
    expect(linkFor('tencent', driving).searchParams.get('type')).toBe('drive');
    expect(linkFor('apple', driving).searchParams.get('dirflg')).toBe('d');
    expect(linkFor('google', driving).searchParams.get('travelmode')).toBe('driving');
  });

  it('reads stations given in GCJ-02 or BD-09', () => {
    const fromGcj = navigationLinks(station(GCJ), { crs: 'gcj02' });
    expect(numbers(linkFor('tencent', fromGcj).searchParams.get('tocoord'))).toEqual([
      Number(GCJ[1].toFixed(6)),
      Number(GCJ[0].toFixed(6)),
    ]);
    const [lat, lng] = numbers(linkFor('google', fromGcj).searchParams.get('destination'));
    expect(haversineMeters(lng, lat, ...WGS)).toBeLessThan(1);

    const fromBd = navigationLinks(station(fromWgs84(WGS, 'bd09')), { crs: 'bd09' });
    const [bdLat, bdLng] = numbers(linkFor('apple', fromBd).searchParams.get('daddr'));
    expect(haversineMeters(bdLng, bdLat, ...WGS)).toBeLessThan(1);
  });

  it('uses appName and lang', () => {
    const links = navigationLinks(station(WGS), { appName: 'tai-an union', lang: 'zh-CN' });
    expect(linkFor('amap', links).searchParams.get('src')).toBe('tai-an union');
    expect(linkFor('baidu', links).searchParams.get('src')).toBe('tai-an union');
    expect(linkFor('google', links).searchParams.get('hl')).toBe('zh-CN');
  });

  it('returns no links for a station without a usable position', () => {
    const broken = { ...station(WGS), geometry: { type: 'Point', coordinates: [Number.NaN, 1] } } as Station;
    expect(navigationLinks(broken)).toEqual([]);
  });
});
