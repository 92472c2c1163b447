/**
 * Property-based fuzzing of parseStations: whatever a page or a server hands
 * over, it never throws, accounts for every feature, keeps every valid station
 * exactly as given, never mutates the input and never pollutes prototypes.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStationColumnsSteps } from '../../../src/data/parse-stations.js';
import { parseStations } from '../../../src/data/read-stations.js';
import { prepareStationInput } from '../../../src/data/table/read-table.js';
import { runSteps } from '../../../src/util/steps.js';
import type { ParseResult } from '../../../src/types.js';
import {
  deepFreeze,
  deepValue,
  hostileObject,
  hugeString,
  isSameData,
  snapshotPrototypes,
  taggedCollection,
} from './arbitraries.js';

const PROTOTYPES = snapshotPrototypes();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(snapshotPrototypes()).toBe(PROTOTYPES);
});

/** Messages are for people: never empty, never a dump of a huge input. */
function isReadable(message: unknown): boolean {
  return typeof message === 'string' && message.length > 0 && message.length < 600;
}

/** The shape every caller relies on, for any input at all. */
function expectWellFormed(result: ParseResult): void {
  expect(Array.isArray(result.stations) && Array.isArray(result.skipped)).toBe(true);
  if (result.error) {
    expect(result.error.code).toBe('invalid-geojson');
    expect(isReadable(result.error.message)).toBe(true);
    expect(result.stations.length + result.skipped.length).toBe(0);
  }
  // Plain loops with one assertion each: `expect` per item would dominate the run time.
  expect(result.skipped.every((s) => isReadable(s.message))).toBe(true);
  const badStation = result.stations.find(
    (s) =>
      typeof s.id !== 'string' || s.id === '' || s.id !== s.id.trim() || Object.getPrototypeOf(s) !== Object.prototype,
  );
  expect(badStation).toBeUndefined();
}

/**
 * Every input feature lands exactly once in `stations` or `skipped`. Stations
 * come out in input order, so the indexes missing from `skipped` tell which
 * input each station came from; returns that mapping.
 */
function expectEveryFeatureOnce(result: ParseResult, features: readonly unknown[], sameObjects = true): number[] {
  expect(result.stations.length + result.skipped.length).toBe(features.length);
  const skippedAt = new Set<number>();
  for (const s of result.skipped) {
    if (!(Number.isInteger(s.index) && s.index >= 0 && s.index < features.length) || skippedAt.has(s.index)) {
      expect.fail(`skipped index ${s.index} is out of range or repeated`);
    }
    skippedAt.add(s.index);
  }
  const sourceOf = features.map((_, i) => i).filter((i) => !skippedAt.has(i));
  // Each station is the input's own geometry and properties, with only the id added.
  const changed = result.stations.findIndex((station, k) => {
    const source = features[sourceOf[k]!] as Record<string, unknown>;
    return sameObjects && (station.geometry !== source.geometry || station.properties !== source.properties);
  });
  expect(changed).toBe(-1);
  expect(new Set(result.stations.map((s) => s.id)).size).toBe(result.stations.length);
  return sourceOf;
}

