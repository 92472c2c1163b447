/**
 * `lookup-url`: where a tiled page finds stations no loaded tile holds (a search, `select(id)`).
 * The service answers GeoJSON Features (a FeatureCollection or an array) in the page's `crs`.
 */
import { toWgs84 } from '../geo/crs/crs.js';
import type { Crs, Station } from '../types.js';

/**
 * The URL for a search (`q`) or a station id (`id`): each placeholder URL-encoded, the one not
 * in use empty.
 *
 * @example lookupUrlFor('/stations?q={q}&id={id}', { id: 'TA 1' }) // '/stations?q=&id=TA%201'
 */
export function lookupUrlFor(template: string, query: { q?: string; id?: string }): string {
  return template.replace(/\{q\}/g, encodeURIComponent(query.q ?? '')).replace(/\{id\}/g, encodeURIComponent(query.id ?? ''));
}

/**
 * The usable stations of a lookup's answer, with WGS-84 geometry and position. A feature without
 * a point in range, an id (Feature `id`, `properties.id` or `properties.code`) or a name is left
 * out; anything that is not GeoJSON gives none.
 */
export function readLookupStations(json: unknown, crs: Crs): Array<{ station: Station; lng: number; lat: number }> {
  const features = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.features) ? json.features : [];
  const found: Array<{ station: Station; lng: number; lat: number }> = [];
  for (const feature of features as unknown[]) {
    if (!isObject(feature) || !isObject(feature.geometry) || !isObject(feature.properties)) continue;
    const { geometry, properties } = feature;
    const coordinates = geometry.coordinates;
    if (geometry.type !== 'Point' || !Array.isArray(coordinates)) continue;
    const [x, y] = coordinates as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !(Math.abs(x) <= 180 && Math.abs(y) <= 90)) continue;
    const rawId = [feature.id, properties.id, properties.code].find(
      (v): v is string | number => (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v)),
    );
    if (rawId === undefined || typeof properties.name !== 'string' || properties.name.trim() === '') continue;
    const [lng, lat] = toWgs84([x, y], crs);
    const station = {
      type: 'Feature',
      id: String(rawId).trim(),
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties,
    } as Station;
    found.push({ station, lng, lat });
  }
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
