/**
 * Loads Leaflet on demand. Leaflet reads `window` and `document` while its module is evaluated,
 * so a static import would break `import 'station-map'` in Node and server-side rendering.
 * The script-tag bundle inlines this import; ESM users get it as a separate chunk.
 */
export type Leaflet = typeof import('leaflet/dist/leaflet-src.esm.js');

let leaflet: Promise<Leaflet> | undefined;

/**
 * Resolves to the Leaflet module, loading it once per page. In the script-tag bundle the module
 * is a factory (`createLeaflet`, see asLeafletFactory in scripts/trim-leaflet.mjs): Leaflet's own
 * code runs on this first call, when the first map is made, not with the bundle, before the
 * parser reaches the element.
 */
export function loadLeaflet(): Promise<Leaflet> {
  leaflet ??= import('leaflet/dist/leaflet-src.esm.js').then((module) =>
    'createLeaflet' in module ? (module.createLeaflet as () => Leaflet)() : module,
  );
  return leaflet;
}
