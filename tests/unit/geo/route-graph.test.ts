import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRoute } from '../../../src/geo/build-route.js';
import { buildRouteGraph } from '../../../src/geo/route-graph.js';
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
});
