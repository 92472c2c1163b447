/**
 * Draws the stations as clusters and SVG pins. Only what is in view is turned into Leaflet
 * markers (a few hundred at most, whatever the number of stations), and markers are diffed by
 * cluster id between redraws, so panning never rebuilds what is already on screen.
 */
import type * as Lf from 'leaflet';
import type { ClusterIndex } from '../geo/cluster-index.js';
import { markerSvg } from '../ui/icons.js';
import type { Leaflet } from './leaflet.js';

/** What the station layer needs to know about the stations and the page. */
export interface StationLayerOptions {
  /** WGS-84 → the basemap's coordinate system. */
  toDisplay(lng: number, lat: number): [number, number];
  /** The basemap's coordinate system → WGS-84. */
  toWgs84(lng: number, lat: number): [number, number];
  /** WGS-84 position of station `index`. */
  positionOf(index: number): [number, number];
  typeOf(index: number): string | undefined;
  /** Accessible name of a station pin. */
  labelOf(index: number): string;
  /** Accessible name of a cluster. */
  clusterLabel(count: number): string;
  onStationClick(index: number): void;
}

const PIN_SIZE: [number, number] = [32, 40];
const SELECTED_PIN_SIZE: [number, number] = [40, 50];

export class StationLayer {
  private readonly group: Lf.LayerGroup;
  private readonly markers = new Map<number, Lf.Marker>();
  private index: ClusterIndex | null = null;
  private selected = -1;
  private selectedMarker: Lf.Marker | null = null;
  private highlighted = -1;

  constructor(
    private readonly L: Leaflet,
    private readonly map: Lf.Map,
    private readonly options: StationLayerOptions,
  ) {
    this.group = L.layerGroup().addTo(map);
    map.on('moveend', this.redraw, this);
  }

  /** Shows the stations of `index` (already filtered), or none. */
  setIndex(index: ClusterIndex | null): void {
    // The element hands the same index again after a load (filter pass, then fit): nothing to redo.
    if (index === this.index) return;
    this.index = index;
    this.refresh();
  }

  /** Rebuilds every marker, e.g. after the basemap's coordinate system changed. */
  refresh(): void {
    this.group.clearLayers();
    this.markers.clear();
    this.redraw();
    if (this.selected >= 0) this.setSelected(this.selected);
  }

  /** Draws station `index` as the selected pin, above every cluster; -1 clears it. */
  setSelected(index: number): void {
    this.selected = index;
    this.selectedMarker?.remove();
    this.selectedMarker = null;
    if (index < 0) return;
    const [lng, lat] = this.options.toDisplay(...this.options.positionOf(index));
    this.selectedMarker = this.createPin(index, true, [lat, lng]).addTo(this.map);
  }

  /** Emphasises the pin of station `index` (hovered in a list); -1 clears it. */
  setHighlighted(index: number): void {
    this.highlighted = index;
    for (const marker of this.markers.values()) {
      const el = marker.getElement();
      const stationIndex = (marker.options as { stationIndex?: number }).stationIndex;
      el?.classList.toggle('sm-highlighted', stationIndex === index && index >= 0);
    }
  }

  /** The pin element of station `index`, when it is drawn on its own. */
  elementOf(index: number): HTMLElement | undefined {
    if (index === this.selected) return this.selectedMarker?.getElement();
    for (const marker of this.markers.values()) {
      if ((marker.options as { stationIndex?: number }).stationIndex === index) return marker.getElement();
    }
    return undefined;
  }

  /** Number of markers currently drawn (clusters and pins). */
  get size(): number {
    return this.markers.size;
  }

  /** Re-reads the view and updates the markers. */
  redraw(): void {
    const index = this.index;
    if (!index) return;
    const bounds = this.map.getBounds().pad(0.1);
    const [west, south] = this.options.toWgs84(bounds.getWest(), bounds.getSouth());
    const [east, north] = this.options.toWgs84(bounds.getEast(), bounds.getNorth());
    const zoom = Math.round(this.map.getZoom());
    const items = index.getClusters([west, south, east, north], zoom);
    const seen = new Set<number>();
    for (const item of items) {
      // Clusters and single points share one id space in the index; pins key on the station.
      const key = item.count === 1 ? -1 - item.index : item.id;
      seen.add(key);
      if (this.markers.has(key)) continue;
      const [lng, lat] = this.options.toDisplay(item.lng, item.lat);
      const marker =
        item.count === 1
          ? this.createPin(item.index, false, [lat, lng])
          : this.createCluster(item.id, item.count, [lat, lng]);
      this.markers.set(key, marker);
      this.group.addLayer(marker);
    }
    for (const [key, marker] of this.markers) {
      if (!seen.has(key)) {
        this.group.removeLayer(marker);
        this.markers.delete(key);
      }
    }
    if (this.highlighted >= 0) this.setHighlighted(this.highlighted);
  }

  /** Removes everything this layer added to the map. */
  destroy(): void {
    this.map.off('moveend', this.redraw, this);
    this.group.remove();
    this.selectedMarker?.remove();
    this.markers.clear();
  }

  private createPin(index: number, selected: boolean, latLng: [number, number]): Lf.Marker {
    const size = selected ? SELECTED_PIN_SIZE : PIN_SIZE;
    const marker = this.L.marker(latLng, {
      icon: this.L.divIcon({
        // markerSvg returns constant markup chosen from a fixed table: no station data inside.
        html: markerSvg(this.options.typeOf(index), { selected }),
        className: selected ? 'sm-pin sm-pin-selected' : 'sm-pin',
        iconSize: size,
        iconAnchor: [size[0] / 2, size[1]],
      }),
      // Leaflet sets these as attributes (text), never as markup.
      title: this.options.labelOf(index),
      alt: this.options.labelOf(index),
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: selected ? 10000 : 0,
    });
    (marker.options as { stationIndex?: number }).stationIndex = index;
    marker.on('click', () => this.options.onStationClick(index));
    onActivateKey(marker, () => this.options.onStationClick(index));
    return marker;
  }

  private createCluster(id: number, count: number, latLng: [number, number]): Lf.Marker {
    const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
    const label = count < 10000 ? String(count) : `${Math.round(count / 1000)}k`;
    const marker = this.L.marker(latLng, {
      icon: this.L.divIcon({
        html: `<span>${label}</span>`,
        className: `sm-cluster sm-cluster-${size}`,
        iconSize: [size, size],
      }),
      title: this.options.clusterLabel(count),
      keyboard: true,
    });
    marker.on('click', () => this.zoomIntoCluster(id, latLng));
    onActivateKey(marker, () => this.zoomIntoCluster(id, latLng));
    return marker;
  }

  private zoomIntoCluster(id: number, latLng: [number, number]): void {
    const index = this.index;
    if (!index) return;
    const zoom = Math.min(index.getExpansionZoom(id), this.map.getMaxZoom());
    this.map.setView(latLng, Math.max(zoom, this.map.getZoom() + 1));
  }
}

/**
 * Leaflet makes keyboard-enabled markers focusable with role="button" but fires only key events
 * on them, not `click`: Enter and Space must activate a marker like any button.
 */
function onActivateKey(marker: Lf.Marker, activate: () => void): void {
  marker.on('keydown', (e) => {
    const event = (e as Lf.LeafletKeyboardEvent).originalEvent;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  });
}
