/**
 * `station-map/react`: `<StationMap>` as a React component, for React 17–19 apps.
 *
 * Every element property is a prop (`stations`, `filter`, `selected`, `crs`, `basemap` …) and every
 * event has an `on…` prop with its typed `CustomEvent`. React 19 could set properties on custom
 * elements itself, but it would take `onStationSelect` as a `stationselect` listener; the
 * `@lit/react` wrapper maps each prop to the element's real event name and works on React 18 too.
 *
 * @example
 * import { StationMap } from 'station-map/react';
 *
 * <StationMap
 *   src="/stations.geojson"
 *   style={{ height: 480 }}
 *   onStationSelect={(e) => setPicked(e.detail.station.properties.name)}
 * />
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import React from 'react';
import type { StationMapEventMap } from './events.js';
import { StationMap as StationMapElement } from './station-map.js';

// The component renders <station-map>, so this entry registers it, guarded like `station-map`
// (both entries on one page must not throw). Stated here rather than by importing './index.js':
// package.json "sideEffects" lets bundlers drop that import, and the element would stay undefined.
if (typeof customElements !== 'undefined' && !customElements.get('station-map')) {
  customElements.define('station-map', StationMapElement);
}

/** React prop name → event name, for every event `<station-map>` fires. */
const eventNames = {
  onStationSelect: 'station-select',
  onStationsLoad: 'stations-load',
  onLocationChange: 'location-change',
  onRouteChange: 'route-change',
  onFilterChange: 'filter-change',
  onCoverageChange: 'coverage-change',
  onStationMapError: 'station-map-error',
  onNavigate: 'navigate',
} as const satisfies Record<string, keyof StationMapEventMap>;

// A new event in events.ts without an `on…` prop here fails the type check.
type MissingEvents = Exclude<keyof StationMapEventMap, (typeof eventNames)[keyof typeof eventNames]>;
const everyEventHasAProp: [MissingEvents] extends [never] ? true : MissingEvents = true;
void everyEventHasAProp;

/** The `on…` props of `<StationMap>`, each typed with the `CustomEvent` its handler receives. */
export type StationMapEvents = {
  [Prop in keyof typeof eventNames]: EventName<StationMapEventMap[(typeof eventNames)[Prop]]>;
};

/**
 * `<station-map>` as a React component. Props: the element's properties (`stations`, `src`,
 * `filter`, `selected`, `crs`, `basemap`, `origin`, `nearest`, `travelMode` …), the usual HTML
 * props (`className`, `style`, `lang`, `id`), `ref` to the element (for `locate()`, `routeTo()` …)
 * and `onStationSelect`, `onStationsLoad`, `onLocationChange`, `onRouteChange`, `onFilterChange`,
 * `onCoverageChange`, `onStationMapError`, `onNavigate`.
 */
export const StationMap: ReactWebComponent<StationMapElement, StationMapEvents> = createComponent<StationMapElement, StationMapEvents>({
  // (The type arguments are stated: inferring them takes tsc over half a minute, comparing the
  // whole element class with React's types.)
  react: React,
  tagName: 'station-map',
  elementClass: StationMapElement,
  // The names are plain strings at run time; the cast only attaches each event's type.
  events: eventNames as unknown as StationMapEvents,
  displayName: 'StationMap',
});

/** The props `<StationMap>` accepts. */
export type StationMapProps = React.ComponentProps<typeof StationMap>;

export type { StationMapElement };
export type * from './events.js';
export type * from './types.js';
