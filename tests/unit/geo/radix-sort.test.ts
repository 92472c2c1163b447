import { describe, expect, it } from 'vitest';
import { countSharedMortonBits, encodeMorton } from '../../../src/geo/index/morton.js';
import { sortKeys } from '../../../src/geo/index/radix-sort.js';
import { createRandom } from './seeded-random.js';

describe('sortKeys', () => {
  it('sorts 52-bit keys like a comparator sort, stably', () => {
    const random = createRandom(31);
    const keys = Float64Array.from({ length: 5000 }, () => Math.floor(random() * 2 ** 52));
    for (let i = 0; i < 500; i++) keys[i * 10] = keys[0]; // duplicates must keep input order
    const expected = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
    const before = Array.from(keys);
    const sorted = sortKeys(keys, { toBit: 52 });
    expect(Array.from(keys)).toEqual(before); // the input is read, never written
    expect(Array.from(sorted.order)).toEqual(expected);
    expect(Array.from(sorted.keys)).toEqual(expected.map((i) => keys[i]));
    expect(keys[0]).toBe(keys[10]);
  });

  it('orders only by the bits from fromBit up', () => {
    const keys = Float64Array.of(0b1011, 0b0111, 0b1000, 0b0100);
    expect(Array.from(sortKeys(keys, { fromBit: 2, toBit: 4 }).order)).toEqual([1, 3, 0, 2]);
  });

  it('skips passes whose digit every key shares, first, middle or last', () => {
    const random = createRandom(32);
    // 44 bits in four 11-bit passes; bits 11-21 (the second digit) are the same in every key.
    const keys = Float64Array.from({ length: 3000 }, () => Math.floor(random() * 2 ** 11) + 5 * 2 ** 11 + Math.floor(random() * 2 ** 22) * 2 ** 22);
    const expected = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
    const before = Array.from(keys);
    const sorted = sortKeys(keys, { toBit: 44 });
    expect(Array.from(sorted.order)).toEqual(expected);
    expect(Array.from(sorted.keys)).toEqual(expected.map((i) => keys[i]));
    expect(Array.from(keys)).toEqual(before);
    expect(sorted.keys).not.toBe(keys);
  });

  it('handles empty input and one shared digit', () => {
    expect(sortKeys(new Float64Array(0)).order).toHaveLength(0);
    expect(Array.from(sortKeys(Float64Array.of(7, 7, 7)).order)).toEqual([0, 1, 2]);
  });
});

describe('Morton keys', () => {
  it('interleave x into even bits and y into odd bits', () => {
    expect(encodeMorton(1, 0)).toBe(1);
    expect(encodeMorton(0, 1)).toBe(2);
    expect(encodeMorton(3, 3)).toBe(15);
    expect(encodeMorton(2 ** 26 - 1, 2 ** 26 - 1)).toBe(2 ** 52 - 1);
    expect(encodeMorton(2 ** 13, 0)).toBe(2 ** 26);
  });

  it('count shared leading bits, 52 for equal keys', () => {
    expect(countSharedMortonBits(0, 2 ** 51)).toBe(0);
    expect(countSharedMortonBits(5, 5)).toBe(52);
    expect(countSharedMortonBits(0, 1)).toBe(51);
    expect(countSharedMortonBits(2 ** 30, 2 ** 30 + 2 ** 26)).toBe(25);
  });
});
