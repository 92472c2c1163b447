import { LitElement, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createStationFilter } from './data/filter-stations.js';
import { loadStations } from './data/load-stations.js';
import { parseStations } from './data/parse-stations.js';
import { createStationStore, type StationStore } from './data/station-store.js';
import { StationMapError } from './errors.js';
import type { LocationChangeDetail, StationMapErrorDetail, StationMapEventMap, StationSelectDetail } from './events.js';
import { routeOnNetwork } from './geo/build-route.js';
import { fromWgs84, isCrs, toWgs84 } from './geo/crs.js';
import { haversineMeters } from './geo/haversine.js';
import { navigationLinks } from './geo/navigation-links.js';
import { nearestByRoute } from './geo/nearest-by-route.js';
import { fetchServiceRoute } from './geo/route-service.js';
import { stationsAlong as findStationsAlong } from './geo/stations-along.js';
import { straightRoute } from './geo/straight-route.js';
import { getOpenStatus } from './hours/is-open.js';
import { resolveLang, getStrings, type UiLang } from './i18n/resolve-lang.js';
import { formatDistance, formatDuration, stationName } from './i18n/format.js';
import type { UiStrings } from './i18n/strings.js';
import { resolveBasemap } from './map/basemaps.js';
import { leafletCss } from './map/leaflet-css.generated.js';
import { loadLeaflet } from './map/leaflet.js';
import { MapController } from './map/map-controller.js';
import { stationMapStyles, typeColorStyles } from './station-map.styles.js';
import type {
  AlongResult,
  Crs,
  LngLat,
  Network,
  NearestResult,
  Route,
  Station,
  StationFilter,
  StationInput,
  TravelMode,
} from './types.js';
import { renderDetail } from './ui/detail-panel.js';
import { renderStationList } from './ui/station-list.js';
import { parseLngLat } from './ui/parse-attributes.js';

/** A position with the accuracy the device reported (metres), in WGS-84 inside the element. */
interface Position {
  lng: number;
  lat: number;
  accuracy: number | null;
  source: LocationChangeDetail['source'];
}

const TRAVEL_MODES: readonly TravelMode[] = ['walking', 'cycling', 'driving'];

/**
 * A map that finds the nearest trade-union service station (工会驿站, 户外劳动者服务站 …) and
 * routes a worker there.
 *
 * @summary Nearest union service station map: clustered markers, detail panel, nearest list, routes.
 *
 * @fires station-select - A station was picked (marker, list, nearest list or API). Cancelable: `preventDefault()` keeps the built-in detail panel closed.
 * @fires stations-load - Station data was loaded and indexed: `{ count, skipped, bbox }`.
 * @fires location-change - The user's position changed: `{ lng, lat, accuracy, source }`.
 * @fires route-change - A route was drawn or cleared: `{ route }`.
 * @fires station-map-error - Something failed: `{ code, message }`.
 *
 * @csspart panel - The side panel (a bottom sheet on narrow screens).
 * @csspart status - The status line ("396 stations · 4 skipped").
 * @csspart list - The station list.
 * @csspart list-item - One station in the list.
 * @csspart detail - The station detail panel.
 * @csspart button - Every button.
 * @csspart map - The map region.
 *
 * @cssproperty --station-map-height - Height of the element when the page gives none (default 520px).
 * @cssproperty --station-map-panel-width - Width of the side panel on wide screens (default 340px).
 * @cssproperty --station-map-accent - Accent colour of primary buttons and clusters.
 * @cssproperty --station-map-font - Font shorthand of the widget.
 * @cssproperty --station-map-radius - Corner radius of the element.
 * @cssproperty --station-map-background - Background colour of the panels.
 * @cssproperty --station-map-color - Text colour.
 * @cssproperty --station-map-color-union-station - Colour of 工会驿站 icons in the list and panel (likewise `-outdoor-worker-station`, `-service-center`, `-mommy-room`, `-driver-home`, `-reading-room`, `-other`).
 */
export class StationMap extends LitElement {
  static override styles = [unsafeCSS(leafletCss), stationMapStyles, typeColorStyles];

  /** URL of a station GeoJSON file; changing it aborts the previous load. */
  @property() src: string | null = null;

