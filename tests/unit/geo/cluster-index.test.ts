import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { ClusterIndex, type ClusterBBox, type ClusterItem } from '../../../src/geo/cluster/cluster-index.js';
import { projectX, projectY } from '../../../src/geo/crs/mercator.js';
import { runSteps } from '../../../src/util/steps.js';
import { createRandom, randomPoints } from './seeded-random.js';

const WORLD: ClusterBBox = [-180, -90, 180, 90];

/** Points over China with a few dense towns and exact duplicates, like real station data. */
function makeChina(n: number, seed: number) {
  const { lng, lat } = randomPoints(n, seed, [73, 18, 135, 54]);
  const random = createRandom(seed + 1);
  for (let i = 0; i < n / 4; i++) {
    lng[i] = 117.1 + random() * 0.05;
    lat[i] = 36.2 + random() * 0.05;
  }
  for (let i = n / 4; i < n / 4 + 20; i++) {
    lng[i] = 121.47;
    lat[i] = 31.23;
  }
  return { lng, lat };
}

/** A Leaflet-like view of `width × height` px around a centre. */
function viewAround(lng: number, lat: number, zoom: number, width = 1280, height = 800): ClusterBBox {
  const world = 256 * 2 ** zoom;
  const x = projectX(lng) * world;
  const y = projectY(lat) * world;
  const toLng = (px: number) => (px / world - 0.5) * 360;
  const toLat = (py: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - (2 * py) / world))) - 90;
  return [toLng(x - width / 2), toLat(Math.min(world, y + height / 2)), toLng(x + width / 2), toLat(Math.max(0, y - height / 2))];
}

function leavesOf(index: ClusterIndex, items: ClusterItem[]): number[] {
  return items.flatMap((item) => index.getLeaves(item.id)).sort((a, b) => a - b);
}

