import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRoute } from '../../../src/geo/route/build-route.js';
import { buildRouteGraph, buildRouteGraphSteps } from '../../../src/geo/route/route-graph.js';
import { runSteps } from '../../../src/util/steps.js';
import type { Network } from '../../../src/types.js';

const loadNetwork = (name: string): Network =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/networks/${name}.geojson`, import.meta.url), 'utf8'),
  ) as Network;

/** A seeded square street grid of `n × n` junctions, each street one LineString. */
function createGridNetwork(n: number, seed = 1): Network {
  let state = seed;
  const jitter = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return (state / 2 ** 32 - 0.5) * 0.00002;
  };
  const points = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => [117 + i * 0.001 + jitter(), 36 + j * 0.001 + jitter()]),
  );
  const features: Network['features'] = [];
  for (let i = 0; i < n; i++) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: points[i] },
    });
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: points.map((column) => column[i]) },
    });
  }
  return { type: 'FeatureCollection', features };
}

describe('buildRouteGraph', () => {
  it('makes nodes at line ends and shared vertices only', () => {
    const graph = buildRouteGraph(loadNetwork('grid'));
    expect(graph.nodeCount).toBe(16);
    expect(graph.edgeCount).toBe(24);
    const river = buildRouteGraph(loadNetwork('river'));
    // Bank ends and the two bridge ends; the bridge's middle vertex is not a junction.
    expect(river.nodeCount).toBe(4);
    expect(river.edgeCount).toBe(3);
  });

  it('merges line ends closer than a metre and ignores bad features', () => {
    const graph = buildRouteGraph(loadNetwork('snap'));
    // A (0→2), B (2→4) and the MultiLineString part (4→5) chain through two shared nodes.
    expect(graph.nodeCount).toBe(4);
    expect(graph.edgeCount).toBe(3);
  });

  it('caches the graph per network object', () => {
    const network = loadNetwork('grid');
    expect(buildRouteGraph(network)).toBe(buildRouteGraph(network));
    expect(buildRouteGraph(structuredClone(network))).not.toBe(buildRouteGraph(network));
  });

  it('never throws on garbage', () => {
    const garbage = [
      {},
      { features: 'x' },
      {
        type: 'FeatureCollection',
        features: [null, 1, { geometry: { type: 'LineString', coordinates: 'x' } }],
      },
      {
        type: 'FeatureCollection',
        features: [
          {
            geometry: {
              type: 'MultiLineString',
              coordinates: [
                null,
                [
                  [NaN, 1],
                  [1, 1],
                ],
              ],
            },
          },
        ],
      },
    ];
    for (const network of garbage) expect(buildRouteGraph(network as unknown as Network).edgeCount).toBe(0);
  });

  it('builds a 100k-segment network and routes across it (timings: npm run bench)', () => {
    const network = createGridNetwork(224); // 2 · 224 · 223 = 99 904 segments
    let started = performance.now();
    const graph = buildRouteGraph(network);
    const buildMs = performance.now() - started;
    expect(graph.segments.starts.length).toBe(99_904);

    started = performance.now();
    const route = buildRoute(network, [117.0001, 36.0002], [117.2228, 36.2225]);
    const firstQueryMs = performance.now() - started;
    started = performance.now();
    const queries = 20;
    for (let q = 0; q < queries; q++)
      buildRoute(network, [117 + q * 0.01, 36.0002], [117.2228 - q * 0.005, 36.2225]);
    const queryMs = (performance.now() - started) / queries;
    console.info(
      `100k segments: build ${buildMs.toFixed(0)} ms, first query ${firstQueryMs.toFixed(1)} ms, mean query ${queryMs.toFixed(1)} ms`,
    );

    expect(route).not.toBeNull();
    // Corner to corner of a 223 × 223 block grid: at least the Manhattan length.
    expect(route!.distanceMeters).toBeGreaterThan(223 * (89.9 + 111.1) * 0.99);
  });

  // Issue 22 item 2: OSM exports come as two-point LineStrings sharing their ends. Joining line
  // ends measured every segment in a fixed 1 km cell, so a dense network was quadratic: 10k
  // segments 10 m long took 17.8 s, 50k took 119 s.
  it('builds dense two-point segment networks in near-linear time (was quadratic)', () => {
    const timeBuild = (n: number) => {
      const network = createSegmentNetwork(n, 10);
      const started = performance.now();
      const graph = buildRouteGraph(network);
      const ms = performance.now() - started;
      expect(graph.edgeCount).toBe(network.features.length);
      return ms;
    };
    const small = timeBuild(5_000);
    const large = timeBuild(40_000);
    console.info(`two-point segments, 10 m: 5k ${small.toFixed(0)} ms, 40k ${large.toFixed(0)} ms`);
    // 8× the segments: quadratic would be 64× (and took minutes); allow noise of a busy machine.
    expect(large).toBeLessThan(5_000);
    expect(large / Math.max(small, 20)).toBeLessThan(24);
  });

  it('routes on a network of two-point segments like one of whole lines', () => {
    const whole = createGridNetwork(30);
    const split: Network = { type: 'FeatureCollection', features: [] };
    for (const feature of whole.features) {
      const c = (feature.geometry as GeoJSON.LineString).coordinates;
      for (let i = 0; i + 1 < c.length; i++)
        split.features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [c[i], c[i + 1]] } });
    }
    const from: [number, number] = [117.0001, 36.0002];
    const to: [number, number] = [117.0288, 36.0291];
    expect(buildRoute(split, from, to)!.distanceMeters).toBeCloseTo(buildRoute(whole, from, to)!.distanceMeters, 3);
  });

  it('thousands of segments piled on one spot do not make the build quadratic', () => {
    const features: Network['features'] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = (i * 2.399963) % (2 * Math.PI);
      // Every segment within a 3 m circle, none sharing an end exactly.
      features.push({
        type: 'Feature',
        properties: {},
        geometry: { type: 'LineString', coordinates: [[117 + Math.cos(a) * 1e-5, 36 + Math.sin(a) * 1e-5], [117 + Math.cos(a + 2) * 2e-5, 36 + Math.sin(a + 2) * 2e-5]] },
      });
    }
    const started = performance.now();
    const graph = buildRouteGraph({ type: 'FeatureCollection', features });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(graph.edgeCount).toBeGreaterThan(0);
  });

  it('refuses a network over the position limit with a clear too-large error', () => {
    const network = createSegmentNetwork(1_000, 100);
    let error: unknown;
    try {
      runSteps(buildRouteGraphSteps(network, { maxVertices: 1_000 }));
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('too-large');
    expect((error as Error).message).toMatch(/more than 1,000 positions/);
  });

  it('gives the same graph in steps as at once', () => {
    const network = createSegmentNetwork(40_000, 50);
    const steps = buildRouteGraphSteps(structuredClone(network));
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields++;
      next = steps.next();
    }
    expect(yields).toBeGreaterThan(5);
    const once = buildRouteGraph(network);
    expect(next.value.edgeCount).toBe(once.edgeCount);
    expect(next.value.nodeCount).toBe(once.nodeCount);
    expect(Array.from(next.value.edgeLength)).toEqual(Array.from(once.edgeLength));
  });
});

/** A square grid of `n` two-point LineStrings `stepMeters` long, as OSM exports come. */
function createSegmentNetwork(n: number, stepMeters: number): Network {
  const side = Math.ceil(Math.sqrt(n / 2)) + 1;
  const dLat = stepMeters / 111_320;
  const dLng = dLat / Math.cos((36 * Math.PI) / 180);
  const point = (r: number, c: number) => [117 + c * dLng + ((r * 31 + c * 17) % 7) * dLng * 0.01, 36 + r * dLat];
  const features: Network['features'] = [];
  for (let r = 0; r < side && features.length < n; r++) {
    for (let c = 0; c < side && features.length < n; c++) {
      if (c + 1 < side) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r, c + 1)] } });
      if (r + 1 < side && features.length < n)
        features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [point(r, c), point(r + 1, c)] } });
    }
  }
  return { type: 'FeatureCollection', features };
}
