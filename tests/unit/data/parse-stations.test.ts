import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStations } from '../../../src/data/parse-stations.js';
import type { ParseResult } from '../../../src/types.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const inputs = readdirSync(`${FIXTURES}in`).filter((name) => name.endsWith('.json'));

function readInput(name: string): string {
  return readFileSync(`${FIXTURES}in/${name}`, 'utf8');
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false };
  }
}

function countFeatures(doc: unknown): number {
  if (Array.isArray(doc)) return doc.length;
  const d = doc as { type?: string; features?: unknown[] };
  return d.type === 'Feature' ? 1 : (d.features?.length ?? 0);
}

/** Checks the promise every caller relies on: each feature lands in exactly one list. */
function expectEveryFeatureAccountedFor(result: ParseResult, featureCount: number): void {
  expect(result.stations.length + result.skipped.length).toBe(featureCount);
  const indexes = result.skipped.map((s) => s.index);
  expect(new Set(indexes).size).toBe(indexes.length);
  for (const i of indexes) expect(i >= 0 && i < featureCount).toBe(true);
  const ids = result.stations.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
}

function makeStation(i: number): object {
  return {
    type: 'Feature',
    id: `TA-${String(i).padStart(7, '0')}`,
    geometry: { type: 'Point', coordinates: [116 + (i % 1000) / 1000, 36 + (i % 997) / 1000] },
    properties: { name: `泰山区第${i}号工会驿站`, type: 'union-station', hours: '24小时' },
  };
}

describe('parseStations golden files (tests/fixtures/parse)', () => {
  it('has fixtures to check', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of inputs) {
    it(`${name} matches out/${name}`, () => {
      const text = readInput(name);
      const actual = `${JSON.stringify(parseStations(text), null, 2)}\n`;
      const outPath = `${FIXTURES}out/${name}`;
      if (UPDATE) writeFileSync(outPath, actual);
      expect(actual).toBe(readFileSync(outPath, 'utf8'));
    });

    it(`${name} gives the same result as text and as an object, and accounts for every feature`, () => {
      const text = readInput(name);
      const parsed = tryParseJson(text);
      const fromText = parseStations(text);
      // JSON text of a string would be parsed again as JSON when passed as an object.
      if (!parsed.ok || typeof parsed.value === 'string') {
        expect(fromText.error?.code).toBe('invalid-geojson');
        return;
      }
      const fromObject = parseStations(parsed.value);
      expect(JSON.stringify(fromObject)).toBe(JSON.stringify(fromText));
      if (!fromText.error) expectEveryFeatureAccountedFor(fromText, countFeatures(parsed.value));
    });
  }
});

