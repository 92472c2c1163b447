/**
 * Every private member of Leaflet the element uses, in one place, each with what it is and the
 * Leaflet version it was checked against. Leaflet's own layers use the same members to follow a
 * zoom animation; its public API has nothing for them. A Leaflet update (or the move to 2.0, see
 * docs/leaflet.md) checks this file and nothing else: `package.json` pins the version below.
 *
 * Checked against Leaflet 1.9.4 (`src/map/Map.js`).
 */
import type * as Lf from 'leaflet';

/** The Leaflet version every member here was read from. */
export const CHECKED_LEAFLET_VERSION = '1.9.4';

interface MapInternals {
  /** `Map#_latLngToNewLayerPoint`: a point in the layer pane of the view a zoom animation ends at. */
  _latLngToNewLayerPoint(latLng: Lf.LatLngExpression, zoom: number, center: Lf.LatLng): Lf.Point;
  /** `Map#_getNewPixelOrigin`: the pixel origin of the view centred on `center` at `zoom`. */
  _getNewPixelOrigin(center: Lf.LatLng, zoom: number): Lf.Point;
  /** `Map#_animatingZoom`: true from `zoomanim` until the zoom animation's end. */
  _animatingZoom?: boolean;
  /** `Map#_animateToZoom`: the zoom a running zoom animation ends at. */
  _animateToZoom: number;
}

const internals = (map: Lf.Map) => map as unknown as MapInternals;

/**
 * Where `latLng` will be in the layer pane when the zoom animation of `event` ends: what
 * Leaflet's Marker and ImageOverlay use to move with the animation.
 */
export function latLngToNewLayerPoint(map: Lf.Map, latLng: Lf.LatLngExpression, event: Lf.ZoomAnimEvent): Lf.Point {
  return internals(map)._latLngToNewLayerPoint(latLng, event.zoom, event.center);
}

/** The pixel origin of the view centred on `center` at `zoom` (what GridLayer places tiles by). */
export function newPixelOrigin(map: Lf.Map, center: Lf.LatLng, zoom: number): Lf.Point {
  return internals(map)._getNewPixelOrigin(center, zoom);
}

/** Whether a zoom animation is running: Leaflet ignores `setView()` until it ends. */
export function isAnimatingZoom(map: Lf.Map): boolean {
  return Boolean(internals(map)._animatingZoom);
}

/** The zoom the map shows or is animating to. */
export function targetZoom(map: Lf.Map): number {
  const view = internals(map);
  return view._animatingZoom ? Math.max(view._animateToZoom, map.getZoom()) : map.getZoom();
}

/**
 * Marks a zoom animation done. Leaflet finishes one from a 250 ms timer even after `remove()` and
 * then reads the removed panes; with the mark the timer does nothing.
 */
export function endZoomAnimation(map: Lf.Map): void {
  internals(map)._animatingZoom = false;
}
