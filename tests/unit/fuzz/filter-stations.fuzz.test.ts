/**
 * Property-based fuzzing of the station filter: any filter object a page sets
 * and any station the parser lets through give a yes/no, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStationFilter, normalizeText } from '../../../src/data/filter-stations.js';
import { parseStations } from '../../../src/data/parse-stations.js';
import { isOpenAt } from '../../../src/hours/is-open.js';
import type { Station, StationFilter } from '../../../src/types.js';
import { hostileObject, taggedCollection } from './arbitraries.js';

const someText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('ＴＡ－０３９１', '红门', '  ', 'İ', 'ß', 'ﬁ', '\u0301', 'other', 'union-station', 'water'),
);

/** Filters a page might set, right or wrong: arrays of mixed junk, lone strings, wrong types. */
const anyFilter: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      types: fc.oneof(fc.array(fc.oneof(someText, fc.anything({ maxDepth: 1 })), { maxLength: 4 }), someText, fc.anything({ maxDepth: 1 })),
      services: fc.oneof(fc.array(fc.oneof(someText, fc.anything({ maxDepth: 1 })), { maxLength: 4 }), someText, fc.anything({ maxDepth: 1 })),
      openNow: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 1 })),
      text: fc.oneof(someText, fc.anything({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  ),
  hostileObject,
  fc.anything({ maxDepth: 2 }),
);

/** Stations as parseStations lets them through from fuzzed collections: properties of any shape. */
const fuzzedStations = taggedCollection.map(({ doc }) => parseStations(doc).stations);

describe('createStationFilter / normalizeText (fuzz)', () => {
  it('normalizeText never throws, folds width and case, and is stable when applied twice', () => {
    fc.assert(
      fc.property(fc.oneof(someText, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        const once = normalizeText(s);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s|[\u2010-\u2015\u2212\uFE58\uFE63]/);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('the predicate never throws and answers true or false for any filter and station', () => {
    fc.assert(
      fc.property(anyFilter, fuzzedStations, fc.date({ noInvalidDate: false }), (filter, stations, now) => {
        const keep = createStationFilter(filter as StationFilter, { now });
        if (keep === null) return;
        for (const station of stations) expect(typeof keep(station)).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('finds a station by its own name or id, and open-now keeps only stations open then', () => {
    fc.assert(
      fc.property(fuzzedStations, fc.date({ noInvalidDate: true }), (stations, now) => {
        const problems: string[] = [];
        for (const station of stations) {
          for (const text of [station.properties.name, station.id]) {
            const keep = createStationFilter({ text }, { now });
            // A name that folds to nothing (only spaces) filters nothing out.
            if (keep !== null && !keep(station)) problems.push(`${station.id} not found by ${JSON.stringify(text.slice(0, 20))}`);
          }
        }
        const openNow = createStationFilter({ openNow: true }, { now })!;
        for (const station of stations) {
          const hours = station.properties.hours;
          const open = isOpenAt(typeof hours === 'string' ? hours : null, now) === true;
          if (openNow(station) !== open) problems.push(`${station.id}: openNow ${!open}`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('matches names whatever their width, case or dash', () => {
    const station = parseStations([
      { type: 'Feature', id: 'TA-0391', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: 'ＴＡ－Ｈｏｎｇｍｅｎ 红门' } },
    ]).stations[0] as Station;
    for (const text of ['ta-hongmen', 'TA‐HONGMEN', ' 红门 ', 'ｔａ－ｈｏｎｇ', 'ta-0391']) {
      expect(createStationFilter({ text })!(station)).toBe(true);
    }
  });
});
