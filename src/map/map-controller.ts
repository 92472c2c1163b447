/**
 * Owns the Leaflet map inside the element's shadow root: basemap tiles, the station layer, the
 * user's position and the route. Everything it is given is WGS-84; it converts to the basemap's
 * coordinate system (GCJ-02 for Amap tiles) only for display.
 */
import type * as Lf from 'leaflet';
import { fromWgs84, toWgs84 } from '../geo/crs/crs.js';
import type { Crs, Route } from '../types.js';
import type { BasemapSpec } from './basemaps.js';
import type { Leaflet } from './leaflet.js';
import { DomMarkers } from './dom-markers.js';
import { StationLayer, type StationLayerOptions } from './station-layer.js';
import { endZoomAnimation, isAnimatingZoom } from './leaflet-internals.js';
import { SvgPaths } from './svg-paths.js';
import { TileLayer } from './tile-layer.js';

/** Callbacks from the map to the element. */
export interface MapControllerCallbacks extends Omit<StationLayerOptions, 'toDisplay' | 'toWgs84'> {
  /** A click on the map background, in WGS-84. */
  onMapClick(lng: number, lat: number): void;
  /** Tiles of the current basemap keep failing (offline, blocked, bad key). Called once per basemap. */
  onTilesFailed(detail: { url: string; failures: number }): void;
}

/** Tile errors before any tile loaded that count as "the basemap is down". */
const TILE_FAILURES_BEFORE_REPORT = 4;

export class MapController {
  readonly map: Lf.Map;
  readonly stations: StationLayer;
  private displayCrs: Crs = 'wgs84';
  private tileLayers: TileLayer[] = [];
  /** The route line and the accuracy circle. */
  private paths: SvgPaths;
  private accuracyCircle: SVGPathElement | null = null;
  /** The user's position dot: shown, not interactive. */
  private positionMarker: DomMarkers;
  private routeLine: SVGPathElement | null = null;
  /** A fit asked for while the container had no size (hidden tab, `display: none`), run once it has one. */
  private pendingFit: (() => void) | null = null;

  constructor(
    private readonly L: Leaflet,
    container: HTMLElement,
    private readonly callbacks: MapControllerCallbacks,
    options: { reducedMotion?: boolean } = {},
  ) {
    const animate = !options.reducedMotion;
    this.map = L.map(container, {
      center: [35, 105],
      zoom: 4,
      minZoom: 2,
      maxZoom: 19,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      worldCopyJump: true,
      // The element draws both in its own template (larger touch targets, its own language),
      // which keeps Leaflet's control classes and their CSS out of the script-tag bundle.
      attributionControl: false,
      zoomControl: false,
    });
    this.paths = new SvgPaths(L, this.map);
    this.positionMarker = new DomMarkers(L, this.map);
    this.stations = new StationLayer(L, this.map, {
      ...callbacks,
      toDisplay: (lng, lat) => this.toDisplay(lng, lat),
      toWgs84: (lng, lat) => this.fromDisplay(lng, lat),
    });
    this.map.on('click', (e: Lf.LeafletMouseEvent) => {
      const [lng, lat] = this.fromDisplay(e.latlng.lng, e.latlng.lat);
      callbacks.onMapClick(lng, lat);
    });
  }

  /** Replaces the basemap. Markers move onto the new basemap's coordinate system. */
  setBasemap(spec: BasemapSpec): void {
    for (const layer of this.tileLayers) layer.remove();
    this.tileLayers = [];
    const crsChanged = spec.displayCrs !== this.displayCrs;
    const center = this.fromDisplay(this.map.getCenter().lng, this.map.getCenter().lat);
    this.displayCrs = spec.displayCrs;
    let loaded = 0;
    let failures = 0;
    let reported = false;
    for (const tiles of spec.layers) {
      const layer = new TileLayer(this.L, this.map, tiles, (ok) => {
        if (ok) loaded++;
        else if (++failures >= TILE_FAILURES_BEFORE_REPORT && !reported && loaded === 0) {
          reported = true;
          this.callbacks.onTilesFailed({ url: tiles.url, failures });
        }
      });
      this.tileLayers.push(layer);
    }
    if (crsChanged) {
      const [lng, lat] = this.toDisplay(center[0], center[1]);
      this.map.setView([lat, lng], this.map.getZoom(), { animate: false });
      this.stations.refresh();
      this.paths.remove(this.routeLine);
      this.routeLine = null;
    }
  }

  /** Centres the map on a WGS-84 position; `animate: false` jumps there. */
  setView(lng: number, lat: number, zoom?: number, options: { animate?: boolean } = {}): void {
    const [x, y] = this.toDisplay(lng, lat);
    this.pendingFit = null;
    this.whenIdle(() => this.map.setView([y, x], zoom ?? this.map.getZoom(), options));
  }

