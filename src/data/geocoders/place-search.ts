/**
 * The search box's side of a geocoder: wait until typing pauses, ask once,
 * and abort the request a newer query supersedes, so only the latest answer
 * is ever shown. Pure timers and AbortController: runs anywhere.
 */
import { StationMapError } from '../../errors.js';
import type { GeocodeResult, Geocoder } from '../../types.js';

/** Options of {@link createPlaceSearch}. */
export interface PlaceSearchOptions {
  /** Quiet time after the last keystroke before asking, ms; default 300. */
  delayMs?: number;
  /** Shorter queries (after trimming) are not sent; default 2. */
  minLength?: number;
}

/** Debounced, self-cancelling place search. */
export interface PlaceSearch {
  /**
   * Asks for `query` once typing pauses. Resolves with the places, `[]` for a
   * too-short query, or `null` when a later call or `cancel()` superseded it;
   * rejects with a `StationMapError` (`geocode-failed`) when the geocoder fails,
   * so the box can show a message and keep its station matches.
   */
  search(query: string): Promise<GeocodeResult[] | null>;
  /** Drops the pending query and aborts the request in flight. */
  cancel(): void;
}

/**
 * Wraps `geocoder` for a search box.
 *
 * @example
 * const places = createPlaceSearch(el.geocoder);
 * input.addEventListener('input', async () => {
 *   try { const found = await places.search(input.value); if (found) showPlaces(found); }
 *   catch (error) { showMessage(error.message); }
 * });
 */
export function createPlaceSearch(geocoder: Geocoder, options: PlaceSearchOptions = {}): PlaceSearch {
  const delayMs = Math.max(0, options.delayMs ?? 300);
  const minLength = Math.max(0, options.minLength ?? 2);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  let settlePending: ((value: null) => void) | null = null;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    settlePending?.(null);
    settlePending = null;
    controller?.abort();
    controller = null;
  };

  return {
    search(query) {
      cancel();
      const text = String(query ?? '').trim();
      if (text.length < minLength) return Promise.resolve([]);
      const own = new AbortController();
      controller = own;
      return new Promise<GeocodeResult[] | null>((resolve, reject) => {
        settlePending = resolve;
        timer = setTimeout(() => {
          settlePending = null;
          geocoder(text, { signal: own.signal }).then(
            (results) => resolve(own.signal.aborted ? null : Array.isArray(results) ? results : []),
            (error: unknown) => {
              if (own.signal.aborted) resolve(null);
              else if (error instanceof StationMapError) reject(error);
              else reject(new StationMapError('geocode-failed', `place search failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
            },
          );
        }, delayMs);
      });
    },
    cancel,
  };
}
