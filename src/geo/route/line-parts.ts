/**
 * The lines of a path network as flat coordinate runs ("parts"), cleaned of
 * bad positions, before they become a graph.
 */
import type { Position } from 'geojson';
import { StationMapError } from '../../errors.js';
import type { Network } from '../../types.js';
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { buildSegmentIndexSteps, findNearestSegment } from '../index/segment-index.js';
import { runSteps, runStepsWithin, GRAPH_STEP, type Steps } from '../../util/steps.js';

/**
 * Most positions a network may have (default of `maxVertices`): a city's streets as two-point
 * OSM segments are well under a million segments (two positions each). A larger network is
 * refused whole with a `too-large` error instead of freezing or exhausting a phone.
 */
export const MAX_NETWORK_VERTICES = 4_000_000;
/** Segments a join looks at around one line end: only segments piled on one spot reach it. */
const JOIN_MAX_VISITS = 256;

/** Valid positions of every line part, flattened, with part boundaries. */
export interface LineParts {
  /** `[lng, lat, lng, lat, …]` of all parts one after another. */
  coords: number[];
  /** Vertex index where each part starts, plus the total at the end. */
  starts: number[];
  /** Largest absolute latitude, to size grid cells in degrees of longitude. */
  maxAbsLat: number;
}

/**
 * Reads the LineStrings and MultiLineStrings of `network` into parts. Other
 * geometries are ignored; a part is split where a position is not a valid
 * coordinate, and pieces with fewer than two positions are dropped.
 */
export function readLineParts(network: Network, options: { maxVertices?: number } = {}): LineParts {
  return runSteps(readLinePartsSteps(network, options));
}

/**
 * {@link readLineParts} as steps. Throws a `too-large` {@link StationMapError} once the network
 * has more than `maxVertices` positions (default {@link MAX_NETWORK_VERTICES}).
 */
