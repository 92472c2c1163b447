/**
 * Turns the records of a CSV/TSV table into station features: finds the header row, reads each
 * row's coordinates from its 经度/纬度 (lng/lat, x/y) columns or one "lng,lat" column, and keeps
 * the row itself, keyed by the headers as written, as the feature's properties. Rows whose
 * coordinates cannot be used are reported with their spreadsheet row number. Pure.
 */
import type { ParseResult, SkippedFeature } from '../../types.js';
import { FieldReader, hasText, type StationFields } from '../station-fields.js';
import { StationTable } from '../station-table.js';
import { STATION_FIELDS, type StationField } from '../vocabulary.js';

/** Fields whose value a row's properties gain (the id goes on the station, coordinates in its geometry). */
const COPIED_FIELDS = STATION_FIELDS.filter((f) => f !== 'id' && f !== 'lng' && f !== 'lat' && f !== 'coordinates');

/** Options of {@link tableToStations}. */
export interface TableToStationsOptions {
  /** Headers for schema fields beyond the built-in ones, as for `parseStations`. */
  fields?: StationFields;
}

/** Rows looked at for the header: a title row or two above it is common in union spreadsheets. */
const HEADER_SEARCH_ROWS = 10;
/** Longest piece of a cell echoed back in a message. */
const MAX_ECHO = 40;

/** Why a table as a whole is unusable. */
export type TableError = NonNullable<ParseResult['error']>;

/**
 * The stations of a table (`records[i]` is spreadsheet row `i + 1`), or why there are none.
 *
 * The header row is the first of the first ten non-blank rows that names longitude and latitude
 * columns (or one coordinate column); rows above it (a title, a date) are ignored. Blank rows are
 * skipped without a report; columns with a blank header are ignored. A table without coordinate
 * columns is an error naming the headers it has.
 *
 * @example
 * const table = tableToStations(parseCsv('编号,名称,经度,纬度\nA1,红门驿站,117.13,36.21'));
 * table.features[0].geometry.coordinates // [117.13, 36.21]
 */
