import type { StationMapErrorCode } from './types.js';

/**
 * The error every station-map failure is reported with: `code` is one of the
 * `station-map-error` event codes, so a page can switch on it.
 *
 * @example
 * try { await map.locate(); } catch (e) { if (e.code === 'geolocation-denied') … }
 */
export class StationMapError extends Error {
  /** Machine-readable code, the same as in the `station-map-error` event. */
  readonly code: StationMapErrorCode;

  constructor(code: StationMapErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StationMapError';
    this.code = code;
  }
}
