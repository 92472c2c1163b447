import { describe, expect, it } from 'vitest';
import { StationIdIndex } from '../../../src/data/station-id-index.js';
import { buildStoreSteps } from '../../../src/data/build-store-sliced.js';
import type { StationStore } from '../../../src/data/station-store.js';
import type { ClusterIndex } from '../../../src/geo/cluster/cluster-index.js';
import { runSteps } from '../../../src/util/steps.js';
import type { Station } from '../../../src/types.js';

/** The store the element would build for these stations, in one go. */
function storeOf(stations: readonly Station[]): StationStore<ClusterIndex> {
  return runSteps(buildStoreSteps(stations)).store!;
}

describe('StationIdIndex', () => {
  it('answers like a Map and iterates in position order', () => {
    const ids = new StationIdIndex(5000);
    const expected = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const id = i % 3 ? `TA-${i}` : `${i}`;
      expect(ids.add(id)).toBe(-1);
      expected.set(id, i);
    }
    expect(ids.add('TA-1')).toBe(1); // adding an id again gives its position and adds nothing
    expect(ids.size).toBe(5000);
    expect(ids.get('TA-4999')).toBe(4999);
    expect(ids.get('3')).toBe(3);
    expect(ids.idAt(3)).toBe('3');
    expect(ids.has('TA-3')).toBe(false);
    expect(ids.get('nope')).toBeUndefined();
    expect(ids.get('')).toBeUndefined();
    expect([...ids]).toEqual([...expected]);
    expect([...ids.keys()].slice(0, 3)).toEqual(['0', 'TA-1', 'TA-2']);
    expect([...ids.values()]).toEqual([...expected.values()]);
    const seen: number[] = [];
    ids.forEach((value, key) => seen.push(value, expected.get(key)!));
    expect(seen).toEqual([...expected.values()].flatMap((v) => [v, v]));
  });

  it('tells apart ids that share a hash slot, and refuses more ids than it has room for', () => {
    // Ids differing in one character, and ids that are prefixes of each other.
    const words = ['a', 'aa', 'aaa', 'ab', 'ba', '长', '长长', '驿站-1', '驿站-10', '驿站-100', 'x'.repeat(200)];
    const ids = new StationIdIndex(words.length);
    for (const w of words) expect(ids.add(w)).toBe(-1);
    words.forEach((w, i) => expect(ids.get(w)).toBe(i));
    expect(() => ids.add('one more')).toThrow(RangeError);
    expect(ids.add('aa')).toBe(1);
  });
});

describe('the store’s kd-tree, built after the first render', () => {
  const stations: Station[] = Array.from({ length: 20_000 }, (_, i) => ({
    type: 'Feature',
    id: `S${i}`,
    geometry: { type: 'Point', coordinates: [100 + ((i * 7919) % 3000) / 100, 20 + ((i * 104729) % 3000) / 100] },
    properties: { name: `站 ${i}` },
  }));

  it('answers nearest the same before, during and after the background build', () => {
    const store = storeOf(stations);
    const query = (): unknown => store.nearest(115.5, 35.2, 10, { accept: (i) => i % 2 === 0 });
    const before = query();
    const steps = store.spatialSteps();
    steps.next();
    steps.next();
    expect(query()).toEqual(before);
    // Reading `spatial` mid-build finishes that build; the background steps then end at once.
    const spatial = store.spatial;
    expect(steps.next()).toEqual({ done: true, value: spatial });
    expect(store.spatialSteps().next()).toEqual({ done: true, value: spatial });
    expect(query()).toEqual(before);
    expect(spatial.nearest(115.5, 35.2, 10, { accept: (i) => i % 2 === 0 })).toEqual(before);
  });
});

describe('the store’s cluster index, built after the first render', () => {
  const stations: Station[] = Array.from({ length: 30_000 }, (_, i) => ({
    type: 'Feature',
    id: `C${i}`,
    geometry: { type: 'Point', coordinates: [100 + ((i * 7919) % 3000) / 100, 20 + ((i * 104729) % 3000) / 100] },
    properties: { name: `站 ${i}` },
  }));
  const views: Array<[[number, number, number, number], number]> = [
    [[73, 18, 135, 54], 4],
    [[110, 30, 115, 35], 8],
    [[112, 32, 112.2, 32.2], 18],
  ];

  it('draws the same clusters from its scan as from the index, and swaps to the index once built', () => {
    const store = storeOf(stations);
    const scanView = store.clusterView();
    const byId = (items: Array<{ id: number; count: number; index: number }>) =>
      items.map(({ id, count, index }) => [id, count, index]).sort((a, b) => a[0]! - b[0]!);
    const scanned = views.map(([bbox, zoom]) => byId(scanView.getClusters(bbox, zoom)));
    const steps = store.clusterSteps();
    let next = steps.next();
    while (!next.done) next = steps.next();
    const index = next.value;
    expect(store.clusterView()).toBe(index);
    expect(store.clustersFor(null)).toBe(index);
    expect(views.map(([bbox, zoom]) => byId(index.getClusters(bbox, zoom)))).toEqual(scanned);
    // The old view object answers from the index now.
    expect(byId(scanView.getClusters(...views[1]!))).toEqual(scanned[1]);
  });

  it('finishes the index at once for a filter or a cluster click, and the background build then ends', () => {
    const store = storeOf(stations);
    const steps = store.clusterSteps();
    steps.next();
    const big = store.clusterView().getClusters([73, 18, 135, 54], 3).find((c) => c.count > 1)!;
    expect(store.clusterView().getExpansionZoom(big.id)).toBeGreaterThan(3);
    const even = store.clustersFor((i) => i % 2 === 0);
    expect(even.size).toBe(15_000);
    expect(steps.next().done).toBe(true);
    expect(store.clusterView()).toBe(store.clustersFor(null));
  });
});
