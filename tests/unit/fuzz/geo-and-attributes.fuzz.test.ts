/**
 * Property-based fuzzing of the coordinate conversions and the `lng,lat`
 * attribute parser: any numbers, any text, never an exception, never a
 * silently wrong position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../../src/geo/crs/crs.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import type { Crs, LngLat } from '../../../src/types.js';
import { parseLngLat } from '../../../src/ui/parse-attributes.js';

const CRSES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];
const anyCrs = fc.constantFrom(...CRSES);
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324));
const lng = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
// gcoord's mainland box, where GCJ-02 applies; the border itself is where a shift switches on.
const china = fc.tuple(fc.double({ min: 73.7, max: 134.9, noNaN: true }), fc.double({ min: 18.2, max: 53.5, noNaN: true }));

describe('toWgs84 / fromWgs84 (fuzz)', () => {
  it('never throw, return a new pair and leave the input alone; non-finite numbers come back unchanged', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyCrs, fc.boolean(), (x, y, crs, forward) => {
        const input: LngLat = [x, y];
        const out = (forward ? fromWgs84 : toWgs84)(input, crs);
        expect(out).not.toBe(input);
        expect(out).toHaveLength(2);
        expect(Object.is(input[0], x) && Object.is(input[1], y)).toBe(true);
        if (!Number.isFinite(x) || !Number.isFinite(y) || crs === 'wgs84') {
          expect(Object.is(out[0], x) && Object.is(out[1], y)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('shift a valid position by a small finite amount only', () => {
    fc.assert(
      fc.property(lng, lat, anyCrs, fc.boolean(), (x, y, crs, forward) => {
        const [a, b] = (forward ? fromWgs84 : toWgs84)([x, y], crs);
        expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
        // GCJ-02 moves up to ~700 m, BD-09 adds ~0.0065°: a few hundredths of a degree at most.
        expect(Math.abs(a - x) < 0.05 && Math.abs(b - y) < 0.05).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('round-trip within 1 m anywhere in mainland China', () => {
    fc.assert(
      fc.property(china, fc.constantFrom<Crs>('gcj02', 'bd09'), ([x, y], crs) => {
        const back = toWgs84(fromWgs84([x, y], crs), crs);
        expect(haversineMeters(x, y, back[0], back[1])).toBeLessThan(1);
      }),
      { numRuns: 400 },
    );
  });

  it('return NaN positions unchanged instead of throwing (gcoord throws on NaN)', () => {
    // Regression: `map.nearestStations(NaN, NaN)` with crs="gcj02" threw "Invalid input coordinate".
    for (const crs of CRSES) {
      expect(toWgs84([NaN, NaN], crs)).toEqual([NaN, NaN]);
      expect(fromWgs84([NaN, 36], crs)).toEqual([NaN, 36]);
      expect(toWgs84([Infinity, 36], crs)).toEqual([Infinity, 36]);
    }
  });
});

describe('parseLngLat (fuzz)', () => {
  it('never throws and returns null or an in-range finite pair, whatever the value', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(fc.constantFrom('1', '17.5', '-', '+', '.', 'e', 'E', ',', '，', ';', ' ', '\t', '\u3000', 'x', '0', '9'), { maxLength: 20 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.anything({ maxDepth: 1 })), (value) => {
        const pair = parseLngLat(value as string);
        if (pair === null) return;
        expect(typeof value).toBe('string');
        expect(pair).toHaveLength(2);
        expect(Number.isFinite(pair[0]) && Math.abs(pair[0]) <= 180).toBe(true);
        expect(Number.isFinite(pair[1]) && Math.abs(pair[1]) <= 90).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('reads back any valid position written with any separator and spacing', () => {
    const separator = fc.constantFrom(',', ', ', ' ,', '，', ';', '；', ' ', '  ', '\t', ' , ');
    const padding = fc.constantFrom('', ' ', '\n', '\u3000');
    fc.assert(
      fc.property(lng, lat, separator, padding, padding, (x, y, sep, before, after) => {
        const pair = parseLngLat(`${before}${x}${sep}${y}${after}`);
        // String(-0) is "0": compare as numbers, where -0 === 0.
        expect(pair !== null && pair[0] === x && pair[1] === y).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses out-of-range, non-numeric and three-number values', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.double({ min: 180, max: 1e300, minExcluded: true, noNaN: true }), lat).map(([x, y]) => `${x},${y}`),
          fc.tuple(lng, fc.double({ min: 90, max: 1e300, minExcluded: true, noNaN: true })).map(([x, y]) => `${x},${-y}`),
          fc.tuple(lng, lat, lat).map(([x, y, z]) => `${x},${y},${z}`),
          fc.constantFrom('NaN,1', 'Infinity,1', '0x10,1', '1,', ',1', '1e999,1', '1..2,3', '--1,2', '117.1°,36.2'),
        ),
        (value) => {
          expect(parseLngLat(value)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a very long run of digits in linear time (was quadratic: a ReDoS)', () => {
    // The old pattern backtracked quadratically: 16,000 digits took 1.8 s, these would take minutes.
    expect(parseLngLat(`${'1'.repeat(200_000)}x,1`)).toBeNull();
    expect(parseLngLat(`${'9'.repeat(200_000)},1`)).toBeNull();
    expect(parseLngLat(`0.${'1'.repeat(200_000)},1`)?.[1]).toBe(1);
  });
});
