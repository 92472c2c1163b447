/**
 * Timing helpers and the row format every bench suite prints for bench/run.mjs.
 */

/** One line of the results table. Times are milliseconds. */
export interface BenchRow {
  /** Stable key that budgets in run.mjs refer to. */
  id: string;
  operation: string;
  /** Which generated data: `cities`, `uniform`, `grid`. */
  data: string;
  n: number;
  /** Our median, or null when it could not be measured (see `note`). */
  ours: number | null;
  /** The library a user would pick instead, when there is one. */
  peer?: string;
  peerMs?: number | null;
  /** Our answers equal a brute-force scan's for every sampled query. */
  identical?: boolean;
  /** Extra measurements, e.g. heap or item counts. */
  extra?: Record<string, number | string | boolean>;
  note?: string;
}

/** Median of `values` (does not change the array). */
export function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a full garbage collection when node runs with --expose-gc, so one run's garbage does not land in the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Milliseconds `run` took, once. */
export function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Median milliseconds of `runs` runs of `run`, each after a GC. */
export function timeMedian(runs: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    times.push(timeOnce(run));
  }
  return median(times);
}

/** Progress for a person watching; stdout is reserved for the rows. */
export function logProgress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Prints the rows for run.mjs (one JSON line behind a marker). */
export function printRows(rows: readonly BenchRow[]): void {
  process.stdout.write(`@@ROWS ${JSON.stringify(rows)}\n`);
}

/** True when the suite was started with --quick. */
export const isQuick = process.argv.includes('--quick');

/**
 * The `[west, south, east, north]` a `width` × `height` px Leaflet view
 * (256 px tiles, Web Mercator) shows around `(lng, lat)` at `zoom`.
 */
export function viewBBox(lng: number, lat: number, zoom: number, width = 1280, height = 800): [number, number, number, number] {
  const world = 256 * 2 ** zoom;
  const x = ((lng + 180) / 360) * world;
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  const toLng = (px: number) => (px / world) * 360 - 180;
  const toLat = (py: number) => {
    const t = Math.PI * (1 - (2 * Math.min(world, Math.max(0, py))) / world);
    return (Math.atan(Math.sinh(t)) * 180) / Math.PI;
  };
  return [toLng(x - width / 2), toLat(y + height / 2), toLng(x + width / 2), toLat(y - height / 2)];
}
