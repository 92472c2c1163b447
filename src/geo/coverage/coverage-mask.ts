/**
 * Which grid cells lie inside an area (a district boundary, say): a scanline
 * fill of the polygon over cell centres, so a boundary with thousands of
 * vertices costs one pass over its edges per grid row, not per cell.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GridGeometry } from './coverage-grid.js';
import type { BBox } from '../index/spatial-index.js';

/** An area for coverage statistics: a GeoJSON Polygon or MultiPolygon (holes allowed), bare or in a Feature. */
export type CoverageArea = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

/**
 * The rings of `area` (outer rings and holes alike), or throws a `TypeError`
 * naming what is wrong when `area` is not a Polygon or MultiPolygon.
 */
export function readAreaRings(area: CoverageArea): Position[][] {
  const geometry = area && area.type === 'Feature' ? area.geometry : area;
  if (geometry && geometry.type === 'Polygon' && Array.isArray(geometry.coordinates)) return geometry.coordinates;
  if (geometry && geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) return geometry.coordinates.flat();
  throw new TypeError('coverage area must be a GeoJSON Polygon or MultiPolygon (or a Feature of one)');
}

/** `[west, south, east, north]` of the rings' vertices, or `null` when they have none. */
export function bboxOfRings(rings: readonly Position[][]): BBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings) {
    for (const position of ring) {
      const [x, y] = position;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  }
  return west < east && south < north ? [west, south, east, north] : null;
}

/**
 * One byte per cell, 1 where the cell centre is inside the rings. The
 * even–odd rule makes holes, and the parts of a MultiPolygon, come out
 * right without telling outer rings from inner ones.
 *
 * @example maskCells(grid, readAreaRings(district)) // Uint8Array(grid.columns * grid.rows)
 */
export function maskCells(grid: GridGeometry, rings: readonly Position[][]): Uint8Array {
  const { columns, rows } = grid;
  const [west, south, east, north] = grid.bbox;
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const mask = new Uint8Array(columns * rows);
  const crossings: number[] = [];
  for (let row = 0; row < rows; row++) {
    const y = south + (row + 0.5) * cellLat;
    crossings.length = 0;
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const [x1, y1] = ring[j];
        const [x2, y2] = ring[i];
        // Half-open on y, so a vertex exactly on the scanline counts once.
        if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Cells whose centre x is in [from, to).
      const first = Math.max(0, Math.ceil((crossings[k] - west) / cellLng - 0.5));
      const last = Math.min(columns - 1, Math.ceil((crossings[k + 1] - west) / cellLng - 0.5) - 1);
      for (let column = first; column <= last; column++) mask[row * columns + column] = 1;
    }
  }
  return mask;
}
