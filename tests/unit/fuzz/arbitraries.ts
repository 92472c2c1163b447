/**
 * fast-check arbitraries for station GeoJSON: FeatureCollections that mix
 * valid stations with every kind of broken feature a data editor, a converter
 * or an attacker produces, each tagged with the outcome the spec promises.
 */
import fc from 'fast-check';
import type { SkipReason } from '../../../src/types.js';

/** What `parseStations` must do with one generated feature. */
export type Expected =
  | { kind: 'station'; id: string }
  /** `reason` is null when the entry is random junk whose reason we do not predict. */
  | { kind: 'skipped'; reason: SkipReason | null };

/** One generated feature and its promised fate. */
export interface Entry {
  feature: unknown;
  expected: Expected;
}

/** Keys that have tricked parsers into changing prototypes. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * An object with real own `__proto__` / `constructor` / `prototype` keys, made by
 * JSON.parse the way fetched data would have them (an object literal would set
 * the prototype instead).
 */
export const hostileObject: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    key: fc.constantFrom(...HOSTILE_KEYS),
    inner: fc.constantFrom(
      '{"polluted":"yes","name":"from-proto","id":"PROTO-1","code":"PROTO-2"}',
      '{"prototype":{"polluted":"yes"}}',
      '"polluted"',
      'null',
      '[1,2]',
    ),
  })
  .map(({ key, inner }) => JSON.parse(`{"${key}":${inner}}`) as Record<string, unknown>);

/** Numbers that are not plain finite values, and numbers dressed as strings. */
const nastyNumber = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, '117.13', '36.2', '', null, true, [117], {});

/** A string that is long enough to make an unbounded message or echo noticeable. */
export const hugeString = fc.constantFrom('x'.repeat(100_000), '驿'.repeat(50_000), ' '.repeat(10_000));

/** Deeply nested JSON-like value (arrays or objects), built iteratively so building it cannot overflow. */
export const deepValue: fc.Arbitrary<unknown> = fc
  .record({ depth: fc.integer({ min: 100, max: 1000 }), asObject: fc.boolean() })
  .map(({ depth, asObject }) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
    return value;
  });

const lng = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const extra = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Valid `[lng, lat]`, `[lng, lat, alt]` or `[lng, lat, alt, m]`, including -0 and the exact edges. */
export const validPosition: fc.Arbitrary<number[]> = fc.oneof(
  fc.tuple(lng, lat),
  fc.tuple(lng, lat, extra),
  fc.tuple(lng, lat, extra, extra),
  fc.constantFrom<number[]>([-0, -0], [180, 90], [-180, -90], [117.1306, 36.2117, 1545], [0, 0, 0, 0]),
);

/** Extra station properties, passed through untouched: any JSON, hostile keys, huge and deep values. */
const extraProperties: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.option(hostileObject, { nil: undefined }),
    fc.option(fc.record({ notes: hugeString }), { nil: undefined, freq: 10 }),
    fc.option(fc.record({ nested: deepValue }), { nil: undefined, freq: 10 }),
  )
  .map(([base, hostile, huge, deep]) => {
    // Object.assign copies an own "__proto__" key as data, so the hostile key stays a plain key.
    const properties: Record<string, unknown> = {};
    for (const source of [base, hostile, huge, deep] as Array<Record<string, unknown> | undefined>) {
      if (source) for (const key of Object.keys(source)) defineOwn(properties, key, source[key]);
    }
    return properties;
  });

/** A non-blank station name (trimmed non-empty). */
const validName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  fc.constantFrom('泰山区红门工会驿站', '  岱庙 户外劳动者服务站 ', '<img src=x onerror=alert(1)>'),
  hugeString.filter((s) => s.trim() !== ''),
);

/** Where the id lives and in which form: the three places the spec names. */
type IdPlace = 'feature' | 'properties.id' | 'properties.code';

/** A station id made unique by `n`, as a string (maybe padded) or a number. */
function makeId(n: number, form: 'string' | 'padded' | 'number', base: string): { raw: string | number; id: string } {
  if (form === 'number') {
    // Numbers are kept apart from string ids, which always contain '#'.
    const raw = n * 10 + 0.5;
    return { raw, id: String(raw) };
  }
  const id = `${base.trim() || 'TA'}#${n}`;
  return { raw: form === 'padded' ? `  ${id}\t` : id, id };
}

