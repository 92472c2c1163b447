import { LitElement, html, nothing, unsafeCSS, type CSSResult, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues } from 'lit';
import { BottomSheetController } from './controllers/bottom-sheet-controller.js';
import { CoverageController } from './controllers/coverage-controller.js';
import { SelectionController } from './controllers/selection-controller.js';
import { StationListController } from './controllers/station-list-controller.js';
import { NetworkController } from './controllers/network-controller.js';
import { LazyModule, settleLazyModules } from './controllers/lazy-module.js';
import { PlaceSearchController } from './controllers/place-search-controller.js';
import { SearchQueryController } from './controllers/search-query-controller.js';
import { StationLoadController, type StationLoadFailure } from './controllers/station-load-controller.js';
import { StationChooserController } from './controllers/station-chooser-controller.js';
import { DeepLinkController } from './controllers/deep-link-controller.js';
import type { TiledHost, TiledMode } from './controllers/tiled-mode.js';
import type { StationActions } from './controllers/station-actions.js';
import type { BuiltStore } from './data/build-store-sliced.js';
import { createStationFilter } from './data/filter-stations.js';
import type { StationFields } from './data/station-fields.js';
import { indexColumnsSteps, type StationStore } from './data/station-store.js';
import { runSteps } from './util/steps.js';
import { summarizeSkippedRows } from './data/station-table.js';
import { StationMapError } from './errors.js';
import type { LocationChangeDetail, StationMapErrorDetail, StationMapEventMap } from './events.js';
import type { CoverageArea } from './geo/coverage/coverage-mask.js';
import { fromWgs84, toWgs84 } from './geo/crs/crs.js';
import { haversineMeters } from './geo/sphere/haversine.js';
import { convertBBoxToPage, convertRouteToPage } from './geo/crs/page-crs.js';
import { stationsAlong as findStationsAlong } from './geo/route/stations-along.js';
import { getOpenStatus } from './hours/is-open.js';
import { clampHeadingLevel, renderHeading } from './ui/heading.js';
import { renderSavedCopyNote } from './ui/saved-copy-note.js';
import type { HolidayCalendar } from './hours/holiday-calendar.js';
import { formatDistance, formatDuration, stationName } from './i18n/format.js';
import { resolveLang, type UiLang } from './i18n/resolve-lang.js';
import { loadedStrings, loadStrings } from './i18n/string-tables.js';
import { zhCN } from './i18n/zh-CN.js';
import type { SkippedRowsSummary, UiStrings } from './i18n/strings.js';
import { resolveBasemap, type BasemapSpec } from './map/basemaps.js';
import { leafletCss } from './map/leaflet-css.generated.js';
import { loadLeaflet } from './map/leaflet.js';
import { MapController } from './map/map-controller.js';
import { stationMapStyles, typeColorStyles } from './station-map.styles.js';
import type {
  AlongResult,
  Crs,
  LngLat,
  NearestResult,
  Route,
  Station,
  StationFilter,
  StationInput,
  TravelMode,
  Geocoder,
  CoverageStats,
} from './types.js';
import { clipText } from './ui/clip-text.js';
import { isFiltering, renderFilterBar, withFilter } from './ui/filter-bar.js';
import { renderLoadProgress } from './ui/load-progress.js';
import { parseLngLat } from './ui/parse-attributes.js';
import { fetchArchiveHead, isTiledSource } from './tiles/tiled-source-url.js';
import type { PlaceResult } from './ui/place-results.js';
import { renderStationList, renderTypeIcon } from './ui/list-rows.js';
import { restyleAfterMove } from './ui/restyle-after-move.js';
import { checkPropertiesOf, readPosition } from './ui/validate-inputs.js';

/** A position with the accuracy the device reported (metres), in WGS-84 inside the element. */
interface Position {
  lng: number;
  lat: number;
  accuracy: number | null;
  source: LocationChangeDetail['source'];
}

const TRAVEL_MODES: readonly TravelMode[] = ['walking', 'cycling', 'driving'];

/** Loads of at least this many stations paint their clusters a frame before their list. */
const LIST_AFTER_MAP_FROM = 50_000;
/** Longest the basemap waits for the view to be fitted to stations still loading (see applyBasemap). */
const TILES_WAIT_MS = 4000;

/**
 * A map that finds the nearest trade-union service station (工会驿站, 户外劳动者服务站 …) and
 * routes a worker there.
 *
 * @summary Nearest union service station map: clustered markers, detail panel, nearest list, routes.
 *
 * @fires {CustomEvent<StationSelectDetail>} station-select - A station was picked (marker, list, nearest list or API). Cancelable: `preventDefault()` keeps the built-in detail panel closed.
 * @fires {CustomEvent<StationsLoadDetail>} stations-load - Station data was loaded and indexed: `{ count, skipped, bbox }`. In tiled mode it fires once, when the first view is drawn, with the source's total as `count`, `skipped: []` and `tiled: true`.
 * @fires {CustomEvent<LocationChangeDetail>} location-change - The user's position changed: `{ lng, lat, accuracy, source }`.
 * @fires {CustomEvent<RouteChangeDetail>} route-change - A route was drawn or cleared: `{ route }`.
 * @fires {CustomEvent<StationMapErrorDetail>} station-map-error - Something failed: `{ code, message }`. In tiled mode a station tile that still fails after two retries is reported once per source as `tiles-failed`; the view keeps the tiles it has.
 * @fires {CustomEvent<CoverageChangeDetail>} coverage-change - The service-circle layer was redrawn (`coverage` on): `{ minutes, mode, coveredShare, gaps }` for the view.
 * @fires {CustomEvent<NavigateDetail>} navigate - The user is about to open a navigation app (a link under "navigate"): `{ app, url, station, wgs84, gcj02 }`. Cancelable: `preventDefault()` keeps the link from opening, so the page can hand off its own way (WeChat's `wx.openLocation`).
 * @fires {CustomEvent<FilterChangeDetail>} filter-change - The user changed the filter in the filter bar: `{ filter }` (the new `.filter`, `null` when cleared).
 *
 * @slot detail - Replaces the body of the detail panel (under the station's name and close button); fill it from a `station-select` listener.
 *
 * @csspart panel - The side panel (a bottom sheet on narrow screens).
 * @csspart status - The status line ("396 stations · 4 skipped").
 * @csspart list - The station list.
 * @csspart list-item - One station in the list.
 * @csspart detail - The station detail panel.
 * @csspart button - Every button.
 * @csspart filter-bar - The search box and filter chips above the list.
 * @csspart search - The search box.
 * @csspart chip - A type, service or "open now" filter chip (`aria-pressed` tells its state).
 * @csspart qr - The satisfaction-survey QR code (评价本站) in the detail panel.
 * @csspart honor - One honour badge in the detail panel.
 * @csspart places - The place results of the search box (with a geocoder).
 * @csspart place - One place result.
 * @csspart coverage-legend - The service-circle legend over the map (with `coverage`).
 * @csspart load-progress - The progress line while a large station list is being indexed.
 * @csspart print-card - The printable card of a station ("print" in the detail panel); while it is open the page prints only this card.
 * @csspart chooser - The chooser of stations that share one marker (one building, one spot).
 * @csspart map - The map region.
 * @csspart attribution - The map data credits (basemap provider, Leaflet) in the map's corner.
 * @csspart photo - The station's photo thumbnail in the detail (from `photos`).
 * @csspart feedback - The "report a problem" link in the detail (with `feedback-url`).
 * @csspart saved-copy - The note that the stations shown are the saved copy of `src`, with its age.
 *
 * @cssproperty --station-map-height - Height of the element (default 100%: it fills a container that has a height).
 * @cssproperty --station-map-min-height - Smallest height, used when the container gives none (default 480px).
 * @cssproperty --station-map-panel-width - Width of the side panel on wide screens (default 340px).
 * @cssproperty --station-map-accent - Accent colour of primary buttons and clusters.
 * @cssproperty --station-map-font - Font shorthand of the widget.
 * @cssproperty --station-map-text-scale - Multiplies the widget's text size (default 1), e.g. `1.5` for an elder-friendly (适老化) page; the text already follows the browser's text size and the page's font size.
 * @cssproperty --station-map-radius - Corner radius of the element.
 * @cssproperty --station-map-background - Background colour of the panels.
 * @cssproperty --station-map-color - Text colour.
 * @cssproperty --station-map-muted-color - Secondary text: addresses, distances, hints (default #57606a).
 * @cssproperty --station-map-border-color - Borders and dividers (default #d0d7de).
 * @cssproperty --station-map-surface - Background of the hovered and current list row, service badges and the route summary (default #f6f8fa).
 * @cssproperty --station-map-open-color - "Open now" text (default #116329).
 * @cssproperty --station-map-closed-color - "Closed" text and error messages (default #a40e26).
 * @cssproperty --station-map-color-union-station - Colour of 工会驿站 icons in the list and panel (likewise `-outdoor-worker-station`, `-service-center`, `-mommy-room`, `-driver-home`, `-reading-room`, `-other`).
 */
