/**
 * Reads a station's schema fields from properties named the way the data's publisher named them
 * (站点名称, 类型, 服务项目, lng …, see FIELD_HEADERS) and with values in their words (工会驿站,
 * "饮水、热水"), and gives the station properties the widget can read: the original ones, untouched,
 * plus the schema fields. Pure: no DOM, runs in Node and Workers.
 *
 * Why a reader object per load: it caches what each property name and each type or service string
 * stands for, so clean data costs one Map lookup per property and value, and Chinese data is
 * folded (NFKC, case, spaces) once per distinct name rather than once per station.
 */
import { toIdString, type PropertyReader } from './property-reader.js';
import {
  FIELD_HEADERS,
  SERVICE_LOOKUP,
  STATION_FIELDS,
  TYPE_LOOKUP,
  foldName,
  splitHonors,
  splitServices,
  type StationField,
} from './vocabulary.js';

/**
 * The header (property name) holding each schema field, for data whose headers the built-in list
 * does not know: `{ name: '驿站名称', phone: '值班电话' }`. A field named here is read from that
 * header first.
 */
export type StationFields = Partial<Record<StationField, string>>;

/** Where a property name leads: a schema field (by position in STATION_FIELDS) and how good a source it is (0 best). */
interface Slot {
  field: number;
  rank: number;
  /** What finding this name in a station's properties asks of {@link FieldReader.readProperties}. */
  kind: SlotKind;
}

/** Nothing to do (a plain schema name, or another name of the id or coordinates). */
const KEEP = 0;
/** Another name of a field copied into properties: the properties need reading. */
const ALIAS = 1;
/** The schema's `type`, `services`, `honors`: their values may need reading. */
const CHECK_TYPE = 2;
const CHECK_SERVICES = 3;
const CHECK_HONORS = 4;
type SlotKind = typeof KEEP | typeof ALIAS | typeof CHECK_TYPE | typeof CHECK_SERVICES | typeof CHECK_HONORS;

function makeSlot(field: number, rank: number): Slot {
  let kind: SlotKind = KEEP;
  if (rank !== 1) kind = NOT_COPIED.has(field) ? KEEP : ALIAS;
  else if (field === TYPE) kind = CHECK_TYPE;
  else if (field === SERVICES) kind = CHECK_SERVICES;
  else if (field === HONORS) kind = CHECK_HONORS;
  return { field, rank, kind };
}

const FIELD_COUNT = STATION_FIELDS.length;
const ID = STATION_FIELDS.indexOf('id');
const NAME = STATION_FIELDS.indexOf('name');
const TYPE = STATION_FIELDS.indexOf('type');
const SERVICES = STATION_FIELDS.indexOf('services');
const HONORS = STATION_FIELDS.indexOf('honors');
/** Fields that are not copied into properties: the id goes on the station, coordinates into its geometry. */
const NOT_COPIED = new Set(['id', 'lng', 'lat', 'coordinates'].map((f) => STATION_FIELDS.indexOf(f as StationField)));

/** Distinct strings a reader remembers; past this, hostile data with a million distinct values is folded each time. */
const MAX_CACHED = 10_000;

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Reads schema fields from station properties for one load.
 *
 * @example
 * const reader = new FieldReader({ phone: '值班电话' });
 * reader.readProperties({ 站点名称: '红门驿站', 类型: '工会驿站', 服务项目: '饮水、热水' })
 * // { 站点名称: '红门驿站', 类型: '工会驿站', 服务项目: '饮水、热水', name: '红门驿站',
 * //   type: 'union-station', services: ['water', 'hot-water'] }
 */
export class FieldReader implements PropertyReader {
  /**
   * Property name → slot (null: not a field). Seeded with every known name; folded names are added
   * as met. Null-prototype objects, not Maps: a keyed load of a property name costs a third of a
   * `Map.get`, and this runs for every property of every station.
   */
  private readonly slots = new Cache<Slot | null>();
  private readonly types = new Cache<string | null>(TYPE_LOOKUP);
  private readonly services = new Cache<string | null>(SERVICE_LOOKUP);
  /** Exact names tried for the name, best first (the hot loop reads these before scanning). */
  private readonly nameKeys: string[];
  /** Exact names tried for the id after the Feature id, best first. */
  private readonly idKeys: string[];
  /** The page named an id header: it wins over the Feature `id`. */
  readonly idFromFields: string | null;
  // Scratch for readProperties, reused per station (no allocation on the clean path).
  private readonly bestRank = new Int32Array(FIELD_COUNT);
  private readonly bestValue: unknown[] = new Array(FIELD_COUNT);

