/**
 * Z-order (Morton) keys: x and y bits interleaved, so every quadtree cell at
 * every level is one contiguous run of keys. 26 bits per axis make a 52-bit
 * key, exact in a double (about 0.6 m on the ground at the equator); it is
 * built from two 26-bit halves because JavaScript bit operators stop at 32.
 */

/** Bits per axis of a full-resolution key. */
export const MORTON_BITS = 26;

/** Cells per axis at full resolution, `2 ** MORTON_BITS`. */
export const MORTON_SIDE = 2 ** MORTON_BITS;

const HALF_BITS = 13;
const HALF_MASK = (1 << HALF_BITS) - 1;
/** `2 ** 26`: the weight of the high half. */
export const MORTON_HIGH = 2 ** (2 * HALF_BITS);

/** Spreads the low 16 bits of `v` to the even bit positions. */
function spreadBits(v: number): number {
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  return (v | (v << 1)) & 0x55555555;
}

/** High 26 bits of the key of cell `(qx, qy)` (each `< MORTON_SIDE`): the top 13 bits of each axis. */
export function mortonHigh(qx: number, qy: number): number {
  return (spreadBits(qx >>> HALF_BITS) | (spreadBits(qy >>> HALF_BITS) << 1)) >>> 0;
}

/** Low 26 bits of the key of cell `(qx, qy)`. */
export function mortonLow(qx: number, qy: number): number {
  return (spreadBits(qx & HALF_MASK) | (spreadBits(qy & HALF_MASK) << 1)) >>> 0;
}

/**
 * The 52-bit key of full-resolution cell `(qx, qy)` as an exact integer double.
 *
 * @example encodeMorton(1, 0) // 1; encodeMorton(0, 1) // 2; encodeMorton(1, 1) // 3
 */
export function encodeMorton(qx: number, qy: number): number {
  return mortonHigh(qx, qy) * MORTON_HIGH + mortonLow(qx, qy);
}

/**
 * How many leading bits two 52-bit keys share (52 when equal): two points stay
 * in one quadtree cell down to level `floor(sharedBits / 2)`.
 */
export function countSharedMortonBits(a: number, b: number): number {
  const aHigh = Math.floor(a / MORTON_HIGH);
  const bHigh = Math.floor(b / MORTON_HIGH);
  if (aHigh !== bHigh) return Math.clz32(aHigh ^ bHigh) - 6;
  const aLow = a - aHigh * MORTON_HIGH;
  const bLow = b - bHigh * MORTON_HIGH;
  if (aLow === bLow) return 52;
  return 26 + Math.clz32(aLow ^ bLow) - 6;
}
