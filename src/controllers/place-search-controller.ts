/**
 * Place search for the search box: picks the geocoder (the page's, else `geocoder-url`'s
 * Nominatim, else 天地图 with its key), asks it as the user types, and holds the results the
 * list shows above the station matches.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaceResult, PlaceSearchState } from '../ui/place-results.js';
import type { GeocoderSettings, PlaceSearchControllerOptions, PlaceSearchSession } from './place-search-session.js';

export type { GeocoderSettings, PlaceSearchControllerOptions } from './place-search-session.js';

/** Owns the place results of one `<station-map>`'s search box; the work is in its session, loaded on the first search. */
export class PlaceSearchController implements ReactiveController {
  private session: PlaceSearchSession | null = null;
  private loading: Promise<PlaceSearchSession> | null = null;
  private loadFailed = false;
  private pickedName: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlaceSearchControllerOptions,
  ) {
    host.addController(this);
  }

  /** Geocoder results for the search box. */
  get state(): PlaceSearchState {
    return this.loadFailed ? { state: 'failed' } : (this.session?.state ?? { state: 'idle' });
  }

  /** The place picked from the results, named in the list heading. */
  get picked(): string | null {
    return this.pickedName;
  }

  hostDisconnected(): void {
    // The cancelled request never answers: without this, "Searching…" would stay after re-attaching.
    this.session?.cancel();
  }

  /** Asks the geocoder for `query` once typing pauses; shorter than 2 characters clears the results. */
  async search(query: string): Promise<void> {
    if (!hasGeocoder(this.options.settings())) return;
    this.loading ??= import('./place-search-session.js').then((m) => (this.session = new m.PlaceSearchSession(this.options, () => this.host.requestUpdate())));
    let session: PlaceSearchSession;
    try {
      session = await this.loading;
    } catch (error) {
      // The geocoding code could not be loaded (a side file not hosted, offline): the box keeps its
      // station matches, and the next search tries again.
      this.loading = null;
      this.loadFailed = true;
      this.host.requestUpdate();
      this.options.onError(error instanceof Error ? error.message : String(error));
      return;
    }
    this.loadFailed = false;
    await session.search(query);
  }

  /** A place was picked: drop the results and remember its name. */
  pick(place: PlaceResult): void {
    this.session?.cancel(true);
    if (this.pickedName !== place.name) {
      this.pickedName = place.name;
      this.host.requestUpdate();
    }
  }
}

/** Whether `settings` give place search a geocoder: no need to load the geocoding code otherwise. */
function hasGeocoder({ geocoder, geocoderUrl, basemap, basemapKey }: GeocoderSettings): boolean {
  return Boolean(geocoder || geocoderUrl || (basemap === 'tianditu' && basemapKey));
}
