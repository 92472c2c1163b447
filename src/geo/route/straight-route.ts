/**
 * The fallback route: a great-circle line, honest about not being a road.
 */
import type { LngLat, Route, TravelMode } from '../../types.js';
import { interpolateGreatCircle } from '../sphere/great-circle.js';
import { haversineMeters } from '../sphere/haversine.js';
import { durationFor } from './speeds.js';

/** Options of {@link straightRoute}. */
export interface StraightRouteOptions {
  /** Travel mode for the duration; default `walking`. */
  mode?: TravelMode;
  /** Speeds in m/s overriding `DEFAULT_SPEEDS`. */
  speeds?: Partial<Record<TravelMode, number>>;
}

/**
 * A `kind: 'straight'` route along the great circle from `from` to `to`, with
 * intermediate points every 50 km so long lines draw as the true shortest
 * line on the globe. Its duration uses the straight distance, so it is a
 * lower bound.
 *
 * @example straightRoute([117.1, 36.19], [117.12, 36.2], { mode: 'cycling' }).distanceMeters // → about 2100
 */
export function straightRoute(from: LngLat, to: LngLat, options: StraightRouteOptions = {}): Route {
  const mode = options.mode ?? 'walking';
  const distanceMeters = haversineMeters(from[0], from[1], to[0], to[1]);
  return {
    geometry: { type: 'LineString', coordinates: interpolateGreatCircle(from, to) },
    distanceMeters,
    durationSeconds: durationFor(distanceMeters, mode, options.speeds),
    kind: 'straight',
    mode,
  };
}
