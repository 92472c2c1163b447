/** The one check of a `[lng, lat]` position the geo functions share. */

/** True when `position` starts with a longitude in [-180, 180] and a latitude in [-90, 90]. */
export function isLngLat(position: unknown): position is [number, number] {
  return (
    Array.isArray(position) &&
    typeof position[0] === 'number' &&
    typeof position[1] === 'number' &&
    Math.abs(position[0]) <= 180 &&
    Math.abs(position[1]) <= 90
  );
}
