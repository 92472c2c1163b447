// Types of what the unit tests import from trim-leaflet.mjs (the build imports the .mjs as is).

/** The trimmed Leaflet's code as a module exporting only `createLeaflet()`, which runs it once. */
export declare function asLeafletFactory(code: string): string;
