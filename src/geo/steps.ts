/**
 * Work split into steps so a million stations can be indexed without freezing
 * the page: a builder is a generator that yields now and then (the fraction of
 * its own work done, 0…1) and returns its result. The same generator runs to
 * the end in one go for the synchronous API ({@link runSteps}), or a slice at a
 * time between browser frames (see `buildStoreSliced`), so both give the very
 * same result. Pure: no DOM, runs in Node and Workers.
 */

/** A builder run in steps: yields its progress (0…1), returns its result. */
export type Steps<T> = Generator<number, T, void>;

/**
 * Items a loop handles between two yields: small enough that a slice can stop
 * within a millisecond of its deadline, large enough that yielding costs nothing.
 */
export const STEP_ITEMS = 16384;

/**
 * Runs `steps` to the end at once and returns its result.
 *
 * @example const index = runSteps(ClusterIndex.buildSteps(lng, lat));
 */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps` inside an outer builder, reporting its progress as the span
 * `[from, to]` of the outer one.
 *
 * @example const sorted = yield* runStepsWithin(sortKeysSteps(keys), 0.2, 0.6);
 */
export function* runStepsWithin<T>(steps: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield from + (to - from) * Math.min(1, Math.max(0, next.value));
  }
}
