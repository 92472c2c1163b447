/**
 * The stations of the side list: nearest to the user (by path when a network is loaded) or to the
 * map centre. Remembered between renders, because routing a few dozen candidates is too much to
 * repeat for every keystroke or hover.
 */
import type { StationStore } from '../data/station-store.js';
import type { LngLat, Station, TravelMode } from '../types.js';
import type { LoadedNetwork } from './network-controller.js';

/** One row of the list. */
export interface ListItem {
  index: number;
  station: Station;
  distanceMeters: number;
}

/** What the list is made of; the same inputs give the same (cached) rows. */
export interface NearestListInput {
  store: StationStore | null;
  center: LngLat | null;
  /** How many rows. */
  k: number;
  accept: ((index: number) => boolean) | null;
  /** Rank by path along this network (with its routing code), else by great-circle distance. */
  network: LoadedNetwork | null;
  mode: TravelMode;
}

/** The list's rows with a one-entry cache. */
export class NearestList {
  private cache: { key: unknown[]; items: ListItem[] } | null = null;

  /** The rows for `input`, nearest first. */
  itemsFor(input: NearestListInput): ListItem[] {
    const { store, center, k, accept, network, mode } = input;
    if (!store || !center) return [];
    const key = [store, center[0], center[1], k, accept, network, mode];
    if (this.cache && this.cache.key.every((v, i) => v === key[i])) return this.cache.items;
    let items: ListItem[];
    if (network) {
      const filter = accept ? (station: Station) => accept(store.indexById.get(station.id)!) : undefined;
      items = network.routing.nearestByRoute(store.wgsStations(), network.data, center[0], center[1], k, { filter, mode }).map((r) => {
        const index = store.indexById.get(r.station.id)!;
        return { index, station: store.station(index), distanceMeters: r.routeMeters ?? r.distanceMeters };
      });
    } else {
      items = store
        .nearest(center[0], center[1], k, { accept: accept ?? undefined })
        .map(({ index, distanceMeters }) => ({ index, station: store.station(index), distanceMeters }));
    }
    this.cache = { key, items };
    return items;
  }
}
