/**
 * Golden-file test over a corpus of malformed station files
 * (tests/fixtures/bad): each file is read the two ways a page gets data, as
 * text handed to parseStations and over fetch through loadStations, and the
 * outcome must match expected.json. A document that is not GeoJSON at all is
 * a document-level `invalid-geojson` error; anything readable as a feature
 * list keeps its good stations and reports each bad feature by index.
 *
 * Regenerate expected.json after a deliberate change with UPDATE_GOLDEN=1.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStations } from '../../../src/data/load-stations.js';
import { parseStations } from '../../../src/data/parse-stations.js';
import { StationMapError } from '../../../src/errors.js';
import type { ParseResult } from '../../../src/types.js';

const DIR = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

type Outcome = { error: string } | { stations: number; skipped: Array<{ index: number; reason: string }> };

const files = readdirSync(DIR)
  .filter((name) => name !== 'expected.json')
  .sort();
const expected = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Record<string, Outcome>;
const actual: Record<string, Outcome> = {};

function toOutcome(result: ParseResult): Outcome {
  if (result.error) return { error: result.error.code };
  return { stations: result.stations.length, skipped: result.skipped.map(({ index, reason }) => ({ index, reason })) };
}

/** A fetch that serves the file's bytes exactly as a static server would. */
function serveFile(name: string): typeof fetch {
  return async () =>
    new Response(readFileSync(`${DIR}${name}`), { headers: { 'Content-Type': 'application/geo+json' } });
}

// Words a page author should see for the usual document-level mistakes.
const MESSAGES: Record<string, RegExp> = {
  'empty.geojson': /^Not JSON: the text is empty$/,
  'whitespace-only.geojson': /^Not JSON: the text is empty$/,
  'html-login-page.geojson': /looks like an HTML page/,
  'utf16le.geojson': /UTF-16/,
  'geometry-only.geojson': /^Not GeoJSON: .*got an object with type "Point"$/,
  'features-object.geojson': /no "features" array \(got an object without a "type"\)/,
  'features-missing.geojson': /no "features" array$/,
  'null.json': /got null$/,
};

describe('malformed station files (tests/fixtures/bad)', () => {
  it('has a corpus of at least 15 files, each with an expected outcome', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    if (!UPDATE) expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const name of files) {
    it(`${name}: parseStations(text) gives the expected outcome`, () => {
      const result = parseStations(readFileSync(`${DIR}${name}`, 'utf8'));
      actual[name] = toOutcome(result);
      if (UPDATE) return;
      expect(actual[name]).toEqual(expected[name]);
      if (result.error) {
        expect(result.error.message).toMatch(/^Not (JSON|GeoJSON): /);
        if (MESSAGES[name]) expect(result.error.message).toMatch(MESSAGES[name]!);
      } else {
        // Every kept station is a usable Point with a string id: the good ones survive the bad.
        for (const station of result.stations) {
          expect(typeof station.id).toBe('string');
          expect(station.geometry.type).toBe('Point');
        }
        for (const s of result.skipped) expect(s.message).toMatch(new RegExp(`^Feature ${s.index}\\b`));
      }
    });

    it(`${name}: loadStations over fetch agrees`, async () => {
      if (UPDATE) return;
      const url = `https://example.org/${name}`;
      const outcome = await loadStations(url, { fetch: serveFile(name) }).then(toOutcome, (error: unknown) => {
        // A document-level problem rejects with a StationMapError naming the URL.
        expect(error).toBeInstanceOf(StationMapError);
        expect((error as Error).message).toContain(url);
        return { error: (error as StationMapError).code };
      });
      expect(outcome).toEqual(expected[name]);
    });
  }

  it('writes expected.json when UPDATE_GOLDEN=1', () => {
    if (!UPDATE) return;
    const sorted = Object.fromEntries(Object.entries(actual).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(`${DIR}expected.json`, `${JSON.stringify(sorted, null, 2)}\n`);
  });

  it('never pollutes prototypes, whatever the files held', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
