/**
 * Entry of the self-contained script-tag bundle (`station-map.iife.js`): registers
 * `<station-map>` and exposes the public API as `window.StationMapWidget`.
 */
export * from './index.js';
export * from './core.js';
