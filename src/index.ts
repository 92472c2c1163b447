/**
 * `station-map`: registers `<station-map>` and exports its class and types.
 *
 * @example
 * import 'station-map';
 * import { StationMap } from 'station-map';
 */
import { StationMap } from './station-map.js';

export { StationMap } from './station-map.js';
export { StationMapError } from './errors.js';
export type * from './events.js';
export type * from './types.js';
export type { StationFields } from './data/station-fields.js';

// Two bundles on one page (two CMS blocks) must not throw "already defined". customElements
// exists in browsers and in Lit's Node shim, so this is safe during server-side rendering too.
if (typeof customElements !== 'undefined' && !customElements.get('station-map')) {
  customElements.define('station-map', StationMap);
}
