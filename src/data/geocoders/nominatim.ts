/**
 * Place search through a Nominatim-compatible service (OpenStreetMap's own,
 * or one a city runs): `GET {url}/search?q=…&format=jsonv2` answers
 * `[{ name, display_name, lat: "36.2", lon: "117.1" }]`, coordinates WGS-84.
 * Browsers cannot set a User-Agent, so the language goes in `accept-language`;
 * the public OSM server asks for at most one request a second, which the
 * search box's debounce keeps to.
 */
import type { GeocodeResult, Geocoder } from '../../types.js';
import { StationMapError } from '../../errors.js';
import { fetchGeocodeJson, readLngLat, type FetchLike } from './fetch-json.js';

/** Options of {@link createNominatimGeocoder}. */
export interface NominatimGeocoderOptions {
  /** Service root, e.g. `https://nominatim.openstreetmap.org` (the `geocoder-url` attribute). */
  url: string;
  /** Languages for place names, as in `Accept-Language`; default `zh-CN,zh,en`. */
  language?: string;
  /** Most places per query; default 10. */
  limit?: number;
  /** Prefer places in `[west, south, east, north]` (not a hard limit). */
  viewbox?: [number, number, number, number];
  /** ISO country codes to keep, e.g. `cn`. */
  countryCodes?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
}

const SERVICE = 'Nominatim';

/**
 * A {@link Geocoder} on a Nominatim-compatible service.
 *
 * @example el.geocoder = createNominatimGeocoder({ url: 'https://nominatim.openstreetmap.org', countryCodes: 'cn' });
 */
export function createNominatimGeocoder(options: NominatimGeocoderOptions): Geocoder {
  if (typeof options.url !== 'string' || options.url.trim() === '') {
    throw new TypeError('createNominatimGeocoder needs the service url');
  }
  const base = options.url.trim().replace(/\/+$/, '').replace(/\/search$/, '');
  const limit = Math.max(1, Math.min(50, Math.floor(options.limit ?? 10)));
  return async (query, { signal } = {} as { signal: AbortSignal }) => {
    const q = String(query).trim();
    if (q === '') return [];
    const params = new URLSearchParams({ q, format: 'jsonv2', limit: String(limit), 'accept-language': options.language ?? 'zh-CN,zh,en' });
    if (options.viewbox) params.set('viewbox', options.viewbox.join(','));
    if (options.countryCodes) params.set('countrycodes', options.countryCodes);
    const body = await fetchGeocodeJson(`${base}/search?${params}`, { service: SERVICE, signal, timeoutMs: options.timeoutMs, fetch: options.fetch });
    if (!Array.isArray(body)) {
      // Nominatim reports errors as `{ error: { message } }` or `{ error: "…" }`.
      const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
      const message = typeof error === 'string' ? error : typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
      throw new StationMapError('geocode-failed', `${SERVICE} ${typeof message === 'string' ? `failed: ${message}` : 'answered with an unexpected body'}`);
    }
    const results: GeocodeResult[] = [];
    for (const item of body) {
      if (typeof item !== 'object' || item === null) continue;
      const { name, display_name: displayName, lat, lon } = item as Record<string, unknown>;
      const position = readLngLat(lon, lat);
      if (!position) continue;
      const label = typeof name === 'string' && name !== '' ? name : typeof displayName === 'string' ? displayName.split(',')[0].trim() : '';
      if (label === '') continue;
      const result: GeocodeResult = { name: label, lng: position[0], lat: position[1] };
      if (typeof displayName === 'string' && displayName !== label) result.address = displayName;
      results.push(result);
    }
    return results;
  };
}
