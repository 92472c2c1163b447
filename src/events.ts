/**
 * Event names and detail types of `<station-map>`. Every event is a `CustomEvent` that bubbles
 * and is composed, so a page can listen on the element or on `document`.
 */
import type { NavigationApp, Route, SkippedFeature, Station, StationFilter, StationMapErrorCode } from './types.js';

/** Detail of `station-select`. The event is cancelable: `preventDefault()` keeps the built-in detail panel closed. */
export interface StationSelectDetail {
  id: string;
  station: Station;
  /** Great-circle distance from the user's position, or `null` when it is unknown. */
  distanceMeters: number | null;
  source: 'marker' | 'list' | 'api' | 'nearest';
}

/** Detail of `stations-load`. */
export interface StationsLoadDetail {
  count: number;
  skipped: SkippedFeature[];
  /** `[west, south, east, north]` in the element's `crs`, or `null` when there are no stations. */
  bbox: [number, number, number, number] | null;
  /** `true` in tiled mode (`src="….pmtiles"`, `tiles`): `count` is the source's total, not the stations loaded. */
  tiled?: boolean;
}

/** Detail of `location-change`; coordinates in the element's `crs`. */
export interface LocationChangeDetail {
  lng: number;
  lat: number;
  /** Accuracy radius in metres, `null` when the position was not measured (set by the page or the map). */
  accuracy: number | null;
  /** `search`: a place the user picked from the search box's place results. */
  source: 'device' | 'page' | 'map' | 'search';
}

/** Detail of `route-change`; `route` is `null` when the route was cleared. */
export interface RouteChangeDetail {
  route: Route | null;
}

/** Detail of `filter-change`: the filter the user chose in the filter bar (`null` when cleared). */
export interface FilterChangeDetail {
  filter: StationFilter | null;
}

/** Detail of `coverage-change`. */
export interface CoverageChangeDetail {
  minutes: number;
  mode: string;
  coveredShare: number;
  gaps: Array<{ lng: number; lat: number; gainKm2: number }>;
}

/** Detail of `station-map-error`. */
export interface StationMapErrorDetail {
  code: StationMapErrorCode;
  message: string;
  /** For `invalid-features`: the features that were skipped. */
  skipped?: SkippedFeature[];
  /** For `invalid-attribute`: the attribute (or, without one, the property) whose value was not used. */
  attribute?: string;
}

/**
 * Detail of `navigate`, fired before the user leaves for a navigation app (a link under
 * "navigate" in the detail panel). Cancelable: `preventDefault()` keeps the link from opening, so
 * a page can hand off its own way, e.g. WeChat's `wx.openLocation` with the GCJ-02 position.
 *
 * @example
 * map.addEventListener('navigate', (e) => {
 *   if (!inWeChat) return;
 *   e.preventDefault();
 *   wx.openLocation({ longitude: e.detail.gcj02.lng, latitude: e.detail.gcj02.lat, name: e.detail.station.properties.name });
 * });
 */
export interface NavigateDetail {
  /** The app the link opens: `amap`, `baidu`, `tencent`, `apple`, `google` or `geo`. */
  app: NavigationApp;
  /** The hand-off link (it follows `travel-mode`). */
  url: string;
  /** The station as the page gave it (coordinates in the element's `crs`). */
  station: Station;
  /** The station's position in WGS-84 (GPS, Apple, Google, OpenStreetMap). */
  wgs84: { lng: number; lat: number };
  /** The station's position in GCJ-02 (Amap, Tencent, WeChat's `wx.openLocation`). */
  gcj02: { lng: number; lat: number };
}

/** Map of every event the element fires to its detail type. */
export interface StationMapEventMap {
  'station-select': CustomEvent<StationSelectDetail>;
  'stations-load': CustomEvent<StationsLoadDetail>;
  'location-change': CustomEvent<LocationChangeDetail>;
  'route-change': CustomEvent<RouteChangeDetail>;
  'filter-change': CustomEvent<FilterChangeDetail>;
  'coverage-change': CustomEvent<CoverageChangeDetail>;
  'station-map-error': CustomEvent<StationMapErrorDetail>;
  'navigate': CustomEvent<NavigateDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends StationMapEventMap {}
}
