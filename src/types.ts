/**
 * Public data types of station-map. Kept apart from the internal ones so that
 * pages, the core entry and the element all speak the same words.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

/** The station types the spec names; any other string is accepted and shown as "other". */
export type KnownStationType =
  | 'union-station'
  | 'outdoor-worker-station'
  | 'service-center'
  | 'mommy-room'
  | 'driver-home'
  | 'reading-room';

/** The services the spec names; unknown strings are accepted and shown as given. */
export type KnownService =
  | 'water'
  | 'hot-water'
  | 'meals'
  | 'microwave'
  | 'toilet'
  | 'rest'
  | 'charging'
  | 'first-aid'
  | 'air-conditioning'
  | 'heating'
  | 'wifi'
  | 'books'
  | 'health-check'
  | 'counseling'
  | 'legal-aid'
  | 'nursing'
  | 'repair'
  | 'umbrella'
  | 'parking'
  | 'battery-swap'
  | 'haircut'
  | 'donations'
  | 'medicine';

/** Properties of a station feature. Every other property is kept and passed through untouched. */
export interface StationProperties {
  /** Required display name; `name:en`, `name:zh-Hant`, … are used for that UI language. */
  name: string;
  /** One of {@link KnownStationType} or any other string. */
  type?: string;
  address?: string;
  /** Shown as a `tel:` link. */
  phone?: string;
  /** Service hours text, e.g. `24/7`, `08:00-20:00`, `Mo-Fr 08:00-18:00`. */
  hours?: string;
  services?: string[];
  /** Station manager (站长). */
  manager?: string;
  /** Satisfaction survey URL, shown as a link and a QR code. */
  rating_url?: string;
  honors?: string[];
  website?: string;
  /** Photo URLs (http/https); the first is shown as a thumbnail in the detail. */
  photos?: string[];
  /** `open`, or why it is not open whatever its hours say: `closed-temporarily`, `maintenance`. */
  status?: StationStatus;
  /** How to get in, shown as text: free, scan a code, face recognition, key from the manager. */
  entry?: string;
  [key: string]: unknown;
}

/** A station's own state; anything but `open` makes "open now" false. */
export type StationStatus = 'open' | 'closed-temporarily' | 'maintenance';

/** A parsed station: a GeoJSON Point feature whose `id` is always a string. */
export interface Station extends Feature<Point, StationProperties> {
  id: string;
}

/**
 * Station input accepted by the element's `.stations` property and by `parseStations`: GeoJSON
 * (an object or JSON text), CSV/TSV text, or a file's bytes (GeoJSON or CSV/TSV in UTF-8 or GB18030).
 */
export type StationInput = FeatureCollection | Feature[] | string | ArrayBuffer | Uint8Array;

/** Coordinate reference systems a page may speak. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** A `[lng, lat]` pair. */
export type LngLat = [lng: number, lat: number];

/** Why a feature was not accepted as a station. */
export type SkipReason =
  | 'not-a-feature'
  | 'missing-geometry'
  | 'not-a-point'
  | 'bad-coordinates'
  | 'missing-id'
  | 'duplicate-id'
  | 'missing-name';

/** One feature that `parseStations` left out, and why. */
export interface SkippedFeature {
  /** Position of the feature in the input's `features` array. */
  index: number;
  /** The feature's id as a string, when it had one. */
  id?: string;
  reason: SkipReason;
  /** A human-readable English explanation, e.g. `coordinates [200, 10] are out of range`. */
  message: string;
  /** For a CSV/TSV table: the spreadsheet row the station was on (the header is row 1, as Excel numbers them). */
  row?: number;
}

/** Result of `parseStations`: the good stations and the reasons for everything else. */
export interface ParseResult {
  stations: Station[];
  skipped: SkippedFeature[];
  /**
   * Set when the whole document is unusable; `stations` and `skipped` are then empty.
   * `invalid-geojson`: not JSON or not GeoJSON; `too-large`: more features than `maxFeatures`.
   */
  error?: { code: 'invalid-geojson' | 'too-large'; message: string };
}

