import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoute, routeOnNetwork } from '../../../src/geo/route/build-route.js';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import type { LngLat, Network, Route } from '../../../src/types.js';

const loadNetwork = (name: string): Network =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/networks/${name}.geojson`, import.meta.url), 'utf8'),
  ) as Network;

/** Grid point (i, j) of the fixtures: 0.001° steps from [117, 36]. */
const at = (i: number, j: number): LngLat => [117 + i * 0.001, 36 + j * 0.001];
/** Metres of 0.001° of longitude and latitude at 36° N. */
const DX = haversineMeters(117, 36, 117.001, 36);
const DY = haversineMeters(117, 36, 117, 36.001);

function passes(route: Route, point: LngLat, toleranceMeters = 0.5): boolean {
  return route.geometry.coordinates.some(
    ([lng, lat]) => haversineMeters(lng, lat, point[0], point[1]) < toleranceMeters,
  );
}

function lineLength(route: Route): number {
  const c = route.geometry.coordinates;
  let sum = 0;
  for (let i = 1; i < c.length; i++) sum += haversineMeters(c[i - 1][0], c[i - 1][1], c[i][0], c[i][1]);
  return sum;
}

describe('buildRoute on a grid', () => {
  const grid = loadNetwork('grid');

  it('goes corner to corner with the Manhattan length and starts and ends at the true points', () => {
    const from: LngLat = [117 - 0.0001, 36];
    const to: LngLat = [117.003, 36.003 + 0.0001];
    const route = buildRoute(grid, from, to);
    expect(route).not.toBeNull();
    const connectors =
      haversineMeters(from[0], from[1], 117, 36) + haversineMeters(117.003, 36.003, to[0], to[1]);
    expect(route!.distanceMeters).toBeCloseTo(3 * DX + 3 * DY + connectors, 0);
    expect(route!.kind).toBe('network');
    expect(route!.mode).toBe('walking');
    expect(route!.geometry.coordinates[0]).toEqual(from);
    expect(route!.geometry.coordinates.at(-1)).toEqual(to);
    expect(lineLength(route!)).toBeCloseTo(route!.distanceMeters, 0);
  });

  it('derives the duration from the mode and the speeds', () => {
    const walking = buildRoute(grid, at(0, 0), at(3, 3))!;
    const cycling = buildRoute(grid, at(0, 0), at(3, 3), { mode: 'cycling' })!;
    const custom = buildRoute(grid, at(0, 0), at(3, 3), { mode: 'cycling', speeds: { cycling: 2 } })!;
    expect(walking.durationSeconds).toBeCloseTo(walking.distanceMeters / (4.5 / 3.6), 3);
    expect(cycling.durationSeconds).toBeCloseTo(cycling.distanceMeters / (15 / 3.6), 3);
    expect(custom.durationSeconds).toBeCloseTo(custom.distanceMeters / 2, 3);
    expect(cycling.mode).toBe('cycling');
  });

  it('joins points in the middle of blocks to the nearest street', () => {
    // 30% into the block from column 1: nearest street is column 1 (x = 1).
    const from: LngLat = [117.0013, 36.0015];
    const to: LngLat = [117.0013, 36.0025];
    const route = buildRoute(grid, from, to)!;
    expect(passes(route, [117.001, 36.0015], 1)).toBe(true);
    expect(passes(route, [117.001, 36.0025], 1)).toBe(true);
    expect(route.distanceMeters).toBeCloseTo(DY + 2 * 0.3 * DX, -1);
  });
});

describe('buildRoute on a ring', () => {
  const ring = loadNetwork('ring');

  it('takes the shorter way round the loop', () => {
    // From the south-west corner to a point just north of the east side's middle:
    // clockwise via the west and north sides is longer than via the south side.
    const route = buildRoute(ring, at(0, 0), at(4, 1.2))!;
    expect(passes(route, at(4, 0))).toBe(true);
    expect(passes(route, at(0, 2))).toBe(false);
    expect(route.distanceMeters).toBeCloseTo(4 * DX + 1.2 * DY, -1);
  });

  it('crosses the ring’s start vertex when that is shorter', () => {
    // From the west side to the south side: through the vertex where the ring is closed.
    const route = buildRoute(ring, at(0, 0.5), at(0.5, 0))!;
    expect(passes(route, at(0, 0))).toBe(true);
    expect(route.distanceMeters).toBeCloseTo(0.5 * DY + 0.5 * DX, -1);
  });
});

describe('buildRoute across a river', () => {
  const river = loadNetwork('river');

  it('goes round by the bridge instead of swimming, ignoring the polygon and point', () => {
    const from = at(0, 0);
    const to = at(0, 2);
    const route = buildRoute(river, from, to)!;
    expect(passes(route, at(6, 1))).toBe(true);
    expect(route.distanceMeters).toBeCloseTo(12 * DX + 2 * DY, -1);
    expect(route.distanceMeters).toBeGreaterThan(5 * haversineMeters(...from, ...to));
  });
});

describe('buildRoute on lines that touch', () => {
  const touching = loadNetwork('touching');

  it('changes lines at the vertex they share', () => {
    const route = buildRoute(touching, at(0, 0), at(0, 4))!;
    expect(passes(route, at(2, 2))).toBe(true);
    const diagonal = haversineMeters(...at(0, 0), ...at(2, 2));
    expect(route.distanceMeters).toBeCloseTo(2 * diagonal, -1);
  });

  it('does not jump between lines that cross without a shared vertex', () => {
    const result = routeOnNetwork(touching, at(0, 0), at(2, 4), { maxSnapMeters: 5 });
    expect(result.route).toBeNull();
    expect(result.route === null && result.reason).toBe('disconnected');
  });
});

describe('buildRoute at T-junctions', () => {
  const tee = loadNetwork('tee');

  it('joins a lane that ends on a road between the road’s vertices', () => {
    const route = buildRoute(tee, at(0, 0), at(2, 3))!;
    expect(route).not.toBeNull();
    expect(passes(route, at(2, 0))).toBe(true);
    expect(route.distanceMeters).toBeCloseTo(2 * DX + 3 * DY, -1);
  });

  it('joins a lane that stops half a metre short of the road', () => {
    const route = buildRoute(tee, at(2, 3), at(3, 3))!;
    expect(route).not.toBeNull();
    expect(route.distanceMeters).toBeCloseTo(DX + 6 * DY, -1);
  });
});

describe('buildRoute snapping vertices', () => {
  const snap = loadNetwork('snap');

  it('joins line ends 0.5 m apart and skips broken features without throwing', () => {
    const route = buildRoute(snap, at(0, 0), at(5, 0))!;
    expect(route).not.toBeNull();
    expect(route.distanceMeters).toBeCloseTo(5 * DX, -1);
    expect(passes(route, at(2, 0), 1)).toBe(true);
  });
});

describe('buildRoute on one edge', () => {
  const grid = loadNetwork('grid');

  it('routes between two points of the same edge along it, not via a node', () => {
    // Row 0 is split into edges at each column; both points sit on the edge x 1…2.
    const from: LngLat = [117.0012, 36.00005];
    const to: LngLat = [117.0018, 36.00005];
    const route = buildRoute(grid, from, to)!;
    const offset = haversineMeters(117.0012, 36, 117.0012, 36.00005);
    expect(route.distanceMeters).toBeCloseTo(0.6 * DX + 2 * offset, 0);
    expect(passes(route, at(1, 0), 5)).toBe(false);
    expect(passes(route, at(2, 0), 5)).toBe(false);
    expect(route.geometry.coordinates).toHaveLength(4);
  });

  it('routes backwards along an edge with several vertices', () => {
    const river = loadNetwork('river');
    // The bridge is one edge with a middle vertex at (6, 1).
    const route = buildRoute(river, at(6, 1.8), at(6, 0.3))!;
    expect(route.distanceMeters).toBeCloseTo(1.5 * DY, 0);
    expect(route.geometry.coordinates).toEqual(
      [at(6, 1.8), at(6, 1), at(6, 0.3)].map(([x, y]) => [expect.closeTo(x, 9), expect.closeTo(y, 9)]),
    );
  });

  it('returns a zero-length two-position line when origin and destination are the same', () => {
    const route = buildRoute(loadNetwork('grid'), at(1, 1), at(1, 1))!;
    expect(route.distanceMeters).toBe(0);
    expect(route.durationSeconds).toBe(0);
    expect(route.geometry.coordinates).toEqual([at(1, 1), at(1, 1)]);
  });
});

describe('routeOnNetwork reasons', () => {
  it('says the parts are disconnected', () => {
    const result = routeOnNetwork(loadNetwork('disconnected'), at(1, 0), at(9, 0));
    expect(result).toMatchObject({ route: null, reason: 'disconnected' });
    expect(buildRoute(loadNetwork('disconnected'), at(1, 0), at(9, 0))).toBeNull();
  });

  it('says how far the origin and destination are from the network', () => {
    const grid = loadNetwork('grid');
    const far: LngLat = [117.0015, 36.04]; // about 4 km north
    const origin = routeOnNetwork(grid, far, at(0, 0));
    expect(origin).toMatchObject({ route: null, reason: 'origin-too-far' });
    expect(origin.route === null && origin.message).toMatch(/^origin is 4\.1 km from the nearest path$/);
    const destination = routeOnNetwork(grid, at(0, 0), far);
    expect(destination).toMatchObject({ route: null, reason: 'destination-too-far' });
    expect(routeOnNetwork(grid, at(0, 0), far, { maxSnapMeters: 5000 }).route).not.toBeNull();
  });

  it('reports an empty or unusable network as no-network', () => {
    const empty: Network = { type: 'FeatureCollection', features: [] };
    expect(routeOnNetwork(empty, at(0, 0), at(1, 1))).toMatchObject({ route: null, reason: 'no-network' });
    expect(routeOnNetwork(null as unknown as Network, at(0, 0), at(1, 1))).toMatchObject({
      reason: 'no-network',
    });
  });

  it('does not mutate the network', () => {
    const grid = loadNetwork('grid');
    const copy = structuredClone(grid);
    buildRoute(grid, at(0, 0), at(3, 3));
    expect(grid).toEqual(copy);
  });
});

describe('buildRoute properties', () => {
  const grid = loadNetwork('grid');
  const point = fc.tuple(
    fc.double({ min: 116.9995, max: 117.0035, noNaN: true }),
    fc.double({ min: 35.9995, max: 36.0035, noNaN: true }),
  );

  it('is symmetric, never shorter than the great circle, and its line is as long as its distance', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const there = buildRoute(grid, a, b)!;
        const back = buildRoute(grid, b, a)!;
        expect(there.distanceMeters).toBeCloseTo(back.distanceMeters, 3);
        expect(there.distanceMeters).toBeGreaterThanOrEqual(haversineMeters(...a, ...b) - 1e-6);
        expect(lineLength(there)).toBeCloseTo(there.distanceMeters, 1);
        expect(there.geometry.coordinates[0]).toEqual(a);
        expect(there.geometry.coordinates.at(-1)).toEqual(b);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('routeOnNetwork: crossing lines that do not join (issue 22)', () => {
  // Two long lines crossing near the trip without a shared vertex (as a bridge over a road is
  // drawn): the only way along the network is to the far ends and back, thousands of km.
  const crossing: Network = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117.1, 36.2], [127.1, 36.2], [127.1, 26.2], [117.13, 26.2], [117.13, 36.18]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117.0, 36.21], [117.2, 36.19]] } },
    ],
  };

  it('offers no 4,000 km route for a 3 km trip: says why, so the chain falls back', () => {
    const result = routeOnNetwork(crossing, [117.1, 36.2005], [117.13, 36.1805]);
    expect(result.route).toBeNull();
    expect(result).toMatchObject({ reason: 'implausible' });
    expect((result as { message: string }).message).toMatch(/km for .* in a straight line; its lines may cross without joining/);
  });

  it('keeps a real detour (a far bridge) that is long but not absurd', () => {
    // A river along lat 36.2, crossed only 5 km east: 200 m apart, about 10 km along the paths.
    const river: Network = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117.0, 36.199], [117.056, 36.199], [117.056, 36.201], [117.0, 36.201]] } },
      ],
    };
    const result = routeOnNetwork(river, [117.0, 36.199], [117.0, 36.201]);
    expect(result.route?.distanceMeters).toBeGreaterThan(9_000);
  });
});
