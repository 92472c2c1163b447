/**
 * Loads Leaflet on demand. Leaflet reads `window` and `document` while its module is evaluated,
 * so a static import would break `import 'station-map'` in Node and server-side rendering.
 * The script-tag bundle inlines this import; ESM users get it as a separate chunk.
 */
export type Leaflet = typeof import('leaflet/dist/leaflet-src.esm.js');

let leaflet: Promise<Leaflet> | undefined;

/** Resolves to the Leaflet module, loading it once per page. */
export function loadLeaflet(): Promise<Leaflet> {
  leaflet ??= import('leaflet/dist/leaflet-src.esm.js');
  return leaflet;
}
