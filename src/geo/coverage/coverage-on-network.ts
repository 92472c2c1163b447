/**
 * `computeCoverageGrid` and `coverageStats` as `station-map/core` exports them: with the path
 * network fill wired in. The grid module takes that fill as an option (`fillNetwork`) instead of
 * importing it, so the element's script-tag bundle keeps the routing code in a side file until a
 * page sets `network`; a core user passes `network` alone, as before.
 */
import { computeCoverageGrid as computeGrid, type CoverageGrid, type CoverageGridOptions, type CoverageStations } from './coverage-grid.js';
import { fillNetworkMinutesSteps } from './coverage-network.js';
import { coverageStats as measureCoverage, type CoverageOfStationsOptions } from './coverage-stats.js';
import type { CoverageStats } from '../../types.js';

/**
 * Travel minutes from each cell of a grid over `options.bbox` to the nearest station, straight-line
 * (great circle) or along `options.network` (see the grid module's `computeCoverageGrid`).
 *
 * @example
 * const grid = computeCoverageGrid(store, { bbox: [116.9, 36.1, 117.3, 36.3], speedMetersPerSecond: 1.25, network });
 * grid.minutes[0] // minutes from the south-west cell to its nearest station
 */
export function computeCoverageGrid(stations: CoverageStations, options: CoverageGridOptions): CoverageGrid {
  return computeGrid(stations, { fillNetwork: fillNetworkMinutesSteps, ...options });
}

/**
 * Coverage of an area (a polygon such as a district boundary, or a box) by the `minutes` service
 * circle around `stations`, straight-line or along `options.network` (see `coverage-stats.ts`).
 *
 * @example
 * const stats = coverageStats(store, { area: district, minutes: 15, mode: 'walking', network });
 */
export function coverageStats(stations: CoverageStations, options: CoverageOfStationsOptions): CoverageStats {
  return measureCoverage(stations, { fillNetwork: fillNetworkMinutesSteps, ...options });
}