describe('parseStations (fuzz)', () => {
  it('keeps valid features unchanged and skips broken ones with the right reason', () => {
    fc.assert(
      fc.property(taggedCollection, ({ doc, entries }) => {
        const features = doc.features as unknown[];
        const before = structuredClone(doc) as typeof doc;
        const result = parseStations(deepFreeze(doc));
        expectWellFormed(result);
        expect(result.error).toBeUndefined();
        const sourceOf = expectEveryFeatureOnce(result, features);
        const skippedAt = new Map(result.skipped.map((s) => [s.index, s]));
        // Collected as words, then asserted once: a failure names every broken promise.
        const problems: string[] = [];
        entries.forEach((entry, index) => {
          const { expected } = entry;
          if (expected.kind === 'station') {
            const station = result.stations[sourceOf.indexOf(index)];
            if (station?.id !== expected.id) problems.push(`${index}: id ${station?.id} instead of ${expected.id}`);
            const feature = entry.feature as { geometry: { coordinates: number[] } };
            const given = (before.features as Array<{ geometry: { coordinates: number[] } }>)[index]!;
            // Coordinates exactly as given: no rounding, -0 stays -0, 3rd/4th values kept.
            if (
              station?.geometry.coordinates !== feature.geometry.coordinates ||
              !isSameData(station.geometry.coordinates, given.geometry.coordinates)
            ) {
              problems.push(`${index}: coordinates changed`);
            }
          } else if (expected.reason !== null && skippedAt.get(index)?.reason !== expected.reason) {
            problems.push(`${index}: ${skippedAt.get(index)?.reason ?? 'kept'} instead of ${expected.reason}`);
          }
        });
        expect(problems).toEqual([]);
        // Frozen input would throw on a write, but the parser catches per feature: compare too.
        expect(isSameData(doc, before)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('gives the same result for JSON text as for the object, BOM or not', () => {
    fc.assert(
      fc.property(taggedCollection, fc.boolean(), ({ doc }, bom) => {
        const text = JSON.stringify(doc);
        const fromText = parseStations(bom ? `\uFEFF${text}` : text);
        const fromObject = parseStations(JSON.parse(text));
        expect(JSON.stringify(fromText)).toBe(JSON.stringify(fromObject));
        expectEveryFeatureOnce(fromText, (JSON.parse(text) as { features: unknown[] }).features, false);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('never throws on arbitrary JSON, as text or as an object', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const fromObject = parseStations(value);
        expectWellFormed(fromObject);
        if (typeof value !== 'string') {
          expect(JSON.stringify(parseStations(JSON.stringify(value)))).toBe(JSON.stringify(fromObject));
        }
        if (Array.isArray(value)) expectEveryFeatureOnce(fromObject, value);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('never throws on any value and names a document-level problem only for non-GeoJSON', () => {
    const anyInput = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
      fc.string(),
      fc.string({ unit: 'binary' }),
      hugeString,
      deepValue,
      hostileObject,
      fc.record({ type: fc.constant('FeatureCollection'), features: fc.anything() }),
      fc.record({ type: fc.constant('Feature'), geometry: fc.anything(), properties: fc.anything(), id: fc.anything() }),
    );
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parseStations(input);
        expectWellFormed(result);
        const isList =
          Array.isArray(input) ||
          (input !== null &&
            typeof input === 'object' &&
            (input as { type?: unknown }).type === 'FeatureCollection' &&
            Array.isArray((input as { features?: unknown }).features));
        const isFeature = input !== null && typeof input === 'object' && (input as { type?: unknown }).type === 'Feature';
        if (typeof input !== 'string') expect(result.error === undefined).toBe(isList || isFeature);
        if (isList) {
          const features = Array.isArray(input) ? input : (input as { features: unknown[] }).features;
          expectEveryFeatureOnce(result, features);
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('survives JSON text that is truncated, garbled or deeply nested', () => {
    const mangled = fc
      .tuple(taggedCollection, fc.nat(), fc.constantFrom('cut', 'insert', 'nest'))
      .map(([{ doc }, at, how]) => {
        const text = JSON.stringify(doc);
        const cut = at % (text.length + 1);
        if (how === 'cut') return text.slice(0, cut);
        if (how === 'insert') return `${text.slice(0, cut)}\u0000<html>${text.slice(cut)}`;
        const depth = (cut % 5000) + 1;
        return `${'['.repeat(depth)}${text}${']'.repeat(depth)}`;
      });
    fc.assert(
      fc.property(mangled, (text) => {
        const result = parseStations(text);
        expectWellFormed(result);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        // Text that is not JSON is a document-level error, never a half-parsed list.
        if (!valid) expect(result.error?.code).toBe('invalid-geojson');
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('the sliced parser the element uses gives exactly the one-shot result, also across slices', () => {
    // More than one slice (4096 features): the generated features sit around the boundary,
    // so duplicates, skips and indexes must be carried from one slice to the next.
    const padded = fc.tuple(taggedCollection, fc.integer({ min: 4070, max: 4100 }), fc.boolean()).map(([{ doc }, pad, asText]) => {
      const features = doc.features as unknown[];
      const filler = Array.from({ length: pad }, (_, i) => ({
        type: 'Feature',
        id: `FILL-${i}`,
        geometry: { type: 'Point', coordinates: [117 + i / 1e4, 36] },
        properties: { name: `驿站 ${i}` },
      }));
      const all = [...features.slice(0, 3), ...filler, ...features.slice(3), ...features.slice(0, 3)];
      const collection = { type: 'FeatureCollection', features: all };
      return asText ? JSON.stringify(collection) : collection;
    });
    fc.assert(
      fc.property(fc.oneof(padded, fc.jsonValue({ maxDepth: 3 })), (input) => {
        const oneShot = parseStations(input);
        // The element hands tables (CSV text, bytes) to the table reader first, as parseStations does.
        const prepared = prepareStationInput(input);
        if ('error' in prepared) {
          expect(oneShot.error).toEqual(prepared.error);
          return;
        }
        const columns = runSteps(parseStationColumnsSteps(prepared.data));
        const sliced = { ...columns, stations: columns.list.all() };
        expect(sliced.error).toEqual(oneShot.error);
        expect(sliced.stations.length).toBe(oneShot.stations.length);
        expect(columns.lng.length).toBe(oneShot.stations.length);
        expect(columns.indexById.size).toBe(oneShot.stations.length);
        // The columns and the id index line up with the stations made from them.
        const misplaced = sliced.stations.findIndex(
          (s, i) =>
            columns.indexById.get(s.id) !== i ||
            columns.lng[i] !== s.geometry.coordinates[0] ||
            columns.lat[i] !== s.geometry.coordinates[1],
        );
        expect(misplaced).toBe(-1);
        // Text is parsed twice (two object trees), so compare what the stations hold, not identity.
        const same = (a: unknown, b: unknown) => (typeof input === 'string' ? isSameData(a, b) : a === b);
        const differs = sliced.stations.findIndex((s, i) => {
          const o = oneShot.stations[i]!;
          return s.id !== o.id || !same(s.geometry, o.geometry) || !same(s.properties, o.properties);
        });
        expect(differs).toBe(-1);
        expect(sliced.skipped).toEqual(oneShot.skipped);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  // Regressions: inputs the fuzzers above generate, kept as plain examples.
  it('does not take ids or names from own __proto__ keys', () => {
    const doc = JSON.parse(
      '{"type":"FeatureCollection","__proto__":{"polluted":1},"features":[' +
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[117,36]},"properties":{"__proto__":{"id":"P","name":"P"}}},' +
        '{"type":"Feature","id":"TA-1","geometry":{"type":"Point","coordinates":[-0,-0,1e308]},"properties":{"name":"x","constructor":{"prototype":{"polluted":1}}}}]}',
    ) as unknown;
    const result = parseStations(doc);
    expect(result.skipped.map((s) => s.reason)).toEqual(['missing-id']);
    expect(result.stations[0]?.geometry.coordinates).toStrictEqual([-0, -0, 1e308]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
