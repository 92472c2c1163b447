/**
 * Turns whatever a page hands us (a FeatureCollection, a Feature, an array of
 * Features or JSON text) into stations, and says in plain English why every
 * other feature was left out. Never throws on bad data: bad data must not break the page.
 * The reader of station properties is given by the caller (see data/property-reader.ts):
 * `parseStations` (data/parse-stations.ts) gives the full one, the element the schema reader first.
 */
import { runStepsWithin, type Steps } from '../util/steps.js';
import { parseCrs } from '../geo/crs/crs.js';
import type { Crs, ParseResult, SkippedFeature, SkipReason } from '../types.js';
import { NeedsFieldReader, toIdString, type PropertyReader } from './property-reader.js';
import type { StationFields } from './station-fields.js';
import { StationIdIndex } from './station-id-index.js';
import { StationList } from './lazy-station-list.js';
import { StationTable } from './station-table.js';

/** Options of {@link parseStations}. */
export interface ParseStationsOptions {
  /**
   * The coordinate system the data's coordinates are in (default `wgs84`).
   * Coordinates are kept exactly as given, never converted: this only names
   * the system in messages. Convert for the spatial index with
   * `toStationColumns(stations, crs)`.
   */
  crs?: Crs;
  /**
   * Most features accepted in one document (default 2,000,000, {@link DEFAULT_MAX_FEATURES}).
   * A larger document is refused as a whole with a `too-large` error rather than
   * cut short: a silently truncated map would hide stations without telling
   * anyone, and the page would freeze long before showing millions of them.
   * `Infinity` turns the limit off.
   */
  maxFeatures?: number;
  /**
   * The header (property name) of each schema field, for headers the built-in list does not know:
   * `{ name: '驿站名称', phone: '值班电话' }`. 站点名称, 类型, 服务项目, 经度 … and `lng`/`lat`
   * are read without it (see `FIELD_HEADERS` in data/vocabulary.ts).
   */
  fields?: StationFields;
}

/** Default {@link ParseStationsOptions.maxFeatures}: far above any real station list, below what freezes a phone. */
export const DEFAULT_MAX_FEATURES = 2_000_000;

const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/** Features read between two yields of {@link parseFeatureColumnsSteps}: a few milliseconds of work. */
const FEATURES_PER_STEP = 4096;

/** Longest piece of the input echoed back in a message, so a huge string cannot make a huge message. */
const MAX_ECHO = 40;

/**
 * What {@link parseFeatureColumnsSteps} makes of a document: the accepted
 * stations (made on first use), their coordinates as given and their ids, and
 * the skipped features. All empty when `error` is set.
 */
export interface ParsedStationColumns {
  list: StationList;
  /** Longitudes as given (in the data's `crs`), one per station. */
  lng: Float64Array;
  /** Latitudes as given, one per station. */
  lat: Float64Array;
  indexById: StationIdIndex;
  skipped: SkippedFeature[];
  error?: ParseResult['error'];
}

/**
 * {@link parseStations} without copying the stations, in steps yielding the
 * fraction of features read: the very same checks, skips and messages, but
 * each station object is made only when `list.at(i)` first asks for it, and
 * the coordinates and ids land in typed columns and an id index on the way.
 * This is what the element runs, a slice at a time, on a million features.
 *
 * @example const { list, lng, lat, skipped } = runSteps(parseFeatureColumnsSteps(collection, {}, new SchemaReader()));
 */
export function* parseFeatureColumnsSteps(input: unknown, options: ParseStationsOptions, reader: PropertyReader): Steps<ParsedStationColumns> {
  const table = input instanceof StationTable ? input : null;
  const features = table ? table.features : readFeatureList(input);
  if (typeof features === 'string') return unusable({ code: 'invalid-geojson', message: features }, reader);
  let count: number;
  try {
    count = features.length;
  } catch (error) {
    // A proxy of an array whose `length` throws.
    return unusable({ code: 'invalid-geojson', message: `Could not read the stations: ${describeError(error)}` }, reader);
  }
  const maxFeatures = readLimit(options?.maxFeatures, DEFAULT_MAX_FEATURES);
  if (count > maxFeatures) {
    return unusable({
      code: 'too-large',
      message: `Too many features: the document has ${formatCount(count)}, more than the limit of ${formatCount(maxFeatures)} (maxFeatures)`,
    }, reader);
  }
  const crs = parseCrs(options?.crs) ?? 'wgs84';
  return yield* parseFeaturesSteps(features, crs, reader, table);
}

function unusable(error: NonNullable<ParseResult['error']>, reader: PropertyReader): ParsedStationColumns {
  const ids = new StationIdIndex(0);
  return { list: new StationList([], new Uint32Array(0), ids, reader), lng: new Float64Array(0), lat: new Float64Array(0), indexById: ids, skipped: [], error };
}

