/**
 * Coverage statistics of a grid: the covered share of an area and the best
 * places for new stations, greedily, each judged by how much still-uncovered
 * area its circle would take in.
 */
import type { CoverageStats, CoverageGap, Network, TravelMode } from '../../types.js';
import { computeCoverageGrid, type CoverageAccept, type CoverageGrid, type CoverageGridOptions, type CoverageStations } from './coverage-grid.js';
import { bboxOfRings, maskCells, readAreaRings, type CoverageArea } from './coverage-mask.js';
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { EARTH_RADIUS_METERS } from '../sphere/haversine.js';
import type { BBox } from '../index/spatial-index.js';
import { speedFor } from '../route/speeds.js';

const RAD = Math.PI / 180;

/** Options of {@link computeCoverageStats}. */
export interface CoverageStatsOptions {
  /** A cell is covered when its travel time is at most this; default 15. */
  minutes?: number;
  /** Reported back in the result; default `walking`. */
  mode?: TravelMode;
  /** Count only cells whose centre is inside this polygon; default the whole grid. */
  area?: CoverageArea;
  /** How many new-station suggestions; default 3. */
  gapCount?: number;
}

/** Options of {@link coverageStats}. */
export interface CoverageOfStationsOptions extends CoverageStatsOptions {
  /** The box to measure when there is no `area`, `[west, south, east, north]` WGS-84. */
  bbox?: BBox;
  /** Speeds in m/s overriding `DEFAULT_SPEEDS` for `mode`. */
  speeds?: Partial<Record<TravelMode, number>>;
  /** Follow this path network instead of straight lines. */
  network?: Network;
  /** See {@link CoverageGridOptions.fillNetwork}: required with `network`. */
  fillNetwork?: CoverageGridOptions['fillNetwork'];
  /** Only these stations count. */
  accept?: CoverageAccept;
  /** Grid cells along the longer side of the area; default 256 (finer is slower and closer). */
  cellsAcross?: number;
  /** See {@link CoverageGridOptions.maxSnapMeters}. */
  maxSnapMeters?: number;
}

/**
 * Coverage of an area (a polygon such as a district boundary, or a box) by
 * the `minutes` service circle around `stations`: the grid and its
 * statistics in one call.
 *
 * @example
 * const stats = coverageStats(store, { area: district, minutes: 15, mode: 'walking' });
 * `${Math.round(stats.coveredShare * 100)} % covered; a station at ${stats.gaps[0].lng},${stats.gaps[0].lat} adds ${stats.gaps[0].gainKm2.toFixed(1)} km²`
 */
export function coverageStats(stations: CoverageStations, options: CoverageOfStationsOptions): CoverageStats {
  const bbox = options.area ? bboxOfRings(readAreaRings(options.area)) : options.bbox;
  if (!bbox) throw new RangeError('coverageStats needs an area with a non-empty extent or a bbox');
  const mode = options.mode ?? 'walking';
  const speed = speedFor(mode, options.speeds);
  const minutes = options.minutes !== undefined && options.minutes > 0 ? options.minutes : 15;
  const grid = computeCoverageGrid(stations, {
    bbox,
    cellsAcross: options.cellsAcross ?? 256,
    speedMetersPerSecond: speed,
    maxMinutes: minutes,
    accept: options.accept,
    network: options.network,
    fillNetwork: options.fillNetwork,
    maxSnapMeters: options.maxSnapMeters,
  });
  return computeCoverageStats(grid, { ...options, minutes, mode });
}

/**
 * The covered share of the grid (or of `options.area` within it) and up to
 * `gapCount` points where a new station would cover the most uncovered area.
 *
 * Areas are exact on the sphere per cell (a cell's area shrinks with the
 * cosine of its latitude); a cell counts whole when its centre qualifies, so
 * the figures converge as cells get finer. A suggestion's gain is its
 * straight-line circle at the grid's speed, also on network grids, where the
 * real gain along paths can be smaller.
 *
 * @example
 * const stats = computeCoverageStats(grid, { minutes: 15, area: district });
 * stats.coveredShare // 0.83
 * stats.gaps[0] // { lng: 117.08, lat: 36.21, gainKm2: 2.9 }
 */
