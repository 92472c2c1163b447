/**
 * Draws the stations as clusters and SVG pins. Only what is in view becomes an element (a few
 * hundred at most, whatever the number of stations), elements are diffed by cluster id between
 * redraws, so panning never rebuilds what is already on screen, and each pin is a clone of a
 * template parsed once per station type.
 */
import type * as Lf from 'leaflet';
import type { ClusterSource } from '../geo/cluster/cluster-index.js';
import { markerSvg } from '../icons/station-icons.js';
import { DomMarkers } from './dom-markers.js';
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
  /**
   * Accessible names of station pins, as a function made once per redraw (so the page's
   * language is resolved once, not once per pin).
   */
  pinLabels(): (index: number) => string;
  /**
   * Accessible name of a cluster: `choose` when activating it opens the chooser of its stations
   * (they never part at the map's closest zoom) instead of zooming in.
   */
  clusterLabel(count: number, choose: boolean): string;
  onStationClick(index: number): void;
  /**
   * A marker stands for stations too close to ever be drawn apart: show a chooser of them.
   * `null`: the chooser shown before no longer points at anything (the map moved).
   */
  onChooseStations(group: StationGroup | null): void;
}

/** Stations that share one marker at the map's closest zoom (one building, one spot). */
export interface StationGroup {
  /** Number of stations in it. */
  count: number;
  /** A page of the stations' indexes, in a stable order. */
  stations(offset: number, limit: number): number[];
  /** Where the marker is, in pixels from the map container's top left, and the container's size. */
  point: { x: number; y: number };
  mapSize: { width: number; height: number };
  /** The marker that was activated (focus returns there when the chooser closes). */
  marker: HTMLElement;
}

/** A selected pin this close (px) to a group marker is on top of it: activating it opens the group. */
const OVERLAP_PX = 24;

/** Lifts the selected pin above every cluster and pin. */
const SELECTED_Z = 10000;

/** What a drawn element stands for: a station (`count` 1) or a cluster. */
interface Drawn {
  element: HTMLElement;
  index: number;
  id: number;
  count: number;
  latLng: [number, number];
}

export class StationLayer {
  private readonly markers: DomMarkers;
  /** Drawn elements by key: `-1 - station` for pins, the cluster id for clusters. */
  private readonly drawn = new Map<number, Drawn>();
  private readonly byElement = new WeakMap<HTMLElement, Drawn>();
  private index: ClusterSource | null = null;
  private selected = -1;
  private selectedPin: HTMLElement | null = null;
  private highlighted = -1;
  private readonly templates = new Map<string, HTMLElement>();

  constructor(
    L: Leaflet,
    private readonly map: Lf.Map,
    private readonly options: StationLayerOptions,
  ) {
    this.markers = new DomMarkers(L, map, (element) => this.handleActivate(element));
    map.on('moveend', this.redraw, this);
    map.on('movestart zoomstart click', this.handleMoveStart, this);
  }

  /** Where a cluster was tapped before the index was built: handled when it arrives. */
  private pendingActivation: [number, number] | null = null;

  /**
   * Shows the stations of `index` (already filtered), or none. `keepMarkers`: the new index
   * draws the same clusters (an index replacing the scan that stood in for it), so the markers
   * on the map stay and only the difference is redrawn.
   */
  setIndex(index: ClusterSource | null, options: { keepMarkers?: boolean } = {}): void {
    // The element hands the same index again after a load (filter pass, then fit): nothing to redo.
    if (index === this.index) return;
    const wasProvisional = this.index?.provisional;
    const keep = options.keepMarkers || (index?.lineage !== undefined && index.lineage === this.index?.lineage);
    this.index = index;
    if (!keep) this.options.onChooseStations(null);
    const pending = this.pendingActivation;
    this.pendingActivation = null;
    if (keep) {
      this.redraw();
      // Labels drawn from a scan could not ask which clusters ever part; now they can.
      if (wasProvisional) this.relabel();
      // A cluster tapped while the scan stood in: act on it now (open its chooser or zoom in).
      const drawn = pending && !index?.provisional ? this.groupUnder(pending) : undefined;
      if (drawn) this.handleActivate(drawn.element);
    } else this.refresh();
  }

