/**
 * `station-map/core`: the pure functions behind the widget, for Node, Web Workers and apps
 * that draw their own map. No DOM, no Leaflet, no Lit. Coordinates are `[lng, lat]` WGS-84
 * unless a `crs` option says otherwise.
 *
 * @example
 * import { parseStations, nearestStations } from 'station-map/core';
 * const { stations, skipped } = parseStations(json);
 * nearestStations(stations, 117.13, 36.21, 3);
 */
export { parseStations } from './data/parse-stations.js';
export { loadStations } from './data/load-stations.js';
export { createStationFilter, normalizeText } from './data/filter-stations.js';
export { nearestStations } from './geo/nearest.js';
export { nearestByRoute } from './geo/nearest-by-route.js';
export { buildRoute, routeOnNetwork } from './geo/build-route.js';
export { straightRoute } from './geo/straight-route.js';
export { fetchServiceRoute } from './geo/route-service.js';
export { stationsAlong } from './geo/stations-along.js';
export { toWgs84, fromWgs84 } from './geo/crs.js';
export { haversineMeters, EARTH_RADIUS_METERS } from './geo/haversine.js';
export { DEFAULT_SPEEDS } from './geo/speeds.js';
export { navigationLinks } from './geo/navigation-links.js';
export { isOpenAt, getOpenStatus } from './hours/is-open.js';
export { parseHours } from './hours/parse-hours.js';
export { StationMapError } from './errors.js';
export type * from './types.js';
