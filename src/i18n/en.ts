/** English UI strings. */
import type { SkipReason } from '../types.js';
import type { UiStrings, WeekdayNames } from './strings.js';

const WEEKDAYS: WeekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TRAVEL_MODES = { walking: 'Walking', cycling: 'Cycling', driving: 'Driving' } as const;

/**
 * English UI strings.
 *
 * @example en.stationsLoaded(396, 4) // → '396 stations · 4 skipped'
 */
const SKIP_REASONS: Record<SkipReason, string> = {
  'not-a-feature': 'unreadable',
  'missing-geometry': 'no coordinates',
  'not-a-point': 'not a point',
  'bad-coordinates': 'bad coordinates',
  'missing-id': 'no id',
  'duplicate-id': 'repeated id',
  'missing-name': 'no name',
};

export const en: UiStrings = {
  stationTypes: {
    'union-station': 'Union station',
    'outdoor-worker-station': 'Outdoor worker station',
    'service-center': 'Worker service center',
    'mommy-room': 'Mother’s room',
    'driver-home': 'Drivers’ home',
    'reading-room': 'Workers’ reading room',
    other: 'Other',
  },
  services: {
    water: 'Drinking water',
    'hot-water': 'Hot water',
    meals: 'Meals',
    microwave: 'Microwave',
    toilet: 'Toilet',
    rest: 'Rest area',
    charging: 'Phone charging',
    'first-aid': 'First aid',
    'air-conditioning': 'Air conditioning',
    heating: 'Heating',
    wifi: 'Wi-Fi',
    books: 'Books',
    'health-check': 'Health check',
    counseling: 'Counseling',
    'legal-aid': 'Legal aid',
    nursing: 'Nursing room',
    repair: 'Repairs',
    umbrella: 'Umbrella loan',
    parking: 'Parking',
    'battery-swap': 'E-bike battery swap',
    haircut: 'Haircut',
    donations: 'Sharing shelf',
    medicine: 'Emergency medicine',
  },
  weekdays: WEEKDAYS,

  mapLabel: 'Service station map',
  listLabel: 'Service stations',
  nearestHeading: 'Nearest stations',
  nearbyHeading: 'Stations near the map centre',
  announcements: {
    selected: (name, distance) => (distance ? `Selected: ${name}, ${distance} away` : `Selected: ${name}`),
  },
  noStationsMatch: 'No stations match the filter',
  mapClickHint: 'Click the map to set your position',
  sampleDataNotice: 'Sample data: these are not real stations',
  yourPosition: 'Your position',
  accuracy: (distance) => `accurate to about ${distance}`,

  labels: {
    code: 'Station code',
    type: 'Type',
    address: 'Address',
    hours: 'Hours',
    phone: 'Phone',
    services: 'Services',
    manager: 'Station manager',
    honors: 'Honors',
    website: 'Website',
    rating: 'Rate this station',
    ratingQr: 'Scan to rate this station',
    distance: 'Distance',
  },
  straightLineDistance: 'Straight-line distance (not the route by road)',
  distanceAway: (distance) => `${distance} in a straight line`,

  actions: {
    locateMe: 'Locate me',
    close: 'Close',
    navigate: 'Navigate',
    routeHere: 'Route here',
    copyCode: 'Copy station code',
    copied: 'Copied',
    retry: 'Retry',
    clearRoute: 'Clear route',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitStations: 'Show all stations',
    showDetails: 'Details',
    showMore: 'Show more',
    call: (phone) => `Call ${phone}`,
  },

  filters: {
    heading: 'Filter',
    types: 'Station types',
    services: 'Services',
    openNow: 'Open now',
    searchPlaceholder: 'Search name, address or code',
    clear: 'Clear filters',
    resultCount: (count) => (count ? `${count} station${count === 1 ? '' : 's'} in the list` : 'No stations match'),
  },

  placeSearch: {
    placeholder: 'Search for a place',
    searching: 'Searching…',
    noResults: 'No place found',
    heading: 'Places',
    failed: 'Place search is unavailable right now; matching stations are listed below',
    nearPlace: (place) => `Stations nearest to ${place}`,
  },

  loading: 'Loading…',
  partFailed: 'This part could not be loaded. Check the connection and try again.',
  loadingProgress: (percent) => `Loading ${percent}%`,
  locating: 'Finding your position…',
  routing: 'Finding a route…',
  stationsLoaded: (count, skipped) => {
    const stations = `${count} ${count === 1 ? 'station' : 'stations'}`;
    return skipped > 0 ? `${stations} · ${skipped} skipped` : stations;
  },
  skippedRows: ({ skipped, reasons }) =>
    `${skipped} ${skipped === 1 ? 'row' : 'rows'} skipped: ${reasons
      .map(({ reason, count, rows }) => `${SKIP_REASONS[reason]} ${count} (${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${count > rows.length ? ', …' : ''})`)
      .join('; ')}`,

  hours: {
    openNow: 'Open now',
    closed: 'Closed',
    closesAt: (time) => `closes at ${time}`,
    opensAt: (time, day) => {
      if (!day) return `opens at ${time}`;
      const when = day.inDays === 1 ? 'tomorrow' : WEEKDAYS[day.weekday] ?? '';
      return `opens ${when} at ${time}`;
    },
    open24Hours: 'Open 24 hours',
    unknown: 'Hours unknown',
    closedOnHolidays: 'May be closed on public holidays',
  },

  routeKinds: {
    network: 'Along paths and roads',
    service: 'Road route',
    straight: 'Straight line (not a road route)',
  },
  travelModes: TRAVEL_MODES,
  routeSummary: (distance, duration, mode) => `${TRAVEL_MODES[mode]}: ${distance}, about ${duration}`,
  coverage: {
    label: (minutes) => `${minutes}-minute service area`,
    coveredShare: (percent) => `${percent}% of the area covered`,
    zoomIn: 'Zoom in to see the service area',
    bestGap: (area) => `A new station here would cover ${area} more`,
    showGap: 'Show on map',
    legend: 'Service area legend',
  },

  navigationApps: {
    amap: 'Amap',
    baidu: 'Baidu Maps',
    tencent: 'Tencent Maps',
    apple: 'Apple Maps',
    google: 'Google Maps',
    geo: 'Other map app',
  },

  chooser: {
    heading: (count) => `${count} stations here`,
    marker: (count) => `${count} stations here · choose one`,
    page: (from, to, count) => `${from}–${to} of ${count}`,
    previous: 'Previous',
    next: 'Next',
  },

  share: {
    share: 'Share',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    copyFailed: 'Copy this link:',
    text: (name, address) => (address ? `${name}, ${address}` : name),
    print: 'Print',
    qr: 'Scan to open this station on the map',
    printView: 'Printable station card',
  },

  errors: {
    'fetch-failed': (details) =>
      `Could not load the stations${details?.status ? ` (HTTP ${details.status})` : ''}. Check your connection and retry.`,
    'invalid-geojson': () => 'The station data is not valid GeoJSON, so it cannot be shown.',
    'too-large': (details) =>
      details?.maxFeatures !== undefined
        ? `The station data has more than ${details.maxFeatures.toLocaleString('en-US')} stations, too many to show, so it was not loaded.`
        : details?.maxBytes !== undefined
          ? `The station data is larger than ${Math.round(details.maxBytes / 1048576)} MB, so it was not loaded.`
          : 'The station data is too large, so it was not loaded.',
    'invalid-features': ({ skipped, total }) =>
      total !== undefined
        ? `Skipped ${skipped} of ${total} stations because of bad data.`
        : `Skipped ${skipped} ${skipped === 1 ? 'station' : 'stations'} because of bad data.`,
    'geolocation-denied': () =>
      'Your position is not available: location permission was denied. Allow it in the browser settings, or click the map to set your position.',
    'geolocation-unavailable': (details) =>
      details?.insecure
        ? 'Browsers only share your position with secure (HTTPS) pages. Click the map to set your position.'
        : 'Your position is not available right now. Retry later, or click the map to set your position.',
    'route-failed': () => 'Could not find a route; showing the straight-line distance only.',
    'tiles-failed': () => 'The map background failed to load; the stations are still listed.',
    'basemap-key-missing': (details) =>
      `The ${details?.provider && details.provider !== 'tianditu' ? details.provider : 'Tianditu'} basemap needs a key: set the basemap-key attribute.`,
  },
  facts: {
    status: 'Status',
    statuses: { open: 'Open as usual', 'closed-temporarily': 'Temporarily closed', maintenance: 'Under maintenance' },
    entry: 'How to get in',
    photoAlt: (name) => `Photo of ${name}`,
    reportProblem: 'Report a problem',
    offlineCopy: (m) => {
      const [n, unit] = m < 60 ? [Math.max(1, m), 'minute'] : m < 2880 ? [Math.round(m / 60), 'hour'] : [Math.round(m / 1440), 'day'];
      return `Could not fetch the latest data: showing data from ${n} ${unit}${n === 1 ? '' : 's'} ago`;
    },
  },
};
