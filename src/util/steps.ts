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
 * Items a path-network loop handles between two yields: a network's items (grid look-ups, hash
 * probes) cost microseconds each, ten times a station's, so they yield ten times as often.
 */
export const GRAPH_STEP = 2048;

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

/**
 * A build that runs in background slices ({@link DeferredBuild.steps}) or is finished at once
 * by the first {@link DeferredBuild.get}, whichever comes first; either carries on from where
 * the other stands, so the work is done once.
 *
 * @example
 * const tree = new DeferredBuild(() => SpatialIndex.buildSteps(lng, lat));
 * void runStepsSliced(tree.steps()); // later: tree.get() never builds twice
 */
export class DeferredBuild<T> {
  private result: { value: T } | null = null;
  private running: Steps<T> | null = null;

  /** @param start Starts the build (called at most once). */
  constructor(private readonly start: () => Steps<T>) {}

  /** The result if the build has finished, else `undefined`. */
  get built(): T | undefined {
    return this.result?.value;
  }

  /** The result, finishing the build now if it has not finished. */
  get(): T {
    return this.result ? this.result.value : runSteps(this.steps());
  }

  /** The build as steps, from where it stands (ends at once when it is done). */
  *steps(): Steps<T> {
    this.running ??= this.start();
    while (!this.result) {
      const step = this.running.next();
      if (step.done) this.result = { value: step.value };
      else yield step.value;
    }
    return this.result.value;
  }
}
