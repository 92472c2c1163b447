/**
 * The service-circle grid: travel minutes from every cell of a view to the
 * nearest station, the raster behind the coverage layer and its statistics.
 * Pure and allocation-light (typed arrays in, typed arrays out), so the same
 * call runs on the main thread or in a Worker.
 */
import type { Network } from '../../types.js';
import { runSteps, runStepsWithin, type Steps } from '../../util/steps.js';
import type { fillNetworkMinutesSteps } from './coverage-network.js';
import { METERS_PER_DEGREE } from '../sphere/great-circle.js';
import { haversineMeters } from '../sphere/haversine.js';
import type { BBox } from '../index/spatial-index.js';
import type { CoverageStations, GridGeometry } from './grid-geometry.js';

export type { CoverageStations, GridGeometry } from './grid-geometry.js';

const RAD = Math.PI / 180;

/** Which stations count: a predicate, or a mask (non-zero keeps) that can cross into a Worker. */
export type CoverageAccept = ((index: number) => boolean) | Uint8Array;

/**
 * Travel minutes per grid cell. Cells are equal steps of longitude and
 * latitude over `bbox`, stored row by row from the south-west corner:
 * cell `(column, row)` is `minutes[row * columns + column]`, its centre at
 * `west + (column + 0.5) * (east - west) / columns`, `south + (row + 0.5) * (north - south) / rows`.
 */
export interface CoverageGrid {
  /** `[west, south, east, north]`, the outer edges of the cells, WGS-84. */
  readonly bbox: BBox;
  readonly columns: number;
  readonly rows: number;
  /** Minutes from each cell centre to the nearest station; `Infinity` beyond `maxMinutes`. */
  readonly minutes: Float32Array;
  /** Travel speed the minutes were computed with, metres per second. */
  readonly speedMetersPerSecond: number;
  /** Cells farther than this are `Infinity`. */
  readonly maxMinutes: number;
  /** `'network'` when distances followed a path network, else `'straight'` (great circle). */
  readonly kind: 'straight' | 'network';
}

/** Options of {@link computeCoverageGrid}. */
export interface CoverageGridOptions {
  /** The area to cover, `[west, south, east, north]` WGS-84 (west < east). */
  bbox: BBox;
  /** Cells along the longer side of `bbox`; default 128. Cells are about square on the ground. */
  cellsAcross?: number;
  /** Travel speed in metres per second; default walking, 4.5 km/h. */
  speedMetersPerSecond?: number;
  /** Minutes beyond which a cell is `Infinity`, which also bounds the work; default 30. */
  maxMinutes?: number;
  /** Only these stations count; default all. */
  accept?: CoverageAccept;
  /**
   * A path network: distances then follow it (multi-source shortest paths from every station), so a
   * river without a bridge separates. A station farther than `maxSnapMeters` from the network still
   * covers the straight-line circle around it.
   */
  network?: Network;
  /**
   * The network fill, `fillNetworkMinutesSteps` (coverage-network.ts), required with `network`. It is
   * passed in, not imported, so the element's coverage layer does not carry the routing code: the
   * element passes the one of its loaded network module, which built the graph (`station-map/core`
   * passes it for you). Without it the grid is straight-line (`kind: 'straight'`).
   */
  fillNetwork?: typeof fillNetworkMinutesSteps;
  /** How far a station may be from the network and still join it, metres; default 500. */
  maxSnapMeters?: number;
}

const DEFAULT_CELLS_ACROSS = 128;
const DEFAULT_SPEED = 4.5 / 3.6;
const DEFAULT_MAX_MINUTES = 30;
/** Propagation visits each cell about this many times (4 sweeps × up to 4 neighbours, then 8 neighbours' stations). */
const PROPAGATION_COST_PER_CELL = 30;
/** Cells (or stations) a loop handles between two yields of the steps: well under a millisecond. */
const CELL_STEP = 4096;

/**
 * Chooses the cells for `bbox`: `cellsAcross` along its longer side on the
 * ground, and as many along the other side as keep cells about square.
 *
 * @example createGridGeometry([117, 36, 117.2, 36.1], 128) // → { columns: 128, rows: 80, … }
 */
export function createGridGeometry(bbox: BBox, cellsAcross = DEFAULT_CELLS_ACROSS): GridGeometry {
  const [west, south, east, north] = bbox;
  if (![west, south, east, north].every(Number.isFinite) || !(east > west) || !(north > south)) {
    throw new RangeError(`coverage bbox must be [west, south, east, north] with west < east and south < north`);
  }
  const across = Math.max(1, Math.floor(cellsAcross));
  // Sides in degrees of latitude, so both are on the same ground scale.
  const width = (east - west) * Math.cos(((south + north) / 2) * RAD);
  const height = north - south;
  const cell = Math.max(width, height) / across;
  return {
    bbox: [west, south, east, north],
    columns: Math.max(1, Math.round(width / cell)),
    rows: Math.max(1, Math.round(height / cell)),
  };
}

