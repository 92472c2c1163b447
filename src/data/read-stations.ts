/**
 * `parseStations` as `station-map/core` offers it: every input a union may have, GeoJSON (an
 * object, JSON text or its bytes) or a CSV/TSV table (text or bytes, UTF-8 or GB18030), read
 * synchronously. The element does not import this module: it reaches the table reader through a
 * dynamic `import()` only when a page hands it a table.
 */
import { parseStations as parseStationDocument, type ParseStationsOptions } from './parse-stations.js';
import { prepareStationInput } from './table/read-table.js';
import type { ParseResult } from '../types.js';

/**
 * Parses station GeoJSON, or a CSV/TSV table (text, or bytes in UTF-8 or GB18030), into stations.
 * Never throws; see data/parse-stations.ts for what a station is and why features are skipped.
 * A table's rows are read by their headers (header = spreadsheet row 1); `经度`/`纬度` or
 * `lng`/`lat` (or one "lng,lat" column) give the coordinates, and each skipped row carries its
 * spreadsheet `row` number.
 *
 * @example
 * const { stations, skipped } = parseStations(readFileSync('stations.csv')); // GBK or UTF-8
 * for (const s of skipped) console.warn(`row ${s.row}: ${s.message}`);
 */
export function parseStations(input: unknown, options: ParseStationsOptions = {}): ParseResult {
  let prepared;
  try {
    prepared = prepareStationInput(input, { fields: options?.fields });
  } catch (error) {
    // Only reachable with hostile objects; text and bytes cannot get here.
    return { stations: [], skipped: [], error: { code: 'invalid-geojson', message: `Could not read the stations: ${String(error)}` } };
  }
  if ('error' in prepared) return { stations: [], skipped: [], error: prepared.error };
  return parseStationDocument(prepared.data, options);
}
