/**
 * A flat grid index over line segments, to find the segment nearest a point
 * without looking at every segment. A uniform hash grid is a few dozen lines,
 * builds in one pass and answers "nearest within r" by visiting only the
 * cells around the point; an R-tree library would add bundle weight for no
 * gain at the sizes a path network has.
 */
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { haversineMeters } from '../sphere/haversine.js';
import { runSteps, GRAPH_STEP, type Steps } from '../../util/steps.js';

const RAD = Math.PI / 180;
/** Cells are kept below 2^26 per axis so a cell key stays an exact integer. */
const KEY_STRIDE = 2 ** 26;

/** Segments over a flat `[lng, lat, lng, lat, …]` array, bucketed by grid cell. */
export interface SegmentIndex {
  /** Vertex positions, two numbers per vertex. */
  readonly coords: Float64Array;
  /** Segment `s` runs from vertex `starts[s]` to vertex `starts[s] + 1`. */
  readonly starts: Int32Array;
  readonly cellLng: number;
  readonly cellLat: number;
  /** Side of a cell in metres (north–south). */
  readonly cellMeters: number;
  /** Cell key → segment ids. */
  readonly cells: Map<number, number[]>;
  /** Bounding box of all segments: minLng, minLat, maxLng, maxLat. */
  readonly bbox: readonly [number, number, number, number];
  /** Per-segment query stamp, so a segment spanning several cells is measured once per query. */
  readonly seen: Int32Array;
  /** Mutable query counter for `seen`. */
  stamp: number;
}

/** The point of a segment nearest a query point. */
export interface SegmentHit {
  /** Segment id in the index. */
  segment: number;
  /** The segment's first vertex. */
  vertex: number;
  /** Where the nearest point lies between the segment's two vertices, 0…1. */
  t: number;
  lng: number;
  lat: number;
  /** Great-circle distance from the query point. */
  distanceMeters: number;
}

/**
 * Indexes segments for nearest-point queries. The grid cell is about the mean
 * segment length (times `cellScale`, default 1), so a typical segment touches one or two cells
 * and a cell holds a handful of segments; `cellMeters` sets it outright.
 *
 * @example
 * const index = buildSegmentIndex(new Float64Array([117, 36, 117.01, 36]), new Int32Array([0]));
 * findNearestSegment(index, 117.005, 36.001, 500)?.distanceMeters // → about 111
 */
export function buildSegmentIndex(
  coords: Float64Array,
  starts: Int32Array,
  options: { cellMeters?: number; cellScale?: number } = {},
): SegmentIndex {
  return runSteps(buildSegmentIndexSteps(coords, starts, options));
}

/** {@link buildSegmentIndex} as steps (see `steps.ts`), so a large network is indexed between frames. */
export function* buildSegmentIndexSteps(
  coords: Float64Array,
  starts: Int32Array,
  options: { cellMeters?: number; cellScale?: number } = {},
): Steps<SegmentIndex> {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  let totalMeters = 0;
  for (let s = 0; s < starts.length; s++) {
    const i = starts[s] * 2;
    const lng1 = coords[i],
      lat1 = coords[i + 1],
      lng2 = coords[i + 2],
      lat2 = coords[i + 3];
    minLng = Math.min(minLng, lng1, lng2);
    minLat = Math.min(minLat, lat1, lat2);
    maxLng = Math.max(maxLng, lng1, lng2);
    maxLat = Math.max(maxLat, lat1, lat2);
    totalMeters += haversineMeters(lng1, lat1, lng2, lat2);
    if (s % GRAPH_STEP === GRAPH_STEP - 1) yield (0.3 * s) / starts.length;
  }
  const meanMeters = starts.length > 0 ? totalMeters / starts.length : 100;
  const extentDegrees = Math.max(maxLng - minLng, maxLat - minLat, 0);
  // Bounded so the grid stays within the key range and a cell never holds
  // the whole country nor a sliver of a single segment.
  const cellMeters = Math.max(
    options.cellMeters ?? clamp(meanMeters * (options.cellScale ?? 1), 20, 5000),
    ((extentDegrees * METERS_PER_DEGREE) / KEY_STRIDE) * 4,
  );
  const cellLat = cellMeters / METERS_PER_DEGREE;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)) || 0);
  const cellLng = cellLat / Math.cos(maxAbsLat * RAD);

  const cells = new Map<number, number[]>();
  const originLng = Number.isFinite(minLng) ? minLng : 0;
  const originLat = Number.isFinite(minLat) ? minLat : 0;
  for (let s = 0; s < starts.length; s++) {
    const i = starts[s] * 2;
    visitCells(
      (coords[i] - originLng) / cellLng,
      (coords[i + 1] - originLat) / cellLat,
      (coords[i + 2] - originLng) / cellLng,
      (coords[i + 3] - originLat) / cellLat,
      (cx, cy) => {
        const key = cy * KEY_STRIDE + cx;
        const bucket = cells.get(key);
        if (bucket === undefined) cells.set(key, [s]);
        else if (bucket[bucket.length - 1] !== s) bucket.push(s);
      },
    );
    if (s % GRAPH_STEP === GRAPH_STEP - 1) yield 0.3 + (0.7 * s) / starts.length;
  }
  return {
    coords,
    starts,
    cellLng,
    cellLat,
    cellMeters,
    cells,
    bbox: [originLng, originLat, Number.isFinite(maxLng) ? maxLng : 0, Number.isFinite(maxLat) ? maxLat : 0],
    seen: new Int32Array(starts.length),
    stamp: 0,
  };
}

