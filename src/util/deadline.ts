/**
 * One AbortSignal for a request that either the caller or a timeout can end: the timeout then
 * bounds reading the body too, not only the wait for headers. Pure: runs in Node and Workers.
 */

/** A running deadline; see {@link startDeadline}. */
export interface Deadline {
  /** Pass this to `fetch`: it aborts on the caller's signal or when the time is up. */
  readonly signal: AbortSignal;
  /** True once the timeout, not the caller, ended the request. */
  readonly timedOut: boolean;
  /** Clears the timer and the listener on the caller's signal; call it in `finally`. */
  dispose(): void;
}

/**
 * Starts a deadline of `timeoutMs` that also follows `signal` (with its reason).
 *
 * @example
 * const deadline = startDeadline(8000, options.signal);
 * try { return await (await fetch(url, { signal: deadline.signal })).json(); }
 * catch (e) { throw deadline.timedOut ? new Error('no answer within 8 s') : e; }
 * finally { deadline.dispose(); }
 */
export function startDeadline(timeoutMs: number, signal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
}