/**
 * Travel minutes from each cell of a grid over `options.bbox` to the nearest
 * station, straight-line (great circle) or along `options.network`.
 *
 * Only stations within `maxMinutes` of the box are looked at. Sparse views are
 * exact: each station stamps the cells of its circle. Dense ones, where that
 * would stamp the same cells thousands of times, propagate the nearest station
 * from cell to cell instead (a vector distance transform): the work is then a
 * few passes over the cells whatever the number of stations, and a cell may
 * get a station up to about one cell farther than the true nearest.
 *
 * @example
 * const grid = computeCoverageGrid(store, { bbox: [116.9, 36.1, 117.3, 36.3], speedMetersPerSecond: 1.25 });
 * grid.minutes[0] // minutes from the south-west cell to its nearest station
 */
export function computeCoverageGrid(stations: CoverageStations, options: CoverageGridOptions): CoverageGrid {
  return runSteps(computeCoverageGridSteps(stations, options));
}

/**
 * {@link computeCoverageGrid} as steps (see `util/steps.ts`): the element's coverage layer computes
 * its grid between frames with them, so a redraw over a dense view or a large network never takes
 * one long task; a newer redraw abandons the old steps.
 *
 * @example const grid = await runStepsSliced(computeCoverageGridSteps(store, { bbox }), { signal });
 */
export function* computeCoverageGridSteps(stations: CoverageStations, options: CoverageGridOptions): Steps<CoverageGrid> {
  const geometry = createGridGeometry(options.bbox, options.cellsAcross);
  const speed = positiveOr(options.speedMetersPerSecond, DEFAULT_SPEED);
  const maxMinutes = positiveOr(options.maxMinutes, DEFAULT_MAX_MINUTES);
  const maxMeters = maxMinutes * 60 * speed;
  const candidates = selectCandidates(stations, geometry.bbox, maxMeters, options.accept);
  const meters = new Float64Array(geometry.columns * geometry.rows).fill(Infinity);
  const network = options.fillNetwork ? options.network : undefined;
  if (network) {
    yield* runStepsWithin(
      options.fillNetwork!(meters, geometry, stations, candidates, {
        network,
        maxMeters,
        maxSnapMeters: positiveOr(options.maxSnapMeters, 500),
        fillStraight: (subset) => fillStraightMetersSteps(meters, geometry, stations, subset, maxMeters),
      }),
      0,
      0.95,
    );
  } else {
    yield* runStepsWithin(fillStraightMetersSteps(meters, geometry, stations, candidates, maxMeters), 0, 0.95);
  }
  const minutes = new Float32Array(meters.length);
  const perMinute = 60 * speed;
  for (let i = 0; i < meters.length; i++) minutes[i] = meters[i] <= maxMeters ? meters[i] / perMinute : Infinity;
  return { ...geometry, minutes, speedMetersPerSecond: speed, maxMinutes, kind: network ? 'network' : 'straight' };
}

/** `[lng, lat]` of the centre of cell `(column, row)`. */
export function cellCenter(grid: GridGeometry, column: number, row: number): [number, number] {
  const [west, south, east, north] = grid.bbox;
  return [west + ((column + 0.5) * (east - west)) / grid.columns, south + ((row + 0.5) * (north - south)) / grid.rows];
}

/**
 * Indices of the accepted stations within `maxMeters` of the box: a plain
 * scan of the columns is under a millisecond at 100k and needs no index.
 */
function selectCandidates(
  stations: CoverageStations,
  bbox: BBox,
  maxMeters: number,
  accept: CoverageAccept | undefined,
): Int32Array {
  const [west, south, east, north] = bbox;
  const padLat = maxMeters / METERS_PER_DEGREE;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(south), Math.abs(north)) + padLat);
  const padLng = padLat / Math.cos(maxAbsLat * RAD);
  const w = west - padLng;
  const e = east + padLng;
  const s = south - padLat;
  const n = north + padLat;
  const { lng, lat } = stations;
  const count = Math.min(lng.length, lat.length);
  const found = new Int32Array(count);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const x = lng[i];
    const y = lat[i];
    if (!(x >= w && x <= e && y >= s && y <= n)) continue;
    if (accept !== undefined && !(typeof accept === 'function' ? accept(i) : accept[i])) continue;
    found[size++] = i;
  }
  return found.subarray(0, size);
}

