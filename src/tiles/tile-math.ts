/**
 * Web Mercator tile arithmetic shared by the tile producer and the element's tiled mode: which
 * XYZ tile holds a position, where the position falls inside the tile at a given extent, the
 * bounds of a tile, and the PMTiles tile id (the position of a tile on the Hilbert curves of
 * zoom 0, 1, 2 … laid end to end). Positions are `[lng, lat]` WGS-84 in degrees.
 */
import { projectX, projectY, unprojectX, unprojectY } from '../geo/crs/mercator.js';

/** A tile of the XYZ scheme (the `{z}/{x}/{y}` of OSM tiles: y grows south). */
export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** PMTiles ids are exact in a double up to zoom 26 (4^27 / 3 < 2^53). */
export const MAX_TILE_ID_ZOOM = 26;

/**
 * The tile at zoom `z` holding a position. Latitudes beyond ±85.05° fall in the top or bottom row.
 *
 * @example lngLatToTile(116.39, 39.91, 12) // { z: 12, x: 3372, y: 1551 }
 */
export function lngLatToTile(lng: number, lat: number, z: number): TileCoord {
  const n = 2 ** z;
  return { z, x: clampIndex(Math.floor(projectX(lng) * n), n), y: clampIndex(Math.floor(projectY(lat) * n), n) };
}

/**
 * Where a position falls inside tile `tile`, in tile units of `extent` (0 at the tile's west and
 * north edges), rounded to whole units as an MVT geometry stores it. Positions outside the tile
 * give values below 0 or above `extent`.
 *
 * @example lngLatToTilePoint(116.39, 39.91, { z: 12, x: 3372, y: 1551 }, 4096) // [1063, 4080]
 */
export function lngLatToTilePoint(lng: number, lat: number, tile: TileCoord, extent: number): [number, number] {
  const n = 2 ** tile.z;
  return [Math.round((projectX(lng) * n - tile.x) * extent), Math.round((projectY(lat) * n - tile.y) * extent)];
}

/**
 * The position of a point given in tile units of `extent` (the inverse of {@link lngLatToTilePoint},
 * up to its rounding).
 *
 * @example tilePointToLngLat(2048, 2048, { z: 0, x: 0, y: 0 }, 4096) // [0, 0]
 */
export function tilePointToLngLat(px: number, py: number, tile: TileCoord, extent: number): [number, number] {
  const n = 2 ** tile.z;
  return [unprojectX((tile.x + px / extent) / n), unprojectY((tile.y + py / extent) / n)];
}

/**
 * The tile's bounds as `[west, south, east, north]` in degrees.
 *
 * @example tileBounds({ z: 1, x: 1, y: 0 }) // [0, 0, 180, 85.0511287798066]
 */
export function tileBounds(tile: TileCoord): [number, number, number, number] {
  const n = 2 ** tile.z;
  return [unprojectX(tile.x / n), unprojectY((tile.y + 1) / n), unprojectX((tile.x + 1) / n), unprojectY(tile.y / n)];
}

/**
 * The PMTiles tile id of `z/x/y`: the number of tiles at all lower zooms, plus the tile's
 * distance along zoom `z`'s Hilbert curve. A tile's id divided by four (after taking off the
 * zoom's base) is its parent's: the curve of zoom `z + 1` runs through the parents in the order
 * of zoom `z`, which is what lets the producer sort stations once for every zoom.
 *
 * @example zxyToTileId(0, 0, 0) // 0
 * @example zxyToTileId(1, 0, 1) // 2
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  checkZoom(z);
  const n = 2 ** z;
  if (!(x >= 0 && y >= 0 && x < n && y < n) || !Number.isInteger(x) || !Number.isInteger(y)) {
    throw new RangeError(`tile ${z}/${x}/${y} is outside zoom ${z}`);
  }
  return zoomBaseId(z) + hilbertDistance(z, x, y);
}

/**
 * The `z/x/y` of a PMTiles tile id (the inverse of {@link zxyToTileId}).
 *
 * @example tileIdToZxy(2) // { z: 1, x: 0, y: 1 }
 */
export function tileIdToZxy(id: number): TileCoord {
  if (!Number.isInteger(id) || id < 0) throw new RangeError(`bad tile id ${id}`);
  let z = 0;
  while (zoomBaseId(z + 1) <= id) z++;
  checkZoom(z);
  let d = id - zoomBaseId(z);
  let x = 0;
  let y = 0;
  // From the lowest level up: each step places the quadrant of size `s` and undoes its rotation.
  for (let s = 1; s < 2 ** z; s *= 2) {
    const q = d % 4;
    const rx = q === 2 || q === 3 ? 1 : 0;
    const ry = q === 1 || q === 2 ? 1 : 0;
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
    x += s * rx;
    y += s * ry;
    d = Math.floor(d / 4);
  }
  return { z, x, y };
}

/**
 * Distance of cell `(x, y)` along the Hilbert curve through the `2^level × 2^level` grid. Cells
 * of one quadrant at any level are one run of distances, and `distance >>> 2` is the distance of
 * the parent cell one level up.
 *
 * @example hilbertDistance(1, 1, 0) // 3
 */
export function hilbertDistance(level: number, x: number, y: number): number {
  let d = 0;
  for (let s = 2 ** (level - 1); s >= 1; s /= 2) {
    const rx = x & s ? 1 : 0;
    const ry = y & s ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve inside it starts and ends where the level above needs it;
    // flipping within `s` is enough, as only the bits below `s` are read from here on.
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - (x % s);
        y = s - 1 - (y % s);
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/**
 * Number of tiles at all zooms below `z`: the id of the first tile of zoom `z`.
 *
 * @example zoomBaseId(2) // 5
 */
export function zoomBaseId(z: number): number {
  return (4 ** z - 1) / 3;
}

function checkZoom(z: number): void {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ID_ZOOM) throw new RangeError(`zoom ${z} is outside 0…${MAX_TILE_ID_ZOOM}`);
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
