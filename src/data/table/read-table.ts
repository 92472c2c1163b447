/**
 * The table reader's door: bytes or CSV/TSV text in, a {@link StationTable} (or why the document
 * is unusable) out. `parseStations` uses it directly; the element loads it with a dynamic
 * `import()` the first time a page hands it a table, so pages with GeoJSON never download it.
 */
import type { StationFields } from '../station-fields.js';
import { isTableInput, StationTable as StationTableClass, type StationTable } from '../station-table.js';
import { decodeBytes, isBytes } from './decode-bytes.js';
import { parseCsv } from './parse-csv.js';
import { tableToStations, type TableError } from './table-to-features.js';

/** Options of {@link readStationTable}. */
export interface ReadStationTableOptions {
  /** Headers for schema fields beyond the built-in ones. */
  fields?: StationFields;
}

/**
 * Reads station data that `isTableInput` says needs reading: bytes are decoded (UTF-8, UTF-16 with
 * BOM, else GB18030) and, if they hold JSON, returned as JSON text for the GeoJSON parser; CSV/TSV
 * text becomes a {@link StationTable}; an unusable table becomes an error.
 *
 * @example
 * const data = readStationTable(await file.arrayBuffer());
 * if (!('code' in data)) parseStations(data);
 */
export function readStationTable(input: string | ArrayBuffer | Uint8Array, options: ReadStationTableOptions = {}): StationTable | string | TableError {
  const text = isBytes(input) ? decodeBytes(input).text : input;
  if (!isTableInput(text)) return text;
  return tableToStations(parseCsv(text), { fields: options.fields });
}

/**
 * What the station parser should read for `input`: the input itself when it is GeoJSON (objects,
 * JSON text), else what {@link readStationTable} makes of it, or the error that makes it unusable.
 * `parseStations` and the element both go through here, so both read a table the same way.
 *
 * @example
 * const prepared = prepareStationInput(csvText);
 * if ('error' in prepared) showError(prepared.error.message);
 * else runSteps(parseStationColumnsSteps(prepared.data));
 */
export function prepareStationInput(input: unknown, options: ReadStationTableOptions = {}): { data: unknown } | { error: TableError } {
  if (!isTableInput(input)) return { data: input };
  const read = readStationTable(input as string | ArrayBuffer | Uint8Array, options);
  return typeof read === 'object' && !(read instanceof StationTableClass) ? { error: read } : { data: read };
}