describe('parseStations', () => {
  it('keeps good stations and gives string ids from every source', () => {
    const result = parseStations(readInput('ids.json'));
    expect(result.stations.map((s) => s.id)).toEqual([
      'TA-0391',
      '1024',
      '0',
      'TA-0510',
      'TA-0620',
      '733',
      'TA-0815',
      'TA-0902',
      'TA-1001',
    ]);
    expect(result.skipped.map((s) => [s.reason, s.id])).toEqual([
      ['duplicate-id', '1024'],
      ['duplicate-id', '1024'],
      ['missing-id', undefined],
      ['missing-id', undefined],
    ]);
  });

  it('reports every kind of bad feature with its reason, id and an English message', () => {
    const result = parseStations(readInput('bad-features.json'));
    const byIndex = new Map(result.skipped.map((s) => [s.index, s]));
    expect(byIndex.get(1)?.reason).toBe('not-a-feature');
    expect(byIndex.get(6)).toMatchObject({ reason: 'missing-geometry', id: 'TA-0394' });
    expect(byIndex.get(9)).toMatchObject({ reason: 'not-a-point', message: expect.stringContaining('LineString') });
    expect(byIndex.get(12)).toMatchObject({ reason: 'bad-coordinates', message: expect.stringContaining('"117.1306"') });
    expect(byIndex.get(13)?.message).toContain('longitude must be within -180…180');
    expect(byIndex.get(14)?.message).toContain('latitude must be within -90…90');
    expect(byIndex.get(19)?.message).toContain('projected metres');
    expect(byIndex.get(20)?.reason).toBe('missing-id');
    expect(byIndex.get(22)).toMatchObject({ reason: 'duplicate-id', message: expect.stringContaining('feature 0') });
    expect(byIndex.get(23)?.reason).toBe('missing-name');
    expect(byIndex.get(24)?.reason).toBe('missing-name');
    expect(result.stations.map((s) => s.id)).toEqual(['TA-0391', 'TA-0412', 'TA-0413']);
    for (const s of result.skipped) expect(s.message).toMatch(/^Feature \d+/);
  });

  it('returns new station objects that share geometry and properties, and never mutates the input', () => {
    const doc = JSON.parse(readInput('bad-features.json')) as { features: Array<Record<string, unknown>> };
    const before = structuredClone(doc);
    const result = parseStations(deepFreeze(doc));
    expect(doc).toEqual(before);
    const first = result.stations[0];
    expect(first).not.toBe(doc.features[0]);
    expect(first.geometry).toBe(doc.features[0].geometry);
    expect(first.properties).toBe(doc.features[0].properties);
  });

  it('names the crs in out-of-range messages but keeps coordinates as given', () => {
    const feature = {
      type: 'Feature',
      id: 'TA-1',
      geometry: { type: 'Point', coordinates: [190, 36] },
      properties: { name: '红门' },
    };
    expect(parseStations([feature], { crs: 'gcj02' }).skipped[0].message).toContain('GCJ-02');
    const good = { ...feature, geometry: { type: 'Point', coordinates: [117.1306, 36.2117] } };
    expect(parseStations([good], { crs: 'bd09' }).stations[0].geometry.coordinates).toEqual([117.1306, 36.2117]);
  });

  it('rejects NaN, Infinity and numbers as strings in coordinates and ids', () => {
    const at = (coordinates: unknown, id: unknown = 'TA-1') => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates },
      properties: { name: '驿站' },
    });
    const result = parseStations([
      at([NaN, 36]),
      at([117, Infinity]),
      at([-Infinity, 36]),
      at([117, 36, NaN]),
      at([117, 36, Infinity]),
      at(['117', '36']),
      at([117, 36], NaN),
      at([117, 36], Infinity),
      at([117, 36], ''),
      at([117, 36, 1460]),
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'bad-coordinates',
      'bad-coordinates',
      'bad-coordinates',
      'bad-coordinates',
      'bad-coordinates',
      'bad-coordinates',
      'missing-id',
      'missing-id',
      'missing-id',
    ]);
    expect(result.skipped[0].message).toContain('NaN');
    expect(result.stations[0].geometry.coordinates).toEqual([117, 36, 1460]);
  });

  it('explains an unusable document in words', () => {
    expect(parseStations('<html>404</html>').error).toEqual({
      code: 'invalid-geojson',
      message: expect.stringMatching(/^Not JSON: /),
    });
    expect(parseStations({ type: 'Topology' }).error?.message).toBe(
      'Not GeoJSON: expected a FeatureCollection, a Feature or an array of Features, got an object with type "Topology"',
    );
    for (const doc of [null, undefined, 42, true, '', '   ', 'null', '"text"']) {
      const result = parseStations(doc);
      expect(result).toMatchObject({ stations: [], skipped: [], error: { code: 'invalid-geojson' } });
    }
  });

  it('keeps messages short for huge input', () => {
    const huge = 'x'.repeat(5_000_000);
    expect(parseStations(huge).error?.message.length).toBeLessThan(300);
    const result = parseStations([{ type: 'Feature', id: huge, geometry: null, properties: { name: huge } }]);
    expect(result.skipped[0].message.length).toBeLessThan(300);
  });

  it('does not let __proto__ keys change prototypes or supply ids and names', () => {
    const result = parseStations(readInput('proto-keys.json'));
    expect(result.stations.map((s) => s.id)).toEqual(['TA-0391']);
    expect(result.skipped).toMatchObject([{ index: 1, reason: 'missing-id' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.stations[0])).toBe(Object.prototype);
  });

  it('survives hostile objects: throwing getters and proxies', () => {
    const throwing = {
      type: 'Feature',
      get geometry(): never {
        throw new Error('boom');
      },
    };
    const good = makeStation(1);
    const result = parseStations([throwing, good]);
    expect(result.stations).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ index: 0, message: expect.stringContaining('boom') });

    const hostileCollection = new Proxy(
      {},
      {
        get() {
          throw Object.create(null);
        },
      },
    );
    expect(parseStations(hostileCollection).error?.code).toBe('invalid-geojson');
  });

  it('handles deep nesting without throwing', () => {
    expect(() => parseStations('['.repeat(100_000) + ']'.repeat(100_000))).not.toThrow();
    expect(() => parseStations('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000))).not.toThrow();
  });

  it('never throws and accounts for every feature, whatever the input (property-based)', () => {
    const featureLike = fc.record(
      {
        type: fc.oneof(fc.constant('Feature'), fc.anything()),
        id: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.anything()),
        geometry: fc.oneof(
          fc.record({
            type: fc.oneof(fc.constant('Point'), fc.string()),
            coordinates: fc.oneof(fc.array(fc.oneof(fc.double(), fc.anything()), { maxLength: 5 }), fc.anything()),
          }),
          fc.anything(),
        ),
        properties: fc.oneof(
          fc.record({ name: fc.oneof(fc.string(), fc.anything()), id: fc.anything(), code: fc.anything() }),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(featureLike, fc.anything()), { maxLength: 20 }), (features) => {
        const result = parseStations({ type: 'FeatureCollection', features });
        expect(result.error).toBeUndefined();
        expectEveryFeatureAccountedFor(result, features.length);
        for (const s of result.stations) {
          const [lng, lat] = s.geometry.coordinates;
          expect(Number.isFinite(lng) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90).toBe(true);
          expect(s.properties.name.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        expect(() => parseStations(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a collection over maxFeatures as a whole instead of cutting it short', () => {
    const features = Array.from({ length: 11 }, (_, i) => makeStation(i));
    expect(parseStations({ type: 'FeatureCollection', features }, { maxFeatures: 10 })).toEqual({
      stations: [],
      skipped: [],
      error: {
        code: 'too-large',
        message: 'Too many features: the document has 11, more than the limit of 10 (maxFeatures)',
      },
    });
    expect(parseStations(features, { maxFeatures: 11 }).stations).toHaveLength(11);
    // The default, 2,000,000, is checked before any feature is looked at.
    const huge = parseStations({ type: 'FeatureCollection', features: new Array(2_000_001) });
    expect(huge.error).toEqual({
      code: 'too-large',
      message: 'Too many features: the document has 2,000,001, more than the limit of 2,000,000 (maxFeatures)',
    });
    // Nonsense limits fall back to the default rather than refusing everything.
    for (const maxFeatures of [0, -1, NaN]) expect(parseStations(features, { maxFeatures }).stations).toHaveLength(11);
    expect(parseStations(features, { maxFeatures: Infinity }).stations).toHaveLength(11);
  });

  it('parses 100,000 features, keeping every one (speed is measured by npm run bench)', () => {
    const features = Array.from({ length: 100_000 }, (_, i) => makeStation(i));
    const result = parseStations({ type: 'FeatureCollection', features });
    expect(result.stations).toHaveLength(100_000);
    expect(result.stations[99_999]!.geometry).toBe((features[99_999] as { geometry: unknown }).geometry);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
