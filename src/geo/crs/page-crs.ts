/**
 * The element keeps every position in WGS-84 and speaks the page's `crs` (WGS-84, GCJ-02 or BD-09)
 * only at its edges: what a page gives in, and what events and methods give back. These convert
 * whole results across that edge; none mutates its input.
 */
import type { CoverageStats, Crs, Network, Route } from '../../types.js';
import type { CoverageArea } from '../coverage/coverage-mask.js';
import { fromWgs84, toWgs84 } from './crs.js';

/** A `[west, south, east, north]` box. */
type BBox4 = [number, number, number, number];

/**
 * A WGS-84 box in the page's `crs`.
 *
 * @example convertBBoxToPage([117, 36, 118, 37], 'gcj02')
 */
export function convertBBoxToPage(bbox: BBox4, crs: Crs): BBox4 {
  const [w, s] = fromWgs84([bbox[0], bbox[1]], crs);
  const [e, n] = fromWgs84([bbox[2], bbox[3]], crs);
  return [w, s, e, n];
}

/** A WGS-84 route with its line in the page's `crs` (the same object for `wgs84`). */
export function convertRouteToPage(route: Route, crs: Crs): Route {
  if (crs === 'wgs84') return route;
  return {
    ...route,
    geometry: { ...route.geometry, coordinates: route.geometry.coordinates.map((p) => fromWgs84([p[0]!, p[1]!], crs)) },
  };
}

/** Coverage measured in WGS-84 with its gaps in the page's `crs` (the same object for `wgs84`). */
export function convertCoverageToPage(stats: CoverageStats, crs: Crs): CoverageStats {
  if (crs === 'wgs84') return stats;
  return {
    ...stats,
    gaps: stats.gaps.map((gap) => {
      const [lng, lat] = fromWgs84([gap.lng, gap.lat], crs);
      return { ...gap, lng, lat };
    }),
  };
}

/** A Polygon/MultiPolygon (or a Feature of one) with every position converted to WGS-84. */
export function convertAreaToWgs84(area: CoverageArea, crs: Crs): CoverageArea {
  const geometry = area.type === 'Feature' ? area.geometry : area;
  const ring = (r: number[][]) => r.map((p) => toWgs84([p[0]!, p[1]!], crs) as number[]);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

/** Converts every coordinate of a path network from `crs` to WGS-84, once per load. */
export function convertNetworkToWgs84(network: Network, crs: Crs): Network {
  return {
    ...network,
    features: (network.features ?? []).map((feature) => {
      const g = feature?.geometry;
      if (!g) return feature;
      const convert = (p: number[]) => toWgs84([p[0]!, p[1]!], crs);
      const geometry =
        g.type === 'LineString'
          ? { ...g, coordinates: g.coordinates.map(convert) }
          : g.type === 'MultiLineString'
            ? { ...g, coordinates: g.coordinates.map((line) => line.map(convert)) }
            : g;
      return { ...feature, geometry };
    }),
  };
}

