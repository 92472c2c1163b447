/**
 * Web Mercator in the unit square, the plane map tiles and clusters live in:
 * x grows east from the antimeridian, y grows south from the top edge of tile 0/0/0.
 */

/** Latitude of the top and bottom edges of the square Web Mercator world, in degrees. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

/**
 * Unit-square x of a longitude, in `[0, 1)`; longitudes beyond ±180° wrap.
 *
 * @example projectX(0) // 0.5
 */
export function projectX(lng: number): number {
  const x = lng / 360 + 0.5;
  return x >= 0 && x < 1 ? x : x - Math.floor(x);
}

/**
 * Unit-square y of a latitude, clamped to `[0, 1]` beyond the square's ±85.05°.
 *
 * @example projectY(0) // 0.5
 */
export function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/** Longitude of a unit-square x, in `[-180, 180)`. */
export function unprojectX(x: number): number {
  return (x - 0.5) * 360;
}

/** Latitude of a unit-square y. */
export function unprojectY(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp((180 - y * 360) * (Math.PI / 180))) - 90;
}