  /**
   * Centres a WGS-84 point in the part of the map not covered by a bottom sheet of
   * `coveredBottomPx` (on phones the detail panel covers the lower part of the map).
   */
  showPoint(lng: number, lat: number, zoom: number, coveredBottomPx = 0): void {
    const [x, y] = this.toDisplay(lng, lat);
    this.pendingFit = null;
    this.whenIdle(() => {
      const point = this.map.project([y, x], zoom).add([0, coveredBottomPx / 2]);
      this.map.setView(this.map.unproject(point, zoom), zoom);
    });
  }

  /** Fits a WGS-84 bbox `[west, south, east, north]`; `animate: false` jumps there (as a new load does). */
  fitBBox(bbox: [number, number, number, number], options: { maxZoom?: number; animate?: boolean } = {}): void {
    const [w, s] = this.toDisplay(bbox[0], bbox[1]);
    const [e, n] = this.toDisplay(bbox[2], bbox[3]);
    this.fitWhenSized(
      this.L.latLngBounds([
        [s, w],
        [n, e],
      ]),
      { padding: [24, 24], maxZoom: options.maxZoom ?? 16, ...(options.animate === false && { animate: false }) },
    );
  }

  /**
   * Fits bounds now, or, in a container without size, centres them and fits once the container
   * is shown: Leaflet cannot choose a zoom for a 0×0 map and would leave the stations off screen.
   */
  private fitWhenSized(bounds: Lf.LatLngBounds, options: Lf.FitBoundsOptions): void {
    const container = this.map.getContainer();
    if (container.clientWidth > 0 && container.clientHeight > 0) {
      this.pendingFit = null;
      this.whenIdle(() => this.map.fitBounds(bounds, options));
      return;
    }
    this.pendingFit = () => this.map.fitBounds(bounds, options);
    this.map.setView(bounds.getCenter(), this.map.getZoom(), { animate: false });
  }

  /**
   * Runs a programmatic view change once a running zoom animation has ended: Leaflet silently
   * ignores setView() while it animates (e.g. a station selected during the initial fit).
   */
  private whenIdle(change: () => void): void {
    if (isAnimatingZoom(this.map)) this.map.once('zoomend', change);
    else change();
  }

  /** The current view as a WGS-84 bbox. */
  getViewBBox(): [number, number, number, number] {
    const b = this.map.getBounds();
    const [w, s] = this.fromDisplay(b.getWest(), b.getSouth());
    const [e, n] = this.fromDisplay(b.getEast(), b.getNorth());
    return [w, s, e, n];
  }

  /** Draws the user's position with its accuracy circle; `null` removes it. */
  setPosition(position: { lng: number; lat: number; accuracy: number | null } | null, label: string): void {
    this.paths.remove(this.accuracyCircle);
    this.accuracyCircle = null;
    this.positionMarker.clear();
    if (!position) return;
    const [lng, lat] = this.toDisplay(position.lng, position.lat);
    if (position.accuracy && position.accuracy > 0) {
      this.accuracyCircle = this.paths.circle([lat, lng], position.accuracy, { class: 'sm-accuracy' });
    }
    const dot = document.createElement('div');
    dot.className = 'sm-position';
    dot.title = label;
    dot.append(document.createElement('span'));
    this.positionMarker.add(dot, [lat, lng], 20000);
  }

  /** Draws a route (WGS-84 geometry) and fits the view to it; `null` clears it. */
  setRoute(route: Route | null, options: { fit?: boolean } = {}): void {
    this.paths.remove(this.routeLine);
    this.routeLine = null;
    if (!route) return;
    const latLngs = route.geometry.coordinates.map(([lng, lat]) => {
      const [x, y] = this.toDisplay(lng, lat);
      return [y, x] as [number, number];
    });
    this.routeLine = this.paths.lines([latLngs], {
      class: `sm-route sm-route-${route.kind}`,
      ...(route.kind === 'straight' && { 'stroke-dasharray': '8 10' }),
    });
    if (options.fit !== false && latLngs.length > 1) {
      this.fitWhenSized(this.L.latLngBounds(latLngs), { padding: [40, 40], maxZoom: 17 });
    }
  }

  /** Call when the container's size changed or it became visible. */
  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
    const container = this.map.getContainer();
    if (this.pendingFit && container.clientWidth > 0 && container.clientHeight > 0) {
      const fit = this.pendingFit;
      this.pendingFit = null;
      fit();
    }
  }

  /** Releases the map and every listener. */
  destroy(): void {
    this.stations.destroy();
    this.positionMarker.destroy();
    this.paths.destroy();
    this.map.off();
    endZoomAnimation(this.map);
    this.map.remove();
  }

  /** WGS-84 → the basemap's coordinate system, for layers drawn beside the stations. */
  toDisplay(lng: number, lat: number): [number, number] {
    return this.displayCrs === 'wgs84' ? [lng, lat] : fromWgs84([lng, lat], this.displayCrs);
  }

  private fromDisplay(lng: number, lat: number): [number, number] {
    return this.displayCrs === 'wgs84' ? [lng, lat] : toWgs84([lng, lat], this.displayCrs);
  }
}
