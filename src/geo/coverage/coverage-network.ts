/**
 * Coverage along a path network: one multi-source shortest-path search from
 * every station at once gives each network node its distance to the nearest
 * station, and a cell takes the walk to its nearest path plus that distance.
 * So a river crossed only by a far bridge separates what a circle would join.
 */
import type { Network } from '../../types.js';
import type { CoverageStations, GridGeometry } from './grid-geometry.js';
import { FlatQueue } from '../../util/flat-queue.js';
import { GRAPH_STEP, runStepsWithin, type Steps } from '../../util/steps.js';
import { buildRouteGraph } from '../route/route-graph.js';
import { findNearestSegment } from '../index/segment-index.js';
import { positionOnSegment } from '../route/shortest-path.js';

/** Nearest-segment look-ups between two yields (a few microseconds each). */
const SNAPS_PER_STEP = 256;

/** What {@link fillNetworkMinutesSteps} needs besides the grid. */
export interface NetworkFillOptions {
  network: Network;
  /** Distances beyond this are not searched. */
  maxMeters: number;
  /** A station farther than this from every path covers by straight line instead. */
  maxSnapMeters: number;
  /** Straight-line fill for the stations left off the network, as steps. */
  fillStraight(candidates: Int32Array): Steps<void>;
}

/**
 * Lowers `meters[cell]` to the distance from each cell centre to the nearest
 * of `candidates` along `options.network` (off-network legs at each end are
 * straight lines at the same speed).
 *
 * The graph is built once per network object and cached (see `buildRouteGraph`). As steps
 * (see `util/steps.ts`): the coverage layer runs them between frames.
 */
export function* fillNetworkMinutesSteps(
  meters: Float64Array,
  geometry: GridGeometry,
  stations: CoverageStations,
  candidates: Int32Array,
  options: NetworkFillOptions,
): Steps<void> {
  let graph;
  try {
    graph = buildRouteGraph(options.network);
  } catch {
    // A network over the size limit covers nothing by path: straight lines, as without one.
    yield* options.fillStraight(candidates);
    return;
  }
  if (graph.edgeCount === 0) {
    yield* options.fillStraight(candidates);
    return;
  }
  const { maxMeters, maxSnapMeters } = options;
  const { edgeNodes, edgeLength, adjacencyStart, adjacencyEdges, segments } = graph;
  const cost = new Float64Array(graph.nodeCount).fill(Infinity);
  const queue = new FlatQueue();
  // Stations on an edge, as [offset along it, metres to reach it, …]: a cell on the
  // same edge reaches them without passing a node.
  const onEdge = new Map<number, number[]>();
  const offNetwork: number[] = [];
  const seed = (node: number, distance: number) => {
    if (distance < cost[node] && distance <= maxMeters) {
      cost[node] = distance;
      queue.push(node, distance);
    }
  };
  for (let k = 0; k < candidates.length; k++) {
    if (k % SNAPS_PER_STEP === SNAPS_PER_STEP - 1) yield 0.2 * (k / candidates.length);
    const station = candidates[k];
    const hit = findNearestSegment(segments, stations.lng[station], stations.lat[station], maxSnapMeters);
    if (!hit) {
      offNetwork.push(station);
      continue;
    }
    const position = positionOnSegment(graph, hit.vertex, hit.t, hit.lng, hit.lat);
    const edge = position.edge;
    seed(edgeNodes[edge * 2], hit.distanceMeters + position.offsetMeters);
    seed(edgeNodes[edge * 2 + 1], hit.distanceMeters + edgeLength[edge] - position.offsetMeters);
    const list = onEdge.get(edge);
    if (list) list.push(position.offsetMeters, hit.distanceMeters);
    else onEdge.set(edge, [position.offsetMeters, hit.distanceMeters]);
  }
  for (let pops = 1; queue.length > 0; pops++) {
    // The share of the nodes reached so far is a fair guess of the progress.
    if (pops % GRAPH_STEP === 0) yield 0.2 + 0.3 * Math.min(1, pops / graph.nodeCount);
    const distance = queue.peekKey();
    const node = queue.pop() as number;
    if (distance > cost[node]) continue;
    for (let i = adjacencyStart[node]; i < adjacencyStart[node + 1]; i++) {
      const edge = adjacencyEdges[i];
      const next = edgeNodes[edge * 2] === node ? edgeNodes[edge * 2 + 1] : edgeNodes[edge * 2];
      const nextDistance = distance + edgeLength[edge];
      if (nextDistance < cost[next] && nextDistance <= maxMeters) {
        cost[next] = nextDistance;
        queue.push(next, nextDistance);
      }
    }
  }
  if (offNetwork.length > 0) yield* runStepsWithin(options.fillStraight(Int32Array.from(offNetwork)), 0.5, 0.6);

  const { columns, rows } = geometry;
  const [west, south, east, north] = geometry.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const rowsPerStep = Math.max(1, Math.floor(SNAPS_PER_STEP / columns));
  for (let row = 0; row < rows; row++) {
    if (row % rowsPerStep === 0) yield 0.6 + (0.4 * row) / rows;
    const lat = south + (row + 0.5) * cellLat;
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      const hit = findNearestSegment(segments, west + (column + 0.5) * cellLng, lat, Math.min(maxMeters, meters[cell]));
      if (!hit) continue;
      const position = positionOnSegment(graph, hit.vertex, hit.t, hit.lng, hit.lat);
      const edge = position.edge;
      const offset = position.offsetMeters;
      let along = Math.min(cost[edgeNodes[edge * 2]] + offset, cost[edgeNodes[edge * 2 + 1]] + edgeLength[edge] - offset);
      const list = onEdge.get(edge);
      if (list) for (let i = 0; i < list.length; i += 2) along = Math.min(along, list[i + 1] + Math.abs(offset - list[i]));
      const total = hit.distanceMeters + along;
      if (total < meters[cell]) meters[cell] = total;
    }
  }
}
