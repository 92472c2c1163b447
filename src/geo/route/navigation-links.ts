/**
 * Hand-off links that open a station in the navigation apps workers already
 * have, each given coordinates in the system that app expects.
 */
import type { Crs, LngLat, NavigationApp, NavigationLink, Station, TravelMode } from '../../types.js';
import { fromWgs84, parseCrs, toWgs84 } from '../crs/crs.js';
import { isLngLat } from '../sphere/position.js';

/** Options of {@link navigationLinks}. */
export interface NavigationLinkOptions {
  /** Coordinate system of the station's coordinates; default `wgs84`. */
  crs?: Crs;
  /** Travel mode asked of each app; default `walking`. */
  mode?: TravelMode;
  /** Names the calling app to Amap and Baidu (`src`) and, without a key, Tencent (`referer`); default `station-map`. */
  appName?: string;
  /** Tencent developer key for `referer`; Tencent's URI API expects one. */
  tencentKey?: string;
  /** UI language (BCP 47) passed to Google Maps as `hl`; the Chinese apps have no such parameter. */
  lang?: string;
}

const AMAP_MODES: Record<TravelMode, string> = { walking: 'walk', cycling: 'ride', driving: 'car' };
const BAIDU_MODES: Record<TravelMode, string> = { walking: 'walking', cycling: 'riding', driving: 'driving' };
const TENCENT_MODES: Record<TravelMode, string> = { walking: 'walk', cycling: 'bike', driving: 'drive' };
const GOOGLE_MODES: Record<TravelMode, string> = {
  walking: 'walking',
  cycling: 'bicycling',
  driving: 'driving',
};
/** Apple's `dirflg` has no cycling value; without one Apple Maps uses the rider's own default. */
const APPLE_MODES: Record<TravelMode, string | undefined> = {
  walking: 'w',
  cycling: undefined,
  driving: 'd',
};

/**
 * Links for Amap (高德), Baidu, Tencent, Apple Maps, Google Maps and a `geo:`
 * URI, in that order, leading to `station`. Amap, Tencent and Baidu get
 * GCJ-02 coordinates (Baidu told so with `coord_type=gcj02`, which spares a
 * second conversion to BD-09); Apple, Google and `geo:` get WGS-84. The
 * station's name is the destination label. Returns no links when the station
 * has no usable position.
 *
 * @example
 * navigationLinks(station, { mode: 'cycling' }).find((l) => l.app === 'amap')?.url
 * // → 'https://uri.amap.com/navigation?to=117.105,36.198,%E6%B3%B0…&mode=ride&src=station-map&coordinate=gaode&callnative=1'
 */
export function navigationLinks(station: Station, options: NavigationLinkOptions = {}): NavigationLink[] {
  const position = station?.geometry?.coordinates;
  if (!isLngLat(position)) return [];
  const crs = parseCrs(options.crs) ?? 'wgs84';
  // An unknown mode would put `mode=undefined` (or an object's text) into every link.
  const mode: TravelMode = Object.prototype.hasOwnProperty.call(AMAP_MODES, options.mode ?? '') ? options.mode! : 'walking';
  const app = options.appName ?? 'station-map';
  const given: LngLat = [position[0], position[1]];
  const wgs84 = toWgs84(given, crs);
  // Reuse given GCJ-02 coordinates as they are: a round trip through WGS-84 adds error.
  const gcj02 = crs === 'gcj02' ? given : fromWgs84(wgs84, 'gcj02');
  const rawName = station.properties?.name;
  const label = encodeLabel(
    typeof rawName === 'string' && rawName.trim() !== '' ? rawName : String(station.id ?? ''),
  );
  const [wgsLng, wgsLat] = wgs84.map(formatDegrees);
  const [gcjLng, gcjLat] = gcj02.map(formatDegrees);
  const appParam = encodeLabel(app);

  const apple = APPLE_MODES[mode];
  const links: Array<[NavigationApp, string]> = [
    [
      'amap',
      `https://uri.amap.com/navigation?to=${gcjLng},${gcjLat},${label}&mode=${AMAP_MODES[mode]}` +
        `&src=${appParam}&coordinate=gaode&callnative=1`,
    ],
    [
      'baidu',
      `https://api.map.baidu.com/direction?destination=latlng:${gcjLat},${gcjLng}|name:${label}` +
        `&mode=${BAIDU_MODES[mode]}&coord_type=gcj02&output=html&src=${appParam}`,
    ],
    [
      'tencent',
      `https://apis.map.qq.com/uri/v1/routeplan?type=${TENCENT_MODES[mode]}&to=${label}` +
        `&tocoord=${gcjLat},${gcjLng}&referer=${encodeLabel(options.tencentKey ?? app)}`,
    ],
    ['apple', `https://maps.apple.com/?daddr=${wgsLat},${wgsLng}${apple ? `&dirflg=${apple}` : ''}`],
    [
      'google',
      `https://www.google.com/maps/dir/?api=1&destination=${wgsLat},${wgsLng}&travelmode=${GOOGLE_MODES[mode]}` +
        (options.lang ? `&hl=${encodeLabel(options.lang)}` : ''),
    ],
    ['geo', `geo:${wgsLat},${wgsLng}?q=${wgsLat},${wgsLng}(${label})`],
  ];
  return links.map(([linkApp, url]) => ({ app: linkApp, url }));
}

/**
 * Percent-encodes a label for a query value. Beyond `encodeURIComponent`, the
 * parentheses that delimit the `geo:` label and the other sub-delimiters are
 * encoded too, so no name can end a parameter early.
 */
function encodeLabel(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Six decimals: about 0.1 m, and never exponent notation. */
function formatDegrees(value: number): string {
  return value.toFixed(6);
}
