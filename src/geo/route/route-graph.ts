/**
 * Turns a GeoJSON path network into a routable graph held in typed arrays:
 * nodes where lines end or share a vertex, edges for the polylines between
 * them. Built once per network object and cached.
 */
import type { Network } from '../../types.js';
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { haversineMeters } from '../sphere/haversine.js';
import { joinEndsToLinesSteps, readLinePartsSteps, type LineParts as Parts } from './line-parts.js';
import { buildSegmentIndexSteps, type SegmentIndex } from '../index/segment-index.js';
import { runSteps, runStepsWithin, GRAPH_STEP, type Steps } from '../../util/steps.js';

const RAD = Math.PI / 180;
/** Vertices closer than this are one place: digitising leaves line ends a hair apart. */
const SNAP_METERS = 1;

/**
 * A path network as a graph. Edge `e` owns vertices
 * `edgeFirstVertex[e] … edgeFirstVertex[e + 1] - 1`, running from node
 * `edgeNodes[2e]` to node `edgeNodes[2e + 1]`; edges are walkable both ways.
 */
export interface RouteGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** `[lng, lat]` of each node. */
  readonly nodeCoords: Float64Array;
  /** From and to node of each edge. */
  readonly edgeNodes: Int32Array;
  /** Great-circle length of each edge in metres. */
  readonly edgeLength: Float64Array;
  readonly edgeFirstVertex: Int32Array;
  /** `[lng, lat]` of each edge vertex; a node is repeated in every edge it ends. */
  readonly coords: Float64Array;
  /** Metres from the start of its edge, per vertex. */
  readonly vertexMeters: Float64Array;
  /** The edge each vertex belongs to. */
  readonly vertexEdge: Int32Array;
  /** Edges touching node `n`: `adjacencyEdges[adjacencyStart[n] … adjacencyStart[n + 1] - 1]`. */
  readonly adjacencyStart: Int32Array;
  readonly adjacencyEdges: Int32Array;
  /** Every edge segment, for snapping points to the network. */
  readonly segments: SegmentIndex;
}

const cache = new WeakMap<object, RouteGraph>();

/**
 * Builds (or returns the cached) routing graph of `network`. Features that are
 * not LineStrings or MultiLineStrings and positions that are not valid
 * coordinates are left out; a line is split where a bad position was. A line
 * that ends on another line (within a metre), even between its vertices,
 * joins it there, as hand-drawn paths rarely share the exact vertex. The
 * cache is keyed by the network object, so give a new object after changing
 * a network.
 *
 * @example
 * const graph = buildRouteGraph(paths);
 * graph.edgeCount // → number of polylines between junctions
 */
export function buildRouteGraph(network: Network): RouteGraph {
  return runSteps(buildRouteGraphSteps(network));
}

/**
 * {@link buildRouteGraph} as steps (see `steps.ts`): the element builds a loaded network's graph
 * between frames with them, so later routes find it cached. Every stage is linear in the
 * positions but the grid look-ups; the whole stays near-linear. Throws a `too-large`
 * `StationMapError` for a network over `MAX_NETWORK_VERTICES` positions.
 *
 * @example const graph = await runStepsSliced(buildRouteGraphSteps(paths), { signal });
 */
export function* buildRouteGraphSteps(network: Network, options: { maxVertices?: number } = {}): Steps<RouteGraph> {
  const key = typeof network === 'object' && network !== null ? network : null;
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  const read = yield* runStepsWithin(readLinePartsSteps(network, options), 0, 0.15);
  const graph = yield* runStepsWithin(buildGraphOfPartsSteps(read), 0.15, 1);
  if (key) cache.set(key, graph);
  return graph;
}

/**
 * The graph of lines already read into parts (`readLinePartsSteps`, or `addLineFeatures` a piece
 * at a time), as steps; {@link cacheRouteGraph} then keeps it for the network they came from.
 *
 * @example const graph = yield* buildGraphOfPartsSteps(parts);
 */
export function* buildGraphOfPartsSteps(read: Parts): Steps<RouteGraph> {
  const parts = yield* runStepsWithin(joinEndsToLinesSteps(read, SNAP_METERS), 0, 0.4);
  return yield* runStepsWithin(createGraphSteps(parts), 0.4, 1);
}

/**
 * Keeps `graph` as the graph of `network`, for a network whose features were read a piece at a
 * time and not kept (see `data/path-network.ts`): routes on `network` then use it.
 */
