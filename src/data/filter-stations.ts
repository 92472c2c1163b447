/**
 * The station filter shared by markers, clusters, lists and nearest queries:
 * one predicate built once per filter change, cheap enough to run over a
 * hundred thousand stations on every keystroke.
 */
import type { HolidayCalendar } from '../hours/holiday-calendar.js';
import { isOpenAt } from '../hours/is-open.js';
import { isStatusOpen } from './station-facts.js';
import type { KnownStationType, Station, StationFilter } from '../types.js';

/** Options of {@link createStationFilter}. */
export interface StationFilterOptions {
  /** The moment "open now" is judged at (default: when the filter is created). */
  now?: Date;
  /** IANA time zone of the stations' hours (default: `isOpenAt`'s, `Asia/Shanghai`). */
  timezone?: string;
  /** Dates added to China's holiday calendar for "open now" (see `isOpenAt`); `null`: no calendar. */
  holidays?: HolidayCalendar | null;
}

/** The station types the spec names, in the order a worker looks for them. */
export const KNOWN_STATION_TYPES: readonly KnownStationType[] = [
  'union-station',
  'outdoor-worker-station',
  'service-center',
  'mommy-room',
  'driver-home',
  'reading-room',
];

const KNOWN_TYPES: ReadonlySet<string> = new Set<string>(KNOWN_STATION_TYPES);

// Dashes NFKC leaves alone but that phone keyboards and IMEs type for "-".
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
const SPACES = /\s+/g;
// Characters that show as nothing (zero-width space and joiners, word joiner, BOM, soft hyphen):
// text pasted from web pages and chat apps carries them inside words.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Letters whose lower case is two letters in other text: German ß is written ss, and the Turkish
// İ lower-cases to i + a combining dot, which a typed "i" does not have.
const FOLDS = /ß|i\u0307/g;

/**
 * Folds text for matching: invisible characters dropped, NFKC (full-width ＴＡ－０３９１ becomes
 * TA-0391), lower case, ß as ss, İ as i, dash variants to `-`, spaces trimmed and collapsed.
 * Chinese text passes unchanged.
 *
 * @example normalizeText('  ＴＡ－０３９１　红门 ') // 'ta-0391 红门'
 */
export function normalizeText(s: string): string {
  let text = s.replace(INVISIBLE, '').normalize('NFKC').toLowerCase();
  // NFC again after a fold: dropping the dot may let i and a following accent compose.
  if (text.includes('ß') || text.includes('i\u0307')) text = text.replace(FOLDS, (m) => (m === 'ß' ? 'ss' : 'i')).normalize('NFC');
  return text.replace(DASHES, '-').replace(SPACES, ' ').trim();
}

// Normalized searchable text per station, computed on first use. Keyed by the
// station object, so re-parsed data gets fresh entries and old ones are collected.
const searchTextCache = new WeakMap<Station, string>();

/**
 * Builds the predicate for a {@link StationFilter}, or returns `null` when the
 * filter keeps every station, so callers can skip the loop.
 *
 * - `types`: the station's `type` is listed; a station whose type is missing
 *   or not one the spec names also matches `'other'`.
 * - `services`: the station offers every listed service.
 * - `text`: case- and width-insensitive substring of the name, any `name:<lang>`,
 *   the address or the id.
 * - `openNow`: open at `options.now` in `options.timezone`; unknown hours do not match.
 *
 * A station's searchable text is cached on first use; a station whose
 * properties are later changed in place keeps its old text.
 *
 * @example
 * const keep = createStationFilter({ types: ['mommy-room'], text: '红门' });
 * const visible = keep ? stations.filter(keep) : stations;
 */
export function createStationFilter(
  filter: StationFilter | undefined,
  options: StationFilterOptions = {},
): ((station: Station) => boolean) | null {
  if (!filter) return null;
  const types = toList(filter.types);
  const typeSet = types.length > 0 ? new Set(types) : null;
  const matchesOther = typeSet !== null && typeSet.has('other');
  const services = toList(filter.services);
  const query = typeof filter.text === 'string' ? normalizeText(filter.text) : '';
  const openNow = filter.openNow === true;
  if (typeSet === null && services.length === 0 && query === '' && !openNow) return null;

  const now = options.now ?? new Date();
  const openOptions = { timezone: options.timezone, holidays: options.holidays };
  // Most stations share a few hours strings (24小时, 08:00-20:00): judge each once.
  const openByHours = new Map<unknown, boolean>();

  return (station: Station): boolean => {
    const properties = station.properties;
    if (properties === null || typeof properties !== 'object') return false;
    if (typeSet !== null) {
      const type = properties.type;
      const known = typeof type === 'string' && KNOWN_TYPES.has(type);
      if (!(typeof type === 'string' && typeSet.has(type)) && !(matchesOther && !known)) return false;
    }
    if (services.length > 0) {
      const offered = properties.services;
      if (!Array.isArray(offered)) return false;
      for (let i = 0; i < services.length; i++) if (!offered.includes(services[i])) return false;
    }
    if (openNow) {
      if (!isStatusOpen(properties.status)) return false;
      const hours = properties.hours;
      let open = openByHours.get(hours);
      if (open === undefined) {
        open = isOpenAt(typeof hours === 'string' ? hours : null, now, openOptions) === true;
        openByHours.set(hours, open);
      }
      if (!open) return false;
    }
    return query === '' || readSearchText(station).includes(query);
  };
}

/** Accepts a lone string too: `types: 'mommy-room'` is an easy mistake to forgive. */
function toList(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}

function readSearchText(station: Station): string {
  let text = searchTextCache.get(station);
  if (text === undefined) {
    const properties = station.properties;
    // '\n' never survives normalizeText, so a query cannot match across two fields.
    const parts: string[] = [normalizeText(String(station.id))];
    for (const key of Object.keys(properties)) {
      if (key !== 'name' && key !== 'address' && !key.startsWith('name:')) continue;
      const value = properties[key];
      if (typeof value === 'string') parts.push(normalizeText(value));
    }
    text = parts.join('\n');
    searchTextCache.set(station, text);
  }
  return text;
}
