/**
 * Lines and circles as paths in one `<svg>` over the map, redrawn when the view settles and scaled
 * with the zoom animation, as Leaflet's SVG renderer does.
 *
 * Why not Leaflet's Polyline and Circle: the element draws three shapes (the route, the accuracy
 * circle, the coverage boundary), none interactive, and Leaflet's Path, renderer, clipping and
 * simplification cost ~3 KB gzip of the script-tag bundle for them. A redraw re-projects every
 * point, which for a few thousand points is well under a millisecond.
 */
import type * as Lf from 'leaflet';
import type { Leaflet } from './leaflet.js';
import { latLngToNewLayerPoint } from './leaflet-internals.js';

/** Lines through `[lat, lng]` points, or a circle of `meters` around `[lat, lng]`. */
type Shape = { lines: readonly (readonly Lf.LatLngTuple[])[] } | { center: Lf.LatLngTuple; meters: number };

/** Leaflet's renderer draws this much of the view's size beyond each edge, so a short pan shows no cut line. */
const PADDING = 0.1;
/** Earth's radius in Leaflet's EPSG:3857 (`L.CRS.Earth.R`). */
const EARTH_RADIUS = 6371000;
const DEG = Math.PI / 180;

/** The paths drawn on one map pane. */
export class SvgPaths {
  private readonly svg: SVGSVGElement;
  private readonly shapes = new Map<SVGPathElement, Shape>();
  /** Where the svg's top-left corner was and at which zoom it was drawn: the zoom animation scales from there. */
  private origin: Lf.LatLng | null = null;
  private zoom = 0;

  constructor(
    private readonly L: Leaflet,
    private readonly map: Lf.Map,
    pane = 'overlayPane',
  ) {
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    // Leaflet's CSS scales `.leaflet-zoom-animated` during a zoom; the caps and joins are Path's defaults.
    this.svg.setAttribute('class', 'leaflet-zoom-animated');
    this.svg.setAttribute('stroke-linecap', 'round');
    this.svg.setAttribute('stroke-linejoin', 'round');
    map.getPane(pane)!.append(this.svg);
    map.on('viewreset zoomend moveend', this.redraw, this);
    map.on('zoom', this.followZoom, this);
    map.on('zoomanim', this.animateZoom, this);
    this.redraw();
  }

  /**
   * Draws `lines` (each `[lat, lng]` points in the basemap's coordinates) as one path.
   *
   * @example paths.lines([[[36, 117], [36.1, 117.2]]], { class: 'sm-route' })
   */
  lines(lines: readonly (readonly Lf.LatLngTuple[])[], attributes: Record<string, string>): SVGPathElement {
    return this.add({ lines }, attributes);
  }

  /** Draws a circle of `meters` around `center` (`[lat, lng]`). */
  circle(center: Lf.LatLngTuple, meters: number, attributes: Record<string, string>): SVGPathElement {
    return this.add({ center, meters }, attributes);
  }

  /** Replaces the lines of a path made by {@link lines}. */
  setLines(path: SVGPathElement, lines: readonly (readonly Lf.LatLngTuple[])[]): void {
    this.shapes.set(path, { lines });
    this.draw(path, { lines });
  }

  /** Takes `path` off the map; `null` is ignored. */
  remove(path: SVGPathElement | null): void {
    if (path && this.shapes.delete(path)) path.remove();
  }

  /** Removes the svg and the map listeners. */
  destroy(): void {
    this.shapes.clear();
    this.map.off('viewreset zoomend moveend', this.redraw, this);
    this.map.off('zoom', this.followZoom, this);
    this.map.off('zoomanim', this.animateZoom, this);
    this.svg.remove();
  }

  private add(shape: Shape, attributes: Record<string, string>): SVGPathElement {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    for (const [name, value] of Object.entries(attributes)) path.setAttribute(name, value);
    this.shapes.set(path, shape);
    this.draw(path, shape);
    this.svg.append(path);
    return path;
  }

  /** Sizes the svg to the padded view and re-projects every path (the pixel origin moves on zoom and reset). */
  private redraw(): void {
    const { map, svg } = this;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const extent = size.multiplyBy(1 + 2 * PADDING).round();
    this.L.DomUtil.setPosition(svg as unknown as HTMLElement, min);
    svg.setAttribute('width', String(extent.x));
    svg.setAttribute('height', String(extent.y));
    svg.setAttribute('viewBox', `${min.x} ${min.y} ${extent.x} ${extent.y}`);
    this.origin = map.layerPointToLatLng(min);
    this.zoom = map.getZoom();
    for (const [path, shape] of this.shapes) this.draw(path, shape);
  }

  private draw(path: SVGPathElement, shape: Shape): void {
    const { map } = this;
    let d = '';
    if ('lines' in shape) {
      for (const line of shape.lines) {
        let command = 'M';
        for (const latLng of line) {
          const { x, y } = map.latLngToLayerPoint(latLng);
          d += `${command}${x} ${y}`;
          command = 'L';
        }
      }
    } else {
      // As Leaflet's Circle: the radius is the projected height of `meters` of latitude there,
      // the centre halfway between its ends (Web Mercator draws a small circle round).
      const [lat, lng] = shape.center;
      const dLat = shape.meters / EARTH_RADIUS / DEG;
      const top = map.project([lat + dLat, lng]);
      const bottom = map.project([lat - dLat, lng]);
      const r = Math.max(Math.round((bottom.y - top.y) / 2), 1);
      const { x, y } = top.add(bottom).divideBy(2).subtract(map.getPixelOrigin());
      d = `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
    }
    // An empty `d` is an error in some browsers; Leaflet draws nothing with `M0 0`.
    path.setAttribute('d', d || 'M0 0');
  }

  /** Moves and scales the drawing to where the zoom animation ends; the CSS transition does the rest. */
  private animateZoom(event: Lf.ZoomAnimEvent): void {
    if (this.origin) this.scaleTo(latLngToNewLayerPoint(this.map, this.origin, event), event.zoom);
  }

  /** A zoom without animation (a pinch) scales the drawing until the view settles and it is redrawn. */
  private followZoom(): void {
    if (this.origin) this.scaleTo(this.map.latLngToLayerPoint(this.origin), this.map.getZoom());
  }

  private scaleTo(topLeft: Lf.Point, zoom: number): void {
    this.L.DomUtil.setTransform(this.svg as unknown as HTMLElement, topLeft, this.map.getZoomScale(zoom, this.zoom));
  }
}