export function* readLinePartsSteps(network: Network, options: { maxVertices?: number } = {}): Steps<LineParts> {
  const maxVertices = options.maxVertices ?? MAX_NETWORK_VERTICES;
  const parts = createLineParts();
  const features: unknown = (network as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return parts;
  let sinceYield = 0;
  for (let f = 0; f < features.length; f++) {
    sinceYield += addFeature(parts, features[f], maxVertices);
    if (sinceYield >= GRAPH_STEP) {
      sinceYield = 0;
      yield f / features.length;
    }
  }
  return parts;
}

/** No parts yet: the start of {@link addLineFeatures}. */
export function createLineParts(): LineParts {
  return { coords: [], starts: [0], maxAbsLat: 0 };
}

/**
 * Adds the LineStrings and MultiLineStrings of `features` to `parts`, as {@link readLineParts}
 * does for a whole network: a network read a piece at a time (`data/path-network.ts`) need not
 * keep its features. Throws a `too-large` {@link StationMapError} once `parts` holds more than
 * `maxVertices` positions (default {@link MAX_NETWORK_VERTICES}).
 */
export function addLineFeatures(parts: LineParts, features: readonly unknown[], options: { maxVertices?: number } = {}): void {
  const maxVertices = options.maxVertices ?? MAX_NETWORK_VERTICES;
  for (const feature of features) addFeature(parts, feature, maxVertices);
}

/** Adds one feature's lines; returns the positions it read. */
function addFeature(parts: LineParts, feature: unknown, maxVertices: number): number {
  const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
  if (!geometry || !Array.isArray(geometry.coordinates)) return 0;
  let read = 0;
  if (geometry.type === 'LineString') read += addLine(parts, geometry.coordinates);
  else if (geometry.type === 'MultiLineString') {
    for (const line of geometry.coordinates) if (Array.isArray(line)) read += addLine(parts, line);
  }
  if (parts.coords.length / 2 > maxVertices) {
    throw new StationMapError('too-large', `the path network has more than ${maxVertices.toLocaleString('en')} positions (the limit); split it by area`);
  }
  return read;
}

/**
 * Where a part ends within `toleranceMeters` of another part's segment, but
 * not at one of its vertices, inserts a vertex there, so the two share a
 * vertex and meet in the graph (a lane drawn up to a road, a T-junction).
 * Returns `parts` itself when nothing needs joining.
 */
export function joinEndsToLines(parts: LineParts, toleranceMeters: number): LineParts {
  return runSteps(joinEndsToLinesSteps(parts, toleranceMeters));
}

/**
 * {@link joinEndsToLines} as steps. Near-linear: the grid's cells are about a segment long (not a
 * fixed kilometre, which put thousands of short OSM segments in one cell for every line end to
 * measure: quadratic), and a look-up measures at most a few hundred segments.
 */
export function* joinEndsToLinesSteps(parts: LineParts, toleranceMeters: number): Steps<LineParts> {
  const partCount = parts.starts.length - 1;
  if (partCount < 2) return parts;
  // Every vertex but the last of its part starts a segment.
  const segmentStarts = new Int32Array(parts.coords.length / 2 - partCount);
  for (let p = 0, k = 0; p < partCount; p++) {
    for (let v = parts.starts[p]; v < parts.starts[p + 1] - 1; v++) segmentStarts[k++] = v;
  }
  yield 0;
  const coords = new Float64Array(parts.coords);
  yield 0;
  const index = yield* runStepsWithin(
    // Cells of a few segments' length: few cells to fill for long lines, few segments a cell for
    // dense short ones.
    buildSegmentIndexSteps(coords, segmentStarts, { cellScale: 4 }),
    0,
    0.4,
  );

  // Inserted positions per segment start vertex.
  const inserts = new Map<number, Array<{ t: number; lng: number; lat: number }>>();
  for (let p = 0; p < partCount; p++) {
    for (const end of [parts.starts[p], parts.starts[p + 1] - 1]) {
      const own = end === parts.starts[p] ? end : end - 1;
      const hit = findNearestSegment(
        index,
        parts.coords[end * 2],
        parts.coords[end * 2 + 1],
        toleranceMeters,
        {
          skip: (segment) => segmentStarts[segment] === own,
          maxVisits: JOIN_MAX_VISITS,
        },
      );
      // Near a vertex, snapping already joins them.
      if (!hit || isNearVertex(parts, hit.vertex, hit.lng, hit.lat, toleranceMeters)) continue;
      const list = inserts.get(hit.vertex);
      const insert = { t: hit.t, lng: hit.lng, lat: hit.lat };
      if (list) list.push(insert);
      else inserts.set(hit.vertex, [insert]);
    }
    if (p % (GRAPH_STEP >> 3) === 0) yield 0.4 + (0.6 * p) / partCount;
  }
  if (inserts.size === 0) return parts;

  const joined: LineParts = { coords: [], starts: [0], maxAbsLat: parts.maxAbsLat };
  for (let p = 0; p < partCount; p++) {
    for (let v = parts.starts[p]; v < parts.starts[p + 1]; v++) {
      joined.coords.push(parts.coords[v * 2], parts.coords[v * 2 + 1]);
      const list = inserts.get(v);
      if (list)
        for (const insert of list.sort((a, b) => a.t - b.t)) joined.coords.push(insert.lng, insert.lat);
    }
    joined.starts.push(joined.coords.length / 2);
    if (p % GRAPH_STEP === GRAPH_STEP - 1) yield 1;
  }
  return joined;
}

function isNearVertex(parts: LineParts, vertex: number, lng: number, lat: number, meters: number): boolean {
  for (const v of [vertex, vertex + 1]) {
    const dLat = (parts.coords[v * 2 + 1] - lat) * METERS_PER_DEGREE;
    const dLng = (parts.coords[v * 2] - lng) * METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
    if (dLat * dLat + dLng * dLng < meters * meters) return true;
  }
  return false;
}

/** Adds the valid runs of `line`; returns how many positions it looked at. */
function addLine(parts: LineParts, line: unknown[]): number {
  let count = 0;
  const closePart = () => {
    const begin = parts.starts[parts.starts.length - 1];
    if (count >= 2) parts.starts.push(begin + count);
    else parts.coords.length = begin * 2;
    count = 0;
  };
  for (const position of line) {
    if (isValidPosition(position)) {
      parts.coords.push(position[0], position[1]);
      parts.maxAbsLat = Math.max(parts.maxAbsLat, Math.abs(position[1]));
      count++;
    } else {
      closePart();
    }
  }
  closePart();
  return line.length;
}

function isValidPosition(position: unknown): position is Position {
  if (!Array.isArray(position) || position.length < 2) return false;
  const [lng, lat] = position as unknown[];
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    Math.abs(lng) <= 180 &&
    Math.abs(lat) <= 90
  );
}
