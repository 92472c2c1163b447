/**
 * The lines of a path network as flat coordinate runs ("parts"), cleaned of
 * bad positions, before they become a graph.
 */
import type { Position } from 'geojson';
import type { Network } from '../types.js';
import { METERS_PER_DEGREE } from './great-circle.js';
import { buildSegmentIndex, findNearestSegment } from './segment-index.js';

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
export function readLineParts(network: Network): LineParts {
  const parts: LineParts = { coords: [], starts: [0], maxAbsLat: 0 };
  const features: unknown = (network as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return parts;
  for (const feature of features) {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    if (!geometry || !Array.isArray(geometry.coordinates)) continue;
    if (geometry.type === 'LineString') addLine(parts, geometry.coordinates);
    else if (geometry.type === 'MultiLineString') {
      for (const line of geometry.coordinates) if (Array.isArray(line)) addLine(parts, line);
    }
  }
  return parts;
}

/**
 * Where a part ends within `toleranceMeters` of another part's segment, but
 * not at one of its vertices, inserts a vertex there, so the two share a
 * vertex and meet in the graph (a lane drawn up to a road, a T-junction).
 * Returns `parts` itself when nothing needs joining.
 */
export function joinEndsToLines(parts: LineParts, toleranceMeters: number): LineParts {
  const partCount = parts.starts.length - 1;
  if (partCount < 2) return parts;
  const segmentStarts: number[] = [];
  for (let p = 0; p < partCount; p++) {
    for (let v = parts.starts[p]; v < parts.starts[p + 1] - 1; v++) segmentStarts.push(v);
  }
  const index = buildSegmentIndex(Float64Array.from(parts.coords), Int32Array.from(segmentStarts), {
    cellMeters: 1000,
  });

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
        },
      );
      // Near a vertex, snapping already joins them.
      if (!hit || isNearVertex(parts, hit.vertex, hit.lng, hit.lat, toleranceMeters)) continue;
      const list = inserts.get(hit.vertex);
      const insert = { t: hit.t, lng: hit.lng, lat: hit.lat };
      if (list) list.push(insert);
      else inserts.set(hit.vertex, [insert]);
    }
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

function addLine(parts: LineParts, line: unknown[]): void {
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
