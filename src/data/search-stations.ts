/**
 * Station search for the search box: what a worker types (a code off the
 * station's sign, part of a name, a street) against every station, ranked
 * so the most likely station comes first.
 *
 * Pinyin initials ("gh" for 工会) are left out on purpose: matching them needs
 * a character-to-pinyin table of several hundred kilobytes, many times the
 * widget's whole script budget, and an input method already turns pinyin
 * into characters as the worker types.
 */
import type { Station } from '../types.js';
import { normalizeText } from './filter-stations.js';

/** How a station matched, best first. */
export type StationMatchKind = 'code' | 'name-prefix' | 'name' | 'address';

/** One station found by {@link searchStations}. */
export interface StationMatch {
  /** Position in the array searched. */
  index: number;
  station: Station;
  kind: StationMatchKind;
}

/** Options of {@link searchStations}. */
export interface SearchStationsOptions {
  /** Most matches returned; default 10. */
  limit?: number;
  /** Only stations for which this returns `true` (e.g. the current filter). */
  accept?: (index: number) => boolean;
}

const KIND_ORDER: readonly StationMatchKind[] = ['code', 'name-prefix', 'name', 'address'];

/** Normalized text per station, in columns. */
interface SearchColumns {
  /** Id and `code` property, each on its own line, with a line break before and after. */
  codes: string[];
  /** `name` and every `name:<lang>`, each on its own line. */
  names: string[];
  addresses: string[];
  /** Length of the normalized main `name`, for ranking. */
  nameLengths: Int32Array;
}

// Built on the first search of an array and kept while the array lives; a new
// load is a new array, so stale text is never searched.
const columnsCache = new WeakMap<readonly Station[], SearchColumns>();

/**
 * Stations matching `query`, ranked: the id or `code` equal to it, then names
 * starting with it, names containing it, addresses containing it; within a
 * rank shorter names first, then data order. Full- and half-width forms,
 * case and runs of spaces are ignored (`ＴＡ－０３９１` finds `ta-0391`).
 * An empty query finds nothing.
 *
 * The text of every station is normalized once per array (≈ 0.1 s for
 * 100k stations) and each later search is a plain scan.
 *
 * @example
 * searchStations(stations, '红门', { limit: 5 }) // [{ index: 12, station, kind: 'name-prefix' }, …]
 */
export function searchStations(
  stations: readonly Station[],
  query: string,
  options: SearchStationsOptions = {},
): StationMatch[] {
  const needle = normalizeText(String(query ?? ''));
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  if (needle === '' || limit === 0) return [];
  const { codes, names, addresses, nameLengths } = searchColumnsOf(stations);
  const lineStart = `\n${needle}`;
  const codeLine = `\n${needle}\n`;
  const buckets: number[][] = [[], [], [], []];
  const accept = options.accept;
  for (let i = 0; i < stations.length; i++) {
    let rank = -1;
    if (codes[i].includes(codeLine)) rank = 0;
    else if (names[i].startsWith(needle) || names[i].includes(lineStart)) rank = 1;
    else if (names[i].includes(needle)) rank = 2;
    else if (addresses[i].includes(needle)) rank = 3;
    if (rank < 0 || (accept && !accept(i))) continue;
    buckets[rank].push(i);
  }
  const matches: StationMatch[] = [];
  for (let rank = 0; rank < buckets.length && matches.length < limit; rank++) {
    const bucket = buckets[rank];
    bucket.sort((a, b) => nameLengths[a] - nameLengths[b] || a - b);
    for (let k = 0; k < bucket.length && matches.length < limit; k++) {
      matches.push({ index: bucket[k], station: stations[bucket[k]], kind: KIND_ORDER[rank] });
    }
  }
  return matches;
}

function searchColumnsOf(stations: readonly Station[]): SearchColumns {
  const cached = columnsCache.get(stations);
  if (cached) return cached;
  const codes: string[] = new Array(stations.length);
  const names: string[] = new Array(stations.length);
  const addresses: string[] = new Array(stations.length);
  const nameLengths = new Int32Array(stations.length);
  for (let i = 0; i < stations.length; i++) {
    const station = stations[i];
    const properties = station?.properties;
    const nameParts: string[] = [];
    const codeParts: string[] = [normalizeText(String(station?.id ?? ''))];
    let address = '';
    if (properties !== null && typeof properties === 'object') {
      if (typeof properties.name === 'string') nameParts.push(normalizeText(properties.name));
      nameLengths[i] = nameParts[0]?.length ?? 0;
      for (const key of Object.keys(properties)) {
        const value = properties[key];
        if (key.startsWith('name:') && typeof value === 'string') nameParts.push(normalizeText(value));
      }
      if (typeof properties.code === 'string' || typeof properties.code === 'number') {
        codeParts.push(normalizeText(String(properties.code)));
      }
      if (typeof properties.address === 'string') address = normalizeText(properties.address);
    }
    // normalizeText folds every line break into a space, so '\n' safely separates the parts.
    codes[i] = `\n${codeParts.join('\n')}\n`;
    names[i] = nameParts.join('\n');
    addresses[i] = address;
  }
  const columns = { codes, names, addresses, nameLengths };
  columnsCache.set(stations, columns);
  return columns;
}