export function tableToStations(records: readonly string[][], options: TableToStationsOptions = {}): StationTable | TableError {
  const reader = new FieldReader(options.fields);
  const header = findHeader(records, reader);
  if (header === null) return { code: 'invalid-geojson', message: 'Not GeoJSON, and not a station table: the text is empty' };
  const { index: headerIndex, columns } = header;
  const lngColumn = columns.lng?.index ?? -1;
  const latColumn = columns.lat?.index ?? -1;
  const pairColumn = lngColumn >= 0 && latColumn >= 0 ? -1 : (columns.coordinates?.index ?? -1);
  if (pairColumn < 0 && (lngColumn < 0 || latColumn < 0)) {
    const headers = header.cells.map((h) => h.trim()).filter((h) => h !== '');
    const shown = headers.slice(0, 12).map(echo).join(', ') + (headers.length > 12 ? ', …' : '');
    return {
      code: 'invalid-geojson',
      message:
        'Not GeoJSON, and not a station table: no longitude and latitude columns ' +
        `(经度 and 纬度, lng and lat, or one 经纬度 column); the header row has: ${shown || 'nothing'}`,
    };
  }
  const headerRow = header.cells;
  // Property keys: the headers as written (trimmed); blank ones dropped, repeats numbered.
  const keys: string[] = [];
  const keyColumns: number[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < headerRow.length; c++) {
    const text = headerRow[c]!.trim();
    if (text === '') continue;
    let key = text;
    for (let k = 2; seen.has(key); k++) key = `${text}_${k}`;
    seen.add(key);
    keys.push(key);
    keyColumns.push(c);
  }
  const columnNames: Partial<Record<StationField, string>> = {};
  for (const field of Object.keys(columns) as StationField[]) columnNames[field] = headerRow[columns[field]!.index]!.trim();
  const lngName = lngColumn >= 0 ? columnNames.lng! : '';
  const latName = latColumn >= 0 ? columnNames.lat! : '';
  const pairName = pairColumn >= 0 ? columnNames.coordinates! : '';

  // Each copied field and the columns holding it, best first: a row takes the first non-blank one.
  const plan: Array<{ field: StationField; columns: number[] }> = [];
  for (const field of COPIED_FIELDS) {
    const found: Array<{ column: number; rank: number }> = [];
    for (let c = 0; c < headerRow.length; c++) {
      const text = headerRow[c]!.trim();
      const slot = text === '' ? null : reader.fieldOf(text);
      if (slot?.field === field) found.push({ column: c, rank: slot.rank });
    }
    if (found.length) plan.push({ field, columns: found.sort((a, b) => a.rank - b.rank).map((f) => f.column) });
  }

  const features: unknown[] = [];
  const rows: number[] = [];
  const skipped: SkippedFeature[] = [];
  const keyCount = keys.length;
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (isBlank(record)) continue;
    // The row as written, then the schema fields read from it: one object, made once (the
    // parser takes a table's properties as they are; see StationTable).
    const properties: Record<string, unknown> = {};
    for (let k = 0; k < keyCount; k++) properties[keys[k]!] = record[keyColumns[k]!] ?? '';
    for (let f = 0; f < plan.length; f++) {
      const { field, columns } = plan[f]!;
      for (let i = 0; i < columns.length; i++) {
        const cell = record[columns[i]!];
        if (cell !== undefined && hasText(cell)) {
          properties[field] = reader.readField(field, cell);
          break;
        }
      }
    }
    let lng: number;
    let lat: number;
    let problem: string | null = null;
    if (pairColumn >= 0) {
      const cell = (record[pairColumn] ?? '').trim();
      const pair = readPair(cell);
      lng = pair[0];
      lat = pair[1];
      if (cell === '') problem = `its "${echo(pairName)}" cell is empty`;
      else if (Number.isNaN(lng) || Number.isNaN(lat)) problem = `its "${echo(pairName)}" cell "${echo(cell)}" is not "longitude,latitude"`;
    } else {
      lng = readNumber(record[lngColumn]);
      lat = readNumber(record[latColumn]);
      problem = explainCells(lngName, record[lngColumn], lng) ?? explainCells(latName, record[latColumn], lat);
    }
    if (problem === null && !(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
      problem = `[${lng}, ${lat}] is out of range: longitude must be within -180…180 and latitude within -90…90`;
      if (lng >= -90 && lng <= 90 && lat >= -180 && lat <= 180) problem += ' (are longitude and latitude swapped?)';
    }
    const row = r + 1;
    if (problem !== null) {
      const blank = /cell is empty$/.test(problem);
      const id = reader.idFromHeader(properties) ?? reader.idOf(properties);
      const label = id === null ? `Row ${row}` : `Row ${row} ("${echo(id)}")`;
      const skip: SkippedFeature = {
        index: r - headerIndex - 1,
        reason: blank ? 'missing-geometry' : 'bad-coordinates',
        message: `${label} has ${blank ? 'no coordinates' : 'bad coordinates'}: ${problem}`,
        row,
      };
      if (id !== null) skip.id = id;
      skipped.push(skip);
      continue;
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
    rows.push(row);
  }
  return new StationTable(features, Int32Array.from(rows), headerIndex + 1, skipped, columnNames);
}

type HeaderColumns = Partial<Record<StationField, { index: number; rank: number }>>;

/**
 * The header row and the best column for each field it names, or null when the table has no
 * non-blank row. Of the first ten non-blank rows: the first naming longitude and latitude columns,
 * else the first naming one coordinate column, else the first. A blank header cell takes the text
 * of the row above (a two-row header: "坐标" merged over "经度 | 纬度", "站点名称" merged down).
 */
interface Header {
  index: number;
  columns: HeaderColumns;
  /** The header texts by column (blank ones filled from the row above). */
  cells: string[];
}

function findHeader(records: readonly string[][], reader: FieldReader): Header | null {
  let first: Header | null = null;
  let pair: Header | null = null;
  let looked = 0;
  let above: string[] | null = null;
  for (let r = 0; r < records.length && looked < HEADER_SEARCH_ROWS; r++) {
    const record = records[r]!;
    if (isBlank(record)) continue;
    looked++;
    const cells = record.map((cell, c) => (cell.trim() === '' && above ? (above[c] ?? '') : cell));
    above = record;
    const columns: HeaderColumns = {};
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]!.trim();
      if (text === '') continue;
      const found = reader.fieldOf(text);
      if (found === null) continue;
      const best = columns[found.field];
      if (!best || found.rank < best.rank) columns[found.field] = { index: c, rank: found.rank };
    }
    const candidate: Header = { index: r, columns, cells };
    if (columns.lng && columns.lat) return candidate;
    if (columns.coordinates) pair ??= candidate;
    first ??= candidate;
  }
  return pair ?? first;
}

function isBlank(record: readonly string[]): boolean {
  for (let i = 0; i < record.length; i++) if (record[i]!.trim() !== '') return false;
  return true;
}

// Full-width digits, minus signs and points (１１７．１３) as IMEs type them.
const NON_ASCII = /\P{ASCII}/u;

/** A coordinate cell as a number: NaN when blank or not a number. */
function readNumber(cell: string | undefined): number {
  if (cell === undefined) return Number.NaN;
  // Number() first: it takes "117.13" and " 117.13 " as they come; blank text reads as 0, so
  // a 0 must have a digit to count.
  const value = Number(cell);
  if (value === value) return value !== 0 || /\d/.test(cell) ? value : Number.NaN;
  if (!NON_ASCII.test(cell)) return Number.NaN;
  const text = cell.normalize('NFKC').trim().replace(/[\u2212\u2013]/g, '-').replace(/°$/, '');
  return text === '' ? Number.NaN : Number(text);
}

/** A "lng,lat" cell (also "117.13，36.21", "117.13 36.21", "117.13;36.21") as two numbers (NaN when unreadable). */
function readPair(cell: string): [number, number] {
  const parts = cell.normalize('NFKC').split(/\s*[,;\s]\s*/).filter((p) => p !== '');
  if (parts.length !== 2) return [Number.NaN, Number.NaN];
  return [readNumber(parts[0]), readNumber(parts[1])];
}

/** Why a coordinate cell is unusable, or null when it holds a number. */
function explainCells(column: string, cell: string | undefined, value: number): string | null {
  if (!Number.isNaN(value)) return null;
  const text = (cell ?? '').trim();
  return text === '' ? `its "${echo(column)}" cell is empty` : `its "${echo(column)}" cell "${echo(text)}" is not a number`;
}

function echo(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}
