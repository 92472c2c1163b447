/**
 * Downloads station data with a timeout, a size limit and an AbortSignal, turning every failure a
 * page author can act on into a readable `StationMapError`: the download half of `loadStations`
 * (data/load-stations.ts), which the element uses with its own sliced parser.
 */
import { StationMapError } from '../errors.js';
import type { Crs, ParseResult } from '../types.js';
import type { StationFields } from './station-fields.js';

/** Options of {@link loadStations}. */
export interface LoadStationsOptions {
  /** Aborting it rejects with the signal's reason (an `AbortError`), never with a `StationMapError`. */
  signal?: AbortSignal;
  /**
   * Time the load may go without receiving anything, in milliseconds (default 15000): waiting for
   * the headers, or between two parts of the body. A slow link that keeps delivering is not cut
   * off (eleven megabytes take a minute at 1.6 Mbps). `0` or `Infinity` waits as long as the
   * network does.
   */
  timeoutMs?: number;
  /** The fetch to use (default: the global one), e.g. a cached or instrumented fetch. */
  fetch?: typeof fetch;
  /** Coordinate system of the data, passed to {@link parseStations}. */
  crs?: Crs;
  /**
   * Largest body accepted, in bytes as sent (default 100 MiB, {@link DEFAULT_MAX_BYTES}).
   * A larger file is refused with a `too-large` error before it can exhaust a
   * phone's memory: at once from `Content-Length` when the server sends it,
   * otherwise as soon as the bytes read pass the limit, and the download is
   * cancelled. `Infinity` turns the limit off.
   */
  maxBytes?: number;
  /** Most features accepted (default 2,000,000), passed to {@link parseStations}. */
  maxFeatures?: number;
  /** Headers for schema fields beyond the built-in ones, passed to {@link parseStations}. */
  fields?: StationFields;
  /**
   * Receives the text of the body as it arrives, a piece at a time (not for a CSV/TSV table, which
   * is read as bytes): e.g. to show the first stations of a large file before the last byte.
   */
  onText?: (text: string) => void;
}

/** Default {@link LoadStationsOptions.maxBytes}: 100 MiB, about a million stations with rich properties. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const MIB = 1024 * 1024;

// Accept is a CORS-safelisted header: any other header would trigger a preflight,
// which many government file servers do not answer.
const ACCEPT = 'application/geo+json, application/json;q=0.9, text/csv;q=0.8, */*;q=0.1';

/** How a station file is requested (also by the element's request sent before its first update). */
export function stationRequest(signal: AbortSignal): RequestInit {
  return { signal, headers: { Accept: ACCEPT } };
}

// A table is read as bytes: Excel on Chinese Windows saves GBK, which only the table reader decodes.
const TABLE_TYPE = /^\s*(text\/(csv|tab-separated-values)|application\/(csv|vnd\.ms-excel))\b/i;
const TABLE_PATH = /\.(csv|tsv)$/i;

/**
 * True when a response from `url` with this `Content-Type` is a CSV/TSV table: `text/csv`,
 * `text/tab-separated-values`, or a path ending in `.csv` or `.tsv`.
 *
 * @example isTableResponse('/data/stations.csv', 'text/plain') // true
 */
export function isTableResponse(url: string, contentType: string | null): boolean {
  if (contentType && TABLE_TYPE.test(contentType)) return true;
  let path = url;
  try {
    path = new URL(url, 'http://localhost/').pathname;
  } catch {
    // Not a URL we can split: judge the text as given.
  }
  return TABLE_PATH.test(path);
}

// HTTP/2 responses carry no reason phrase, so name the common ones ourselves.
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};


/** The error {@link loadStations} rejects with for a document that is not usable. */
export function unusableData(url: string, error: NonNullable<ParseResult['error']>): StationMapError {
  return new StationMapError(error.code, `Stations from ${url} are not usable: ${error.message}`);
}

/**
 * The download half of {@link loadStations}: the body as text, with the same checks, limits
 * and errors. The element parses it in time slices itself.
 *
 * @example const text = await fetchStationText('/data/taian.geojson', { signal });
 */
