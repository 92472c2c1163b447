/**
 * One table of rules for every value a page gives `<station-map>`, used by the attribute and the
 * property alike: Lit turns an attribute into a property set, and the element's property setters
 * pass every value through {@link checkInput} before storing it. A value the element cannot use
 * becomes the default, and the page is told once with a `station-map-error` `invalid-attribute`,
 * so nothing downstream (Leaflet's zoom, navigation links, tile URLs, the filter bar) ever sees it.
 */
import { isChinaTimezone } from '../hours/is-open.js';
import { parseCrs } from '../geo/crs/crs.js';
import { isUsableSpeed, SPEED_RANGE } from '../geo/route/speeds.js';
import type { StationFilter, TravelMode } from '../types.js';
import { parseLngLat } from './parse-attributes.js';

/** A checked value: what to store, and why the given one was not kept (absent when it was). */
export interface CheckedInput {
  value: unknown;
  problem?: string;
}

interface InputRule {
  /** The attribute's name (the property's when it has none), as the report names it. */
  attribute: string;
  check(value: unknown): CheckedInput;
}

const TRAVEL_MODES: readonly TravelMode[] = ['walking', 'cycling', 'driving'];
const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;
/** Zoom levels a web map can show (Leaflet clamps to the basemap's own range inside this). */
const ZOOM_RANGE = [0, 24] as const;
/** Rows of the nearest list; the list itself stops at 500. */
const NEAREST_RANGE = [1, 500] as const;
/** Minutes of the service circle: beyond two hours it is no longer a walk to a rest stop. */
const COVERAGE_RANGE = [1, 120] as const;
const DEFAULT_COVERAGE = 15;
const DEFAULT_NEAREST = 5;
const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const ok = (value: unknown): CheckedInput => ({ value });
const bad = (value: unknown, problem: string): CheckedInput => ({ value, problem });
const isAbsent = (value: unknown) => value === null || value === undefined;

/** A number from a number or from text that is a plain decimal (not `''`, `0x24` or `1e`). */
function readNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.length <= 64 && NUMBER.test(value)) return Number(value);
  return NaN;
}

/** Text or nothing (`src`, URLs, keys); a `URL` object is taken as its text. */
function optionalText(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  if (typeof value === 'string') return ok(value);
  if (typeof URL !== 'undefined' && value instanceof URL) return ok(value.href);
  return bad(null, 'not text');
}

/** A `"lng,lat"` text (or a `[lng, lat]` pair) within range, or nothing. */
function lngLatText(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    const text = `${value[0]},${value[1]}`;
    if (parseLngLat(text)) return ok(text);
  }
  if (typeof value === 'string' && parseLngLat(value)) return ok(value);
  return bad(null, 'not "lng,lat" in range');
}

/** A number in `[min, max]` from a number or a decimal text, else `fallback`. */
function numberIn(range: readonly [number, number], fallback: number | null, round = false) {
  return (value: unknown): CheckedInput => {
    if (isAbsent(value)) return ok(fallback);
    const n = readNumber(value);
    if (n >= range[0] && n <= range[1]) return ok(round ? Math.floor(n) : n);
    return bad(fallback, `not a number in ${range[0]}–${range[1]}`);
  };
}

function checkCoverage(value: unknown): CheckedInput {
  // The bare attribute (`coverage`, an empty value) and `true` mean the default circle.
  if (isAbsent(value) || value === false) return ok(null);
  if (value === '' || value === true) return ok(DEFAULT_COVERAGE);
  return numberIn(COVERAGE_RANGE, DEFAULT_COVERAGE)(value);
}

function checkCrs(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok('wgs84');
  const crs = parseCrs(value);
  return crs ? ok(crs) : bad('wgs84', 'not wgs84, gcj02, bd09 or a spelling of them');
}

function checkTravelMode(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok('walking');
  const mode = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (TRAVEL_MODES as readonly string[]).includes(mode) ? ok(mode) : bad('walking', 'not walking, cycling or driving');
}

