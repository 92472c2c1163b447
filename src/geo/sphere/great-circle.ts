/**
 * Great-circle helpers for routing: the size of a degree on the widget's
 * sphere, and points along the great circle between two positions.
 */
import type { LngLat } from '../../types.js';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine.js';

const RAD = Math.PI / 180;

/** Metres per degree of latitude on the sphere `haversine.ts` uses. */
export const METERS_PER_DEGREE = EARTH_RADIUS_METERS * RAD;

/**
 * Positions along the great circle from `from` to `to`, both included, no two
 * consecutive ones farther apart than `stepMeters`. Short hops give just the
 * two ends; a drawn straight line over hundreds of kilometres then bends the
 * way the shortest path on the globe does instead of following a parallel.
 *
 * @example interpolateGreatCircle([116.4, 39.9], [121.5, 31.2]) // → 23 positions, one every ≤ 50 km
 */
export function interpolateGreatCircle(
  from: LngLat,
  to: LngLat,
  options: { stepMeters?: number; maxPoints?: number } = {},
): LngLat[] {
  const stepMeters = options.stepMeters ?? 50_000;
  const maxPoints = Math.max(2, options.maxPoints ?? 128);
  const distance = haversineMeters(from[0], from[1], to[0], to[1]);
  const parts = Math.min(maxPoints - 1, Math.ceil(distance / stepMeters));
  const angle = distance / EARTH_RADIUS_METERS;
  // Nearly antipodal or tiny hops have no well-defined single great circle to
  // sample; the two ends are the honest answer then.
  if (parts <= 1 || Math.sin(angle) < 1e-9)
    return [
      [from[0], from[1]],
      [to[0], to[1]],
    ];

  const [x1, y1, z1] = toUnitVector(from);
  const [x2, y2, z2] = toUnitVector(to);
  const points: LngLat[] = [[from[0], from[1]]];
  for (let i = 1; i < parts; i++) {
    const f = i / parts;
    const a = Math.sin((1 - f) * angle) / Math.sin(angle);
    const b = Math.sin(f * angle) / Math.sin(angle);
    const x = a * x1 + b * x2;
    const y = a * y1 + b * y2;
    const z = a * z1 + b * z2;
    points.push([Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD]);
  }
  points.push([to[0], to[1]]);
  return points;
}

function toUnitVector([lng, lat]: LngLat): [number, number, number] {
  const cosLat = Math.cos(lat * RAD);
  return [cosLat * Math.cos(lng * RAD), cosLat * Math.sin(lng * RAD), Math.sin(lat * RAD)];
}
