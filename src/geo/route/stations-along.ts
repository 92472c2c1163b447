/**
 * Stations along a route or a line: which ones a worker passes, in order.
 */
import type { Feature, LineString } from 'geojson';
import type { AlongResult, Station } from '../../types.js';
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { haversineMeters } from '../sphere/haversine.js';
import { buildSegmentIndex, findNearestSegment } from '../index/segment-index.js';
import { isLngLat } from '../sphere/position.js';

const RAD = Math.PI / 180;

/**
 * Stations within `bufferMeters` of `line`, ordered by `alongMeters`: the
 * distance along the line from its start to the line's point nearest the
 * station. A bounding-box test drops far stations before any geometry, and
 * the line's segments are indexed, so 100 000 stations along a long route
 * take milliseconds. Stations with unusable coordinates are left out.
 *
 * @example
 * stationsAlong(stations, route.geometry, 300).map((r) => r.station.properties.name)
 */
export function stationsAlong(
  stations: readonly Station[],
  line: LineString | Feature<LineString>,
  bufferMeters = 500,
): AlongResult[] {
  const geometry = line?.type === 'Feature' ? line.geometry : line;
  const positions =
    geometry?.type === 'LineString' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  const coords: number[] = [];
  for (const position of positions) {
    if (
      isLngLat(position) &&
      (coords.length === 0 ||
        position[0] !== coords[coords.length - 2] ||
        position[1] !== coords[coords.length - 1])
    ) {
      coords.push(position[0], position[1]);
    }
  }
  const buffer = Number.isFinite(bufferMeters) && bufferMeters > 0 ? bufferMeters : 0;
  // A single position is still a place to be near: a zero-length segment.
  if (coords.length === 2) coords.push(coords[0], coords[1]);
  if (coords.length < 4 || !Array.isArray(stations)) return [];

  const vertexCount = coords.length / 2;
  const flat = Float64Array.from(coords);
  const starts = new Int32Array(vertexCount - 1).map((_, i) => i);
  const alongAtVertex = new Float64Array(vertexCount);
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (let v = 0; v < vertexCount; v++) {
    const lng = flat[v * 2];
    const lat = flat[v * 2 + 1];
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    if (v > 0) alongAtVertex[v] = alongAtVertex[v - 1] + segmentMeters(flat, v - 1);
  }
  const index = buildSegmentIndex(flat, starts, { cellMeters: Math.max(buffer, 50) });
  const padLat = buffer / METERS_PER_DEGREE;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(minLat - padLat), Math.abs(maxLat + padLat)));
  const padLng = padLat / Math.cos(maxAbsLat * RAD);

  const results: AlongResult[] = [];
  for (const station of stations) {
    const position = station?.geometry?.coordinates;
    if (!isLngLat(position)) continue;
    const [lng, lat] = position;
    if (lng < minLng - padLng || lng > maxLng + padLng || lat < minLat - padLat || lat > maxLat + padLat)
      continue;
    const hit = findNearestSegment(index, lng, lat, buffer);
    if (!hit) continue;
    const along =
      alongAtVertex[hit.vertex] + hit.t * (alongAtVertex[hit.vertex + 1] - alongAtVertex[hit.vertex]);
    results.push({ station, offsetMeters: hit.distanceMeters, alongMeters: along });
  }
  // Equal positions along the line (stations side by side) keep the nearer one first.
  return results.sort((a, b) => a.alongMeters - b.alongMeters || a.offsetMeters - b.offsetMeters);
}

function segmentMeters(flat: Float64Array, vertex: number): number {
  const i = vertex * 2;
  return haversineMeters(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]);
}