  /** Rebuilds every marker, e.g. after the basemap's coordinate system changed. */
  refresh(): void {
    this.markers.clear();
    this.drawn.clear();
    this.selectedPin = null;
    this.redraw();
    if (this.selected >= 0) this.setSelected(this.selected);
  }

  /** Renames every pin and cluster (the page's language changed) without redrawing them. */
  relabel(): void {
    const labelOf = this.options.pinLabels();
    for (const drawn of this.drawn.values()) this.label(drawn, labelOf);
    if (this.selectedPin && this.selected >= 0) setLabel(this.selectedPin, labelOf(this.selected));
  }

  /** Draws station `index` as the selected pin, above every cluster; -1 clears it. */
  setSelected(index: number): void {
    this.selected = index;
    if (this.selectedPin) this.markers.remove(this.selectedPin);
    this.selectedPin = null;
    if (index < 0) return;
    const [lng, lat] = this.options.toDisplay(...this.options.positionOf(index));
    const drawn: Drawn = { element: this.pinElement(index, true), index, id: -1, count: 1, latLng: [lat, lng] };
    setLabel(drawn.element, this.options.pinLabels()(index));
    this.byElement.set(drawn.element, drawn);
    this.selectedPin = drawn.element;
    this.markers.add(drawn.element, drawn.latLng, SELECTED_Z);
  }

  /** Emphasises the pin of station `index` (hovered in a list); -1 clears it. */
  setHighlighted(index: number): void {
    if (this.highlighted >= 0) this.drawn.get(-1 - this.highlighted)?.element.classList.remove('sm-highlighted');
    this.highlighted = index;
    if (index >= 0) this.drawn.get(-1 - index)?.element.classList.add('sm-highlighted');
  }

  /** The pin element of station `index`, when it is drawn on its own. */
  elementOf(index: number): HTMLElement | undefined {
    if (index === this.selected && this.selectedPin) return this.selectedPin;
    return this.drawn.get(-1 - index)?.element;
  }

  /** Number of markers currently drawn (clusters and pins). */
  get size(): number {
    return this.drawn.size;
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
    let labelOf: ((index: number) => string) | undefined;
    for (const item of items) {
      // Clusters and single points share one id space in the index; pins key on the station. A
      // station is an item with an index: a tiled source's cluster the filter cut to 1 has none.
      const key = item.index >= 0 ? -1 - item.index : item.id;
      seen.add(key);
      const old = this.drawn.get(key);
      // A kept marker stays while its count does: a cluster of a grown index may count more.
      if (old && old.count === item.count) continue;
      if (old) this.markers.remove(old.element);
      const [lng, lat] = this.options.toDisplay(item.lng, item.lat);
      const drawn: Drawn = {
        element: item.index >= 0 ? this.pinElement(item.index, false) : clusterElement(item.count),
        index: item.index,
        id: item.id,
        count: item.count,
        latLng: [lat, lng],
      };
      this.label(drawn, (labelOf ??= this.options.pinLabels()));
      this.drawn.set(key, drawn);
      this.byElement.set(drawn.element, drawn);
      this.markers.add(drawn.element, drawn.latLng);
    }
    for (const [key, drawn] of this.drawn) {
      if (!seen.has(key)) {
        this.markers.remove(drawn.element);
        this.drawn.delete(key);
      }
    }
    if (this.highlighted >= 0) this.setHighlighted(this.highlighted);
  }

  /** Removes everything this layer added to the map. */
  destroy(): void {
    this.map.off('moveend', this.redraw, this);
    this.map.off('movestart zoomstart click', this.handleMoveStart, this);
    this.markers.destroy();
    this.drawn.clear();
    this.selectedPin = null;
  }