  /** Station data as a FeatureCollection or an array of Features; wins over `src` and inline data. */
  @property({ attribute: false }) stations: StationInput | null = null;

  /** Coordinate system of every coordinate the page gives or gets back: `wgs84`, `gcj02` or `bd09`. */
  @property() crs: Crs = 'wgs84';

  /** `osm` (default), `tianditu`, `amap`, `none`, or a tile URL template `https://…/{z}/{x}/{y}.png`. */
  @property() basemap = 'osm';

  /** Key for basemaps that need one (天地图 `tk`). */
  @property({ attribute: 'basemap-key' }) basemapKey: string | null = null;

  /** Map centre as `"lng,lat"`; without it the map fits the stations. */
  @property() center: string | null = null;

  /** Map zoom level. */
  @property({ type: Number }) zoom: number | null = null;

  /** The user's position set by the page, as `"lng,lat"`. */
  @property() origin: string | null = null;

  /**
   * Ask the browser for the user's position on start (attribute `locate`). The property has another
   * name because `locate()` is the method that asks for the position.
   */
  @property({ type: Boolean, attribute: 'locate' }) locateOnStart = false;

  /** How many nearest stations to list. */
  @property({ type: Number }) nearest = 5;

  /** The selected station's id; setting it selects and shows the station. */
  @property({ reflect: true }) selected: string | null = null;

  /** Filter applied to markers, clusters, the list and `nearestStations()`. */
  @property({ attribute: false }) filter: StationFilter | null = null;

  /** URL of a GeoJSON of LineStrings (paths, trails, roads) used for in-browser routing. */
  @property() network: string | null = null;

  /** Base URL of an OSRM-compatible route service. */
  @property({ attribute: 'router-url' }) routerUrl: string | null = null;

  /** `walking` (default), `cycling` or `driving`. */
  @property({ attribute: 'travel-mode' }) travelMode: TravelMode = 'walking';

  /** UI language: `zh-CN`, `zh-TW` or `en`; default: the closest `lang`, then the document's, then the browser's. */
  @property() override lang = '';

  /** IANA time zone in which "open now" is evaluated, whatever the viewer's clock. */
  @property() timezone = 'Asia/Shanghai';

  @state() private store: StationStore | null = null;
  @state() private selectedIndex = -1;
  @state() private detailOpen = false;
  @state() private position: Position | null = null;
  @state() private route: Route | null = null;
  @state() private loading = false;
  @state() private errorMessage: string | null = null;
  @state() private tilesFailed = false;
  @state() private pickOnMap = false;
  @state() private sheetOpen = false;
  @state() private listCenter: LngLat | null = null;
  @state() private announcement = '';
  @state() private copied = false;

  private mapController: MapController | null = null;
  private mapPromise: Promise<MapController | null> | null = null;
  private loadAbort: AbortController | null = null;
  private loadGeneration = 0;
  private routeAbort: AbortController | null = null;
  private networkData: Network | null = null;
  private networkAbort: AbortController | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private inlineObserver: MutationObserver | null = null;
  private accept: ((index: number) => boolean) | null = null;
  private viewFitted = false;
  private focusBeforeDetail: HTMLElement | null = null;

