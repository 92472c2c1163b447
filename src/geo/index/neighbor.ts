/** The shapes the spatial indexes answer with, in a module of their own so the heap that orders
 * them and the indexes that fill it do not import each other. */

/** One neighbour found by {@link SpatialIndex.nearest}. */
export interface Neighbor {
  /** Position of the point in the columns the index was built from. */
  index: number;
  /** Great-circle distance from the query, as {@link haversineMeters} computes it. */
  distanceMeters: number;
}

/** Options of {@link SpatialIndex.nearest}. */
export interface NearestOptions {
  /** Only points for which this returns `true` are returned (called lazily, nearest candidates first). */
  accept?: (index: number) => boolean;
  /** Leave out points farther than this. */
  maxDistanceMeters?: number;
}

/** Bounding box `[west, south, east, north]` in degrees. */
export type BBox = [west: number, south: number, east: number, north: number];
