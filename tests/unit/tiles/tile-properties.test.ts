import { describe, expect, it } from 'vitest';
import { toTileProperties } from '../../../src/tiles/tile-properties.js';

describe('toTileProperties', () => {
  it('puts the code first as text, arrays and objects as JSON text, and leaves out nulls', () => {
    const json = new Set<string>();
    const out = toTileProperties('A1', { id: 'ignored', name: '驿站', services: ['water'], extra: { a: 1 }, phone: null, seats: 4, open: true }, json);
    expect(out).toEqual({ id: 'A1', name: '驿站', services: '["water"]', extra: '{"a":1}', seats: 4, open: true });
    expect(Object.keys(out)[0]).toBe('id');
    expect([...json]).toEqual(['services', 'extra']);
  });

  it('leaves out what would make a station read as a cluster, and numbers JSON has no form for', () => {
    expect(toTileProperties('B', { count: 3, 'count:other': 1, counter: 2, bad: Number.NaN })).toEqual({ id: 'B', counter: 2 });
  });
});
