/**
 * The data checker's judgement of a station file, without any terminal or
 * page around it: what `parseStations` keeps and skips, plus the faults that
 * do not stop a row from loading but will show wrongly on the map (latitude
 * first, a point outside China, a type or service the widget does not know,
 * hours it cannot read) and duplicate codes. The `station-map check` command
 * prints this; a web page can run the very same checks before uploading.
 */
import { parseHours } from '../hours/parse-hours.js';
import type { ParseResult, SkippedFeature, Station } from '../types.js';
import type { ParseStationsOptions } from './parse-stations.js';
import { parseStations } from './read-stations.js';
import { isTableInput, StationTable } from './station-table.js';
import { suggestName } from './suggest-name.js';
import { decodeBytes, isBytes } from './table/decode-bytes.js';
import { parseCsv } from './table/parse-csv.js';
import { tableToStations } from './table/table-to-features.js';
import {
  FIELD_HEADERS,
  foldName,
  SERVICE_NAMES,
  STATION_TYPE_NAMES,
  toServiceId,
  toStationType,
  type StationField,
  type VocabularyEntry,
} from './vocabulary.js';

/** What a {@link StationProblem} is about. */
export type StationProblemKind =
  /** Two rows share a code; the later one was skipped. */
  | 'duplicate-id'
  /** The coordinates read as a place in China only with latitude and longitude swapped. */
  | 'swapped-coordinates'
  /** The point is outside China (and swapping does not help). */
  | 'outside-china'
  /** A station type the widget does not know: the station shows as "other". */
  | 'unknown-type'
  /** A service the widget does not know: shown as given, but no filter chip finds it. */
  | 'unknown-service'
  /** Service hours the widget cannot read: "open now" cannot be told. */
  | 'unreadable-hours';

/** One fault found in one row or feature. */
export interface StationProblem {
  kind: StationProblemKind;
  /** Position in the input, as in `skipped[i].index`: the feature's index, or the data row's (0 = the row after the header). */
  index: number;
  /** Spreadsheet row number (header = 1), for tables. */
  row?: number;
  /** The station's code, when it has one. */
  id?: string;
  /** The field as the data names it (`服务项目`, `services`, `经度, 纬度`). */
  field?: string;
  /** The offending value as given (one service of a list; coordinates as `lng, lat`). */
  value?: string;
  /** The known value it most likely means, for unknown types and services. */
  suggestion?: string;
  /** For `duplicate-id`: where the kept station with that code is. */
  first?: { index: number; row?: number };
  /** Whether the row was skipped (swapped coordinates are also found in skipped rows). */
  skipped: boolean;
}

/** Result of {@link checkStations}: the parse result, plus the problems in row order. */
export interface StationCheck extends ParseResult {
  problems: StationProblem[];
  /** Rows or features read (kept + skipped). */
  total: number;
}

/** Options of {@link checkStations}: the same as `parseStations`'. */
export type CheckStationsOptions = ParseStationsOptions;

/** One input row or feature, with what the parser made of it. */
interface Entry {
  index: number;
  row?: number;
  station?: Station;
  skip?: SkippedFeature;
  /** The raw coordinates, when they are two numbers (also for skipped rows). */
  position: [number, number] | null;
}

/**
 * Parses `input` exactly as the widget will (GeoJSON, or CSV/TSV text or bytes)
 * and lists every fault a data editor should fix, in row order.
 *
 * @example
 * const { stations, skipped, problems } = checkStations(await file.arrayBuffer(), { crs: 'gcj02' });
 * for (const p of problems) console.log(p.row ?? p.index, p.kind, p.value, p.suggestion ?? '');
 */
export function checkStations(input: unknown, options: CheckStationsOptions = {}): StationCheck {
  let data = input;
  if (isTableInput(data)) {
    const text = isBytes(data) ? decodeBytes(data).text : (data as string);
    if (isTableInput(text)) {
      const records = parseCsv(text);
      const table = tableToStations(records, { fields: options.fields });
      if (!(table instanceof StationTable)) return { stations: [], skipped: [], error: table, problems: [], total: 0 };
      return judge(parseStations(table, options), tableEntries, table, records, options);
    }
    data = text;
  }
  return judge(parseStations(data, options), featureEntries, data, null, options);
}

