/**
 * Flat WGS-84 coordinate columns for the spatial index. Typed arrays keep a
 * hundred thousand stations in a few megabytes and can be handed to a Worker.
 */
import { toWgs84 } from '../geo/crs/crs.js';
import type { Crs, Station } from '../types.js';

/** WGS-84 longitudes and latitudes, one entry per station, in the stations' order. */
export interface StationColumns {
  lng: Float64Array;
  lat: Float64Array;
}

/**
 * Reads the stations' coordinates into WGS-84 columns, converting from `crs`
 * (the system the data is in). WGS-84 data is copied without conversion work.
 *
 * @example
 * const { lng, lat } = toStationColumns(stations, 'gcj02');
 * const index = new KDBush(lng.length); for (let i = 0; i < lng.length; i++) index.add(lng[i], lat[i]);
 */
export function toStationColumns(stations: readonly Station[], crs: Crs = 'wgs84'): StationColumns {
  const n = stations.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  if (crs === 'wgs84') {
    for (let i = 0; i < n; i++) {
      const c = stations[i].geometry.coordinates;
      lng[i] = c[0];
      lat[i] = c[1];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = stations[i].geometry.coordinates;
      const p = toWgs84([c[0], c[1]], crs);
      lng[i] = p[0];
      lat[i] = p[1];
    }
  }
  return { lng, lat };
}

/**
 * The bounding box `[west, south, east, north]` of coordinate columns, or
 * `null` when there are none (so "fit the stations" knows there is nothing to fit).
 *
 * @example columnsBBox(lng, lat) // [116.98, 36.17, 117.14, 36.27]
 */
export function columnsBBox(
  lng: Float64Array,
  lat: Float64Array,
): [west: number, south: number, east: number, north: number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  extendBBox(box, lng, lat, 0, Math.min(lng.length, lat.length));
  return box[0] <= box[2] ? box : null;
}

/**
 * Grows `box` (`[west, south, east, north]`, start from `[∞, ∞, -∞, -∞]`) to take in the
 * points `[start, end)` of the columns: {@link columnsBBox} a part at a time.
 *
 * @example const box = [Infinity, Infinity, -Infinity, -Infinity]; extendBBox(box, lng, lat, 0, 1000);
 */
export function extendBBox(
  box: [west: number, south: number, east: number, north: number],
  lng: Float64Array,
  lat: Float64Array,
  start: number,
  end: number,
): void {
  // Indexed reads, not destructuring: V8 deoptimized the iterator protocol here again and again.
  let west = box[0];
  let south = box[1];
  let east = box[2];
  let north = box[3];
  for (let i = start; i < end; i++) {
    const x = lng[i]!;
    const y = lat[i]!;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  box[0] = west;
  box[1] = south;
  box[2] = east;
  box[3] = north;
}
