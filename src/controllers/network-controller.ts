/**
 * The path network (`network` URL) of `<station-map>`: fetched, converted to WGS-84 once, and used
 * for routing, the nearest list and coverage. A newer URL, or disconnecting, aborts the request.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { convertNetworkToWgs84 } from '../geo/page-crs.js';
import type { Crs, Network } from '../types.js';

/** What the network loader reads from and tells its element. */
export interface NetworkControllerOptions {
  url(): string | null;
  crs(): Crs;
  /** The network arrived (the host has been asked to update). */
  onLoaded(): void;
  onError(message: string): void;
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

  /** The loaded network in WGS-84, or `null`. */
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
    try {
      const response = await fetch(new URL(url, document.baseURI), { signal: abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json = (await response.json()) as Network;
      const crs = this.options.crs();
      this.network = crs === 'wgs84' ? json : convertNetworkToWgs84(json, crs);
      this.host.requestUpdate();
      this.options.onLoaded();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.options.onError(`Could not load the path network from ${url}: ${(error as Error).message ?? error}`);
    }
  }
}