export class StationMap extends LitElement {
  static override styles = [unsafeCSS(leafletCss), stationMapStyles, typeColorStyles];

  /** Lit's reactive properties and their attributes (a table, not decorators: less code in the script-tag bundle). */
  static override properties: PropertyDeclarations = {
    src: {},
    stations: { attribute: false },
    fields: { attribute: false },
    crs: {},
    basemap: {},
    basemapKey: { attribute: 'basemap-key' },
    center: {},
    zoom: {},
    origin: {},
    locateOnStart: { type: Boolean, attribute: 'locate' },
    nearest: {},
    selected: { reflect: true },
    filter: { attribute: false },
    network: {},
    routerUrl: { attribute: 'router-url' },
    travelMode: { attribute: 'travel-mode' },
    speeds: { attribute: false },
    lang: {},
    timezone: {},
    headingLevel: { attribute: 'heading-level' },
    feedbackUrl: { attribute: 'feedback-url' },
    cache: {},
    textScale: { attribute: 'text-scale' },
    holidays: { attribute: false },
    geocoder: { attribute: false },
    coverage: {},
    geocoderUrl: { attribute: 'geocoder-url' },
    detailRenderer: { attribute: false },
    deepLink: { type: Boolean, attribute: 'deep-link' },
    shareUrl: { attribute: 'share-url' },
    tiles: {},
    stationZoom: { attribute: 'station-zoom' },
    lookupUrl: { attribute: 'lookup-url' },
    store: { state: true },
    position: { state: true },
    route: { state: true },
    errorMessage: { state: true },
    tilesFailed: { state: true },
    pickOnMap: { state: true },
    announcement: { state: true },
    copied: { state: true },
    zoomLimit: { state: true },
  };

  /**
   * URL of a station GeoJSON file, or of a CSV/TSV table (a `.csv`/`.tsv` path or a `text/csv`
   * response, UTF-8 or GBK as Excel saves it); changing it aborts the previous load. A URL whose
   * path ends in `.pmtiles` is a PMTiles archive (made by `npx station-map tiles`), read with HTTP
   * range requests: tiled mode, for national data (see `tiles`).
   */
  src: string | null = null;

  /**
   * Station data as a FeatureCollection or an array of Features (or JSON text, CSV/TSV text, or a
   * file's bytes); wins over `src` and inline data (`<script type="application/geo+json">` or
   * `<script type="text/csv">`).
   */
  stations: StationInput | null = null;

  /**
   * Headers of the station data for the schema's fields, when they are not among the ones read
   * without configuration (站点名称, 类型, 服务项目, 经度 …): `{ name: '驿站名称', phone: '值班电话' }`.
   * Applies to every source (`src`, `.stations`, inline data); changing it reloads the data.
   */
  fields: StationFields | null = null;

  /**
   * Coordinate system of every coordinate the page gives or gets back: `wgs84`, `gcj02` or `bd09`
   * (also `WGS84`, `EPSG:4326`, `CGCS2000`, `GCJ-02`, `BD-09`, any case); anything else is `wgs84`.
   */
  crs: Crs = 'wgs84';

  /** `osm` (default), `tianditu`, `amap`, `none`, or a tile URL template `https://…/{z}/{x}/{y}.png`. */
  basemap = 'osm';

  /** Key for basemaps that need one (天地图 `tk`). */
  basemapKey: string | null = null;

  /** Map centre as `"lng,lat"`; without it the map fits the stations. */
  center: string | null = null;

  /** Map zoom level. */
  zoom: number | null = null;

  /** The user's position set by the page, as `"lng,lat"`. */
  origin: string | null = null;

  /**
   * Ask the browser for the user's position on start (attribute `locate`). The property has another
   * name because `locate()` is the method that asks for the position.
   */
  locateOnStart = false;

  /** How many nearest stations to list. */
  nearest = 5;

  /** The selected station's id; setting it selects and shows the station. */
  selected: string | null = null;

  /** Filter applied to markers, clusters, the list and `nearestStations()`. */
  filter: StationFilter | null = null;

  /** URL of a GeoJSON of LineStrings (paths, trails, roads) used for in-browser routing. */
  network: string | null = null;

  /** Base URL of an OSRM-compatible route service. */
  routerUrl: string | null = null;

  /** `walking` (default), `cycling` or `driving`. */
  travelMode: TravelMode = 'walking';

  /**
   * Travel speeds in metres per second per mode, for route durations and the service circle;
   * a mode left out keeps its default (walking 4.5 km/h, cycling 15 km/h, driving 30 km/h).
   *
   * @example map.speeds = { walking: 1.0, cycling: 5 }; // slow mountain steps, e-bikes
   */
  speeds: Partial<Record<TravelMode, number>> | null = null;

  /** UI language: `zh-CN`, `zh-TW` or `en`; default: the closest `lang`, then the document's, then the browser's. */
  override lang = '';

  /** IANA time zone in which "open now" is evaluated, whatever the viewer's clock. */
  timezone = 'Asia/Shanghai';

  /**
   * Level (1–6) of the element's top headings, the list's and the station name's, so they follow
   * the page's own outline; the detail's sections take the next level. Default 2.
   */
  headingLevel: number | string = 2;

  /**
   * "Report a problem" link in the detail (随手拍): a URL template whose `{id}` becomes the
   * station's id, URL-encoded; used only if it is `http:` or `https:`.
   *
   * @example <station-map feedback-url="https://union.example/report?station={id}">
   */
  feedbackUrl: string | null = null;

  /**
   * `none` keeps no copy of the `src` data. By default the last file fetched from `src` is kept
   * in the browser (IndexedDB), shown with a note of its age when `src` cannot be fetched
   * (offline, timeout, server error), and replaced when the network returns. Data given through
   * `.stations` or inline is never stored.
   */
  cache: string | null = null;

  /**
   * Enlarges the element's text alone (适老化), e.g. `1.5` or `150%`; 0.5–3, default 1. The text
   * already follows the reader's browser text size and the page's font size; the CSS custom
   * property `--station-map-text-scale` does the same from a stylesheet.
   */
  textScale: string | number | null = null;

  /**
   * Dates added to China's published holiday calendar (shipped, 2020 onward) that "open now",
   * `工作日`, `节假日休息` and OSM `PH` are read against; a date listed here wins over the shipped
   * one. `null` (default) uses the shipped calendar alone.
   *
   * @example map.holidays = { holidays: ['2027-01-01'], workdays: ['2027-02-20'] };
   */
  holidays: HolidayCalendar | null = null;

