/**
 * Routing along a page's own path network (trails, lanes, roads), entirely in
 * the browser or a Worker: snap both ends to the network, search, and join
 * the true points to the path with short connector legs.
 */
import type { LngLat, Network, Route, TravelMode } from '../../types.js';
import { haversineMeters } from '../sphere/haversine.js';
import { buildRouteGraph } from './route-graph.js';
import { findNearestSegment } from '../index/segment-index.js';
import { findShortestPath, positionOnSegment } from './shortest-path.js';
import { durationFor } from './speeds.js';

/** Options of {@link buildRoute} and {@link routeOnNetwork}. */
export interface BuildRouteOptions {
  /** Travel mode for the duration; default `walking`. */
  mode?: TravelMode;
  /** How far from the network (in metres) an end may be and still be joined to it; default 2000. */
  maxSnapMeters?: number;
  /** Speeds in m/s overriding `DEFAULT_SPEEDS`. */
  speeds?: Partial<Record<TravelMode, number>>;
}

/** Why {@link routeOnNetwork} found no route. */
export type NetworkRouteFailure = 'no-network' | 'origin-too-far' | 'destination-too-far' | 'disconnected' | 'implausible';

/** A route, or the reason there is none with an English sentence for the user. */
export type NetworkRouteResult =
  { route: Route } | { route: null; reason: NetworkRouteFailure; message: string };

const DEFAULT_MAX_SNAP_METERS = 2000;
/**
 * A network route this many times the straight line, and {@link IMPLAUSIBLE_EXTRA_METERS} longer,
 * is not offered: lines that cross without a shared vertex do not meet (bridges, tunnels), so a
 * network drawn as crossing lines can route a 3.4 km trip 9,528 km round. A real detour (a river
 * crossed only at a far bridge) stays well inside both.
 */
const IMPLAUSIBLE_FACTOR = 20;
const IMPLAUSIBLE_EXTRA_METERS = 50_000;

/**
 * The shortest route from `from` to `to` along `network`, or `null` when
 * either point is farther than `maxSnapMeters` from it or no path joins them.
 * Use {@link routeOnNetwork} to learn which.
 *
 * @example
 * const route = buildRoute(trails, [117.1, 36.19], [117.1, 36.25], { mode: 'walking' });
 * route?.distanceMeters
 */
export function buildRoute(
  network: Network,
  from: LngLat,
  to: LngLat,
  options?: BuildRouteOptions,
): Route | null {
  return routeOnNetwork(network, from, to, options).route;
}

/**
 * Like {@link buildRoute}, but says why there is no route, so a caller can
 * fall back to a route service or a straight line and tell the user.
 *
 * @example
 * const result = routeOnNetwork(trails, from, to);
 * if (!result.route) console.warn(result.reason, result.message); // 'origin-too-far', 'origin is 3.2 km from the nearest path'
 */
export function routeOnNetwork(
  network: Network,
  from: LngLat,
  to: LngLat,
  options: BuildRouteOptions = {},
): NetworkRouteResult {
  const mode = options.mode ?? 'walking';
  const maxSnapMeters = options.maxSnapMeters ?? DEFAULT_MAX_SNAP_METERS;
  let graph;
  try {
    graph = buildRouteGraph(network);
  } catch (error) {
    // Over the size limit (`too-large`): no network route, and the reason why.
    return { route: null, reason: 'no-network', message: (error as Error).message };
  }
  if (graph.edgeCount === 0) {
    return { route: null, reason: 'no-network', message: 'the path network has no usable lines' };
  }
  if (!isLngLat(from))
    return { route: null, reason: 'origin-too-far', message: 'origin is not a valid position' };
  if (!isLngLat(to))
    return { route: null, reason: 'destination-too-far', message: 'destination is not a valid position' };

  const fromHit = findNearestSegment(graph.segments, from[0], from[1], maxSnapMeters);
  if (!fromHit) {
    return {
      route: null,
      reason: 'origin-too-far',
      message: `origin is ${describeGap(graph.segments, from, maxSnapMeters)}`,
    };
  }
  const toHit = findNearestSegment(graph.segments, to[0], to[1], maxSnapMeters);
  if (!toHit) {
    return {
      route: null,
      reason: 'destination-too-far',
      message: `destination is ${describeGap(graph.segments, to, maxSnapMeters)}`,
    };
  }
  const path = findShortestPath(
    graph,
    positionOnSegment(graph, fromHit.vertex, fromHit.t, fromHit.lng, fromHit.lat),
    positionOnSegment(graph, toHit.vertex, toHit.t, toHit.lng, toHit.lat),
  );
  if (!path) {
    return {
      route: null,
      reason: 'disconnected',
      message: 'no path on the network joins origin and destination',
    };
  }

  const coordinates: LngLat[] = [[from[0], from[1]]];
  for (const position of path.coordinates) appendDistinct(coordinates, position);
  appendDistinct(coordinates, [to[0], to[1]]);
  // A LineString needs two positions even when origin and destination coincide.
  if (coordinates.length === 1) coordinates.push([to[0], to[1]]);
  const distanceMeters = fromHit.distanceMeters + path.lengthMeters + toHit.distanceMeters;
  const straightMeters = haversineMeters(from[0], from[1], to[0], to[1]);
  if (distanceMeters > straightMeters * IMPLAUSIBLE_FACTOR && distanceMeters - straightMeters > IMPLAUSIBLE_EXTRA_METERS) {
    return {
      route: null,
      reason: 'implausible',
      message: `the path network's route is ${formatMeters(distanceMeters)} for ${formatMeters(straightMeters)} in a straight line; its lines may cross without joining`,
    };
  }
  return {
    route: {
      geometry: { type: 'LineString', coordinates },
      distanceMeters,
      durationSeconds: durationFor(distanceMeters, mode, options.speeds),
      kind: 'network',
      mode,
    },
  };
}

function appendDistinct(coordinates: LngLat[], position: LngLat): void {
  const last = coordinates[coordinates.length - 1];
  if (last[0] !== position[0] || last[1] !== position[1]) coordinates.push(position);
}

function isLngLat(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** "3.2 km from the nearest path", or "more than 2 km from any path" when nothing is near. */
function describeGap(
  segments: Parameters<typeof findNearestSegment>[0],
  point: LngLat,
  maxSnapMeters: number,
): string {
  // One wider look so the message can say how far the path really is.
  const hit = findNearestSegment(segments, point[0], point[1], Math.max(maxSnapMeters * 25, 50_000));
  return hit
    ? `${formatMeters(hit.distanceMeters)} from the nearest path`
    : `more than ${formatMeters(Math.max(maxSnapMeters * 25, 50_000))} from any path`;
}

function formatMeters(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}
