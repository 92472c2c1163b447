/**
 * A* search between two points that lie on edges of a {@link RouteGraph}
 * (not only at nodes), returning the path's length and its coordinates.
 */
import type { LngLat } from '../../types.js';
import { FlatQueue } from '../../util/flat-queue.js';
import { haversineMeters } from '../sphere/haversine.js';
import type { RouteGraph } from './route-graph.js';

/** A point on an edge: segment `vertex → vertex + 1`, a fraction `t` along it. */
export interface EdgePosition {
  edge: number;
  vertex: number;
  t: number;
  lng: number;
  lat: number;
  /** Metres from the edge's first vertex. */
  offsetMeters: number;
}

/** The shortest path found between two edge positions. */
export interface GraphPath {
  lengthMeters: number;
  /** From the start position to the end position, without repeated positions. */
  coordinates: LngLat[];
}

/**
 * The edge position of a point `t` of the way along segment `vertex → vertex + 1`.
 *
 * @example positionOnSegment(graph, hit.vertex, hit.t, hit.lng, hit.lat)
 */
export function positionOnSegment(
  graph: RouteGraph,
  vertex: number,
  t: number,
  lng: number,
  lat: number,
): EdgePosition {
  const from = graph.vertexMeters[vertex];
  const to = graph.vertexMeters[vertex + 1];
  return { edge: graph.vertexEdge[vertex], vertex, t, lng, lat, offsetMeters: from + t * (to - from) };
}

/**
 * The shortest path along the graph from `start` to `end`, or `null` when no
 * path joins them. The heuristic is the great-circle distance to `end`, which
 * never overestimates because edge lengths are sums of great-circle hops.
 */
export function findShortestPath(
  graph: RouteGraph,
  start: EdgePosition,
  end: EdgePosition,
): GraphPath | null {
  const { edgeNodes, edgeLength, adjacencyStart, adjacencyEdges, nodeCoords } = graph;
  const cost = new Float64Array(graph.nodeCount).fill(Infinity);
  const viaEdge = new Int32Array(graph.nodeCount).fill(-1);
  const done = new Uint8Array(graph.nodeCount);
  const queue = new FlatQueue();
  const estimate = (node: number) =>
    haversineMeters(nodeCoords[node * 2], nodeCoords[node * 2 + 1], end.lng, end.lat);

  const endLength = edgeLength[end.edge];
  const endFrom = edgeNodes[end.edge * 2];
  const endTo = edgeNodes[end.edge * 2 + 1];
  // Both points on one edge: walking along it is a candidate, and it is the
  // answer unless a way round through the nodes is shorter.
  let best = start.edge === end.edge ? Math.abs(start.offsetMeters - end.offsetMeters) : Infinity;
  let bestNode = -1;
  let bestEntersFromStart = true;

  const seed = (node: number, meters: number) => {
    if (meters < cost[node]) {
      cost[node] = meters;
      queue.push(node, meters + estimate(node));
    }
  };
  const startLength = edgeLength[start.edge];
  seed(edgeNodes[start.edge * 2], start.offsetMeters);
  seed(edgeNodes[start.edge * 2 + 1], startLength - start.offsetMeters);

  while (queue.length > 0) {
    if (queue.peekKey() >= best) break;
    const node = queue.pop() as number;
    if (done[node]) continue;
    done[node] = 1;
    const meters = cost[node];
    if (node === endFrom && meters + end.offsetMeters < best) {
      best = meters + end.offsetMeters;
      bestNode = node;
      bestEntersFromStart = true;
    }
    if (node === endTo && meters + endLength - end.offsetMeters < best) {
      best = meters + endLength - end.offsetMeters;
      bestNode = node;
      bestEntersFromStart = false;
    }
    for (let i = adjacencyStart[node]; i < adjacencyStart[node + 1]; i++) {
      const edge = adjacencyEdges[i];
      const next = edgeNodes[edge * 2] === node ? edgeNodes[edge * 2 + 1] : edgeNodes[edge * 2];
      const nextMeters = meters + edgeLength[edge];
      if (nextMeters < cost[next]) {
        cost[next] = nextMeters;
        viaEdge[next] = edge;
        queue.push(next, nextMeters + estimate(next));
      }
    }
  }
  if (best === Infinity) return null;

  const coordinates: LngLat[] = [[start.lng, start.lat]];
  if (bestNode < 0) {
    appendBetween(graph, start, end, coordinates);
  } else {
    const edges: number[] = [];
    let node = bestNode;
    while (viaEdge[node] >= 0) {
      edges.push(viaEdge[node]);
      const edge = viaEdge[node];
      node = edgeNodes[edge * 2] === node ? edgeNodes[edge * 2 + 1] : edgeNodes[edge * 2];
    }
    // `node` is where the path leaves the start edge; its cost says which way.
    const leavesFromStart =
      node === edgeNodes[start.edge * 2] &&
      (node !== edgeNodes[start.edge * 2 + 1] || start.offsetMeters <= startLength - start.offsetMeters);
    appendToEdgeEnd(graph, start, leavesFromStart, coordinates);
    for (let i = edges.length - 1; i >= 0; i--) {
      appendEdge(graph, edges[i], node, coordinates);
      const edge = edges[i];
      node = edgeNodes[edge * 2] === node ? edgeNodes[edge * 2 + 1] : edgeNodes[edge * 2];
    }
    appendFromEdgeEnd(graph, end, bestEntersFromStart, coordinates);
  }
  appendPosition(coordinates, end.lng, end.lat);
  return { lengthMeters: best, coordinates };
}