  private handleActivate(element: HTMLElement): void {
    const drawn = this.byElement.get(element);
    if (!drawn) return;
    if (drawn.index >= 0) {
      // The selected pin is drawn over the marker of the group it belongs to: open the group.
      const under = element === this.selectedPin ? this.groupUnder(drawn.latLng) : undefined;
      if (under) this.openGroup(under, element);
      else this.options.onStationClick(drawn.index);
    } else if (this.index?.provisional) {
      // The scan that stands in for the index until it is built (a moment after the first
      // render) cannot tell whether a cluster ever parts: the tap waits for the index (setIndex).
      this.pendingActivation = drawn.latLng;
    } else if (this.choosesOnActivate(drawn.id)) this.openGroup(drawn, element);
    else this.zoomIntoCluster(drawn.id, drawn.latLng);
  }

  private handleMoveStart(): void {
    this.options.onChooseStations(null);
  }

  /** Whether a cluster's stations stay on one marker at the map's closest zoom. */
  private choosesOnActivate(id: number): boolean {
    const index = this.index;
    if (!index) return false;
    const maxZoom = this.map.getMaxZoom();
    return this.map.getZoom() >= maxZoom || index.getExpansionZoom(id) > maxZoom;
  }

  /** A drawn group marker within a pin's reach of `latLng`. */
  private groupUnder(latLng: [number, number]): Drawn | undefined {
    const at = this.map.latLngToLayerPoint(latLng);
    for (const drawn of this.drawn.values()) {
      if (drawn.index < 0 && this.map.latLngToLayerPoint(drawn.latLng).distanceTo(at) <= OVERLAP_PX) return drawn;
    }
    return undefined;
  }

  private openGroup(drawn: Drawn, marker: HTMLElement): void {
    const index = this.index;
    if (!index) return;
    const point = this.map.latLngToContainerPoint(drawn.latLng);
    const size = this.map.getSize();
    this.options.onChooseStations({
      count: drawn.count,
      stations: (offset, limit) => index.getLeaves(drawn.id, limit, offset),
      point: { x: point.x, y: point.y },
      mapSize: { width: size.x, height: size.y },
      marker,
    });
  }

  private label(drawn: Drawn, labelOf: (index: number) => string): void {
    if (drawn.index >= 0) return setLabel(drawn.element, labelOf(drawn.index));
    // A scan standing in for the index would build it to answer: such labels wait for the index.
    const choose = this.map.getZoom() >= this.map.getMaxZoom() || (!this.index?.provisional && this.choosesOnActivate(drawn.id));
    setLabel(drawn.element, this.options.clusterLabel(drawn.count, choose));
  }

  /** A pin: a clone of the type's template, parsed once (cloning is ~10× faster than parsing SVG). */
  private pinElement(index: number, selected: boolean): HTMLElement {
    const type = this.options.typeOf(index);
    const key = `${selected ? 1 : 0}${type}`;
    let template = this.templates.get(key);
    if (!template) {
      template = document.createElement('div');
      template.className = selected ? 'sm-pin sm-pin-selected' : 'sm-pin';
      template.setAttribute('role', 'button');
      template.tabIndex = 0;
      // markerSvg returns constant markup chosen from a fixed table: no station data inside.
      template.innerHTML = markerSvg(type, { selected });
      this.templates.set(key, template);
    }
    return template.cloneNode(true) as HTMLElement;
  }

  private zoomIntoCluster(id: number, latLng: [number, number]): void {
    const index = this.index;
    if (!index) return;
    const zoom = Math.min(index.getExpansionZoom(id), this.map.getMaxZoom());
    this.map.setView(latLng, Math.max(zoom, this.map.getZoom() + 1));
  }
}

/** A cluster: a round button with its count (in thousands from 10,000). */
function clusterElement(count: number): HTMLElement {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
  const element = document.createElement('div');
  element.className = `sm-cluster sm-cluster-${size}`;
  element.setAttribute('role', 'button');
  element.tabIndex = 0;
  const label = document.createElement('span');
  label.textContent = count < 10000 ? String(count) : `${Math.round(count / 1000)}k`;
  element.append(label);
  return element;
}

/** The accessible name (and the tooltip on hover), set as text, never as markup. */
function setLabel(element: HTMLElement, text: string): void {
  element.title = text;
  element.setAttribute('aria-label', text);
}
