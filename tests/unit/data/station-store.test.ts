import { describe, expect, it } from 'vitest';
import { StationIdIndex } from '../../../src/data/station-store.js';

describe('StationIdIndex', () => {
  it('answers like a Map and iterates in position order', () => {
    const ids = new StationIdIndex();
    const expected = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const id = i % 3 ? `TA-${i}` : `${i}`;
      ids.set(id, i);
      expected.set(id, i);
    }
    ids.set('TA-1', 1); // setting an id again does not count it twice
    expect(ids.size).toBe(5000);
    expect(ids.get('TA-4999')).toBe(4999);
    expect(ids.get('3')).toBe(3);
    expect(ids.has('TA-3')).toBe(false);
    expect(ids.get('nope')).toBeUndefined();
    expect([...ids]).toEqual([...expected]);
    expect([...ids.keys()].slice(0, 3)).toEqual(['0', 'TA-1', 'TA-2']);
    const seen: number[] = [];
    ids.forEach((value) => seen.push(value));
    expect(seen).toEqual([...expected.values()]);
  });
});
