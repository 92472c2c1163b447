/**
 * Great-circle distance on a spherical Earth. Every distance the widget shows
 * or sorts by ("nearest first", "1.2 km") comes from this one formula, so the
 * spatial index and a brute-force scan always agree to the last bit.
 */

/**
 * Mean Earth radius in metres: the IUGG mean radius R1 = (2a + b) / 3 of the
 * WGS-84 ellipsoid. On this sphere, great-circle distances are within about
 * 0.5 % of the geodesic on the ellipsoid, far below what a worker walking to
 * a station notices; it is also the radius Turf and most web maps use.
 */
export const EARTH_RADIUS_METERS = 6371008.8;

const RAD = Math.PI / 180;

/**
 * Haversine of the central angle between two positions, `sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)`.
 * `cosLat1` is passed in so a search can compute it once per query; the result
 * is bit-identical to what {@link haversineMeters} uses internally.
 */
export function haversineTerm(
  lng1: number,
  lat1: number,
  cosLat1: number,
  lng2: number,
  lat2: number,
): number {
  let dLng = lng2 - lng1;
  // Folding the difference into [-180, 180] keeps full precision for pairs on
  // either side of the antimeridian (179.9 vs -179.9 is 0.2°, not 359.8°).
  if (dLng > 180 || dLng < -180) dLng -= 360 * Math.round(dLng / 360);
  const sinLat = Math.sin((lat2 - lat1) * RAD * 0.5);
  const sinLng = Math.sin(dLng * RAD * 0.5);
  return sinLat * sinLat + cosLat1 * Math.cos(lat2 * RAD) * sinLng * sinLng;
}

/** Metres of great-circle distance for a haversine term from {@link haversineTerm}. */
export function haversineTermToMeters(h: number): number {
  // Rounding can push h a hair above 1 for antipodes; asin would give NaN.
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h < 1 ? h : 1));
}

/**
 * Great-circle distance in metres between two WGS-84 positions
 * (haversine formula on a sphere of {@link EARTH_RADIUS_METERS}).
 *
 * @example
 * haversineMeters(116.3975, 39.9087, 121.4737, 31.2304); // Beijing → Shanghai ≈ 1 068 140
 */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  return haversineTermToMeters(haversineTerm(lng1, lat1, Math.cos(lat1 * RAD), lng2, lat2));
}
