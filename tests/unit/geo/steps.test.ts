import { describe, expect, it } from 'vitest';
import { ClusterIndex } from '../../../src/geo/cluster/cluster-index.js';
import { sortKeys, sortKeysSteps } from '../../../src/geo/index/radix-sort.js';
import { SpatialIndex } from '../../../src/geo/index/spatial-index.js';
import { DeferredBuild, runSteps, type Steps } from '../../../src/util/steps.js';
import { createRandom, randomPoints } from './seeded-random.js';

/** Runs `steps` by hand, collecting what it yields. */
function drain<T>(steps: Steps<T>): { result: T; progress: number[] } {
  const progress: number[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, progress };
    progress.push(next.value);
  }
}

function expectSteadyProgress(progress: number[]): void {
  expect(progress.length).toBeGreaterThan(2);
  for (let i = 0; i < progress.length; i++) {
    expect(progress[i]).toBeGreaterThanOrEqual(i ? progress[i - 1]! : 0);
    expect(progress[i]).toBeLessThanOrEqual(1);
  }
}

describe('builders in steps (for time-sliced loading)', () => {
  const { lng, lat } = randomPoints(60_000, 5, [73, 18, 135, 54]);

  it('sortKeysSteps yields steady progress and sorts like sortKeys', () => {
    const random = createRandom(3);
    const keys = Float64Array.from({ length: 50_000 }, () => Math.floor(random() * 2 ** 40));
    const { result, progress } = drain(sortKeysSteps(keys, { toBit: 40 }));
    expectSteadyProgress(progress);
    const expected = sortKeys(keys, { toBit: 40 });
    expect(Array.from(result.order)).toEqual(Array.from(expected.order));
  });

  it('ClusterIndex.buildSteps gives the clusters of ClusterIndex.build', () => {
    const { result, progress } = drain(ClusterIndex.buildSteps(lng, lat));
    expectSteadyProgress(progress);
    const expected = ClusterIndex.build(lng, lat);
    for (const zoom of [3, 6, 9, 12]) {
      expect(result.getClusters([100, 20, 125, 45], zoom)).toEqual(expected.getClusters([100, 20, 125, 45], zoom));
    }
  });

  it('SpatialIndex.buildSteps answers like new SpatialIndex, and runSteps runs it to the end', () => {
    const { result, progress } = drain(SpatialIndex.buildSteps(lng, lat));
    expectSteadyProgress(progress);
    const expected = new SpatialIndex(lng, lat);
    const oneGo = runSteps(SpatialIndex.buildSteps(lng, lat));
    for (const [x, y] of [[116.4, 39.9], [121.5, 31.2], [87.6, 43.8]] as const) {
      expect(result.nearest(x, y, 15)).toEqual(expected.nearest(x, y, 15));
      expect(oneGo.nearest(x, y, 15)).toEqual(expected.nearest(x, y, 15));
    }
    expect(result.within([110, 30, 112, 32])).toEqual(expected.within([110, 30, 112, 32]));
  });
});

describe('DeferredBuild', () => {
  function* counted(log: string[]): Steps<string> {
    log.push('start');
    for (let i = 0; i < 4; i++) {
      log.push(`step ${i}`);
      yield i / 4;
    }
    return 'done';
  }

  it('builds once, whether its steps run to the end or get() finishes them midway', () => {
    const log: string[] = [];
    const build = new DeferredBuild(() => counted(log));
    expect(build.built).toBeUndefined();
    expect(log).toEqual([]); // nothing starts before it is asked for
    const steps = build.steps();
    steps.next();
    steps.next();
    expect(build.get()).toBe('done');
    expect(build.built).toBe('done');
    expect(steps.next()).toEqual({ done: true, value: 'done' });
    expect(build.steps().next()).toEqual({ done: true, value: 'done' });
    expect(log).toEqual(['start', 'step 0', 'step 1', 'step 2', 'step 3']);
  });
});