/**
 * The nearest point on any indexed segment within `maxMeters` of
 * `[lng, lat]`, or `null`; `skip` leaves segments out, and after `maxVisits` segments measured the
 * best so far is taken. Searches a square that doubles until it holds a
 * segment closer than its half-side, so a point inside a dense network looks
 * at a few cells and a far one stops at `maxMeters`.
 */
export function findNearestSegment(
  index: SegmentIndex,
  lng: number,
  lat: number,
  maxMeters: number,
  options: { skip?: (segment: number) => boolean; maxVisits?: number } = {},
): SegmentHit | null {
  const { skip } = options;
  // Segments measured before the search settles for the best so far: only thousands of
  // segments piled into the same few cells reach it, and they must not cost seconds per query.
  let visitsLeft = options.maxVisits ?? Infinity;
  if (index.starts.length === 0 || !(maxMeters >= 0)) return null;
  const { coords, starts, cells, cellLng, cellLat, seen, bbox } = index;
  const ky = METERS_PER_DEGREE;
  const kx = METERS_PER_DEGREE * Math.cos(lat * RAD);
  const stamp = nextStamp(index);

  let bestSquared = Infinity;
  let bestSegment = -1;
  let bestT = 0;
  let radius = Math.min(index.cellMeters, maxMeters);
  for (;;) {
    const dLng = radius / Math.max(kx, 1e-9);
    const dLat = radius / ky;
    const x0 = Math.floor((lng - dLng - bbox[0]) / cellLng);
    const x1 = Math.floor((lng + dLng - bbox[0]) / cellLng);
    const y0 = Math.floor((lat - dLat - bbox[1]) / cellLat);
    const y1 = Math.floor((lat + dLat - bbox[1]) / cellLat);
    const maxX = Math.floor((bbox[2] - bbox[0]) / cellLng);
    const maxY = Math.floor((bbox[3] - bbox[1]) / cellLat);
    for (let cy = Math.max(0, y0); cy <= Math.min(maxY, y1); cy++) {
      for (let cx = Math.max(0, x0); cx <= Math.min(maxX, x1); cx++) {
        const bucket = cells.get(cy * KEY_STRIDE + cx);
        if (bucket === undefined) continue;
        for (const s of bucket) {
          if (seen[s] === stamp) continue;
          seen[s] = stamp;
          if (--visitsLeft < 0) break;
          if (skip?.(s)) continue;
          const i = starts[s] * 2;
          // Local plane centred on the query point: exact enough within the
          // few kilometres a snap distance allows, and much cheaper than
          // spherical geometry for every candidate.
          const ax = (coords[i] - lng) * kx;
          const ay = (coords[i + 1] - lat) * ky;
          const bx = (coords[i + 2] - lng) * kx;
          const by = (coords[i + 3] - lat) * ky;
          const dx = bx - ax;
          const dy = by - ay;
          const lengthSquared = dx * dx + dy * dy;
          const t = lengthSquared > 0 ? clamp(-(ax * dx + ay * dy) / lengthSquared, 0, 1) : 0;
          const px = ax + t * dx;
          const py = ay + t * dy;
          const squared = px * px + py * py;
          if (squared < bestSquared) {
            bestSquared = squared;
            bestSegment = s;
            bestT = t;
          }
        }
      }
    }
    const coversAll = x0 <= 0 && y0 <= 0 && x1 >= maxX && y1 >= maxY;
    if (bestSquared <= radius * radius || radius >= maxMeters || coversAll || visitsLeft < 0) break;
    radius = Math.min(radius * 2, maxMeters);
  }
  if (bestSegment < 0) return null;

  const i = starts[bestSegment] * 2;
  const hitLng = coords[i] + bestT * (coords[i + 2] - coords[i]);
  const hitLat = coords[i + 1] + bestT * (coords[i + 3] - coords[i + 1]);
  const distanceMeters = haversineMeters(lng, lat, hitLng, hitLat);
  if (distanceMeters > maxMeters) return null;
  return {
    segment: bestSegment,
    vertex: starts[bestSegment],
    t: bestT,
    lng: hitLng,
    lat: hitLat,
    distanceMeters,
  };
}

function nextStamp(index: SegmentIndex): number {
  if (index.stamp >= 0x7fffffff) {
    index.seen.fill(0);
    index.stamp = 0;
  }
  return ++index.stamp;
}

/** Calls `visit` for every grid cell the segment passes through (Amanatides–Woo traversal). */
function visitCells(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  visit: (cx: number, cy: number) => void,
): void {
  let cx = Math.floor(x0);
  let cy = Math.floor(y0);
  const endX = Math.floor(x1);
  const endY = Math.floor(y1);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const stepX = Math.sign(dx);
  const stepY = Math.sign(dy);
  const deltaX = dx !== 0 ? 1 / Math.abs(dx) : Infinity;
  const deltaY = dy !== 0 ? 1 / Math.abs(dy) : Infinity;
  let nextX = dx > 0 ? (cx + 1 - x0) * deltaX : dx < 0 ? (x0 - cx) * deltaX : Infinity;
  let nextY = dy > 0 ? (cy + 1 - y0) * deltaY : dy < 0 ? (y0 - cy) * deltaY : Infinity;
  visit(cx, cy);
  for (let n = Math.abs(endX - cx) + Math.abs(endY - cy); n > 0; n--) {
    if (nextX < nextY) {
      cx += stepX;
      nextX += deltaX;
    } else {
      cy += stepY;
      nextY += deltaY;
    }
    visit(cx, cy);
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
