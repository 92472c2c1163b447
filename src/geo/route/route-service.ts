/**
 * Client for an OSRM-compatible HTTP route service (OSRM itself, or servers
 * that copy its `/route/v1` API such as Valhalla's OSRM mode).
 */
import { startDeadline } from '../../util/deadline.js';
import { StationMapError } from '../../errors.js';
import type { LngLat, Route, TravelMode } from '../../types.js';

/** Options of {@link fetchServiceRoute}. */
export interface ServiceRouteOptions {
  /** Travel mode; picks the profile. Default `walking`. */
  mode?: TravelMode;
  /** Cancels the request; the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Give up after this many milliseconds (default 10 000), rejecting with `route-failed`. */
  timeoutMs?: number;
  /** The `fetch` to use, e.g. one with auth headers; default the global one. */
  fetch?: typeof fetch;
  /** Profile name per mode in the URL; see {@link DEFAULT_SERVICE_PROFILES}. */
  profiles?: Partial<Record<TravelMode, string>>;
}

/**
 * Profile names used in the request URL. These are the names the public OSRM
 * demo servers (routing.openstreetmap.de) use. A server built from OSRM's own
 * profiles with `osrm-routed` ignores the name and routes with whatever
 * profile it was built with; others expect `driving`, `walking`, `cycling`
 * and need `profiles` set to match.
 */
export const DEFAULT_SERVICE_PROFILES: Readonly<Record<TravelMode, string>> = Object.freeze({
  walking: 'foot',
  cycling: 'bike',
  driving: 'car',
});

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Asks an OSRM-compatible service for a route from `from` to `to`
 * (`GET {baseUrl}/route/v1/{profile}/{lng},{lat};{lng},{lat}?overview=full&geometries=geojson`).
 * Rejects with `StationMapError('route-failed')` on an HTTP error, a timeout,
 * a body that is not an OSRM answer, or an answer without a route (`NoRoute`);
 * rejects with an `AbortError` when the caller's `signal` aborts.
 *
 * @example
 * const route = await fetchServiceRoute('https://routing.openstreetmap.de/routed-foot', from, to, { mode: 'walking' });
 */
export async function fetchServiceRoute(
  baseUrl: string,
  from: LngLat,
  to: LngLat,
  options: ServiceRouteOptions = {},
): Promise<Route> {
  const mode = options.mode ?? 'walking';
  const { signal } = options;
  throwIfAborted(signal);
  if (!isLngLat(from) || !isLngLat(to)) {
    throw new StationMapError(
      'route-failed',
      'the route service needs valid origin and destination coordinates',
    );
  }
  const profile = options.profiles?.[mode] ?? DEFAULT_SERVICE_PROFILES[mode];
  const url =
    `${baseUrl.replace(/\/+$/, '')}/route/v1/${encodeURIComponent(profile)}/` +
    `${formatCoordinate(from[0])},${formatCoordinate(from[1])};${formatCoordinate(to[0])},${formatCoordinate(to[1])}` +
    '?overview=full&geometries=geojson';
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const deadline = startDeadline(timeoutMs, signal);
  try {
    let body: unknown;
    let response: Response;
    try {
      response = await fetchImpl(url, { signal: deadline.signal, headers: { accept: 'application/json' } });
      if (!response.ok) {
        // Let the connection go back to the pool instead of waiting for an unread body.
        void response.body?.cancel().catch(() => undefined);
        throw new StationMapError('route-failed', `the route service answered HTTP ${response.status}`);
      }
      const text = await response.text();
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new StationMapError(
          'route-failed',
          'the route service answered with something that is not JSON',
          { cause },
        );
      }
    } catch (error) {
      throwIfAborted(signal);
      if (deadline.timedOut) {
        throw new StationMapError('route-failed', `the route service did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      if (error instanceof StationMapError) throw error;
      throw new StationMapError(
        'route-failed',
        `the route service could not be reached (${describe(error)})`,
        { cause: error },
      );
    }
    return readRoute(body, mode);
  } finally {
    deadline.dispose();
  }
}

function readRoute(body: unknown, mode: TravelMode): Route {
  const answer = body as { code?: unknown; message?: unknown; routes?: unknown } | null;
  if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
    throw new StationMapError('route-failed', 'the route service answer is not an OSRM route response');
  }
  if (answer.code !== 'Ok') {
    const detail = typeof answer.message === 'string' ? `: ${answer.message}` : '';
    throw new StationMapError('route-failed', `the route service found no route (${answer.code}${detail})`);
  }
  const first = Array.isArray(answer.routes)
    ? (answer.routes[0] as Record<string, unknown> | undefined)
    : undefined;
  const geometry = first?.geometry as { type?: unknown; coordinates?: unknown } | undefined;
  const coordinates =
    geometry?.type === 'LineString' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  const distance = first?.distance;
  const duration = first?.duration;
  if (
    !isNonNegative(distance) ||
    !isNonNegative(duration) ||
    coordinates.length < 2 ||
    !coordinates.every(isLngLat)
  ) {
    throw new StationMapError(
      'route-failed',
      'the route service answer has no usable route (distance, duration, GeoJSON line)',
    );
  }
  return {
    geometry: { type: 'LineString', coordinates: coordinates.map(([lng, lat]: LngLat) => [lng, lat]) },
    distanceMeters: distance,
    durationSeconds: duration,
    kind: 'service',
    mode,
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') throw reason;
  throw new DOMException('The route request was aborted', 'AbortError');
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isLngLat(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** Six decimals (about 0.1 m) and never exponent notation, which OSRM does not parse. */
function formatCoordinate(value: number): string {
  return value.toFixed(6);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
