/**
 * Travel speeds used to turn a route's length into a duration.
 */
import type { TravelMode } from '../../types.js';

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
 * Slowest and fastest speeds accepted, in metres per second: 0.1 m/s is a step a second on steep
 * stairs, 100 m/s (360 km/h) is beyond any road. Outside them a duration would be nonsense
 * (1e-300 m/s gave 9e302 s), so such a speed counts as not given.
 */
export const SPEED_RANGE: readonly [min: number, max: number] = [0.1, 100];

/** True when `speed` is a number of metres per second within {@link SPEED_RANGE}. */
export function isUsableSpeed(speed: unknown): speed is number {
  return typeof speed === 'number' && speed >= SPEED_RANGE[0] && speed <= SPEED_RANGE[1];
}

/**
 * The speed of `mode` in metres per second: the given one when {@link isUsableSpeed}, else the
 * default (walking's for a mode that is not one).
 *
 * @example speedFor('cycling', { cycling: 5 }) // → 5
 */
export function speedFor(mode: TravelMode, speeds?: Partial<Record<TravelMode, number>> | null): number {
  const custom = speeds?.[mode];
  return isUsableSpeed(custom) ? custom : (DEFAULT_SPEEDS[mode] ?? DEFAULT_SPEEDS.walking);
}

/**
 * Seconds needed to cover `distanceMeters` in `mode`. A speed in `speeds`
 * that is missing, not a number or outside {@link SPEED_RANGE} falls back to the default.
 *
 * @example durationFor(1500, 'walking') // → 1200
 * @example durationFor(1500, 'cycling', { cycling: 5 }) // → 300
 */
export function durationFor(
  distanceMeters: number,
  mode: TravelMode,
  speeds?: Partial<Record<TravelMode, number>>,
): number {
  return Math.max(0, distanceMeters) / speedFor(mode, speeds);
}
