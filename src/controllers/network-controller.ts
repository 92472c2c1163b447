/**
 * The path network (`network` URL) of `<station-map>`: fetched with a timeout and a size limit,
 * converted to WGS-84 once, and its routing graph built in time slices before it is used for
 * routing, the nearest list and coverage, so no route or render ever builds it in one long task.
 * A newer URL, or disconnecting, aborts the request and the build.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runStepsSliced } from '../data/build-store-sliced.js';
import { fetchStationText } from '../data/load-stations.js';
import { StationMapError } from '../errors.js';
import { convertNetworkToWgs84 } from '../geo/crs/page-crs.js';
import { buildRouteGraphSteps } from '../geo/route/route-graph.js';
import type { Crs, Network, StationMapErrorCode } from '../types.js';

/** The network request gives up after this long (a large network may take longer than stations). */
export const NETWORK_TIMEOUT_MS = 20_000;
/** A network file over this many bytes is refused (`too-large`), as station files are at 100 MiB. */
export const NETWORK_MAX_BYTES = 100 * 2 ** 20;

/** What the network loader reads from and tells its element. */
export interface NetworkControllerOptions {
  url(): string | null;
  crs(): Crs;
  /** The network arrived and its graph is built (the host has been asked to update). */
  onLoaded(): void;
  /** `fetch-failed` (HTTP error, timeout, network), `invalid-geojson` (not JSON) or `too-large`. */
  onError(code: StationMapErrorCode, message: string): void;
}

/** Owns the path network of one `<station-map>`. */
export class NetworkController implements ReactiveController {
  private abort: AbortController | null = null;
  private network: Network | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NetworkControllerOptions,
  ) {
    host.addController(this);
  }

  /** The loaded network in WGS-84 (its graph built), or `null`. */
  get data(): Network | null {
    return this.network;
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** A disconnect aborted the request: start it again. */
  resume(): void {
    if (this.options.url() && !this.network && this.abort?.signal.aborted) void this.load();
  }

  /** (Re)loads the network from the `network` URL; without one, drops it. */
  async load(): Promise<void> {
    this.abort?.abort();
    this.network = null;
    const url = this.options.url();
    if (!url) return;
    const abort = (this.abort = new AbortController());
    const prefix = `Could not load the path network from ${url}`;
    try {
      let text: string;
      try {
        text = await fetchStationText(new URL(url, document.baseURI).href, {
          signal: abort.signal,
          timeoutMs: NETWORK_TIMEOUT_MS,
          maxBytes: NETWORK_MAX_BYTES,
        });
      } catch (error) {
        // The loader speaks of stations; the reason after the colon is the network's.
        if (error instanceof StationMapError) throw new StationMapError(error.code, `${prefix}${error.message.slice(error.message.indexOf(':'))}`);
        throw error;
      }
      let json: Network;
      try {
        json = JSON.parse(text) as Network;
      } catch (error) {
        throw new StationMapError('invalid-geojson', `${prefix}: it is not JSON (${(error as Error).message})`);
      }
      const crs = this.options.crs();
      const network = crs === 'wgs84' ? json : convertNetworkToWgs84(json, crs);
      await runStepsSliced(buildRouteGraphSteps(network), { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.network = network;
      this.host.requestUpdate();
      this.options.onLoaded();
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof StationMapError) {
        const message = error.message.startsWith(prefix) ? error.message : `${prefix}: ${error.message}`;
        this.options.onError(error.code, message);
      } else {
        this.options.onError('fetch-failed', `${prefix}: ${(error as Error)?.message ?? error}`);
      }
    }
  }
}