export function cacheRouteGraph(network: Network, graph: RouteGraph): void {
  cache.set(network, graph);
}

/** The graph of `network` if it has been built, else `undefined` (builds nothing). */
export function cachedRouteGraph(network: Network): RouteGraph | undefined {
  return typeof network === 'object' && network !== null ? cache.get(network) : undefined;
}

function* createGraphSteps(parts: Parts): Steps<RouteGraph> {
  const { pointOf, pointCoords } = yield* runStepsWithin(snapVerticesSteps(parts), 0, 0.4);
  const pointCount = pointCoords.length / 2;

  // A point becomes a node when a line ends there or more than one vertex
  // (of any line, or the same line passing twice) lands on it.
  const uses = new Uint16Array(pointCount);
  const isNode = new Uint8Array(pointCount);
  const partCount = parts.starts.length - 1;
  for (let p = 0; p < partCount; p++) {
    const begin = parts.starts[p];
    const end = parts.starts[p + 1];
    let previous = -1;
    for (let v = begin; v < end; v++) {
      const point = pointOf[v];
      if (point === previous) continue;
      if (uses[point] < 0xffff) uses[point]++;
      previous = point;
    }
    isNode[pointOf[begin]] = 1;
    isNode[pointOf[end - 1]] = 1;
    if (p % GRAPH_STEP === GRAPH_STEP - 1) yield 0.45;
  }
  const nodeOf = new Int32Array(pointCount).fill(-1);
  const nodeCoords: number[] = [];
  for (let point = 0; point < pointCount; point++) {
    if (isNode[point] || uses[point] >= 2) {
      nodeOf[point] = nodeCoords.length / 2;
      nodeCoords.push(pointCoords[point * 2], pointCoords[point * 2 + 1]);
    }
  }

  const coords: number[] = [];
  const vertexMeters: number[] = [];
  const vertexEdge: number[] = [];
  const edgeFirstVertex: number[] = [];
  const edgeNodes: number[] = [];
  const edgeLength: number[] = [];
  const addVertex = (lng: number, lat: number, meters: number) => {
    coords.push(lng, lat);
    vertexMeters.push(meters);
    vertexEdge.push(edgeLength.length);
  };
  for (let p = 0; p < partCount; p++) {
    let previous = -1;
    let startPoint = -1;
    let firstVertex = -1;
    let meters = 0;
    for (let v = parts.starts[p]; v < parts.starts[p + 1]; v++) {
      const point = pointOf[v];
      if (point === previous) continue;
      const lng = pointCoords[point * 2];
      const lat = pointCoords[point * 2 + 1];
      if (previous >= 0) {
        meters += haversineMeters(pointCoords[previous * 2], pointCoords[previous * 2 + 1], lng, lat);
        addVertex(lng, lat, meters);
      }
      // Every line end is a node, so the last edge of a part always closes here.
      if (previous < 0 || nodeOf[point] >= 0) {
        if (previous >= 0) {
          edgeFirstVertex.push(firstVertex);
          edgeNodes.push(nodeOf[startPoint], nodeOf[point]);
          edgeLength.push(meters);
        }
        startPoint = point;
        firstVertex = coords.length / 2;
        meters = 0;
        addVertex(lng, lat, 0);
      }
      previous = point;
    }
    // The node that closed the last edge opened one more with a single vertex: drop it.
    coords.length -= 2;
    vertexMeters.length -= 1;
    vertexEdge.length -= 1;
    if (p % GRAPH_STEP === GRAPH_STEP - 1) yield 0.5 + (0.2 * p) / partCount;
  }
  edgeFirstVertex.push(coords.length / 2);

  const nodeCount = nodeCoords.length / 2;
  const edgeCount = edgeLength.length;
  // Typed copies by constructor (a plain copy), not `TypedArray.from` (which iterates): at a million
  // segments the arrays hold millions of numbers. A yield between them keeps each step short.
  const edgeNodeArray = new Int32Array(edgeNodes);
  const edgeFirstArray = new Int32Array(edgeFirstVertex);
  const adjacencyStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    adjacencyStart[edgeNodeArray[2 * e] + 1]++;
    adjacencyStart[edgeNodeArray[2 * e + 1] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) adjacencyStart[n + 1] += adjacencyStart[n];
  yield 0.72;
  const fill = adjacencyStart.slice(0, nodeCount);
  const adjacencyEdges = new Int32Array(edgeCount * 2);
  for (let e = 0; e < edgeCount; e++) {
    adjacencyEdges[fill[edgeNodeArray[2 * e]]++] = e;
    adjacencyEdges[fill[edgeNodeArray[2 * e + 1]]++] = e;
  }
  yield 0.74;

  // Every vertex but the last of its edge starts a segment.
  const segmentStarts = new Int32Array(coords.length / 2 - edgeCount);
  for (let e = 0, k = 0; e < edgeCount; e++) {
    for (let v = edgeFirstArray[e]; v < edgeFirstArray[e + 1] - 1; v++) segmentStarts[k++] = v;
  }
  yield 0.76;
  const coordArray = new Float64Array(coords);
  yield 0.78;
  const vertexMeterArray = new Float64Array(vertexMeters);
  const vertexEdgeArray = new Int32Array(vertexEdge);
  yield 0.8;
  const segments = yield* runStepsWithin(buildSegmentIndexSteps(coordArray, segmentStarts), 0.8, 1);
  return {
    nodeCount,
    edgeCount,
    nodeCoords: new Float64Array(nodeCoords),
    edgeNodes: edgeNodeArray,
    edgeLength: new Float64Array(edgeLength),
    edgeFirstVertex: edgeFirstArray,
    coords: coordArray,
    vertexMeters: vertexMeterArray,
    vertexEdge: vertexEdgeArray,
    adjacencyStart,
    adjacencyEdges,
    segments,
  };
}

