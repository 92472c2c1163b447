/**
 * The shape of a UI string table: every word the widget shows, one table per
 * language (`zh-CN.ts`, `zh-TW.ts`, `en.ts`). Strings with arguments are
 * functions, so word order stays with the translation.
 */
import type { KnownService, KnownStationType, NavigationApp, Route, SkipReason, StationStatus, TravelMode } from '../types.js';

/** Seven names, index 0 = Monday … 6 = Sunday (the order `OpenStatus.opensDay` uses). */
export type WeekdayNames = readonly [string, string, string, string, string, string, string];

/** Details for the `fetch-failed` message. */
export interface FetchFailedDetails {
  /** HTTP status when the server answered, e.g. 404. */
  status?: number;
}

/** Details for the `invalid-features` message. */
export interface InvalidFeaturesDetails {
  /** How many features were skipped. */
  skipped: number;
  /** How many features the document had. */
  total?: number;
}

/** The skipped rows of a table, by reason, for {@link UiStrings.skippedRows}. */
export interface SkippedRowsSummary {
  /** How many rows were skipped. */
  skipped: number;
  /** One entry per reason, most frequent first: how many rows, and the first few row numbers. */
  reasons: ReadonlyArray<{ reason: SkipReason; count: number; rows: readonly number[] }>;
}

/** Details for the `too-large` message: the limit that was passed (one of the two). */
export interface TooLargeDetails {
  /** The byte limit, `loadStations`' `maxBytes`; shown in MB. */
  maxBytes?: number;
  /** The feature limit, `parseStations`' `maxFeatures`. */
  maxFeatures?: number;
}

/** Details for the `geolocation-unavailable` message. */
export interface GeolocationUnavailableDetails {
  /** The page is not served over HTTPS, so browsers refuse geolocation. */
  insecure?: boolean;
}

/** Details for the `tiles-failed` and `basemap-key-missing` messages. */
export interface BasemapDetails {
  /** Basemap name as given in the `basemap` attribute, e.g. `tianditu`. */
  provider?: string;
}

/** Messages shown inside the element for each `station-map-error` code, plus the missing basemap key. */
export interface UiErrorStrings {
  'fetch-failed': (details?: FetchFailedDetails) => string;
  'invalid-geojson': () => string;
  /** The station file is over the size or feature limit; not loaded at all. */
  'too-large': (details?: TooLargeDetails) => string;
  'invalid-features': (details: InvalidFeaturesDetails) => string;
  'geolocation-denied': () => string;
  'geolocation-unavailable': (details?: GeolocationUnavailableDetails) => string;
  'route-failed': () => string;
  'tiles-failed': (details?: BasemapDetails) => string;
  /** `basemap="tianditu"` without `basemap-key`. */
  'basemap-key-missing': (details?: BasemapDetails) => string;
}

/**
 * Every user-visible string of the widget.
 *
 * @example
 * const s = getStrings('zh-CN');
 * s.stationsLoaded(396, 4); // → '396 个站点 · 4 个跳过'
 * s.stationTypes['union-station']; // → '工会驿站'
 */
export interface UiStrings {
  /** Station type names; `other` for any type the spec does not name. */
  stationTypes: Readonly<Record<KnownStationType | 'other', string>>;
  /** Service names; unknown services are shown as given. */
  services: Readonly<Record<KnownService, string>>;
  /** Weekday names, 0 = Monday. */
  weekdays: WeekdayNames;

  /** Accessible name of the map region. */
  mapLabel: string;
  /** Accessible name of the station list. */
  listLabel: string;
  /** Heading of the nearest-stations list. */
  nearestHeading: string;
  /** Heading of the list when the user's position is unknown: stations near the map centre. */
  nearbyHeading: string;
  /** Texts for the polite live region read by screen readers. */
  announcements: Readonly<{
    /** "已选择：红门工会驿站，距离 850 米"; `distance` is already formatted. */
    selected: (name: string, distance?: string) => string;
  }>;
  /** Shown when the list is empty because the filter matches nothing. */
  noStationsMatch: string;
  /** Hint shown when the position is unknown. */
  mapClickHint: string;
  /** Notice that the map shows sample data, not real stations. */
  sampleDataNotice: string;
  /** Accessible name of the user's position marker. */
  yourPosition: string;
  /** Position accuracy, e.g. "accurate to 30 m"; `distance` is already formatted. */
  accuracy: (distance: string) => string;

  /** Field labels of the detail panel. */
  labels: Readonly<{
    code: string;
    type: string;
    address: string;
    hours: string;
    phone: string;
    services: string;
    manager: string;
    honors: string;
    website: string;
    rating: string;
    /** Caption under the satisfaction-survey QR code. */
    ratingQr: string;
    distance: string;
  }>;
  /** Label of a great-circle distance; must say it is not a road route. */
  straightLineDistance: string;
  /** A great-circle distance in a list row, e.g. "850 m away (straight line)". */
  distanceAway: (distance: string) => string;