describe('ClusterIndex', () => {
  const n = 8_000;
  const { lng, lat } = makeChina(n, 21);
  const index = ClusterIndex.build(lng, lat);

  it('scanClusters gives the index’s items for a view, without building it', () => {
    const byId = (items: ClusterItem[]) => [...items].sort((a, b) => a.id - b.id);
    const random = createRandom(5);
    const views: Array<[ClusterBBox, number]> = [
      [WORLD, 0],
      [[73, 18, 135, 54], 4],
      [[170, -10, -170, 10], 5], // across the antimeridian, west > east
      [[170, 20, 250, 60], 3], // Leaflet's unwrapped longitudes
      [[117.1, 36.2, 117.15, 36.25], 18], // points mode
      [[117.1, 36.2, 117.15, 36.25], 17],
    ];
    for (let v = 0; v < 30; v++) {
      const zoom = Math.floor(random() * 16);
      views.push([viewAround(100 + random() * 30, 22 + random() * 20, zoom), zoom]);
    }
    const projected = runSteps(ClusterIndex.projectSteps(lng, lat));
    for (const [bbox, zoom] of views) {
      const expected = byId(index.getClusters(bbox, zoom));
      const scanned = byId(ClusterIndex.scanClusters(projected, bbox, zoom));
      expect(scanned.map(({ id, count, index: i }) => [id, count, i])).toEqual(expected.map(({ id, count, index: i }) => [id, count, i]));
      scanned.forEach((item, k) => {
        expect(item.lng).toBeCloseTo(expected[k]!.lng, 9);
        expect(item.lat).toBeCloseTo(expected[k]!.lat, 9);
      });
    }
    expect(ClusterIndex.scanClusters(projected, [1, 2, 3] as unknown as ClusterBBox, 4)).toEqual([]);
    // Unusable points are left out of both, and the items keep the input indexes.
    const holed = Float64Array.from(lng, (x, i) => (i % 7 === 3 ? NaN : x));
    const holedIndex = ClusterIndex.build(holed, lat);
    const holedProjected = runSteps(ClusterIndex.projectSteps(holed, lat));
    for (const [bbox, zoom] of views.slice(0, 12)) {
      const expected = byId(holedIndex.getClusters(bbox, zoom)).map(({ id, count, index: i }) => [id, count, i]);
      expect(byId(ClusterIndex.scanClusters(holedProjected, bbox, zoom)).map(({ id, count, index: i }) => [id, count, i])).toEqual(expected);
    }
  });

  it('puts every point in exactly one item at every zoom for a world view', () => {
    const all = Array.from({ length: n }, (_, i) => i);
    for (let zoom = 0; zoom <= 19; zoom++) {
      const items = index.getClusters(WORLD, zoom);
      expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(n);
      expect(leavesOf(index, items)).toEqual(all);
    }
  });

  it('gives each cluster the Mercator centroid of its points', () => {
    for (const zoom of [3, 8, 12]) {
      for (const item of index.getClusters(WORLD, zoom).filter((c) => c.count > 1).slice(0, 50)) {
        const leaves = index.getLeaves(item.id);
        const x = leaves.reduce((s, i) => s + projectX(lng[i]), 0) / leaves.length;
        const y = leaves.reduce((s, i) => s + projectY(lat[i]), 0) / leaves.length;
        expect(projectX(item.lng)).toBeCloseTo(x, 10);
        expect(projectY(item.lat)).toBeCloseTo(y, 10);
        expect(item.index).toBe(-1);
      }
    }
  });

  it('gives a lone point its exact position and index', () => {
    const lone = index.getClusters(WORLD, 10).filter((c) => c.count === 1);
    expect(lone.length).toBeGreaterThan(0);
    const wrong = lone.filter(
      (item) =>
        item.lng !== lng[item.index] || item.lat !== lat[item.index] || index.getLeaves(item.id).join() !== `${item.index}`,
    );
    expect(wrong).toEqual([]);
  });

  it('covers every point in a partial view, in clusters that touch it', () => {
    const random = createRandom(22);
    for (let q = 0; q < 40; q++) {
      const zoom = Math.floor(random() * 18);
      const bbox = viewAround(74 + random() * 60, 19 + random() * 34, zoom);
      const items = index.getClusters(bbox, zoom);
      const covered = new Set(leavesOf(index, items));
      const [w, s, e, nn] = bbox;
      const missed: number[] = [];
      for (let i = 0; i < n; i++) {
        if (lng[i] >= w && lng[i] <= e && lat[i] >= s && lat[i] <= nn && !covered.has(i)) missed.push(i);
      }
      expect(missed).toEqual([]);
      expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(covered.size);
    }
  });

  it('keeps the output to a few hundred items for a 1280×800 view at every zoom', () => {
    for (let zoom = 0; zoom <= 22; zoom++) {
      for (const [cLng, cLat] of [[117.12, 36.22], [104, 35], [121.47, 31.23]]) {
        expect(index.getClusters(viewAround(cLng, cLat, zoom), zoom).length).toBeLessThanOrEqual(400);
      }
    }
  });

  it('splits a cluster at its expansion zoom and not before', () => {
    for (const zoom of [2, 6, 10, 14]) {
      for (const item of index.getClusters(WORLD, zoom).filter((c) => c.count > 1).slice(0, 30)) {
        const expansion = index.getExpansionZoom(item.id);
        expect(expansion).toBeGreaterThan(zoom);
        const bbox = index.getClusterBBox(item.id)!;
        const members = new Set(index.getLeaves(item.id));
        const itemsAt = (z: number) =>
          index.getClusters(bbox, z).filter((c) => index.getLeaves(c.id).some((i) => members.has(i)));
        expect(itemsAt(expansion).length).toBeGreaterThan(1);
        if (expansion - 1 > zoom) expect(itemsAt(expansion - 1)).toHaveLength(1);
      }
    }
  });

  it('shows points one by one above maxZoom, but points on one spot as one item with their count', () => {
    const shanghai = index.getClusters(viewAround(121.47, 31.23, 17), 17).find((c) => c.count >= 20)!;
    expect(shanghai).toBeDefined();
    // Twenty stations at one coordinate never part: no zoom draws them apart.
    const twinIds = new Set(Array.from({ length: 20 }, (_, k) => n / 4 + k));
    const twinsOnly = index.getClusters(viewAround(121.47, 31.23, 17), 17).filter((c) => index.getLeaves(c.id).every((i) => twinIds.has(i)));
    for (const zoom of [18, 19, 22, 30]) {
      const items = index.getClusters(viewAround(121.47, 31.23, zoom), zoom);
      const twins = items.filter((c) => index.getLeaves(c.id).some((i) => twinIds.has(i)));
      expect(twins).toHaveLength(1);
      expect(twins[0]!.count).toBe(20);
      expect(twins[0]!.index).toBe(-1);
      expect(twins[0]!.lng).toBeCloseTo(121.47, 9);
      expect(twins[0]!.lat).toBeCloseTo(31.23, 9);
      expect(index.getLeaves(twins[0]!.id).sort((a, b) => a - b)).toEqual([...twinIds]);
      expect(index.getExpansionZoom(twins[0]!.id)).toBe(Infinity);
      expect(index.getClusterBBox(twins[0]!.id)).toEqual([121.47, 31.23, 121.47, 31.23]);
    }
    expect(twinsOnly.length === 0 || twinsOnly.every((c) => index.getExpansionZoom(c.id) === Infinity)).toBe(true);
    // Lone points above maxZoom are still themselves.
    const lone = index.getClusters(viewAround(117.12, 36.22, 18), 18).filter((c) => c.count === 1);
    expect(lone.length).toBeGreaterThan(0);
    for (const item of lone) expect(index.getLeaves(item.id)).toEqual([item.index]);
  });

  it('groups a dense block above maxZoom into pin-sized cells: bounded items, every point in one', () => {
    // 5,000 distinct stations inside 55 × 275 m (one campus), and 20,000 on one spot.
    const m = 25_000;
    const random = createRandom(9);
    const x = new Float64Array(m);
    const y = new Float64Array(m);
    for (let i = 0; i < 5000; i++) {
      x[i] = 117.1 + random() * 0.000615; // ≈ 55 m at 36.2°N
      y[i] = 36.2 + random() * 0.00247; // ≈ 275 m
    }
    x.fill(117.2, 5000);
    y.fill(36.3, 5000);
    const dense = ClusterIndex.build(x, y);
    const projected = runSteps(ClusterIndex.projectSteps(x, y));
    for (const [cLng, cLat] of [[117.1003, 36.2012], [117.2, 36.3]]) {
      for (let zoom = 0; zoom <= 22; zoom++) {
        const bbox = viewAround(cLng!, cLat!, zoom);
        const items = dense.getClusters(bbox, zoom);
        // A 1280 × 800 view touches at most 42 × 27 pin cells (32 px), whatever the number of stations.
        expect(items.length).toBeLessThanOrEqual(42 * 27);
        if (zoom <= 19) expect(items.length).toBeLessThanOrEqual(400);
        const scanned = ClusterIndex.scanClusters(projected, bbox, zoom);
        const key = (c: ClusterItem) => `${c.id}:${c.count}:${c.index}`;
        expect(scanned.map(key).sort()).toEqual(items.map(key).sort());
        const leaves = leavesOf(dense, items);
        expect(leaves.length).toBe(items.reduce((s, c) => s + c.count, 0));
        expect(new Set(leaves).size).toBe(leaves.length);
      }
    }
    const spot = dense.getClusters(viewAround(117.2, 36.3, 19), 19).find((c) => c.count === 20_000)!;
    expect(spot).toBeDefined();
    // Paged leaves: pages of 10 walk the whole spot without repeats.
    expect(dense.getLeaves(spot.id, 10, 0)).toEqual([5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5009]);
    expect(dense.getLeaves(spot.id, 10, 19_995)).toEqual([24995, 24996, 24997, 24998, 24999]);
    expect(dense.getLeaves(spot.id, 10, 20_000)).toEqual([]);
    const block = dense.getClusters(viewAround(117.1003, 36.2012, 19), 19).filter((c) => c.count > 1);
    expect(block.length).toBeGreaterThan(0);
    for (const item of block.slice(0, 20)) {
      const all = dense.getLeaves(item.id);
      expect(all).toHaveLength(item.count);
      expect([...dense.getLeaves(item.id, 2), ...dense.getLeaves(item.id, Infinity, 2)]).toEqual(all);
      // Points a few metres apart part at some zoom beyond the map's: a finite zoom above 19.
      expect(dense.getExpansionZoom(item.id)).toBeGreaterThan(19);
      expect(dense.getExpansionZoom(item.id)).toBeLessThan(Infinity);
    }
  });

  it('splits a pin cell at its expansion zoom', () => {
    // Two stations 1.5 m apart inside one level-23 cell: one item up to the zoom where they fall in separate pin cells.
    const pair = ClusterIndex.build(Float64Array.of(117.099979877, 117.099997044), Float64Array.of(36.2, 36.2));
    const id = pair.getClusters(viewAround(117.1, 36.2, 10), 10)[0]!.id;
    const expansion = pair.getExpansionZoom(id);
    expect(expansion).toBeGreaterThan(19);
    expect(expansion).toBeLessThan(24);
    expect(pair.getClusters(viewAround(117.1, 36.2, expansion - 1), expansion - 1)).toHaveLength(1);
    expect(pair.getClusters(viewAround(117.1, 36.2, expansion), expansion)).toHaveLength(2);
  });

  it('returns as many leaves as the count, up to a limit', () => {
    const big = index.getClusters(WORLD, 4).sort((a, b) => b.count - a.count)[0];
    expect(index.getLeaves(big.id)).toHaveLength(big.count);
    expect(index.getLeaves(big.id, 7)).toHaveLength(7);
    expect(index.getLeaves(123.5)).toEqual([]);
    expect(index.getClusterBBox(-1 - n)).toBeNull();
  });

  it('bounds a cluster by its points', () => {
    const item = index.getClusters(WORLD, 5).find((c) => c.count > 10)!;
    const [w, s, e, nn] = index.getClusterBBox(item.id)!;
    const leaves = index.getLeaves(item.id);
    expect(w).toBe(Math.min(...leaves.map((i) => lng[i])));
    expect(e).toBe(Math.max(...leaves.map((i) => lng[i])));
    expect(s).toBe(Math.min(...leaves.map((i) => lat[i])));
    expect(nn).toBe(Math.max(...leaves.map((i) => lat[i])));
  });

  it('filters to a subset that clusters like an index built from it', () => {
    const keep = (i: number) => i % 3 !== 0;
    const filtered = index.filter(keep);
    expect(filtered.size).toBe(Array.from({ length: n }, (_, i) => i).filter(keep).length);
    const subset = Array.from({ length: n }, (_, i) => i).filter(keep);
    const rebuilt = ClusterIndex.build(
      Float64Array.from(subset, (i) => lng[i]),
      Float64Array.from(subset, (i) => lat[i]),
    );
    for (const zoom of [0, 4, 9, 13]) {
      const a = filtered.getClusters(WORLD, zoom);
      const b = rebuilt.getClusters(WORLD, zoom);
      expect(a.map((c) => [c.id, c.count])).toEqual(b.map((c) => [c.id, c.count]));
      a.forEach((c, k) => {
        expect(c.lng).toBeCloseTo(b[k].lng, 7);
        expect(c.lat).toBeCloseTo(b[k].lat, 7);
        if (c.count === 1) expect(c.index).toBe(subset[b[k].index]);
      });
      expect(leavesOf(filtered, a).every(keep)).toBe(true);
    }
    // Above maxZoom the points keep their original indexes.
    const points = filtered.getClusters(viewAround(117.12, 36.22, 18), 18);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((c) => filtered.getLeaves(c.id).every(keep) && (c.count > 1 || filtered.getLeaves(c.id)[0] === c.index))).toBe(true);
    // The original index is untouched.
    expect(index.getClusters(WORLD, 0).reduce((s, c) => s + c.count, 0)).toBe(n);
  });

  it('handles views across the antimeridian, either way they are written', () => {
    const pacific = randomPoints(2000, 23, [170, -30, 190, 0]);
    const wrappedLng = pacific.lng.map((x) => (x > 180 ? x - 360 : x));
    const fiji = ClusterIndex.build(wrappedLng, pacific.lat);
    const inView = (i: number) => pacific.lat[i] >= -20 && pacific.lat[i] <= -10 && Math.abs(pacific.lng[i] - 180) <= 5;
    const expected = Array.from({ length: 2000 }, (_, i) => i).filter(inView);
    for (const bbox of [[175, -20, -175, -10], [175, -20, 185, -10], [-185, -20, -175, -10]] as ClusterBBox[]) {
      const items = fiji.getClusters(bbox, 19);
      expect(items.map((c) => c.index).sort((a, b) => a - b)).toEqual(expected);
      if (bbox[0] < bbox[2]) {
        for (const item of items) {
          expect(item.lng).toBeGreaterThanOrEqual(bbox[0]);
          expect(item.lng).toBeLessThanOrEqual(bbox[2]);
        }
      }
      const clusters = fiji.getClusters(bbox, 6);
      const covered = new Set(leavesOf(fiji, clusters));
      expect(expected.every((i) => covered.has(i))).toBe(true);
    }
  });

  it('returns nothing for empty data or a bad view, and skips unusable points', () => {
    expect(ClusterIndex.build(new Float64Array(0), new Float64Array(0)).getClusters(WORLD, 3)).toEqual([]);
    expect(index.getClusters([NaN, 0, 1, 1], 3)).toEqual([]);
    expect(index.getClusters(WORLD, NaN)).toEqual([]);
    const some = ClusterIndex.build(Float64Array.of(117, NaN, 118), Float64Array.of(36, 36, 95));
    expect(some.size).toBe(1);
    expect(some.getClusters(WORLD, 0)).toEqual([expect.objectContaining({ count: 1, index: 0, lng: 117, lat: 36 })]);
  });

  it('clusters about as coarsely as supercluster with the same on-screen radius', () => {
    const features = Array.from({ length: n }, (_, i) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [lng[i], lat[i]] },
    }));
    // Supercluster's radius is in units of a 512-px extent; ours in 256-px tile pixels.
    const reference = new Supercluster({ radius: 60, extent: 256, maxZoom: 17 }).load(features);
    for (const zoom of [4, 8, 12]) {
      const ours = index.getClusters(WORLD, zoom).length;
      const theirs = reference.getClusters(WORLD, zoom).length;
      expect(ours / theirs).toBeGreaterThan(0.5);
      expect(ours / theirs).toBeLessThan(4);
    }
  });
});