  /** Clock used for "open now"; tests and pages may replace it. */
  now: () => Date = () => new Date();

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    this.inlineObserver = new MutationObserver(() => {
      if (this.stations == null && !this.src) void this.reload();
    });
    this.inlineObserver.observe(this, { childList: true, characterData: true, subtree: true });
    if (this.hasUpdated) void this.ensureMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.routeAbort?.abort();
    this.networkAbort?.abort();
    this.inlineObserver?.disconnect();
    this.inlineObserver = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.mapController?.destroy();
    this.mapController = null;
    this.mapPromise = null;
    this.viewFitted = false;
  }

  protected override firstUpdated(): void {
    void this.ensureMap();
    if (this.locateOnStart) this.locate().catch(() => undefined);
  }

  // State derived from properties is set here, before rendering, so no update schedules another.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('filter') || changed.has('timezone') || changed.has('store')) this.applyFilter();
    if (changed.has('basemap') || changed.has('basemapKey')) this.tilesFailed = false;
    if (changed.has('origin')) this.applyOrigin();
    if (changed.has('selected') && this.selected !== this.selectedId) {
      if (this.selected) this.selectById(this.selected, 'api');
      else this.clearSelection();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('src') || changed.has('stations') || changed.has('crs')) void this.reload();
    if (changed.has('network') || (changed.has('crs') && this.network)) void this.loadNetwork();
    if (changed.has('basemap') || changed.has('basemapKey') || changed.has('lang')) this.applyBasemap();
    if ((changed.has('center') || changed.has('zoom')) && this.hasUpdated) this.applyView();
    if (changed.has('lang') || changed.has('store')) this.refreshMapLabels();
  }

  // ——— public API ———

  /**
   * Asks the browser for the user's position, draws it and lists the nearest stations.
   * Rejects with a `StationMapError` (`geolocation-denied` or `geolocation-unavailable`); the user
   * can then tap the map to set a position.
   */
  async locate(): Promise<{ lng: number; lat: number; accuracy: number }> {
    const s = this.strings;
    const fail = (code: 'geolocation-denied' | 'geolocation-unavailable', message: string): never => {
      this.pickOnMap = true;
      this.errorMessage = `${message} ${s.mapClickHint}`;
      this.fireError(code, message);
      throw new StationMapError(code, message);
    };
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      return fail('geolocation-unavailable', s.errors['geolocation-unavailable']());
    }
    if (typeof window !== 'undefined' && window.isSecureContext === false) {
      return fail('geolocation-unavailable', s.errors['geolocation-unavailable']({ insecure: true }));
    }
    this.errorMessage = null;
    let coords: GeolocationCoordinates;
    try {
      coords = await new Promise<GeolocationCoordinates>((resolve, reject) =>
        navigator.geolocation.getCurrentPosition((p) => resolve(p.coords), reject, {
          enableHighAccuracy: true,
          timeout: 15000,
          maximumAge: 60000,
        }),
      );
    } catch (error) {
      const code = (error as GeolocationPositionError).code;
      return code === 1
        ? fail('geolocation-denied', s.errors['geolocation-denied']())
        : fail('geolocation-unavailable', s.errors['geolocation-unavailable']());
    }
    this.pickOnMap = false;
    this.setPosition({ lng: coords.longitude, lat: coords.latitude, accuracy: coords.accuracy, source: 'device' });
    const [lng, lat] = this.toPage([coords.longitude, coords.latitude]);
    return { lng, lat, accuracy: coords.accuracy };
  }

  /**
   * The `k` nearest stations to a position (in the element's `crs`), nearest first, by
   * great-circle distance, honouring the element's `filter` and an optional extra one.
   *
   * @example map.nearestStations(117.13, 36.21, 3)
   */
  nearestStations(lng: number, lat: number, k = this.nearest, filter?: StationFilter): NearestResult[] {
    const store = this.store;
    if (!store || !Number.isFinite(lng) || !Number.isFinite(lat)) return [];
    const [x, y] = toWgs84([lng, lat], this.crs);
    const extra = filter ? createStationFilter(filter, { now: this.now(), timezone: this.timezone }) : null;
    const base = this.accept;
    const accept =
      extra || base ? (i: number) => (!base || base(i)) && (!extra || extra(store.stations[i]!)) : undefined;
    return store.spatial.nearest(x, y, k, { accept }).map(({ index, distanceMeters }) => ({
      station: store.stations[index]!,
      distanceMeters,
    }));
  }

  /**
   * Routes from `from` (or the user's position) to station `id`, draws the route and fires
   * `route-change`. Tries the path `network`, then the `router-url` service, then a straight line.
   */
  async routeTo(id: string, from?: LngLat | { lng: number; lat: number }): Promise<Route> {
    const store = this.requireStore();
    const index = store.indexById.get(String(id));
    if (index === undefined) throw new StationMapError('route-failed', `No station with id "${id}"`);
    let start: LngLat;
    if (from) {
      const pair: LngLat = Array.isArray(from) ? [from[0], from[1]] : [from.lng, from.lat];
      start = toWgs84(pair, this.crs);
    } else if (this.position) {
      start = [this.position.lng, this.position.lat];
    } else if (parseLngLat(this.origin)) {
      // Set by the page in this same task, before the element has applied it.
      start = toWgs84(parseLngLat(this.origin)!, this.crs);
    } else {
      await this.locate();
      start = [this.position!.lng, this.position!.lat];
    }
    const end: LngLat = [store.lng[index]!, store.lat[index]!];
    this.routeAbort?.abort();
    const abort = (this.routeAbort = new AbortController());
    const mode = TRAVEL_MODES.includes(this.travelMode) ? this.travelMode : 'walking';
    let route: Route | null = null;
    const reasons: string[] = [];
    if (this.networkData) {
      const result = routeOnNetwork(this.networkData, start, end, { mode });
      if (result.route) route = result.route;
      else reasons.push(result.message);
    }
    if (!route && this.routerUrl) {
      try {
        route = await fetchServiceRoute(this.routerUrl, start, end, { mode, signal: abort.signal });
      } catch (error) {
        if (abort.signal.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        reasons.push(message);
        this.fireError('route-failed', message);
      }
    }
    if (!route) route = straightRoute(start, end, { mode });
    if (reasons.length && route.kind !== 'network') route = { ...route, fallbackReason: reasons.join('; ') };
    this.route = route;
    this.mapController?.setRoute(route);
    const pageRoute = this.routeToPage(route);
    this.dispatch('route-change', { route: pageRoute });
    const lang = this.uiLang;
    this.announce(
      `${stationName(store.stations[index]!, lang)}: ${this.strings.routeSummary(formatDistance(route.distanceMeters, lang), formatDuration(route.durationSeconds, lang), mode)}`,
    );
    return pageRoute;
  }

  /** Removes the drawn route and fires `route-change` with `null`. */
  clearRoute(): void {
    this.routeAbort?.abort();
    if (!this.route) return;
    this.route = null;
    this.mapController?.setRoute(null);
    this.dispatch('route-change', { route: null });
  }

  /** Stations within `bufferMeters` of a LineString (in the element's `crs`), in order along it. */
  stationsAlong(line: Parameters<typeof findStationsAlong>[1], bufferMeters = 500): AlongResult[] {
    const store = this.store;
    if (!store) return [];
    const geometry = 'geometry' in line ? line.geometry : line;
    const wgsLine = { ...geometry, coordinates: geometry.coordinates.map((p) => toWgs84([p[0]!, p[1]!], this.crs)) };
    const results = findStationsAlong(store.wgsStations(), wgsLine, bufferMeters);
    return results.map((r) => ({ ...r, station: store.stations[store.indexById.get(r.station.id)!]! }));
  }

  /** Selects station `id` as if the page picked it (`source: 'api'`). */
  select(id: string): void {
    this.selectById(String(id), 'api');
  }

  /** Clears the selection and closes the detail panel. */
  clearSelection(): void {
    this.selectedIndex = -1;
    this.detailOpen = false;
    this.selected = null;
    this.mapController?.stations.setSelected(-1);
  }

  /** Zooms the map to the visible (filtered) stations. */
  fitStations(): void {
    const store = this.store;
    const map = this.mapController;
    if (!store || !map) return;
    const bbox = store.bboxOf(this.accept);
    if (bbox) map.fitBBox(bbox);
  }

  // ——— data ———

  private get selectedId(): string | null {
    return this.selectedIndex >= 0 ? (this.store?.stations[this.selectedIndex]?.id ?? null) : null;
  }

  /** Reloads the station data from the property, `src` or inline `<script type="application/geo+json">`. */
  private async reload(): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const generation = ++this.loadGeneration;
    const crs = isCrs(this.crs) ? this.crs : 'wgs84';
    this.errorMessage = null;
    let result;
    if (this.stations != null) {
      result = parseStations(this.stations, { crs });
    } else if (this.src) {
      this.loading = true;
      try {
        result = await loadStations(this.src, { signal: abort.signal, crs });
      } catch (error) {
        if (abort.signal.aborted || generation !== this.loadGeneration) return;
        this.loading = false;
        const e = error instanceof StationMapError ? error : new StationMapError('fetch-failed', String(error));
        const status = /HTTP (\d{3})/.exec(e.message)?.[1];
        const headline =
          e.code === 'invalid-geojson' ? this.strings.errors['invalid-geojson']() : this.strings.errors['fetch-failed']({ status: status ? Number(status) : undefined });
        this.errorMessage = `${headline} ${e.message}`;
        this.fireError(e.code, e.message);
        return;
      }
      if (generation !== this.loadGeneration) return;
      this.loading = false;
    } else {
      const script = this.querySelector('script[type="application/geo+json"], script[type="application/json"]');
      if (!script) return;
      result = parseStations(script.textContent ?? '', { crs });
    }
    if (result.error) {
      this.store = null;
      this.errorMessage = `${this.strings.errors['invalid-geojson']()} ${result.error.message}`;
      this.fireError('invalid-geojson', result.error.message);
      return;
    }
    this.store = createStationStore(result.stations, crs, result.skipped.length);
    this.viewFitted = false;
    const bbox = this.store.bboxOf(null);
    this.dispatch('stations-load', {
      count: result.stations.length,
      skipped: result.skipped,
      bbox: bbox ? this.bboxToPage(bbox) : null,
    });
    if (result.skipped.length) {
      const first = result.skipped.slice(0, 3).map((s) => `#${s.index} ${s.reason}: ${s.message}`);
      const message = `${result.skipped.length} feature(s) skipped: ${first.join('; ')}${result.skipped.length > 3 ? '; …' : ''}`;
      this.dispatch('station-map-error', { code: 'invalid-features', message, skipped: result.skipped });
    }
    await this.updateComplete;
    this.showStations();
    if (this.selected) this.selectById(this.selected, 'api', { silentIfMissing: true });
  }

  private async loadNetwork(): Promise<void> {
    this.networkAbort?.abort();
    this.networkData = null;
    if (!this.network) return;
    const abort = (this.networkAbort = new AbortController());
    try {
      const response = await fetch(new URL(this.network, document.baseURI), { signal: abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json = (await response.json()) as Network;
      this.networkData = this.crs === 'wgs84' ? json : networkToWgs84(json, this.crs);
      this.requestUpdate();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fireError('fetch-failed', `Could not load the path network from ${this.network}: ${(error as Error).message ?? error}`);
    }
  }

  private applyFilter(): void {
    const store = this.store;
    if (!store) {
      this.accept = null;
      return;
    }
    const predicate = createStationFilter(this.filter ?? undefined, { now: this.now(), timezone: this.timezone });
    this.accept = predicate ? (i: number) => predicate(store.stations[i]!) : null;
    this.mapController?.stations.setIndex(store.clustersFor(this.accept));
  }

  // ——— map ———

  private ensureMap(): Promise<MapController | null> {
    this.mapPromise ??= (async () => {
      const L = await loadLeaflet();
      const container = this.renderRoot.querySelector<HTMLElement>('.map');
      if (!container || !this.isConnected || this.mapController) return this.mapController;
      const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      const controller = new MapController(
        L,
        container,
        {
          positionOf: (i) => [this.store!.lng[i]!, this.store!.lat[i]!],
          typeOf: (i) => this.store!.stations[i]!.properties.type,
          labelOf: (i) => this.labelOf(i),
          clusterLabel: (count) => `${this.strings.stationsLoaded(count, 0)} · ${this.strings.actions.zoomIn}`,
          onStationClick: (i) => this.selectIndex(i, 'marker'),
          onMapClick: (lng, lat) => this.handleMapClick(lng, lat),
          onTilesFailed: () => this.handleTilesFailed(),
        },
        { reducedMotion },
      );
      this.mapController = controller;
      controller.map.on('moveend', () => {
        if (!this.position) this.listCenter = this.mapCenter();
      });
      this.resizeObserver = new ResizeObserver(() => controller.invalidateSize());
      this.resizeObserver.observe(container);
      this.applyBasemap();
      this.applyView();
      this.showStations();
      this.applyOrigin();
      if (this.route) controller.setRoute(this.route, { fit: false });
      return controller;
    })();
    return this.mapPromise;
  }

  private showStations(): void {
    const map = this.mapController;
    const store = this.store;
    if (!map) return;
    map.stations.setIndex(store ? store.clustersFor(this.accept) : null);
    if (store && !this.viewFitted && !this.center) {
      const bbox = store.bboxOf(null);
      if (bbox) map.fitBBox(bbox);
      this.viewFitted = true;
    }
    if (this.selectedIndex >= 0) map.stations.setSelected(this.selectedIndex);
    if (!this.position) this.listCenter = this.mapCenter();
  }

  private applyBasemap(): void {
    const map = this.mapController;
    if (!map) return;
    const spec = resolveBasemap(this.basemap, { key: this.basemapKey, lang: this.uiLang });
    map.setBasemap(spec);
  }

  /** The small notice over the map: a basemap that cannot be shown, or tiles that failed. */
  private get mapNotice(): string | null {
    const s = this.strings;
    const problem = resolveBasemap(this.basemap, { key: this.basemapKey }).problem;
    if (problem === 'missing-key') return s.errors['basemap-key-missing']({ provider: this.basemap });
    if (problem === 'bad-template' || this.tilesFailed) return s.errors['tiles-failed']({ provider: this.basemap });
    return null;
  }

  private applyView(): void {
    const map = this.mapController;
    if (!map) return;
    const center = parseLngLat(this.center);
    if (center) {
      const [lng, lat] = toWgs84(center, this.crs);
      map.setView(lng, lat, this.zoom ?? undefined);
      this.viewFitted = true;
    } else if (this.zoom != null && Number.isFinite(this.zoom)) {
      map.map.setZoom(this.zoom);
    }
  }

  private applyOrigin(): void {
    const origin = parseLngLat(this.origin);
    if (!origin) return;
    const [lng, lat] = toWgs84(origin, this.crs);
    if (this.position && this.position.lng === lng && this.position.lat === lat) return;
    this.setPosition({ lng, lat, accuracy: null, source: 'page' });
  }

  private refreshMapLabels(): void {
    this.mapController?.stations.refresh();
    if (this.position) this.mapController?.setPosition(this.position, this.strings.yourPosition);
  }

  private mapCenter(): LngLat | null {
    const map = this.mapController;
    if (!map) return null;
    const [w, s, e, n] = map.getViewBBox();
    return [(w + e) / 2, (s + n) / 2];
  }

  private setPosition(position: Position): void {
    this.position = position;
    this.listCenter = [position.lng, position.lat];
    this.mapController?.setPosition(position, this.strings.yourPosition);
    if (position.source !== 'page') this.mapController?.setView(position.lng, position.lat, Math.max(this.mapController.map.getZoom(), 14));
    const [lng, lat] = this.toPage([position.lng, position.lat]);
    this.dispatch('location-change', { lng, lat, accuracy: position.accuracy, source: position.source });
  }

  private handleMapClick(lng: number, lat: number): void {
    if (!this.pickOnMap) return;
    this.pickOnMap = false;
    this.errorMessage = null;
    this.setPosition({ lng, lat, accuracy: null, source: 'map' });
  }

  private handleTilesFailed(): void {
    this.tilesFailed = true;
    this.fireError('tiles-failed', 'Map tiles could not be loaded; stations are still shown.');
  }

  // ——— selection ———

  private selectById(id: string, source: StationSelectDetail['source'], options: { silentIfMissing?: boolean } = {}): void {
    const index = this.store?.indexById.get(id);
    if (index === undefined) {
      if (!options.silentIfMissing && this.store) console.warn(`station-map: no station with id "${id}"`);
      return;
    }
    this.selectIndex(index, source);
  }

  private selectIndex(index: number, source: StationSelectDetail['source']): void {
    const store = this.store;
    if (!store) return;
    const station = store.stations[index]!;
    const distanceMeters = this.position
      ? haversineMeters(this.position.lng, this.position.lat, store.lng[index]!, store.lat[index]!)
      : null;
    this.selectedIndex = index;
    this.selected = station.id;
    const event = this.dispatch('station-select', { id: station.id, station, distanceMeters, source }, { cancelable: true });
    const map = this.mapController;
    map?.stations.setSelected(index);
    if (map && source !== 'marker') {
      // On phones the bottom sheet (70 % high) covers the map's lower part.
      const covered = this.offsetWidth < 720 && !event.defaultPrevented ? this.offsetHeight * 0.7 : 0;
      map.showPoint(store.lng[index]!, store.lat[index]!, Math.max(map.map.getZoom(), 15), covered);
    }
    if (this.route) this.clearRoute();
    if (event.defaultPrevented) {
      this.detailOpen = false;
    } else {
      if (!this.detailOpen) this.focusBeforeDetail = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
      this.detailOpen = true;
      this.sheetOpen = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.detail h2')?.focus({ preventScroll: true }));
    }
    const name = stationName(station, this.uiLang);
    this.announce(this.strings.announcements.selected(name, distanceMeters == null ? undefined : formatDistance(distanceMeters, this.uiLang)));
  }

  private closeDetail(): void {
    this.detailOpen = false;
    const back = this.focusBeforeDetail;
    this.focusBeforeDetail = null;
    void this.updateComplete.then(() => back?.isConnected && back.focus());
  }

  // ——— helpers ———

  private get uiLang(): UiLang {
    const fromAttr = resolveLang(this.lang);
    if (fromAttr) return fromAttr;
    const closest = this.closest('[lang]')?.getAttribute('lang') ?? (typeof document !== 'undefined' ? document.documentElement.lang : '');
    return resolveLang(closest) ?? resolveLang(typeof navigator !== 'undefined' ? navigator.language : '') ?? 'zh-CN';
  }

  private get strings(): UiStrings {
    return getStrings(this.uiLang);
  }

  private labelOf(index: number): string {
    const station = this.store!.stations[index]!;
    return stationName(station, this.uiLang);
  }

  private requireStore(): StationStore {
    if (!this.store) throw new StationMapError('route-failed', 'No stations are loaded');
    return this.store;
  }

  private toPage(position: LngLat): LngLat {
    return fromWgs84(position, this.crs);
  }

  private bboxToPage(bbox: [number, number, number, number]): [number, number, number, number] {
    const [w, s] = this.toPage([bbox[0], bbox[1]]);
    const [e, n] = this.toPage([bbox[2], bbox[3]]);
    return [w, s, e, n];
  }

  private routeToPage(route: Route): Route {
    if (this.crs === 'wgs84') return route;
    return {
      ...route,
      geometry: { ...route.geometry, coordinates: route.geometry.coordinates.map((p) => this.toPage([p[0]!, p[1]!])) },
    };
  }

  private announce(text: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private fireError(code: StationMapErrorDetail['code'], message: string): void {
    this.dispatch('station-map-error', { code, message });
  }

  private dispatch<K extends keyof StationMapEventMap>(
    type: K,
    detail: StationMapEventMap[K]['detail'],
    options: { cancelable?: boolean } = {},
  ): CustomEvent {
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.dispatchEvent(event);
    return event;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.detailOpen) {
      event.stopPropagation();
      this.closeDetail();
    }
  }

  private async handleCopyCode(id: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(id);
      this.copied = true;
      setTimeout(() => (this.copied = false), 2000);
    } catch {
      this.copied = false;
    }
  }

  private handleRouteHere(id: string): void {
    this.routeTo(id).catch(() => undefined);
  }

  // ——— render ———

  private listCache: { key: unknown[]; items: Array<{ index: number; station: Station; distanceMeters: number }> } | null = null;

  /**
   * The stations of the list: nearest to the user (by path when a network is loaded) or to the
   * map centre. Cached, because routing a few dozen candidates is too much for every render.
   */
  private listItems(): Array<{ index: number; station: Station; distanceMeters: number }> {
    const store = this.store;
    const center = this.listCenter;
    if (!store || !center) return [];
    const byRoute = this.position && this.networkData ? this.networkData : null;
    const k = Math.max(1, Math.min(this.position ? this.nearest : 50, 200));
    const key = [store, center[0], center[1], k, this.accept, byRoute, this.travelMode];
    if (this.listCache && this.listCache.key.every((v, i) => v === key[i])) return this.listCache.items;
    const accept = this.accept;
    let items;
    if (byRoute) {
      const filter = accept ? (station: Station) => accept(store.indexById.get(station.id)!) : undefined;
      items = nearestByRoute(store.wgsStations(), byRoute, center[0], center[1], k, { filter, mode: this.travelMode }).map((r) => {
        const index = store.indexById.get(r.station.id)!;
        return { index, station: store.stations[index]!, distanceMeters: r.routeMeters ?? r.distanceMeters };
      });
    } else {
      items = store.spatial
        .nearest(center[0], center[1], k, { accept: accept ?? undefined })
        .map(({ index, distanceMeters }) => ({ index, station: store.stations[index]!, distanceMeters }));
    }
    this.listCache = { key, items };
    return items;
  }

  private renderStatus(s: UiStrings) {
    if (this.loading) return s.loading;
    if (!this.store) return '';
    return s.stationsLoaded(this.store.stations.length, this.store.skippedCount);
  }

  protected override render() {
    const s = this.strings;
    const lang = this.uiLang;
    const store = this.store;
    const station = store && this.selectedIndex >= 0 ? store.stations[this.selectedIndex] : undefined;
    const status = this.renderStatus(s);
    const listItems = this.listItems();
    return html`
      <div class="layout" lang=${lang} @keydown=${this.handleKeydown}>
        <section class="panel ${this.sheetOpen ? 'open' : ''}" part="panel" aria-label=${s.listLabel}>
          <button
            class="sheet-toggle"
            part="button"
            aria-expanded=${this.sheetOpen ? 'true' : 'false'}
            @click=${() => (this.sheetOpen = !this.sheetOpen)}
          >
            <span>${status}</span><span aria-hidden="true">${this.sheetOpen ? '▾' : '▴'}</span>
          </button>
          <div class="status ${this.errorMessage ? 'error' : ''}" part="status" role="status">${status}</div>
          ${this.errorMessage
            ? html`<div class="message error" role="alert">
                ${this.errorMessage}
                ${this.src && !this.store
                  ? html`<div><button part="button" @click=${() => this.reload()}>${s.actions.retry}</button></div>`
                  : nothing}
              </div>`
            : nothing}
          <div class="scroll">
            ${station && this.detailOpen
              ? renderDetail({
                  station,
                  strings: s,
                  lang,
                  status: getOpenStatus(station.properties.hours, this.now(), this.timezone),
                  distanceMeters: this.position
                    ? haversineMeters(this.position.lng, this.position.lat, store!.lng[this.selectedIndex]!, store!.lat[this.selectedIndex]!)
                    : null,
                  links: navigationLinks({ ...station, geometry: { type: 'Point', coordinates: [store!.lng[this.selectedIndex]!, store!.lat[this.selectedIndex]!] } }, {
                    mode: this.travelMode,
                  }),
                  route: this.route,
                  copied: this.copied,
                  onClose: () => this.closeDetail(),
                  onRoute: () => this.handleRouteHere(station.id),
                  onClearRoute: () => this.clearRoute(),
                  onCopy: () => this.handleCopyCode(station.id),
                })
              : renderStationList({
                  items: listItems,
                  strings: s,
                  lang,
                  heading: !this.position
                    ? s.nearbyHeading
                    : this.networkData
                      ? `${s.nearestHeading} · ${s.routeKinds.network}`
                      : s.nearestHeading,
                  selectedIndex: this.selectedIndex,
                  now: this.now(),
                  timezone: this.timezone,
                  onPick: (index) => this.selectIndex(index, this.position ? 'nearest' : 'list'),
                  onHover: (index) => this.mapController?.stations.setHighlighted(index),
                })}
          </div>
        </section>
        <div class="map-wrap">
          <div class="map" part="map" role="region" aria-label=${s.mapLabel}></div>
          <div class="map-tools">
            <button class="icon" part="button" title=${s.actions.locateMe} aria-label=${s.actions.locateMe} @click=${() => this.locate().catch(() => undefined)}>
              <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 3h-2.07A7 7 0 0 0 13 5.07V3h-2v2.07A7 7 0 0 0 5.07 11H3v2h2.07A7 7 0 0 0 11 18.93V21h2v-2.07A7 7 0 0 0 18.93 13H21v-2zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10z"/></svg>
            </button>
          </div>
          ${this.mapNotice ? html`<div class="map-notice" role="note">${this.mapNotice}</div>` : nothing}
        </div>
      </div>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }
}

/** Converts every coordinate of a path network from `crs` to WGS-84, once per load. */
function networkToWgs84(network: Network, crs: Crs): Network {
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

declare global {
  interface HTMLElementTagNameMap {
    'station-map': StationMap;
  }
}