function judge<T>(
  result: ParseResult,
  entriesOf: (result: ParseResult, source: T, records: readonly string[][] | null) => Entry[],
  source: T,
  records: readonly string[][] | null,
  options: CheckStationsOptions,
): StationCheck {
  if (result.error) return { ...result, problems: [], total: 0 };
  const entries = entriesOf(result, source, records);
  const table = source instanceof StationTable ? source : null;
  const problems: StationProblem[] = [];
  const keptAt = new Map<string, Entry>();
  // A sheet repeats its values down a column: each unknown one is matched against the vocabulary once.
  const suggested = new Map<string, string | null>();
  const suggest = (value: string, entries: readonly VocabularyEntry<string>[]): string | null => {
    const key = `${entries === SERVICE_NAMES ? 's' : 't'}${value}`;
    let found = suggested.get(key);
    if (found === undefined) suggested.set(key, (found = suggestName(value, namesOf(entries))));
    return found;
  };
  for (const entry of entries) {
    const { station, skip } = entry;
    const id = station?.id ?? skip?.id;
    const base = { index: entry.index, ...(entry.row === undefined ? {} : { row: entry.row }), ...(id === undefined ? {} : { id }), skipped: skip !== undefined };
    if (station) keptAt.set(station.id, entry);
    if (skip?.reason === 'duplicate-id' && skip.id !== undefined) {
      const first = keptAt.get(skip.id);
      const at = first ? { index: first.index, ...(first.row === undefined ? {} : { row: first.row }) } : undefined;
      problems.push({ ...base, kind: 'duplicate-id', field: headerOf('id', station, table, options), value: skip.id, ...(at ? { first: at } : {}) });
      continue;
    }
    if (entry.position) {
      const where = judgePosition(entry.position);
      // A skipped row's coordinates matter only when swapping them would have made it usable.
      if (where && (!skip || where === 'swapped-coordinates')) {
        problems.push({ ...base, kind: where, field: coordinateHeader(table), value: `${entry.position[0]}, ${entry.position[1]}` });
      }
    }
    if (!station) continue;
    const p = station.properties;
    if (typeof p.type === 'string' && p.type.trim() !== '' && toStationType(p.type) === undefined) {
      const suggestion = suggest(p.type, STATION_TYPE_NAMES);
      problems.push({ ...base, kind: 'unknown-type', field: headerOf('type', station, table, options), value: p.type.trim(), ...(suggestion ? { suggestion } : {}) });
    }
    if (Array.isArray(p.services)) {
      for (const service of p.services as unknown[]) {
        if (typeof service !== 'string' || service.trim() === '' || toServiceId(service) !== undefined) continue;
        const suggestion = suggest(service, SERVICE_NAMES);
        problems.push({ ...base, kind: 'unknown-service', field: headerOf('services', station, table, options), value: service.trim(), ...(suggestion ? { suggestion } : {}) });
      }
    }
    if (typeof p.hours === 'string' && p.hours.trim() !== '' && parseHours(p.hours) === null) {
      problems.push({ ...base, kind: 'unreadable-hours', field: headerOf('hours', station, table, options), value: p.hours.trim() });
    }
  }
  return { ...result, problems, total: entries.length };
}

/** GeoJSON: each feature is one entry; the stations are the features not skipped, in order. */
function featureEntries(result: ParseResult, input: unknown): Entry[] {
  const features = readFeatures(input);
  const skippedAt = new Map<number, SkippedFeature>();
  for (const s of result.skipped) skippedAt.set(s.index, s);
  const total = result.stations.length + result.skipped.length;
  const entries: Entry[] = [];
  let kept = 0;
  for (let index = 0; index < total; index++) {
    const skip = skippedAt.get(index);
    const station = skip ? undefined : result.stations[kept++];
    const position = readPosition((station ?? features?.[index]) as { geometry?: unknown } | undefined);
    entries.push({ index, ...(skip ? { skip } : { station }), position } as Entry);
  }
  return entries;
}

/**
 * A table: the rows the table reader left out (no usable coordinates) and the
 * rows it made features of, in row order; a feature is a station unless the
 * parser skipped its row.
 */
function tableEntries(result: ParseResult, table: StationTable, records: readonly string[][] | null): Entry[] {
  const skippedAt = new Map<number, SkippedFeature>();
  for (const s of result.skipped) if (s.row !== undefined) skippedAt.set(s.row, s);
  const entries: Entry[] = [];
  let kept = 0;
  for (let i = 0; i < table.features.length; i++) {
    const row = table.rows[i]!;
    const skip = skippedAt.get(row);
    skippedAt.delete(row);
    const station = skip ? undefined : result.stations[kept++];
    const position = readPosition(table.features[i] as { geometry?: unknown });
    entries.push({ index: row - table.headerRow - 1, row, ...(skip ? { skip } : { station }), position } as Entry);
  }
  // What is left are rows without usable coordinates: read their cells for the swapped check.
  const lngLat = coordinateColumns(table, records);
  for (const [row, skip] of skippedAt) {
    entries.push({ index: skip.index, row, skip, position: lngLat ? readCells(records![row - 1], lngLat) : null });
  }
  return entries.sort((a, b) => a.row! - b.row!);
}

