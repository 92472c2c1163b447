/**
 * Measuring helpers shared by the bench pages.
 */

/** Resolves right after the next frame has been painted (a task queued from its rAF). */
export function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves once `test()` holds, checked now and then every frame; rejects after `timeoutMs`. */
export async function waitFor(test, timeoutMs = 120_000) {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for the render');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** JS heap in use after a full GC (the browser runs with --expose-gc and precise memory info). */
export function usedHeapMB() {
  globalThis.gc?.();
  return performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : NaN;
}

/** Starts recording long tasks; `stop()` gives their count and the longest. */
export function startLongTaskLog() {
  const durations = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return { longTasks: durations.length, longestTaskMs: durations.length ? Math.max(...durations) : 0 };
    },
  };
}