/** The input for a valid station: the feature plus the id `parseStations` must give it. */
function buildValid(
  n: number,
  seed: {
    position: number[];
    name: string;
    extra: Record<string, unknown>;
    place: IdPlace;
    form: 'string' | 'padded' | 'number';
    base: string;
    withBbox: boolean;
  },
): { feature: Record<string, unknown>; id: string } {
  const { raw, id } = makeId(n, seed.form, seed.base);
  const properties: Record<string, unknown> = { ...copyOwn(seed.extra), name: seed.name };
  // Random extra keys may spell "id" or "code"; only the chosen place may hold the id.
  delete properties.id;
  delete properties.code;
  const feature: Record<string, unknown> = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: seed.position },
    properties,
  };
  if (seed.place === 'feature') feature.id = raw;
  else if (seed.place === 'properties.id') properties.id = raw;
  else {
    properties.code = raw;
    // A Feature id that is not usable must not hide the code.
    feature.id = null;
  }
  if (seed.withBbox) feature.bbox = [seed.position[0], seed.position[1], seed.position[0], seed.position[1]];
  return { feature, id };
}

const validSeed = fc.record({
  position: validPosition,
  name: validName,
  extra: extraProperties,
  place: fc.constantFrom<IdPlace>('feature', 'properties.id', 'properties.code'),
  form: fc.constantFrom<'string' | 'padded' | 'number'>('string', 'padded', 'number'),
  base: fc.string({ maxLength: 6 }),
  withBbox: fc.boolean(),
});

/** A way to break a valid feature, with the reason the spec gives for it. */
type Breakage = { reason: SkipReason; apply: (feature: Record<string, unknown>) => unknown };

const notAFeature: fc.Arbitrary<Breakage> = fc
  .constantFrom<unknown>(
    null,
    42,
    'Feature',
    true,
    [],
    'array-feature',
    { type: 'feature' },
    { type: 'Point', coordinates: [117, 36] },
    { type: 'FeatureCollection', features: [] },
    { type: 'GeometryCollection', geometries: [] },
  )
  .map((junk) => ({
    reason: 'not-a-feature' as const,
    // "array-feature": a valid feature's values laid out as an array.
    apply: (feature: Record<string, unknown>) =>
      junk === 'array-feature' ? Object.values(feature) : junk,
  }));

const missingGeometry: fc.Arbitrary<Breakage> = fc
  .constantFrom<unknown>(undefined, null, 0, 'Point', false)
  .map((geometry) => ({
    reason: 'missing-geometry' as const,
    apply: (feature) => {
      const copy = { ...feature };
      if (geometry === undefined) delete copy.geometry;
      else copy.geometry = geometry;
      return copy;
    },
  }));

const notAPoint: fc.Arbitrary<Breakage> = fc
  .constantFrom<unknown>(
    { type: 'MultiPoint', coordinates: [[117, 36]] },
    { type: 'LineString', coordinates: [[117, 36], [118, 37]] },
    { type: 'Polygon', coordinates: [] },
    { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [117, 36] }] },
    { type: 'point', coordinates: [117, 36] },
    { coordinates: [117, 36] },
    [117, 36],
    {},
  )
  .map((geometry) => ({ reason: 'not-a-point' as const, apply: (feature) => ({ ...feature, geometry }) }));

const badCoordinates: fc.Arbitrary<Breakage> = fc
  .oneof(
    fc.constantFrom<unknown>(undefined, null, 117, '117,36', {}, [], [117]),
    fc.tuple(nastyNumber, lat),
    fc.tuple(lng, nastyNumber),
    fc.tuple(lng, lat, nastyNumber),
    fc.tuple(lng, lat, extra, nastyNumber),
    // Out of range, swapped lat/lng, projected metres.
    fc.tuple(fc.double({ min: 180, max: 1e9, noNaN: true, minExcluded: true }), lat),
    fc.tuple(lng, fc.double({ min: -1e9, max: -90, noNaN: true, maxExcluded: true })),
    fc.constantFrom([36.2, 117.1], [13046000, 4330000], [-180.000001, 0]),
  )
  .map((coordinates) => ({
    reason: 'bad-coordinates' as const,
    apply: (feature) => ({ ...feature, geometry: { type: 'Point', coordinates } }),
  }));

const missingId: fc.Arbitrary<Breakage> = fc
  .constantFrom<unknown>(undefined, null, '', '   ', NaN, Infinity, -Infinity, true, {}, ['TA-1'])
  .map((bad) => ({
    reason: 'missing-id' as const,
    apply: (feature) => {
      const properties = { ...(feature.properties as Record<string, unknown>) };
      delete properties.id;
      delete properties.code;
      const copy: Record<string, unknown> = { ...feature, properties };
      if (bad === undefined) delete copy.id;
      else copy.id = bad;
      return copy;
    },
  }));