export function computeCoverageStats(grid: CoverageGrid, options: CoverageStatsOptions = {}): CoverageStats {
  const minutes = options.minutes !== undefined && options.minutes > 0 ? options.minutes : 15;
  const { columns, rows } = grid;
  const [west, south, east, north] = grid.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const mask = options.area ? maskCells(grid, readAreaRings(options.area)) : null;
  const rowArea = new Float64Array(rows);
  const kmSquared = (EARTH_RADIUS_METERS / 1000) ** 2;
  for (let row = 0; row < rows; row++) {
    const lower = (south + row * cellLat) * RAD;
    rowArea[row] = kmSquared * cellLng * RAD * (Math.sin(lower + cellLat * RAD) - Math.sin(lower));
  }
  // Uncovered area per cell, the weight a new station can win.
  const open = new Float64Array(columns * rows);
  let areaKm2 = 0;
  let coveredKm2 = 0;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      if (mask && !mask[cell]) continue;
      areaKm2 += rowArea[row];
      if (grid.minutes[cell] <= minutes) coveredKm2 += rowArea[row];
      else open[cell] = rowArea[row];
    }
  }
  const radiusMeters = minutes * 60 * grid.speedMetersPerSecond;
  const gaps = findGaps(grid, open, mask, radiusMeters, Math.max(0, Math.floor(options.gapCount ?? 3)));
  return {
    minutes,
    mode: options.mode ?? 'walking',
    coveredShare: areaKm2 > 0 ? coveredKm2 / areaKm2 : 0,
    areaKm2,
    coveredKm2,
    gaps,
  };
}

/**
 * Greedy maximum coverage: the cell whose circle holds the most open area,
 * then the same again with that circle closed. Row prefix sums make a
 * circle's sum one subtraction per row it spans.
 */
function findGaps(
  grid: CoverageGrid,
  open: Float64Array,
  mask: Uint8Array | null,
  radiusMeters: number,
  count: number,
): CoverageGap[] {
  const { columns, rows } = grid;
  const [west, south, east, north] = grid.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const cellHeight = cellLat * METERS_PER_DEGREE;
  const cellWidth = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    cellWidth[row] = cellLng * METERS_PER_DEGREE * Math.cos((south + (row + 0.5) * cellLat) * RAD);
  }
  const stride = columns + 1;
  const prefix = new Float64Array(rows * stride);
  const sumRow = (row: number) => {
    let total = 0;
    for (let column = 0; column < columns; column++) {
      total += open[row * columns + column];
      prefix[row * stride + column + 1] = total;
    }
  };
  for (let row = 0; row < rows; row++) sumRow(row);
  const reachRows = Math.floor(radiusMeters / cellHeight);

  // Half-width, in columns, of the circle on the row `dRow` away, per target row.
  const reachColumns = (row: number, dRow: number) => {
    const dy = dRow * cellHeight;
    return Math.sqrt(Math.max(0, radiusMeters * radiusMeters - dy * dy)) / cellWidth[row + dRow];
  };
  const gainAt = (column: number, row: number) => {
    let gain = 0;
    for (let dRow = Math.max(-reachRows, -row); dRow <= Math.min(reachRows, rows - 1 - row); dRow++) {
      const reach = reachColumns(row, dRow);
      const first = Math.max(0, Math.ceil(column - reach));
      const last = Math.min(columns - 1, Math.floor(column + reach));
      if (first <= last) gain += prefix[(row + dRow) * stride + last + 1] - prefix[(row + dRow) * stride + first];
    }
    return gain;
  };
  // Coarse to fine: every `step`-th cell first (about 64 × 64 of them), then every cell
  // around the best. A circle's gain changes little over a few cells, and this keeps
  // a fine grid's search from growing with the square of its size.
  const step = Math.max(1, Math.ceil(Math.sqrt((columns * rows) / 4096)));
  const gaps: CoverageGap[] = [];
  for (let g = 0; g < count; g++) {
    let best = 0;
    let bestCell = -1;
    let looked = 0;
    const consider = (column: number, row: number) => {
      if (mask && !mask[row * columns + column]) return;
      looked++;
      const gain = gainAt(column, row);
      if (gain > best * (1 + 1e-12)) {
        best = gain;
        bestCell = row * columns + column;
      }
    };
    const offset = step >> 1;
    for (let row = offset; row < rows; row += step) for (let column = offset; column < columns; column += step) consider(column, row);
    // A thin area can slip between the coarse cells: then look at all of it.
    if (step > 1 && looked === 0) {
      for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) consider(column, row);
    } else if (step > 1 && bestCell >= 0) {
      const centreRow = Math.floor(bestCell / columns);
      const centreColumn = bestCell % columns;
      for (let row = Math.max(0, centreRow - step); row <= Math.min(rows - 1, centreRow + step); row++) {
        for (let column = Math.max(0, centreColumn - step); column <= Math.min(columns - 1, centreColumn + step); column++) {
          consider(column, row);
        }
      }
    }
    if (bestCell < 0 || best <= 1e-12) break;
    const row = Math.floor(bestCell / columns);
    const column = bestCell % columns;
    gaps.push({ lng: west + (column + 0.5) * cellLng, lat: south + (row + 0.5) * cellLat, gainKm2: best });
    for (let dRow = Math.max(-reachRows, -row); dRow <= Math.min(reachRows, rows - 1 - row); dRow++) {
      const reach = reachColumns(row, dRow);
      const first = Math.max(0, Math.ceil(column - reach));
      const last = Math.min(columns - 1, Math.floor(column + reach));
      for (let c = first; c <= last; c++) open[(row + dRow) * columns + c] = 0;
      sumRow(row + dRow);
    }
  }
  return gaps;
}
