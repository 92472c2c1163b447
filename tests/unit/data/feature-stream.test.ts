import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureStream } from '../../../src/data/feature-stream.js';

const tricky = ['"features"', 'features', 'a"b', 'back\\slash', '\\"', '\\\\', ']', '[', '{', '}', ',', ':', '\u2028', '中文', ''];

const feature = fc.record({
  type: fc.constant('Feature'),
  geometry: fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })) }),
  properties: fc.dictionary(fc.oneof(fc.constantFrom(...tricky), fc.string()), fc.oneof(fc.constantFrom(...tricky), fc.string(), fc.jsonValue({ maxDepth: 3 }))),
});
const collection = fc.record({
  before: fc.dictionary(fc.string().filter((k) => k !== 'features'), fc.oneof(fc.constantFrom(...tricky), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 3 }),
  features: fc.array(fc.oneof(feature, fc.jsonValue({ maxDepth: 2 })), { maxLength: 20 }),
  after: fc.dictionary(fc.string().filter((k) => k !== 'features'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  space: fc.constantFrom('', ' ', '\n  ', '\t'),
});
type Doc = typeof collection extends fc.Arbitrary<infer T> ? T : never;
const textOf = ({ before, features, after, space }: Doc) => JSON.stringify({ type: 'FeatureCollection', ...before, features, ...after }, null, space);

/** Cuts `text` at the given offsets (sorted, any count) and pushes the pieces; the features each push gave. */
function pushPieces(text: string, cuts: number[]): unknown[][] {
  const stream = new FeatureStream();
  const at = [0, ...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length];
  return at.slice(1).map((end, i) => stream.push(text.slice(at[i], end)));
}

describe('FeatureStream (the features of a FeatureCollection as its text arrives)', () => {
  it('gives every feature once, in order, however the text is cut: strings with quotes, brackets and "features" in them included', () => {
    fc.assert(
      fc.property(collection, fc.array(fc.nat(), { maxLength: 12 }), (doc, cuts) => {
        const text = textOf(doc);
        expect(pushPieces(text, cuts).flat()).toEqual((JSON.parse(text) as { features: unknown[] }).features);
      }),
      { numRuns: 500, seed: 20 },
    );
  });

  it('gives a feature as soon as the comma after it has arrived, before the document ends', () => {
    const features = Array.from({ length: 5 }, (_, i) => ({ type: 'Feature', properties: { name: `驿站 ${i} "A" \\ ]}`, id: i }, geometry: { type: 'Point', coordinates: [117 + i, 36] } }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const stream = new FeatureStream();
    const afterThird = text.indexOf(',{"type"', text.indexOf('"id":2')) + 1;
    expect(stream.push(text.slice(0, afterThird))).toEqual(features.slice(0, 3));
    expect(stream.reading).toBe(true);
    expect(stream.push(text.slice(afterThird, -3))).toEqual([features[3]]);
    expect(stream.push(text.slice(-3))).toEqual([features[4]]);
    expect(stream.reading).toBe(false);
    expect(stream.count).toBe(5);
  });

  it('reads the top-level "features" only: not one inside another member, not a value that says "features"', () => {
    const text = '{"name":"features","meta":{"features":[1,2]},"features":[{"a":1},{"b":[2]}],"after":{"features":[3]}}';
    for (let cut = 0; cut <= text.length; cut++) expect(pushPieces(text, [cut]).flat()).toEqual([{ a: 1 }, { b: [2] }]);
  });

  it('stops quietly at text it cannot read, keeping what it gave: the full parse reports the fault', () => {
    const stream = new FeatureStream();
    expect(stream.push('{"features":[{"a":1},{"b":')).toEqual([{ a: 1 }]);
    expect(stream.push('oops},{"c":3},')).toEqual([]);
    expect(stream.reading).toBe(false);
    expect(stream.push('{"d":4}]}')).toEqual([]);
    expect(stream.count).toBe(1);
  });

  it('gives nothing for a document that is not a FeatureCollection (a bare array, a Feature, an empty array)', () => {
    for (const text of ['[{"type":"Feature"}]', '{"type":"Feature","geometry":null,"properties":{}}', '{"features":[]}', '{"features":{"x":[1]}}']) {
      const stream = new FeatureStream();
      expect(stream.push(text)).toEqual([]);
    }
  });

  describe('collection (the document with the features it read, so they are not parsed again)', () => {
    /** Pushes `text` in pieces and asks for its document. */
    const collect = (text: string, cuts: number[]) => {
      const stream = new FeatureStream();
      const at = [0, ...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length];
      const features = at.slice(1).flatMap((end, i) => stream.push(text.slice(at[i], end)));
      return stream.collection(text, features);
    };

    it('equals JSON.parse of the text, members before and after the features included, however it is cut', () => {
      fc.assert(
        fc.property(collection, fc.array(fc.nat(), { maxLength: 12 }), (doc, cuts) => {
          const text = textOf(doc);
          const got = collect(text, cuts);
          expect(got).toEqual(JSON.parse(text));
          // Key order too: a page that lists the members sees the file's order.
          expect(Object.keys(got!)).toEqual(Object.keys(JSON.parse(text) as object));
        }),
        { numRuns: 300, seed: 21 },
      );
    });

    it('is null for every text JSON.parse refuses, so the normal parser reports it', () => {
      const broken = [
        '{"features":[{"a":1},,{"b":2}]}',
        '{"features":[,{"a":1}]}',
        '{"features":[{"a":1},]}',
        '{"features":[{"a":1} {"b":2}]}',
        '{"features":[{"a":1}],}',
        '{"features":[{"a":1}]',
        '{"features":[{"a":1}]} x',
        '{"type":"FeatureCollection" "features":[{"a":1}]}',
        '{"features":[{"a":"unterminated}]}',
      ];
      for (const text of broken) {
        expect(() => JSON.parse(text)).toThrow();
        for (let cut = 0; cut <= text.length; cut++) expect(collect(text, [cut])).toBeNull();
      }
    });

    it('is null when another "features" member would win in JSON.parse, or the stream did not see the whole text', () => {
      expect(collect('{"features":[{"a":1}],"features":[]}', [])).toBeNull();
      const text = '{"features":[{"a":1}]}';
      const stream = new FeatureStream();
      const features = stream.push(text);
      expect(stream.collection(`${text} `, features)).toBeNull();
      expect(stream.collection(text, [])).toBeNull();
      expect(stream.collection(text, features)).toEqual({ features: [{ a: 1 }] });
    });
  });
});
