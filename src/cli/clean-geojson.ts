/**
 * What `station-map convert` writes: the stations as the widget reads them
 * fastest (a FeatureCollection of Points in WGS-84, the Feature `id` set, the
 * schema's property names and ids), so a page loading it needs no conversion.
 */
import type { FeatureCollection, Point } from 'geojson';
import { toWgs84 } from '../geo/crs/crs.js';
import type { Crs, Station, StationProperties } from '../types.js';
import { FIELD_HEADERS, foldName, STATION_FIELDS } from '../data/vocabulary.js';

/** Seven decimals is about 1 cm: finer digits would only make the file bigger. */
const DECIMALS = 1e7;

/**
 * The stations as clean GeoJSON, coordinates converted from `crs` to WGS-84.
 *
 * @example toCleanGeoJson(parseStations(csv).stations, 'gcj02')
 */
export function toCleanGeoJson(
  stations: readonly Station[],
  crs: Crs,
  fields: Readonly<Record<string, string | undefined>> = {},
): FeatureCollection<Point, StationProperties> {
  return {
    type: 'FeatureCollection',
    features: stations.map((station) => {
      const [lng, lat] = toWgs84([station.geometry.coordinates[0]!, station.geometry.coordinates[1]!], crs);
      return {
        type: 'Feature',
        id: station.id,
        geometry: { type: 'Point', coordinates: [round(lng), round(lat)] },
        properties: cleanProperties(station.properties, fields),
      };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * DECIMALS) / DECIMALS;
}

/** Schema names, kept; the other names of schema fields (站点名称, 经度 …), dropped: the parser has read them. */
const SCHEMA = new Set<string>(STATION_FIELDS);
const ALIASES = new Set(STATION_FIELDS.flatMap((field) => FIELD_HEADERS[field].map(foldName)));

/**
 * The schema fields the parser read (`name`, `type` as its id, `services` as
 * ids …) and every column the schema has no name for, as given; the columns
 * the schema fields were read from are left out, so nothing is said twice.
 */
function cleanProperties(properties: StationProperties, fields: Readonly<Record<string, string | undefined>>): StationProperties {
  const named = new Set(Object.values(fields).filter((v): v is string => typeof v === 'string'));
  const out: Record<string, unknown> = {};
  // Schema fields first, in the schema's order, so a person reading the file finds them.
  for (const key of STATION_FIELDS) if (key in properties && key !== 'lng' && key !== 'lat' && key !== 'coordinates') out[key] = properties[key];
  for (const key of Object.keys(properties)) {
    if (key in out) continue;
    if (!SCHEMA.has(key) && (named.has(key) || ALIASES.has(foldName(key)))) continue;
    if (key === 'lng' || key === 'lat' || key === 'coordinates') continue;
    out[key] = properties[key];
  }
  return out as StationProperties;
}