  /**
   * Place search for the search box: `(query, { signal }) => Promise<Array<{ name, lng, lat }>>`,
   * positions in the element's `crs`. Without it, `geocoder-url` (Nominatim-compatible) or
   * 天地图 (with `basemap="tianditu"` and `basemap-key`) is used; with none, the box searches stations only.
   *
   * @example map.geocoder = async (q, { signal }) => (await fetch(`/api/places?q=${encodeURIComponent(q)}`, { signal })).json();
   */
  geocoder: Geocoder | null = null;

  /**
   * Shows the N-minute service circle (15分钟服务圈) of the visible stations for `travel-mode`:
   * `coverage` alone means 15 minutes, `coverage="10"` ten (1 to 120; other values mean 15). Off by default. Cells within the
   * circle are tinted, the rest shaded, and the circle's edge drawn; straight-line distance, or
   * along the `network` paths when one is loaded.
   */
  coverage: number | null = null;

  /** Root URL of a Nominatim-compatible geocoding service for place search, e.g. `https://nominatim.openstreetmap.org`. */
  geocoderUrl: string | null = null;

  /**
   * Replaces the body of the built-in detail panel: called with the selected station, returns a
   * DOM node or plain text (shown as text) to put under the station's name, or `null` to keep
   * the built-in body. A child with `slot="detail"` does the same without a function.
   *
   * @example map.detailRenderer = (station) => Object.assign(document.createElement('p'), { textContent: station.properties.name });
   */
  detailRenderer: ((station: Station) => Node | string | null | undefined) | null = null;

  /**
   * Opt-in (the page owns its URL): select the station named by `#station=ID` in the page URL on
   * start and when the hash changes, and write the selected station there (`history.replaceState`,
   * so Back still leaves the page).
   */
  deepLink = false;

  /**
   * Link shared by "share" and printed as a QR code: a template with `{id}` (the station id,
   * URL-encoded), e.g. `https://union.example/map?station={id}`; default: this page with `#station=ID`.
   */
  shareUrl: string | null = null;

  /**
   * Tiled mode from a tile server: a URL template of Mapbox Vector Tiles of the `stations` layer
   * (`https://host/stations/{z}/{x}/{y}.pbf`, e.g. Martin or pg_tileserv on the PostGIS recipe).
   * The element loads only the tiles the view needs: below the station zoom it draws the tiles'
   * clusters (type chips change their counts), from it up the stations themselves with the list,
   * detail and filters working on the loaded stations. After locate, `origin` or a place search
   * it loads the tiles around the position until the nearest stations listed are exact.
   * `stations-load` fires once, with the source's total as `count` and `tiled: true`.
   *
   * @example <station-map tiles="/tiles/stations/{z}/{x}/{y}.pbf" lookup-url="/api/stations?q={q}&id={id}">
   */
  declare tiles: string | null;

  /**
   * The zoom whose tiles carry every station, for a `tiles` server (default 14); a PMTiles
   * archive says its own.
   */
  declare stationZoom: number | string | null;

  /**
   * Tiled mode: a URL template that answers GeoJSON Features (in the page's `crs`) for a search
   * (`{q}`) or a station code (`{id}`), both URL-encoded; the one not in use is empty. The search
   * box and `select(id)` find stations through it that no loaded tile holds; without it they find
   * the loaded stations only.
   *
   * @example lookup-url="https://union.example/api/stations?q={q}&id={id}"
   */
  declare lookupUrl: string | null;


  private store: StationStore | null = null;
  private position: Position | null = null;
  private route: Route | null = null;
  private errorMessage: string | null = null;
  private tilesFailed = false;
  private pickOnMap = false;
  private announcement = '';
  private copied = false;
  /** Whether the map is at its closest (`max`) or farthest (`min`) zoom: that zoom button is disabled. */
  private zoomLimit: 'min' | 'max' | null = null;
  /** The skipped rows of a table load, by reason (set with the store, so it renders with it). */
  private skippedRows: SkippedRowsSummary | null = null;

  private readonly loader = new StationLoadController(this, {
    source: () => ({ stations: this.stations, src: isTiledSource(this) ? null : this.src, crs: this.crs, cache: this.cache, fields: this.fields }),
    onSavedCopy: (failure) => this.fireError(failure.code, failure.message),
    strings: () => this.strings,
    onStart: () => {
      this.errorMessage = null;
      this.previewView = null;
    },
    onFailed: (failure) => this.handleLoadFailed(failure),
    onLoaded: (built) => this.handleLoaded(built),
    onPreview: (store) => void this.handlePreview(store),
    onClustersReady: (store) => this.handleClustersReady(store),
    onSpatialReady: (store) => this.handleSpatialReady(store),
  });
  private readonly pathNetwork = new NetworkController(this, {
    url: () => this.network,
    crs: () => this.crs,
    onError: (code, message) => this.fireError(code, message),
  });
  private readonly coverageLayer = new CoverageController(this, {
    map: () => this.mapController,
    store: () => this.store,
    minutes: () => this.coverage,
    mode: () => this.safeTravelMode,
    speeds: () => this.speeds,
    accept: () => this.accept,
    network: () => this.pathNetwork.data,
    crs: () => this.crs,
    basemap: () => this.basemap,
    onChange: ({ minutes, mode, coveredShare, gaps }) => this.dispatch('coverage-change', { minutes, mode, coveredShare, gaps }),
  });
  private readonly places = new PlaceSearchController(this, {
    settings: () => ({ geocoder: this.geocoder, geocoderUrl: this.geocoderUrl, basemap: this.basemap, basemapKey: this.basemapKey, lang: this.uiLang }),
    crs: () => this.crs,
    onError: (message) => this.fireError('geocode-failed', message),
  });
  private readonly searchBox = new SearchQueryController(this, () => this.applyQuery());
  private readonly sheet = new BottomSheetController(this);
  private readonly selection = new SelectionController(this, {
    store: () => this.store,
    map: () => this.mapController,
    position: () => this.positionLngLat,
    dispatch: (detail) => this.dispatch('station-select', detail, { cancelable: true }),
    onSelected: (station, distanceMeters, panelOpened) => {
      if (this.route) this.clearRoute();
      if (panelOpened) this.sheet.open = true;
      const name = clipText(stationName(station, this.uiLang));
      this.announce(this.strings.announcements.selected(name, distanceMeters == null ? undefined : formatDistance(distanceMeters, this.uiLang)));
    },
    onShown: (index) => this.list.scrollTo(index),
  });
  private readonly list = new StationListController(this, {
    store: () => this.store,
    position: () => this.positionLngLat,
    nearest: () => this.nearest,
    accept: () => this.accept,
    network: () => this.pathNetwork.data,
    mode: () => this.travelMode,
    filter: () => this.filter,
  });
  private readonly chooser = new StationChooserController(this, (styles) => this.addPartStyles(styles));
  private readonly deepLinks = new DeepLinkController(this);
  /** Share, print and navigate: created when the detail panel's module arrives. */
  private actions: StationActions | null = null;
  /** Tiled mode (`src="….pmtiles"`, `tiles`): the tile reader and its controller, a side file only tiled pages load. */
  private readonly tiledPart = new LazyModule(this, () => import('./controllers/tiled-mode.js'), (m) =>
    new m.TiledMode(this as unknown as TiledHost, { indexColumns: (columns) => runSteps(indexColumnsSteps(columns)), createStationFilter }),
  );
  /** Set by the tiled mode once it runs. */
  private declare tiled?: TiledMode;
  /** The first bytes of a `.pmtiles` `src`, fetched while the tiled mode's side file loads. */
  private archiveHead: { src: string; bytes: Promise<ArrayBuffer | null> } | null = null;
  /**
   * The built-in detail panel, loaded on first use (prefetched once stations are in). The routing
   * code (routeTo) comes with it: a route is asked for from a selected station.
   */
  private readonly detailView = new LazyModule(
    this,
    () => {
      void import('./geo/route/find-route.js').catch(() => undefined);
      return import('./controllers/detail-part.js');
    },
    (module) => {
      this.addPartStyles(module.detailStyles);
      this.actions ??= new module.StationActions(this);
    },
  );
  /** The service-circle legend, loaded when `coverage` is first on. */
  private readonly coverageLegend = new LazyModule(this, () => import('./ui/coverage-legend.js'), (module) =>
    this.addPartStyles(module.coverageLegendStyles),
  );
  /**
   * The geocoder's results under the search box, loaded when a search first starts: a first view
   * shows none, and the geocoder's own round trip covers this file's.
   */
  private readonly placeResults = new LazyModule(this, () => import('./ui/place-results.js'));
  /** The string table rendered last (Simplified Chinese until another is in). */
  private shownStrings: UiStrings = zhCN;
  private readonly lazyModules: Pick<LazyModule<unknown>, 'loading'>[] = [
    this.detailView,
    this.chooser.view,
    this.tiledPart,
    this.coverageLegend,
    this.placeResults,
  ];