/**
 * Merges vertices closer than {@link SNAP_METERS} into shared points with a
 * grid hash. Cells are twice the snap distance, so the circle around a vertex
 * lies within its own cell and the three neighbours on the side it is nearest:
 * four look-ups a vertex instead of nine.
 */
function* snapVerticesSteps(parts: Parts): Steps<{ pointOf: Int32Array; pointCoords: number[] }> {
  const { coords } = parts;
  const vertexCount = coords.length / 2;
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  for (let v = 0; v < vertexCount; v++) {
    minLng = Math.min(minLng, coords[v * 2]);
    maxLng = Math.max(maxLng, coords[v * 2]);
    minLat = Math.min(minLat, coords[v * 2 + 1]);
  }
  const cellLat = (2 * SNAP_METERS) / METERS_PER_DEGREE;
  const cellLng = cellLat / Math.cos(Math.min(89, parts.maxAbsLat) * RAD);
  // Keys relative to the data's corner stay small integers for a city-sized network.
  const columns = Math.ceil((maxLng - minLng) / cellLng) + 3;
  const cells = new Map<number, number[]>();
  const pointOf = new Int32Array(vertexCount);
  const pointCoords: number[] = [];
  for (let v = 0; v < vertexCount; v++) {
    const lng = coords[v * 2];
    const lat = coords[v * 2 + 1];
    const fx = (lng - minLng) / cellLng + 1;
    const fy = (lat - minLat) / cellLat + 1;
    const cx = Math.floor(fx);
    const cy = Math.floor(fy);
    const nx = fx - cx < 0.5 ? cx - 1 : cx + 1;
    const ny = fy - cy < 0.5 ? cy - 1 : cy + 1;
    const kx = METERS_PER_DEGREE * Math.cos(lat * RAD);
    let best = -1;
    let bestSquared = SNAP_METERS * SNAP_METERS;
    for (let k = 0; k < 4; k++) {
      const bucket = cells.get((k < 2 ? cy : ny) * columns + (k % 2 === 0 ? cx : nx));
      if (bucket === undefined) continue;
      for (const point of bucket) {
        const dx = (pointCoords[point * 2] - lng) * kx;
        const dy = (pointCoords[point * 2 + 1] - lat) * METERS_PER_DEGREE;
        const squared = dx * dx + dy * dy;
        if (squared < bestSquared) {
          bestSquared = squared;
          best = point;
        }
      }
    }
    if (best < 0) {
      best = pointCoords.length / 2;
      pointCoords.push(lng, lat);
      const key = cy * columns + cx;
      const bucket = cells.get(key);
      if (bucket === undefined) cells.set(key, [best]);
      else bucket.push(best);
    }
    pointOf[v] = best;
    if (v % GRAPH_STEP === GRAPH_STEP - 1) yield v / vertexCount;
  }
  return { pointOf, pointCoords };
}