export async function fetchStationText(url: string, options: Omit<LoadStationsOptions, 'crs' | 'maxFeatures' | 'fields'> = {}): Promise<string> {
  const body = await fetchStationBody(url, options);
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/**
 * {@link fetchStationText}, except that a CSV/TSV table (see {@link isTableResponse}) comes back
 * as its bytes, for the table reader to decode (UTF-8 or GB18030).
 *
 * @example const body = await fetchStationBody('/data/stations.csv', { signal }); // Uint8Array
 */
export async function fetchStationBody(
  url: string,
  options: Omit<LoadStationsOptions, 'crs' | 'maxFeatures' | 'fields'> = {},
): Promise<string | Uint8Array> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? 15000;
  const maxBytes = typeof options.maxBytes === 'number' && options.maxBytes > 0 ? options.maxBytes : DEFAULT_MAX_BYTES;
  if (signal?.aborted) throw abortReason(signal);

  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new StationMapError('fetch-failed', `Could not load stations from ${url}: fetch is not available here`);
  }

  // One controller for both the caller's abort and the timeout, so one signal reaches fetch.
  const controller = new AbortController();
  let timedOut = false;
  const handleAbort = () => controller.abort(signal ? abortReason(signal) : undefined);
  signal?.addEventListener('abort', handleAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** (Re)starts the wait for the next bytes. */
  const waitForBytes = () => {
    if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The station data took too long', 'TimeoutError'));
    }, timeoutMs);
  };
  waitForBytes();

  let text: string | Uint8Array;
  try {
    // Racing the abort as well means a fetch that ignores its signal still cannot hang us.
    text = await raceAbort(
      (async () => {
        const response = await fetchImpl(url, stationRequest(controller.signal));
        if (!response.ok) {
          const reason = response.statusText || STATUS_TEXT[response.status] || '';
          throw new StationMapError(
            'fetch-failed',
            `Could not load stations from ${url}: HTTP ${response.status}${reason ? ` ${reason}` : ''}`,
          );
        }
        const asBytes = isTableResponse(url, response.headers?.get('content-type') ?? null);
        return readText(response, url, maxBytes, controller.signal, asBytes, waitForBytes, options.onText);
      })(),
      controller.signal,
    );
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (timedOut) {
      throw new StationMapError(
        'fetch-failed',
        `Could not load stations from ${url}: timed out after ${formatSeconds(timeoutMs)}`,
        { cause: error },
      );
    }
    if (error instanceof StationMapError) throw error;
    throw new StationMapError(
      'fetch-failed',
      `Could not load stations from ${url}: network error (${describeError(error)}); ` +
        'the device may be offline, or the server does not allow cross-origin requests (CORS)',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', handleAbort);
  }

  return text;
}

/**
 * The body as text, refusing it once it passes `maxBytes`. Counting while
 * streaming (instead of `response.text()`) is what keeps a 2 GB file or an
 * endless body from being buffered whole before we can say no.
 */
async function readText(
  response: Response,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
  asBytes: boolean,
  onBytes: () => void,
  onText?: (text: string) => void,
): Promise<string | Uint8Array> {
  const declared = Number(response.headers?.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    // Tell the server we are not coming for the body; a rejection here changes nothing.
    response.body?.cancel().catch(() => {});
    throw new StationMapError(
      'too-large',
      `Could not load stations from ${url}: the file is ${formatMegabytes(declared)}, more than the ${formatMegabytes(maxBytes)} limit (maxBytes)`,
    );
  }
  const body = response.body;
  // A hand-made Response (custom fetch) may have no stream; its text is already in memory.
  if (!body || typeof body.getReader !== 'function') {
    if (asBytes) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw tooLarge(url, maxBytes);
      return bytes;
    }
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge(url, maxBytes);
    return text;
  }
  const reader = body.getReader();
  // TextDecoder, like response.text(), drops a leading BOM and decodes as UTF-8.
  const decoder = new TextDecoder();
  const parts: string[] = [];
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      // A fetch that ignores its signal would otherwise keep the download going after an abort.
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      onBytes();
      received += value.byteLength;
      if (received > maxBytes) throw tooLarge(url, maxBytes);
      if (asBytes) chunks.push(value);
      else {
        const text = decoder.decode(value, { stream: true });
        parts.push(text);
        onText?.(text);
      }
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (asBytes) return joinBytes(chunks, received);
  parts.push(decoder.decode());
  return parts.join('');
}

function joinBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function tooLarge(url: string, maxBytes: number): StationMapError {
  return new StationMapError(
    'too-large',
    `Could not load stations from ${url}: the file is larger than the ${formatMegabytes(maxBytes)} limit (maxBytes); stopped downloading it`,
  );
}

function formatMegabytes(bytes: number): string {
  if (bytes === Number.POSITIVE_INFINITY) return 'unlimited';
  const mb = bytes / MIB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The station load was aborted', 'AbortError');
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handleAbort = () => reject(signal.reason);
    if (signal.aborted) handleAbort();
    signal.addEventListener('abort', handleAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', handleAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', handleAbort);
        reject(error);
      },
    );
  });
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : 'unknown error';
  // Node's fetch says only "fetch failed" and keeps the useful part (ECONNREFUSED…) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `${error.message}: ${cause.message}` : error.message;
}
