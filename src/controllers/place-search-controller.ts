/**
 * Place search for the search box: picks the geocoder (the page's, else `geocoder-url`'s
 * Nominatim, else 天地图 with its key), asks it as the user types, and holds the results the
 * list shows above the station matches.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaceSearch } from '../data/geocoders/place-search.js';
import { toWgs84 } from '../geo/crs/crs.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { Crs, Geocoder } from '../types.js';
import type { PlaceResult, PlaceSearchState } from '../ui/place-results.js';

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

/** Owns the place results of one `<station-map>`'s search box. */
export class PlaceSearchController implements ReactiveController {
  private searcher: { key: unknown[]; search: PlaceSearch; pageCrs: boolean } | null = null;
  private currentState: PlaceSearchState = { state: 'idle' };
  private pickedName: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlaceSearchControllerOptions,
  ) {
    host.addController(this);
  }

  /** Geocoder results for the search box. */
  get state(): PlaceSearchState {
    return this.currentState;
  }

  /** The place picked from the results, named in the list heading. */
  get picked(): string | null {
    return this.pickedName;
  }

  hostDisconnected(): void {
    this.searcher?.search.cancel();
    // The cancelled request never answers: without this, "Searching…" would stay after re-attaching.
    if (this.currentState.state === 'searching') this.setState({ state: 'idle' });
  }

  /** Asks the geocoder for `query` once typing pauses; shorter than 2 characters clears the results. */
  async search(query: string): Promise<void> {
    const settings = this.options.settings();
    if (!hasGeocoder(settings)) return;
    let searcher: Awaited<ReturnType<typeof this.searcherFor>>;
    try {
      searcher = await this.searcherFor(settings);
    } catch (error) {
      // The geocoding code could not be loaded (a side file not hosted, offline): the box keeps its station matches.
      this.setState({ state: 'failed' });
      this.options.onError(error instanceof Error ? error.message : String(error));
      return;
    }
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

  /** A place was picked: drop the results and remember its name. */
  pick(place: PlaceResult): void {
    this.searcher?.search.cancel();
    this.setState({ state: 'idle' });
    if (this.pickedName !== place.name) {
      this.pickedName = place.name;
      this.host.requestUpdate();
    }
  }

  private setState(state: PlaceSearchState): void {
    this.currentState = state;
    this.host.requestUpdate();
  }

  /** The place search in use, rebuilt only when a setting that picks the geocoder changes. */
  private async searcherFor(settings: GeocoderSettings): Promise<{ search: PlaceSearch; pageCrs: boolean } | null> {
    const { geocoder: pageGeocoder, geocoderUrl, basemap, basemapKey, lang } = settings;
    const key = [pageGeocoder, geocoderUrl, basemap, basemapKey, lang];
    const sameKey = () => this.searcher && this.searcher.key.every((v, i) => v === key[i]);
    if (sameKey()) return this.searcher;
    const { createNominatimGeocoder, createPlaceSearch, createTiandituGeocoder } = await import('../data/geocoders/geocoding.js');
    // Another search may have built it while the module loaded.
    if (sameKey()) return this.searcher;
    this.searcher?.search.cancel();
    let geocoder: Geocoder | null = pageGeocoder;
    if (!geocoder && geocoderUrl) geocoder = createNominatimGeocoder({ url: geocoderUrl, language: lang === 'en' ? 'en,zh' : 'zh-CN,zh,en' });
    if (!geocoder && basemap === 'tianditu' && basemapKey) geocoder = createTiandituGeocoder({ key: basemapKey });
    this.searcher = geocoder ? { key, search: createPlaceSearch(geocoder), pageCrs: geocoder === pageGeocoder } : null;
    return this.searcher;
  }
}

/** Whether `settings` give place search a geocoder: no need to load the geocoding code otherwise. */
function hasGeocoder({ geocoder, geocoderUrl, basemap, basemapKey }: GeocoderSettings): boolean {
  return Boolean(geocoder || geocoderUrl || (basemap === 'tianditu' && basemapKey));
}