  /** Button texts and accessible names. */
  actions: Readonly<{
    locateMe: string;
    close: string;
    navigate: string;
    routeHere: string;
    copyCode: string;
    copied: string;
    retry: string;
    clearRoute: string;
    zoomIn: string;
    zoomOut: string;
    fitStations: string;
    showDetails: string;
    /** Button under the list that loads the next page of stations. */
    showMore: string;
    call: (phone: string) => string;
  }>;

  /** Filter controls. */
  filters: Readonly<{
    heading: string;
    types: string;
    services: string;
    openNow: string;
    searchPlaceholder: string;
    clear: string;
    /** Announced after the filter changed: how many stations the list now shows. */
    resultCount: (count: number) => string;
  }>;

  /** Place search (geocoder). */
  placeSearch: Readonly<{
    placeholder: string;
    searching: string;
    noResults: string;
    /** Heading of the place results above the station list. */
    heading: string;
    /** The geocoder failed; station matches are still listed. */
    failed: string;
    /** Heading of the list after a place was picked: stations nearest to it. */
    nearPlace: (place: string) => string;
  }>;

  loading: string;
  /** A part of the widget (the detail panel) could not be fetched: offline before it was needed. */
  partFailed: string;
  /** "正在加载 45%": progress of indexing a large station list, 0–100. */
  loadingProgress: (percent: number) => string;
  locating: string;
  routing: string;
  /** "396 个站点 · 4 个跳过"; the skipped part is left out when nothing was skipped. */
  stationsLoaded: (count: number, skipped: number) => string;
  /**
   * How many rows of a CSV/TSV table were left out and why, for the status line and the
   * `invalid-features` error: "跳过 3 行：坐标有误 2 行（第 5、9 行）；缺少名称 1 行（第 12 行）".
   */
  skippedRows: (summary: SkippedRowsSummary) => string;

  /** Open-state texts; times are `HH:MM`. */
  hours: Readonly<{
    openNow: string;
    closed: string;
    closesAt: (time: string) => string;
    /** `weekday` (0 = Monday) and `inDays` are given when it opens on another day. */
    opensAt: (time: string, day?: { weekday: number; inDays: number }) => string;
    open24Hours: string;
    unknown: string;
    closedOnHolidays: string;
  }>;

  /** What kind of line a route is. */
  routeKinds: Readonly<Record<Route['kind'], string>>;
  travelModes: Readonly<Record<TravelMode, string>>;
  /** Route summary; `distance` and `duration` are already formatted. */
  routeSummary: (distance: string, duration: string, mode: TravelMode) => string;
  /** The N-minute service-circle layer. */
  coverage: Readonly<{
    label: (minutes: number) => string;
    coveredShare: (percent: number) => string;
    /** Legend note below the zoom where an N-minute circle is visible at all. */
    zoomIn: string;
    /** Legend line for the best new-station spot; `area` is already formatted, e.g. "1.2 km²". */
    bestGap: (area: string) => string;
    /** Button that shows that spot on the map. */
    showGap: string;
    /** Accessible name of the legend. */
    legend: string;
  }>;

  /** Names of the navigation apps offered under "navigate"; `geo` is the generic `geo:` link. */
  navigationApps: Readonly<Record<NavigationApp, string>>;

  /** The chooser of stations that share one spot on the map (one building, one address). */
  chooser: Readonly<{
    /** Heading of the chooser: "3 stations here". */
    heading: (count: number) => string;
    /** Accessible name of a marker that opens the chooser. */
    marker: (count: number) => string;
    /** Which page of a long chooser is shown: "1–10 of 20,000"; numbers already formatted. */
    page: (from: string, to: string, count: string) => string;
    previous: string;
    next: string;
  }>;

  /** Sharing and printing a station. */
  share: Readonly<{
    /** Opens the system share sheet (Web Share API). */
    share: string;
    /** Copies the station's link where there is no share sheet. */
    copyLink: string;
    linkCopied: string;
    /** Copying failed: the link is shown for the user to copy by hand. */
    copyFailed: string;
    /** Text shared with the link: the station's name and address. */
    text: (name: string, address?: string) => string;
    /** Opens the print view of the station. */
    print: string;
    /** Caption under the QR code of the station's link on the printed card. */
    qr: string;
    /** Accessible name of the print view. */
    printView: string;
  }>;

  errors: UiErrorStrings;

  /** Station facts (temporary status, how to get in, photo, "report a problem") and the offline copy. */
  facts: Readonly<{
    status: string;
    /** A station's `status`; anything but `open` means "not open now" whatever the hours say. */
    statuses: Readonly<Record<StationStatus, string>>;
    /** Label of `entry`: how to get in (free, scan a code, key from the manager). */
    entry: string;
    /** Alt text of the station's photo. */
    photoAlt: (name: string) => string;
    /** Link from the `feedback-url` template (随手拍). */
    reportProblem: string;
    /** "显示的是 3 小时前的数据": the saved copy shown because the data could not be fetched. */
    offlineCopy: (ageMinutes: number) => string;
  }>;
}
