/**
 * The selected station of `<station-map>` and its detail panel: which station is selected, whether
 * its panel is open, where focus goes back to when the panel closes, and the cancelable
 * `station-select` event. It follows the element's `selected` property itself (hostUpdate) and
 * keeps it in step with the selection, so the element keeps no selection fields or triggers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StationStore } from '../data/station-store.js';
import type { StationSelectDetail } from '../events.js';
import type { MapController } from '../map/map-controller.js';
import type { LngLat, Station } from '../types.js';
import { haversineMeters } from '../geo/sphere/haversine.js';

/** The element a selection lives in. */
export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  /** The `selected` property: the selected station's id, or `null`. */
  selected: string | null;
}

/** What the selection reads from, and tells, its element. */
export interface SelectionOptions {
  store(): StationStore | null;
  map(): MapController | null;
  /** The user's position (WGS-84), for the distance in the event and the announcement. */
  position(): LngLat | null;
  /** Fires the cancelable `station-select` event; returns it. */
  dispatch(detail: StationSelectDetail): CustomEvent;
  /** A station was selected (the route to the last one is dropped, the selection announced). */
  onSelected(station: Station, distanceMeters: number | null, panelOpened: boolean): void;
  /** The selected row should be scrolled into the list's view. */
  onShown(index: number): void;
}

/** Owns the selection of one `<station-map>`. */
export class SelectionController implements ReactiveController {
  private selectedIndex = -1;
  private panelOpen = false;
  private focusBefore: HTMLElement | null = null;
  /** The `selected` value last acted on. */
  private selectedSeen: string | null | undefined = undefined;
  /** The index last scrolled to. */
  private shownIndex = -1;

  constructor(
    private readonly host: SelectionHost,
    private readonly options: SelectionOptions,
  ) {
    host.addController(this);
  }

  /** The selected station's position in the store, `-1` when none. */
  get index(): number {
    return this.selectedIndex;
  }

  /** Whether the built-in detail panel is open. */
  get detailOpen(): boolean {
    return this.panelOpen;
  }

  /** The selected station's id, or `null`. */
  get id(): string | null {
    return this.selectedIndex >= 0 ? (this.options.store()?.station(this.selectedIndex).id ?? null) : null;
  }

  /** The page set `selected`: select that station (or clear the selection). */
  hostUpdate(): void {
    const selected = this.host.selected;
    if (selected === this.selectedSeen) return;
    this.selectedSeen = selected;
    if (selected === this.id) return;
    if (selected) this.selectById(selected, 'api');
    else this.clear();
  }

  hostUpdated(): void {
    if (this.selectedIndex === this.shownIndex) return;
    this.shownIndex = this.selectedIndex;
    if (this.selectedIndex >= 0) this.options.onShown(this.selectedIndex);
  }

  /** Selects station `id` (a warning when the loaded data lacks it; `silentIfMissing`: clears instead). */
  selectById(id: string, source: StationSelectDetail['source'], options: { silentIfMissing?: boolean } = {}): void {
    const store = this.options.store();
    const index = store?.indexById.get(id);
    // Tiled mode: a station no loaded tile holds is looked up (`lookup-url`) and selected when found.
    if (index === undefined && store?.lookup?.(id, source)) return;
    if (index === undefined) {
      if (!options.silentIfMissing && store) console.warn(`station-map: no station with id "${id}"`);
      // `selected` reflects the selection: an id the loaded data lacks does not stay set.
      if (store && options.silentIfMissing) this.clear();
      else if (store) this.setSelected(this.id);
      return;
    }
    this.select(index, source);
  }

  /** Selects station `index`: fires `station-select`, shows it on the map and opens its panel unless the page prevented it. */
  select(index: number, source: StationSelectDetail['source']): void {
    const { options } = this;
    const store = options.store();
    if (!store) return;
    const station = store.station(index);
    const position = options.position();
    const distanceMeters = position ? haversineMeters(position[0], position[1], store.lng[index]!, store.lat[index]!) : null;
    this.selectedIndex = index;
    this.setSelected(station.id);
    const event = options.dispatch({ id: station.id, station, distanceMeters, source });
    const map = options.map();
    map?.stations.setSelected(index);
    if (map && source !== 'marker') {
      // On phones the bottom sheet (70 % high) covers the map's lower part.
      const covered = this.host.offsetWidth < 720 && !event.defaultPrevented ? this.host.offsetHeight * 0.7 : 0;
      map.showPoint(store.lng[index]!, store.lat[index]!, Math.max(map.map.getZoom(), 15), covered);
    }
    if (event.defaultPrevented) {
      this.panelOpen = false;
    } else {
      if (!this.panelOpen) this.focusBefore = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
      this.panelOpen = true;
      void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>('#detail-title')?.focus({ preventScroll: true }));
    }
    this.host.requestUpdate();
    options.onSelected(station, distanceMeters, !event.defaultPrevented);
  }

  /** Clears the selection and closes the panel; `keepSelected` leaves the `selected` property for the next data. */
  clear(options: { keepSelected?: boolean } = {}): void {
    this.selectedIndex = -1;
    this.panelOpen = false;
    if (!options.keepSelected) this.setSelected(null);
    this.options.map()?.stations.setSelected(-1);
    this.host.requestUpdate();
  }

  /** Forgets the selected position (new data: `selected` picks it again there), keeping `selected`. */
  reset(): void {
    this.selectedIndex = -1;
    this.options.map()?.stations.setSelected(-1);
    this.host.requestUpdate();
  }

  /** The selected station has position `index` in the next store (the tiled mode forgot stations around it). */
  moveTo(index: number): void {
    this.selectedIndex = index;
    this.options.map()?.stations.setSelected(index);
  }

  /** Closes the panel and puts focus back where it was before the panel opened. */
  closeDetail(): void {
    this.panelOpen = false;
    const back = this.focusBefore;
    this.focusBefore = null;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => back?.isConnected && back.focus());
  }

  /** Sets the element's `selected` property, noting it as seen so hostUpdate does not act on it. */
  private setSelected(id: string | null): void {
    this.selectedSeen = id;
    this.host.selected = id;
  }
}
