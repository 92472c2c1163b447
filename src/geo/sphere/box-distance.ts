/**
 * The great-circle distance from a position to the nearest point of a longitude/latitude box
 * (a map tile, a grid cell): the bound a search compares with its k-th best distance to know
 * that nothing inside the box can be nearer.
 */
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine.js';

const RAD = Math.PI / 180;

/**
 * Metres from `(lng, lat)` to the nearest point of the box `[west, south, east, north]`
 * (degrees, `west <= east`), 0 inside. Never more than {@link haversineMeters} to any point of
 * the box (it is shaved by a millimetre and a billionth for rounding), so a search may prune a
 * box whose distance exceeds its k-th best.
 *
 * The nearest point of such a box lies on one of its two meridian edges (or the same meridian,
 * straight north or south): distance grows with the longitude difference along a parallel, and has
 * no minimum inside the box but the position itself.
 *
 * @example boxDistanceMeters(116.3, 39.9, [116.4, 39.8, 116.5, 40]) // ≈ 8 535 (due east)
 */
export function boxDistanceMeters(lng: number, lat: number, box: readonly [number, number, number, number]): number {
  const [west, south, east, north] = box;
  let exact: number;
  if (withinLongitudes(lng, west, east)) {
    exact = lat < south ? (south - lat) * RAD * EARTH_RADIUS_METERS : lat > north ? (lat - north) * RAD * EARTH_RADIUS_METERS : 0;
  } else {
    exact = Math.min(meridianDistance(lng, lat, west, south, north), meridianDistance(lng, lat, east, south, north));
  }
  return Math.max(0, exact * (1 - 1e-9) - 1e-3);
}

/** Whether `lng` is between `west` and `east`, longitudes compared modulo 360°. */
function withinLongitudes(lng: number, west: number, east: number): boolean {
  if (east - west >= 360) return true;
  const offset = (((lng - west) % 360) + 360) % 360;
  return offset <= east - west;
}

/** Metres from a position to the meridian `edge` between latitudes `south` and `north`. */
function meridianDistance(lng: number, lat: number, edge: number, south: number, north: number): number {
  let dLng = Math.abs(lng - edge) % 360;
  if (dLng > 180) dLng = 360 - dLng;
  const corners = Math.min(haversineMeters(lng, lat, edge, south), haversineMeters(lng, lat, edge, north));
  if (dLng >= 90) return corners;
  // The foot of the perpendicular from the position to the meridian's great circle.
  const foot = Math.atan(Math.tan(lat * RAD) / Math.cos(dLng * RAD)) / RAD;
  if (foot < south || foot > north) return corners;
  const crossTrack = Math.asin(Math.min(1, Math.cos(lat * RAD) * Math.sin(dLng * RAD))) * EARTH_RADIUS_METERS;
  return Math.min(crossTrack, corners);
}
