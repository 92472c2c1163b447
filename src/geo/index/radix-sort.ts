/**
 * LSD radix sort of integer keys held in a Float64Array. Sorting a million
 * Morton keys this way takes tens of milliseconds; a comparator sort of an
 * index array takes ten times that and allocates. It runs in steps
 * ({@link sortKeysSteps}) so a page can sort a million keys between frames.
 */
import { STEP_ITEMS, runSteps, type Steps } from '../../util/steps.js';

/** Keys in ascending order and, for each, its position in the input. */
export interface SortedKeys {
  /** `order[i]` is the input position of the i-th key; equal keys keep input order. */
  order: Uint32Array;
  /** The keys in that order. */
  keys: Float64Array;
}

/** Options of {@link sortKeys}. */
export interface SortKeysOptions {
  /** Lowest bit that decides the order (default 0); keys equal above it keep input order. */
  fromBit?: number;
  /** One past the highest bit of any key (default 53). */
  toBit?: number;
}

// Digits up to 11 bits keep the 2 × 2048 scatter targets of a pass in L2
// cache; 13- or 16-bit digits save a pass but are slower on phones and laptops.
const MAX_DIGIT_BITS = 11;

/**
 * Sorts non-negative integer keys (`< 2 ** 53`) stably by their bits
 * `[fromBit, toBit)`. Passes whose digit is the same for every key (points in
 * one country share their top bits) are skipped. The input is not changed.
 *
 * @example sortKeys(Float64Array.of(5, 1, 3)).order // Uint32Array [1, 2, 0]
 */
export function sortKeys(input: Float64Array, options: SortKeysOptions = {}): SortedKeys {
  return runSteps(sortKeysSteps(input, options));
}

/**
 * {@link sortKeys} in steps: yields its progress (0…1) every few thousand keys.
 *
 * @example const { order } = runSteps(sortKeysSteps(keys, { toBit: 52 }));
 */
export function* sortKeysSteps(input: Float64Array, options: SortKeysOptions = {}): Steps<SortedKeys> {
  const n = input.length;
  const fromBit = Math.max(0, options.fromBit ?? 0);
  const toBit = Math.min(53, options.toBit ?? 53);
  const bits = Math.max(0, toBit - fromBit);
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const digitBits = passes > 0 ? Math.ceil(bits / passes) : 0;
  const buckets = 1 << digitBits;
  const mask = buckets - 1;

  // All histograms in one read of the keys.
  const counts = new Uint32Array(passes * buckets);
  const scales = new Float64Array(passes);
  for (let p = 0; p < passes; p++) scales[p] = 2 ** -(fromBit + p * digitBits);
  // Work units for progress: one read for the histograms, one per pass.
  const units = (passes + 1) * n || 1;
  for (let start = 0; start < n; start += STEP_ITEMS) {
    const end = Math.min(n, start + STEP_ITEMS);
    countDigits(input, start, end, counts, scales, passes, mask);
    yield end / units;
  }

  // The first pass reads the input in place (position i is key i): no identity order, no copy.
  let order: Uint32Array | null = null;
  let keys = input;
  let spareOrder: Uint32Array | null = null;
  let spareKeys: Float64Array | null = null;
  for (let p = 0; p < passes; p++) {
    const base = p * buckets;
    let sum = 0;
    let trivial = false;
    for (let b = 0; b < buckets; b++) {
      const c = counts[base + b];
      if (c === n) trivial = true;
      counts[base + b] = sum;
      sum += c;
    }
    if (trivial) continue;
    const nextOrder: Uint32Array = spareOrder ?? new Uint32Array(n);
    const nextKeys: Float64Array = spareKeys ?? new Float64Array(n);
    const offsets = counts.subarray(base, base + buckets);
    for (let start = 0; start < n; start += STEP_ITEMS) {
      const end = Math.min(n, start + STEP_ITEMS);
      scatter(keys, order, start, end, offsets, scales[p], mask, nextKeys, nextOrder);
      yield ((p + 1) * n + end) / units;
    }
    // The arrays just read become the next pass's targets (never the caller's input).
    spareOrder = order;
    spareKeys = order ? keys : null;
    order = nextOrder;
    keys = nextKeys;
  }
  if (!order) {
    // Every pass was trivial: all keys share the sorted bits, and the input order stands.
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    keys = input.slice();
  }
  return { order, keys };
}

// The loops are functions of their own so V8 optimizes each at once with its own type feedback
// (see cluster-index.ts): inline in the generator, they ran at interpreter speed on a cold start.

/** Adds the digits of keys `[start, end)` to every pass's histogram (`counts`: one run of buckets per pass). */
function countDigits(
  input: Float64Array,
  start: number,
  end: number,
  counts: Uint32Array,
  scales: Float64Array,
  passes: number,
  mask: number,
): void {
  const buckets = mask + 1;
  for (let i = start; i < end; i++) {
    const key = input[i]!;
    // `& mask` takes the integer modulo 2^32 first, which keeps the low digit exact.
    for (let p = 0; p < passes; p++) counts[p * buckets + (Math.floor(key * scales[p]!) & mask)]!++;
  }
}

/** One pass over keys `[start, end)`: each goes to the next free slot of its digit's bucket (`order` null: key i is input i). */
function scatter(
  keys: Float64Array,
  order: Uint32Array | null,
  start: number,
  end: number,
  offsets: Uint32Array,
  scale: number,
  mask: number,
  nextKeys: Float64Array,
  nextOrder: Uint32Array,
): void {
  for (let i = start; i < end; i++) {
    const key = keys[i]!;
    const slot = offsets[Math.floor(key * scale) & mask]!++;
    nextOrder[slot] = order ? order[i]! : i;
    nextKeys[slot] = key;
  }
}