/** Filter applied to markers, clusters, lists and nearest queries. */
export interface StationFilter {
  /** Keep stations whose `type` is one of these. Empty or missing: all types. */
  types?: string[];
  /** Keep stations offering every one of these services. */
  services?: string[];
  /** Keep only stations open at the time of the query (unknown hours are dropped). */
  openNow?: boolean;
  /** Case- and width-insensitive match on name, address and code. */
  text?: string;
}

/** A station with its great-circle distance from a query point. */
export interface NearestResult {
  station: Station;
  distanceMeters: number;
}

/** Travel modes with default speeds (see `geo/route/speeds.ts`). */
export type TravelMode = 'walking' | 'cycling' | 'driving';

/** A route to a station. */
export interface Route {
  geometry: LineString;
  distanceMeters: number;
  durationSeconds: number;
  /** `network`: along the page's path network; `service`: from a route service; `straight`: a great-circle line, not a road. */
  kind: 'network' | 'service' | 'straight';
  mode: TravelMode;
  /** Why a better kind was not used (e.g. `origin is 3.2 km from the nearest path`). */
  fallbackReason?: string;
}

/** A path network: paths, trails or roads. */
export type Network = FeatureCollection<LineString | MultiLineString>;

/** A station near a line, as returned by `stationsAlong`. */
export interface AlongResult {
  station: Station;
  /** Distance from the line. */
  offsetMeters: number;
  /** Distance from the line's start to the point of the line nearest the station. */
  alongMeters: number;
}

/** Error codes of the `station-map-error` event and `StationMapError`. */
export type StationMapErrorCode =
  | 'fetch-failed'
  | 'invalid-geojson'
  | 'invalid-features'
  | 'geolocation-denied'
  | 'geolocation-unavailable'
  | 'route-failed'
  | 'tiles-failed'
  | 'geocode-failed'
  /** The station file is over `loadStations`' `maxBytes` or `parseStations`' `maxFeatures`. */
  | 'too-large'
  /** An attribute or property was given a value the element cannot use; it uses the default instead. */
  | 'invalid-attribute'
  /** The `holidays` property is not `{ holidays: string[], workdays: string[] }` of ISO dates (the valid dates are used). */
  | 'invalid-holidays'
  /** A method that measures stations (`coverageStats()`) was called before any were loaded. */
  | 'no-stations';

/** Navigation apps that `navigationLinks` builds links for. */
export type NavigationApp = 'amap' | 'baidu' | 'tencent' | 'apple' | 'google' | 'geo';

/** One hand-off link to a navigation app. */
export interface NavigationLink {
  app: NavigationApp;
  url: string;
}

/** A point where one new station would cover the most area not covered yet. */
export interface CoverageGap {
  lng: number;
  lat: number;
  /** Uncovered area, in km², that a station here would newly cover (straight-line circle). */
  gainKm2: number;
}

/** How much of an area lies within the N-minute service circle of some station. */
export interface CoverageStats {
  /** The circle's size in minutes of travel. */
  minutes: number;
  mode: TravelMode;
  /** Covered share of the area, 0…1 (0 for an empty area). */
  coveredShare: number;
  /** The area measured, km². */
  areaKm2: number;
  /** The part of it within `minutes` of a station, km². */
  coveredKm2: number;
  /** Best places for new stations, best first, each counted after the ones before it are built. */
  gaps: CoverageGap[];
}

/** One place a geocoder found, WGS-84. */
export interface GeocodeResult {
  name: string;
  lng: number;
  lat: number;
  /** Longer description (address, district) when the service gives one. */
  address?: string;
}

/**
 * A place search: resolves with the places matching `query`, best first; rejects with the
 * signal's reason when aborted and with a `StationMapError` (`geocode-failed`) when it fails.
 */
export type Geocoder = (query: string, options: { signal: AbortSignal }) => Promise<GeocodeResult[]>;

/**
 * Dates given by a page, as ISO `YYYY-MM-DD` in the stations' time zone: `holidays` are days off
 * (法定节假日), `workdays` are weekend days worked in exchange (调休上班).
 *
 * @example { holidays: ['2027-01-01'], workdays: ['2027-02-20'] }
 */
export interface HolidayCalendar {
  /** Public holidays, ISO dates. */
  holidays: readonly string[];
  /** Make-up working days on a weekend, ISO dates. */
  workdays: readonly string[];
}
