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
import { parseStations, type ParseStationsOptions } from './parse-stations.js';
import { suggestName } from './suggest-name.js';

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
  /** Position in the input: the feature's index, or the data row's index (0 = first row after the header). */
  index: number;
  /** Spreadsheet row number (header = 1), for tables. */
  row?: number;
  /** The station's code, when it has one. */
  id?: string;
  /** The field as the data names it (`服务项目`, `services`, `coordinates`). */
  field?: string;
  /** The offending value as given (one service of a list; coordinates as `lng, lat`). */
  value?: string;
  /** The known value it most likely means, for unknown types and services. */
  suggestion?: string;
  /** For `duplicate-id`: where the kept station with that code is. */
  first?: { index: number; row?: number };
  /** Whether the row was skipped (swapped coordinates are found in skipped rows too). */
  skipped: boolean;
}

/** Result of {@link checkStations}: the parse result, plus the problems in row order. */
export interface StationCheck extends ParseResult {
  problems: StationProblem[];
  /** Rows or features read (kept + skipped). */
  total: number;
}

/**
 * Known values, for telling recognised types and services from others and for
 * suggesting the closest one. `toType` / `toService` give the known id of a
 * value as written (any accepted name), or `null`.
 */
export interface CheckVocabulary {
  toType(value: string): string | null;
  toService(value: string): string | null;
  typeNames: readonly string[];
  serviceNames: readonly string[];
}

/** Options of {@link checkStations}: those of `parseStations`, plus the vocabulary to judge values by. */
export interface CheckStationsOptions extends ParseStationsOptions {
  /** The known values to judge types and services by (default: the widget's own). */
  vocabulary?: CheckVocabulary;
}

/**
 * Parses `input` exactly as the widget will and lists every fault a data
 * editor should fix, row by row.
 *
 * @example
 * const { stations, skipped, problems } = checkStations(geojsonText);
 * for (const p of problems) console.log(p.kind, p.row ?? p.index, p.value, p.suggestion);
 */
export function checkStations(input: unknown, options: CheckStationsOptions = {}): StationCheck {
  const result = parseStations(input, options);
  if (result.error) return { ...result, problems: [], total: 0 };
  const records = readRecords(input);
  const total = result.stations.length + result.skipped.length;
  const skippedAt = new Map<number, SkippedFeature>();
  for (const s of result.skipped) skippedAt.set(s.index, s);
  const keptAt = new Map<string, number>();
  const problems: StationProblem[] = [];
  const vocabulary = options.vocabulary;
  let kept = 0;
  for (let index = 0; index < total; index++) {
    const skip = skippedAt.get(index);
    const station: Station | undefined = skip ? undefined : result.stations[kept++];
    const record = records?.[index];
    const place = { index, ...(skip && 'row' in skip ? { row: (skip as { row?: number }).row } : {}) } as { index: number; row?: number };
    const id = station?.id ?? skip?.id;
    const base = { ...place, ...(id === undefined ? {} : { id }), skipped: skip !== undefined };
    if (station) keptAt.set(station.id, index);
    if (skip?.reason === 'duplicate-id' && skip.id !== undefined) {
      const firstIndex = keptAt.get(skip.id);
      problems.push({ ...base, kind: 'duplicate-id', field: 'id', value: skip.id, ...(firstIndex === undefined ? {} : { first: { index: firstIndex } }) });
      continue;
    }
    const position = readPosition(station ?? record);
    if (position) {
      const where = judgePosition(position);
      // A skipped row's coordinates matter only when swapping them would have made it usable.
      if (where && (!skip || where === 'swapped-coordinates')) problems.push({ ...base, kind: where, field: 'coordinates', value: `${position[0]}, ${position[1]}` });
    }
    if (skip) continue;
    const properties = (station ?? record)?.properties ?? {};
    if (vocabulary) problems.push(...checkValues(properties, vocabulary, base));
    const hours = readText(properties, HOURS_FIELDS);
    if (hours && parseHours(hours.value) === null) {
      problems.push({ ...base, kind: 'unreadable-hours', field: hours.field, value: hours.value });
    }
  }
  return { ...result, problems, total };
}

