/**
 * The working part of place search (see PlaceSearchController): picks the geocoder (the page's,
 * else `geocoder-url`'s Nominatim, else 天地图 with its key), asks it as the user types and holds
 * the results. Its own module with the built-in geocoders, loaded on the first place search (in
 * the script-tag bundle a side file): most workers never type a place name.
 */
import { createNominatimGeocoder, createPlaceSearch, createTiandituGeocoder } from '../data/geocoders/geocoding.js';
import type { PlaceSearch } from '../data/geocoders/place-search.js';
import { toWgs84 } from '../geo/crs/crs.js';
import type { Geocoder } from '../types.js';
import type { PlaceResult, PlaceSearchState } from '../ui/place-results.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { Crs } from '../types.js';

/** The element's settings that choose the geocoder. */
export interface GeocoderSettings {
  geocoder: Geocoder | null;
  geocoderUrl: string | null;
  basemap: string;
  basemapKey: string | null;
  lang: UiLang;
}

/** What the place search reads from its element. */
export interface PlaceSearchControllerOptions {
  settings(): GeocoderSettings;
  crs(): Crs;
  /** The geocoder failed; the box keeps its station matches. */
  onError(message: string): void;
}

/** Place search for one element: its geocoder and its current results. */
export class PlaceSearchSession {
  private searcher: { key: unknown[]; search: PlaceSearch; pageCrs: boolean } | null = null;
  /** Geocoder results for the search box. */
  state: PlaceSearchState = { state: 'idle' };

  /** @param onChange The state changed: the element renders again. */
  constructor(
    private readonly options: PlaceSearchControllerOptions,
    private readonly onChange: () => void,
  ) {}

  /** Asks the geocoder for `query`; shorter than 2 characters clears the results. */
  async search(query: string): Promise<void> {
    const searcher = this.searcherFor(this.options.settings());
    if (!searcher) return;
    if (query.trim().length < 2) {
      searcher.search.cancel();
      this.setState({ state: 'idle' });
      return;
    }
    this.setState({ state: 'searching' });
    try {
      const found = await searcher.search.search(query);
      if (found === null) return;
      const places: PlaceResult[] = [];
      for (const place of found.slice(0, 8)) {
        if (!place || !Number.isFinite(place.lng) || !Number.isFinite(place.lat)) continue;
        // The page's geocoder speaks the element's crs; the built-in ones WGS-84.
        const [lng, lat] = searcher.pageCrs ? toWgs84([place.lng, place.lat], this.options.crs()) : [place.lng, place.lat];
        places.push({ name: String(place.name ?? ''), lng, lat });
      }
      this.setState({ state: 'done', places });
    } catch (error) {
      this.setState({ state: 'failed' });
      this.options.onError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Stops the request in flight ("Searching…" must not stay after it); `clear` drops the results too. */
  cancel(clear = false): void {
    this.searcher?.search.cancel();
    if (clear || this.state.state === 'searching') this.setState({ state: 'idle' });
  }

  private setState(state: PlaceSearchState): void {
    this.state = state;
    this.onChange();
  }

  /** The place search in use, rebuilt only when a setting that picks the geocoder changes. */
  private searcherFor(settings: GeocoderSettings): { search: PlaceSearch; pageCrs: boolean } | null {
    const { geocoder: pageGeocoder, geocoderUrl, basemap, basemapKey, lang } = settings;
    const key = [pageGeocoder, geocoderUrl, basemap, basemapKey, lang];
    if (this.searcher?.key.every((v, i) => v === key[i])) return this.searcher;
    this.searcher?.search.cancel();
    let geocoder: Geocoder | null = pageGeocoder;
    if (!geocoder && geocoderUrl) geocoder = createNominatimGeocoder({ url: geocoderUrl, language: lang === 'en' ? 'en,zh' : 'zh-CN,zh,en' });
    if (!geocoder && basemap === 'tianditu' && basemapKey) geocoder = createTiandituGeocoder({ key: basemapKey });
    this.searcher = geocoder ? { key, search: createPlaceSearch(geocoder), pageCrs: geocoder === pageGeocoder } : null;
    return this.searcher;
  }
}
