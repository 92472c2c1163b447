/**
 * What `station-map convert` writes: the stations as the widget reads them
 * fastest (a FeatureCollection of Points in WGS-84, the Feature `id` set, the
 * schema's property names and ids), so a page loading it needs no conversion.
 */
import type { FeatureCollection, Point } from 'geojson';
import { toWgs84 } from '../geo/crs.js';
import type { Crs, Station, StationProperties } from '../types.js';

/** Seven decimals is about 1 cm: finer digits would only make the file bigger. */
const DECIMALS = 1e7;

/**
 * The stations as clean GeoJSON, coordinates converted from `crs` to WGS-84.
 *
 * @example toCleanGeoJson(parseStations(csv).stations, 'gcj02')
 */
export function toCleanGeoJson(stations: readonly Station[], crs: Crs): FeatureCollection<Point, StationProperties> {
  return {
    type: 'FeatureCollection',
    features: stations.map((station) => {
      const [lng, lat] = toWgs84([station.geometry.coordinates[0]!, station.geometry.coordinates[1]!], crs);
      return {
        type: 'Feature',
        id: station.id,
        geometry: { type: 'Point', coordinates: [round(lng), round(lat)] },
        properties: cleanProperties(station.properties),
      };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * DECIMALS) / DECIMALS;
}

function cleanProperties(properties: StationProperties): StationProperties {
  return { ...properties };
}
