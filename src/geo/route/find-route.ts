/**
 * The element's routing chain: along the loaded path network, else the OSRM-compatible route
 * service, else a straight line, so a worker always gets a way to the station and is told why it
 * is only an estimate. No DOM: runs in Node and a Worker.
 */
import type { LngLat, Network, Route, TravelMode } from '../../types.js';
import type { routeOnNetwork } from './build-route.js';
import { straightRoute } from './straight-route.js';

/**
 * A path network with the routing code that built its graph. The code comes with the network
 * (the element loads it with the network, a side file in the script-tag bundle) rather than by an
 * import here, so a page without a network never loads it and the route finds the graph that code
 * built.
 */
export interface RoutableNetwork {
  /** The network (WGS-84), or the document its graph was built and cached for. */
  readonly data: Network;
  readonly routing: { readonly routeOnNetwork: typeof routeOnNetwork };
}

/** Options of {@link findRoute}. */
export interface FindRouteOptions {
  /** Travel mode of every step of the chain. */
  mode: TravelMode;
  /** Speeds in metres per second per mode for the durations of network and straight routes (default: `DEFAULT_SPEEDS`). */
  speeds?: Partial<Record<TravelMode, number>> | null;
  /** Path network in WGS-84 with its routing code, tried first. */
  network?: RoutableNetwork | null;
  /** Base URL of an OSRM-compatible service, tried second. */
  routerUrl?: string | null;
  /** Cancels the service request; the promise then rejects with its `AbortError`. */
  signal?: AbortSignal;
  /** Told when the service fails (not when aborted), before falling back to a straight line. */
  onServiceError?(message: string): void;
}

/**
 * Routes from `start` to `end` (WGS-84). A route that is not along the network carries
 * `fallbackReason` when an earlier step of the chain failed.
 *
 * @example const route = await findRoute([117.1, 36.2], [117.13, 36.21], { mode: 'walking', routerUrl });
 */
export async function findRoute(start: LngLat, end: LngLat, options: FindRouteOptions): Promise<Route> {
  const { mode, network, routerUrl, signal } = options;
  let route: Route | null = null;
  const reasons: string[] = [];
  if (network) {
    const result = network.routing.routeOnNetwork(network.data, start, end, { mode, speeds: options.speeds ?? undefined });
    if (result.route) route = result.route;
    else reasons.push(result.message);
  }
  if (!route && routerUrl) {
    try {
      // Loaded on the first service route: pages without a route service never need it.
      const { fetchServiceRoute } = await import('./route-service.js');
      route = await fetchServiceRoute(routerUrl, start, end, { mode, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      reasons.push(message);
      options.onServiceError?.(message);
    }
  }
  if (!route) route = straightRoute(start, end, { mode, speeds: options.speeds ?? undefined });
  if (reasons.length && route.kind !== 'network') route = { ...route, fallbackReason: reasons.join('; ') };
  return route;
}
