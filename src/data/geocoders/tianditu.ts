/**
 * Place search through 天地图 (Tianditu), the national map service that
 * government sites use. Its coordinates are CGCS2000, within centimetres of
 * WGS-84 for a map, so they are returned as WGS-84.
 *
 * What the client assumes of the service (from its public web API pages;
 * check them when the service changes):
 * - place search `GET {base}/v2/search?postStr={"keyWord","level","mapBound","queryType":1,"start","count"}&type=query&tk=KEY`
 *   answers `{ resultType, pois: [{ name, lonlat: "lng,lat", address }], area: { name, lonlat }, status: { infocode, cndesc } }`;
 *   `infocode` 1000 is success, `resultType` 1 lists places (`pois`), 3 one administrative area (`area`);
 * - geocoder `GET {base}/geocoder?ds={"keyWord"}&tk=KEY` answers
 *   `{ status: "0", msg, location: { lon, lat, keyWord, level } }`; a status other than "0" with
 *   a message is a failure, except "101", which the service uses for "no result".
 */
import type { GeocodeResult, Geocoder } from '../../types.js';
import { StationMapError } from '../../errors.js';
import { fetchGeocodeJson, readLngLat, type FetchLike } from './fetch-json.js';

/** Options of {@link createTiandituGeocoder}. */
export interface TiandituGeocoderOptions {
  /** The 天地图 key (`tk`), the same one the `basemap-key` attribute gives the tiles. */
  key: string;
  /** `search` (default): several places per query; `geocoder`: one position for an address. */
  api?: 'search' | 'geocoder';
  /** Service root; default `https://api.tianditu.gov.cn` (tests point it at a local server). */
  baseUrl?: string;
  /** Area searched first, `[west, south, east, north]`; default all of China. */
  bounds?: [number, number, number, number];
  /** Most places per query; default 10. */
  count?: number;
  timeoutMs?: number;
  fetch?: FetchLike;
}

const SERVICE = '天地图';
const CHINA: [number, number, number, number] = [73, 18, 135, 54];

/**
 * A {@link Geocoder} on 天地图's place search (or its geocoder).
 *
 * @example
 * el.geocoder = createTiandituGeocoder({ key: 'YOUR_TK' });
 * await createTiandituGeocoder({ key }).call(null, '泰山红门', { signal }); // [{ name: '红门', lng: 117.12, lat: 36.21, address: '…' }]
 */
export function createTiandituGeocoder(options: TiandituGeocoderOptions): Geocoder {
  if (typeof options.key !== 'string' || options.key.trim() === '') {
    throw new TypeError('createTiandituGeocoder needs the 天地图 key (tk)');
  }
  const base = (options.baseUrl ?? 'https://api.tianditu.gov.cn').replace(/\/+$/, '');
  const key = encodeURIComponent(options.key.trim());
  const count = Math.max(1, Math.min(100, Math.floor(options.count ?? 10)));
  const bounds = options.bounds ?? CHINA;
  return async (query, { signal } = {} as { signal: AbortSignal }) => {
    const keyWord = String(query).trim();
    if (keyWord === '') return [];
    if (options.api === 'geocoder') {
      const url = `${base}/geocoder?ds=${encodeURIComponent(JSON.stringify({ keyWord }))}&tk=${key}`;
      return readGeocoderBody(await fetchGeocodeJson(url, { service: SERVICE, signal, timeoutMs: options.timeoutMs, fetch: options.fetch }), keyWord);
    }
    const postStr = JSON.stringify({ keyWord, level: 12, mapBound: bounds.join(','), queryType: 1, start: 0, count });
    const url = `${base}/v2/search?postStr=${encodeURIComponent(postStr)}&type=query&tk=${key}`;
    return readSearchBody(await fetchGeocodeJson(url, { service: SERVICE, signal, timeoutMs: options.timeoutMs, fetch: options.fetch }));
  };
}

function readSearchBody(body: unknown): GeocodeResult[] {
  if (!isObject(body)) throw new StationMapError('geocode-failed', `${SERVICE} answered with an unexpected body`);
  const status = isObject(body.status) ? body.status : null;
  const infocode = status ? Number(status.infocode) : NaN;
  if (infocode !== 1000) {
    const reason = status && typeof status.cndesc === 'string' ? `: ${status.cndesc}` : '';
    throw new StationMapError('geocode-failed', `${SERVICE} search failed (${Number.isNaN(infocode) ? 'no status' : infocode})${reason}`);
  }
  const results: GeocodeResult[] = [];
  const add = (item: unknown) => {
    if (!isObject(item) || typeof item.name !== 'string' || typeof item.lonlat !== 'string') return;
    const [lng, lat] = item.lonlat.split(/[,\s]+/);
    const position = readLngLat(lng, lat);
    if (!position) return;
    const result: GeocodeResult = { name: item.name, lng: position[0], lat: position[1] };
    if (typeof item.address === 'string' && item.address !== '') result.address = item.address;
    results.push(result);
  };
  if (Array.isArray(body.pois)) body.pois.forEach(add);
  if (isObject(body.area)) add(body.area);
  return results;
}

function readGeocoderBody(body: unknown, keyWord: string): GeocodeResult[] {
  if (!isObject(body)) throw new StationMapError('geocode-failed', `${SERVICE} answered with an unexpected body`);
  const status = typeof body.status === 'string' || typeof body.status === 'number' ? String(body.status) : '';
  if (status === '101') return [];
  if (status !== '0') {
    const reason = typeof body.msg === 'string' ? `: ${body.msg}` : '';
    throw new StationMapError('geocode-failed', `${SERVICE} geocoder failed (${status || 'no status'})${reason}`);
  }
  const location = isObject(body.location) ? body.location : null;
  const position = location ? readLngLat(location.lon, location.lat) : null;
  if (!location || !position) return [];
  const name = typeof location.keyWord === 'string' && location.keyWord !== '' ? location.keyWord : keyWord;
  return [{ name, lng: position[0], lat: position[1] }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
