/**
 * Entry of the self-contained script-tag bundle (`station-map.iife.js`): registers
 * `<station-map>` and exposes the element's class and error type as `window.StationMapWidget`.
 * The pure functions of `station-map/core` stay out of it: a page without a bundler imports them
 * as an ES module (`dist/core.js`), and every byte here counts against the bundle's 80 KB budget.
 */
export * from './index.js';