function checkSpeeds(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'object' || Array.isArray(value)) return bad(null, 'not { walking, cycling, driving }');
  const given = value as Record<string, unknown>;
  const kept: Partial<Record<TravelMode, number>> = {};
  const dropped: string[] = [];
  for (const key of Object.keys(given)) {
    if ((TRAVEL_MODES as readonly string[]).includes(key) && isUsableSpeed(given[key])) kept[key as TravelMode] = given[key] as number;
    else dropped.push(key);
  }
  if (dropped.length === 0) return ok(value);
  return bad(kept, `no speed in ${SPEED_RANGE[0]}–${SPEED_RANGE[1]} m/s for ${quoteKeys(dropped)}`);
}

const quoteKeys = (keys: string[]) => keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');

/** `types`/`services`: a list of text (one text is a list of one); anything else is dropped. */
function readList(value: unknown): string[] | null {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return null;
  return value.every((item) => typeof item === 'string') ? value : null;
}

function checkFilter(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'object' || Array.isArray(value)) return bad(null, 'not { types, services, openNow, text }');
  const given = value as Record<string, unknown>;
  const kept: StationFilter = {};
  const dropped: string[] = [];
  let changed = false;
  for (const key of Object.keys(given)) {
    const field = given[key];
    if (field === undefined) continue;
    if (key === 'types' || key === 'services') {
      const list = readList(field);
      if (list) kept[key] = list;
      else dropped.push(key);
      changed ||= list !== field;
    } else if (key === 'openNow' && typeof field === 'boolean') kept.openNow = field;
    else if (key === 'text' && typeof field === 'string') kept.text = field;
    else dropped.push(key);
  }
  if (dropped.length === 0) return ok(changed ? kept : value);
  return bad(
    Object.keys(kept).length ? kept : null,
    `wrong type or name: ${quoteKeys(dropped)}`,
  );
}

function checkTimezone(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(DEFAULT_TIMEZONE);
  // The default (set on every element as it is made) and China's other zones: no `Intl` needed, and
  // its first time-zone use loads its data, ~190 ms of a cheap phone's start-up.
  if (typeof value === 'string' && isChinaTimezone(value)) return ok(value);
  if (typeof value === 'string' && value.length <= 64) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return ok(value);
    } catch {
      // not a zone this browser knows: reported below
    }
  }
  return bad(DEFAULT_TIMEZONE, 'not an IANA time zone');
}

function optionalFunction(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  return typeof value === 'function' ? ok(value) : bad(null, 'not a function');
}

function checkSelected(value: unknown): CheckedInput {
  if (isAbsent(value)) return ok(null);
  if (typeof value === 'string') return ok(value);
  // Ids may be numbers in the data; the element keeps every id as text.
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return bad(null, 'not a station id');
}

function checkText(fallback: string) {
  return (value: unknown): CheckedInput => {
    if (isAbsent(value)) return ok(fallback);
    return typeof value === 'string' ? ok(value) : bad(fallback, 'not text');
  };
}

/** Every checked property of the element, by property name. */
const RULES: Readonly<Record<string, InputRule>> = {
  src: { attribute: 'src', check: optionalText },
  crs: { attribute: 'crs', check: checkCrs },
  basemap: { attribute: 'basemap', check: (v) => (typeof v === 'string' && v.trim() !== '' ? ok(v) : isAbsent(v) ? ok('osm') : bad('osm', 'not a basemap name or template')) },
  basemapKey: { attribute: 'basemap-key', check: optionalText },
  center: { attribute: 'center', check: lngLatText },
  zoom: { attribute: 'zoom', check: numberIn(ZOOM_RANGE, null) },
  origin: { attribute: 'origin', check: lngLatText },
  nearest: { attribute: 'nearest', check: numberIn(NEAREST_RANGE, DEFAULT_NEAREST, true) },
  selected: { attribute: 'selected', check: checkSelected },
  filter: { attribute: 'filter', check: checkFilter },
  network: { attribute: 'network', check: optionalText },
  routerUrl: { attribute: 'router-url', check: optionalText },
  travelMode: { attribute: 'travel-mode', check: checkTravelMode },
  speeds: { attribute: 'speeds', check: checkSpeeds },
  lang: { attribute: 'lang', check: checkText('') },
  timezone: { attribute: 'timezone', check: checkTimezone },
  geocoder: { attribute: 'geocoder', check: optionalFunction },
  coverage: { attribute: 'coverage', check: checkCoverage },
  geocoderUrl: { attribute: 'geocoder-url', check: optionalText },
  detailRenderer: { attribute: 'detailRenderer', check: optionalFunction },
};