/**
 * Lowers `meters[cell]` to the great-circle distance to the nearest of
 * `candidates` where that is within `maxMeters`, as steps.
 */
export function* fillStraightMetersSteps(
  meters: Float64Array,
  geometry: GridGeometry,
  stations: CoverageStations,
  candidates: Int32Array,
  maxMeters: number,
): Steps<void> {
  if (candidates.length === 0) return;
  const { columns, rows } = geometry;
  const [west, south, east, north] = geometry.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const cellHeight = cellLat * METERS_PER_DEGREE;
  const midCos = Math.cos(((south + north) / 2) * RAD);
  const cellWidth = cellLng * METERS_PER_DEGREE * midCos;
  // Cells a circle stamps, against a few passes over all cells.
  const stampCost = candidates.length * (Math.PI * (maxMeters / cellWidth + 1) * (maxMeters / cellHeight + 1));
  const nearest = yield* runStepsWithin(
    stampCost <= columns * rows * PROPAGATION_COST_PER_CELL
      ? stampCirclesSteps(geometry, stations, candidates, maxMeters)
      : propagateNearestSteps(geometry, stations, candidates),
    0,
    0.9,
  );
  // One exact great-circle distance per cell, so both paths report the same figure.
  for (let row = 0; row < rows; row++) {
    if (row % rowsPerStep(columns) === 0) yield 0.9 + (0.1 * row) / rows;
    const lat = south + (row + 0.5) * cellLat;
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      const station = nearest[cell];
      if (station < 0) continue;
      const d = haversineMeters(west + (column + 0.5) * cellLng, lat, stations.lng[station], stations.lat[station]);
      if (d < meters[cell]) meters[cell] = d;
    }
  }
}

/**
 * Exact nearest station per cell for sparse views: each station visits the
 * cells of its `maxMeters` circle, measured on the local plane (within a
 * fraction of a percent of the great circle at these distances).
 */
function* stampCirclesSteps(
  geometry: GridGeometry,
  stations: CoverageStations,
  candidates: Int32Array,
  maxMeters: number,
): Steps<Int32Array> {
  const { columns, rows } = geometry;
  const [west, south, east, north] = geometry.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const best = new Float64Array(columns * rows).fill(maxMeters * maxMeters * 1.0001);
  const nearest = new Int32Array(columns * rows).fill(-1);
  const rowKx = new Float64Array(rows);
  for (let row = 0; row < rows; row++) rowKx[row] = METERS_PER_DEGREE * Math.cos((south + (row + 0.5) * cellLat) * RAD);
  const ky = METERS_PER_DEGREE;
  const reachLat = maxMeters / ky;
  // Stations between two yields, by the cells each circle visits.
  const cellWidth = cellLng * METERS_PER_DEGREE * Math.cos(((south + north) / 2) * RAD);
  const cellsEach = Math.min(columns * rows, Math.PI * (maxMeters / cellWidth + 1) * (reachLat / cellLat + 1));
  const perStep = Math.max(1, Math.floor(CELL_STEP / cellsEach));
  for (let k = 0; k < candidates.length; k++) {
    if (k % perStep === perStep - 1) yield k / candidates.length;
    const station = candidates[k];
    const x = stations.lng[station];
    const y = stations.lat[station];
    const rowFrom = Math.max(0, Math.ceil((y - reachLat - south) / cellLat - 0.5));
    const rowTo = Math.min(rows - 1, Math.floor((y + reachLat - south) / cellLat - 0.5));
    for (let row = rowFrom; row <= rowTo; row++) {
      const dy = (south + (row + 0.5) * cellLat - y) * ky;
      const reachSquared = maxMeters * maxMeters - dy * dy;
      if (reachSquared < 0) continue;
      const kx = rowKx[row];
      const reachLng = Math.sqrt(reachSquared) / kx;
      const colFrom = Math.max(0, Math.ceil((x - reachLng - west) / cellLng - 0.5));
      const colTo = Math.min(columns - 1, Math.floor((x + reachLng - west) / cellLng - 0.5));
      const dy2 = dy * dy;
      const base = row * columns;
      for (let column = colFrom; column <= colTo; column++) {
        const dx = (west + (column + 0.5) * cellLng - x) * kx;
        const d = dx * dx + dy2;
        if (d < best[base + column]) {
          best[base + column] = d;
          nearest[base + column] = station;
        }
      }
    }
  }
  return nearest;
}

/**
 * Nearest station per cell for dense views, by propagating station ids from
 * neighbour to neighbour in four sweeps (a vector distance transform, as in
 * 8SSEDT) and keeping whichever is closer to the cell centre, then checking
 * the stations of the eight neighbouring cells.
 */
