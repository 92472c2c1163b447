/**
 * "Nearest by route": a station across a river or up the mountain is not near, however short the
 * straight line. The best straight-line candidates are re-ranked by their distance along the path
 * network; a station the network cannot reach goes last.
 */
import type { LngLat, Network, NearestResult, Station, StationFilter, TravelMode } from '../types.js';
import { buildRoute } from '../geo/route/build-route.js';
import { nearestStations } from './nearest-stations.js';

/** A nearest station with its distance along the network (`null` when the network cannot reach it). */
export interface RouteRankedResult extends NearestResult {
  routeMeters: number | null;
}

/** Options of {@link nearestByRoute}. */
export interface NearestByRouteOptions {
  /** How many straight-line candidates to route to (default `max(4k, 20)`); more is slower and surer. */
  candidates?: number;
  filter?: StationFilter | ((station: Station) => boolean);
  mode?: TravelMode;
}

/**
 * The `k` stations nearest to `[lng, lat]` (WGS-84) along `network`, nearest first.
 *
 * @example nearestByRoute(stations, trail, 117.1268, 36.1937, 3) // [{ station, distanceMeters, routeMeters }, …]
 */
export function nearestByRoute(
  stations: Station[],
  network: Network,
  lng: number,
  lat: number,
  k = 5,
  options: NearestByRouteOptions = {},
): RouteRankedResult[] {
  const pool = nearestStations(stations, lng, lat, options.candidates ?? Math.max(k * 4, 20), options.filter);
  const from: LngLat = [lng, lat];
  const ranked = pool.map((result): RouteRankedResult => {
    const [x, y] = result.station.geometry.coordinates;
    const route = buildRoute(network, from, [x!, y!], { mode: options.mode });
    return { ...result, routeMeters: route ? route.distanceMeters : null };
  });
  ranked.sort(
    (a, b) => (a.routeMeters ?? Infinity) - (b.routeMeters ?? Infinity) || a.distanceMeters - b.distanceMeters,
  );
  return ranked.slice(0, Math.max(0, k));
}
