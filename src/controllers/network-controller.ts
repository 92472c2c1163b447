/**
 * The path network (`network` URL) of `<station-map>`: fetched with a timeout and a size limit,
 * then parsed, converted to WGS-84 and its routing graph built in time slices (`readNetworkSteps`)
 * before it is used for routing, the nearest list and coverage, so neither the load nor any route
 * or render takes one long task. The routing code (`data/path-network.ts`) is loaded with the
 * network, while it downloads, and handed on with it (`LoadedNetwork`). A newer URL, or
 * disconnecting, aborts the request and the build.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runStepsSliced } from '../data/build-store-sliced.js';
import { fetchStationText } from '../data/fetch-stations.js';
import type * as PathNetwork from '../data/path-network.js';
import { StationMapError } from '../errors.js';
import type { Crs, Network, StationMapErrorCode } from '../types.js';

/** The network request gives up after this long (a large network may take longer than stations). */
export const NETWORK_TIMEOUT_MS = 20_000;
/** A network file over this many bytes is refused (`too-large`), as station files are at 100 MiB. */
export const NETWORK_MAX_BYTES = 100 * 2 ** 20;

/** What the network loader reads from and tells its element. */
export interface NetworkControllerOptions {
  url(): string | null;
  crs(): Crs;
  /** `fetch-failed` (HTTP error, timeout, network), `invalid-geojson` (not JSON) or `too-large`. */
  onError(code: StationMapErrorCode, message: string): void;
}

/** A network ready to use, with the routing code that built its graph. */
export interface LoadedNetwork {
  /**
   * The network's document: its routing graph (WGS-84) is built and cached for it, and its features
   * were read into that graph and not kept (`readNetworkSteps`).
   */
  readonly data: Network;
  /**
   * The loaded routing module. Route, rank and cover with its functions only: in the script-tag
   * bundle it is a side file with its own graph cache, which holds `data`'s graph.
   */
  readonly routing: typeof PathNetwork;
}

/** Owns the path network of one `<station-map>`. */
export class NetworkController implements ReactiveController {
  private abort: AbortController | null = null;
  private network: LoadedNetwork | null = null;
  /** The URL and coordinate system last loaded (or dropped) for. */
  private loadedFor: [string | null, Crs | null] = [null, null];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NetworkControllerOptions,
  ) {
    host.addController(this);
  }

  /** The loaded network (its graph built) and its routing code, or `null`. */
  get data(): LoadedNetwork | null {
    return this.network;
  }

  /** Loads again when the `network` URL changed, or the `crs` its coordinates are read in. */
  hostUpdated(): void {
    const url = this.options.url();
    const crs = url ? this.options.crs() : null;
    if (url === this.loadedFor[0] && crs === this.loadedFor[1]) return;
    this.loadedFor = [url, crs];
    void this.load();
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
    // Fetched while the network downloads; caught here so a failed download leaves no unhandled rejection.
    const loading = import('../data/path-network.js');
    loading.catch(() => {});
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
      let routing: typeof PathNetwork;
      try {
        routing = await loading;
      } catch (error) {
        throw new StationMapError('fetch-failed', `${prefix}: its routing code could not be loaded (${(error as Error)?.message ?? error})`);
      }
      let network: Network;
      try {
        network = await runStepsSliced(routing.readNetworkSteps(text, this.options.crs()), { signal: abort.signal });
      } catch (error) {
        if (error instanceof SyntaxError) throw new StationMapError('invalid-geojson', `${prefix}: it is not JSON (${error.message})`);
        throw fromSideFile(error);
      }
      if (abort.signal.aborted) return;
      this.network = { data: network, routing };
      // The host's update shows it to the list and the coverage layer (they compare their inputs).
      this.host.requestUpdate();
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

/**
 * The routing module's `StationMapError` as the element's: in the script-tag bundle that module is
 * a side file with its own copy of the class, which `instanceof` does not recognise.
 */
function fromSideFile(error: unknown): unknown {
  if (error instanceof StationMapError || !(error instanceof Error) || error.name !== 'StationMapError') return error;
  return new StationMapError((error as StationMapError).code, error.message, { cause: error });
}
