/**
 * `loadStations` of `station-map/core`: download (data/fetch-stations.ts) and `parseStations`,
 * with the full property reader. The element does not import this module: it parses in time slices
 * and loads the full reader only for data that needs it.
 */
import type { ParseResult } from '../types.js';
import { fetchStationBody, unusableData, type LoadStationsOptions } from './fetch-stations.js';
import { parseStations } from './parse-stations.js';
import { isTableInput } from './station-table.js';

export { DEFAULT_MAX_BYTES, type LoadStationsOptions } from './fetch-stations.js';

/**
 * Fetches and parses station GeoJSON.
 *
 * Rejects with a `StationMapError`: `fetch-failed` for an HTTP error status, a
 * network error or a timeout; `invalid-geojson` when the body is not JSON or
 * not GeoJSON; `too-large` when the body is over `maxBytes` (default 100 MiB,
 * checked while downloading, so a 2 GB file is never held in memory) or has
 * more than `maxFeatures` features (default 2,000,000). When `signal` aborts
 * it rejects with the signal's reason instead (a `DOMException` named
 * `AbortError` unless the caller gave another), so a caller that aborts a
 * stale load can simply ignore it.
 *
 * @example
 * const controller = new AbortController();
 * try {
 *   const { stations, skipped } = await loadStations('/data/taian.geojson', { signal: controller.signal });
 * } catch (error) {
 *   if (error instanceof StationMapError) showMessage(error.message);
 * }
 */
export async function loadStations(url: string, options: LoadStationsOptions = {}): Promise<ParseResult> {
  let body: unknown = await fetchStationBody(url, options);
  if (isTableInput(body)) {
    // The table reader is a module of its own, loaded the first time a table comes.
    const { prepareStationInput } = await import('./table/read-table.js');
    const prepared = prepareStationInput(body, { fields: options.fields });
    if ('error' in prepared) throw unusableData(url, prepared.error);
    body = prepared.data;
  }
  const result = parseStations(body, { crs: options.crs, maxFeatures: options.maxFeatures, fields: options.fields });
  if (result.error) throw unusableData(url, result.error);
  return result;
}
