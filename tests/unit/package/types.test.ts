/**
 * The typings a TypeScript page relies on. These are checked by `npm run typecheck` (tsc reads this
 * file; a wrong type is a compile error), and the runtime part checks the event names line up.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  FilterChangeDetail,
  LocationChangeDetail,
  Route,
  RouteChangeDetail,
  Station,
  StationFilter,
  StationMap,
  StationMapErrorDetail,
  StationMapEventMap,
  StationSelectDetail,
  StationsLoadDetail,
} from '../../../src/index.js';
import { readSource } from './manifest.js';

describe('public types of station-map', () => {
  it('maps the tag name to the class', () => {
    expectTypeOf<HTMLElementTagNameMap['station-map']>().toEqualTypeOf<StationMap>();
    // Not called: Node has no document. Only its type is checked.
    const create = () => document.createElement('station-map');
    expectTypeOf(create).returns.toEqualTypeOf<StationMap>();
  });

  it('types every event in GlobalEventHandlersEventMap with its detail', () => {
    expectTypeOf<GlobalEventHandlersEventMap['station-select']>().toEqualTypeOf<CustomEvent<StationSelectDetail>>();
    expectTypeOf<GlobalEventHandlersEventMap['stations-load']>().toEqualTypeOf<CustomEvent<StationsLoadDetail>>();
    expectTypeOf<GlobalEventHandlersEventMap['location-change']>().toEqualTypeOf<CustomEvent<LocationChangeDetail>>();
    expectTypeOf<GlobalEventHandlersEventMap['route-change']>().toEqualTypeOf<CustomEvent<RouteChangeDetail>>();
    expectTypeOf<GlobalEventHandlersEventMap['filter-change']>().toEqualTypeOf<CustomEvent<FilterChangeDetail>>();
    expectTypeOf<GlobalEventHandlersEventMap['station-map-error']>().toEqualTypeOf<CustomEvent<StationMapErrorDetail>>();
    // Every entry of StationMapEventMap, whatever is added later.
    expectTypeOf<{ [K in keyof StationMapEventMap]: GlobalEventHandlersEventMap[K] }>().toEqualTypeOf<StationMapEventMap>();
    expectTypeOf<StationSelectDetail['station']>().toEqualTypeOf<Station>();
    expectTypeOf<RouteChangeDetail['route']>().toEqualTypeOf<Route | null>();
  });

  it('exports Station, Route and StationFilter with the spec fields', () => {
    expectTypeOf<Station['id']>().toEqualTypeOf<string>();
    expectTypeOf<Station['properties']['name']>().toEqualTypeOf<string>();
    expectTypeOf<Route['kind']>().toEqualTypeOf<'network' | 'service' | 'straight'>();
    expectTypeOf<StationFilter['types']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<StationFilter['services']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<StationFilter['openNow']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<StationFilter['text']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<StationMap['filter']>().toEqualTypeOf<StationFilter | null>();
  });

  it('keeps the event names of StationMapEventMap and the element in step', () => {
    const events = readSource('src/events.ts');
    const names = [...events.matchAll(/'([a-z-]+)':\s*CustomEvent</g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['station-select', 'stations-load', 'location-change', 'route-change', 'station-map-error']));
    expect(events).toMatch(/interface GlobalEventHandlersEventMap extends StationMapEventMap/);
  });
});
