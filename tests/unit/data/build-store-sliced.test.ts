import { describe, expect, it } from 'vitest';
import { buildStoreSliced, buildStoreSteps } from '../../../src/data/build-store-sliced.js';
import { parseStationColumnsSteps, parseStations } from '../../../src/data/parse-stations.js';
import { FieldReader } from '../../../src/data/station-fields.js';
import { columnsBBox, toStationColumns } from '../../../src/data/station-columns.js';
import type { StationStore } from '../../../src/data/station-store.js';
import { ClusterIndex } from '../../../src/geo/cluster/cluster-index.js';
import { SpatialIndex } from '../../../src/geo/index/spatial-index.js';
import { runSteps } from '../../../src/util/steps.js';
import { createRandom } from '../geo/seeded-random.js';

/**
 * 20,000 features (five parse runs of 4,096) with every kind of trouble, some of it straddling
 * the runs: ids repeated in a later run, a nameless feature whose id a later feature may take,
 * bad coordinates, non-features, long ids that messages shorten.
 */
function makeCollection(count = 20_000, seed = 7): { type: 'FeatureCollection'; features: unknown[] } {
  const random = createRandom(seed);
  const features: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const lng = 100 + random() * 20;
    const lat = 25 + random() * 15;
    const roll = random();
    let id: string | number = `S-${i}`;
    if (roll < 0.01) id = `S-${Math.floor(random() * i)}`; // a repeat of an earlier id, often in an earlier run
    else if (roll < 0.015) id = `${'长'.repeat(50)}-${i % 7}`; // long ids, repeated
    else if (roll < 0.02) id = i; // numeric id
    const feature: Record<string, unknown> = {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: { name: `驿站 ${i}`, type: i % 3 === 0 ? 'union' : 'partner' },
    };
    if (roll > 0.995) feature.geometry = { type: 'Point', coordinates: [lng + 400, lat] };
    else if (roll > 0.99) (feature.properties as Record<string, unknown>).name = '';
    else if (roll > 0.988) features.push('not a feature');
    features.push(feature);
  }
  // A nameless feature does not claim its id: the usable one in the next run does.
  features[4095] = { type: 'Feature', id: 'edge', geometry: { type: 'Point', coordinates: [110, 30] }, properties: {} };
  features[4097] = { type: 'Feature', id: 'edge', geometry: { type: 'Point', coordinates: [110, 30] }, properties: { name: 'E' } };
  features[9000] = { type: 'Feature', id: 'edge', geometry: { type: 'Point', coordinates: [111, 31] }, properties: { name: 'E2' } };
  return { type: 'FeatureCollection', features };
}

/** What parseStations says besides the stations. */
function withoutStations({ stations: _stations, ...rest }: ReturnType<typeof parseStations>) {
  return rest;
}

/** Every station of a store, in order. */
function storeStations(store: StationStore) {
  return Array.from({ length: store.size }, (_, i) => store.station(i));
}

function clusterSignature(clusters: ClusterIndex): string {
  const views: Array<[[number, number, number, number], number]> = [
    [[73, 18, 135, 54], 4],
    [[100, 25, 120, 40], 7],
    [[108, 30, 110, 32], 11],
    [[109.5, 30.5, 109.6, 30.6], 18],
  ];
  return JSON.stringify(views.map(([bbox, zoom]) => clusters.getClusters(bbox, zoom)));
}

