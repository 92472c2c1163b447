/**
 * The N-minute boundary of a coverage grid as lines (marching squares over
 * cell centres, with the crossing interpolated along each square side), so
 * the map can draw the service circle's edge as one clear stroke.
 */
import type { LngLat } from '../../types.js';
import type { CoverageGrid } from './coverage-grid.js';

// Square corners: bit 1 south-west, 2 south-east, 4 north-east, 8 north-west (set when covered).
// Sides: 0 south, 1 east, 2 north, 3 west. Each case lists the side its segment leaves
// from and the side it goes to, keeping the covered corners on the left, so segments of
// neighbouring squares chain head to tail.
const SEGMENTS: ReadonlyArray<readonly number[]> = [
  [], [0, 3], [1, 0], [1, 3], [2, 1], [], [2, 0], [2, 3],
  [3, 2], [0, 2], [], [1, 2], [3, 1], [0, 1], [3, 0], [],
];

/**
 * Lines along which the travel time crosses `minutes`, in WGS-84 `[lng, lat]`.
 * A line that closes on itself repeats its first position at the end; a
 * line that runs into the grid's edge stops half a cell inside it. The
 * covered side lies to the left when walking a line.
 *
 * @example traceCoverageBoundary(grid, 15) // [[[117.01, 36.2], [117.011, 36.201], …], …]
 */
export function traceCoverageBoundary(grid: CoverageGrid, minutes: number): LngLat[][] {
  const { columns, rows } = grid;
  if (columns < 2 || rows < 2) return [];
  const [west, south, east, north] = grid.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  // Beyond the grid's range a time is unknown but large: interpolate as twice the range.
  const far = Math.max(grid.maxMinutes, minutes) * 2;
  const value = (column: number, row: number) => {
    const v = grid.minutes[row * columns + column];
    return v === Infinity || v !== v ? far : v;
  };
  // A crossing point is named by the square side it lies on: 2 × (cell) for the side
  // east of the cell centre, 2 × (cell) + 1 for the side north of it.
  const points = new Map<number, LngLat>();
  const pointOn = (key: number): LngLat => {
    let point = points.get(key);
    if (point) return point;
    const cell = key >> 1;
    const column = cell % columns;
    const row = (cell - column) / columns;
    const a = value(column, row);
    const b = key & 1 ? value(column, row + 1) : value(column + 1, row);
    const t = a === b ? 0.5 : Math.min(1, Math.max(0, (minutes - a) / (b - a)));
    const x = column + 0.5 + (key & 1 ? 0 : t);
    const y = row + 0.5 + (key & 1 ? t : 0);
    point = [west + x * cellLng, south + y * cellLat];
    points.set(key, point);
    return point;
  };
  const sideKey = (column: number, row: number, side: number) =>
    side === 0
      ? 2 * (row * columns + column)
      : side === 1
        ? 2 * (row * columns + column + 1) + 1
        : side === 2
          ? 2 * ((row + 1) * columns + column)
          : 2 * (row * columns + column) + 1;

  // Each crossing point joins at most two squares' segments: link them both ways.
  const next = new Map<number, number>();
  const previous = new Map<number, number>();
  const link = (column: number, row: number, from: number, to: number) => {
    const a = sideKey(column, row, from);
    const b = sideKey(column, row, to);
    next.set(a, b);
    previous.set(b, a);
  };
  for (let row = 0; row < rows - 1; row++) {
    for (let column = 0; column < columns - 1; column++) {
      const sw = value(column, row) <= minutes ? 1 : 0;
      const se = value(column + 1, row) <= minutes ? 2 : 0;
      const ne = value(column + 1, row + 1) <= minutes ? 4 : 0;
      const nw = value(column, row + 1) <= minutes ? 8 : 0;
      const code = sw | se | ne | nw;
      if (code === 0 || code === 15) continue;
      if (code === 5 || code === 10) {
        // Saddle: the mean of the corners decides whether the covered corners join.
        const centre = (value(column, row) + value(column + 1, row) + value(column + 1, row + 1) + value(column, row + 1)) / 4;
        const joined = centre <= minutes;
        if (code === 5) {
          if (joined) {
            link(column, row, 0, 1);
            link(column, row, 2, 3);
          } else {
            link(column, row, 0, 3);
            link(column, row, 2, 1);
          }
        } else if (joined) {
          link(column, row, 3, 0);
          link(column, row, 1, 2);
        } else {
          link(column, row, 1, 0);
          link(column, row, 3, 2);
        }
        continue;
      }
      const [from, to] = SEGMENTS[code];
      link(column, row, from, to);
    }
  }

  const lines: LngLat[][] = [];
  const walk = (start: number) => {
    const line: LngLat[] = [pointOn(start)];
    let key = start;
    for (;;) {
      const to = next.get(key);
      if (to === undefined) break;
      next.delete(key);
      line.push(pointOn(to));
      key = to;
      if (key === start) break;
    }
    if (line.length >= 2) lines.push(line);
  };
  // Open lines first, from the end no segment leads into, then the closed ones.
  for (const key of [...next.keys()]) if (next.has(key) && !previous.has(key)) walk(key);
  for (const key of [...next.keys()]) if (next.has(key)) walk(key);
  return lines;
}