const HOURS_FIELDS = ['hours', '开放时间', '服务时间', '营业时间'];
const TYPE_FIELDS = ['type', '类型', '站点类型'];
const SERVICE_FIELDS = ['services', '服务项目', '服务内容'];

/** Splits a services string the way the widget does: on 、，,；;／/ and whitespace. */
function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  if (typeof value !== 'string') return [];
  return value.split(/[、，,；;／/\s]+/).filter((v) => v !== '');
}

function checkValues(
  properties: Record<string, unknown>,
  vocabulary: CheckVocabulary,
  base: Omit<StationProblem, 'kind'>,
): StationProblem[] {
  const problems: StationProblem[] = [];
  const type = readText(properties, TYPE_FIELDS);
  if (type && vocabulary.toType(type.value) === null) {
    const suggestion = suggestName(type.value, vocabulary.typeNames);
    problems.push({ ...base, kind: 'unknown-type', field: type.field, value: type.value, ...(suggestion ? { suggestion } : {}) });
  }
  const field = SERVICE_FIELDS.find((f) => properties[f] !== undefined);
  if (field) {
    for (const service of splitList(properties[field])) {
      if (vocabulary.toService(service) !== null) continue;
      const suggestion = suggestName(service, vocabulary.serviceNames);
      problems.push({ ...base, kind: 'unknown-service', field, value: service, ...(suggestion ? { suggestion } : {}) });
    }
  }
  return problems;
}

/** The first of `fields` holding a non-empty string (or number), with the field it came from. */
function readText(properties: Record<string, unknown>, fields: readonly string[]): { field: string; value: string } | null {
  for (const field of fields) {
    const v = properties[field];
    if (typeof v === 'string' && v.trim() !== '') return { field, value: v.trim() };
    if (typeof v === 'number' && Number.isFinite(v)) return { field, value: String(v) };
  }
  return null;
}

interface RawRecord {
  geometry?: unknown;
  properties?: Record<string, unknown>;
}

/** The features of a GeoJSON input, to look at skipped ones; `null` for anything else. */
function readRecords(input: unknown): readonly RawRecord[] | null {
  let doc = input;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc.replace(/^\uFEFF/, ''));
    } catch {
      return null;
    }
  }
  if (Array.isArray(doc)) return doc as RawRecord[];
  if (doc !== null && typeof doc === 'object') {
    const d = doc as { type?: unknown; features?: unknown };
    if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features as RawRecord[];
    if (d.type === 'Feature') return [doc as RawRecord];
  }
  return null;
}

function readPosition(record: RawRecord | undefined): [number, number] | null {
  const geometry = record?.geometry as { coordinates?: unknown } | null | undefined;
  const c = geometry?.coordinates;
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return null;
  if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) return null;
  return [c[0], c[1]];
}

/**
 * Roughly China, as two boxes: the mainland with Hainan and Taiwan, and the
 * South China Sea islands. Coarse on purpose (it takes in neighbours' border
 * areas): it is there to catch swapped columns, a wrong sign or a point
 * from a test file, not to draw borders. The offset of GCJ-02 or BD-09 is far
 * below its precision, so the data's own coordinates are judged as given.
 */
export function isRoughlyInChina(lng: number, lat: number): boolean {
  return (lng >= 73.4 && lng <= 135.1 && lat >= 18 && lat <= 53.6) || (lng >= 108 && lng <= 118 && lat >= 3.5 && lat <= 18);
}

function judgePosition([x, y]: [number, number]): StationProblemKind | null {
  if (isRoughlyInChina(x, y)) return null;
  return isRoughlyInChina(y, x) ? 'swapped-coordinates' : 'outside-china';
}