describe('buildStoreSliced', () => {
  it('gives the same stations, skipped features and messages as parseStations in one call', async () => {
    const collection = makeCollection();
    const expected = parseStations(collection);
    expect(expected.skipped.some((s) => s.reason === 'duplicate-id' && s.index >= 4096)).toBe(true);
    const { result, store } = await buildStoreSliced(collection);
    expect(result.error).toBeUndefined();
    expect(storeStations(store!)).toEqual(expected.stations);
    expect(result.skipped).toEqual(expected.skipped);
    expect(store!.skippedCount).toBe(expected.skipped.length);
  });

  it('makes each station from its feature when first asked, and gives the same object after', async () => {
    const collection = makeCollection(12_000, 9);
    const features = collection.features as Array<{ id: unknown; properties: unknown; geometry: unknown }>;
    const { store } = await buildStoreSliced(collection);
    const i = store!.indexById.get('S-11000')!;
    const feature = features.find((f) => f?.id === 'S-11000')!;
    const station = store!.station(i);
    expect(station).toBe(store!.station(i));
    // A new object around the input's own geometry and properties; the input is not changed.
    expect(station).not.toBe(feature);
    expect(station.geometry).toBe(feature.geometry);
    expect(station.properties).toBe(feature.properties);
    expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties']);
    // Numeric ids become strings on the station only.
    const numeric = features.findIndex((f) => typeof f?.id === 'number');
    expect(store!.station(store!.indexById.get(String(features[numeric]!.id))!).id).toBe(String(features[numeric]!.id));
    expect(typeof features[numeric]!.id).toBe('number');
    expect(() => store!.station(store!.size)).toThrow(RangeError);
    expect(() => store!.station(-1)).toThrow(RangeError);
  });

  it('builds the indexes of its stations: columns, clusters, nearest, ids, bbox', async () => {
    const collection = makeCollection(15_000, 11);
    const oneShot = parseStations(collection, { crs: 'gcj02' });
    // The reference: the one-shot stations' WGS-84 columns and indexes built from them directly.
    const { lng, lat } = toStationColumns(oneShot.stations, 'gcj02');
    const spatial = new SpatialIndex(lng, lat);
    const { store } = await buildStoreSliced(collection, { crs: 'gcj02' });
    expect(Array.from(store!.lng)).toEqual(Array.from(lng));
    expect(Array.from(store!.lat)).toEqual(Array.from(lat));
    expect(clusterSignature(store!.clustersFor(null))).toBe(clusterSignature(ClusterIndex.build(lng, lat)));
    expect(store!.spatial.nearest(110, 30, 10)).toEqual(spatial.nearest(110, 30, 10));
    expect(store!.spatial.within([108, 29, 112, 33])).toEqual(spatial.within([108, 29, 112, 33]));
    expect([...store!.indexById]).toEqual(oneShot.stations.map((s, i) => [s.id, i]));
    expect(store!.bboxOf(null)).toEqual(columnsBBox(lng, lat));
    expect(store!.skippedCount).toBe(oneShot.skipped.length);
  });

  it('reads JSON text and a plain array of features like parseStations', async () => {
    const collection = makeCollection(9000, 3);
    const text = `\uFEFF${JSON.stringify(collection)}`;
    const fromText = await buildStoreSliced(text);
    expect(fromText.result).toEqual(withoutStations(parseStations(text)));
    expect(storeStations(fromText.store!)).toEqual(parseStations(text).stations);
    const fromArray = await buildStoreSliced(collection.features);
    expect(fromArray.result).toEqual(withoutStations(parseStations(collection.features)));
    expect(storeStations(fromArray.store!)).toEqual(parseStations(collection.features).stations);
  });

  it('reports unusable documents as parseStations does, without a store', async () => {
    const notJson = await buildStoreSliced('<html>');
    expect(notJson.store).toBeNull();
    expect(notJson.result).toEqual(withoutStations(parseStations('<html>')));
    const tooLarge = await buildStoreSliced(makeCollection(6000), { maxFeatures: 5000 });
    expect(tooLarge.store).toBeNull();
    expect(tooLarge.result.error?.code).toBe('too-large');
  });

  it('reports progress that never goes down and ends at 1', async () => {
    const seen: number[] = [];
    await buildStoreSliced(makeCollection(30_000), { sliceMs: 1, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen[0]!).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
  });

  it('does all the work in its first slice when firstSliceMs leaves room, reporting no progress between', async () => {
    const sliced: number[] = [];
    const inSlices = await buildStoreSliced(makeCollection(30_000), { sliceMs: 0, onProgress: (p) => sliced.push(p) });
    expect(sliced.length).toBeGreaterThan(3);
    const once: number[] = [];
    const atOnce = await buildStoreSliced(makeCollection(30_000), { sliceMs: 0, firstSliceMs: 60_000, onProgress: (p) => once.push(p) });
    expect(once).toEqual([1]);
    expect(atOnce.store!.size).toBe(inSlices.store!.size);
    expect(atOnce.result.skipped).toEqual(inSlices.result.skipped);
  });

  it('stops between slices when its signal aborts, and never finishes', async () => {
    const abort = new AbortController();
    let calls = 0;
    const built = buildStoreSliced(makeCollection(30_000), {
      sliceMs: 1,
      signal: abort.signal,
      onProgress: () => {
        calls++;
        if (calls === 2) abort.abort();
      },
    });
    await expect(built).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(2);
  });

  it('does nothing for an already aborted signal', async () => {
    const abort = new AbortController();
    abort.abort();
    const progress: number[] = [];
    await expect(buildStoreSliced(makeCollection(5000), { signal: abort.signal, onProgress: (p) => progress.push(p) })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(progress).toEqual([]);
  });

  it('runs to the same result in one go', () => {
    const collection = makeCollection(10_000, 5);
    // Its types ('union', 'partner') are not schema ids: the full reader's to read.
    const { result, store } = runSteps(buildStoreSteps(collection, { reader: new FieldReader() }));
    expect(result).toEqual(withoutStations(parseStations(collection)));
    expect(storeStations(store!)).toEqual(parseStations(collection).stations);
    expect(runSteps(parseStationColumnsSteps(collection)).skipped).toEqual(parseStations(collection).skipped);
  });
});