/** A positive limit, or the default for anything else (`undefined`, `NaN`, `0`, negatives); `Infinity` is allowed. */
function readLimit(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The features to look at, or a message saying why the document is unusable. */
function readFeatureList(input: unknown): readonly unknown[] | string {
  let doc = input;
  if (typeof doc === 'string') {
    const text = doc.charCodeAt(0) === 0xfeff ? doc.slice(1) : doc;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      return explainNotJson(text, error);
    }
  }
  try {
    if (Array.isArray(doc)) return doc;
    if (doc !== null && typeof doc === 'object') {
      const type = (doc as { type?: unknown }).type;
      if (type === 'FeatureCollection') {
        const features = (doc as { features?: unknown }).features;
        if (Array.isArray(features)) return features;
        const got = features === undefined ? '' : ` (got ${describeValue(features)})`;
        return `Not GeoJSON: the FeatureCollection has no "features" array${got}`;
      }
      if (type === 'Feature') return [doc];
    }
  } catch (error) {
    // A hostile object (throwing getter, proxy).
    return `Could not read the stations: ${describeError(error)}`;
  }
  return `Not GeoJSON: expected a FeatureCollection, a Feature or an array of Features, got ${describeValue(doc)}`;
}

/** The usual culprits get a plain explanation; anything else gets the parser's own words. */
function explainNotJson(text: string, error: unknown): string {
  const start = text.trimStart();
  if (start === '') return 'Not JSON: the text is empty';
  if (start[0] === '<') {
    // A wrong URL or a server error page answers with HTML.
    return `Not JSON: the text starts with "${echo(start.slice(0, 15))}", which looks like an HTML page, not station data`;
  }
  // UTF-16 read as UTF-8 (Windows "Unicode" text, some Excel exports): a garbled BOM or a NUL after each ASCII letter.
  if (/^\uFFFD\uFFFD|\0/.test(start.slice(0, 64))) {
    return 'Not JSON: the text looks UTF-16 encoded; save the file as UTF-8';
  }
  return `Not JSON: ${describeError(error)}`;
}

/** Reads the features a step at a time into columns, an id index and the list of skipped ones. */
function* parseFeaturesSteps(
  features: readonly unknown[],
  crs: Crs,
  reader: PropertyReader,
  table: StationTable | null,
): Steps<ParsedStationColumns> {
  const count = features.length;
  // A yield after each large allocation: at a million features each costs ~10 ms.
  const ids = new StationIdIndex(count);
  yield 0;
  const featureAt = new Uint32Array(count);
  yield 0;
  const lng = new Float64Array(count);
  yield 0;
  const into: ParseTarget = { ids, featureAt, lng, lat: new Float64Array(count), size: 0, skipped: [], crs, reader, table };
  yield* runStepsWithin(into.ids.touchSteps(), 0, 0);
  for (let start = 0; start < count; start += FEATURES_PER_STEP) {
    const end = Math.min(count, start + FEATURES_PER_STEP);
    parseRange(features, start, end, into);
    yield end / count;
  }
  const { size, lat } = into;
  const skipped = table && table.skipped.length > 0 ? mergeByRow(table.skipped, into.skipped) : into.skipped;
  return {
    // A table's rows already hold the schema fields (read once per table, not per row).
    list: new StationList(features, featureAt.subarray(0, size), ids, table ? null : reader),
    lng: lng.subarray(0, size),
    lat: lat.subarray(0, size),
    indexById: ids,
    skipped,
  };
}

/** Where {@link parseRange} puts what it reads: `size` stations so far, in columns sized for all features. */
interface ParseTarget {
  ids: StationIdIndex;
  featureAt: Uint32Array;
  lng: Float64Array;
  lat: Float64Array;
  size: number;
  skipped: SkippedFeature[];
  crs: Crs;
  reader: PropertyReader;
  /** Set when the features are a table's rows: messages then name rows. */
  table: StationTable | null;
}

