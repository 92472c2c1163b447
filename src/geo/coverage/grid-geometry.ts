/** The shapes the coverage grid and its network fill share, apart so neither imports the other. */
import type { BBox } from '../index/neighbor.js';

/** Station positions as WGS-84 columns, as `StationStore` holds them. */
export interface CoverageStations {
  readonly lng: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
}

/** Cell layout of a grid, without values. */
export interface GridGeometry {
  bbox: BBox;
  columns: number;
  rows: number;
}