function appendPosition(coordinates: LngLat[], lng: number, lat: number): void {
  const last = coordinates[coordinates.length - 1];
  if (last === undefined || last[0] !== lng || last[1] !== lat) coordinates.push([lng, lat]);
}

function appendVertex(graph: RouteGraph, vertex: number, coordinates: LngLat[]): void {
  appendPosition(coordinates, graph.coords[vertex * 2], graph.coords[vertex * 2 + 1]);
}

/** Vertices strictly between two positions on the same edge. */
function appendBetween(
  graph: RouteGraph,
  start: EdgePosition,
  end: EdgePosition,
  coordinates: LngLat[],
): void {
  if (start.offsetMeters <= end.offsetMeters) {
    for (let v = start.vertex + 1; v <= end.vertex; v++) appendVertex(graph, v, coordinates);
  } else {
    for (let v = start.vertex; v > end.vertex; v--) appendVertex(graph, v, coordinates);
  }
}

/** Vertices from a position to its edge's first (`toStart`) or last vertex. */
function appendToEdgeEnd(
  graph: RouteGraph,
  position: EdgePosition,
  toStart: boolean,
  coordinates: LngLat[],
): void {
  const first = graph.edgeFirstVertex[position.edge];
  const last = graph.edgeFirstVertex[position.edge + 1] - 1;
  if (toStart) for (let v = position.vertex; v >= first; v--) appendVertex(graph, v, coordinates);
  else for (let v = position.vertex + 1; v <= last; v++) appendVertex(graph, v, coordinates);
}

/** Vertices from an edge's first (`fromStart`) or last vertex up to a position on it. */
function appendFromEdgeEnd(
  graph: RouteGraph,
  position: EdgePosition,
  fromStart: boolean,
  coordinates: LngLat[],
): void {
  const first = graph.edgeFirstVertex[position.edge];
  const last = graph.edgeFirstVertex[position.edge + 1] - 1;
  if (fromStart) for (let v = first; v <= position.vertex; v++) appendVertex(graph, v, coordinates);
  else for (let v = last; v > position.vertex; v--) appendVertex(graph, v, coordinates);
}

/** All vertices of `edge`, walked away from `fromNode`. */
function appendEdge(graph: RouteGraph, edge: number, fromNode: number, coordinates: LngLat[]): void {
  const first = graph.edgeFirstVertex[edge];
  const last = graph.edgeFirstVertex[edge + 1] - 1;
  if (graph.edgeNodes[edge * 2] === fromNode)
    for (let v = first; v <= last; v++) appendVertex(graph, v, coordinates);
  else for (let v = last; v >= first; v--) appendVertex(graph, v, coordinates);
}
