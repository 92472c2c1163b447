/**
 * The bounds of a tiled source that does not say them (a tile server has no header): walked
 * down the cluster pyramid from zoom 0, two zooms a step (a cell of a tile at zoom `z` is tile
 * `z + 2`), while the stations sit in few cells, so the answer costs a handful of tiles, the same
 * ones the first views draw.
 */
import type { DecodedTile, TileKey } from './decode-station-tile.js';
import { tileBounds } from './tile-math.js';

/**
 * WGS-84 `[west, south, east, north]` holding every station of the source: the union of the
 * cells holding stations at the deepest zoom walked (at most `maxCells` of them), or the
 * stations' own positions at the station zoom; `null` when the source has no stations.
 *
 * @example await boundsFromTiles(12, (keys) => Promise.all(keys.map(loadTile)))
 */
export async function boundsFromTiles(
  stationZoom: number,
  loadTiles: (keys: TileKey[]) => Promise<DecodedTile[]>,
  maxCells = 64,
): Promise<[number, number, number, number] | null> {
  const z0 = stationZoom % 2;
  let level: TileKey[] = [];
  for (let x = 0; x < 2 ** z0; x++) for (let y = 0; y < 2 ** z0; y++) level.push({ z: z0, x, y });
  for (;;) {
    const tiles = await loadTiles(level);
    if (level[0]!.z >= stationZoom) {
      const points = tiles.flatMap((tile) => tile.stations);
      return points.length ? union(points.map(({ lng, lat }) => [lng, lat, lng, lat])) : null;
    }
    const cells = new Map<string, TileKey>();
    for (const tile of tiles) {
      for (const feature of [...tile.clusters, ...tile.stations]) {
        for (const cell of feature.cells) {
          const key = { z: tile.z + 2, x: tile.x * 4 + (cell % 4), y: tile.y * 4 + (cell >> 2) };
          cells.set(`${key.z}/${key.x}/${key.y}`, key);
        }
      }
    }
    if (cells.size === 0) return null;
    const next = [...cells.values()];
    if (cells.size > maxCells || next[0]!.z > stationZoom) return union(next.map(tileBounds));
    level = next;
  }
}

function union(boxes: ReadonlyArray<readonly number[]>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [w, s, e, n] of boxes) {
    box[0] = Math.min(box[0], w!);
    box[1] = Math.min(box[1], s!);
    box[2] = Math.max(box[2], e!);
    box[3] = Math.max(box[3], n!);
  }
  return box;
}
