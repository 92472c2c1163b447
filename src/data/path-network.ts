/**
 * Everything `<station-map>` does with a path network (`network`), in one module the element loads
 * with `import()` once a page sets one: reading it, building its graph, routing on it, ranking the
 * list by path and coverage along it. In the script-tag bundle this module is one side file
 * (`station-map.path-network.js`), so pages without a network never download the routing code,
 * and the element reaches these functions only through the loaded module (`LoadedNetwork.routing`):
 * the graph cache is module state, and a second copy of the routing code elsewhere would not find
 * the graph this one built.
 */
import { convertNetworkToWgs84 } from '../geo/crs/page-crs.js';
import { buildRouteGraphSteps } from '../geo/route/route-graph.js';
import type { Crs, Network } from '../types.js';
import { GRAPH_STEP, runStepsWithin, type Steps } from '../util/steps.js';
import { parseJsonSteps } from './parse-json-steps.js';

export { fillNetworkMinutesSteps } from '../geo/coverage/coverage-network.js';
export { routeOnNetwork } from '../geo/route/build-route.js';
export { nearestByRoute } from './nearest-by-route.js';

/**
 * The network in `text` (GeoJSON in `crs`) in WGS-84 with its routing graph built, as steps: the
 * element runs them between frames (`runStepsSliced`), so no part of a 100 MB network (the JSON
 * parse, the datum shift, the graph) takes one long task. Throws `JSON.parse`'s `SyntaxError` for
 * a text that is not JSON, and the graph's `too-large` error past its position limit.
 *
 * @example const network = await runStepsSliced(readNetworkSteps(text, 'gcj02'), { signal });
 */
export function* readNetworkSteps(text: string, crs: Crs): Steps<Network> {
  const json = (yield* runStepsWithin(parseJsonSteps(text), 0, 0.4)) as Network;
  const network = crs === 'wgs84' ? json : yield* runStepsWithin(convertSteps(json, crs), 0.4, 0.5);
  yield* runStepsWithin(buildRouteGraphSteps(network), 0.5, 1);
  return network;
}

/** `convertNetworkToWgs84` a few thousand features a step. */
function* convertSteps(network: Network, crs: Crs): Steps<Network> {
  const all: unknown = network?.features;
  if (!Array.isArray(all)) return convertNetworkToWgs84(network, crs);
  const features: Network['features'] = [];
  for (let from = 0; from < all.length; from += GRAPH_STEP) {
    const part = convertNetworkToWgs84({ type: 'FeatureCollection', features: all.slice(from, from + GRAPH_STEP) }, crs);
    for (const feature of part.features) features.push(feature);
    yield from / all.length;
  }
  return { ...network, features };
}
