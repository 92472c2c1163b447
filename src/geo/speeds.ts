/**
 * Travel speeds used to turn a route's length into a duration.
 */
import type { TravelMode } from '../types.js';

/**
 * Default speeds in metres per second. They are deliberately plain averages,
 * because a duration is shown as "about N min" and a worker cares about the
 * order of magnitude, not the second:
 * - walking 4.5 km/h: an adult's usual pace; slower going on trails (Mount Tai
 *   steps) is ignored rather than guessed.
 * - cycling 15 km/h: delivery riders mostly ride e-bikes, faster than a city
 *   bicycle but held back by crossings.
 * - driving 30 km/h: the usual urban average once lights and traffic count.
 */
export const DEFAULT_SPEEDS: Readonly<Record<TravelMode, number>> = Object.freeze({
  walking: 4.5 / 3.6,
  cycling: 15 / 3.6,
  driving: 30 / 3.6,
});

/**
 * Seconds needed to cover `distanceMeters` in `mode`. A speed in `speeds`
 * that is missing, zero, negative or not finite falls back to the default.
 *
 * @example durationFor(1500, 'walking') // → 1200
 * @example durationFor(1500, 'cycling', { cycling: 5 }) // → 300
 */
export function durationFor(
  distanceMeters: number,
  mode: TravelMode,
  speeds?: Partial<Record<TravelMode, number>>,
): number {
  const custom = speeds?.[mode];
  const speed =
    typeof custom === 'number' && Number.isFinite(custom) && custom > 0
      ? custom
      : (DEFAULT_SPEEDS[mode] ?? DEFAULT_SPEEDS.walking);
  return Math.max(0, distanceMeters) / speed;
}