/** Column positions of the longitude and latitude (or the one "lng,lat" column) in the header row. */
function coordinateColumns(table: StationTable, records: readonly string[][] | null): { lng: number; lat: number } | { pair: number } | null {
  const header = records?.[table.headerRow - 1];
  if (!header) return null;
  const find = (name: string | undefined) => (name === undefined ? -1 : header.findIndex((h) => h.trim() === name));
  const lng = find(table.columns.lng);
  const lat = find(table.columns.lat);
  if (lng >= 0 && lat >= 0) return { lng, lat };
  const pair = find(table.columns.coordinates);
  return pair >= 0 ? { pair } : null;
}

function readCells(record: readonly string[] | undefined, at: { lng: number; lat: number } | { pair: number }): [number, number] | null {
  if (!record) return null;
  const cells = 'pair' in at ? (record[at.pair] ?? '').normalize('NFKC').split(/\s*[,;\s]\s*/).filter((c) => c !== '') : [record[at.lng] ?? '', record[at.lat] ?? ''];
  if (cells.length !== 2) return null;
  const [x, y] = cells.map((c) => (c.trim() === '' ? Number.NaN : Number(c.normalize('NFKC').trim())));
  return Number.isFinite(x) && Number.isFinite(y) ? [x!, y!] : null;
}

/** The features of a GeoJSON input, to look at skipped ones; `null` for anything else. */
function readFeatures(input: unknown): readonly unknown[] | null {
  let doc = input;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc.replace(/^\uFEFF/, ''));
    } catch {
      return null;
    }
  }
  if (Array.isArray(doc)) return doc;
  if (doc !== null && typeof doc === 'object') {
    const d = doc as { type?: unknown; features?: unknown };
    if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features;
    if (d.type === 'Feature') return [doc];
  }
  return null;
}

function readPosition(feature: { geometry?: unknown } | null | undefined): [number, number] | null {
  const c = (feature?.geometry as { coordinates?: unknown } | null | undefined)?.coordinates;
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return null;
  return Number.isFinite(c[0]) && Number.isFinite(c[1]) ? [c[0], c[1]] : null;
}

/**
 * The name the data gives `field`: the table's column header, or the property
 * of the station that holds it (the page's `fields` name, the schema's own
 * name, or one of the known headers).
 */
function headerOf(field: StationField, station: Station | undefined, table: StationTable | null, options: CheckStationsOptions): string {
  const column = table?.columns[field];
  if (column) return column;
  const named = options.fields?.[field];
  const properties = station?.properties;
  if (named && properties && named in properties) return named;
  if (properties) {
    const known = new Set(FIELD_HEADERS[field].map(foldName));
    for (const key of Object.keys(properties)) if (key !== field && known.has(foldName(key))) return key;
  }
  return field === 'id' ? 'id' : field;
}

function coordinateHeader(table: StationTable | null): string {
  if (table?.columns.lng && table.columns.lat) return `${table.columns.lng}, ${table.columns.lat}`;
  return table?.columns.coordinates ?? 'coordinates';
}

const NAMES = new WeakMap<readonly VocabularyEntry<string>[], string[]>();

/** Every name of a vocabulary table (ids too), for suggestions. */
function namesOf(entries: readonly VocabularyEntry<string>[]): string[] {
  let names = NAMES.get(entries);
  if (!names) NAMES.set(entries, (names = entries.flatMap((e) => [e.id, ...e.names])));
  return names;
}

/**
 * Roughly China, as two boxes: the mainland with Hainan and Taiwan, and the
 * South China Sea islands. Coarse on purpose (it takes in neighbours' border
 * areas): it is there to catch swapped columns, a wrong sign or a point from
 * a test file, not to draw borders. The offset of GCJ-02 or BD-09 is far below
 * its precision, so the data's own coordinates are judged as given.
 *
 * @example isRoughlyInChina(117.13, 36.21) // true
 * @example isRoughlyInChina(36.21, 117.13) // false
 */
export function isRoughlyInChina(lng: number, lat: number): boolean {
  return (lng >= 73.4 && lng <= 135.1 && lat >= 18 && lat <= 53.6) || (lng >= 108 && lng <= 118 && lat >= 3.5 && lat <= 18);
}

function judgePosition([x, y]: [number, number]): StationProblemKind | null {
  if (isRoughlyInChina(x, y)) return null;
  return isRoughlyInChina(y, x) ? 'swapped-coordinates' : 'outside-china';
}
