/**
 * Point markers as plain elements in Leaflet's marker pane, placed and moved by the map's events.
 *
 * Why not Leaflet's Marker: each one costs an Icon object, a `div` parsed from `innerHTML` and seven DOM
 * listeners (≈ 0.4 ms in Chromium on a phone-class core), and a pan to a new place replaces a few
 * hundred of them. Here an element is whatever the caller built (a clone of a parsed template),
 * one delegated listener pair serves every marker, and a zoom moves them all in one pass. It also
 * keeps Leaflet's Marker, Icon and DivIcon out of the script-tag bundle.
 */
import type * as Lf from 'leaflet';
import type { Leaflet } from './leaflet.js';
import { latLngToNewLayerPoint } from './leaflet-internals.js';

interface Placed {
  latLng: Lf.LatLng;
  zIndexOffset: number;
}

/** A set of DOM markers on one map. */
export class DomMarkers {
  /** The element holding the markers, inside the map's marker pane. */
  readonly container: HTMLElement;
  private readonly placed = new Map<HTMLElement, Placed>();
  /** `leaflet-interactive` gives markers pointer events and the hand cursor (Leaflet's CSS). */
  private readonly classes: string[];

  /**
   * @param onActivate called for a click or Enter/Space on a marker (an element added here);
   *   omit it for markers that only show something.
   */
  constructor(
    private readonly L: Leaflet,
    private readonly map: Lf.Map,
    onActivate?: (marker: HTMLElement) => void,
  ) {
    this.container = L.DomUtil.create('div', 'sm-markers', map.getPane('markerPane'));
    this.classes = ['leaflet-marker-icon', 'leaflet-zoom-animated', ...(onActivate ? ['leaflet-interactive'] : [])];
    map.on('zoom viewreset', this.update, this);
    map.on('zoomanim', this.animateZoom, this);
    if (!onActivate) return;
    const markerOf = (event: Event): HTMLElement | undefined => {
      const target = (event.target as Element).closest?.('.leaflet-marker-icon');
      return target instanceof HTMLElement && this.placed.has(target) ? target : undefined;
    };
    this.container.addEventListener('click', (event) => {
      const marker = markerOf(event);
      if (!marker) return;
      // A marker click is not a click on the map (which would, e.g., set the user's position).
      event.stopPropagation();
      // The end of a drag that started on a marker is not a click on it.
      if ((map.dragging as Lf.Handler & { moved?(): boolean })?.moved?.()) return;
      onActivate(marker);
    });
    this.container.addEventListener('dblclick', (event) => {
      if (markerOf(event)) event.stopPropagation();
    });
    // Markers are role="button": Enter and Space activate them like any button.
    this.container.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const marker = markerOf(event);
      if (!marker) return;
      event.preventDefault();
      event.stopPropagation();
      onActivate(marker);
    });
  }

  /** Number of markers shown. */
  get size(): number {
    return this.placed.size;
  }

  /**
   * Shows `marker` at `[lat, lng]` (the basemap's coordinates). Markers further south are drawn
   * above those to their north, as Leaflet does; `zIndexOffset` lifts one above all the others.
   */
  add(marker: HTMLElement, latLng: [number, number], zIndexOffset = 0): void {
    marker.classList.add(...this.classes);
    const placed = { latLng: this.L.latLng(latLng[0], latLng[1]), zIndexOffset };
    this.placed.set(marker, placed);
    this.place(marker, placed, this.map.latLngToLayerPoint(placed.latLng));
    this.container.append(marker);
  }

  /** Takes `marker` off the map. */
  remove(marker: HTMLElement): void {
    if (this.placed.delete(marker)) marker.remove();
  }

  /** Takes every marker off the map. */
  clear(): void {
    this.placed.clear();
    this.container.replaceChildren();
  }

  /** Removes the markers and the map listeners. */
  destroy(): void {
    this.clear();
    this.map.off('zoom viewreset', this.update, this);
    this.map.off('zoomanim', this.animateZoom, this);
    this.container.remove();
  }

  /** Re-places every marker for the map's current view (its pixel origin moves on zoom and reset). */
  private update(): void {
    for (const [marker, placed] of this.placed) this.place(marker, placed, this.map.latLngToLayerPoint(placed.latLng));
  }

  /** Moves the markers to where the zoom animation ends; their CSS transition does the rest. */
  private animateZoom(event: Lf.ZoomAnimEvent): void {
    for (const [marker, placed] of this.placed) {
      this.place(marker, placed, latLngToNewLayerPoint(this.map, placed.latLng, event));
    }
  }

  private place(marker: HTMLElement, placed: Placed, point: Lf.Point): void {
    const rounded = point.round();
    this.L.DomUtil.setPosition(marker, rounded);
    marker.style.zIndex = String(rounded.y + placed.zIndexOffset);
  }
}
