/**
 * `parseStations` of `station-map/core`: the feature parser (data/parse-features.ts) with the full
 * reader of station properties (data/station-fields.ts: Chinese and GIS headers, the vocabulary).
 */
import { runSteps, type Steps } from '../util/steps.js';
import type { ParseResult } from '../types.js';
import { describeError, parseFeatureColumnsSteps, type ParsedStationColumns, type ParseStationsOptions } from './parse-features.js';
import { FieldReader } from './station-fields.js';

export { DEFAULT_MAX_FEATURES, type ParsedStationColumns, type ParseStationsOptions } from './parse-features.js';

/**
 * Parses station GeoJSON (or a table already read by data/table/read-table.ts) into {@link Station}s.
 * `station-map/core`'s `parseStations` (data/read-stations.ts) reads CSV/TSV text and bytes first;
 * this one keeps the table reader out of the element's first download.
 *
 * Each input feature ends up in exactly one of `stations` or `skipped`. A
 * station is a new object `{ ...feature, id }` whose `id` is the string form of
 * the Feature `id`, `properties.id` or `properties.code` (the first usable one,
 * trimmed); its `geometry` and `properties` objects are the input's own, and the
 * input is never changed. When two features share an id, the first usable one
 * wins. Coordinates (including a 3rd/4th value) are kept as given, in the
 * `crs` the caller says they are in.
 *
 * Properties named the way unions name them (站点名称, 类型, 服务项目, 开放时间 …, or a page's own
 * `fields`) and values in Chinese (工会驿站, "饮水、热水") are read as the schema's fields: such a
 * station's `properties` is a copy holding every original property untouched plus `name`, `type`
 * (as its vocabulary id), `services` (an array of ids) and the other fields found.
 *
 * A table's rows are read by their headers (header = spreadsheet row 1); `经度`/`纬度` or
 * `lng`/`lat` (or one "lng,lat" column) give the coordinates, and each skipped row carries its
 * spreadsheet `row` number.
 *
 * A document that is not JSON or not GeoJSON (nor a table of stations) yields no stations and an
 * `error` with code `invalid-geojson` and a readable message. A document with
 * more than `maxFeatures` features (default 2,000,000) yields no stations and
 * an `error` with code `too-large`: it is refused whole, never truncated.
 *
 * @example
 * const { stations, skipped } = parseStations(await response.text());
 * for (const s of skipped) console.warn(`station ${s.index}: ${s.message}`);
 *
 * @example
 * parseStations({ type: 'Feature', id: 'TA-0391',
 *   geometry: { type: 'Point', coordinates: [117.1306, 36.2106] },
 *   properties: { name: '泰山区红门工会驿站' } }).stations[0].id // 'TA-0391'
 */
export function parseStations(input: unknown, options: ParseStationsOptions = {}): ParseResult {
  try {
    const parsed = runSteps(parseStationColumnsSteps(input, options));
    if (parsed.error) return { stations: [], skipped: [], error: parsed.error };
    return { stations: parsed.list.all(), skipped: parsed.skipped };
  } catch (error) {
    // Only reachable with hostile objects (throwing getters, proxies); JSON cannot get here.
    return invalid(`Could not read the stations: ${describeError(error)}`);
  }
}

/**
 * {@link parseStations} without copying the stations, in steps yielding the fraction of features
 * read: the very same checks, skips and messages, but each station object is made only when
 * `list.at(i)` first asks for it, and the coordinates and ids land in typed columns on the way.
 *
 * @example const { list, lng, lat, skipped } = runSteps(parseStationColumnsSteps(collection));
 */
export function parseStationColumnsSteps(input: unknown, options: ParseStationsOptions = {}): Steps<ParsedStationColumns> {
  return parseFeatureColumnsSteps(input, options, new FieldReader(options?.fields));
}

function invalid(message: string): ParseResult {
  return { stations: [], skipped: [], error: { code: 'invalid-geojson', message } };
}
