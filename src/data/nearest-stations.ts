/**
 * `nearestStations`, the core entry's "which station is closest to me".
 * A worker's phone asks this on every position fix and every filter change,
 * so the spatial index is built once per stations array and then reused.
 */
import { createStationFilter, type StationFilterOptions } from './filter-stations.js';
import type { NearestResult, Station, StationFilter } from '../types.js';
import { SpatialIndex } from '../geo/index/spatial-index.js';

interface CachedIndex {
  length: number;
  first: Station | undefined;
  last: Station | undefined;
  index: SpatialIndex;
}

// Keyed by the array itself, so a page that drops its stations also drops the index.
const indexCache = new WeakMap<readonly Station[], CachedIndex>();

/**
 * The `k` stations nearest to the WGS-84 position `(lng, lat)`, nearest first,
 * by great-circle (haversine) distance; stations at the same distance keep
 * their order in `stations`. `filter` is a {@link StationFilter} (`openNow` is
 * judged at `options.now`, default the call time) or a predicate.
 *
 * The index over `stations` is built on the first call and reused while the
 * array keeps its length and its first and last elements; replace the array
 * (or one of those) after changing station coordinates in place.
 * A non-finite position, a latitude outside ±90° or `k <= 0` gives `[]`;
 * longitudes beyond ±180° (a map scrolled past the antimeridian) are fine.
 *
 * @example
 * const [first] = nearestStations(stations, 117.1205, 36.2021, 3, { openNow: true });
 * first?.station.properties.name; // '红门工会驿站'
 */
export function nearestStations(
  stations: readonly Station[],
  lng: number,
  lat: number,
  k = 5,
  filter?: StationFilter | ((station: Station) => boolean),
  options: StationFilterOptions = {},
): NearestResult[] {
  if (!Array.isArray(stations) || !Number.isFinite(lng) || !(lat >= -90 && lat <= 90) || !(k >= 1)) return [];
  const keep = typeof filter === 'function' ? filter : createStationFilter(filter, options);
  const index = readIndex(stations);
  const accept = keep ? (i: number) => keep(stations[i]) : undefined;
  return index.nearest(lng, lat, k, { accept }).map(({ index: i, distanceMeters }) => ({
    station: stations[i],
    distanceMeters,
  }));
}

function readIndex(stations: readonly Station[]): SpatialIndex {
  const n = stations.length;
  const cached = indexCache.get(stations);
  if (cached && cached.length === n && cached.first === stations[0] && cached.last === stations[n - 1]) {
    return cached.index;
  }
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Not every caller went through parseStations; a station without a usable
    // point gets NaN and is never returned rather than throwing.
    const coordinates = stations[i]?.geometry?.coordinates;
    lng[i] = Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? coordinates[0] : NaN;
    lat[i] = Array.isArray(coordinates) && typeof coordinates[1] === 'number' ? coordinates[1] : NaN;
  }
  const index = new SpatialIndex(lng, lat);
  indexCache.set(stations, { length: n, first: stations[0], last: stations[n - 1], index });
  return index;
}
