/**
 * How the parser reads a station's id, name and schema fields from a feature's properties, and the
 * small reader for data that already speaks the schema. The full reader (data/station-fields.ts:
 * Chinese and GIS headers, the type and service vocabulary, about 3 KB gzip) is what `parseStations`
 * uses; the element starts with {@link SchemaReader} and loads the full one only when a feature has a
 * property the schema does not name or a value not in schema form — so a page with clean GeoJSON
 * never downloads the vocabulary, and a union's spreadsheet export gets it on first use.
 */
import type { KnownService } from '../types.js';
import { KNOWN_STATION_TYPES } from './filter-stations.js';

/** What the parser asks of a reader of station properties. */
export interface PropertyReader {
  /** The page's own id header (`fields.id`), which wins over the Feature `id`; null when none. */
  readonly idFromFields: string | null;
  /** The station's name, or null. */
  nameOf(properties: unknown): string | null;
  /** The id read from properties (after the Feature `id`), or null. */
  idOf(properties: unknown): string | null;
  /** The id under the page's own id header, or null. */
  idFromHeader(properties: unknown): string | null;
  /** The properties a station gets (the same object when they already speak the schema). */
  readProperties<T>(properties: T): T;
  /** Whether the parser must ask {@link accepts} of every feature (the full reader reads them all). */
  readonly checksFeatures: boolean;
  /** False when this reader cannot read `properties` the way the full reader would. */
  accepts(properties: unknown): boolean;
}

/** Thrown by the parser when {@link SchemaReader} meets properties it cannot read: load the full reader and parse again. */
export class NeedsFieldReader extends Error {
  constructor() {
    super('These stations need the field reader (data/station-fields.ts)');
  }
}

/** The services of the schema, as ids (tests/unit/data/property-reader.test.ts keeps them, and the types, equal to the vocabulary's). */
export const KNOWN_SERVICES: readonly KnownService[] = [
  'water', 'hot-water', 'meals', 'microwave', 'toilet', 'rest', 'charging', 'first-aid', 'air-conditioning', 'heating',
  'wifi', 'books', 'health-check', 'counseling', 'legal-aid', 'nursing', 'repair', 'umbrella', 'parking',
  'battery-swap', 'haircut', 'donations', 'medicine',
];

/**
 * The schema's fields under their own names and the other properties of the schema. Other names
 * that may be headers the vocabulary knows (名称, `NAME`, `title`) send the load to the full reader.
 */
const KEEP = 1;
const TYPE = 2;
const SERVICES_LIST = 3;
const HONORS = 4;
/** Schema key → how its value is checked; a null-prototype object: a keyed load per property is the hot path. */
const SCHEMA_KEYS: Record<string, number | undefined> = Object.assign(Object.create(null) as Record<string, number>, {
  id: KEEP, name: KEEP, address: KEEP, phone: KEEP, hours: KEEP, manager: KEEP, rating_url: KEEP, website: KEEP,
  photos: KEEP, status: KEEP, entry: KEEP, type: TYPE, services: SERVICES_LIST, honors: HONORS,
});
/**
 * The ASCII headers the vocabulary reads as schema fields (data/vocabulary.ts FIELD_HEADERS; a unit
 * test keeps the two equal). Any other lower-case ASCII name (`district`, `name:en`, `sample`) folds
 * to itself and names no field, so the full reader would keep it as it is, and so does this one.
 */
export const ENGLISH_FIELD_HEADERS: readonly string[] = [
  'code', 'title', 'addr', 'tel', 'telephone', 'opening_hours', 'url', 'lng', 'lon', 'long', 'longitude', 'x',
  'lat', 'latitude', 'y', 'lnglat', 'coordinates',
];
const ALIASES: ReadonlySet<string> = new Set(ENGLISH_FIELD_HEADERS);
/** Names that fold to themselves: no upper case, spaces, full-width forms or trailing notes. */
const PLAIN_NAME = /^[a-z][a-z0-9_:.-]*$/;
/**
 * The ASCII names the vocabulary maps to a type or service id (a unit test keeps this equal to it).
 * Any other lower-case ASCII value (`retiree-club`, `sewing`) is kept as given by the full reader too.
 */
export const ENGLISH_VALUE_NAMES: readonly string[] = ['wi-fi'];
const VALUE_ALIASES: ReadonlySet<string> = new Set(ENGLISH_VALUE_NAMES);
const TYPES: ReadonlySet<string> = new Set(KNOWN_STATION_TYPES);
const SERVICES: ReadonlySet<string> = new Set(KNOWN_SERVICES);

/** Whether the full reader keeps `value` as given or maps it to the same id: a known id, or a plain name it has no alias for. */
function keptAsGiven(value: string, ids: ReadonlySet<string>): boolean {
  return ids.has(value) || (PLAIN_NAME.test(value) && !VALUE_ALIASES.has(value));
}

/**
 * Reads properties that already speak the schema (English field names, type and service ids), as
 * the full reader would read them, and refuses (`accepts` → false) anything else.
 */
export class SchemaReader implements PropertyReader {
  readonly idFromFields = null;
  readonly checksFeatures = true;
  /** Names met that are no schema field, by whether the full reader would keep them as they are. */
  private readonly others: Record<string, boolean | undefined> = Object.create(null) as Record<string, boolean>;

  accepts(properties: unknown): boolean {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return true;
    const p = properties as Record<string, unknown>;
    for (const key in p) {
      const kind = SCHEMA_KEYS[key];
      if (kind === undefined) {
        let plain = this.others[key];
        if (plain === undefined) plain = this.others[key] = PLAIN_NAME.test(key) && !ALIASES.has(key);
        // An inherited enumerable property is not the station's: skip it, as the full reader does.
        if (!plain && Object.prototype.hasOwnProperty.call(p, key)) return false;
        continue;
      }
      if (kind === KEEP) continue;
      const value = p[key];
      if (kind === TYPE) {
        if (typeof value === 'string' && !keptAsGiven(value, TYPES)) return false;
      } else if (kind === SERVICES_LIST) {
        if (typeof value === 'string') return false;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            if (typeof item === 'string' && !keptAsGiven(item, SERVICES)) return false;
          }
        }
      } else if (typeof value === 'string') return false; // honors as one string
    }
    return true;
  }

  nameOf(properties: unknown): string | null {
    const name = properties !== null && typeof properties === 'object' ? (properties as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name.trim() !== '' ? name : null;
  }

  idOf(properties: unknown): string | null {
    return properties !== null && typeof properties === 'object' ? toIdString((properties as { id?: unknown }).id) : null;
  }

  idFromHeader(): string | null {
    return null;
  }

  readProperties<T>(properties: T): T {
    return properties;
  }
}

/** A usable id: a non-blank string (trimmed) or a finite number (as a string). */
export function toIdString(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
