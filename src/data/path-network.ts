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
import { addLineFeatures, createLineParts } from '../geo/route/line-parts.js';
import { buildGraphOfPartsSteps, cacheRouteGraph } from '../geo/route/route-graph.js';
import type { Crs, Network } from '../types.js';
import { runStepsWithin, type Steps } from '../util/steps.js';
import { parseJsonSteps } from './parse-json-steps.js';

export { fillNetworkMinutesSteps } from '../geo/coverage/coverage-network.js';
export { routeOnNetwork } from '../geo/route/build-route.js';
export { nearestByRoute } from './nearest-by-route.js';

/**
 * The network in `text` (GeoJSON in `crs`) with its routing graph built, as steps: the element
 * runs them between frames (`runStepsSliced`), so no part of a 100 MB network (the JSON parse, the
 * datum shift, the graph) takes one long task. Each piece of features parsed is shifted to WGS-84
 * and read into the graph's line parts at once and then dropped: a million two-point segments as
 * objects would hold some 400 MB and stall the page in garbage collection. So the document
 * returned has `features: []`; its graph is cached for it (routes, the list and coverage on it use
 * that graph). Throws `JSON.parse`'s `SyntaxError` for a text that is not JSON, and `too-large`
 * past the position limit.
 *
 * @example const network = await runStepsSliced(readNetworkSteps(text, 'gcj02'), { signal });
 */
export function* readNetworkSteps(text: string, crs: Crs): Steps<Network> {
  const parts = createLineParts();
  const read = (features: unknown[]) =>
    addLineFeatures(parts, crs === 'wgs84' ? features : convertNetworkToWgs84({ type: 'FeatureCollection', features: features as Network['features'] }, crs).features);
  const document = (yield* runStepsWithin(parseJsonSteps(text, { onFeatures: read }), 0, 0.4)) as Network;
  const graph = yield* runStepsWithin(buildGraphOfPartsSteps(parts), 0.4, 1);
  // A document that is not an object (JSON `null`, a number) has no lines: an empty network.
  const network: Network = typeof document === 'object' && document !== null ? document : { type: 'FeatureCollection', features: [] };
  cacheRouteGraph(network, graph);
  return network;
}