const missingName: fc.Arbitrary<Breakage> = fc
  .constantFrom<unknown>(undefined, null, '', ' \n\t', 42, { zh: '驿站' }, ['驿站'], 'no-properties', 'null-properties')
  .map((bad) => ({
    reason: 'missing-name' as const,
    apply: (feature) => {
      if (bad === 'no-properties' || bad === 'null-properties') {
        // Only a Feature id is still readable without properties.
        if (feature.id === undefined || feature.id === null) return null;
        const copy: Record<string, unknown> = { ...feature };
        if (bad === 'no-properties') delete copy.properties;
        else copy.properties = null;
        return copy;
      }
      const properties = { ...(feature.properties as Record<string, unknown>) };
      if (bad === undefined) delete properties.name;
      else properties.name = bad;
      return { ...feature, properties };
    },
  }));

const breakage = fc.oneof(notAFeature, missingGeometry, notAPoint, badCoordinates, missingId, missingName);

type ValidSeed = Parameters<typeof buildValid>[1];

/** What to put at one position of the generated collection. */
type Slot =
  | { type: 'valid'; seed: ValidSeed }
  | { type: 'broken'; seed: ValidSeed; breakage: Breakage }
  | { type: 'duplicate'; seed: ValidSeed; of: number }
  | { type: 'junk'; value: unknown };

const slot: fc.Arbitrary<Slot> = fc.oneof(
  { weight: 4, arbitrary: validSeed.map((seed) => ({ type: 'valid' as const, seed })) },
  { weight: 4, arbitrary: fc.record({ seed: validSeed, breakage }).map((r) => ({ type: 'broken' as const, ...r })) },
  { weight: 1, arbitrary: fc.record({ seed: validSeed, of: fc.nat() }).map((r) => ({ type: 'duplicate' as const, ...r })) },
  { weight: 1, arbitrary: fc.anything().map((value) => ({ type: 'junk' as const, value })) },
);

/**
 * A FeatureCollection mixing valid stations, broken features, duplicate ids and
 * random junk, with the fate of each feature. Features are built fresh for each
 * run, so a test may freeze them.
 */
export const taggedCollection: fc.Arbitrary<{ doc: Record<string, unknown>; entries: Entry[] }> = fc
  .record({
    slots: fc.array(slot, { maxLength: 25 }),
    hostileTop: fc.option(hostileObject, { nil: undefined }),
  })
  .map(({ slots, hostileTop }) => {
    const entries: Entry[] = [];
    const validIds: Array<{ raw: Record<string, unknown>; id: string }> = [];
    slots.forEach((s, n) => {
      if (s.type === 'junk') {
        // Junk that happens to be a valid station is possible only in theory; we do not predict it.
        entries.push({ feature: s.value, expected: { kind: 'skipped', reason: null } });
        return;
      }
      const built = buildValid(n, s.seed);
      if (s.type === 'valid') {
        validIds.push({ raw: built.feature, id: built.id });
        entries.push({ feature: built.feature, expected: { kind: 'station', id: built.id } });
      } else if (s.type === 'broken') {
        const broken = s.breakage.apply(built.feature);
        // A missing-name breakage that needed a Feature id falls back to "not a feature".
        const reason = broken === null && s.breakage.reason === 'missing-name' ? 'not-a-feature' : s.breakage.reason;
        entries.push({ feature: broken, expected: { kind: 'skipped', reason } });
      } else if (validIds.length > 0) {
        const original = validIds[s.of % validIds.length]!;
        // Same id, written in the Feature id, different position and name: still a duplicate.
        const feature = { ...built.feature, id: ` ${original.id} ` };
        entries.push({ feature, expected: { kind: 'skipped', reason: 'duplicate-id' } });
      } else {
        validIds.push({ raw: built.feature, id: built.id });
        entries.push({ feature: built.feature, expected: { kind: 'station', id: built.id } });
      }
    });
    const doc: Record<string, unknown> = { type: 'FeatureCollection', features: entries.map((e) => e.feature) };
    if (hostileTop) for (const key of Object.keys(hostileTop)) defineOwn(doc, key, hostileTop[key]);
    return { doc, entries };
  });

/** Sets an own data property, also for "__proto__" (plain assignment would change the prototype). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A shallow copy that keeps own "__proto__" keys as keys. */
function copyOwn(source: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) defineOwn(copy, key, source[key]);
  return copy;
}

/** Freezes a value and everything reachable from it, so any write by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
    Object.freeze(v);
  }
  return value;
}

/** The own property names of the built-in prototypes, to notice any pollution. */
export function snapshotPrototypes(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','))
    .join('|');
}

/**
 * Deep equality for plain data, with `Object.is` for numbers (so -0 ≠ 0 and
 * NaN = NaN) and own keys including "__proto__". Iterative and much faster
 * than `toEqual` on the deep and huge values the fuzzers make.
 */
export function isSameData(a: unknown, b: unknown): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