  private mapController: MapController | null = null;
  private mapPromise: Promise<MapController | null> | null = null;
  private routeAbort: AbortController | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private accept: ((index: number) => boolean) | null = null;
  private viewFitted = false;
  /** The basemap waits for the first fit to the stations (see applyBasemap). */
  private tilesWait = true;
  /** Ends that wait after {@link TILES_WAIT_MS}; cleared on disconnect, so it holds no detached element. */
  private tilesTimer?: ReturnType<typeof setTimeout>;
  /** The store shown is a preview of a download still arriving (see handlePreview). */
  private previewing = false;
  /** The view a preview was fitted to: one the user has not moved since is fitted again. */
  private previewView: string | null = null;

  /** Clock used for "open now"; tests and pages may replace it. */
  now: () => Date = () => new Date();

  // ——— lifecycle ———

  override connectedCallback(): void {
    // The data request before anything else: making the shadow root and adopting the styles
    // came first, ~10 ms of an emulated slow phone's CPU while the network sat idle.
    if (!this.hasUpdated) this.loader.startEarly();
    super.connectedCallback();
    // Moved into another document (adoptNode into an iframe) or back: its styles were dropped.
    // At once, not by a lazy import: unstyled for a moment, the map's ResizeObserver loops.
    if (this.shadowRoot) restyleAfterMove(this.shadowRoot, this.allStyles);
    if (this.hasUpdated) {
      void this.ensureMap();
      // A move (disconnect + connect: portals, drag and drop) aborted the fetches; start them again.
      if (this.loader.loading) void this.loader.reload();
      this.pathNetwork.resume();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.routeAbort?.abort();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    clearTimeout(this.tilesTimer);
    this.mapController?.destroy();
    this.mapController = null;
    this.mapPromise = null;
    this.viewFitted = false;
  }

  /** Styles of parts loaded on first use (the detail panel, the chooser), after the element's own. */
  private partStyles: CSSResult[] = [];

  private get allStyles(): CSSResultOrNative[] {
    return [...StationMap.elementStyles, ...this.partStyles];
  }

  /** Adopts a loaded part's styles into the shadow root (before the part first renders). */
  private addPartStyles(styles: CSSResult): void {
    if (this.partStyles.includes(styles)) return;
    this.partStyles = [...this.partStyles, styles];
    if (this.shadowRoot) restyleAfterMove(this.shadowRoot, this.allStyles, { force: true });
  }

  /**
   * An update waits for the table of the UI language when it is not in yet (English, Traditional
   * Chinese). The first one runs in a task of its own: with the parser's creating and connecting
   * the element it was one task of ~170 ms on a slow phone, the longest of a city's first view.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && !this.firstUpdateDue) {
      this.firstUpdateDue = true;
      return new Promise((resolve) => setTimeout(resolve, 0)).then(() => this.scheduleUpdate());
    }
    if (loadedStrings(this.uiLang)) return super.scheduleUpdate();
    return loadStrings(this.uiLang).then(() => super.scheduleUpdate());
  }
  /** The first update has had its task (see scheduleUpdate). */
  private firstUpdateDue = false;

  /** Also waits for parts being loaded on first use (the detail panel, a language), and their render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while ((await settleLazyModules(this.lazyModules)) || (await this.list.settle())) result = await super.getUpdateComplete();
    return result;
  }

  /** Resolves when the pending render is done, not waiting for side files or a list shown in steps. */
  private renderDone(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override firstUpdated(): void {
    void this.ensureMap();
    if (this.locateOnStart) this.locate().catch(() => undefined);
  }

  // State derived from properties is set here, before rendering, so no update schedules another.
  // Loading and moving the map start here too: both set state (the status line, the list centre)
  // that then renders in this same update.
  protected override willUpdate(changed: PropertyValues): void {
    const calendar = this.holidays;
    if (changed.has('holidays') && calendar != null) {
      void import('./hours/check-holiday-calendar.js').then(({ checkHolidayCalendar }) => {
        // Once per calendar given: a newer one replaced it while the checker loaded.
        if (calendar === this.holidays) checkHolidayCalendar(calendar).forEach((problem) => this.fireError('invalid-holidays', problem));
      });
    }
    if (changed.has('filter') || changed.has('timezone') || changed.has('holidays') || changed.has('store')) this.applyFilter();
    if (changed.has('filter')) {
      this.searchBox.syncFromFilter(this.filter?.text);
    }
    if (changed.has('basemap') || changed.has('basemapKey')) this.tilesFailed = false;
    if (changed.has('origin')) this.applyOrigin();
    if (changed.has('deepLink') && this.deepLink) this.deepLinks.readHash();
    if (changed.has('src') || changed.has('stations') || changed.has('crs') || changed.has('fields') || changed.has('tiles')) {
      // In tiled mode the loader only stops a GeoJSON load; the tiled mode follows its inputs itself.
      void this.loader.reload();
      if (isTiledSource(this)) {
        if (!this.tiles && this.archiveHead?.src !== this.src) this.archiveHead = { src: this.src!, bytes: fetchArchiveHead(this.src!) };
        this.tiledPart.get();
      }
    }
    if (changed.has('basemap') || changed.has('basemapKey') || changed.has('lang')) this.applyBasemap();
    if ((changed.has('center') || changed.has('zoom')) && this.hasUpdated) this.applyView();
  }

  protected override updated(changed: PropertyValues): void {
    // Through the CSSOM, not a style attribute: a strict CSP blocks those.
    if (changed.has('textScale')) this.renderRoot.querySelector<HTMLElement>('.layout')?.style.setProperty('--sm-scale', String(parseTextScale(this.textScale)));
    if (changed.has('lang')) this.refreshMapLabels();
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
   * great-circle distance, honouring the element's `filter` and an optional extra one. Synchronous:
   * in tiled mode it answers from the stations loaded so far; `findNearest()` loads what an exact
   * answer needs.
   *
   * @param {number} k - How many stations (default: the `nearest` attribute).
   * @example map.nearestStations(117.13, 36.21, 3)
   */
  nearestStations(lng: number, lat: number, k = this.nearest, filter?: StationFilter): NearestResult[] {
    const store = this.store;
    if (!store || !Number.isFinite(lng) || !Number.isFinite(lat)) return [];
    const [x, y] = toWgs84([lng, lat], this.crs);
    const extra = filter ? createStationFilter(filter, { now: this.now(), timezone: this.timezone, holidays: this.openHolidays }) : null;
    const base = this.accept;
    const accept =
      extra || base ? (i: number) => (!base || base(i)) && (!extra || extra(store.station(i))) : undefined;
    return store.nearest(x, y, k, { accept }).map(({ index, distanceMeters }) => ({
      station: store.station(index),
      distanceMeters,
    }));
  }

  /**
   * The exact `k` nearest stations to a position (in the element's `crs`), as `nearestStations()`
   * gives them, once they are known: in tiled mode the tiles around the position are loaded first
   * (until every station nearer than the k-th lies in a loaded tile); otherwise at once.
   *
   * @param {number} k - How many stations (default: the `nearest` attribute).
   * @example const [first] = await map.findNearest(117.13, 36.21, 1, { openNow: true });
   */
  async findNearest(lng: number, lat: number, k = this.nearest, filter?: StationFilter): Promise<NearestResult[]> {
    // Called right after the element was made, the tiled mode may not run yet: its module loads, then an update starts it.
    if (isTiledSource(this)) await this.tiledPart.load().then(() => this.updateComplete);
    return (await this.tiled?.findNearest(lng, lat, k, filter)) ?? this.nearestStations(lng, lat, k, filter);
  }

  /**
   * Routes from `from` (or the user's position) to station `id`, draws the route and fires
   * `route-change`. Tries the path `network`, then the `router-url` service, then a straight line.
   */
  async routeTo(id: string, from?: LngLat | { lng: number; lat: number }): Promise<Route> {
    const store = this.requireStore();
    const index = store.indexById.get(String(id));
    if (index === undefined) throw new StationMapError('route-failed', `No station with id "${id}"`);
    const pair = from === undefined || from === null ? null : readPosition(from);
    if (from != null && !pair) throw new StationMapError('route-failed', 'routeTo: "from" is not a position ([lng, lat] or { lng, lat } in range)');
    // Made before the position is known, so removing the element while the browser asks for it
    // aborts the route too (disconnectedCallback aborts routeAbort).
    this.routeAbort?.abort();
    const abort = (this.routeAbort = new AbortController());
    let start: LngLat;
    if (pair) {
      start = toWgs84(pair, this.crs);
    } else if (this.position) {
      start = [this.position.lng, this.position.lat];
    } else if (parseLngLat(this.origin)) {
      // Set by the page in this same task, before the element has applied it.
      start = toWgs84(parseLngLat(this.origin)!, this.crs);
    } else {
      await this.locate();
      abort.signal.throwIfAborted();
      start = [this.position!.lng, this.position!.lat];
    }
    const end: LngLat = [store.lng[index]!, store.lat[index]!];
    const mode = this.safeTravelMode;
    // A side file: a first view draws no route. Fetched with the detail panel, before the first tap.
    const { findRoute } = await import('./geo/route/find-route.js').catch((error: unknown) => {
      throw new StationMapError('route-failed', `Could not load the routing code: ${String(error)}`);
    });
    abort.signal.throwIfAborted();
    const route = await findRoute(start, end, {
      mode,
      speeds: this.speeds,
      network: this.pathNetwork.data,
      routerUrl: this.routerUrl,
      signal: abort.signal,
      onServiceError: (message) => this.fireError('route-failed', message),
    });
    abort.signal.throwIfAborted();
    this.route = route;
    this.mapController?.setRoute(route);
    const pageRoute = convertRouteToPage(route, this.crs);
    this.dispatch('route-change', { route: pageRoute });
    const lang = this.uiLang;
    this.announce(
      `${clipText(stationName(store.station(index), lang))}: ${this.strings.routeSummary(formatDistance(route.distanceMeters, lang), formatDuration(route.durationSeconds, lang), mode)}`,
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

  /**
   * Stations within `bufferMeters` of a LineString (in the element's `crs`), in order along it.
   *
   * @param {LineString | Feature<LineString>} line - The path, e.g. a worker's delivery round.
   * @param {number} bufferMeters - How far from the line a station may be (default 500).
   */
  stationsAlong(line: Parameters<typeof findStationsAlong>[1], bufferMeters = 500): AlongResult[] {
    const store = this.store;
    if (!store) return [];
    const geometry = line !== null && typeof line === 'object' && 'geometry' in line ? line.geometry : line;
    if (!Array.isArray(geometry?.coordinates)) throw new TypeError('stationsAlong needs a GeoJSON LineString or a Feature of one');
    const wgsLine = { ...geometry, coordinates: geometry.coordinates.map((p) => toWgs84([p[0]!, p[1]!], this.crs)) };
    const results = findStationsAlong(store.wgsStations(), wgsLine, bufferMeters);
    return results.map((r) => ({ ...r, station: store.station(store.indexById.get(r.station.id)!) }));
  }

  /**
   * How much of an area lies within the service circle (`coverage` minutes, 15 when off) of the
   * visible stations by `travel-mode`: the view, or a GeoJSON Polygon/MultiPolygon (e.g. a
   * district boundary) in the element's `crs`. `gaps` are the best spots for a new station.
   *
   * @example const { coveredShare, gaps } = map.coverageStats(districtPolygon);
   */
  coverageStats(polygon?: CoverageArea): CoverageStats {
    return this.coverageLayer.measure(this.requireStore('no-stations'), polygon);
  }

  /** Selects station `id` as if the page picked it (`source: 'api'`). */
  select(id: string): void {
    this.selection.selectById(String(id), 'api');
  }

  /** Clears the selection and closes the detail panel. */
  clearSelection(): void {
    this.selection.clear();
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

  private handleLoadFailed(failure: StationLoadFailure): void {
    // A preview of a download that then failed is not data to keep showing.
    if (failure.invalidData || this.previewing) this.store = null;
    this.previewing = false;
    this.errorMessage = failure.text;
    this.endTilesWait();
    this.fireError(failure.code, failure.message);
  }

  /**
   * The stations of a large download that arrived so far: drawn and listed like loaded ones while
   * the status line still says loading, so a slow link shows the first of them seconds sooner.
   * `stations-load` waits for all of them (handleLoaded).
   */
  private async handlePreview(store: StationStore): Promise<void> {
    // The view it was fitted to; a view the user moved stays the one to compare with.
    if (this.showNewStore(store)) this.previewView = this.viewKey();
    this.previewing = true;
    await this.renderDone();
    this.showStations();
  }

  /**
   * Puts `store` in place: the view fitted to it (unless the page set a centre, or the user moved
   * the map since a preview was fitted), the list to follow the clusters' paint, and the selected
   * station found again by its id after a preview (a position in the old store otherwise).
   * True when it fitted the view.
   */
  private showNewStore(store: StationStore): boolean {
    const bbox = store.bboxOf(null);
    const map = this.mapController;
    const moved = this.previewView !== null && this.previewView !== this.viewKey();
    if (!moved) this.viewFitted = false;
    // Fit the view before the new stations are drawn, so a large load clusters and builds markers once.
    const fit = map !== null && bbox !== null && !this.center && !moved;
    if (fit) {
      // No animated pan: the clusters would be drawn for the view it starts from and again for
      // the one it ends at, each from a scan of every station until the cluster index is built.
      map.fitBBox(bbox, { animate: false });
      this.viewFitted = true;
    }
    this.endTilesWait();
    // The clusters paint first. A national load's list waits for the kd-tree, built in slices
    // after them, so no task has both a scan of every station and fifty rows of text to lay out;
    // a smaller one's list follows the clusters' paint in steps.
    if (store.size >= LIST_AFTER_MAP_FROM) this.list.hold(store);
    else this.list.showAfterPaint(store);
    // A selection is a position in the old data; `selected` picks it again in the new (handleLoaded).
    const id = this.previewing ? this.selection.id : null;
    this.store = store;
    if (id) this.selection.moveTo(store.indexById.get(id) ?? -1);
    else this.selection.reset();
    return fit;
  }

  /** The map's centre and zoom as text, to tell whether the view moved; `null` without a map. */
  private viewKey(): string | null {
    const map = this.mapController?.map;
    return map ? `${map.getCenter().toString()} ${map.getZoom()}` : null;
  }

  private async handleLoaded({ result, store, fromTable }: BuiltStore & { store: StationStore; fromTable?: boolean }): Promise<void> {
    this.showNewStore(store);
    this.previewing = false;
    this.previewView = null;
    const bbox = store.bboxOf(null);
    this.dispatch('stations-load', {
      count: store.size,
      skipped: result.skipped,
      bbox: bbox ? convertBBoxToPage(bbox, this.crs) : null,
    });
    // A table's rows are counted and explained in the UI language, by spreadsheet row.
    this.skippedRows = fromTable && result.skipped.length ? summarizeSkippedRows(result.skipped) : null;
    if (result.skipped.length) {
      const first = result.skipped.slice(0, 3).map((s) => (s.row !== undefined ? s.message : `#${s.index} ${s.reason}: ${s.message}`));
      const more = result.skipped.length > 3 ? '; …' : '';
      const message = this.skippedRows
        ? `${this.strings.skippedRows(this.skippedRows)}. ${first.join('; ')}${more}`
        : `${result.skipped.length} feature(s) skipped: ${first.join('; ')}${more}`;
      this.dispatch('station-map-error', { code: 'invalid-features', message, skipped: result.skipped });
    }
    // Not `updateComplete`: that waits for the list's steps, which wait for these pins to paint.
    await this.renderDone();
    this.showStations();
    // Unless the user picked a station while the first render finished (the pins are drawn by then).
    if (this.selected && this.selection.index < 0) this.selection.selectById(this.selected, 'api', { silentIfMissing: true });
    // The stations are drawn: fetch the detail panel while the user looks, before the first tap.
    this.detailView.prefetch();
  }

  /** The map swaps the scan it drew the first clusters from for the index (the same clusters). */
  private handleClustersReady(store: StationStore): void {
    if (store === this.store && !this.accept) this.mapController?.stations.setIndex(store.clusterView(), { keepMarkers: true });
  }

  /** A held list (see handleLoaded) renders once the kd-tree makes its nearest search instant. */
  private handleSpatialReady(store: StationStore): void {
    this.list.release(store);
  }

  private applyFilter(): void {
    const store = this.store;
    if (!store) {
      this.accept = null;
      // Data that failed to load leaves no stations: no selected station and no pins the map
      // would label from them. `selected` stays, for the next data to select.
      this.selection.clear({ keepSelected: true });
      this.mapController?.stations.setIndex(null);
      return;
    }
    const predicate = createStationFilter(this.filter ?? undefined, { now: this.now(), timezone: this.timezone, holidays: this.openHolidays });
    this.accept = predicate ? (i: number) => predicate(store.station(i)) : null;
    this.mapController?.stations.setIndex(this.accept ? store.clustersFor(this.accept) : store.clusterView());
  }

  // ——— map ———

  private ensureMap(): Promise<MapController | null> {
    this.mapPromise ??= (async () => {
      const L = await loadLeaflet();
      // In a task of its own: in the first render's task, the map made it ~250 ms long at 4× CPU.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const container = this.renderRoot.querySelector<HTMLElement>('.map');
      if (!container || !this.isConnected || this.mapController) return this.mapController;
      const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      const controller = new MapController(
        L,
        container,
        {
          positionOf: (i) => [this.store!.lng[i]!, this.store!.lat[i]!],
          typeOf: (i) => this.store!.station(i).properties.type,
          pinLabels: () => {
            const store = this.store!;
            const lang = this.uiLang;
            return (i) => stationName(store.station(i), lang);
          },
          clusterLabel: (count, choose) =>
            choose ? this.strings.chooser.marker(count) : `${this.strings.stationsLoaded(count, 0)} · ${this.strings.actions.zoomIn}`,
          onStationClick: (i) => this.selection.select(i, 'marker'),
          onChooseStations: (group) => this.chooser.open(group),
          onMapClick: (lng, lat) => this.handleMapClick(lng, lat),
          onTilesFailed: () => this.handleTilesFailed(),
        },
        { reducedMotion },
      );
      this.mapController = controller;
      controller.map.on('zoomend', () => {
        const { map } = controller;
        const zoom = map.getZoom();
        this.zoomLimit = zoom >= map.getMaxZoom() ? 'max' : zoom <= map.getMinZoom() ? 'min' : null;
      });
      controller.map.on('moveend', () => {
        this.list.followMap(this.mapCenter());
        if (this.coverage) this.coverageLayer.schedule();
      });
      this.resizeObserver = new ResizeObserver(() => controller.invalidateSize());
      this.resizeObserver.observe(container);
      this.applyBasemap();
      this.tilesTimer = setTimeout(() => this.endTilesWait(), TILES_WAIT_MS);
      this.applyView({ animate: false });
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
    // Fit first, then draw: one set of clusters, for the view the user will see.
    if (store && !this.viewFitted && !this.center) {
      const bbox = store.bboxOf(null);
      if (bbox) map.fitBBox(bbox, { animate: false });
      this.viewFitted = true;
      this.endTilesWait();
    }
    map.stations.setIndex(!store ? null : this.accept ? store.clustersFor(this.accept) : store.clusterView());
    if (this.selection.index >= 0) map.stations.setSelected(this.selection.index);
    this.list.followMap(this.mapCenter());
  }

  /**
   * Shows the basemap: once the view is fitted to the stations when they are still coming. The map
   * starts at all of China; its dozen tiles there, on a phone's link, shared it with the station
   * data and were thrown away at the fit. A wait ends at the fit, when the load fails, or after
   * {@link TILES_WAIT_MS}.
   */
  private applyBasemap(): void {
    const map = this.mapController;
    if (!map) return;
    const spec = resolveBasemap(this.basemap, { key: this.basemapKey, lang: this.uiLang });
    // Waiting, the basemap sets the coordinate system the stations are fitted in, without tiles.
    const wait = this.tilesWait && this.awaitsFirstFit();
    this.tilesWait = wait;
    map.setBasemap(wait ? { ...spec, layers: [] } : spec);
  }

  /** Whether the view is still to be fitted to stations being loaded. */
  private awaitsFirstFit(): boolean {
    if (this.viewFitted || this.center || this.errorMessage || isTiledSource(this)) return false;
    return this.store !== null || !!this.src || this.stations != null;
  }

  /** The basemap waited long enough (see applyBasemap). */
  private endTilesWait(): void {
    if (!this.tilesWait || !this.mapController) return;
    this.tilesWait = false;
    this.applyBasemap();
  }

  /** The small notice over the map: a basemap that cannot be shown, or tiles that failed. */
  private mapNotice({ problem }: BasemapSpec): string | null {
    const s = this.strings;
    if (problem === 'missing-key') return s.errors['basemap-key-missing']({ provider: this.basemap });
    if (problem === 'bad-template' || this.tilesFailed) return s.errors['tiles-failed']({ provider: this.basemap });
    return null;
  }

  /**
   * Shows the page's `center` and `zoom`. When the map is made it jumps there (`animate: false`):
   * animated, the map first drew the default view and then zoomed in, and for ~0.25 s read its
   * default zoom to anything that asked (a `stations-load` listener).
   */
  private applyView(options: { animate?: boolean } = {}): void {
    const map = this.mapController;
    if (!map) return;
    const center = parseLngLat(this.center);
    if (center) {
      const [lng, lat] = toWgs84(center, this.crs);
      map.setView(lng, lat, this.zoom ?? undefined, options);
      this.viewFitted = true;
    } else if (this.zoom != null && Number.isFinite(this.zoom)) {
      map.map.setZoom(this.zoom, options);
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
    this.mapController?.stations.relabel();
    if (this.position) this.mapController?.setPosition(this.position, this.strings.yourPosition);
  }

  /** The user's position as `[lng, lat]` (WGS-84), or `null`. */
  private get positionLngLat(): LngLat | null {
    return this.position ? [this.position.lng, this.position.lat] : null;
  }

  private mapCenter(): LngLat | null {
    const map = this.mapController;
    if (!map) return null;
    const [w, s, e, n] = map.getViewBBox();
    return [(w + e) / 2, (s + n) / 2];
  }

  private setPosition(position: Position): void {
    this.position = position;
    this.list.centerOn([position.lng, position.lat]);
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

  // ——— helpers ———

  private get uiLang(): UiLang {
    const fromAttr = resolveLang(this.lang);
    if (fromAttr) return fromAttr;
    const closest = this.closest('[lang]')?.getAttribute('lang') ?? (typeof document !== 'undefined' ? document.documentElement.lang : '');
    return resolveLang(closest) ?? resolveLang(typeof navigator !== 'undefined' ? navigator.language : '') ?? 'zh-CN';
  }

  /** The UI language's table; until it is in (see scheduleUpdate), the one shown last. */
  private get strings(): UiStrings {
    const table = loadedStrings(this.uiLang);
    if (table) this.shownStrings = table;
    return this.shownStrings;
  }

  private get safeTravelMode(): TravelMode {
    return TRAVEL_MODES.includes(this.travelMode) ? this.travelMode : 'walking';
  }

  private requireStore(code: 'route-failed' | 'no-stations' = 'route-failed'): StationStore {
    if (!this.store) throw new StationMapError(code, 'No stations are loaded');
    return this.store;
  }

  private toPage(position: LngLat): LngLat {
    return fromWgs84(position, this.crs);
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
    // A page's script after the tag adds its listeners when the parser gets there. On a slow phone
    // the parser can pause right after the element (whose start-up used its slice of time), and
    // data from a preload or the HTTP cache can be read before it goes on: an event the page
    // cannot cancel then waits for the parser, so no listener of the page misses it.
    const page = this.ownerDocument;
    if (!event.cancelable && page.readyState === 'loading') page.addEventListener('DOMContentLoaded', () => this.dispatchEvent(event), { once: true });
    else this.dispatchEvent(event);
    return event;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (this.chooser.handleKeydown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Escape' && this.selection.detailOpen) {
      event.stopPropagation();
      this.selection.closeDetail();
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

  // ——— filter bar and list ———

  private handleFilterChange(filter: StationFilter | null, options: { fromChip?: boolean } = {}): void {
    this.searchBox.cancel();
    const query = this.searchBox.query;
    // Chips keep what is typed; "clear" empties the box too.
    if (options.fromChip && filter === null) this.searchBox.query = '';
    else if (options.fromChip && query.trim()) filter = withFilter(filter, 'text', query.trim());
    this.searchBox.markFromUser();
    this.filter = filter;
    this.dispatch('filter-change', { filter });
    void this.updateComplete.then(() => this.announce(this.strings.filters.resultCount(this.list.items.length)));
  }

  private handleQueryInput(query: string): void {
    this.searchBox.input(query);
    void this.places.search(query);
  }

  private handleQuerySubmit(query: string): void {
    this.searchBox.query = query;
    this.applyQuery();
  }

  /** A place was picked: it becomes the user's position, and the list the stations nearest to it. */
  private handlePlacePick(place: PlaceResult): void {
    this.places.pick(place);
    this.searchBox.cancel();
    this.searchBox.query = '';
    if (this.filter?.text) this.handleFilterChange(withFilter(this.filter, 'text', undefined));
    this.setPosition({ lng: place.lng, lat: place.lat, accuracy: null, source: 'search' });
    this.announce(this.strings.placeSearch.nearPlace(place.name));
    void this.updateComplete.then(() => this.list.focusRow(0));
  }

  private applyQuery(): void {
    this.searchBox.cancel();
    const text = this.searchBox.query.trim();
    if ((this.filter?.text ?? '') === text) return;
    this.handleFilterChange(withFilter(this.filter, 'text', text || undefined));
  }

  /** The page's calendar for `isOpenAt`: `undefined` (the shipped one) when it gave none. */
  private get openHolidays(): HolidayCalendar | undefined {
    return this.holidays ?? undefined;
  }

  // ——— render ———

  private renderStatus(s: UiStrings) {
    // A preview (see handlePreview) says how many stations are in so far, and that more are coming.
    if (this.loader.loading) return this.store && this.previewing ? `${s.stationsLoaded(this.store.size, 0)} · ${s.loading}` : s.loading;
    if (!this.store) return '';
    if (this.store.total) return s.stationsLoaded(this.store.total, 0);
    if (this.skippedRows) return `${s.stationsLoaded(this.store.size, 0)} · ${s.skippedRows(this.skippedRows)}`;
    return s.stationsLoaded(this.store.size, this.store.skippedCount);
  }

  /** The page's own detail body (slot or `detailRenderer`), or `null` for the built-in one. */
  private customDetail(station: Station): unknown {
    if (this.querySelector(':scope > [slot="detail"]')) return html`<slot name="detail"></slot>`;
    const custom = this.detailRenderer?.(station);
    return custom == null ? null : html`<div class="custom-body">${custom}</div>`;
  }

  /** The panel's header (type icon, name, close) around `body`: the page's own detail, or the built-in one loading. */
  private renderDetailFrame(station: Station, s: UiStrings, body: unknown) {
    return html`<article class="detail" part="detail" aria-labelledby="detail-title">
      <header>
        ${renderTypeIcon(station.properties.type)}
        <div>${renderHeading(clampHeadingLevel(this.headingLevel), clipText(stationName(station, this.uiLang)), { id: 'detail-title', focusable: true })}</div>
        <button class="icon close" part="button" aria-label=${s.actions.close} title=${s.actions.close} @click=${() => this.selection.closeDetail()}>&#x2715;</button>
      </header>
      ${body}
    </article>`;
  }

  /** The built-in panel's module is still loading (or failed to: offline before it was fetched). */
  private renderDetailPending(station: Station, s: UiStrings) {
    return this.renderDetailFrame(
      station,
      s,
      this.detailView.failed
        ? html`<div class="message error" role="alert">${s.partFailed}
            <div><button part="button" @click=${() => void this.detailView.load()}>${s.actions.retry}</button></div></div>`
        : html`<p class="status" aria-busy="true">${s.loading}</p>`,
    );
  }

  private renderDetailPanel(station: Station, s: UiStrings, lang: UiLang) {
    const store = this.store!;
    const i = this.selection.index;
    const custom = this.customDetail(station);
    if (custom !== null) return this.renderDetailFrame(station, s, custom);
    const view = this.detailView.get();
    if (!view) return this.renderDetailPending(station, s);
    return html`${view.renderDetailView({
      station,
      strings: s,
      lang,
      status: getOpenStatus(station.properties.hours, this.now(), { timezone: this.timezone, holidays: this.openHolidays }),
      distanceMeters: this.position ? haversineMeters(this.position.lng, this.position.lat, store.lng[i]!, store.lat[i]!) : null,
      position: [store.lng[i]!, store.lat[i]!],
      travelMode: this.travelMode,
      route: this.route,
      copied: this.copied,
      headingLevel: clampHeadingLevel(this.headingLevel),
      feedbackTemplate: this.feedbackUrl,
      baseUri: document.baseURI,
      onClose: () => this.selection.closeDetail(),
      onRoute: () => this.handleRouteHere(station.id),
      onClearRoute: () => this.clearRoute(),
      onCopy: () => void this.handleCopyCode(station.id),
      onPartLoaded: () => this.requestUpdate(),
      onNavigate: (link, target, position) => this.actions?.navigate(link, target, position) ?? true,
      extraActions: this.actions?.renderActions({ station, strings: s, lang }),
    })}<slot name="detail" @slotchange=${() => this.requestUpdate()}></slot>`;
  }

  protected override render() {
    const s = this.strings;
    const lang = this.uiLang;
    const store = this.store;
    const station = store && this.selection.index >= 0 ? store.station(this.selection.index) : undefined;
    const status = this.renderStatus(s);
    const basemap = resolveBasemap(this.basemap, { key: this.basemapKey, lang });
    const notice = this.mapNotice(basemap);
    const listHeld = this.list.isHeld(store);
    const listItems = this.list.items;
    const showDetail = !!station && this.selection.detailOpen;
    return html`
      <div class="layout" lang=${lang} @keydown=${this.handleKeydown}>
        <section class="panel ${this.sheet.open ? 'open' : ''}" part="panel" aria-label=${s.listLabel}>
          <button
            class="sheet-toggle"
            part="button"
            aria-expanded=${this.sheet.open ? 'true' : 'false'}
            @pointerdown=${this.sheet.handlePointerDown}
            @pointermove=${this.sheet.handlePointerMove}
            @pointerup=${this.sheet.handlePointerUp}
            @pointercancel=${this.sheet.handlePointerCancel}
            @click=${this.sheet.handleClick}
          >
            <span class="grip" aria-hidden="true"></span><span>${status}</span><span aria-hidden="true">${this.sheet.open ? '▾' : '▴'}</span>
          </button>
          <div class="status ${this.errorMessage ? 'error' : ''}" part="status" role="status">${status}</div>
          ${renderLoadProgress(this.loader.progress, s)}
          ${renderSavedCopyNote(this.loader.copySavedAt, this.now(), s)}
          ${this.errorMessage
            ? html`<div class="message error" role="alert">
                ${this.errorMessage}
                ${this.src && !this.store
                  ? html`<div><button part="button" @click=${() => this.loader.reload()}>${s.actions.retry}</button></div>`
                  : nothing}
              </div>`
            : nothing}
          <div class="scroll">
            ${showDetail ? this.renderDetailPanel(station, s, lang) : nothing}
            <div class="list-view" ?hidden=${showDetail}>
              ${store && !listHeld
                ? renderFilterBar({
                    filter: this.filter,
                    strings: s,
                    query: this.searchBox.query,
                    onChange: (filter) => this.handleFilterChange(filter, { fromChip: true }),
                    onInput: (query) => this.handleQueryInput(query),
                    onSubmit: (query) => this.handleQuerySubmit(query),
                    onArrowDown: () => this.list.focusPlaceOrRow(),
                  })
                : nothing}
              ${this.places.state.state === 'idle'
                ? nothing
                : this.placeResults.get()?.renderPlaceResults({
                    search: this.places.state,
                    strings: s,
                    headingLevel: clampHeadingLevel(this.headingLevel),
                    onPick: (place) => this.handlePlacePick(place),
                    onExitTop: () => this.renderRoot.querySelector<HTMLInputElement>('input.search')?.focus(),
                    onExitBottom: () => this.list.focusRow(0),
                  })}
              ${listHeld
                ? nothing
                : renderStationList({
                    items: listItems,
                    strings: s,
                    lang,
                    showDistance: this.position !== null,
                    heading: !this.position
                      ? s.nearbyHeading
                      : this.position.source === 'search' && this.places.picked
                        ? s.placeSearch.nearPlace(this.places.picked)
                      : this.pathNetwork.data
                        ? `${s.nearestHeading} · ${s.routeKinds.network}`
                        : s.nearestHeading,
                    selectedIndex: this.selection.index,
                    activeIndex: this.list.activeIndex(this.selection.index),
                    now: this.now(),
                    timezone: this.timezone,
                    holidays: this.openHolidays,
                    headingLevel: clampHeadingLevel(this.headingLevel),
                    filtering: !!store && isFiltering(this.filter),
                    hasMore: this.list.hasMore(listItems),
                    onPick: (index) => this.selection.select(index, this.position ? 'nearest' : 'list'),
                    onHover: (index) => this.mapController?.stations.setHighlighted(index),
                    onFocusItem: (index) => {
                      this.list.setActive(index);
                      this.mapController?.stations.setHighlighted(index);
                    },
                    onShowMore: () => this.list.showMore(),
                    onExitTop: () => this.renderRoot.querySelector<HTMLInputElement>('input.search')?.focus(),
                  })}
            </div>
          </div>
        </section>
        <div class="map-wrap">
          <div class="map" part="map" role="region" aria-label=${s.mapLabel}></div>
          <div class="map-tools">
            <button class="icon" part="button" title=${s.actions.locateMe} aria-label=${s.actions.locateMe} @click=${() => this.locate().catch(() => undefined)}>
              <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 3h-2.07A7 7 0 0 0 13 5.07V3h-2v2.07A7 7 0 0 0 5.07 11H3v2h2.07A7 7 0 0 0 11 18.93V21h2v-2.07A7 7 0 0 0 18.93 13H21v-2zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10z"/></svg>
            </button>
            <div class="zoom">
              <button class="icon" part="button" title=${s.actions.zoomIn} aria-label=${s.actions.zoomIn} ?disabled=${this.zoomLimit === 'max'} @click=${() => this.mapController?.map.zoomIn()}>
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/></svg>
              </button>
              <button class="icon" part="button" title=${s.actions.zoomOut} aria-label=${s.actions.zoomOut} ?disabled=${this.zoomLimit === 'min'} @click=${() => this.mapController?.map.zoomOut()}>
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M5 11h14v2H5z"/></svg>
              </button>
            </div>
          </div>
          ${renderAttribution(basemap)}
          ${this.chooser.render({ store, strings: s, lang, selectedIndex: this.selection.index, onPick: (i) => this.selection.select(i, 'marker') })}
          ${notice ? html`<div class="map-notice" role="note">${notice}</div>` : nothing}
          ${this.coverage && this.coverageLayer.view
            ? this.coverageLegend.get()?.renderCoverageLegend({
                minutes: this.coverage,
                mode: this.safeTravelMode,
                stats: this.coverageLayer.view.stats,
                zoomedOut: this.coverageLayer.view.zoomedOut,
                strings: s,
                lang,
                onShowGap: (gap) => this.mapController?.showPoint(gap.lng, gap.lat, Math.max(this.mapController.map.getZoom(), 14)),
              })
            : nothing}
        </div>
      </div>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      ${this.actions?.renderPrintCard({ strings: s, lang }) ?? nothing}
    `;
  }
}

/** The credits of the basemap's tile providers (plain text, linked to their terms) after Leaflet's. */
function renderAttribution(basemap: BasemapSpec) {
  const credits = [...new Map(basemap.layers.map((layer) => [layer.attribution, layer])).values()];
  return html`<div class="attribution" part="attribution">
    <a href="https://leafletjs.com">Leaflet</a>${credits.map(
      ({ attribution, attributionUrl }) => html` | ${attributionUrl ? html`<a href=${attributionUrl}>${attribution}</a>` : attribution}`,
    )}
  </div>`;
}

// Every value set, by attribute or property, passes one table of rules (ui/validate-inputs.ts).
checkPropertiesOf(StationMap);

/** `1.5` or `150%` → 1.5, within 0.5–3; anything else → 1. */
function parseTextScale(value: string | number | null): number {
  const text = String(value ?? '').trim();
  const n = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  return text && Number.isFinite(n) && n > 0 ? Math.min(Math.max(n, 0.5), 3) : 1;
}


declare global {
  interface HTMLElementTagNameMap {
    'station-map': StationMap;
  }
}
