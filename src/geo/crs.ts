/**
 * Conversions between the coordinate systems Chinese map data comes in.
 * gcoord is used because it is small (about 3 KB gzip), well kept, and its
 * GCJ-02 → WGS-84 is the iterative inverse (error well under 1 m), not the
 * one-step approximation. Outside China GCJ-02 and WGS-84 are the same.
 */
import gcoord from 'gcoord';
import type { Crs, LngLat } from '../types.js';

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/** True when `value` names a supported coordinate system. */
export function isCrs(value: unknown): value is Crs {
  return value === 'wgs84' || value === 'gcj02' || value === 'bd09';
}

/**
 * Converts a position given in `crs` to WGS-84.
 *
 * @example toWgs84([117.1, 36.2], 'gcj02') // → about [117.0946, 36.1989]
 */
export function toWgs84(position: LngLat, crs: Crs): LngLat {
  if (crs === 'wgs84') return [position[0], position[1]];
  const [lng, lat] = gcoord.transform([position[0], position[1]], GCOORD_CRS[crs], gcoord.WGS84);
  return [lng, lat];
}

/**
 * Converts a WGS-84 position to `crs`.
 *
 * @example fromWgs84([117.0946, 36.1989], 'gcj02')
 */
export function fromWgs84(position: LngLat, crs: Crs): LngLat {
  if (crs === 'wgs84') return [position[0], position[1]];
  const [lng, lat] = gcoord.transform([position[0], position[1]], gcoord.WGS84, GCOORD_CRS[crs]);
  return [lng, lat];
}
