/**
 * Which tiles a map view needs: the tile zoom for a map zoom (tiles above the station zoom do not
 * exist; the station zoom's are drawn larger), and the tiles covering the view and a margin,
 * nearest the centre first so the middle of the screen fills in first.
 */
import { projectX, projectY } from '../geo/crs/mercator.js';
import type { TileKey } from './decode-station-tile.js';

/** `z/x/y`: the key of a tile in caches and maps. */
export function tileId({ z, x, y }: TileKey): string {
  return `${z}/${x}/${y}`;
}

/** The zoom of the tiles drawn at map zoom `mapZoom`: the rounded map zoom, at most the station zoom. */
export function tileZoomFor(mapZoom: number, stationZoom: number): number {
  return Math.max(0, Math.min(stationZoom, Math.round(mapZoom)));
}

/**
 * The tiles at zoom `z` covering the WGS-84 `bbox` `[west, south, east, north]` grown by `margin`
 * tiles on every side, nearest the bbox's centre first. At most `limit` tiles (default 64): a view
 * wider than that at this zoom keeps its central ones.
 *
 * @example tilesCovering([116.3, 39.8, 116.5, 40], 12) // [{ z: 12, x: 3371, y: 1552 }, …]
 */
export function tilesCovering(
  bbox: readonly [number, number, number, number],
  z: number,
  options: { margin?: number; limit?: number } = {},
): TileKey[] {
  const n = 2 ** z;
  const margin = options.margin ?? 0;
  const [west, south, east, north] = bbox;
  // A view wider than the world (zoomed far out, or scrolled past the antimeridian) covers every column.
  const wide = east - west >= 360;
  const x0 = wide ? 0 : Math.floor(projectX(west) * n) - margin;
  let x1 = wide ? n - 1 : Math.floor(projectX(east) * n) + margin;
  if (!wide && x1 < x0) x1 += n; // across the antimeridian
  if (x1 - x0 >= n) x1 = x0 + n - 1;
  const y0 = Math.max(0, Math.floor(projectY(north) * n) - margin);
  const y1 = Math.min(n - 1, Math.floor(projectY(south) * n) + margin);
  const cx = (x0 + x1 + 1) / 2;
  const cy = (y0 + y1 + 1) / 2;
  const tiles: Array<TileKey & { d: number }> = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) tiles.push({ z, x: ((x % n) + n) % n, y, d: (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 });
  }
  tiles.sort((a, b) => a.d - b.d);
  return tiles.slice(0, options.limit ?? 64).map(({ z, x, y }) => ({ z, x, y }));
}

/** The tile at zoom `z` (≤ the tile's) that holds `tile`. */
export function ancestorAt(tile: TileKey, z: number): TileKey {
  const shift = tile.z - z;
  return { z, x: Math.floor(tile.x / 2 ** shift), y: Math.floor(tile.y / 2 ** shift) };
}
