/**
 * The one HTTP step every geocoder client shares: GET a URL, give up after a
 * timeout or when the caller aborts, and turn every way it can fail into a
 * `geocode-failed` error a page can show, except the caller's own abort,
 * which rejects with the signal's reason so a superseded search is not an error.
 */
import { startDeadline } from '../../util/deadline.js';
import { StationMapError } from '../../errors.js';

/** The part of `fetch` the clients use, so tests and pages can pass their own. */
export type FetchLike = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/** Options of {@link fetchGeocodeJson}. */
export interface FetchGeocodeOptions {
  /** Service name for messages, e.g. `天地图`. */
  service: string;
  signal?: AbortSignal;
  /** Give up after this many milliseconds; default 8000. */
  timeoutMs?: number;
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

/**
 * The parsed JSON body of `url`. Rejects with a `StationMapError`
 * (`geocode-failed`) on a network error, an HTTP error, a timeout or a body
 * that is not JSON; with `signal.reason` when `signal` aborts.
 *
 * @example await fetchGeocodeJson('https://nominatim.example/search?q=泰山&format=jsonv2', { service: 'Nominatim', signal })
 */
export async function fetchGeocodeJson(url: string, options: FetchGeocodeOptions): Promise<unknown> {
  const { service, signal } = options;
  signal?.throwIfAborted();
  const timeoutMs = options.timeoutMs ?? 8000;
  const deadline = startDeadline(timeoutMs, signal);
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  try {
    let response: Response;
    try {
      response = await doFetch(url, { signal: deadline.signal, headers: options.headers });
    } catch (error) {
      throw failure(service, error, signal, deadline.timedOut, timeoutMs, 'could not be reached');
    }
    if (!response.ok) {
      throw new StationMapError('geocode-failed', `${service} answered HTTP ${response.status}`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failure(service, error, signal, deadline.timedOut, timeoutMs, 'broke off its answer');
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new StationMapError('geocode-failed', `${service} did not answer with JSON`, { cause: error });
    }
  } finally {
    deadline.dispose();
  }
}

function failure(
  service: string,
  error: unknown,
  signal: AbortSignal | undefined,
  timedOut: boolean,
  timeoutMs: number,
  what: string,
): unknown {
  if (signal?.aborted) return signal.reason;
  if (timedOut) return new StationMapError('geocode-failed', `${service} did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
  return new StationMapError('geocode-failed', `${service} ${what}`, { cause: error });
}

// A plain decimal number as services write coordinates. Number() alone reads '' and ' ' as 0 (a
// place on the equator) and '0x24' as 36.
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

function readDecimal(text: string): number {
  return text.length <= 64 && DECIMAL.test(text) ? Number(text) : NaN;
}

/** A finite longitude/latitude pair within range, or `null`; text must be a plain decimal number. */
export function readLngLat(lng: unknown, lat: unknown): [number, number] | null {
  const x = typeof lng === 'string' ? readDecimal(lng) : lng;
  const y = typeof lat === 'string' ? readDecimal(lat) : lat;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (Math.abs(x) > 180 || Math.abs(y) > 90) return null;
  // Missing text reads as 0 through Number(''): a real place at exactly 0,0 is not in a station search.
  if (x === 0 && y === 0) return null;
  return [x, y];
}