/**
 * Checks `value` given for the element's property `name`: the value to store, and a problem when
 * it could not be kept as given. Properties without a rule are returned unchanged.
 *
 * @example checkInput('zoom', 'abc') // { value: null, problem: 'not a number in 0–24' }
 */
export function checkInput(name: PropertyKey, value: unknown): CheckedInput {
  const rule = typeof name === 'string' && Object.prototype.hasOwnProperty.call(RULES, name) ? RULES[name]! : null;
  return rule ? rule.check(value) : ok(value);
}

/** A short text naming `value` for a message: never its whole content, never a function's source. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

// What was last reported per element and property: the same bad value set again is not reported again.
const reported = new WeakMap<EventTarget, Map<string, string>>();

/**
 * Wraps a Lit property descriptor so every value set (by the property or through the attribute)
 * passes {@link checkInput}; a problem is reported once, on the next microtask, as a
 * `station-map-error` with `code: 'invalid-attribute'` and the attribute's name.
 */
export function checkedDescriptor(name: PropertyKey, descriptor: PropertyDescriptor): PropertyDescriptor {
  const rule = typeof name === 'string' && Object.prototype.hasOwnProperty.call(RULES, name) ? RULES[name]! : null;
  const set = descriptor.set;
  if (!rule || !set) return descriptor;
  return {
    ...descriptor,
    set(this: HTMLElement, value: unknown) {
      let checked: CheckedInput;
      try {
        checked = rule.check(value);
      } catch {
        // A proxy or getter that throws while being read.
        checked = { value: rule.check(null).value, problem: 'unreadable' };
      }
      const seen = reported.get(this) ?? new Map<string, string>();
      reported.set(this, seen);
      if (checked.problem === undefined) seen.delete(rule.attribute);
      else {
        const fallback = checked.value;
        const message = `${rule.attribute} ${describe(value)}: ${checked.problem}; using ${fallback === null ? 'none' : typeof fallback === 'object' ? 'the rest' : describe(fallback)}`;
        if (seen.get(rule.attribute) !== message) {
          seen.set(rule.attribute, message);
          // After the set, so a listener the page adds in the same task hears it, and no event
          // fires from inside Lit's attribute handling.
          queueMicrotask(() =>
            this.dispatchEvent(
              new CustomEvent('station-map-error', {
                detail: { code: 'invalid-attribute', message, attribute: rule.attribute },
                bubbles: true,
                composed: true,
              }),
            ),
          );
        }
      }
      set.call(this, checked.value);
    },
  };
}

/** What {@link checkPropertiesOf} needs of a Lit element class. */
interface LitElementClass {
  readonly observedAttributes: string[];
  readonly elementProperties: ReadonlyMap<PropertyKey, unknown>;
  readonly prototype: object;
}

/**
 * Puts {@link checkedDescriptor} around every reactive property accessor of `element` that has a
 * rule. Run once, right after the class: reading `observedAttributes` makes Lit create its
 * accessors (it would on `customElements.define`), which are then wrapped in place. Done this way
 * rather than by overriding Lit's `createProperty`, which Lit 3 warns is deprecated.
 *
 * @example checkPropertiesOf(StationMap);
 */
export function checkPropertiesOf(element: LitElementClass): void {
  void element.observedAttributes;
  for (const name of element.elementProperties.keys()) {
    const descriptor = Object.getOwnPropertyDescriptor(element.prototype, name);
    if (descriptor) Object.defineProperty(element.prototype, name, checkedDescriptor(name, descriptor));
  }
}

/**
 * A position a method was given, `[lng, lat]` or `{ lng, lat }`, with finite numbers in range;
 * `null` for anything else, so the method can refuse it with a clear error before it reaches the map.
 *
 * @example readPosition({ lng: 117.1, lat: 36.2 }) // [117.1, 36.2]
 */
export function readPosition(value: unknown): [number, number] | null {
  if (value === null || typeof value !== 'object') return null;
  const pair = Array.isArray(value) ? [value[0], value[1]] : [(value as { lng?: unknown }).lng, (value as { lat?: unknown }).lat];
  const [lng, lat] = pair;
  return typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? [lng, lat] : null;
}