function* propagateNearestSteps(geometry: GridGeometry, stations: CoverageStations, candidates: Int32Array): Steps<Int32Array> {
  const { columns, rows } = geometry;
  const [west, south, east, north] = geometry.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const nearest = new Int32Array(columns * rows).fill(-1);
  const best = new Float64Array(columns * rows).fill(Infinity);
  const rowKx = new Float64Array(rows);
  for (let row = 0; row < rows; row++) rowKx[row] = METERS_PER_DEGREE * Math.cos((south + (row + 0.5) * cellLat) * RAD);
  const ky = METERS_PER_DEGREE;
  const { lng, lat } = stations;

  const offer = (cell: number, column: number, row: number, station: number) => {
    const dx = (west + (column + 0.5) * cellLng - lng[station]) * rowKx[row];
    const dy = (south + (row + 0.5) * cellLat - lat[station]) * ky;
    const d = dx * dx + dy * dy;
    if (d < best[cell]) {
      best[cell] = d;
      nearest[cell] = station;
    }
  };
  // Stations by cell (those in the margin beyond the box go to the edge cell nearest
  // them), as a flat bucket list: each cell starts with the best of its own.
  const cellCount = columns * rows;
  const bucketStart = new Int32Array(cellCount + 1);
  const cellOf = new Int32Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const station = candidates[k];
    const column = clamp(Math.floor((lng[station] - west) / cellLng), 0, columns - 1);
    const row = clamp(Math.floor((lat[station] - south) / cellLat), 0, rows - 1);
    cellOf[k] = row * columns + column;
    bucketStart[cellOf[k] + 1]++;
  }
  for (let cell = 0; cell < cellCount; cell++) bucketStart[cell + 1] += bucketStart[cell];
  const fill = bucketStart.slice(0, cellCount);
  const bucket = new Int32Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) bucket[fill[cellOf[k]]++] = candidates[k];
  const offerBucket = (cell: number, column: number, row: number, fromColumn: number, fromRow: number) => {
    if (fromColumn < 0 || fromColumn >= columns || fromRow < 0 || fromRow >= rows) return;
    const from = fromRow * columns + fromColumn;
    for (let i = bucketStart[from]; i < bucketStart[from + 1]; i++) offer(cell, column, row, bucket[i]);
  };
  const step = rowsPerStep(columns * 8);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) offerBucket(row * columns + column, column, row, column, row);
  }
  yield 0.1;
  const pull = (cell: number, column: number, row: number, fromColumn: number, fromRow: number) => {
    if (fromColumn < 0 || fromColumn >= columns || fromRow < 0 || fromRow >= rows) return;
    const station = nearest[fromRow * columns + fromColumn];
    if (station >= 0) offer(cell, column, row, station);
  };
  for (let row = 0; row < rows; row++) {
    if (row % step === 0) yield 0.1 + (0.3 * row) / rows;
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      pull(cell, column, row, column - 1, row);
      pull(cell, column, row, column - 1, row - 1);
      pull(cell, column, row, column, row - 1);
      pull(cell, column, row, column + 1, row - 1);
    }
    for (let column = columns - 1; column >= 0; column--) pull(row * columns + column, column, row, column + 1, row);
  }
  for (let row = rows - 1; row >= 0; row--) {
    if (row % step === 0) yield 0.4 + (0.3 * (rows - row)) / rows;
    for (let column = columns - 1; column >= 0; column--) {
      const cell = row * columns + column;
      pull(cell, column, row, column + 1, row);
      pull(cell, column, row, column + 1, row + 1);
      pull(cell, column, row, column, row + 1);
      pull(cell, column, row, column - 1, row + 1);
    }
    for (let column = 0; column < columns; column++) pull(row * columns + column, column, row, column - 1, row);
  }
  // Only one station per cell travels, so a cell also checks every station of its
  // neighbours: the nearest is then missed only where it lies two cells or more away
  // and lost out to a cell-mate on the way.
  for (let row = 0; row < rows; row++) {
    if (row % step === 0) yield 0.7 + (0.3 * row) / rows;
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      for (let dRow = -1; dRow <= 1; dRow++) {
        for (let dColumn = -1; dColumn <= 1; dColumn++) {
          if (dRow !== 0 || dColumn !== 0) offerBucket(cell, column, row, column + dColumn, row + dRow);
        }
      }
    }
  }
  return nearest;
}

/** Grid rows between two yields when a row costs `cellsPerRow` cell visits. */
function rowsPerStep(cellsPerRow: number): number {
  return Math.max(1, Math.floor(CELL_STEP / Math.max(1, cellsPerRow)));
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