  /** @param fields Headers the page names for schema fields, read before the built-in names. */
  constructor(fields?: StationFields | null) {
    const named = new Map<string, Slot>();
    if (fields && typeof fields === 'object') {
      for (const field of STATION_FIELDS) {
        const header = hasOwn(fields, field) ? fields[field] : undefined;
        if (typeof header === 'string' && header.trim() !== '') named.set(header, makeSlot(STATION_FIELDS.indexOf(field), 0));
      }
    }
    STATION_FIELDS.forEach((field, index) => {
      this.slots.set(field, makeSlot(index, 1));
      FIELD_HEADERS[field].forEach((header, i) => {
        const slot = makeSlot(index, 2 + i);
        if (!this.slots.has(header)) this.slots.set(header, slot);
        const folded = foldName(header);
        if (!this.slots.has(folded)) this.slots.set(folded, slot);
      });
    });
    for (const [header, slot] of named) {
      this.slots.set(header, slot);
      this.slots.set(foldName(header), slot);
    }
    const keysOf = (field: number) =>
      this.slots
        .entries()
        .filter(([, slot]) => slot?.field === field)
        .sort((a, b) => a[1]!.rank - b[1]!.rank)
        .map(([key]) => key);
    this.nameKeys = keysOf(NAME);
    const idHeader = [...named].find(([, slot]) => slot.field === ID)?.[0] ?? null;
    this.idFromFields = idHeader;
    this.idKeys = keysOf(ID).filter((key) => key !== idHeader);
  }

  /** The schema field a property name stands for, or null. */
  private slotOf(key: string): Slot | null {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.get(foldName(key)) ?? null;
      this.slots.set(key, slot);
    }
    return slot;
  }

  /**
   * The schema field a header (property name) stands for, and its rank among the headers of that
   * field (lower is better: the page's `fields` 0, the field's own name 1, FIELD_HEADERS after).
   *
   * @example new FieldReader().fieldOf('经度（GCJ-02）') // { field: 'lng', rank: 2 }
   */
  fieldOf(header: string): { field: StationField; rank: number } | null {
    const slot = this.slotOf(header);
    return slot === null ? null : { field: STATION_FIELDS[slot.field]!, rank: slot.rank };
  }

  /**
   * The station's name: the first non-blank string among the name headers (the page's
   * `fields.name`, then `name`, then 名称, 站点名称 …), or null.
   */
  nameOf(properties: unknown): string | null {
    if (properties === null || typeof properties !== 'object') return null;
    const p = properties as Record<string, unknown>;
    const keys = this.nameKeys;
    for (let i = 0; i < keys.length; i++) {
      const value = p[keys[i]!];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
    return this.scanFor(p, NAME, true) as string | null;
  }

  /**
   * The id read from properties (after the Feature `id`, unless the page named an id header):
   * `id`, `code`, 编号, 站点编号 …, as a trimmed string, or null.
   */
  idOf(properties: unknown): string | null {
    if (properties === null || typeof properties !== 'object') return null;
    const p = properties as Record<string, unknown>;
    const keys = this.idKeys;
    for (let i = 0; i < keys.length; i++) {
      const id = toIdString(p[keys[i]!]);
      if (id !== null) return id;
    }
    return toIdString(this.scanFor(p, ID, false));
  }

  /** The id under the page's own `fields.id` header, or null. */
  idFromHeader(properties: unknown): string | null {
    if (this.idFromFields === null || properties === null || typeof properties !== 'object') return null;
    return toIdString((properties as Record<string, unknown>)[this.idFromFields]);
  }

  readonly checksFeatures = false;

  /** Every property is this reader's to read. */
  accepts(): boolean {
    return true;
  }

  /** Slow path for names no list holds exactly ('NAME', '站点名称*'): the best non-blank value of a field. */
  private scanFor(p: Record<string, unknown>, field: number, stringsOnly: boolean): unknown {
    let best: unknown = null;
    let bestRank = Infinity;
    for (const key in p) {
      if (!hasOwn(p, key)) continue;
      const slot = this.slotOf(key);
      if (slot === null || slot.field !== field || slot.rank >= bestRank) continue;
      const value = p[key];
      if (!isPresent(value) || (stringsOnly && typeof value !== 'string')) continue;
      best = value;
      bestRank = slot.rank;
    }
    return best;
  }

  /**
   * The properties a station gets: `properties` itself when it already speaks the schema (the
   * clean, fast case), else a copy with the original properties untouched plus each schema field
   * read from the best header that has a value, `type` as its vocabulary id, `services` and
   * `honors` as arrays of ids or the given strings.
   */
  readProperties<T>(properties: T): T {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return properties;
    const p = properties as Record<string, unknown>;
    if (!this.needsReading(p)) return properties;
    const rank = this.bestRank;
    const values = this.bestValue;
    rank.fill(0x7fffffff);
    for (const key in p) {
      if (!hasOwn(p, key)) continue;
      const slot = this.slotOf(key);
      if (slot === null || slot.rank >= rank[slot.field]!) continue;
      const value = p[key];
      if (!isPresent(value) || (slot.field === NAME && typeof value !== 'string')) continue;
      rank[slot.field] = slot.rank;
      values[slot.field] = value;
    }
    const out: Record<string, unknown> = { ...p };
    for (let field = 0; field < FIELD_COUNT; field++) {
      if (rank[field] === 0x7fffffff || NOT_COPIED.has(field)) continue;
      const value = values[field];
      values[field] = undefined;
      const read = this.readValue(field, value);
      if (read !== undefined) out[STATION_FIELDS[field]!] = read;
    }
    return out as T;
  }

  /** True when a property is not the schema's name for its field, or a type/services/honors value is not in schema form. */
  private needsReading(p: Record<string, unknown>): boolean {
    // The hot part of a load: one keyed load per property, no calls on the usual path.
    const table = this.slots.table;
    for (const key in p) {
      let slot = table[key];
      if (slot === undefined) slot = this.slotOf(key);
      if (slot === null) continue;
      const kind = slot.kind;
      if (kind === KEEP) continue;
      if (kind === ALIAS) return true;
      const value = p[key];
      if (kind === CHECK_TYPE) {
        if (typeof value === 'string' && this.typeId(value) !== value) return true;
      } else if (kind === CHECK_SERVICES) {
        if (typeof value === 'string') return true;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            if (typeof item === 'string' && this.serviceId(item) !== item) return true;
          }
        }
      } else if (typeof value === 'string') return true; // honors
    }
    return false;
  }

  /**
   * A field's value as a station holds it: a `type` as its id, `services` split and as ids, `honors`
   * split; other fields as given.
   *
   * @example new FieldReader().readField('services', '饮水、洗衣') // ['water', '洗衣']
   */
  readField(field: StationField, value: unknown): unknown {
    return this.readValue(STATION_FIELDS.indexOf(field), value);
  }

  private readValue(field: number, value: unknown): unknown {
    if (field === TYPE) return typeof value === 'string' ? this.typeId(value) : value;
    if (field === SERVICES) {
      const items = typeof value === 'string' ? splitServices(value) : Array.isArray(value) ? value : null;
      if (items === null) return value;
      return items.map((item: unknown) => (typeof item === 'string' ? this.serviceId(item) : item));
    }
    if (field === HONORS) return typeof value === 'string' ? splitHonors(value) : value;
    return value;
  }

  /** The type id a string stands for, or the string as given when the vocabulary does not know it. */
  typeId(value: string): string {
    return lookUpCached(this.types, TYPE_LOOKUP, value);
  }

  /** The service id a string stands for, or the string as given when the vocabulary does not know it. */
  serviceId(value: string): string {
    return lookUpCached(this.services, SERVICE_LOOKUP, value);
  }
}

