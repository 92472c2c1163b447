import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSteps } from '../../../src/data/parse-json-steps.js';
import { runSteps, type Steps } from '../../../src/util/steps.js';

/** Small pieces, so short texts take the sliced path through every branch. */
const TINY = { wholeBelow: 0, chunkChars: 8 };

function countSteps<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, yields };
    yields++;
  }
}

/** JSON.parse's answer or its error's kind, to compare with the sliced parser's. */
function outcome(parse: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

const tricky = ['"features"', 'a"b', 'back\\slash', '\\"', ']', '[', '{', '}', ',', ':', '\u2028', '中文', ''];

const feature = fc.record({
  type: fc.constant('Feature'),
  geometry: fc.record({ type: fc.constant('LineString'), coordinates: fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 4 }) }),
  properties: fc.dictionary(fc.oneof(fc.constantFrom(...tricky), fc.string()), fc.oneof(fc.constantFrom(...tricky), fc.string(), fc.jsonValue({ maxDepth: 3 }))),
});
const collection = fc.record({
  before: fc.dictionary(fc.string().filter((k) => k !== 'features'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  features: fc.array(fc.oneof(feature, fc.jsonValue({ maxDepth: 3 })), { maxLength: 30 }),
  after: fc.dictionary(fc.string().filter((k) => k !== 'features'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  space: fc.constantFrom('', ' ', '\n  ', '\t'),
});
type Doc = typeof collection extends fc.Arbitrary<infer T> ? T : never;
const textOf = ({ before, features, after, space }: Doc) =>
  JSON.stringify({ type: 'FeatureCollection', ...before, features, ...after }, null, space);

describe('parseJsonSteps (JSON.parse in steps)', () => {
  it('gives the value JSON.parse gives, for FeatureCollections with tricky strings and any members around', () => {
    fc.assert(
      fc.property(collection, (doc) => {
        const text = textOf(doc);
        expect(runSteps(parseJsonSteps(text, TINY))).toEqual(JSON.parse(text));
      }),
      { numRuns: 400, seed: 22 },
    );
  });

  it('throws a SyntaxError exactly where JSON.parse does: every cut and single-character change', () => {
    fc.assert(
      fc.property(collection, fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', '\\', ':', ' ', 'x', '1'), (doc, at, insert) => {
        const text = textOf(doc);
        const cut = at % (text.length + 1);
        for (const bad of [text.slice(0, cut), text.slice(0, cut) + insert + text.slice(cut + 1), text.slice(0, cut) + insert + text.slice(cut)]) {
          expect(outcome(() => runSteps(parseJsonSteps(bad, TINY)))).toEqual(outcome(() => JSON.parse(bad)));
        }
      }),
      { numRuns: 400, seed: 22 },
    );
  });

  it('hands the features over a piece at a time with onFeatures, in order, and returns the rest', () => {
    fc.assert(
      fc.property(collection, fc.integer({ min: 1, max: 64 }), (doc, chunkChars) => {
        const text = textOf(doc);
        const given: unknown[] = [];
        const rest = runSteps(parseJsonSteps(text, { wholeBelow: 0, chunkChars, onFeatures: (features) => given.push(...features) })) as { features: unknown[] };
        const expected = JSON.parse(text) as { features: unknown[] };
        expect(given).toEqual(expected.features);
        expect(rest).toEqual({ ...expected, features: [] });
      }),
      { numRuns: 300, seed: 22 },
    );
    // A second "features" member cannot be honoured once the first is given away: refused.
    expect(() => runSteps(parseJsonSteps('{"features":[1,2],"features":[3]}', { ...TINY, onFeatures: () => {} }))).toThrow(/two "features" members/);
    expect(runSteps(parseJsonSteps('{"features":[1,2],"name":"features"}', { ...TINY, onFeatures: () => {} }))).toEqual({ features: [], name: 'features' });
  });

  it('refuses what would only look valid once cut into pieces: empty elements, trailing commas, a brace closing the array', () => {
    for (const bad of ['{"features":[1,,2]}', '{"features":[1,2,]}', '{"features":[,1]}', '{"features":[1}}', '{"features":[1]]}', '{"features":[1] "x":2}']) {
      expect(() => runSteps(parseJsonSteps(bad, { wholeBelow: 0, chunkChars: 1 })), bad).toThrow(SyntaxError);
    }
    // The last "features" wins, as in JSON.parse.
    expect(runSteps(parseJsonSteps('{"features":[1,2],"features":[3]}', TINY))).toEqual({ features: [3] });
    expect(runSteps(parseJsonSteps('{"features":null, "features":[3,4]}', TINY))).toEqual({ features: [3, 4] });
  });

  it('works through a large network in many small steps', () => {
    const segment = '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.00001,36.65001],[117.00067,36.65001]]}}';
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 40_000 }, () => segment).join(',')}]}`;
    expect(text.length).toBeGreaterThan(4_000_000);
    const { value, yields } = countSteps(parseJsonSteps(text));
    expect((value as { features: unknown[] }).features).toHaveLength(40_000);
    // 256 Ki characters a step: at least text / 256 Ki steps, each a bounded piece of JSON.parse.
    expect(yields).toBeGreaterThanOrEqual(Math.floor(text.length / 2 ** 18));
    expect(value).toEqual(JSON.parse(text));
  });
});