/** Two lists of skipped rows, each in row order, as one in row order. */
function mergeByRow(a: readonly SkippedFeature[], b: readonly SkippedFeature[]): SkippedFeature[] {
  const out: SkippedFeature[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.row! <= b[j]!.row!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * The hot loop: plain property reads and typeof checks only, no closures,
 * regexes or objects per feature, so a million features parse in a fraction
 * of a second without feeding the garbage collector. Messages are built only
 * for the (rare) skipped features. A function of its own rather than inline in
 * the generator, so V8 optimizes it as soon as it is hot.
 */
function parseRange(features: readonly unknown[], start: number, end: number, into: ParseTarget): void {
  const { ids, featureAt, lng, lat, skipped, crs, reader, table } = into;
  const check = reader.checksFeatures;
  for (let index = start; index < end; index++) {
    const feature = features[index];
    if (check && !acceptsFeature(reader, feature)) throw new NeedsFieldReader();
    let reason: SkipReason | null = null;
    let id: string | null = null;
    let first = -1;
    try {
      reason = checkShape(feature);
      if (reason === null) {
        const f = feature as { id?: unknown; properties?: unknown; geometry: { coordinates: number[] } };
        const properties = f.properties;
        id = readId(f.id, properties, reader);
        if (id === null) reason = 'missing-id';
        else {
          const name = reader.nameOf(properties);
          // Read before the id is claimed: nothing after `add` may throw.
          const c = f.geometry.coordinates;
          const x = c[0]!;
          const y = c[1]!;
          // A nameless feature does not claim its id: a later usable one may have it.
          if (name !== null) first = ids.add(id);
          else first = ids.get(id) ?? -2;
          if (first >= 0) reason = 'duplicate-id';
          else if (first === -2) reason = 'missing-name';
          else {
            const n = into.size++;
            featureAt[n] = index;
            lng[n] = x;
            lat[n] = y;
            continue;
          }
        }
      }
      const skip = describeSkip(feature, index, reason, id, first >= 0 ? featureAt[first]! : -1, crs, reader, table);
      skipped.push(skip);
    } catch (error) {
      // A throwing getter or proxy: the feature is unusable, the rest may be fine.
      skipped.push({
        index,
        reason: reason ?? 'not-a-feature',
        message: `Feature ${index} could not be read: ${describeError(error)}`,
      });
    }
  }
}

/** Whether `reader` can read the feature's properties (a feature that throws on reading is skipped below, by any reader). */
function acceptsFeature(reader: PropertyReader, feature: unknown): boolean {
  try {
    return feature === null || typeof feature !== 'object' || reader.accepts((feature as { properties?: unknown }).properties);
  } catch {
    return true;
  }
}

/** The first failing shape check in spec order, or null when the feature is a usable Point. */
function checkShape(feature: unknown): SkipReason | null {
  if (feature === null || typeof feature !== 'object' || Array.isArray(feature)) return 'not-a-feature';
  const f = feature as { type?: unknown; geometry?: unknown };
  if (f.type !== 'Feature') return 'not-a-feature';
  const geometry = f.geometry;
  if (geometry === null || typeof geometry !== 'object') return 'missing-geometry';
  if ((geometry as { type?: unknown }).type !== 'Point') return 'not-a-point';
  const c = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(c) || c.length < 2) return 'bad-coordinates';
  const lng = c[0];
  const lat = c[1];
  // typeof first: strings such as "117.1" are not accepted as numbers.
  if (typeof lng !== 'number' || typeof lat !== 'number') return 'bad-coordinates';
  // The comparisons are false for NaN, so NaN fails too; ±Infinity is out of range.
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return 'bad-coordinates';
  for (let i = 2; i < c.length; i++) {
    const extra = c[i];
    if (typeof extra !== 'number' || !Number.isFinite(extra)) return 'bad-coordinates';
  }
  return null;
}

/**
 * Feature `id`, else `properties.id`, else `properties.code`, else 编号, 站点编号 … (the page's
 * `fields.id` header before all of them): the first usable one, as a string.
 */
function readId(featureId: unknown, properties: unknown, reader: PropertyReader): string | null {
  if (reader.idFromFields !== null) {
    const named = reader.idFromHeader(properties);
    if (named !== null) return named;
  }
  const fromFeature = toIdString(featureId);
  if (fromFeature !== null) return fromFeature;
  return reader.idOf(properties);
}

function describeSkip(
  feature: unknown,
  index: number,
  reason: SkipReason,
  knownId: string | null,
  firstIndex: number,
  crs: Crs,
  reader: PropertyReader,
  table: StationTable | null,
): SkippedFeature {
  // The id (when there is one) helps a data editor find the feature, even for early failures.
  let id = knownId;
  if (id === null && feature !== null && typeof feature === 'object' && !Array.isArray(feature)) {
    const f = feature as { id?: unknown; properties?: unknown };
    id = readId(f.id, f.properties, reader);
  }
  if (table) return describeRowSkip(table, index, reason, id, firstIndex);
  const label = id === null ? `Feature ${index}` : `Feature ${index} ("${echo(id)}")`;
  const message = explainSkip(feature, reason, label, firstIndex, crs);
  return id === null ? { index, reason, message } : { index, id, reason, message };
}

/** A table row's skip, in the words of a spreadsheet: rows and columns, not features and properties. */
function describeRowSkip(
  table: StationTable,
  index: number,
  reason: SkipReason,
  id: string | null,
  firstIndex: number,
): SkippedFeature {
  const row = table.rows[index]!;
  const label = id === null ? `Row ${row}` : `Row ${row} ("${echo(id)}")`;
  let message: string;
  if (reason === 'duplicate-id') message = `${label} has the same id as row ${table.rows[firstIndex]}; the first one is kept`;
  else if (reason === 'missing-name') {
    const column = table.columns.name;
    message = column
      ? `${label} has no name: its "${echo(column)}" cell is empty`
      : `${label} has no name: the table has no name column (名称, 站点名称, name …)`;
  } else if (reason === 'missing-id') {
    const column = table.columns.id;
    message = column
      ? `${label} has no id: its "${echo(column)}" cell is empty`
      : `${label} has no id: the table has no id column (编号, 站点编号, code, id …)`;
  } else message = `${label} could not be read (${reason})`;
  const skip: SkippedFeature = { index: row - table.headerRow - 1, reason, message, row };
  if (id !== null) skip.id = id;
  return skip;
}

function explainSkip(
  feature: unknown,
  reason: SkipReason,
  label: string,
  firstIndex: number,
  crs: Crs,
): string {
  const f = feature as { type?: unknown; geometry?: unknown; properties?: unknown };
  switch (reason) {
    case 'not-a-feature':
      return `${label} is not a GeoJSON Feature: expected an object with "type": "Feature", got ${describeValue(feature)}`;
    case 'missing-geometry':
      return f.geometry === undefined || f.geometry === null
        ? `${label} has no geometry`
        : `${label} has no usable geometry: expected an object, got ${describeValue(f.geometry)}`;
    case 'not-a-point': {
      const type = (f.geometry as { type?: unknown }).type;
      const what = typeof type === 'string' ? `a ${echo(type)}` : 'a geometry without a type';
      return `${label} has ${what}, not a Point`;
    }
    case 'bad-coordinates':
      return `${label} has bad coordinates: ${explainCoordinates((f.geometry as { coordinates?: unknown }).coordinates, crs)}`;
    case 'missing-id':
      return `${label} has no id: set the Feature "id", properties.id or properties.code to a non-empty string or a number`;
    case 'duplicate-id':
      return `${label} has the same id as feature ${firstIndex}; the first one is kept`;
    case 'missing-name': {
      const name =
        f.properties !== null && typeof f.properties === 'object'
          ? (f.properties as { name?: unknown }).name
          : undefined;
      const got = name === undefined ? '' : ` (got ${describeValue(name)})`;
      return `${label} has no name: properties.name must be a non-empty string${got}`;
    }
  }
}

function explainCoordinates(c: unknown, crs: Crs): string {
  if (!Array.isArray(c)) return `expected an array [longitude, latitude], got ${describeValue(c)}`;
  const shown = formatPosition(c);
  if (c.length < 2) return `${shown} needs at least a longitude and a latitude`;
  for (let i = 0; i < c.length; i++) {
    const v: unknown = c[i];
    if (typeof v !== 'number') return `${shown} contains ${describeValue(v)} where a number is expected`;
    if (Number.isNaN(v)) return `${shown} contains NaN where a number is expected`;
    if (i >= 2 && !Number.isFinite(v)) return `${shown} contains ${v} where a finite number is expected`;
  }
  const [lng, lat] = c as number[];
  const parts: string[] = [];
  if (!(lng >= -180 && lng <= 180)) parts.push('longitude must be within -180…180');
  if (!(lat >= -90 && lat <= 90)) parts.push('latitude must be within -90…90');
  const hint =
    Math.abs(lng) > 1000 || Math.abs(lat) > 1000 ? ' (these look like projected metres, not degrees)' : '';
  return `${shown} are out of range: ${parts.join(' and ')} degrees (${CRS_LABEL[crs]})${hint}`;
}

function formatPosition(c: readonly unknown[]): string {
  const parts: string[] = [];
  const n = Math.min(c.length, 4);
  for (let i = 0; i < n; i++) {
    const v: unknown = c[i];
    parts.push(typeof v === 'number' ? String(v) : typeof v === 'string' ? `"${echo(v)}"` : describeValue(v));
  }
  if (c.length > n) parts.push('…');
  return `[${parts.join(', ')}]`;
}

/** Names a value for a message without ever echoing a large part of it. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string "${echo(value)}"`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object': {
      const type = (value as { type?: unknown }).type;
      return typeof type === 'string' ? `an object with type "${echo(type)}"` : 'an object without a "type"';
    }
    default:
      return `a ${typeof value}`;
  }
}

function echo(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** An error's message, for messages about unreadable input. */
export function describeError(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? String(error.message) : String(error);
  } catch {
    // Objects without a usable toString (e.g. Object.create(null)) are still errors.
    message = 'unknown error';
  }
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