function lookUpCached(cache: Cache<string | null>, table: ReadonlyMap<string, string>, value: string): string {
  const hit = cache.get(value);
  if (hit !== undefined) return hit ?? value;
  const id = table.get(value.trim()) ?? table.get(foldName(value)) ?? null;
  cache.set(value, id);
  return id ?? value;
}

/** A string-keyed cache on a null-prototype object (no inherited keys), holding at most MAX_CACHED entries. */
class Cache<T> {
  /** The entries; read directly in hot loops (a missing key reads `undefined`). */
  readonly table: Record<string, T> = Object.create(null) as Record<string, T>;
  private size = 0;

  constructor(seed?: ReadonlyMap<string, T>) {
    if (seed) for (const [key, value] of seed) this.set(key, value);
  }

  get(key: string): T | undefined {
    return this.table[key];
  }

  has(key: string): boolean {
    return this.table[key] !== undefined;
  }

  set(key: string, value: T): void {
    if (this.table[key] === undefined) {
      if (this.size >= MAX_CACHED) return;
      this.size++;
    }
    this.table[key] = value;
  }

  entries(): Array<[string, T]> {
    return Object.entries(this.table);
  }
}

/** A value worth reading: not null, undefined or blank text. */
function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && !hasText(value));
}

/**
 * True when `text` has a character that is not white space (no `trim()`: this runs for every
 * cell of a table, and most cells start with one).
 */
export function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200a) && c !== 0x2028 && c !== 0x2029 && c !== 0x85 && c !== 0x1680 && c !== 0x202f && c !== 0x205f) return true;
  }
  return false;
}

